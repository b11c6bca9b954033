import type { FC } from "hono/jsx";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import type { Plot, Premises, Zone } from "./sites.schemas.ts";

/** Labels of the catalogue's enumerations, as message keys (literal, so the key check sees them). */
export const ZONE_KIND_LABEL: Record<Zone["kind"], MessageKey> = {
  sez: "zone.kind.sez",
  industrial_zone: "zone.kind.industrial_zone",
  industrial_park: "zone.kind.industrial_park",
  small_industrial_park: "zone.kind.small_industrial_park",
};
export const ZONE_STATUS_LABEL: Record<Zone["status"], MessageKey> = {
  operating: "zone.status.operating",
  under_construction: "zone.status.under_construction",
  planned: "zone.status.planned",
};
export const PLOT_STATUS_LABEL: Record<Plot["status"], MessageKey> = {
  free: "plot.status.free",
  reserved: "plot.status.reserved",
  allotted: "plot.status.allotted",
  under_construction: "plot.status.under_construction",
  operating: "plot.status.operating",
  idle: "plot.status.idle",
};
export const PREMISES_KIND_LABEL: Record<Premises["kind"], MessageKey> = {
  production_hall: "premises.kind.production_hall",
  warehouse: "premises.kind.warehouse",
  office: "premises.kind.office",
};
export const PREMISES_STATUS_LABEL: Record<Premises["status"], MessageKey> = {
  free: "premises.status.free",
  reserved: "premises.status.reserved",
  occupied: "premises.status.occupied",
  under_construction: "premises.status.under_construction",
};
export const PRICE_UNIT_LABEL: Record<NonNullable<Plot["price"]>["unit"], MessageKey> = {
  sale_per_ha: "price.sale_per_ha",
  lease_per_ha_year: "price.lease_per_ha_year",
  lease_per_year: "price.lease_per_year",
};
export const INCENTIVE_LABEL: Record<Zone["incentives"][number]["tax"], MessageKey> = {
  cit: "incentive.cit",
  vat: "incentive.vat",
  land_tax: "incentive.land_tax",
  property_tax: "incentive.property_tax",
  customs: "incentive.customs",
  other: "incentive.other",
};

export const UNIT = {
  ha: "unit.ha",
  kw: "unit.kw",
  kv: "unit.kv",
  m3h: "unit.m3h",
  m3d: "unit.m3d",
  gcalh: "unit.gcalh",
  km: "unit.km",
  m2: "unit.m2",
  m: "unit.m",
  tm2: "unit.t_m2",
  t: "unit.t",
  months: "unit.months",
  kztm2: "unit.kzt_m2_month",
} as const satisfies Record<string, MessageKey>;

/** A quantity with its unit, or "unknown": a missing figure is never shown as zero or as available. */
export const Quantity: FC<{ i18n: I18n; value: number | null | undefined; unit: keyof typeof UNIT; digits?: number }> = ({
  i18n,
  value,
  unit,
  digits = 2,
}) =>
  value === null || value === undefined ? (
    <span class="unknown">{i18n.t("common.unknown")}</span>
  ) : (
    <span class="qty">{i18n.t(UNIT[unit], { value: i18n.number(value, { maximumFractionDigits: digits }) })}</span>
  );

export const YesNo: FC<{ i18n: I18n; value: boolean | null }> = ({ i18n, value }) =>
  value === null ? (
    <span class="unknown">{i18n.t("common.unknown")}</span>
  ) : (
    <span>{value ? i18n.t("common.yes") : i18n.t("common.no")}</span>
  );

export const StatusBadge: FC<{ i18n: I18n; status: string; label: MessageKey }> = ({ i18n, status, label }) => (
  <span class={`status status-${status}`}>{i18n.t(label)}</span>
);

/** "Verified on … by …", flagged when older than the configured age. */
export const VerificationLine: FC<{ i18n: I18n; v: { at: string | null; by: string | null; stale: boolean } }> = ({ i18n, v }) => (
  <p class={v.stale ? "verification verification-stale" : "verification"}>
    {v.at ? i18n.t("sites.verified_on_by", { date: i18n.date(v.at), by: v.by ?? "—" }) : i18n.t("sites.never_verified")}
    {v.stale ? <strong class="stale-flag">{i18n.t("sites.stale")}</strong> : null}
  </p>
);

export const IllustrativeBanner: FC<{ i18n: I18n }> = ({ i18n }) => (
  <p class="illustrative-banner" role="note">
    {i18n.t("sites.illustrative_note")}
  </p>
);

export const IllustrativeTag: FC<{ i18n: I18n }> = ({ i18n }) => <span class="tag-illustrative">{i18n.t("sites.illustrative")}</span>;
