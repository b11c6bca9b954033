import { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppEnv } from "../../http/context.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { type Bar, BarChart, ChartFigure, LineChart, type LineSeries } from "../../views/charts.tsx";
import { ConfidenceBadge, PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { DATASETS, type Dataset, type RegistryStatistics, type Totals } from "./cooperation.stats.ts";
import { AGREEMENT_STATUS_LABEL, BASIS_LABEL, indicatorValue, Name, STAGE_LABEL } from "./cooperation.views.tsx";

/** A cell as the page shows it and as the CSV carries it (plain numbers, dot decimals). */
interface Cell {
  display: string;
  raw: string | number;
}

interface Table {
  headers: string[];
  rows: Cell[][];
  /** Columns only the CSV carries (long source lists). */
  csvOnly?: number[];
}

const bn = (v: number) => Math.round((v / 1e9) * 100) / 100;
const mn = (v: number) => Math.round((v / 1e6) * 10) / 10;

function num(i18n: I18n, v: number, digits = 2): Cell {
  return { display: i18n.number(v, { maximumFractionDigits: digits }), raw: v };
}

function text(s: string): Cell {
  return { display: s, raw: s };
}

function countryLabel(i18n: I18n, code: string | null): string {
  if (code === "KZ") return i18n.t("country.KZ");
  if (code === "CN") return i18n.t("country.CN");
  return code ?? i18n.t("coop.not_stated");
}

function totalsHeaders(i18n: I18n): string[] {
  return [
    i18n.t("coop.col_projects"),
    i18n.t("coop.col_capital_kzt_bn"),
    i18n.t("coop.col_capital_usd_mn"),
    i18n.t("coop.col_unknown_capital"),
    i18n.t("coop.col_jobs_planned"),
    i18n.t("coop.col_jobs_created"),
  ];
}

function totalsCells(i18n: I18n, r: Totals): Cell[] {
  return [
    num(i18n, r.projects, 0),
    num(i18n, bn(r.capitalKzt)),
    num(i18n, mn(r.capitalUsd), 1),
    num(i18n, r.unknownCapital, 0),
    num(i18n, r.jobsPlanned, 0),
    num(i18n, r.jobsCreated, 0),
  ];
}

/** One data set as a table; the chart, the page's table and the CSV are all drawn from it. */
export function datasetTable(i18n: I18n, stats: RegistryStatistics, dataset: Dataset): Table {
  const t = i18n.t;
  switch (dataset) {
    case "projects-by-stage":
      return {
        headers: [t("coop.stage"), t("coop.col_projects")],
        rows: stats.projectsByStage.map((r) => [text(t(STAGE_LABEL[r.stage])), num(i18n, r.count, 0)]),
      };
    case "agreements-by-status":
      return {
        headers: [t("coop.status"), t("coop.col_agreements")],
        rows: stats.agreementsByStatus.map((r) => [text(t(AGREEMENT_STATUS_LABEL[r.status])), num(i18n, r.count, 0)]),
      };
    case "capital-by-country":
      return {
        headers: [t("coop.investor_country"), ...totalsHeaders(i18n)],
        rows: stats.byCountry.map((r) => [text(countryLabel(i18n, r.country)), ...totalsCells(i18n, r)]),
      };
    case "capital-by-territory":
      return {
        headers: [t("coop.location"), ...totalsHeaders(i18n)],
        rows: stats.byTerritory.map((r) => [
          text(r.territory ? i18n.pick(r.territory.name).text : t("coop.not_stated")),
          ...totalsCells(i18n, r),
        ]),
      };
    case "conversion":
      return {
        headers: [
          t("coop.col_partner"),
          t("coop.col_agreements"),
          t("coop.col_memoranda"),
          t("coop.col_agreements_with_projects"),
          ...totalsHeaders(i18n),
        ],
        rows: stats.conversion.map((r) => [
          text(i18n.pick(r.partner.name).text),
          num(i18n, r.agreements, 0),
          num(i18n, r.memoranda, 0),
          num(i18n, r.agreementsWithProjects, 0),
          ...totalsCells(i18n, r),
        ]),
      };
    case "indicators":
      return {
        headers: [
          t("coop.col_indicator"),
          t("coop.col_period"),
          t("coop.col_value"),
          t("coop.col_basis"),
          t("coop.col_confidence"),
          t("coop.sources"),
        ],
        rows: stats.indicators.map((r) => [
          text(i18n.pick(r.name).text),
          text(r.period),
          { display: indicatorValue(i18n, r), raw: r.value },
          text(t(BASIS_LABEL[r.basis])),
          { display: t(CONFIDENCE_LABEL[r.confidence as keyof typeof CONFIDENCE_LABEL] ?? "confidence.unverified"), raw: r.confidence },
          text(r.sources.join(" ")),
        ]),
        csvOnly: [5],
      };
  }
}

const DataTable: FC<{ table: Table; caption: string; id: string }> = ({ table, caption, id }) => (
  // Focusable, so a wide table can be scrolled from the keyboard (axe: scrollable-region-focusable).
  <section class="table-wrap" tabindex={0} aria-label={caption}>
    <table data-table={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>{table.headers.map((h, i) => (table.csvOnly?.includes(i) ? null : <th scope="col">{h}</th>))}</tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colspan={table.headers.length}>—</td>
          </tr>
        ) : (
          table.rows.map((row) => (
            <tr>
              {row.map((cell, i) =>
                table.csvOnly?.includes(i) ? null : i === 0 ? (
                  <th scope="row">{cell.display}</th>
                ) : (
                  <td class={typeof cell.raw === "number" ? "num" : undefined}>{cell.display}</td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  </section>
);

/** Bars from a table: the first column labels, one numeric column the value. */
function barsOf(table: Table, column: number): Bar[] {
  return table.rows.map((r) => ({ label: r[0]?.display ?? "", value: Number(r[column]?.raw ?? 0), display: r[column]?.display ?? "" }));
}

/** CSV of a data set: a BOM (Excel reads the Cyrillic right), formula-looking text cells escaped. */
export function datasetCsv(table: Table): string {
  const cell = (c: Cell) => {
    let s = String(c.raw);
    if (typeof c.raw === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.headers.map((h) => cell(text(h))).join(","), ...table.rows.map((r) => r.map(cell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const CONFIDENCE_LABEL = {
  verified: "confidence.verified",
  "single-source": "confidence.single_source",
  "article-only": "confidence.article_only",
  conflicting: "confidence.conflicting",
  estimated: "confidence.estimated",
  unverified: "confidence.unverified",
} as const;

const CHART_TITLE = {
  "projects-by-stage": "coop.chart_projects_by_stage",
  "agreements-by-status": "coop.chart_agreements_by_status",
  "capital-by-country": "coop.chart_capital_by_country",
  "capital-by-territory": "coop.chart_capital_by_territory",
  conversion: "coop.chart_conversion",
  indicators: "coop.chart_trade",
} as const;

const Figure: FC<{ ctx: PageContext; stats: RegistryStatistics; dataset: Dataset }> = ({ ctx, stats, dataset }) => {
  const { i18n } = ctx;
  const table = datasetTable(i18n, stats, dataset);
  const title = i18n.t(CHART_TITLE[dataset]);
  let chart: JSX.Element;
  if (dataset === "indicators") {
    const trade = stats.indicators.filter((r) => r.code === "trade_turnover_kz_cn");
    const categories = [...new Set(trade.map((r) => r.period))].sort();
    const series: LineSeries[] = [...new Set(trade.map((r) => r.basis))].map((basis) => ({
      name: i18n.t(BASIS_LABEL[basis]),
      points: trade.filter((r) => r.basis === basis).map((r) => ({ x: r.period, value: r.value, display: indicatorValue(i18n, r) })),
    }));
    chart = <LineChart id={`chart-${dataset}`} title={title} categories={categories} series={series} />;
  } else if (dataset === "conversion") {
    const bars: Bar[] = stats.conversion.flatMap((r) => {
      const name = i18n.pick(r.partner.name).text;
      return [
        { label: `${name}: ${i18n.t("coop.col_agreements")}`, value: r.agreements, display: i18n.number(r.agreements) },
        { label: `${name}: ${i18n.t("coop.col_projects")}`, value: r.projects, display: i18n.number(r.projects) },
      ];
    });
    chart = <BarChart id={`chart-${dataset}`} title={title} bars={bars} />;
  } else {
    const column = dataset === "capital-by-country" || dataset === "capital-by-territory" ? 2 : 1;
    chart = <BarChart id={`chart-${dataset}`} title={title} bars={barsOf(table, column)} />;
  }
  return (
    <ChartFigure
      id={dataset}
      title={title}
      chart={chart}
      table={<DataTable table={table} caption={title} id={dataset} />}
      csvHref={href(ctx, `/statistics/${dataset}.csv`)}
      csvLabel={i18n.t("coop.download_csv")}
      stacked={table.headers.length - (table.csvOnly?.length ?? 0) > 3}
      note={
        dataset === "indicators" ? (
          <>
            <p class="hint">{i18n.t("coop.basis_warning")}</p>
            <ul class="fact-list">
              {stats.indicators.map((r) => (
                <li>
                  <Name i18n={i18n} name={r.name} /> · {r.period}: <strong>{indicatorValue(i18n, r)}</strong> ·{" "}
                  {i18n.t(BASIS_LABEL[r.basis])} <ConfidenceBadge i18n={i18n} confidence={r.confidence} source={r.sources[0] ?? null} />
                  {r.basisNote ? (
                    <p class="source" lang="en">
                      {r.basisNote}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : dataset === "conversion" ? (
          <p class="hint">{i18n.t("coop.conversion_definition")}</p>
        ) : dataset.startsWith("capital") ? (
          <p class="hint">{i18n.t("coop.capital_definition")}</p>
        ) : undefined
      }
    />
  );
};

export function statisticsPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale/statistics", async (c) => {
    const stats = await c.get("services").cooperation.statistics();
    const ctx = pageContext(c);
    const t = ctx.i18n.t;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("coop.statistics_title")}
        description={t("coop.statistics_lead")}
        crumbs={[{ label: t("coop.statistics_title") }]}
      >
        <PageHeader
          title={t("coop.statistics_title")}
          lead={t("coop.statistics_lead")}
          actions={
            <a class="button button-quiet" href={href(ctx, "/partners")}>
              {t("coop.partners_title")}
            </a>
          }
        />
        <nav class="tabs" aria-label={t("coop.statistics_contents")}>
          <ul>
            {DATASETS.map((d) => (
              <li>
                <a href={`#${d}`}>{t(CHART_TITLE[d])}</a>
              </li>
            ))}
          </ul>
        </nav>
        {DATASETS.map((d) => (
          <Figure ctx={ctx} stats={stats} dataset={d} />
        ))}
      </Layout>,
    );
  });

  for (const dataset of DATASETS) {
    app.get(`/:locale/statistics/${dataset}.csv`, async (c) => {
      const stats = await c.get("services").cooperation.statistics();
      const body = datasetCsv(datasetTable(c.get("i18n"), stats, dataset));
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="jibek-${dataset}-${c.get("locale")}.csv"`);
      c.header("Cache-Control", "no-store");
      return c.body(body);
    });
  }
  return app;
}
