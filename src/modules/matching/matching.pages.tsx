import { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { requireSession } from "../../http/middleware/roles.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { formStrings } from "../../lib/forms.ts";
import { PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { ZONE_KINDS } from "../sites/sites.schemas.ts";
import {
  IllustrativeTag,
  INCENTIVE_LABEL,
  PLOT_STATUS_LABEL,
  PRICE_UNIT_LABEL,
  Quantity,
  YesNo,
  ZONE_KIND_LABEL,
} from "../sites/sites.views.tsx";
import type { Territory } from "../territories/territories.schemas.ts";
import { criterionLabel, explain, OUTCOME_LABEL } from "./matching.explain.ts";
import { CAPACITY_FIELDS, DISTANCE_FIELDS, type ParsedForm, requirementsFromQuery } from "./matching.form.ts";
import { EstimateInput } from "./matching.incentives.ts";
import type { MatchedSite } from "./matching.index.ts";
import type { Evaluation, Verdict } from "./matching.rules.ts";
import type { CriterionKey } from "./matching.schemas.ts";

const OUTCOME_MARK = { met: "✓", closable: "◐", short: "✗", unknown: "?" } as const;

const CAPACITY_LABEL: Record<(typeof CAPACITY_FIELDS)[number][0], MessageKey> = {
  power: "matching.f.power",
  gas: "matching.f.gas",
  water: "matching.f.water",
  sewage: "matching.f.sewage",
  heat: "matching.f.heat",
};
const DISTANCE_LABEL: Record<(typeof DISTANCE_FIELDS)[number][0], MessageKey> = {
  rail: "matching.f.rail",
  airport: "matching.f.airport",
  border: "matching.f.border",
  city: "matching.f.city",
};

/** "Must have" and importance controls of one criterion row. */
const Importance: FC<{ i18n: I18n; name: string; q: URLSearchParams }> = ({ i18n, name, q }) => (
  <span class="importance">
    <label>
      <input type="checkbox" name={`${name}Hard`} value="1" checked={q.get(`${name}Hard`) === "1"} /> {i18n.t("matching.must")}
    </label>
    <label>
      <span class="visually-hidden">{i18n.t("matching.weight")}</span>
      <select name={`${name}Weight`} aria-label={i18n.t("matching.weight")}>
        {[1, 2, 3, 4, 5].map((w) => (
          <option value={String(w)} selected={String(w) === (q.get(`${name}Weight`) ?? "3")}>
            {i18n.t("matching.weight_n", { n: w })}
          </option>
        ))}
      </select>
    </label>
  </span>
);

const NumberInput: FC<{ id: string; label: string; q: URLSearchParams; errors: Record<string, string>; i18n: I18n }> = ({
  id,
  label,
  q,
  errors,
  i18n,
}) => (
  <div class={errors[id] ? "field field-invalid" : "field"}>
    <label for={id}>{label}</label>
    {errors[id] ? (
      <p class="field-error" id={`${id}-error`}>
        {i18n.tx(errors[id] as string)}
      </p>
    ) : null}
    <input
      id={id}
      name={id}
      type="text"
      inputmode="decimal"
      value={q.get(id) ?? ""}
      aria-invalid={errors[id] ? "true" : undefined}
      aria-describedby={errors[id] ? `${id}-error` : undefined}
    />
  </div>
);

const SearchForm: FC<{ ctx: PageContext; q: URLSearchParams; errors: Record<string, string>; territories: Territory[] }> = ({
  ctx,
  q,
  errors,
  territories,
}) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const districts = q.getAll("districts");
  const kinds = q.getAll("zoneKinds");
  return (
    <form method="get" action={href(ctx, "/match")} class="match-form panel" aria-label={t("matching.form")}>
      <fieldset>
        <legend>{t("matching.what")}</legend>
        <div class="form-grid">
          <div class="field">
            <label for="target">{t("matching.target")}</label>
            <select id="target" name="target">
              <option value="plot" selected={q.get("target") !== "premises"}>
                {t("matching.target_plot")}
              </option>
              <option value="premises" selected={q.get("target") === "premises"}>
                {t("matching.target_premises")}
              </option>
            </select>
          </div>
          <NumberInput id="sector" label={t("matching.f.sector")} q={q} errors={errors} i18n={i18n} />
          <NumberInput id="areaMin" label={t("matching.f.area_min")} q={q} errors={errors} i18n={i18n} />
          <NumberInput id="areaMax" label={t("matching.f.area_max")} q={q} errors={errors} i18n={i18n} />
          <div class={errors.readyBy ? "field field-invalid" : "field"}>
            <label for="readyBy">{t("matching.f.ready_by")}</label>
            {errors.readyBy ? <p class="field-error">{i18n.tx(errors.readyBy)}</p> : null}
            <input id="readyBy" name="readyBy" type="date" value={q.get("readyBy") ?? ""} />
          </div>
        </div>
        <p class="criterion-importance">
          {t("matching.c.area")}: <Importance i18n={i18n} name="area" q={q} />
        </p>
      </fieldset>
      <fieldset>
        <legend>{t("matching.utilities")}</legend>
        <table class="criteria-table">
          <tbody>
            {CAPACITY_FIELDS.map(([key, field]) => (
              <tr>
                <td>
                  <NumberInput id={field} label={t(CAPACITY_LABEL[key])} q={q} errors={errors} i18n={i18n} />
                </td>
                <td>
                  <Importance i18n={i18n} name={key} q={q} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>{t("matching.logistics")}</legend>
        <table class="criteria-table">
          <tbody>
            {DISTANCE_FIELDS.map(([key, field]) => (
              <tr>
                <td>
                  <NumberInput id={field} label={t(DISTANCE_LABEL[key])} q={q} errors={errors} i18n={i18n} />
                </td>
                <td>
                  <Importance i18n={i18n} name={key} q={q} />
                </td>
              </tr>
            ))}
            <tr>
              <td>
                <label class="check">
                  <input type="checkbox" name="railSiding" value="1" checked={q.get("railSiding") === "1"} /> {t("matching.f.rail_siding")}
                </label>
              </td>
              <td>
                <Importance i18n={i18n} name="railSiding" q={q} />
              </td>
            </tr>
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>{t("matching.regime_and_place")}</legend>
        <div class="checks">
          {[...ZONE_KINDS, "none" as const].map((k) => (
            <label>
              <input type="checkbox" name="zoneKinds" value={k} checked={kinds.includes(k)} />{" "}
              {k === "none" ? t("matching.no_zone") : t(ZONE_KIND_LABEL[k])}
            </label>
          ))}
        </div>
        <p class="criterion-importance">
          {t("matching.c.zone_kinds")}: <Importance i18n={i18n} name="zone" q={q} />
        </p>
        <p>
          <label class="check">
            <input type="checkbox" name="cit" value="1" checked={q.get("cit") === "1"} /> {t("matching.f.cit")}
          </label>{" "}
          <Importance i18n={i18n} name="cit" q={q} />
        </p>
        <div class="field">
          <label for="districts">{t("matching.f.districts")}</label>
          <select id="districts" name="districts" multiple size={5}>
            {territories
              .filter((d) => d.isHome && d.kind !== "oblast")
              .map((d) => (
                <option value={d.slug} selected={districts.includes(d.slug)}>
                  {i18n.pick(d.name).text}
                </option>
              ))}
          </select>
        </div>
        <p class="criterion-importance">
          {t("matching.c.districts")}: <Importance i18n={i18n} name="districts" q={q} />
        </p>
      </fieldset>
      <fieldset>
        <legend>{t("matching.c.budget")}</legend>
        <div class="form-grid">
          <NumberInput id="budgetMax" label={t("matching.f.budget")} q={q} errors={errors} i18n={i18n} />
          <div class="field">
            <label for="budgetCurrency">{t("admin.sites.currency")}</label>
            <select id="budgetCurrency" name="budgetCurrency">
              {["KZT", "USD", "CNY"].map((c) => (
                <option value={c} selected={c === (q.get("budgetCurrency") ?? "KZT")}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="budgetUnit">{t("admin.sites.price_unit")}</label>
            <select id="budgetUnit" name="budgetUnit">
              {(["sale_per_ha", "lease_per_ha_year", "lease_per_year"] as const).map((u) => (
                <option value={u} selected={u === q.get("budgetUnit")}>
                  {t(PRICE_UNIT_LABEL[u])}
                </option>
              ))}
              <option value="rent_m2_month" selected={q.get("budgetUnit") === "rent_m2_month"}>
                {t("matching.rent_m2_month")}
              </option>
            </select>
          </div>
        </div>
        <p class="criterion-importance">
          <Importance i18n={i18n} name="budget" q={q} />
        </p>
      </fieldset>
      <p>
        <button type="submit" class="button">
          {t("matching.search")}
        </button>{" "}
        <a href={href(ctx, "/match")}>{t("sites.clear_filters")}</a>
      </p>
    </form>
  );
};

const ExplanationList: FC<{ i18n: I18n; evaluations: Evaluation[] }> = ({ i18n, evaluations }) => (
  <ul class="explanations">
    {evaluations.map((e) => (
      <li class={`outcome outcome-${e.outcome}`}>
        <span class="mark" aria-hidden="true">
          {OUTCOME_MARK[e.outcome]}
        </span>
        <span class="visually-hidden">{i18n.t(OUTCOME_LABEL[e.outcome])}: </span>
        {explain(i18n, e)}
        {e.hard ? <span class="must-tag">{i18n.t("matching.must")}</span> : null}
      </li>
    ))}
  </ul>
);

const ResultCard: FC<{ ctx: PageContext; v: Verdict; rank: number; site: MatchedSite | undefined }> = ({ ctx, v, rank, site: s }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const path = v.candidate.kind === "plot" ? `/plots/${v.candidate.code}` : `/premises/${v.candidate.code}`;
  return (
    <li class={v.fullMatch ? "result card" : "result card near-miss"}>
      <div class="result-head">
        <span class="rank">{i18n.number(rank)}</span>
        <div>
          <h3>
            <a href={href(ctx, path)}>{v.candidate.code}</a>
            {s?.illustrative ? <IllustrativeTag i18n={i18n} /> : null}
          </h3>
          <p class="muted">
            {s?.zone ? i18n.pick(s.zone.name).text : t("sites.standalone")} · {s ? i18n.pick(s.territory.name).text : ""}
          </p>
        </div>
        <div class="result-score">
          <span class="score">{i18n.number(v.score, { style: "percent" })}</span>
          {v.fullMatch ? (
            <span class="badge badge-verified">{t("matching.full_match")}</span>
          ) : (
            <span class="badge badge-article-only">
              {t("matching.near_miss", { criteria: v.misses.map((m) => criterionLabel(i18n, m)).join(", ") })}
            </span>
          )}
        </div>
      </div>
      <ExplanationList i18n={i18n} evaluations={v.evaluations} />
      <p class="result-actions">
        {v.candidate.kind === "plot" ? (
          <label class="check">
            <input type="checkbox" name="plots" value={v.candidate.code} form="compare-form" /> {t("matching.add_to_compare")}
          </label>
        ) : null}{" "}
        {v.candidate.kind === "plot" ? <a href={href(ctx, `/plots/${v.candidate.code}/passport`)}>{t("sites.passport")}</a> : null}
        {s?.zone && v.candidate.kind === "plot" ? (
          <>
            {" · "}
            <a href={`${href(ctx, "/match/incentives")}?zone=${s.zone.slug}&areaHa=${v.candidate.area}`}>{t("matching.estimate_link")}</a>
          </>
        ) : null}
      </p>
    </li>
  );
};

/** The query without layout-only keys, to carry the search into compare and save. */
function searchQuery(q: URLSearchParams): string {
  const copy = new URLSearchParams(q);
  copy.delete("plots");
  return copy.toString();
}

export function matchingPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale/match", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const parsed: ParsedForm = requirementsFromQuery(q);
    const services = c.get("services");
    const territories = await services.territories.list();
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const result = parsed.submitted && Object.keys(parsed.errors).length === 0 ? await services.matching.verdicts(parsed.input) : null;
    const full = result?.verdicts.filter((v) => v.fullMatch) ?? [];
    const near = result?.verdicts.filter((v) => !v.fullMatch) ?? [];
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("matching.title")}
        section="match"
        crumbs={[{ label: t("matching.title") }]}
        description={t("matching.lead")}
      >
        <PageHeader title={t("matching.title")} lead={t("matching.lead")} />
        {Object.keys(parsed.errors).length > 0 ? (
          <div class="flash flash-error" role="alert">
            {t("admin.sites.form_has_errors", { count: Object.keys(parsed.errors).length })}
          </div>
        ) : null}
        <div class="match-layout">
          <SearchForm ctx={ctx} q={q} errors={parsed.errors} territories={territories} />
          <section class="match-results" aria-labelledby="results">
            <h2 id="results">{t("matching.results")}</h2>
            {!result ? (
              <p class="muted">{t("matching.start_hint")}</p>
            ) : (
              <>
                <p role="status" class="result-count">
                  {t("matching.summary", { full: full.length, near: near.length })}
                </p>
                <form id="compare-form" method="get" action={href(ctx, "/compare")} class="compare-bar">
                  <input type="hidden" name="q" value={searchQuery(q)} />
                  <button type="submit" class="button button-quiet">
                    {t("matching.compare_selected")}
                  </button>
                </form>
                {full.length > 0 ? (
                  <ol class="results">
                    {full.map((v, i) => (
                      <ResultCard ctx={ctx} v={v} rank={i + 1} site={result.sites.get(v.candidate.code)} />
                    ))}
                  </ol>
                ) : (
                  <p class="empty">{t("matching.no_full_match")}</p>
                )}
                {near.length > 0 ? (
                  <>
                    <h3>{t("matching.near_misses")}</h3>
                    <p class="muted">{t("matching.near_misses_lead")}</p>
                    <ol class="results" start={full.length + 1}>
                      {near.map((v, i) => (
                        <ResultCard ctx={ctx} v={v} rank={full.length + i + 1} site={result.sites.get(v.candidate.code)} />
                      ))}
                    </ol>
                  </>
                ) : null}
                {ctx.user ? (
                  <form method="post" action={href(ctx, "/match/save")} class="form panel save-search">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <input type="hidden" name="q" value={searchQuery(q)} />
                    <div class="field">
                      <label for="save-title">{t("matching.save_title")}</label>
                      <input id="save-title" name="title" type="text" maxlength={200} />
                    </div>
                    <button type="submit" class="button button-quiet">
                      {t("matching.save")}
                    </button>
                  </form>
                ) : (
                  <p class="muted">
                    <a href={`${href(ctx, "/login")}?next=${encodeURIComponent(`/${ctx.locale}/match?${searchQuery(q)}`)}`}>
                      {t("matching.sign_in_to_save")}
                    </a>
                  </p>
                )}
              </>
            )}
          </section>
        </div>
      </Layout>,
    );
  });

  app.get("/:locale/compare", async (c) => {
    const url = new URL(c.req.url);
    const codes = [...new Set(url.searchParams.getAll("plots").flatMap((p) => p.split(",")))]
      .filter((p) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(p))
      .slice(0, 4);
    const search = new URLSearchParams(url.searchParams.get("q") ?? "");
    const parsed = requirementsFromQuery(search);
    const rows = await c
      .get("services")
      .matching.compare(codes, parsed.submitted && Object.keys(parsed.errors).length === 0 ? parsed.input : null);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const byCriterion = (v: Verdict | null, key: CriterionKey) => v?.evaluations.find((e) => e.criterion === key);
    const Mark: FC<{ e: Evaluation | undefined }> = ({ e }) =>
      e ? (
        <span class={`outcome-mark outcome-${e.outcome}`} title={explain(i18n, e)}>
          {OUTCOME_MARK[e.outcome]} <span class="visually-hidden">{t(OUTCOME_LABEL[e.outcome])}</span>
        </span>
      ) : null;
    const line = (label: string, key: CriterionKey | null, cell: (r: (typeof rows)[number]) => unknown) => (
      <tr>
        <th scope="row">{label}</th>
        {rows.map((r) => (
          <td>
            {cell(r) as never} {key ? <Mark e={byCriterion(r.verdict, key)} /> : null}
          </td>
        ))}
      </tr>
    );
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("matching.compare_title")}
        section="match"
        crumbs={[{ label: t("matching.title"), href: `${href(ctx, "/match")}?${search}` }, { label: t("matching.compare_title") }]}
      >
        <PageHeader
          title={t("matching.compare_title")}
          lead={rows.length < 2 ? t("matching.compare_hint") : t("matching.compare_lead", { count: rows.length })}
        />
        {rows.length === 0 ? null : (
          <div class="table-wrap compare">
            <table>
              <caption class="visually-hidden">{t("matching.compare_title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("matching.criterion")}</th>
                  {rows.map((r) => (
                    <th scope="col">
                      <a href={href(ctx, `/plots/${r.site.plot?.code}`)}>{r.site.plot?.code}</a>
                      {r.site.plot?.illustrative ? <IllustrativeTag i18n={i18n} /> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {line(t("sites.zone"), "zoneKinds", (r) =>
                  r.site.plot?.zone ? i18n.pick(r.site.plot.zone.name).text : t("sites.standalone"),
                )}
                {line(t("sites.district"), "districts", (r) => (r.site.plot ? i18n.pick(r.site.plot.territory.name).text : ""))}
                {line(t("sites.status"), "availability", (r) => (r.site.plot ? t(PLOT_STATUS_LABEL[r.site.plot.status]) : ""))}
                {line(t("sites.area"), "area", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.areaHa} unit="ha" />
                ))}
                {line(t("sites.price"), "budget", (r) =>
                  r.site.plot?.price
                    ? `${i18n.money(r.site.plot.price.amount, r.site.plot.price.currency)} (${t(PRICE_UNIT_LABEL[r.site.plot.price.unit])})`
                    : t("sites.price_on_request"),
                )}
                {line(t("sites.power"), "power", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.infrastructure.powerKw} unit="kw" digits={0} />
                ))}
                {line(t("sites.gas"), "gas", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.infrastructure.gasM3h} unit="m3h" digits={0} />
                ))}
                {line(t("sites.water"), "water", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.infrastructure.waterM3d} unit="m3d" digits={0} />
                ))}
                {line(t("sites.sewage"), "sewage", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.infrastructure.sewageM3d} unit="m3d" digits={0} />
                ))}
                {line(t("sites.heat"), "heat", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.infrastructure.heatGcalh} unit="gcalh" />
                ))}
                {line(t("sites.rail_siding"), "railSiding", (r) => (
                  <YesNo i18n={i18n} value={r.site.plot?.infrastructure.railSiding ?? null} />
                ))}
                {line(t("sites.dist_rail"), "rail", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.distances.railKm} unit="km" digits={1} />
                ))}
                {line(t("sites.dist_airport"), "airport", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.distances.airportKm} unit="km" digits={0} />
                ))}
                {line(t("sites.dist_border"), "border", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.distances.borderKm} unit="km" digits={0} />
                ))}
                {line(t("sites.dist_centre"), "city", (r) => (
                  <Quantity i18n={i18n} value={r.site.plot?.distances.centreKm} unit="km" digits={0} />
                ))}
                {line(t("matching.c.cit_relief"), "citRelief", (r) => {
                  const cit = r.site.zoneIncentives.find((x) => x.tax === "cit");
                  return cit
                    ? `${t(INCENTIVE_LABEL.cit)}: ${cit.ratePct === 0 ? t("sites.exempt") : `${cit.ratePct} %`}${cit.years ? `, ${t("sites.years", { count: cit.years })}` : ""}`
                    : t("common.unknown");
                })}
                {line(t("sites.verified"), null, (r) => (r.site.plot?.verification.at ? i18n.date(r.site.plot.verification.at) : "—"))}
                {rows.some((r) => r.verdict)
                  ? line(t("matching.score"), null, (r) => (r.verdict ? i18n.number(r.verdict.score, { style: "percent" }) : ""))
                  : null}
              </tbody>
            </table>
          </div>
        )}
        <p class="muted print-hint">{t("matching.print_hint")}</p>
      </Layout>,
    );
  });

  app.get("/:locale/match/incentives", async (c) => {
    const url = new URL(c.req.url);
    const slug = url.searchParams.get("zone") ?? "";
    if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw new AppError("zone_not_found");
    const services = c.get("services");
    const { zone } = await services.sites.getZone(slug);
    const parent = zone.incentives.length === 0 && zone.parent ? (await services.sites.getZone(zone.parent.slug)).zone : null;
    const regimeZone = parent ?? zone;
    const parsedInput = EstimateInput.safeParse(Object.fromEntries(url.searchParams));
    const input = parsedInput.success ? parsedInput.data : EstimateInput.parse({});
    const estimate = services.matching.estimate(regimeZone.incentives, input);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const assumption = (name: keyof typeof input, label: MessageKey) => (
      <div class="field">
        <label for={`as-${name}`}>{t(label)}</label>
        <input id={`as-${name}`} name={name} type="text" inputmode="decimal" value={String(input[name])} />
      </div>
    );
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("matching.estimate_title")}
        section="match"
        crumbs={[{ label: t("matching.title"), href: href(ctx, "/match") }, { label: t("matching.estimate_title") }]}
      >
        <PageHeader title={t("matching.estimate_title")} lead={t("matching.estimate_lead", { zone: i18n.pick(zone.name).text })} />
        <p class="illustrative-banner" role="note">
          {t("matching.estimate_disclaimer")}
        </p>
        {!parsedInput.success ? (
          <div class="flash flash-error" role="alert">
            {t("matching.estimate_bad_input")}
          </div>
        ) : null}
        <div class="grid-2">
          <form method="get" action={href(ctx, "/match/incentives")} class="form panel">
            <input type="hidden" name="zone" value={zone.slug} />
            <h2>{t("matching.assumptions")}</h2>
            <div class="form-grid">
              {assumption("investmentKzt", "matching.a.investment")}
              {assumption("equipmentShare", "matching.a.equipment_share")}
              {assumption("buildingShare", "matching.a.building_share")}
              {assumption("annualProfitKzt", "matching.a.profit")}
              {assumption("areaHa", "matching.a.area")}
              {assumption("years", "matching.a.years")}
              {assumption("citRatePct", "matching.a.cit_rate")}
              {assumption("vatRatePct", "matching.a.vat_rate")}
              {assumption("customsRatePct", "matching.a.customs_rate")}
              {assumption("propertyRatePct", "matching.a.property_rate")}
              {assumption("landTaxKztPerHa", "matching.a.land_tax")}
            </div>
            <button type="submit" class="button">
              {t("matching.recalculate")}
            </button>
          </form>
          <section class="panel" aria-labelledby="estimate">
            <h2 id="estimate">{t("matching.estimate_result", { years: estimate.years })}</h2>
            {estimate.lines.length === 0 ? (
              <p class="unknown">{t("matching.no_structured_terms")}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("sites.tax")}</th>
                    <th scope="col">{t("matching.saving")}</th>
                    <th scope="col">{t("matching.how")}</th>
                  </tr>
                </thead>
                <tbody>
                  {estimate.lines.map((l) => (
                    <tr>
                      <th scope="row">{t(INCENTIVE_LABEL[l.tax])}</th>
                      <td class="num">{i18n.money(l.savingKzt, "KZT")}</td>
                      <td>
                        <code>{l.formula}</code>
                        {l.note ? (
                          <p class="source" lang="en">
                            {l.note}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("matching.total")}</th>
                    <td class="num">
                      <strong>{i18n.money(estimate.totalKzt, "KZT")}</strong>
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            )}
            <h3>{t("matching.regime_source")}</h3>
            <p>
              <a href={href(ctx, `/zones/${regimeZone.slug}`)}>{i18n.pick(regimeZone.name).text}</a>
            </p>
            <ul class="plain">
              {regimeZone.facts.slice(0, 3).map((f) => (
                <li class="source">
                  {f.confidence}: {f.source}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </Layout>,
    );
  });

  app.post("/:locale/match/save", requireSession(), async (c) => {
    const session = c.get("session");
    if (!session) throw new AppError("unauthenticated");
    const body = formStrings(await c.req.parseBody());
    const parsed = requirementsFromQuery(new URLSearchParams(body.q ?? ""));
    if (!parsed.submitted || Object.keys(parsed.errors).length > 0) {
      setFlash(c, "error", "matching.nothing_to_save");
      return c.redirect(`/${c.get("locale")}/match`, 303);
    }
    await c.get("services").matching.saveSearch(session.user, body.title ?? "", parsed.input);
    setFlash(c, "success", "matching.saved");
    return c.redirect(`/${c.get("locale")}/account/searches`, 303);
  });

  app.get("/:locale/account/searches", requireSession(), async (c) => {
    const session = c.get("session");
    if (!session) throw new AppError("unauthenticated");
    const searches = await c.get("services").matching.savedSearches(session.user);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    return render(
      c,
      <Layout ctx={ctx} title={t("matching.saved_title")} noindex crumbs={[{ label: t("matching.saved_title") }]}>
        <PageHeader title={t("matching.saved_title")} lead={t("matching.saved_lead")} />
        {searches.length === 0 ? <p class="empty">{t("matching.saved_none")}</p> : null}
        <ul class="cards">
          {searches.map((s) => (
            <li class="card">
              <h2>{s.title}</h2>
              <p class="muted">
                {i18n.dateTime(s.createdAt)} ·{" "}
                {t("matching.summary", {
                  full: s.results.filter((r) => r.fullMatch).length,
                  near: s.results.filter((r) => !r.fullMatch).length,
                })}
              </p>
              <p>{s.results.slice(0, 5).map((r, i) => [i > 0 ? ", " : "", <a href={href(ctx, `/plots/${r.code}`)}>{r.code}</a>])}</p>
              {s.inquiryRequestedAt ? (
                <p class="badge badge-verified">{t("matching.inquiry_sent", { date: i18n.date(s.inquiryRequestedAt) })}</p>
              ) : (
                <form method="post" action={href(ctx, `/account/searches/${s.id}/inquiry`)} class="form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <div class="field">
                    <label for={`msg-${s.id}`}>{t("matching.inquiry_message")}</label>
                    <textarea id={`msg-${s.id}`} name="message" rows={3} />
                  </div>
                  <div class="field">
                    <label for={`contact-${s.id}`}>{t("matching.inquiry_contact")}</label>
                    <input id={`contact-${s.id}`} name="contact" type="text" />
                  </div>
                  <button type="submit" class="button">
                    {t("matching.inquiry_submit")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.post("/:locale/account/searches/:id/inquiry", requireSession(), async (c) => {
    const session = c.get("session");
    if (!session) throw new AppError("unauthenticated");
    const id = Number(c.req.param("id"));
    if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found");
    const body = formStrings(await c.req.parseBody());
    try {
      await c.get("services").matching.requestInquiry(session.user, id, body.message ?? "", body.contact ?? "");
      setFlash(c, "success", "matching.inquiry_done");
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      setFlash(c, "error", "matching.inquiry_too_short");
    }
    return c.redirect(`/${c.get("locale")}/account/searches`, 303);
  });

  return app;
}
