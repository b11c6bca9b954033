import { type Context, Hono } from "hono";
import { raw } from "hono/html";
import type { Child, FC, PropsWithChildren } from "hono/jsx";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { LOCALE_NAME, LOCALE_TAG, type Locale } from "../../i18n/locales.ts";
import { PdfUnavailableError, renderPdf } from "../../lib/pdf.ts";
import { qrSvg } from "../../lib/qr.ts";
import { ASSETS, STATIC_FILES } from "../../views/assets.ts";
import { ConfidenceBadge, PageHeader } from "../../views/components.tsx";
import { href } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import type { Plot, UtilityDetail, Zone } from "./sites.schemas.ts";
import {
  IllustrativeBanner,
  INCENTIVE_LABEL,
  PLOT_STATUS_LABEL,
  PRICE_UNIT_LABEL,
  Quantity,
  UNIT,
  VerificationLine,
  ZONE_KIND_LABEL,
  ZONE_STATUS_LABEL,
} from "./sites.views.tsx";

/**
 * Investment passports of zones and plots: a printable A4 page with its own minimal layout, and
 * the same HTML printed to PDF by headless Chromium (docs/decisions/008-pdf-rendering.md).
 */

const PlotCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);
const ZoneSlug = z.string().regex(/^[a-z0-9-]{1,100}$/);

const staticFile = (name: string) => STATIC_FILES.find((f) => f.name === name);
/** The PDF is printed from a string, not served: its stylesheet and logo travel inside it. */
const PASSPORT_CSS = staticFile("passport.css")?.body.toString("utf8") ?? "";
const LOGO = `data:image/svg+xml;base64,${staticFile("jibek.svg")?.body.toString("base64") ?? ""}`;

const NACE_SECTION: Record<string, MessageKey> = {
  A: "passport.nace.A",
  B: "passport.nace.B",
  C: "passport.nace.C",
  D: "passport.nace.D",
  E: "passport.nace.E",
  F: "passport.nace.F",
  G: "passport.nace.G",
  H: "passport.nace.H",
  I: "passport.nace.I",
  J: "passport.nace.J",
  K: "passport.nace.K",
  L: "passport.nace.L",
  M: "passport.nace.M",
  N: "passport.nace.N",
  O: "passport.nace.O",
  P: "passport.nace.P",
  Q: "passport.nace.Q",
  R: "passport.nace.R",
  S: "passport.nace.S",
  T: "passport.nace.T",
  U: "passport.nace.U",
};

const FACT_LABEL: Record<string, MessageKey> = {
  total_area_ha: "passport.fact.total_area_ha",
  history: "passport.fact.history",
  infrastructure: "passport.fact.infrastructure",
  geometry: "passport.fact.geometry",
  location: "passport.fact.location",
  memorandum: "passport.fact.memorandum",
  milestone: "passport.fact.milestone",
  progress: "passport.fact.progress",
  projects: "passport.fact.projects",
  stage_1: "passport.fact.stage_1",
  district: "passport.fact.district",
};

const Unknown: FC<{ i18n: I18n; text?: string }> = ({ i18n, text }) => <span class="unknown">{text ?? i18n.t("common.unknown")}</span>;

/** A name in the page's language, marked with its own language when it falls back. */
const Name: FC<{ i18n: I18n; name: Zone["name"] }> = ({ i18n, name }) => {
  const { text, lang } = i18n.pick(name);
  return <span lang={lang === i18n.tag ? undefined : lang}>{text}</span>;
};

/** Free text from the records, in Latin script on kk-latn pages; "unknown" when empty. */
const Text: FC<{ i18n: I18n; value: string | null | undefined }> = ({ i18n, value }) =>
  value ? <span>{i18n.script(value)}</span> : <Unknown i18n={i18n} />;

// The infrastructure table

type UtilityRow = {
  key: "power" | "gas" | "water" | "sewage" | "heat" | "rail" | "road";
  label: MessageKey;
  /** A figure, a yes/no, or nothing known. */
  value: number | boolean | null;
  unit: keyof typeof UNIT | null;
};

function utilityRows(p: Plot): UtilityRow[] {
  const i = p.infrastructure;
  return [
    { key: "power", label: "sites.power", value: i.powerKw, unit: "kw" },
    { key: "gas", label: "sites.gas", value: i.gasM3h, unit: "m3h" },
    { key: "water", label: "sites.water", value: i.waterM3d, unit: "m3d" },
    { key: "sewage", label: "sites.sewage", value: i.sewageM3d, unit: "m3d" },
    { key: "heat", label: "sites.heat", value: i.heatGcalh, unit: "gcalh" },
    { key: "rail", label: "sites.rail_siding", value: i.railSiding, unit: null },
    { key: "road", label: "sites.road_access", value: i.roadAccess, unit: null },
  ];
}

const hasConnectTerms = (d: UtilityDetail | undefined) =>
  Boolean(d && (d.connectMonths !== null || d.connectCapacity !== null || d.connectCostKzt !== null));

/**
 * Available (a figure above zero, or yes), absent (zero, no, or not there but with terms to
 * connect) or unknown. A missing figure is never read as available.
 */
function utilityState(row: UtilityRow, detail: UtilityDetail | undefined): "available" | "absent" | "unknown" {
  if (row.value === true || (typeof row.value === "number" && row.value > 0)) return "available";
  if (row.value === false || row.value === 0) return "absent";
  return hasConnectTerms(detail) ? "absent" : "unknown";
}

/** What connecting would take: time, capacity, cost; each part may be unknown. */
const ConnectTerms: FC<{ i18n: I18n; row: UtilityRow; detail: UtilityDetail | undefined }> = ({ i18n, row, detail }) => {
  const { t } = i18n;
  const unknown = t("common.unknown");
  return (
    <ul class="connect">
      <li>
        {t("passport.connect_time", {
          value: detail?.connectMonths != null ? t(UNIT.months, { value: i18n.number(detail.connectMonths) }) : unknown,
        })}
      </li>
      {row.unit ? (
        <li>
          {t("passport.connect_capacity", {
            value: detail?.connectCapacity != null ? t(UNIT[row.unit], { value: i18n.number(detail.connectCapacity) }) : unknown,
          })}
        </li>
      ) : null}
      <li>{t("passport.connect_cost", { value: detail?.connectCostKzt != null ? i18n.money(detail.connectCostKzt, "KZT") : unknown })}</li>
    </ul>
  );
};

const InfrastructureTable: FC<{ i18n: I18n; plot: Plot }> = ({ i18n, plot }) => {
  const { t } = i18n;
  const details = plot.infrastructure.details;
  return (
    <table class="infrastructure">
      <thead>
        <tr>
          <th scope="col">{t("sites.utility")}</th>
          <th scope="col">{t("sites.available_now")}</th>
          <th scope="col">{t("sites.confirmed_by")}</th>
          <th scope="col">{t("sites.to_connect")}</th>
        </tr>
      </thead>
      <tbody>
        {utilityRows(plot).map((row) => {
          const detail = details[row.key];
          const state = utilityState(row, detail);
          let availability: Child;
          if (state === "unknown") availability = <Unknown i18n={i18n} />;
          else if (state === "absent") availability = <span>{t("passport.not_connected")}</span>;
          else if (row.unit && typeof row.value === "number") {
            availability = (
              <span>
                <Quantity i18n={i18n} value={row.value} unit={row.unit} />
                {row.key === "power" && plot.infrastructure.powerKv !== null ? (
                  <>
                    {", "}
                    <Quantity i18n={i18n} value={plot.infrastructure.powerKv} unit="kv" />
                  </>
                ) : null}
              </span>
            );
          } else availability = <span>{t("common.yes")}</span>;
          const confirmed =
            detail?.provider || detail?.confirmedOn ? (
              <span>
                {detail.provider ? i18n.script(detail.provider) : <Unknown i18n={i18n} />}
                {detail.confirmedOn ? <span class="muted">{`, ${i18n.date(detail.confirmedOn)}`}</span> : null}
              </span>
            ) : (
              <Unknown i18n={i18n} text={t("sites.not_confirmed")} />
            );
          const connect =
            state === "available" ? (
              <span class="muted">—</span>
            ) : state === "absent" && hasConnectTerms(detail) ? (
              <ConnectTerms i18n={i18n} row={row} detail={detail} />
            ) : (
              <Unknown i18n={i18n} />
            );
          return (
            <tr class={`state-${state}`} data-utility={row.key} data-state={state}>
              <th scope="row">{t(row.label)}</th>
              <td class="availability">{availability}</td>
              <td>{confirmed}</td>
              <td>{connect}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};

// Zone parts shared by both passports

/** A subzone without a regime of its own is under its parent's (a subzone of an SEZ is part of the SEZ). */
function regimeHolder(zone: Zone, parent: Zone | null): Zone {
  return !zone.regime && zone.incentives.length === 0 && parent ? parent : zone;
}

const RegimeSection: FC<{ i18n: I18n; zone: Zone; heading: string }> = ({ i18n, zone, heading }) => {
  const { t } = i18n;
  const regime = zone.regime ? i18n.pick(zone.regime) : null;
  return (
    <section class="regime-section">
      <h2>{heading}</h2>
      {regime ? (
        <p class="regime" lang={regime.lang === i18n.tag ? undefined : regime.lang}>
          {regime.text}
        </p>
      ) : (
        <p>
          <Unknown i18n={i18n} />
        </p>
      )}
      {zone.customsRegime || zone.landTerms ? (
        <table class="kv">
          <tbody>
            {zone.customsRegime ? (
              <tr>
                <th scope="row">{t("passport.customs")}</th>
                <td>{i18n.script(zone.customsRegime)}</td>
              </tr>
            ) : null}
            {zone.landTerms ? (
              <tr>
                <th scope="row">{t("passport.land_terms")}</th>
                <td>{i18n.script(zone.landTerms)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : null}
      <h3>{t("sites.incentives")}</h3>
      {zone.incentives.length === 0 ? (
        <p class="muted">{t("passport.no_incentives")}</p>
      ) : (
        <table class="incentives">
          <thead>
            <tr>
              <th scope="col">{t("sites.tax")}</th>
              <th scope="col">{t("sites.rate")}</th>
              <th scope="col">{t("sites.term")}</th>
              <th scope="col">{t("passport.note")}</th>
            </tr>
          </thead>
          <tbody>
            {zone.incentives.map((inc) => (
              <tr>
                <th scope="row">{t(INCENTIVE_LABEL[inc.tax])}</th>
                <td>
                  {inc.ratePct === null ? (
                    <Unknown i18n={i18n} text={t("passport.not_stated")} />
                  ) : inc.ratePct === 0 ? (
                    t("sites.exempt")
                  ) : (
                    i18n.number(inc.ratePct / 100, { style: "percent", maximumFractionDigits: 2 })
                  )}
                </td>
                <td>
                  {inc.years === null ? <span class="muted">{t("passport.not_stated")}</span> : t("sites.years", { count: inc.years })}
                </td>
                <td class="source">{inc.note ? i18n.script(inc.note) : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

// The sheet around either passport

interface SheetProps {
  i18n: I18n;
  mode: "web" | "pdf";
  title: string;
  eyebrow: string;
  subtitle: Child;
  liveUrl: string;
  qr: string;
  pdfHref: string;
  backHref: string;
}

const Sheet: FC<PropsWithChildren<SheetProps>> = ({ i18n, mode, title, eyebrow, subtitle, liveUrl, qr, pdfHref, backHref, children }) => {
  const { t } = i18n;
  return (
    <html lang={i18n.tag} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${eyebrow}: ${title} · ${t("site.name")}`}</title>
        {mode === "web" ? <link rel="stylesheet" href={ASSETS.passportCss} /> : <style>{raw(PASSPORT_CSS)}</style>}
        {mode === "web" ? <link rel="icon" href={ASSETS.icon} type="image/svg+xml" /> : null}
        <link rel="canonical" href={liveUrl} />
      </head>
      <body>
        {mode === "web" ? (
          <nav class="toolbar" aria-label={t("sites.passport")}>
            <a href={backHref}>{t("passport.back")}</a>
            <a class="primary" href={pdfHref}>
              {t("passport.download")}
            </a>
            <p class="hint">{t("passport.print_hint")}</p>
          </nav>
        ) : null}
        <main class="sheet">
          <header class="passport-head">
            <div>
              <p class="brand">
                <img src={LOGO} alt="" width="34" height="34" />
                <span>
                  <strong>{t("site.name")}</strong> · {t("site.region")}
                </span>
              </p>
              <p class="eyebrow">{eyebrow}</p>
              <h1>{title}</h1>
              <p class="subtitle">{subtitle}</p>
            </div>
            <div class="qr-box">
              {raw(qr)}
              <p>{t("passport.qr_caption")}</p>
            </div>
          </header>
          {children}
          <footer class="passport-foot">
            <p>{t("passport.printed_on", { date: i18n.date(new Date()) })}</p>
            <p>{t("passport.live_page", { url: liveUrl })}</p>
            <p>{t("passport.disclaimer")}</p>
          </footer>
        </main>
      </body>
    </html>
  );
};

/** Verification line, the stale warning and the illustrative banner, in that order of importance. */
const Trust: FC<{ i18n: I18n; illustrative: boolean; verification: Plot["verification"]; staleDays: number }> = ({
  i18n,
  illustrative,
  verification,
  staleDays,
}) => (
  <>
    {illustrative ? <IllustrativeBanner i18n={i18n} /> : null}
    <VerificationLine i18n={i18n} v={verification} />
    {verification.stale ? (
      <p class="stale-warning" role="note">
        {i18n.t("passport.stale_warning", { days: staleDays })}
      </p>
    ) : null}
  </>
);

const DistanceTable: FC<{ i18n: I18n; plot: Plot }> = ({ i18n, plot }) => {
  const d = plot.distances;
  const rows: [MessageKey, number | null][] = [
    ["sites.dist_rail", d.railKm],
    ["sites.dist_airport", d.airportKm],
    ["sites.dist_border", d.borderKm],
    ["sites.dist_centre", d.centreKm],
  ];
  const cells = (pair: [MessageKey, number | null][]) =>
    pair.map(([label, km]) => (
      <>
        <th scope="row">{i18n.t(label)}</th>
        <td>
          <Quantity i18n={i18n} value={km} unit="km" digits={1} />
        </td>
      </>
    ));
  return (
    <table class="distances">
      <tbody>
        <tr>{cells(rows.slice(0, 2))}</tr>
        <tr>{cells(rows.slice(2, 4))}</tr>
      </tbody>
    </table>
  );
};

const PlotPassport: FC<{ i18n: I18n; plot: Plot; regime: Zone | null; staleDays: number }> = ({ i18n, plot, regime, staleDays }) => {
  const { t } = i18n;
  return (
    <>
      <Trust i18n={i18n} illustrative={plot.illustrative} verification={plot.verification} staleDays={staleDays} />
      <section class="keep">
        <h2>{t("sites.key_figures")}</h2>
        <table class="kv">
          <tbody>
            <tr>
              <th scope="row">{t("sites.status")}</th>
              <td>
                <strong>
                  {plot.status === "reserved" && plot.reservedUntil
                    ? t("sites.reserved_until_for", {
                        date: i18n.date(plot.reservedUntil),
                        who: plot.reservedFor ? i18n.script(plot.reservedFor) : t("common.unknown"),
                      })
                    : t(PLOT_STATUS_LABEL[plot.status])}
                </strong>
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.area")}</th>
              <td>
                <Quantity i18n={i18n} value={plot.areaHa} unit="ha" />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.cadastral_number")}</th>
              <td>
                <Text i18n={i18n} value={plot.cadastralNumber} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.land_category")}</th>
              <td>
                <Text i18n={i18n} value={plot.landCategory} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.permitted_use")}</th>
              <td>
                <Text i18n={i18n} value={plot.permittedUse} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.price")}</th>
              <td>
                {plot.price ? (
                  <span>
                    <strong>{i18n.money(plot.price.amount, plot.price.currency)}</strong>, {t(PRICE_UNIT_LABEL[plot.price.unit])}
                  </span>
                ) : (
                  <span class="muted">{t("sites.price_on_request")}</span>
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">{t("passport.coordinates")}</th>
              <td>
                {plot.location ? (
                  t("territory.latlon", {
                    lat: i18n.number(plot.location.lat, { maximumFractionDigits: 5 }),
                    lon: i18n.number(plot.location.lon, { maximumFractionDigits: 5 }),
                  })
                ) : (
                  <Unknown i18n={i18n} />
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section class="keep">
        <h2>{t("sites.infrastructure")}</h2>
        <InfrastructureTable i18n={i18n} plot={plot} />
      </section>
      <section class="keep">
        <h2>{t("sites.distances")}</h2>
        <DistanceTable i18n={i18n} plot={plot} />
      </section>
      {regime ? <RegimeSection i18n={i18n} zone={regime} heading={`${t("sites.regime")}: ${i18n.pick(regime.name).text}`} /> : null}
      {plot.notes ? (
        <section class="keep">
          <h2>{t("sites.notes")}</h2>
          <p>{i18n.script(plot.notes)}</p>
        </section>
      ) : null}
    </>
  );
};

const ZonePassport: FC<{ i18n: I18n; zone: Zone; regime: Zone; subzones: Zone[]; staleDays: number }> = ({
  i18n,
  zone,
  regime,
  subzones,
  staleDays,
}) => {
  const { t } = i18n;
  const names: [Locale, string | null][] = [
    ["kk", zone.name.kk],
    ["kk-latn", zone.name.kkLatn],
    ["ru", zone.name.ru],
    ["zh", zone.name.zh],
    ["en", zone.name.en],
  ];
  const c = zone.contacts;
  return (
    <>
      <Trust i18n={i18n} illustrative={zone.illustrative} verification={zone.verification} staleDays={staleDays} />
      <section class="keep">
        <h2>{t("sites.key_figures")}</h2>
        <table class="kv">
          <tbody>
            <tr>
              <th scope="row">{t("sites.zone_kind")}</th>
              <td>{t(ZONE_KIND_LABEL[zone.kind])}</td>
            </tr>
            <tr>
              <th scope="row">{t("sites.status")}</th>
              <td>
                <strong>{t(ZONE_STATUS_LABEL[zone.status])}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.district")}</th>
              <td>
                <Name i18n={i18n} name={zone.territory.name} />
              </td>
            </tr>
            {zone.parent ? (
              <tr>
                <th scope="row">{t("territory.part_of")}</th>
                <td>
                  <Name i18n={i18n} name={zone.parent.name} />
                </td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{t("sites.total_area")}</th>
              <td>
                <Quantity i18n={i18n} value={zone.totalAreaHa} unit="ha" />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.free_area")}</th>
              <td>
                <Quantity i18n={i18n} value={zone.freeAreaHa} unit="ha" />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.plots")}</th>
              <td>{t("sites.plots_free_of_total", { free: zone.plots.free, total: zone.plots.total })}</td>
            </tr>
            <tr>
              <th scope="row">{t("sites.operator")}</th>
              <td>
                <Text i18n={i18n} value={zone.operator} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("sites.sectors")}</th>
              <td>
                {zone.sectors.length === 0 ? (
                  <Unknown i18n={i18n} />
                ) : (
                  <ul class="sectors">
                    {zone.sectors.map((code) => {
                      const section = NACE_SECTION[code.charAt(0).toUpperCase()];
                      return <li>{section ? `${code} — ${t(section)}` : code}</li>;
                    })}
                  </ul>
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">{t("passport.coordinates")}</th>
              <td>
                {zone.centre ? (
                  t("territory.latlon", {
                    lat: i18n.number(zone.centre.lat, { maximumFractionDigits: 4 }),
                    lon: i18n.number(zone.centre.lon, { maximumFractionDigits: 4 }),
                  })
                ) : (
                  <Unknown i18n={i18n} />
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section class="keep">
        <h2>{t("territory.names")}</h2>
        <table class="kv">
          <tbody>
            {names.map(([locale, name]) => (
              <tr>
                <th scope="row">{LOCALE_NAME[locale]}</th>
                <td lang={LOCALE_TAG[locale]}>{name ?? <Unknown i18n={i18n} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <RegimeSection
        i18n={i18n}
        zone={regime}
        heading={regime === zone ? t("sites.regime") : `${t("sites.regime")}: ${i18n.pick(regime.name).text}`}
      />
      {zone.facts.length > 0 ? (
        <section>
          <h2>{t("sites.facts_and_sources")}</h2>
          <table class="facts">
            <thead>
              <tr>
                <th scope="col">{t("passport.fact")}</th>
                <th scope="col">{t("passport.value")}</th>
                <th scope="col">{t("passport.confidence")}</th>
                <th scope="col">{t("passport.source")}</th>
                <th scope="col">{t("passport.as_of")}</th>
              </tr>
            </thead>
            <tbody>
              {zone.facts.map((f) => {
                const label = FACT_LABEL[f.label];
                return (
                  <tr>
                    <th scope="row">{label ? t(label) : f.label.replace(/_/g, " ")}</th>
                    <td>{i18n.script(f.value)}</td>
                    <td>
                      <ConfidenceBadge i18n={i18n} confidence={f.confidence} />
                    </td>
                    <td class="source">{f.source}</td>
                    <td>{f.asOf ?? <span class="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      {subzones.length > 0 ? (
        <section>
          <h2>{t("sites.subzones")}</h2>
          <table class="subzones">
            <thead>
              <tr>
                <th scope="col">{t("territory.name")}</th>
                <th scope="col">{t("sites.zone_kind")}</th>
                <th scope="col">{t("sites.total_area")}</th>
                <th scope="col">{t("sites.plots")}</th>
              </tr>
            </thead>
            <tbody>
              {subzones.map((s) => (
                <tr>
                  <th scope="row">
                    <Name i18n={i18n} name={s.name} />
                  </th>
                  <td>{t(ZONE_KIND_LABEL[s.kind])}</td>
                  <td>
                    <Quantity i18n={i18n} value={s.totalAreaHa} unit="ha" />
                  </td>
                  <td>{t("sites.plots_free_of_total", { free: s.plots.free, total: s.plots.total })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section class="keep">
        <h2>{t("passport.contacts")}</h2>
        {c.phone || c.email || c.website ? (
          <table class="kv">
            <tbody>
              {c.phone ? (
                <tr>
                  <th scope="row">{t("passport.phone")}</th>
                  <td>{c.phone}</td>
                </tr>
              ) : null}
              {c.email ? (
                <tr>
                  <th scope="row">{t("login.email")}</th>
                  <td>{c.email}</td>
                </tr>
              ) : null}
              {c.website ? (
                <tr>
                  <th scope="row">{t("sites.website")}</th>
                  <td>{c.website}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t("passport.no_contacts")}</p>
        )}
      </section>
    </>
  );
};

// Building a passport and answering with it

interface Passport {
  /** The complete HTML document for the given mode. */
  html(mode: "web" | "pdf"): Promise<string>;
  /** Readable part of the PDF cache key; the renderer adds the document's hash. */
  cacheKey: string;
  /** ASCII file name and the localized one. */
  fileName: string;
  localizedFileName: string;
  footer: string;
  printableHref: string;
  liveHref: string;
}

async function plotPassport(c: Context<AppEnv>): Promise<Passport> {
  const parsed = PlotCode.safeParse(c.req.param("code"));
  if (!parsed.success) throw new AppError("plot_not_found");
  const sites = c.get("services").sites;
  const { plot } = await sites.getPlot(parsed.data);
  // The plot's zone and, for a subzone, its parent usually lie in the plot's district: one list
  // finds both, which keeps the page within QUALITY P5's 10 statements (getZone twice would not).
  let regime: Zone | null = null;
  if (plot.zone) {
    const nearby = await sites.listZones({ district: plot.territory.slug });
    const find = async (slug: string) => nearby.find((z) => z.slug === slug) ?? (await sites.getZone(slug)).zone;
    const zone = await find(plot.zone.slug);
    const parent = !zone.regime && zone.incentives.length === 0 && zone.parent ? await find(zone.parent.slug) : null;
    regime = regimeHolder(zone, parent);
  }
  const i18n = c.get("i18n");
  const locale = c.get("locale");
  const { t } = i18n;
  const path = `/plots/${encodeURIComponent(plot.code)}`;
  const liveUrl = `${c.get("config").publicUrl.origin}/${locale}${path}`;
  const qr = await qrSvg(liveUrl, t("passport.qr_label", { url: liveUrl }));
  const title = t("sites.plot_title", { code: plot.code });
  const place = [plot.zone ? i18n.pick(plot.zone.name).text : null, i18n.pick(plot.territory.name).text].filter(Boolean).join(" · ");
  const staleDays = c.get("config").sitesStaleDays;
  const sheet = (mode: "web" | "pdf") => (
    <Sheet
      i18n={i18n}
      mode={mode}
      title={title}
      eyebrow={t("passport.of_plot")}
      subtitle={place}
      liveUrl={liveUrl}
      qr={qr}
      pdfHref={href({ locale }, `${path}/passport.pdf`)}
      backHref={href({ locale }, path)}
    >
      <PlotPassport i18n={i18n} plot={plot} regime={regime} staleDays={staleDays} />
    </Sheet>
  );
  return {
    html: async (mode) => `<!doctype html>${await sheet(mode).toString()}`,
    cacheKey: `${locale}/plot/${plot.code}/${plot.verification.at ?? "never"}`,
    fileName: `jibek-passport-${plot.code}-${locale}.pdf`,
    localizedFileName: `${t("sites.passport")} ${plot.code}.pdf`,
    footer: `${t("site.name")} · ${t("passport.of_plot")} ${plot.code}`,
    printableHref: href({ locale }, `${path}/passport`),
    liveHref: href({ locale }, path),
  };
}

async function zonePassport(c: Context<AppEnv>): Promise<Passport> {
  const parsed = ZoneSlug.safeParse(c.req.param("slug"));
  if (!parsed.success) throw new AppError("zone_not_found");
  const sites = c.get("services").sites;
  const { zone, subzones } = await sites.getZone(parsed.data);
  const parent = !zone.regime && zone.incentives.length === 0 && zone.parent ? (await sites.getZone(zone.parent.slug)).zone : null;
  const i18n = c.get("i18n");
  const locale = c.get("locale");
  const { t } = i18n;
  const path = `/zones/${zone.slug}`;
  const liveUrl = `${c.get("config").publicUrl.origin}/${locale}${path}`;
  const qr = await qrSvg(liveUrl, t("passport.qr_label", { url: liveUrl }));
  const name = i18n.pick(zone.name).text;
  const staleDays = c.get("config").sitesStaleDays;
  const sheet = (mode: "web" | "pdf") => (
    <Sheet
      i18n={i18n}
      mode={mode}
      title={name}
      eyebrow={t("passport.of_zone")}
      subtitle={`${t(ZONE_KIND_LABEL[zone.kind])} · ${i18n.pick(zone.territory.name).text}`}
      liveUrl={liveUrl}
      qr={qr}
      pdfHref={href({ locale }, `${path}/passport.pdf`)}
      backHref={href({ locale }, path)}
    >
      <ZonePassport i18n={i18n} zone={zone} regime={regimeHolder(zone, parent)} subzones={subzones} staleDays={staleDays} />
    </Sheet>
  );
  return {
    html: async (mode) => `<!doctype html>${await sheet(mode).toString()}`,
    cacheKey: `${locale}/zone/${zone.slug}/${zone.verification.at ?? "never"}`,
    fileName: `jibek-passport-${zone.slug}-${locale}.pdf`,
    localizedFileName: `${t("sites.passport")} ${name}.pdf`,
    footer: `${t("site.name")} · ${t("passport.of_zone")} · ${name}`,
    printableHref: href({ locale }, `${path}/passport`),
    liveHref: href({ locale }, path),
  };
}

/** RFC 6266 / 8187: an ASCII fallback name and the real one, percent-encoded UTF-8. */
export function contentDisposition(asciiName: string, name: string): string {
  const safeAscii = asciiName.replace(/[^A-Za-z0-9._-]/g, "_");
  const clean = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, " ").trim();
  const encoded = encodeURIComponent(clean).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${safeAscii}"; filename*=UTF-8''${encoded}`;
}

async function printablePage(c: Context<AppEnv>, passport: Passport) {
  c.header("Cache-Control", "no-store");
  return c.html(await passport.html("web"));
}

async function pdfDownload(c: Context<AppEnv>, passport: Passport) {
  let pdf: Uint8Array;
  try {
    pdf = await renderPdf({ html: await passport.html("pdf"), cacheKey: passport.cacheKey, footer: passport.footer });
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    c.get("log").warn({ err: error }, "PDF renderer unavailable");
    return pdfUnavailable(c, passport);
  }
  c.header("Content-Type", "application/pdf");
  c.header("Content-Disposition", contentDisposition(passport.fileName, passport.localizedFileName));
  c.header("Cache-Control", "no-store");
  return c.body(pdf as Uint8Array<ArrayBuffer>);
}

/** 503 in the reader's language, pointing at the printable page the browser can print itself. */
function pdfUnavailable(c: Context<AppEnv>, passport: Passport) {
  const ctx = pageContext(c);
  const { t } = ctx.i18n;
  c.header("Retry-After", "60");
  return render(
    c,
    <Layout ctx={ctx} title={t("passport.pdf_unavailable_title")} noindex>
      <PageHeader title={t("passport.pdf_unavailable_title")} lead={t("passport.pdf_unavailable")} />
      <p>
        <a class="button" href={passport.printableHref}>
          {t("passport.open_printable")}
        </a>{" "}
        <a class="button button-quiet" href={passport.liveHref}>
          {t("passport.back")}
        </a>
      </p>
    </Layout>,
    503,
  );
}

/** Investment passports of zones and plots: printable pages and PDF downloads. */
export function passportPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/:locale/plots/:code/passport", async (c) => printablePage(c, await plotPassport(c)));
  app.get("/:locale/plots/:code/passport.pdf", async (c) => pdfDownload(c, await plotPassport(c)));
  app.get("/:locale/zones/:slug/passport", async (c) => printablePage(c, await zonePassport(c)));
  app.get("/:locale/zones/:slug/passport.pdf", async (c) => pdfDownload(c, await zonePassport(c)));
  return app;
}
