import { z } from "zod";
import { LocalizedName } from "../territories/territories.schemas.ts";

export const ZONE_KINDS = ["sez", "industrial_zone", "industrial_park", "small_industrial_park"] as const;
export const ZONE_STATUSES = ["operating", "under_construction", "planned"] as const;
export const PLOT_STATUSES = ["free", "reserved", "allotted", "under_construction", "operating", "idle"] as const;
export const PREMISES_KINDS = ["production_hall", "warehouse", "office"] as const;
export const PREMISES_STATUSES = ["free", "reserved", "occupied", "under_construction"] as const;
export const PRICE_UNITS = ["sale_per_ha", "lease_per_ha_year", "lease_per_year"] as const;
export const CURRENCIES = ["KZT", "USD", "CNY"] as const;
export const UTILITIES = ["power", "gas", "water", "sewage", "heat", "rail", "road"] as const;
export const INCENTIVE_TAXES = ["cit", "vat", "land_tax", "property_tax", "customs", "other"] as const;

export const ZoneKind = z.enum(ZONE_KINDS);
export const PlotStatus = z.enum(PLOT_STATUSES);
export const PremisesKind = z.enum(PREMISES_KINDS);
export const PremisesStatus = z.enum(PREMISES_STATUSES);
export const Currency = z.enum(CURRENCIES);
export type Utility = (typeof UTILITIES)[number];

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "form.date_invalid");

/** Who confirmed a utility and when, and what connecting it would take where it is not there yet. */
export const UtilityDetail = z.object({
  provider: z.string().max(200).nullable().default(null).describe("The utility that confirmed the figure"),
  confirmedOn: IsoDate.nullable().default(null).describe("When it confirmed it (YYYY-MM-DD)"),
  connectMonths: z.number().min(0).max(120).nullable().default(null).describe("Months to connect, where not yet connected"),
  connectCapacity: z.number().min(0).nullable().default(null).describe("Capacity a new connection could give, in the utility's unit"),
  connectCostKzt: z.number().min(0).nullable().default(null).describe("Cost of that connection, KZT"),
});
export type UtilityDetail = z.infer<typeof UtilityDetail>;
export const UtilityDetails = z.partialRecord(z.enum(UTILITIES), UtilityDetail);
export type UtilityDetails = z.infer<typeof UtilityDetails>;

export const Incentive = z.object({
  tax: z.enum(INCENTIVE_TAXES).describe("cit = corporate income tax"),
  ratePct: z.number().min(0).max(100).nullable().describe("Rate that applies under the regime; 0 = exempt"),
  years: z.number().int().min(0).max(99).nullable(),
  note: z.string().max(500).nullable().default(null),
});
export type Incentive = z.infer<typeof Incentive>;

export const SourcedFact = z.object({
  label: z.string().describe("What the figure is (e.g. total_area_ha)"),
  value: z.string(),
  confidence: z.string(),
  source: z.string(),
  asOf: z.string().nullable().default(null),
});
export type SourcedFact = z.infer<typeof SourcedFact>;

export const Verification = z.object({
  at: z.string().nullable().describe("ISO-8601"),
  by: z.string().nullable(),
  stale: z.boolean().describe("Not verified within the configured number of days"),
});

const Point = z.object({ lat: z.number(), lon: z.number() });
const Ref = z.object({ slug: z.string(), name: LocalizedName });

export const Zone = z.object({
  slug: z.string(),
  kind: ZoneKind,
  parent: Ref.nullable(),
  territory: Ref,
  name: LocalizedName,
  status: z.enum(ZONE_STATUSES),
  operator: z.string().nullable(),
  totalAreaHa: z.number().nullable(),
  freeAreaHa: z.number().nullable(),
  centre: Point.nullable(),
  geometry: z.unknown().nullable().describe("GeoJSON geometry, WGS 84"),
  regime: LocalizedName.nullable().describe("Legal regime and incentives in words"),
  incentives: z.array(Incentive),
  customsRegime: z.string().nullable(),
  landTerms: z.string().nullable(),
  sectors: z.array(z.string()).describe("NACE Rev. 2 codes"),
  contacts: z.object({ phone: z.string().nullable(), email: z.string().nullable(), website: z.string().nullable() }),
  facts: z.array(SourcedFact),
  confidence: z.string(),
  illustrative: z.boolean().describe("Generated demo record, not a real site"),
  verification: Verification,
  plots: z.object({ total: z.number().int(), free: z.number().int() }),
});
export type Zone = z.infer<typeof Zone>;

export const Plot = z.object({
  code: z.string().describe("Natural key"),
  zone: Ref.nullable(),
  territory: Ref,
  cadastralNumber: z.string().nullable(),
  areaHa: z.number(),
  landCategory: z.string().nullable(),
  permittedUse: z.string().nullable(),
  status: PlotStatus,
  reservedUntil: z.string().nullable(),
  reservedFor: z.string().nullable(),
  price: z.object({ amount: z.number(), currency: Currency, unit: z.enum(PRICE_UNITS) }).nullable(),
  location: Point.nullable(),
  geometry: z.unknown().nullable(),
  infrastructure: z.object({
    powerKw: z.number().nullable(),
    powerKv: z.number().nullable(),
    gasM3h: z.number().nullable(),
    waterM3d: z.number().nullable(),
    sewageM3d: z.number().nullable(),
    heatGcalh: z.number().nullable(),
    railSiding: z.boolean().nullable(),
    roadAccess: z.boolean().nullable(),
    details: UtilityDetails,
  }),
  distances: z.object({
    railKm: z.number().nullable(),
    airportKm: z.number().nullable(),
    borderKm: z.number().nullable(),
    centreKm: z.number().nullable(),
  }),
  notes: z.string().nullable(),
  illustrative: z.boolean(),
  verification: Verification,
});
export type Plot = z.infer<typeof Plot>;

export const Premises = z.object({
  code: z.string(),
  zone: Ref.nullable(),
  plotCode: z.string().nullable(),
  territory: Ref,
  kind: PremisesKind,
  floorAreaM2: z.number(),
  ceilingM: z.number().nullable(),
  floorLoadTM2: z.number().nullable(),
  craneT: z.number().nullable(),
  powerKw: z.number().nullable(),
  status: PremisesStatus,
  priceKztM2Month: z.number().nullable(),
  location: Point.nullable(),
  notes: z.string().nullable(),
  illustrative: z.boolean(),
  verification: Verification,
});
export type Premises = z.infer<typeof Premises>;

// Query strings: bad values fall back to "no filter" rather than an error page.
// An empty field means "no filter", not 0 (z.coerce would read "" as 0).
const optNum = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().finite().min(0).optional()).catch(undefined);
const optSlug = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/)
  .optional()
  .catch(undefined);
const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

export const PLOT_SORTS = ["code", "area", "-area", "power", "-power", "price", "-price", "-verified"] as const;
export const PlotFilters = z.object({
  district: optSlug.describe("Territory slug"),
  zone: optSlug.describe("Zone slug"),
  zoneKind: ZoneKind.optional().catch(undefined),
  areaMin: optNum.describe("ha"),
  areaMax: optNum.describe("ha"),
  powerMin: optNum.describe("kW free"),
  gasMin: optNum.describe("m³/h"),
  waterMin: optNum.describe("m³/day"),
  rail: z.enum(["1"]).optional().catch(undefined).describe("1 = rail siding on the plot"),
  status: z
    .preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(PlotStatus))
    .optional()
    .catch(undefined)
    .describe("Comma-separated statuses"),
  priceMax: optNum.describe("Highest price, in `currency`"),
  currency: Currency.optional().catch(undefined),
  sort: z.enum(PLOT_SORTS).catch("code").default("code"),
  page,
  perPage: z.coerce.number().int().min(1).max(500).catch(20).default(20),
});
export type PlotFilters = z.infer<typeof PlotFilters>;

export const PREMISES_SORTS = ["code", "area", "-area", "price", "-price"] as const;
export const PremisesFilters = z.object({
  district: optSlug,
  zone: optSlug,
  kind: PremisesKind.optional().catch(undefined),
  areaMin: optNum.describe("m²"),
  areaMax: optNum.describe("m²"),
  powerMin: optNum,
  status: z
    .preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(PremisesStatus))
    .optional()
    .catch(undefined),
  priceMax: optNum.describe("KZT per m² per month"),
  sort: z.enum(PREMISES_SORTS).catch("code").default("code"),
  page,
  perPage: z.coerce.number().int().min(1).max(500).catch(20).default(20),
});
export type PremisesFilters = z.infer<typeof PremisesFilters>;

export const ZoneFilters = z.object({
  district: optSlug,
  kind: ZoneKind.optional().catch(undefined),
  page,
  perPage: z.coerce.number().int().min(1).max(500).catch(50).default(50),
});
export type ZoneFilters = z.infer<typeof ZoneFilters>;

// Writes: the back-office form, the API and the importer all validate with these.
const num = (max: number) => z.number().min(0, "form.not_negative").max(max, "form.too_large");
const text = (max: number) => z.string().trim().max(max, "form.too_long");

/** Loose on purpose: the official cadastral format is not certain (facts.json). */
export const CadastralNumber = z
  .string()
  .trim()
  .regex(/^[0-9]{2}[-:][0-9]{1,4}([-:][0-9]{1,6}){1,4}$/, "sites.cadastral_invalid");

export const PlotInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "sites.code_invalid"),
    zoneSlug: z.string().trim().max(100).nullable().default(null),
    territorySlug: z.string().trim().min(1, "form.required").max(100),
    cadastralNumber: CadastralNumber.nullable().default(null),
    areaHa: z.number({ error: "form.number_required" }).positive("form.positive").max(100_000, "form.too_large"),
    landCategory: text(300).nullable().default(null),
    permittedUse: text(300).nullable().default(null),
    status: z.enum(PLOT_STATUSES, "form.choose_one"),
    reservedUntil: IsoDate.nullable().default(null),
    reservedFor: text(200).nullable().default(null),
    priceAmount: num(1e13).nullable().default(null),
    priceCurrency: Currency.nullable().default(null),
    priceUnit: z.enum(PRICE_UNITS, "form.choose_one").nullable().default(null),
    lat: z.number().min(35, "sites.lat_out_of_range").max(56, "sites.lat_out_of_range").nullable().default(null),
    lon: z.number().min(46, "sites.lon_out_of_range").max(135, "sites.lon_out_of_range").nullable().default(null),
    powerKw: num(10_000_000).nullable().default(null),
    powerKv: num(1_150).nullable().default(null),
    gasM3h: num(1_000_000).nullable().default(null),
    waterM3d: num(10_000_000).nullable().default(null),
    sewageM3d: num(10_000_000).nullable().default(null),
    heatGcalh: num(100_000).nullable().default(null),
    railSiding: z.boolean().nullable().default(null),
    roadAccess: z.boolean().nullable().default(null),
    utilities: UtilityDetails.default({}),
    distRailKm: num(5_000).nullable().default(null),
    distAirportKm: num(5_000).nullable().default(null),
    distBorderKm: num(5_000).nullable().default(null),
    distCentreKm: num(5_000).nullable().default(null),
    notes: text(4000).nullable().default(null),
    illustrative: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    for (const issue of plotCrossChecks(p)) ctx.addIssue({ code: "custom", ...issue });
  });

/**
 * Rules across fields. Also run on raw form input, so a form shows them together with the
 * per-field errors (zod skips refinements while any field is invalid).
 */
export function plotCrossChecks(p: Record<string, unknown>): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const empty = (v: unknown) => v === null || v === undefined || v === "";
  if (p.status === "reserved" && empty(p.reservedUntil)) issues.push({ path: ["reservedUntil"], message: "sites.reserved_needs_date" });
  if (empty(p.lat) !== empty(p.lon)) issues.push({ path: [empty(p.lat) ? "lat" : "lon"], message: "sites.coordinates_pair" });
  if (!empty(p.priceAmount) && (empty(p.priceCurrency) || empty(p.priceUnit)))
    issues.push({ path: ["priceCurrency"], message: "sites.price_needs_terms" });
  return issues;
}
export type PlotInput = z.input<typeof PlotInput>;
export type PlotData = z.output<typeof PlotInput>;

export const PremisesInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "sites.code_invalid"),
  zoneSlug: z.string().trim().max(100).nullable().default(null),
  plotCode: z.string().trim().max(40).nullable().default(null),
  territorySlug: z.string().trim().min(1, "form.required").max(100),
  kind: z.enum(PREMISES_KINDS, "form.choose_one"),
  floorAreaM2: z.number({ error: "form.number_required" }).positive("form.positive").max(10_000_000, "form.too_large"),
  ceilingM: num(100).nullable().default(null),
  floorLoadTM2: num(1_000).nullable().default(null),
  craneT: num(10_000).nullable().default(null),
  powerKw: num(10_000_000).nullable().default(null),
  status: z.enum(PREMISES_STATUSES, "form.choose_one"),
  priceKztM2Month: num(1e9).nullable().default(null),
  lat: z.number().min(35, "sites.lat_out_of_range").max(56, "sites.lat_out_of_range").nullable().default(null),
  lon: z.number().min(46, "sites.lon_out_of_range").max(135, "sites.lon_out_of_range").nullable().default(null),
  notes: text(4000).nullable().default(null),
  illustrative: z.boolean().default(false),
});
export type PremisesInput = z.input<typeof PremisesInput>;
export type PremisesData = z.output<typeof PremisesInput>;

export const StatusChange = z.object({
  status: z.string().min(1, "form.choose_one"),
  reason: z.string().trim().min(3, "sites.reason_required").max(500, "form.too_long"),
  reservedUntil: IsoDate.nullable().default(null),
  reservedFor: text(200).nullable().default(null),
});
export type StatusChange = z.input<typeof StatusChange>;

export const StatusHistoryEntry = z.object({
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});
export type StatusHistoryEntry = z.infer<typeof StatusHistoryEntry>;
