import { type Context, Hono } from "hono";
import type { Child, FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { requirePermission } from "../../http/middleware/roles.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { coerceForm, type FieldErrors, type FieldSpec, formStrings } from "../../lib/forms.ts";
import { storeUpload } from "../../lib/uploads.ts";
import { AdminMenu } from "../../views/admin-menu.tsx";
import { PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import {
  CURRENCIES,
  PLOT_STATUSES,
  type Plot,
  PREMISES_KINDS,
  PREMISES_STATUSES,
  PRICE_UNITS,
  type Premises,
  ZONE_STATUSES,
} from "./sites.schemas.ts";
import type { SiteEntity } from "./sites.service.ts";
import {
  PLOT_STATUS_LABEL,
  PREMISES_KIND_LABEL,
  PREMISES_STATUS_LABEL,
  PRICE_UNIT_LABEL,
  VerificationLine,
  ZONE_STATUS_LABEL,
} from "./sites.views.tsx";

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const SLUG = /^[a-z0-9-]{1,100}$/;
const UTILITY_KEYS = ["power", "gas", "water", "sewage", "heat"] as const;

/** The plot form: field, kind and label. The same names as PlotInput. */
const PLOT_FIELDS: (FieldSpec & { label: MessageKey; group: MessageKey })[] = [
  { name: "code", kind: "text", label: "sites.code", group: "admin.sites.group_identity" },
  { name: "territorySlug", kind: "select", label: "sites.district", group: "admin.sites.group_identity" },
  { name: "zoneSlug", kind: "select", label: "sites.zone", group: "admin.sites.group_identity" },
  { name: "cadastralNumber", kind: "text", label: "sites.cadastral_number", group: "admin.sites.group_identity" },
  { name: "areaHa", kind: "number", label: "admin.sites.area_ha", group: "admin.sites.group_identity" },
  { name: "landCategory", kind: "text", label: "sites.land_category", group: "admin.sites.group_identity" },
  { name: "permittedUse", kind: "text", label: "sites.permitted_use", group: "admin.sites.group_identity" },
  { name: "status", kind: "select", options: PLOT_STATUSES, label: "sites.status", group: "admin.sites.group_terms" },
  { name: "reservedUntil", kind: "date", label: "admin.sites.reserved_until", group: "admin.sites.group_terms" },
  { name: "reservedFor", kind: "text", label: "admin.sites.reserved_for", group: "admin.sites.group_terms" },
  { name: "priceAmount", kind: "number", label: "sites.price", group: "admin.sites.group_terms" },
  { name: "priceCurrency", kind: "select", options: CURRENCIES, label: "admin.sites.currency", group: "admin.sites.group_terms" },
  { name: "priceUnit", kind: "select", options: PRICE_UNITS, label: "admin.sites.price_unit", group: "admin.sites.group_terms" },
  { name: "lat", kind: "number", label: "admin.sites.lat", group: "admin.sites.group_location" },
  { name: "lon", kind: "number", label: "admin.sites.lon", group: "admin.sites.group_location" },
  { name: "distRailKm", kind: "number", label: "sites.dist_rail", group: "admin.sites.group_location" },
  { name: "distAirportKm", kind: "number", label: "sites.dist_airport", group: "admin.sites.group_location" },
  { name: "distBorderKm", kind: "number", label: "sites.dist_border", group: "admin.sites.group_location" },
  { name: "distCentreKm", kind: "number", label: "sites.dist_centre", group: "admin.sites.group_location" },
  { name: "powerKw", kind: "number", label: "admin.sites.power_kw", group: "sites.infrastructure" },
  { name: "powerKv", kind: "number", label: "admin.sites.power_kv", group: "sites.infrastructure" },
  { name: "gasM3h", kind: "number", label: "admin.sites.gas_m3h", group: "sites.infrastructure" },
  { name: "waterM3d", kind: "number", label: "admin.sites.water_m3d", group: "sites.infrastructure" },
  { name: "sewageM3d", kind: "number", label: "admin.sites.sewage_m3d", group: "sites.infrastructure" },
  { name: "heatGcalh", kind: "number", label: "admin.sites.heat_gcalh", group: "sites.infrastructure" },
  { name: "railSiding", kind: "bool", label: "sites.rail_siding", group: "sites.infrastructure" },
  { name: "roadAccess", kind: "bool", label: "sites.road_access", group: "sites.infrastructure" },
  { name: "notes", kind: "textarea", label: "sites.notes", group: "admin.sites.group_other" },
];

const UTILITY_FIELDS: (FieldSpec & {
  utility: (typeof UTILITY_KEYS)[number];
  part: "provider" | "confirmedOn" | "connectMonths" | "connectCapacity" | "connectCostKzt";
})[] = UTILITY_KEYS.flatMap((u) => [
  { name: `${u}.provider`, kind: "text" as const, utility: u, part: "provider" as const },
  { name: `${u}.confirmedOn`, kind: "date" as const, utility: u, part: "confirmedOn" as const },
  { name: `${u}.connectMonths`, kind: "number" as const, utility: u, part: "connectMonths" as const },
  { name: `${u}.connectCapacity`, kind: "number" as const, utility: u, part: "connectCapacity" as const },
  { name: `${u}.connectCostKzt`, kind: "number" as const, utility: u, part: "connectCostKzt" as const },
]);

const UTILITY_LABEL: Record<(typeof UTILITY_KEYS)[number], MessageKey> = {
  power: "sites.power",
  gas: "sites.gas",
  water: "sites.water",
  sewage: "sites.sewage",
  heat: "sites.heat",
};
const UTILITY_PART_LABEL: Record<(typeof UTILITY_FIELDS)[number]["part"], MessageKey> = {
  provider: "admin.sites.provider",
  confirmedOn: "admin.sites.confirmed_on",
  connectMonths: "admin.sites.connect_months",
  connectCapacity: "admin.sites.connect_capacity",
  connectCostKzt: "admin.sites.connect_cost",
};

const PREMISES_FIELDS: (FieldSpec & { label: MessageKey })[] = [
  { name: "code", kind: "text", label: "sites.code" },
  { name: "territorySlug", kind: "select", label: "sites.district" },
  { name: "zoneSlug", kind: "select", label: "sites.zone" },
  { name: "plotCode", kind: "text", label: "sites.on_plot" },
  { name: "kind", kind: "select", options: PREMISES_KINDS, label: "sites.premises_kind" },
  { name: "status", kind: "select", options: PREMISES_STATUSES, label: "sites.status" },
  { name: "floorAreaM2", kind: "number", label: "admin.sites.floor_area_m2" },
  { name: "ceilingM", kind: "number", label: "admin.sites.ceiling_m" },
  { name: "floorLoadTM2", kind: "number", label: "admin.sites.floor_load_t_m2" },
  { name: "craneT", kind: "number", label: "admin.sites.crane_t" },
  { name: "powerKw", kind: "number", label: "admin.sites.power_kw" },
  { name: "priceKztM2Month", kind: "number", label: "admin.sites.rent_kzt_m2" },
  { name: "lat", kind: "number", label: "admin.sites.lat" },
  { name: "lon", kind: "number", label: "admin.sites.lon" },
  { name: "notes", kind: "textarea", label: "sites.notes" },
];

function optionLabel(i18n: I18n, field: string, value: string): string {
  if (field === "status" && value in PLOT_STATUS_LABEL) return i18n.t(PLOT_STATUS_LABEL[value as Plot["status"]]);
  if (field === "status" && value in PREMISES_STATUS_LABEL) return i18n.t(PREMISES_STATUS_LABEL[value as Premises["status"]]);
  if (field === "kind" && value in PREMISES_KIND_LABEL) return i18n.t(PREMISES_KIND_LABEL[value as Premises["kind"]]);
  if (field === "priceUnit" && value in PRICE_UNIT_LABEL) return i18n.t(PRICE_UNIT_LABEL[value as keyof typeof PRICE_UNIT_LABEL]);
  return value;
}

/** One input of a spec-driven form, with its inline error and the value as typed. */
const SpecInput: FC<{ i18n: I18n; spec: FieldSpec; label: string; value: string; error?: string; options?: [string, string][] }> = ({
  i18n,
  spec,
  label,
  value,
  error,
  options,
}) => {
  const id = `f-${spec.name.replace(/\./g, "-")}`;
  const invalid = error ? "true" : undefined;
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {spec.kind === "select" ? (
        <select id={id} name={spec.name} aria-invalid={invalid} aria-describedby={describedBy}>
          <option value="">—</option>
          {(options ?? (spec.options ?? []).map((o) => [o, optionLabel(i18n, spec.name, o)] as [string, string])).map(([v, l]) => (
            <option value={v} selected={v === value}>
              {l}
            </option>
          ))}
        </select>
      ) : spec.kind === "bool" ? (
        <select id={id} name={spec.name} aria-invalid={invalid} aria-describedby={describedBy}>
          <option value="">{i18n.t("common.unknown")}</option>
          <option value="yes" selected={value === "yes"}>
            {i18n.t("common.yes")}
          </option>
          <option value="no" selected={value === "no"}>
            {i18n.t("common.no")}
          </option>
        </select>
      ) : spec.kind === "textarea" ? (
        <textarea id={id} name={spec.name} rows={3} aria-invalid={invalid} aria-describedby={describedBy}>
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={spec.name}
          type={spec.kind === "date" ? "date" : "text"}
          inputmode={spec.kind === "number" ? "decimal" : undefined}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
};

/** Form values of a stored plot, as the form shows them. */
function plotValues(p: Plot): Record<string, string> {
  const s = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));
  const b = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");
  const values: Record<string, string> = {
    code: p.code,
    territorySlug: p.territory.slug,
    zoneSlug: p.zone?.slug ?? "",
    cadastralNumber: s(p.cadastralNumber),
    areaHa: s(p.areaHa),
    landCategory: s(p.landCategory),
    permittedUse: s(p.permittedUse),
    status: p.status,
    reservedUntil: s(p.reservedUntil),
    reservedFor: s(p.reservedFor),
    priceAmount: s(p.price?.amount),
    priceCurrency: s(p.price?.currency),
    priceUnit: s(p.price?.unit),
    lat: s(p.location?.lat),
    lon: s(p.location?.lon),
    distRailKm: s(p.distances.railKm),
    distAirportKm: s(p.distances.airportKm),
    distBorderKm: s(p.distances.borderKm),
    distCentreKm: s(p.distances.centreKm),
    powerKw: s(p.infrastructure.powerKw),
    powerKv: s(p.infrastructure.powerKv),
    gasM3h: s(p.infrastructure.gasM3h),
    waterM3d: s(p.infrastructure.waterM3d),
    sewageM3d: s(p.infrastructure.sewageM3d),
    heatGcalh: s(p.infrastructure.heatGcalh),
    railSiding: b(p.infrastructure.railSiding),
    roadAccess: b(p.infrastructure.roadAccess),
    notes: s(p.notes),
    illustrative: p.illustrative ? "yes" : "",
  };
  for (const f of UTILITY_FIELDS) values[f.name] = s(p.infrastructure.details[f.utility]?.[f.part]);
  return values;
}

/** The submitted plot form as PlotInput (utility details folded into `utilities`). */
function plotInputFrom(body: Record<string, string>): Record<string, unknown> {
  const input = coerceForm(PLOT_FIELDS, body);
  const details = coerceForm(UTILITY_FIELDS, body);
  const utilities: Record<string, Record<string, unknown>> = {};
  for (const f of UTILITY_FIELDS) {
    const value = details[f.name];
    if (value === null) continue;
    utilities[f.utility] ??= { provider: null, confirmedOn: null, connectMonths: null, connectCapacity: null, connectCostKzt: null };
    (utilities[f.utility] as Record<string, unknown>)[f.part] = value;
  }
  return { ...input, utilities, illustrative: body.illustrative === "yes" };
}

async function options(c: Context<AppEnv>, i18n: I18n) {
  const services = c.get("services");
  const [territories, zones] = [await services.territories.list(), await services.sites.zoneChoices()];
  return {
    territorySlug: territories
      .filter((t) => t.isHome && t.kind !== "oblast")
      .map((t) => [t.slug, i18n.pick(t.name).text] as [string, string]),
    zoneSlug: zones.map((z) => [z.slug, i18n.pick(z.name).text] as [string, string]),
  };
}

/** Translates error details (field → message key); nested utility errors land on their field. */
function translateErrors(i18n: I18n, errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, i18n.tx(v)]));
}

const PlotForm: FC<{
  ctx: PageContext;
  mode: "create" | "update";
  values: Record<string, string>;
  errors: Record<string, string>;
  choices: Awaited<ReturnType<typeof options>>;
}> = ({ ctx, mode, values, errors, choices }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const groups = [...new Set(PLOT_FIELDS.map((f) => f.group))];
  const action = mode === "create" ? href(ctx, "/admin/plots/new") : href(ctx, `/admin/plots/${values.code}/edit`);
  return (
    <form method="post" action={action} class="form admin-form" novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.keys(errors).length > 0 ? (
        <div class="flash flash-error" role="alert">
          {t("admin.sites.form_has_errors", { count: Object.keys(errors).length })}
        </div>
      ) : null}
      {groups.map((group) => (
        <fieldset class="panel">
          <legend>{t(group)}</legend>
          <div class="form-grid">
            {PLOT_FIELDS.filter((f) => f.group === group).map((f) =>
              mode === "update" && f.name === "code" ? (
                <div class="field">
                  <span class="label">{t(f.label)}</span>
                  <input type="hidden" name="code" value={values.code} />
                  <strong>{values.code}</strong>
                </div>
              ) : (
                <SpecInput
                  i18n={i18n}
                  spec={f}
                  label={t(f.label)}
                  value={values[f.name] ?? ""}
                  error={errors[f.name]}
                  options={f.name === "territorySlug" ? choices.territorySlug : f.name === "zoneSlug" ? choices.zoneSlug : undefined}
                />
              ),
            )}
          </div>
        </fieldset>
      ))}
      <fieldset class="panel">
        <legend>{t("admin.sites.utility_details")}</legend>
        {errors.utilities ? <p class="field-error">{errors.utilities}</p> : null}
        {UTILITY_KEYS.map((u) => (
          <fieldset class="utility">
            <legend>{t(UTILITY_LABEL[u])}</legend>
            <div class="form-grid">
              {UTILITY_FIELDS.filter((f) => f.utility === u).map((f) => (
                <SpecInput i18n={i18n} spec={f} label={t(UTILITY_PART_LABEL[f.part])} value={values[f.name] ?? ""} error={errors[f.name]} />
              ))}
            </div>
          </fieldset>
        ))}
        <label class="check">
          <input type="checkbox" name="illustrative" value="yes" checked={values.illustrative === "yes"} />{" "}
          {t("admin.sites.mark_illustrative")}
        </label>
      </fieldset>
      <p>
        <button type="submit" class="button">
          {mode === "create" ? t("admin.sites.create") : t("admin.sites.save")}
        </button>
      </p>
    </form>
  );
};

const PremisesForm: FC<{
  ctx: PageContext;
  mode: "create" | "update";
  values: Record<string, string>;
  errors: Record<string, string>;
  choices: Awaited<ReturnType<typeof options>>;
}> = ({ ctx, mode, values, errors, choices }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const action = mode === "create" ? href(ctx, "/admin/premises/new") : href(ctx, `/admin/premises/${values.code}/edit`);
  return (
    <form method="post" action={action} class="form admin-form" novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.keys(errors).length > 0 ? (
        <div class="flash flash-error" role="alert">
          {t("admin.sites.form_has_errors", { count: Object.keys(errors).length })}
        </div>
      ) : null}
      <fieldset class="panel">
        <legend>{t("sites.premises")}</legend>
        <div class="form-grid">
          {PREMISES_FIELDS.map((f) =>
            mode === "update" && f.name === "code" ? (
              <div class="field">
                <span class="label">{t(f.label)}</span>
                <input type="hidden" name="code" value={values.code} />
                <strong>{values.code}</strong>
              </div>
            ) : (
              <SpecInput
                i18n={i18n}
                spec={f}
                label={t(f.label)}
                value={values[f.name] ?? ""}
                error={errors[f.name]}
                options={f.name === "territorySlug" ? choices.territorySlug : f.name === "zoneSlug" ? choices.zoneSlug : undefined}
              />
            ),
          )}
        </div>
        <label class="check">
          <input type="checkbox" name="illustrative" value="yes" checked={values.illustrative === "yes"} />{" "}
          {t("admin.sites.mark_illustrative")}
        </label>
      </fieldset>
      <p>
        <button type="submit" class="button">
          {mode === "create" ? t("admin.sites.create") : t("admin.sites.save")}
        </button>
      </p>
    </form>
  );
};

/** Status change with a reason, verification and uploads: the side panel of an edit page. */
const RecordActions: FC<{
  ctx: PageContext;
  entity: SiteEntity;
  key: string;
  status: string;
  statuses: readonly string[];
  label: (s: string) => string;
  verification: { at: string | null; by: string | null; stale: boolean };
  errors?: Record<string, string>;
}> = ({ ctx, entity, key, status, statuses, label, verification, errors = {} }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const base = href(ctx, `/admin/${entity === "zone" ? "zones" : entity === "plot" ? "plots" : "premises"}/${key}`);
  return (
    <div class="grid-2">
      <form method="post" action={`${base}/status`} class="form panel">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <h2>{t("admin.sites.change_status")}</h2>
        <div class="field">
          <label for="new-status">{t("sites.status")}</label>
          <select id="new-status" name="status">
            {statuses.map((s) => (
              <option value={s} selected={s === status}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        {entity === "plot" ? (
          <div class="form-grid">
            <div class="field">
              <label for="st-until">{t("admin.sites.reserved_until")}</label>
              <input id="st-until" name="reservedUntil" type="date" />
            </div>
            <div class="field">
              <label for="st-for">{t("admin.sites.reserved_for")}</label>
              <input id="st-for" name="reservedFor" type="text" />
            </div>
          </div>
        ) : null}
        <div class={errors.reason ? "field field-invalid" : "field"}>
          <label for="st-reason">{t("sites.reason")}</label>
          {errors.reason ? <p class="field-error">{errors.reason}</p> : null}
          <input id="st-reason" name="reason" type="text" required aria-invalid={errors.reason ? "true" : undefined} />
        </div>
        <button type="submit" class="button">
          {t("admin.sites.change_status")}
        </button>
      </form>
      <div class="panel">
        <h2>{t("admin.sites.verification")}</h2>
        <VerificationLine i18n={i18n} v={verification} />
        <form method="post" action={`${base}/verify`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit" class="button">
            {t("admin.sites.mark_verified")}
          </button>
        </form>
        {entity !== "zone" ? (
          <form method="post" action={`${base}/files`} enctype="multipart/form-data" class="form upload">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <h3>{t("admin.sites.upload")}</h3>
            <p class="hint">{t("admin.sites.upload_hint")}</p>
            <div class="field">
              <label for="up-title">{t("admin.sites.file_title")}</label>
              <input id="up-title" name="title" type="text" />
            </div>
            <div class="field">
              <label for="up-file">{t("admin.sites.file")}</label>
              <input id="up-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />
            </div>
            <button type="submit" class="button button-quiet">
              {t("admin.sites.upload_submit")}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
};

/** The frame of every back-office edit page: side menu, breadcrumbs, record actions, the form. */
function editPage(c: Context<AppEnv>, page: { title: string; publicPath: string | null; actions: Child; form: Child; status: 200 | 422 }) {
  const ctx = pageContext(c);
  const t = ctx.i18n.t;
  return render(
    c,
    <Layout
      ctx={ctx}
      title={page.title}
      section="admin"
      noindex
      crumbs={[
        { label: t("admin.title"), href: href(ctx, "/admin") },
        { label: t("admin.sites.title"), href: href(ctx, "/admin/sites") },
        { label: page.title },
      ]}
      aside={<AdminMenu ctx={ctx} current="sites" isAdmin={isAdmin(c)} />}
    >
      <PageHeader
        title={page.title}
        actions={page.publicPath ? <a href={href(ctx, page.publicPath)}>{t("admin.sites.view_public")}</a> : undefined}
      />
      {page.actions}
      {page.form}
    </Layout>,
    page.status,
  );
}

function actor(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

function isAdmin(c: Context<AppEnv>): boolean {
  return c.get("session")?.user.role === "admin";
}

export function siteAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const path of ["/:locale/admin/sites", "/:locale/admin/plots/*", "/:locale/admin/premises/*", "/:locale/admin/zones/*"])
    app.use(path, requirePermission("sites:edit"));

  app.get("/:locale/admin/sites", async (c) => {
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const stale = await c.get("services").sites.stale(actor(c), 50);
    const list = (rows: typeof stale.plots, path: string) =>
      rows.length === 0 ? (
        <p class="muted">{t("admin.sites.none_stale")}</p>
      ) : (
        <ul class="stale-list">
          {rows.map((r) => (
            <li>
              <a href={href(ctx, `/admin/${path}/${r.key}/edit`)}>{r.key}</a>{" "}
              <span class="muted">{r.verifiedAt ? i18n.date(r.verifiedAt) : t("sites.never_verified")}</span>
            </li>
          ))}
        </ul>
      );
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("admin.sites.title")}
        section="admin"
        noindex
        crumbs={[{ label: t("admin.title"), href: href(ctx, "/admin") }, { label: t("admin.sites.title") }]}
        aside={<AdminMenu ctx={ctx} current="sites" isAdmin={isAdmin(c)} />}
      >
        <PageHeader
          title={t("admin.sites.title")}
          lead={t("admin.sites.lead", { days: stale.staleDays })}
          actions={
            <>
              <a class="button" href={href(ctx, "/admin/plots/new")}>
                {t("admin.sites.new_plot")}
              </a>{" "}
              <a class="button button-quiet" href={href(ctx, "/admin/premises/new")}>
                {t("admin.sites.new_premises")}
              </a>{" "}
              <a class="button button-quiet" href={href(ctx, "/admin/import")}>
                {t("admin.sites.import")}
              </a>
            </>
          }
        />
        <h2>{t("admin.sites.stale_title", { days: stale.staleDays })}</h2>
        <div class="grid-3">
          <section class="panel">
            <h3>{t("admin.sites.stale_zones", { count: stale.totals.zones })}</h3>
            {list(stale.zones, "zones")}
          </section>
          <section class="panel">
            <h3>{t("admin.sites.stale_plots", { count: stale.totals.plots })}</h3>
            {list(stale.plots, "plots")}
          </section>
          <section class="panel">
            <h3>{t("admin.sites.stale_premises", { count: stale.totals.premises })}</h3>
            {list(stale.premises, "premises")}
          </section>
        </div>
      </Layout>,
    );
  });

  const plotPage = async (
    c: Context<AppEnv>,
    mode: "create" | "update",
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const ctx = pageContext(c);
    const t = ctx.i18n.t;
    const current = mode === "update" && values.code ? (await c.get("services").sites.getPlot(values.code)).plot : null;
    return editPage(c, {
      title: mode === "create" ? t("admin.sites.new_plot") : t("admin.sites.edit_plot", { code: values.code ?? "" }),
      publicPath: current ? `/plots/${current.code}` : null,
      actions: current ? (
        <RecordActions
          ctx={ctx}
          entity="plot"
          key={current.code}
          status={current.status}
          statuses={PLOT_STATUSES}
          label={(s) => t(PLOT_STATUS_LABEL[s as Plot["status"]])}
          verification={current.verification}
        />
      ) : null,
      form: <PlotForm ctx={ctx} mode={mode} values={values} errors={errors} choices={await options(c, ctx.i18n)} />,
      status,
    });
  };

  app.get("/:locale/admin/plots/new", (c) => plotPage(c, "create", { status: "free", priceCurrency: "KZT" }, {}));
  app.get("/:locale/admin/plots/:code/edit", async (c) => {
    const code = c.req.param("code");
    if (!CODE.test(code)) throw new AppError("plot_not_found");
    return plotPage(c, "update", plotValues((await c.get("services").sites.getPlot(code)).plot), {});
  });

  const savePlot = (mode: "create" | "update") => async (c: Context<AppEnv>) => {
    const body = formStrings(await c.req.parseBody());
    if (mode === "update") body.code = c.req.param("code") ?? "";
    try {
      const plot = await c.get("services").sites.savePlot(actor(c), plotInputFrom(body) as never, mode);
      setFlash(c, "success", mode === "create" ? "admin.sites.created" : "admin.sites.saved", { code: plot.code });
      return c.redirect(`/${c.get("locale")}/admin/plots/${plot.code}/edit`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      return plotPage(c, mode, body, translateErrors(c.get("i18n"), (error.details ?? {}) as FieldErrors), 422);
    }
  };
  app.post("/:locale/admin/plots/new", savePlot("create"));
  app.post("/:locale/admin/plots/:code/edit", savePlot("update"));

  const premisesPage = async (
    c: Context<AppEnv>,
    mode: "create" | "update",
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const ctx = pageContext(c);
    const t = ctx.i18n.t;
    const current = mode === "update" && values.code ? (await c.get("services").sites.getPremises(values.code)).premises : null;
    return editPage(c, {
      title: mode === "create" ? t("admin.sites.new_premises") : t("admin.sites.edit_premises", { code: values.code ?? "" }),
      publicPath: current ? `/premises/${current.code}` : null,
      actions: current ? (
        <RecordActions
          ctx={ctx}
          entity="premises"
          key={current.code}
          status={current.status}
          statuses={PREMISES_STATUSES}
          label={(s) => t(PREMISES_STATUS_LABEL[s as Premises["status"]])}
          verification={current.verification}
        />
      ) : null,
      form: <PremisesForm ctx={ctx} mode={mode} values={values} errors={errors} choices={await options(c, ctx.i18n)} />,
      status,
    });
  };

  app.get("/:locale/admin/premises/new", (c) => premisesPage(c, "create", { status: "free", kind: "production_hall" }, {}));
  app.get("/:locale/admin/premises/:code/edit", async (c) => {
    const code = c.req.param("code");
    if (!CODE.test(code)) throw new AppError("premises_not_found");
    const p = (await c.get("services").sites.getPremises(code)).premises;
    const s = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));
    return premisesPage(
      c,
      "update",
      {
        code: p.code,
        territorySlug: p.territory.slug,
        zoneSlug: p.zone?.slug ?? "",
        plotCode: s(p.plotCode),
        kind: p.kind,
        status: p.status,
        floorAreaM2: s(p.floorAreaM2),
        ceilingM: s(p.ceilingM),
        floorLoadTM2: s(p.floorLoadTM2),
        craneT: s(p.craneT),
        powerKw: s(p.powerKw),
        priceKztM2Month: s(p.priceKztM2Month),
        lat: s(p.location?.lat),
        lon: s(p.location?.lon),
        notes: s(p.notes),
        illustrative: p.illustrative ? "yes" : "",
      },
      {},
    );
  });

  const savePremises = (mode: "create" | "update") => async (c: Context<AppEnv>) => {
    const body = formStrings(await c.req.parseBody());
    if (mode === "update") body.code = c.req.param("code") ?? "";
    try {
      const input = { ...coerceForm(PREMISES_FIELDS, body), illustrative: body.illustrative === "yes" };
      const p = await c.get("services").sites.savePremises(actor(c), input as never, mode);
      setFlash(c, "success", mode === "create" ? "admin.sites.created" : "admin.sites.saved", { code: p.code });
      return c.redirect(`/${c.get("locale")}/admin/premises/${p.code}/edit`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      return premisesPage(c, mode, body, translateErrors(c.get("i18n"), (error.details ?? {}) as FieldErrors), 422);
    }
  };
  app.post("/:locale/admin/premises/new", savePremises("create"));
  app.post("/:locale/admin/premises/:code/edit", savePremises("update"));

  // Status, verification and files: the same three actions on every kind of record.
  const ENTITY_PATH = { plot: "plots", premises: "premises", zone: "zones" } as const;
  for (const entity of ["plot", "premises", "zone"] as const) {
    const base = `/:locale/admin/${ENTITY_PATH[entity]}/:key`;
    const back = (c: Context<AppEnv>, key: string) =>
      c.redirect(
        entity === "zone" ? `/${c.get("locale")}/zones/${key}` : `/${c.get("locale")}/admin/${ENTITY_PATH[entity]}/${key}/edit`,
        303,
      );
    const keyOf = (c: Context<AppEnv>) => {
      const key = c.req.param("key") ?? "";
      if (!(entity === "zone" ? SLUG : CODE).test(key))
        throw new AppError(entity === "zone" ? "zone_not_found" : entity === "plot" ? "plot_not_found" : "premises_not_found");
      return key;
    };
    app.post(`${base}/status`, async (c) => {
      const key = keyOf(c);
      const body = formStrings(await c.req.parseBody());
      try {
        await c.get("services").sites.changeStatus(actor(c), entity, key, {
          status: body.status ?? "",
          reason: body.reason ?? "",
          reservedUntil: body.reservedUntil || null,
          reservedFor: body.reservedFor || null,
        });
        setFlash(c, "success", "admin.sites.status_changed", { code: key });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
        const first = Object.values(error.details ?? {})[0];
        setFlash(c, "error", "admin.sites.status_not_changed", { reason: c.get("i18n").tx(String(first ?? "form.invalid")) });
      }
      return back(c, key);
    });
    app.post(`${base}/verify`, async (c) => {
      const key = keyOf(c);
      const session = c.get("session");
      if (!session) throw new AppError("unauthenticated");
      await c.get("services").sites.verify(session.user, entity, key);
      setFlash(c, "success", "admin.sites.verified_done", { code: key });
      return back(c, key);
    });
    if (entity !== "zone") {
      app.post(`${base}/files`, async (c) => {
        const key = keyOf(c);
        const body = await c.req.parseBody();
        const file = body.file;
        if (!(file instanceof File)) {
          setFlash(c, "error", "upload.empty");
          return back(c, key);
        }
        const stored = storeUpload(c.get("config").storageDir, new Uint8Array(await file.arrayBuffer()));
        if ("rejected" in stored) {
          setFlash(c, "error", stored.rejected);
          return back(c, key);
        }
        const title =
          typeof body.title === "string" && body.title.trim()
            ? body.title.trim().slice(0, 200)
            : file.name.slice(0, 200) || stored.storedName;
        await c.get("services").sites.attachFile(actor(c), entity, key, {
          kind: stored.kind,
          title,
          storedName: stored.storedName,
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
        });
        setFlash(c, "success", "admin.sites.uploaded", { code: key });
        return back(c, key);
      });
    }
  }

  return app;
}

export { ZONE_STATUS_LABEL, ZONE_STATUSES };
