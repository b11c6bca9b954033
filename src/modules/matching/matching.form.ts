import type { SiteRequirementsInput } from "./matching.schemas.ts";

/**
 * The search form travels in the query string (a GET form: results can be bookmarked and shared,
 * and no token is needed). This turns its fields into requirements, collecting a message key for
 * every field that does not parse, so the form can say what to fix and keep what was typed.
 */
export const CAPACITY_FIELDS = [
  ["power", "powerKw"],
  ["gas", "gasM3h"],
  ["water", "waterM3d"],
  ["sewage", "sewageM3d"],
  ["heat", "heatGcalh"],
] as const;
export const DISTANCE_FIELDS = [
  ["rail", "railKm"],
  ["airport", "airportKm"],
  ["border", "borderKm"],
  ["city", "cityKm"],
] as const;

export interface ParsedForm {
  input: SiteRequirementsInput;
  errors: Record<string, string>;
  /** True when the visitor asked for anything at all (else the page shows only the form). */
  submitted: boolean;
}

export function requirementsFromQuery(q: URLSearchParams): ParsedForm {
  const errors: Record<string, string> = {};
  const text = (k: string) => (q.get(k) ?? "").trim();
  const num = (k: string): number | undefined => {
    const raw = text(k);
    if (raw === "") return undefined;
    const n = Number(raw.replace(/\s/g, "").replace(",", "."));
    if (!Number.isFinite(n) || n < 0) {
      errors[k] = "form.number_required";
      return undefined;
    }
    return n;
  };
  const importance = (name: string) => ({
    hard: q.get(`${name}Hard`) === "1",
    weight: Math.min(5, Math.max(1, Number(q.get(`${name}Weight`)) || 3)),
  });
  const input: SiteRequirementsInput = { target: q.get("target") === "premises" ? "premises" : "plot" };

  const sector = text("sector").toUpperCase();
  if (sector) {
    if (/^[A-U](\d{2}(\.\d{1,2})?)?$/.test(sector)) input.sector = sector;
    else errors.sector = "matching.sector_invalid";
  }
  const areaMin = num("areaMin");
  const areaMax = num("areaMax");
  if (areaMin !== undefined || areaMax !== undefined) {
    if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax) errors.areaMax = "matching.range_inverted";
    input.area = { min: areaMin, max: areaMax, ...importance("area") };
  }
  for (const [key, field] of CAPACITY_FIELDS) {
    const need = num(field);
    if (need !== undefined && need > 0) input[key] = { need, ...importance(key) };
  }
  for (const [key, field] of DISTANCE_FIELDS) {
    const maxKm = num(field);
    if (maxKm !== undefined) input[key] = { maxKm, ...importance(key) };
  }
  if (q.get("railSiding") === "1") input.railSiding = importance("railSiding");
  if (q.get("cit") === "1") input.citRelief = importance("cit");
  const zoneKinds = q
    .getAll("zoneKinds")
    .filter((k) => ["sez", "industrial_zone", "industrial_park", "small_industrial_park", "none"].includes(k));
  if (zoneKinds.length > 0) input.zoneKinds = { accepted: zoneKinds as never, ...importance("zone") };
  const districts = q.getAll("districts").filter((d) => /^[a-z0-9-]{1,100}$/.test(d));
  if (districts.length > 0) input.districts = { slugs: districts, ...importance("districts") };
  const budget = num("budgetMax");
  if (budget !== undefined && budget > 0) {
    const currency = ["KZT", "USD", "CNY"].includes(text("budgetCurrency")) ? text("budgetCurrency") : "KZT";
    const units = ["sale_per_ha", "lease_per_ha_year", "lease_per_year", "rent_m2_month"];
    const unit = units.includes(text("budgetUnit")) ? text("budgetUnit") : input.target === "premises" ? "rent_m2_month" : "sale_per_ha";
    input.budget = { max: budget, currency: currency as "KZT", unit: unit as "sale_per_ha", ...importance("budget") };
  }
  const readyBy = text("readyBy");
  if (readyBy) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(readyBy) && !Number.isNaN(Date.parse(readyBy))) input.readyBy = readyBy;
    else errors.readyBy = "form.date_invalid";
  }
  const submitted = [...q.keys()].some((k) => k !== "target" && k !== "locale");
  return { input, errors, submitted };
}
