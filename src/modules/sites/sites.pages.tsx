import { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { ConfidenceBadge, PageHeader, Pagination } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { MentionedIn } from "../news/news.pages.tsx";
import type { Territory } from "../territories/territories.schemas.ts";
import {
  PLOT_SORTS,
  PLOT_STATUSES,
  type Plot,
  PlotFilters,
  PREMISES_KINDS,
  PREMISES_SORTS,
  PREMISES_STATUSES,
  type Premises,
  PremisesFilters,
  type StatusHistoryEntry,
  ZONE_KINDS,
  type Zone,
  ZoneFilters,
} from "./sites.schemas.ts";
import type { SitesService, ZoneChoice } from "./sites.service.ts";
import {
  IllustrativeBanner,
  IllustrativeTag,
  INCENTIVE_LABEL,
  PLOT_STATUS_LABEL,
  PREMISES_KIND_LABEL,
  PREMISES_STATUS_LABEL,
  PRICE_UNIT_LABEL,
  Quantity,
  StatusBadge,
  VerificationLine,
  YesNo,
  ZONE_KIND_LABEL,
  ZONE_STATUS_LABEL,
} from "./sites.views.tsx";

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const SLUG = /^[a-z0-9-]{1,100}$/;

/** The query string without `page`, to build pagination and download links. */
function queryWithout(url: string, drop: string[]): string {
  const params = new URL(url).searchParams;
  for (const d of drop) params.delete(d);
  const s = params.toString();
  return s ? `?${s}` : "";
}

const Name: FC<{ i18n: I18n; name: Zone["name"] }> = ({ i18n, name }) => {
  const { text, lang } = i18n.pick(name);
  return <span lang={lang === i18n.tag ? undefined : lang}>{text}</span>;
};

const Price: FC<{ i18n: I18n; price: Plot["price"] }> = ({ i18n, price }) =>
  price ? (
    <span>
      {i18n.money(price.amount, price.currency)} <span class="muted">{i18n.t(PRICE_UNIT_LABEL[price.unit])}</span>
    </span>
  ) : (
    <span class="unknown">{i18n.t("sites.price_on_request")}</span>
  );

const Downloads: FC<{ ctx: PageContext; base: string; query: string }> = ({ ctx, base, query }) => {
  const sep = query ? `${query}&` : "?";
  return (
    <p class="downloads">
      <span>{ctx.i18n.t("sites.download")}</span> <a href={`/api/v1/${base}.csv${sep}locale=${ctx.locale}`}>CSV</a> ·{" "}
      <a href={`/api/v1/${base}.xlsx${sep}locale=${ctx.locale}`}>XLSX</a> · <a href={`/api/v1/${base}.geojson${sep}download=1`}>GeoJSON</a>{" "}
      · <a href={`/api/v1/${base}${query}`}>JSON</a>
    </p>
  );
};

const SelectField: FC<{
  id: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  any: string;
  hint?: string;
}> = ({ id, label, value, options, any, hint }) => (
  <div class="field">
    <label for={id}>{label}</label>
    {hint ? (
      <small class="hint" id={`${id}-hint`}>
        {hint}
      </small>
    ) : null}
    <select id={id} name={id} aria-describedby={hint ? `${id}-hint` : undefined}>
      <option value="">{any}</option>
      {options.map(([v, l]) => (
        <option value={v} selected={v === value}>
          {l}
        </option>
      ))}
    </select>
  </div>
);

const NumberField: FC<{ id: string; label: string; value: number | undefined; step?: string }> = ({ id, label, value, step = "any" }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <input id={id} name={id} type="number" min="0" step={step} value={value === undefined ? "" : String(value)} inputmode="decimal" />
  </div>
);

function districtOptions(i18n: I18n, territories: Territory[]): [string, string][] {
  return territories.filter((t) => t.isHome && t.kind !== "oblast").map((t) => [t.slug, i18n.pick(t.name).text]);
}

/** District and zone kind: the first two filters of the plot and zone lists. */
const WhereFields: FC<{ ctx: PageContext; territories: Territory[]; district?: string; kindField: string; kind?: string }> = ({
  ctx,
  territories,
  district,
  kindField,
  kind,
}) => {
  const t = ctx.i18n.t;
  return (
    <>
      <SelectField
        id="district"
        label={t("sites.district")}
        value={district}
        options={districtOptions(ctx.i18n, territories)}
        any={t("sites.any")}
      />
      <SelectField
        id={kindField}
        label={t("sites.zone_kind")}
        value={kind}
        options={ZONE_KINDS.map((k) => [k, t(ZONE_KIND_LABEL[k])])}
        any={t("sites.any")}
      />
    </>
  );
};

/** A zone list longer than this asks for a district first: 2,000 options help nobody. */
const ZONE_CHOICES_MAX = 150;

/** The zone filter's options: the district's zones, or every zone while there are few. */
async function zoneFilterChoices(sites: SitesService, f: PlotFilters): Promise<{ choices: ZoneChoice[]; narrowed: boolean }> {
  const choices = await sites.zoneChoices({ district: f.district, limit: ZONE_CHOICES_MAX + 1 });
  if (choices.length <= ZONE_CHOICES_MAX) return { choices, narrowed: false };
  return { choices: f.zone ? await sites.zoneChoices({ slug: f.zone, limit: 1 }) : [], narrowed: true };
}

const PlotFilterForm: FC<{
  ctx: PageContext;
  f: PlotFilters;
  territories: Territory[];
  zones: { choices: ZoneChoice[]; narrowed: boolean };
}> = ({ ctx, f, territories, zones }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  return (
    <form method="get" action={href(ctx, "/plots")} class="filters panel" aria-label={t("sites.filters")}>
      <div class="filter-grid">
        <WhereFields ctx={ctx} territories={territories} district={f.district} kindField="zoneKind" kind={f.zoneKind} />
        <SelectField
          id="zone"
          label={t("sites.zone")}
          value={f.zone}
          options={zones.choices.map((z) => [z.slug, i18n.pick(z.name).text])}
          any={t("sites.any")}
          hint={zones.narrowed ? t("sites.zone_choose_district") : undefined}
        />
        <NumberField id="areaMin" label={t("sites.area_min")} value={f.areaMin} />
        <NumberField id="areaMax" label={t("sites.area_max")} value={f.areaMax} />
        <NumberField id="powerMin" label={t("sites.power_min")} value={f.powerMin} />
        <NumberField id="gasMin" label={t("sites.gas_min")} value={f.gasMin} />
        <NumberField id="waterMin" label={t("sites.water_min")} value={f.waterMin} />
        <NumberField id="priceMax" label={t("sites.price_max")} value={f.priceMax} />
        <SelectField
          id="sort"
          label={t("sites.sort")}
          value={f.sort}
          options={PLOT_SORTS.map((s) => [s, t(SORT_LABEL[s])])}
          any={t("sites.sort_default")}
        />
      </div>
      <fieldset class="checks">
        <legend>{t("sites.status")}</legend>
        {PLOT_STATUSES.map((s) => (
          <label>
            <input type="checkbox" name="status" value={s} checked={f.status?.includes(s)} /> {t(PLOT_STATUS_LABEL[s])}
          </label>
        ))}
        <label class="rail">
          <input type="checkbox" name="rail" value="1" checked={f.rail === "1"} /> {t("sites.rail_siding")}
        </label>
      </fieldset>
      <p class="filter-actions">
        <button type="submit" class="button">
          {t("sites.apply_filters")}
        </button>{" "}
        <a href={href(ctx, "/plots")}>{t("sites.clear_filters")}</a> ·{" "}
        <a href={`${href(ctx, "/map")}${queryWithout(`http://x/?${new URLSearchParams(filterQuery(f))}`, ["page"])}`}>
          {t("sites.show_on_map")}
        </a>
      </p>
    </form>
  );
};

const SORT_LABEL = {
  code: "sites.sort_code",
  area: "sites.sort_area_asc",
  "-area": "sites.sort_area_desc",
  power: "sites.sort_power_asc",
  "-power": "sites.sort_power_desc",
  price: "sites.sort_price_asc",
  "-price": "sites.sort_price_desc",
  "-verified": "sites.sort_verified",
} as const;

const PREMISES_SORT_LABEL = {
  code: "sites.sort_code",
  area: "sites.sort_area_asc",
  "-area": "sites.sort_area_desc",
  price: "sites.sort_price_asc",
  "-price": "sites.sort_price_desc",
} as const;

/** The filters as query parameters (statuses joined), for links that keep them. */
function filterQuery(f: Partial<PlotFilters>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || k === "page" || k === "perPage" || (k === "sort" && v === "code")) continue;
    out[k] = Array.isArray(v) ? v.join(",") : String(v);
  }
  return out;
}

/** `status` may come as repeated checkboxes or one comma list. */
function plotQuery(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  const out: Record<string, string> = {};
  for (const key of new Set(params.keys())) out[key] = params.getAll(key).join(",");
  return out;
}

/** The passport's two links: the printable page and the PDF. */
const PassportLinks: FC<{ ctx: PageContext; path: string }> = ({ ctx, path }) => (
  <>
    <a class="button button-quiet" href={href(ctx, `${path}/passport`)}>
      {ctx.i18n.t("sites.passport")}
    </a>{" "}
    <a class="button" href={href(ctx, `${path}/passport.pdf`)}>
      {ctx.i18n.t("sites.passport_pdf")}
    </a>
  </>
);

/** Where a record's data stands: the illustrative banner and "verified on … by …". */
const RecordProvenance: FC<{ i18n: I18n; record: { illustrative: boolean; verification: Zone["verification"] } }> = ({ i18n, record }) => (
  <>
    {record.illustrative ? <IllustrativeBanner i18n={i18n} /> : null}
    <VerificationLine i18n={i18n} v={record.verification} />
  </>
);

/** Reasons the system writes itself, shown in the reader's language; people's reasons stay as typed. */
const SYSTEM_REASON = { created: "sites.reason_created", updated: "sites.reason_updated" } as const;

const HistoryTable: FC<{ i18n: I18n; history: StatusHistoryEntry[]; label: (s: string) => string }> = ({ i18n, history, label }) =>
  history.length === 0 ? null : (
    <section aria-labelledby="history">
      <h2 id="history">{i18n.t("sites.status_history")}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t("sites.when")}</th>
              <th scope="col">{i18n.t("sites.status")}</th>
              <th scope="col">{i18n.t("sites.reason")}</th>
              <th scope="col">{i18n.t("sites.by")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr>
                <td>{i18n.dateTime(h.at)}</td>
                <td>
                  {h.from ? `${label(h.from)} → ` : ""}
                  {label(h.to)}
                </td>
                <td>{h.reason in SYSTEM_REASON ? i18n.t(SYSTEM_REASON[h.reason as keyof typeof SYSTEM_REASON]) : h.reason}</td>
                <td>{h.by ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );

const PlotRows: FC<{ ctx: PageContext; plots: Plot[]; caption: string; showZone?: boolean }> = ({
  ctx,
  plots,
  caption,
  showZone = true,
}) => {
  const { i18n } = ctx;
  const t = i18n.t;
  return (
    <div class="table-wrap">
      <table class="catalogue">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sites.code")}</th>
            {showZone ? <th scope="col">{t("sites.zone_and_district")}</th> : null}
            <th scope="col">{t("sites.area")}</th>
            <th scope="col">{t("sites.status")}</th>
            <th scope="col">{t("sites.power")}</th>
            <th scope="col">{t("sites.gas")}</th>
            <th scope="col">{t("sites.water")}</th>
            <th scope="col">{t("sites.rail_siding")}</th>
            <th scope="col">{t("sites.price")}</th>
            <th scope="col">{t("sites.verified")}</th>
          </tr>
        </thead>
        <tbody>
          {plots.map((p) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, `/plots/${p.code}`)}>{p.code}</a>
                {p.illustrative ? <IllustrativeTag i18n={i18n} /> : null}
              </th>
              {showZone ? (
                <td>
                  {p.zone ? <Name i18n={i18n} name={p.zone.name} /> : <span class="muted">{t("sites.standalone")}</span>}
                  <br />
                  <span class="muted">{i18n.pick(p.territory.name).text}</span>
                </td>
              ) : null}
              <td class="num">
                <Quantity i18n={i18n} value={p.areaHa} unit="ha" />
              </td>
              <td>
                <StatusBadge i18n={i18n} status={p.status} label={PLOT_STATUS_LABEL[p.status]} />
              </td>
              <td class="num">
                <Quantity i18n={i18n} value={p.infrastructure.powerKw} unit="kw" digits={0} />
              </td>
              <td class="num">
                <Quantity i18n={i18n} value={p.infrastructure.gasM3h} unit="m3h" digits={0} />
              </td>
              <td class="num">
                <Quantity i18n={i18n} value={p.infrastructure.waterM3d} unit="m3d" digits={0} />
              </td>
              <td>
                <YesNo i18n={i18n} value={p.infrastructure.railSiding} />
              </td>
              <td>
                <Price i18n={i18n} price={p.price} />
              </td>
              <td>
                {p.verification.at ? i18n.date(p.verification.at, "short") : "—"}
                {p.verification.stale ? <span class="stale-flag">{t("sites.stale")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const CatalogueTabs: FC<{ ctx: PageContext; current: "zones" | "plots" | "premises" | "map" }> = ({ ctx, current }) => {
  const t = ctx.i18n.t;
  const tabs = [
    ["zones", t("sites.zones"), "/zones"],
    ["plots", t("sites.plots"), "/plots"],
    ["premises", t("sites.premises"), "/premises"],
    ["map", t("sites.map"), "/map"],
  ] as const;
  return (
    <nav class="tabs" aria-label={t("sites.catalogue")}>
      <ul>
        {tabs.map(([key, label, path]) => (
          <li>
            <a href={href(ctx, path)} aria-current={key === current ? "page" : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};

export function sitePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale/zones", async (c) => {
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const f = ZoneFilters.parse(c.req.query());
    const services = c.get("services");
    const [list, territories] = [await services.sites.listZonePage(f), await services.territories.list()];
    const query = new URLSearchParams(
      Object.entries({ district: f.district, kind: f.kind }).filter((e): e is [string, string] => Boolean(e[1])),
    ).toString();
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("sites.zones_title")}
        section="sites"
        crumbs={[{ label: t("sites.catalogue"), href: href(ctx, "/plots") }, { label: t("sites.zones") }]}
        description={t("sites.zones_lead")}
      >
        <PageHeader title={t("sites.zones_title")} lead={t("sites.zones_lead")} />
        <CatalogueTabs ctx={ctx} current="zones" />
        <form method="get" action={href(ctx, "/zones")} class="filters panel" aria-label={t("sites.filters")}>
          <div class="filter-grid">
            <WhereFields ctx={ctx} territories={territories} district={f.district} kindField="kind" kind={f.kind} />
          </div>
          <p class="filter-actions">
            <button type="submit" class="button">
              {t("sites.apply_filters")}
            </button>{" "}
            <a href={href(ctx, "/zones")}>{t("sites.clear_filters")}</a>
          </p>
        </form>
        <p class="result-count" role="status">
          {t("sites.zones_count", { count: list.total })}
        </p>
        {list.items.length === 0 ? <p class="empty">{t("sites.no_results")}</p> : null}
        <ul class="cards zone-cards">
          {list.items.map((z) => (
            <li class="card">
              <p class="eyebrow-dark">{t(ZONE_KIND_LABEL[z.kind])}</p>
              <h2>
                <a href={href(ctx, `/zones/${z.slug}`)}>
                  <Name i18n={i18n} name={z.name} />
                </a>
              </h2>
              <p class="muted">{i18n.pick(z.territory.name).text}</p>
              <p>
                <Quantity i18n={i18n} value={z.totalAreaHa} unit="ha" />{" "}
                <ConfidenceBadge i18n={i18n} confidence={z.confidence} source={z.facts[0]?.source ?? null} />
              </p>
              <p>
                <StatusBadge i18n={i18n} status={z.status} label={ZONE_STATUS_LABEL[z.status]} /> ·{" "}
                {t("sites.plots_free_of_total", { free: z.plots.free, total: z.plots.total })}
              </p>
              {z.subzones.length > 0 ? (
                <p class="muted">
                  {t("sites.subzones")}:{" "}
                  {z.subzones.map((s, i) => [i > 0 ? ", " : "", <a href={href(ctx, `/zones/${s.slug}`)}>{i18n.pick(s.name).text}</a>])}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        <Pagination i18n={i18n} page={list.page} pages={list.pages} baseHref={`${href(ctx, "/zones")}${query ? `?${query}` : ""}`} />
        <Downloads ctx={ctx} base="zones" query={query ? `?${query}` : ""} />
      </Layout>,
    );
  });

  app.get("/:locale/zones/:slug", async (c) => {
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("zone_not_found");
    const services = c.get("services");
    const { zone, subzones, history } = await services.sites.getZone(slug);
    const plots = await services.sites.listPlots(PlotFilters.parse({ zone: slug, perPage: "50" }));
    const stories = await services.news.storiesMentioning("zone", slug, 5);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const name = i18n.pick(zone.name);
    return render(
      c,
      <Layout
        ctx={ctx}
        title={name.text}
        section="sites"
        crumbs={[
          { label: t("sites.zones"), href: href(ctx, "/zones") },
          ...(zone.parent ? [{ label: i18n.pick(zone.parent.name).text, href: href(ctx, `/zones/${zone.parent.slug}`) }] : []),
          { label: name.text },
        ]}
      >
        <PageHeader
          title={name.text}
          lang={name.lang === i18n.tag ? undefined : name.lang}
          lead={`${t(ZONE_KIND_LABEL[zone.kind])} · ${i18n.pick(zone.territory.name).text}`}
          actions={<PassportLinks ctx={ctx} path={`/zones/${zone.slug}`} />}
        />
        <RecordProvenance i18n={i18n} record={zone} />
        <div class="grid-2">
          <section class="panel" aria-labelledby="zone-facts">
            <h2 id="zone-facts">{t("sites.key_figures")}</h2>
            <dl class="facts">
              <dt>{t("sites.status")}</dt>
              <dd>
                <StatusBadge i18n={i18n} status={zone.status} label={ZONE_STATUS_LABEL[zone.status]} />
              </dd>
              <dt>{t("sites.total_area")}</dt>
              <dd>
                <Quantity i18n={i18n} value={zone.totalAreaHa} unit="ha" /> <ConfidenceBadge i18n={i18n} confidence={zone.confidence} />
              </dd>
              <dt>{t("sites.free_area")}</dt>
              <dd>
                <Quantity i18n={i18n} value={zone.freeAreaHa} unit="ha" />
              </dd>
              <dt>{t("sites.plots")}</dt>
              <dd>{t("sites.plots_free_of_total", { free: zone.plots.free, total: zone.plots.total })}</dd>
              <dt>{t("sites.operator")}</dt>
              <dd>{zone.operator ?? <span class="unknown">{t("common.unknown")}</span>}</dd>
              {zone.sectors.length > 0 ? (
                <>
                  <dt>{t("sites.sectors")}</dt>
                  <dd>{zone.sectors.join(", ")}</dd>
                </>
              ) : null}
              {zone.contacts.website && /^https?:\/\//i.test(zone.contacts.website) ? (
                <>
                  <dt>{t("sites.website")}</dt>
                  <dd>
                    <a href={zone.contacts.website} rel="noopener noreferrer external">
                      {zone.contacts.website}
                    </a>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <section class="panel" aria-labelledby="regime">
            <h2 id="regime">{t("sites.regime")}</h2>
            {zone.regime ? <p>{i18n.pick(zone.regime).text}</p> : <p class="unknown">{t("common.unknown")}</p>}
            {zone.incentives.length > 0 ? (
              <table>
                <caption>{t("sites.incentives")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("sites.tax")}</th>
                    <th scope="col">{t("sites.rate")}</th>
                    <th scope="col">{t("sites.term")}</th>
                  </tr>
                </thead>
                <tbody>
                  {zone.incentives.map((inc) => (
                    <tr>
                      <th scope="row">{t(INCENTIVE_LABEL[inc.tax])}</th>
                      <td>
                        {inc.ratePct === null
                          ? t("common.unknown")
                          : inc.ratePct === 0
                            ? t("sites.exempt")
                            : `${i18n.number(inc.ratePct)} %`}
                      </td>
                      <td>
                        {inc.years === null ? t("common.unknown") : t("sites.years", { count: inc.years })}
                        {inc.note ? (
                          <p class="source" lang="en">
                            {inc.note}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        </div>
        {zone.facts.length > 0 ? (
          <section aria-labelledby="sources">
            <h2 id="sources">{t("sites.facts_and_sources")}</h2>
            <ul class="fact-list">
              {zone.facts.map((f) => (
                <li>
                  <ConfidenceBadge i18n={i18n} confidence={f.confidence} source={f.source} /> <span lang="en">{f.value}</span>
                  {f.asOf ? <span class="muted"> ({f.asOf})</span> : null}
                  <p class="source">
                    {/^https?:\/\//.test(f.source) ? (
                      <a href={f.source} rel="noopener noreferrer external">
                        {f.source}
                      </a>
                    ) : (
                      f.source
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {subzones.length > 0 ? (
          <section aria-labelledby="subzones">
            <h2 id="subzones">{t("sites.subzones")}</h2>
            <ul class="cards">
              {subzones.map((s) => (
                <li class="card">
                  <h3>
                    <a href={href(ctx, `/zones/${s.slug}`)}>
                      <Name i18n={i18n} name={s.name} />
                    </a>
                  </h3>
                  <p>
                    <Quantity i18n={i18n} value={s.totalAreaHa} unit="ha" /> ·{" "}
                    {t("sites.plots_free_of_total", { free: s.plots.free, total: s.plots.total })}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {plots.items.length > 0 ? (
          <PlotRows ctx={ctx} plots={plots.items} caption={t("sites.plots_in_zone", { count: plots.total })} showZone={false} />
        ) : null}
        <MentionedIn ctx={ctx} stories={stories} />
        <HistoryTable i18n={i18n} history={history} label={(s) => t(ZONE_STATUS_LABEL[s as Zone["status"]] ?? "common.unknown")} />
      </Layout>,
    );
  });

  app.get("/:locale/plots", async (c) => {
    const f = PlotFilters.parse(plotQuery(c.req.url));
    const services = c.get("services");
    const [list, territories, zones] = [
      await services.sites.listPlots(f),
      await services.territories.list(),
      await zoneFilterChoices(services.sites, f),
    ];
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const query = new URLSearchParams(filterQuery(f)).toString();
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("sites.plots_title")}
        section="sites"
        crumbs={[{ label: t("sites.catalogue"), href: href(ctx, "/plots") }, { label: t("sites.plots") }]}
        description={t("sites.plots_lead")}
      >
        <PageHeader title={t("sites.plots_title")} lead={t("sites.plots_lead")} />
        <CatalogueTabs ctx={ctx} current="plots" />
        <PlotFilterForm ctx={ctx} f={f} territories={territories} zones={zones} />
        <p class="result-count" role="status">
          {t("sites.plots_found", { count: list.total })}
        </p>
        {list.items.length > 0 ? (
          <PlotRows ctx={ctx} plots={list.items} caption={t("sites.plots_page", { page: list.page, pages: list.pages })} />
        ) : (
          <p class="empty">{t("sites.no_results")}</p>
        )}
        <Pagination i18n={i18n} page={list.page} pages={list.pages} baseHref={`${href(ctx, "/plots")}${query ? `?${query}` : ""}`} />
        <Downloads ctx={ctx} base="plots" query={query ? `?${query}` : ""} />
      </Layout>,
    );
  });

  app.get("/:locale/plots/:code", async (c) => {
    const code = c.req.param("code");
    if (!CODE.test(code)) throw new AppError("plot_not_found");
    const { plot, history, files } = await c.get("services").sites.getPlot(code);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const d = plot.infrastructure.details;
    const utilities = [
      [
        "power",
        t("sites.power"),
        <>
          <Quantity i18n={i18n} value={plot.infrastructure.powerKw} unit="kw" digits={0} />
          {plot.infrastructure.powerKv !== null ? (
            <span class="muted">
              {" "}
              · <Quantity i18n={i18n} value={plot.infrastructure.powerKv} unit="kv" />
            </span>
          ) : null}
        </>,
      ],
      ["gas", t("sites.gas"), <Quantity i18n={i18n} value={plot.infrastructure.gasM3h} unit="m3h" digits={0} />],
      ["water", t("sites.water"), <Quantity i18n={i18n} value={plot.infrastructure.waterM3d} unit="m3d" digits={0} />],
      ["sewage", t("sites.sewage"), <Quantity i18n={i18n} value={plot.infrastructure.sewageM3d} unit="m3d" digits={0} />],
      ["heat", t("sites.heat"), <Quantity i18n={i18n} value={plot.infrastructure.heatGcalh} unit="gcalh" />],
      ["rail", t("sites.rail_siding"), <YesNo i18n={i18n} value={plot.infrastructure.railSiding} />],
      ["road", t("sites.road_access"), <YesNo i18n={i18n} value={plot.infrastructure.roadAccess} />],
    ] as const;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("sites.plot_title", { code: plot.code })}
        section="sites"
        crumbs={[
          { label: t("sites.plots"), href: href(ctx, "/plots") },
          ...(plot.zone ? [{ label: i18n.pick(plot.zone.name).text, href: href(ctx, `/zones/${plot.zone.slug}`) }] : []),
          { label: plot.code },
        ]}
      >
        <PageHeader
          title={t("sites.plot_title", { code: plot.code })}
          lead={`${plot.zone ? i18n.pick(plot.zone.name).text : t("sites.standalone")} · ${i18n.pick(plot.territory.name).text}`}
          actions={<PassportLinks ctx={ctx} path={`/plots/${plot.code}`} />}
        />
        <RecordProvenance i18n={i18n} record={plot} />
        <div class="grid-2">
          <section class="panel" aria-labelledby="plot-facts">
            <h2 id="plot-facts">{t("sites.key_figures")}</h2>
            <dl class="facts">
              <dt>{t("sites.status")}</dt>
              <dd>
                <StatusBadge i18n={i18n} status={plot.status} label={PLOT_STATUS_LABEL[plot.status]} />
                {plot.status === "reserved" && plot.reservedUntil ? (
                  <p class="muted">
                    {t("sites.reserved_until_for", { date: i18n.date(plot.reservedUntil), who: plot.reservedFor ?? "—" })}
                  </p>
                ) : null}
              </dd>
              <dt>{t("sites.area")}</dt>
              <dd>
                <Quantity i18n={i18n} value={plot.areaHa} unit="ha" />
              </dd>
              <dt>{t("sites.price")}</dt>
              <dd>
                <Price i18n={i18n} price={plot.price} />
              </dd>
              <dt>{t("sites.cadastral_number")}</dt>
              <dd>{plot.cadastralNumber ?? <span class="unknown">{t("common.unknown")}</span>}</dd>
              <dt>{t("sites.land_category")}</dt>
              <dd>{plot.landCategory ?? <span class="unknown">{t("common.unknown")}</span>}</dd>
              <dt>{t("sites.permitted_use")}</dt>
              <dd>{plot.permittedUse ?? <span class="unknown">{t("common.unknown")}</span>}</dd>
              <dt>{t("territory.coordinates")}</dt>
              <dd>
                {plot.location
                  ? t("territory.latlon", {
                      lat: i18n.number(plot.location.lat, { maximumFractionDigits: 5 }),
                      lon: i18n.number(plot.location.lon, { maximumFractionDigits: 5 }),
                    })
                  : t("common.unknown")}
              </dd>
            </dl>
          </section>
          <section class="panel" aria-labelledby="distances">
            <h2 id="distances">{t("sites.distances")}</h2>
            <dl class="facts">
              <dt>{t("sites.dist_rail")}</dt>
              <dd>
                <Quantity i18n={i18n} value={plot.distances.railKm} unit="km" digits={1} />
              </dd>
              <dt>{t("sites.dist_airport")}</dt>
              <dd>
                <Quantity i18n={i18n} value={plot.distances.airportKm} unit="km" digits={0} />
              </dd>
              <dt>{t("sites.dist_border")}</dt>
              <dd>
                <Quantity i18n={i18n} value={plot.distances.borderKm} unit="km" digits={0} />
              </dd>
              <dt>{t("sites.dist_centre")}</dt>
              <dd>
                <Quantity i18n={i18n} value={plot.distances.centreKm} unit="km" digits={0} />
              </dd>
            </dl>
          </section>
        </div>
        <section aria-labelledby="infrastructure">
          <h2 id="infrastructure">{t("sites.infrastructure")}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("sites.utility")}</th>
                  <th scope="col">{t("sites.available_now")}</th>
                  <th scope="col">{t("sites.confirmed_by")}</th>
                  <th scope="col">{t("sites.to_connect")}</th>
                </tr>
              </thead>
              <tbody>
                {utilities.map(([key, label, value]) => {
                  const detail = d[key];
                  return (
                    <tr>
                      <th scope="row">{label}</th>
                      <td>{value}</td>
                      <td>
                        {detail?.provider ? (
                          <>
                            {detail.provider}
                            {detail.confirmedOn ? <span class="muted"> · {i18n.date(detail.confirmedOn)}</span> : null}
                          </>
                        ) : (
                          <span class="unknown">{t("sites.not_confirmed")}</span>
                        )}
                      </td>
                      <td>
                        {detail?.connectMonths !== null && detail?.connectMonths !== undefined
                          ? t("sites.connect_terms", {
                              months: detail.connectMonths,
                              capacity: detail.connectCapacity !== null ? i18n.number(detail.connectCapacity) : "—",
                              cost: detail.connectCostKzt !== null ? i18n.money(detail.connectCostKzt, "KZT") : "—",
                            })
                          : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        {plot.notes ? (
          <section aria-labelledby="notes">
            <h2 id="notes">{t("sites.notes")}</h2>
            <p>{plot.notes}</p>
          </section>
        ) : null}
        {files.length > 0 ? (
          <section aria-labelledby="files">
            <h2 id="files">{t("sites.files")}</h2>
            <ul>
              {files.map((f) => (
                <li>
                  <a href={`/files/${f.storedName}`}>{f.title}</a>{" "}
                  <span class="muted">
                    ({f.contentType}, {i18n.number(Math.ceil(f.sizeBytes / 1024))} KB)
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <HistoryTable i18n={i18n} history={history} label={(s) => t(PLOT_STATUS_LABEL[s as Plot["status"]] ?? "common.unknown")} />
      </Layout>,
    );
  });

  app.get("/:locale/premises", async (c) => {
    const f = PremisesFilters.parse(plotQuery(c.req.url));
    const services = c.get("services");
    const [list, territories] = [await services.sites.listPremises(f), await services.territories.list()];
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const query = new URLSearchParams(filterQuery(f as unknown as Partial<PlotFilters>)).toString();
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("sites.premises_title")}
        section="sites"
        crumbs={[{ label: t("sites.catalogue"), href: href(ctx, "/plots") }, { label: t("sites.premises") }]}
        description={t("sites.premises_lead")}
      >
        <PageHeader title={t("sites.premises_title")} lead={t("sites.premises_lead")} />
        <CatalogueTabs ctx={ctx} current="premises" />
        <form method="get" action={href(ctx, "/premises")} class="filters panel" aria-label={t("sites.filters")}>
          <div class="filter-grid">
            <SelectField
              id="district"
              label={t("sites.district")}
              value={f.district}
              options={districtOptions(i18n, territories)}
              any={t("sites.any")}
            />
            <SelectField
              id="kind"
              label={t("sites.premises_kind")}
              value={f.kind}
              options={PREMISES_KINDS.map((k) => [k, t(PREMISES_KIND_LABEL[k])])}
              any={t("sites.any")}
            />
            <NumberField id="areaMin" label={t("sites.floor_area_min")} value={f.areaMin} />
            <NumberField id="areaMax" label={t("sites.floor_area_max")} value={f.areaMax} />
            <NumberField id="powerMin" label={t("sites.power_min")} value={f.powerMin} />
            <NumberField id="priceMax" label={t("sites.rent_max")} value={f.priceMax} />
            <SelectField
              id="sort"
              label={t("sites.sort")}
              value={f.sort}
              options={PREMISES_SORTS.map((s) => [s, t(PREMISES_SORT_LABEL[s])])}
              any={t("sites.sort_default")}
            />
          </div>
          <fieldset class="checks">
            <legend>{t("sites.status")}</legend>
            {PREMISES_STATUSES.map((s) => (
              <label>
                <input type="checkbox" name="status" value={s} checked={f.status?.includes(s)} /> {t(PREMISES_STATUS_LABEL[s])}
              </label>
            ))}
          </fieldset>
          <p class="filter-actions">
            <button type="submit" class="button">
              {t("sites.apply_filters")}
            </button>{" "}
            <a href={href(ctx, "/premises")}>{t("sites.clear_filters")}</a>
          </p>
        </form>
        <p class="result-count" role="status">
          {t("sites.premises_found", { count: list.total })}
        </p>
        {list.items.length > 0 ? <PremisesRows ctx={ctx} items={list.items} /> : <p class="empty">{t("sites.no_results")}</p>}
        <Pagination i18n={i18n} page={list.page} pages={list.pages} baseHref={`${href(ctx, "/premises")}${query ? `?${query}` : ""}`} />
        <Downloads ctx={ctx} base="premises" query={query ? `?${query}` : ""} />
      </Layout>,
    );
  });

  app.get("/:locale/premises/:code", async (c) => {
    const code = c.req.param("code");
    if (!CODE.test(code)) throw new AppError("premises_not_found");
    const { premises: p, history, files } = await c.get("services").sites.getPremises(code);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("sites.premises_item_title", { code: p.code })}
        section="sites"
        crumbs={[{ label: t("sites.premises"), href: href(ctx, "/premises") }, { label: p.code }]}
      >
        <PageHeader
          title={t("sites.premises_item_title", { code: p.code })}
          lead={`${t(PREMISES_KIND_LABEL[p.kind])} · ${i18n.pick(p.territory.name).text}`}
        />
        <RecordProvenance i18n={i18n} record={p} />
        <section class="panel" aria-labelledby="premises-facts">
          <h2 id="premises-facts">{t("sites.key_figures")}</h2>
          <dl class="facts">
            <dt>{t("sites.status")}</dt>
            <dd>
              <StatusBadge i18n={i18n} status={p.status} label={PREMISES_STATUS_LABEL[p.status]} />
            </dd>
            <dt>{t("sites.zone")}</dt>
            <dd>
              {p.zone ? (
                <a href={href(ctx, `/zones/${p.zone.slug}`)}>{i18n.pick(p.zone.name).text}</a>
              ) : (
                <span class="muted">{t("sites.standalone")}</span>
              )}
            </dd>
            {p.plotCode ? (
              <>
                <dt>{t("sites.on_plot")}</dt>
                <dd>
                  <a href={href(ctx, `/plots/${p.plotCode}`)}>{p.plotCode}</a>
                </dd>
              </>
            ) : null}
            <dt>{t("sites.floor_area")}</dt>
            <dd>
              <Quantity i18n={i18n} value={p.floorAreaM2} unit="m2" digits={0} />
            </dd>
            <dt>{t("sites.ceiling")}</dt>
            <dd>
              <Quantity i18n={i18n} value={p.ceilingM} unit="m" digits={1} />
            </dd>
            <dt>{t("sites.floor_load")}</dt>
            <dd>
              <Quantity i18n={i18n} value={p.floorLoadTM2} unit="tm2" digits={1} />
            </dd>
            <dt>{t("sites.crane")}</dt>
            <dd>
              <Quantity i18n={i18n} value={p.craneT} unit="t" digits={1} />
            </dd>
            <dt>{t("sites.power")}</dt>
            <dd>
              <Quantity i18n={i18n} value={p.powerKw} unit="kw" digits={0} />
            </dd>
            <dt>{t("sites.rent")}</dt>
            <dd>
              {p.priceKztM2Month === null ? (
                <span class="unknown">{t("sites.price_on_request")}</span>
              ) : (
                <Quantity i18n={i18n} value={p.priceKztM2Month} unit="kztm2" digits={0} />
              )}
            </dd>
          </dl>
        </section>
        {files.length > 0 ? (
          <section aria-labelledby="files">
            <h2 id="files">{t("sites.files")}</h2>
            <ul>
              {files.map((f) => (
                <li>
                  <a href={`/files/${f.storedName}`}>{f.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <HistoryTable i18n={i18n} history={history} label={(s) => t(PREMISES_STATUS_LABEL[s as Premises["status"]] ?? "common.unknown")} />
      </Layout>,
    );
  });

  return app;
}

const PremisesRows: FC<{ ctx: PageContext; items: Premises[] }> = ({ ctx, items }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  return (
    <div class="table-wrap">
      <table class="catalogue">
        <caption class="visually-hidden">{t("sites.premises")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sites.code")}</th>
            <th scope="col">{t("sites.premises_kind")}</th>
            <th scope="col">{t("sites.zone_and_district")}</th>
            <th scope="col">{t("sites.floor_area")}</th>
            <th scope="col">{t("sites.ceiling")}</th>
            <th scope="col">{t("sites.power")}</th>
            <th scope="col">{t("sites.status")}</th>
            <th scope="col">{t("sites.rent")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr>
              <th scope="row">
                <a href={href(ctx, `/premises/${p.code}`)}>{p.code}</a>
                {p.illustrative ? <IllustrativeTag i18n={i18n} /> : null}
              </th>
              <td>{t(PREMISES_KIND_LABEL[p.kind])}</td>
              <td>
                {p.zone ? i18n.pick(p.zone.name).text : t("sites.standalone")}
                <br />
                <span class="muted">{i18n.pick(p.territory.name).text}</span>
              </td>
              <td class="num">
                <Quantity i18n={i18n} value={p.floorAreaM2} unit="m2" digits={0} />
              </td>
              <td class="num">
                <Quantity i18n={i18n} value={p.ceilingM} unit="m" digits={1} />
              </td>
              <td class="num">
                <Quantity i18n={i18n} value={p.powerKw} unit="kw" digits={0} />
              </td>
              <td>
                <StatusBadge i18n={i18n} status={p.status} label={PREMISES_STATUS_LABEL[p.status]} />
              </td>
              <td>
                {p.priceKztM2Month === null ? (
                  <span class="unknown">{t("sites.price_on_request")}</span>
                ) : (
                  <Quantity i18n={i18n} value={p.priceKztM2Month} unit="kztm2" digits={0} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
