import { type Context, Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { STATIC_FILES } from "../../views/assets.ts";
import { PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import type { Territory } from "../territories/territories.schemas.ts";
import { GEO_LIMIT } from "./sites.geo.api.ts";
import { MAP_LIMITS } from "./sites.geo.service.ts";
import { PLOT_STATUSES, type Plot, PlotFilters, ZONE_KINDS } from "./sites.schemas.ts";
import { PLOT_STATUS_LABEL, StatusBadge, ZONE_KIND_LABEL, ZONE_STATUS_LABEL } from "./sites.views.tsx";

/** How many plots the page lists under the map (the full list is one link away). */
const LIST_SIZE = 10;

/** The filters the map shares with the plots list, in the order of the query string. */
const FILTER_KEYS = [
  "district",
  "zone",
  "zoneKind",
  "areaMin",
  "areaMax",
  "powerMin",
  "gasMin",
  "waterMin",
  "rail",
  "status",
  "priceMax",
  "currency",
] as const;

const asset = (name: string) => STATIC_FILES.find((f) => f.name === name)?.url ?? `/static/${name}`;

/**
 * The first view: the oblast's outline from the bundled boundaries, as [[south, west], [north, east]].
 * The script fits it before asking for data, so the first request already names its viewport.
 */
const FIRST_VIEW = ((): [[number, number], [number, number]] => {
  const file = STATIC_FILES.find((f) => f.name === "geo/turkistan.geojson");
  const data = JSON.parse(file ? new TextDecoder().decode(file.body) : "{}") as {
    features?: { properties: { role?: string }; geometry: { coordinates: unknown } }[];
  };
  const outline = data.features?.find((f) => f.properties.role === "oblast");
  const points = ((outline?.geometry.coordinates as number[][][] | undefined) ?? []).flat();
  if (points.length === 0)
    return [
      [40.5, 65.5],
      [46.2, 71.5],
    ];
  const lons = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  return [
    [Math.min(...lats), Math.min(...lons)],
    [Math.max(...lats), Math.max(...lons)],
  ];
})();

/**
 * The query as PlotFilters reads it. A plain GET form sends every field, empty ones too (an empty
 * "area up to" must not read as 0), and one `status` per ticked box.
 */
function readFilters(c: Context<AppEnv>): PlotFilters {
  const raw: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    const filled = values.map((v) => v.trim()).filter((v) => v !== "");
    if (filled.length > 0) raw[key] = key === "status" ? filled.join(",") : (filled[0] ?? "");
  }
  return PlotFilters.parse({ ...raw, page: "1", perPage: String(LIST_SIZE), sort: "code" });
}

/** The canonical query string of the filters in force (what the list page and the API read). */
export function filterQuery(f: PlotFilters): string {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = f[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) q.set(key, value.join(","));
    } else q.set(key, String(value));
  }
  return q.toString().replace(/%2C/g, ",");
}

/** JSON for a `<script type="application/json">` block: nothing in it can close the element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

const NumberField: FC<{ id: string; name: string; label: string; value: number | undefined }> = ({ id, name, label, value }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <input id={id} name={name} type="number" min="0" step="any" inputmode="decimal" value={value === undefined ? "" : String(value)} />
  </div>
);

const FilterForm: FC<{ ctx: PageContext; f: PlotFilters; units: Territory[] }> = ({ ctx, f, units }) => {
  const { t } = ctx.i18n;
  const chosen = new Set(f.status ?? []);
  return (
    <form id="map-filters" class="map-filters panel" method="get" action={href(ctx, "/map")} aria-labelledby="map-filters-title">
      <h2 id="map-filters-title">{t("map.filters")}</h2>
      <div class="field">
        <label for="f-district">{t("map.district")}</label>
        <select id="f-district" name="district">
          <option value="">{t("map.any")}</option>
          {units.map((u) => (
            <option value={u.slug} selected={f.district === u.slug}>
              {ctx.i18n.pick(u.name).text}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-zone-kind">{t("map.zone_kind")}</label>
        <select id="f-zone-kind" name="zoneKind">
          <option value="">{t("map.any")}</option>
          {ZONE_KINDS.map((k) => (
            <option value={k} selected={f.zoneKind === k}>
              {t(ZONE_KIND_LABEL[k])}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="map-range">
        <legend>{t("map.area")}</legend>
        <NumberField id="f-area-min" name="areaMin" label={t("map.area_min")} value={f.areaMin} />
        <NumberField id="f-area-max" name="areaMax" label={t("map.area_max")} value={f.areaMax} />
      </fieldset>
      <NumberField id="f-power" name="powerMin" label={t("map.power_min")} value={f.powerMin} />
      <NumberField id="f-gas" name="gasMin" label={t("map.gas_min")} value={f.gasMin} />
      <NumberField id="f-water" name="waterMin" label={t("map.water_min")} value={f.waterMin} />
      <div class="check">
        <input id="f-rail" type="checkbox" name="rail" value="1" checked={f.rail === "1"} />
        <label for="f-rail">{t("map.rail")}</label>
      </div>
      <fieldset class="map-statuses">
        <legend>{t("map.status")}</legend>
        {PLOT_STATUSES.map((s) => (
          <div class="check">
            <input id={`f-status-${s}`} type="checkbox" name="status" value={s} checked={chosen.has(s)} />
            <label for={`f-status-${s}`}>
              <span class={`map-swatch plot-${s}`} aria-hidden="true" />
              {t(PLOT_STATUS_LABEL[s])}
            </label>
          </div>
        ))}
      </fieldset>
      {/* Filters the panel has no control for are kept, so a link from a zone page stays narrowed. */}
      {f.zone ? <input type="hidden" name="zone" value={f.zone} /> : null}
      {f.priceMax !== undefined ? <input type="hidden" name="priceMax" value={String(f.priceMax)} /> : null}
      {f.currency ? <input type="hidden" name="currency" value={f.currency} /> : null}
      <div class="map-actions">
        <button type="submit" class="button">
          {t("map.apply")}
        </button>
        <a class="button button-quiet" href={href(ctx, "/map")}>
          {t("map.reset")}
        </a>
      </div>
    </form>
  );
};

const Legend: FC<{ i18n: I18n }> = ({ i18n }) => (
  <div class="map-legend">
    <h2 class="visually-hidden">{i18n.t("map.legend")}</h2>
    <ul>
      {PLOT_STATUSES.map((s) => (
        <li>
          <span class={`map-swatch plot-${s}`} aria-hidden="true" />
          {i18n.t(PLOT_STATUS_LABEL[s])}
        </li>
      ))}
      <li>
        <span class="map-swatch map-swatch-cluster" aria-hidden="true" />
        {i18n.t("map.legend_cluster")}
      </li>
      <li>
        <span class="map-swatch map-swatch-zone" aria-hidden="true" />
        {i18n.t("map.legend_zone")}
      </li>
      <li>
        <span class="map-swatch map-swatch-centre" aria-hidden="true" />
        {i18n.t("map.legend_centre")}
      </li>
      <li>
        <span class="map-swatch map-swatch-oblast" aria-hidden="true" />
        {i18n.t("map.legend_oblast")}
      </li>
    </ul>
  </div>
);

const PlotRows: FC<{ ctx: PageContext; plots: Plot[] }> = ({ ctx, plots }) => (
  <>
    {plots.map((p) => (
      <tr>
        <th scope="row">
          <a href={href(ctx, `/plots/${encodeURIComponent(p.code)}`)}>{p.code}</a>
        </th>
        <td>{p.zone ? <a href={href(ctx, `/zones/${p.zone.slug}`)}>{ctx.i18n.pick(p.zone.name).text}</a> : "—"}</td>
        <td>{ctx.i18n.pick(p.territory.name).text}</td>
        <td class="num">{ctx.i18n.number(p.areaHa, { maximumFractionDigits: 2 })}</td>
        <td>
          <StatusBadge i18n={ctx.i18n} status={p.status} label={PLOT_STATUS_LABEL[p.status]} />
        </td>
      </tr>
    ))}
  </>
);

/** The catalogue map page. */
export function mapPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/:locale/map", async (c) => {
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const { t } = i18n;
    const filters = readFilters(c);
    const services = c.get("services");
    const [overview, result] = await Promise.all([services.territories.overview(), services.sites.listPlots(filters)]);
    const collator = new Intl.Collator(i18n.tag);
    const byName = (a: Territory, b: Territory) => collator.compare(i18n.pick(a.name).text, i18n.pick(b.name).text);
    const units = [...[...overview.cities].sort(byName), ...[...overview.districts].sort(byName)];
    const query = filterQuery(filters);
    const listHref = href(ctx, `/plots${query ? `?${query}` : ""}`);

    const config = {
      locale: ctx.locale,
      tag: i18n.tag,
      nameKey: ctx.locale === "kk-latn" ? "kkLatn" : ctx.locale,
      listSize: LIST_SIZE,
      view: FIRST_VIEW,
      outlineZoom: MAP_LIMITS.outlineZoom,
      urls: {
        page: href(ctx, "/map"),
        list: href(ctx, "/plots"),
        plot: href(ctx, "/plots/"),
        zone: href(ctx, "/zones/"),
        plots: "/api/v1/map/plots.geojson",
        zones: "/api/v1/map/zones.geojson",
        plotApi: "/api/v1/plots/",
        zoneApi: "/api/v1/zones/",
        listApi: "/api/v1/plots",
        download: "/api/v1/plots",
        boundary: asset("geo/turkistan.geojson"),
      },
      strings: {
        found: t("map.found", { count: "{count}" }),
        truncated: t("map.truncated", { count: i18n.number(GEO_LIMIT) }),
        loading: t("map.loading"),
        popupLoading: t("map.popup_loading"),
        cluster: t("map.cluster", { count: "{count}", statuses: "{statuses}" }),
        clustered: t("map.clustered"),
        loadFailed: t("map.load_failed"),
        noResults: t("map.no_results"),
        listFirst: t("map.list_first", { shown: LIST_SIZE }),
        listHeading: t("map.list_heading"),
        area: t("map.popup_area", { area: "{area}" }),
        power: t("map.popup_power", { power: "{power}" }),
        openPlot: t("map.open_plot"),
        openZone: t("map.open_zone"),
        illustrative: t("map.illustrative"),
        verifiedOn: t("map.verified_on", { date: "{date}" }),
        notVerified: t("map.not_verified"),
        zonePlots: t("map.zone_plots", { total: "{total}", free: "{free}" }),
        approximate: t("map.approximate"),
        shymkent: t("map.shymkent"),
        attribution: t("map.attribution"),
        canvas: t("map.canvas"),
      },
      statuses: Object.fromEntries(PLOT_STATUSES.map((s) => [s, t(PLOT_STATUS_LABEL[s])])),
      zoneKinds: Object.fromEntries(ZONE_KINDS.map((k) => [k, t(ZONE_KIND_LABEL[k])])),
      zoneStatuses: {
        operating: t(ZONE_STATUS_LABEL.operating),
        under_construction: t(ZONE_STATUS_LABEL.under_construction),
        planned: t(ZONE_STATUS_LABEL.planned),
      },
      places: {
        uzbekistan: t("map.place.uzbekistan"),
        kyrgyzstan: t("map.place.kyrgyzstan"),
        kyzylorda: t("map.place.kyzylorda"),
        zhambyl: t("map.place.zhambyl"),
        shymkent: t("map.place.shymkent"),
      },
      centres: units
        .filter((u) => u.coordinates)
        .map((u) => ({
          slug: u.slug,
          kind: u.kind,
          name: i18n.pick(u.name).text,
          lat: u.coordinates?.lat,
          lon: u.coordinates?.lon,
          approximate: u.coordinates?.confidence === "estimated",
        })),
    };

    return render(
      c,
      <Layout ctx={ctx} title={t("map.title")} section="map" description={t("map.lead")} crumbs={[{ label: t("map.title") }]}>
        <link rel="stylesheet" href={asset("vendor/leaflet.css")} />
        <link rel="stylesheet" href={asset("vendor/MarkerCluster.css")} />
        <link rel="stylesheet" href={asset("map.css")} />
        <PageHeader title={t("map.title")} lead={t("map.lead")} />
        <div class="map-layout">
          <FilterForm ctx={ctx} f={filters} units={units} />
          <div class="map-main">
            <noscript>
              <p class="map-noscript">{t("map.noscript")}</p>
            </noscript>
            <div id="map-visual" class="map-visual" hidden>
              <section id="map" class="map-canvas" aria-label={t("map.canvas")} />
              <p id="map-status" class="map-status" role="status" aria-live="polite" />
              <Legend i18n={i18n} />
              <p class="map-note">{t("map.boundary_note")}</p>
            </div>
          </div>
        </div>
        <section class="map-results" aria-labelledby="map-results-title">
          <div class="map-results-head">
            <h2 id="map-results-title">{t("map.list_heading")}</h2>
            <p id="map-count" class="map-count">
              {t("map.found", { count: i18n.number(result.total) })}
            </p>
            <a id="map-list-link" class="button button-quiet" href={listHref}>
              {t("map.show_list")}
            </a>
          </div>
          <p class="map-downloads">
            <span>{t("sites.download")}</span>{" "}
            <a id="map-download-geojson" href={`/api/v1/plots.geojson?${query ? `${query}&` : ""}download=1`}>
              GeoJSON
            </a>{" "}
            ·{" "}
            <a id="map-download-csv" href={`/api/v1/plots.csv?${query ? `${query}&` : ""}locale=${ctx.locale}`}>
              CSV
            </a>
          </p>
          <p id="map-empty" class="muted" hidden={result.total > 0}>
            {t("map.no_results")}
          </p>
          <div id="map-table" class="table-wrap" hidden={result.total === 0}>
            <table>
              <caption id="map-first" class={result.total > LIST_SIZE ? undefined : "visually-hidden"}>
                {result.total > LIST_SIZE ? t("map.list_first", { shown: LIST_SIZE }) : t("map.list_heading")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("map.code")}</th>
                  <th scope="col">{t("map.zone")}</th>
                  <th scope="col">{t("map.district")}</th>
                  <th scope="col">{t("map.area")}</th>
                  <th scope="col">{t("map.status")}</th>
                </tr>
              </thead>
              <tbody id="map-list-body">
                <PlotRows ctx={ctx} plots={result.items} />
              </tbody>
            </table>
          </div>
        </section>
        <script type="application/json" id="map-config" dangerouslySetInnerHTML={{ __html: scriptJson(config) }} />
        <script src={asset("vendor/leaflet.js")} defer />
        <script src={asset("vendor/leaflet.markercluster.js")} defer />
        <script src={asset("map.js")} defer />
      </Layout>,
    );
  });

  return app;
}
