import { type I18n, i18nFor, type MessageKey, type MessageValues } from "../../i18n/i18n.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";
import {
  CURRENCIES,
  PLOT_STATUSES,
  type Plot,
  PREMISES_KINDS,
  PREMISES_STATUSES,
  PRICE_UNITS,
  type Premises,
  UTILITIES,
  type Utility,
  type UtilityDetail,
} from "../sites/sites.schemas.ts";

/**
 * The spreadsheet layout of plots and premises: one list of columns drives the template, the
 * export and the import, so that export → import is the identity in every language.
 */

export type CellValue = string | number | boolean | Date | null;

export type ColumnType =
  | { type: "text"; max: number }
  | { type: "slug" }
  | { type: "number"; min: number; max: number }
  | { type: "date" }
  | { type: "boolean" }
  | { type: "choice"; values: readonly string[]; labels?: Record<string, MessageKey> };

export type ColumnDef = ColumnType & {
  /** The field key (also accepted as a header): `areaHa`, `utilities.power.provider`. */
  key: string;
  label: MessageKey;
  labelValues?: Record<string, MessageKey>;
  required?: boolean;
  description?: MessageKey;
};

export type SheetKind = "plots" | "premises";

const PLOT_STATUS_LABEL: Record<string, MessageKey> = {
  free: "plot.status.free",
  reserved: "plot.status.reserved",
  allotted: "plot.status.allotted",
  under_construction: "plot.status.under_construction",
  operating: "plot.status.operating",
  idle: "plot.status.idle",
};
const PREMISES_STATUS_LABEL: Record<string, MessageKey> = {
  free: "premises.status.free",
  reserved: "premises.status.reserved",
  occupied: "premises.status.occupied",
  under_construction: "premises.status.under_construction",
};
const PREMISES_KIND_LABEL: Record<string, MessageKey> = {
  production_hall: "premises.kind.production_hall",
  warehouse: "premises.kind.warehouse",
  office: "premises.kind.office",
};
const PRICE_UNIT_LABEL: Record<string, MessageKey> = {
  sale_per_ha: "price.sale_per_ha",
  lease_per_ha_year: "price.lease_per_ha_year",
  lease_per_year: "price.lease_per_year",
};
const UTILITY_LABEL: Record<Utility, MessageKey> = {
  power: "io.util.power",
  gas: "io.util.gas",
  water: "io.util.water",
  sewage: "io.util.sewage",
  heat: "io.util.heat",
  rail: "io.util.rail",
  road: "io.util.road",
};
const DETAILS = ["provider", "confirmedOn", "connectMonths", "connectCapacity", "connectCostKzt"] as const;
type Detail = (typeof DETAILS)[number];
const DETAIL_LABEL: Record<Detail, MessageKey> = {
  provider: "io.detail.provider",
  confirmedOn: "io.detail.confirmedOn",
  connectMonths: "io.detail.connectMonths",
  connectCapacity: "io.detail.connectCapacity",
  connectCostKzt: "io.detail.connectCostKzt",
};

const nonNegative = (max: number): ColumnType => ({ type: "number", min: 0, max });

const utilityColumns: ColumnDef[] = UTILITIES.flatMap((utility) =>
  DETAILS.map((detail): ColumnDef => {
    const base = {
      key: `utilities.${utility}.${detail}`,
      label: "io.col.utility" as const,
      labelValues: { utility: UTILITY_LABEL[utility], detail: DETAIL_LABEL[detail] },
      description: "io.desc.utility" as const,
    };
    if (detail === "provider") return { ...base, type: "text", max: 200 };
    if (detail === "confirmedOn") return { ...base, type: "date" };
    if (detail === "connectMonths") return { ...base, ...nonNegative(120) };
    return { ...base, ...nonNegative(1e13) };
  }),
);

const code: ColumnDef = { key: "code", label: "io.col.code", type: "text", max: 40, required: true, description: "io.desc.code" };
const zoneSlug: ColumnDef = { key: "zoneSlug", label: "io.col.zoneSlug", type: "slug", description: "io.desc.zoneSlug" };
const territorySlug: ColumnDef = {
  key: "territorySlug",
  label: "io.col.territorySlug",
  type: "slug",
  required: true,
  description: "io.desc.territorySlug",
};
const lat: ColumnDef = { key: "lat", label: "io.col.lat", type: "number", min: 35, max: 56, description: "io.desc.coordinates" };
const lon: ColumnDef = { key: "lon", label: "io.col.lon", type: "number", min: 46, max: 135, description: "io.desc.coordinates" };
const notes: ColumnDef = { key: "notes", label: "io.col.notes", type: "text", max: 4000 };
const illustrative: ColumnDef = {
  key: "illustrative",
  label: "io.col.illustrative",
  type: "boolean",
  description: "io.desc.illustrative",
};
const powerKw: ColumnDef = { key: "powerKw", label: "io.col.powerKw", ...nonNegative(10_000_000) };

export const PLOT_COLUMNS: readonly ColumnDef[] = [
  code,
  zoneSlug,
  territorySlug,
  { key: "cadastralNumber", label: "io.col.cadastralNumber", type: "text", max: 40, description: "io.desc.cadastralNumber" },
  { key: "areaHa", label: "io.col.areaHa", type: "number", min: 0, max: 100_000, required: true },
  { key: "landCategory", label: "io.col.landCategory", type: "text", max: 300 },
  { key: "permittedUse", label: "io.col.permittedUse", type: "text", max: 300 },
  { key: "status", label: "io.col.status", type: "choice", values: PLOT_STATUSES, labels: PLOT_STATUS_LABEL, required: true },
  { key: "reservedUntil", label: "io.col.reservedUntil", type: "date", description: "io.desc.reservedUntil" },
  { key: "reservedFor", label: "io.col.reservedFor", type: "text", max: 200 },
  { key: "priceAmount", label: "io.col.priceAmount", ...nonNegative(1e13), description: "io.desc.priceAmount" },
  { key: "priceCurrency", label: "io.col.priceCurrency", type: "choice", values: CURRENCIES },
  { key: "priceUnit", label: "io.col.priceUnit", type: "choice", values: PRICE_UNITS, labels: PRICE_UNIT_LABEL },
  lat,
  lon,
  powerKw,
  { key: "powerKv", label: "io.col.powerKv", ...nonNegative(1_150) },
  { key: "gasM3h", label: "io.col.gasM3h", ...nonNegative(1_000_000) },
  { key: "waterM3d", label: "io.col.waterM3d", ...nonNegative(10_000_000) },
  { key: "sewageM3d", label: "io.col.sewageM3d", ...nonNegative(10_000_000) },
  { key: "heatGcalh", label: "io.col.heatGcalh", ...nonNegative(100_000) },
  { key: "railSiding", label: "io.col.railSiding", type: "boolean" },
  { key: "roadAccess", label: "io.col.roadAccess", type: "boolean" },
  { key: "distRailKm", label: "io.col.distRailKm", ...nonNegative(5_000) },
  { key: "distAirportKm", label: "io.col.distAirportKm", ...nonNegative(5_000) },
  { key: "distBorderKm", label: "io.col.distBorderKm", ...nonNegative(5_000) },
  { key: "distCentreKm", label: "io.col.distCentreKm", ...nonNegative(5_000) },
  notes,
  illustrative,
  ...utilityColumns,
];

export const PREMISES_COLUMNS: readonly ColumnDef[] = [
  code,
  zoneSlug,
  { key: "plotCode", label: "io.col.plotCode", type: "text", max: 40, description: "io.desc.plotCode" },
  territorySlug,
  { key: "kind", label: "io.col.kind", type: "choice", values: PREMISES_KINDS, labels: PREMISES_KIND_LABEL, required: true },
  { key: "floorAreaM2", label: "io.col.floorAreaM2", type: "number", min: 0, max: 10_000_000, required: true },
  { key: "ceilingM", label: "io.col.ceilingM", ...nonNegative(100) },
  { key: "floorLoadTM2", label: "io.col.floorLoadTM2", ...nonNegative(1_000) },
  { key: "craneT", label: "io.col.craneT", ...nonNegative(10_000) },
  powerKw,
  { key: "status", label: "io.col.status", type: "choice", values: PREMISES_STATUSES, labels: PREMISES_STATUS_LABEL, required: true },
  { key: "priceKztM2Month", label: "io.col.priceKztM2Month", ...nonNegative(1e9) },
  lat,
  lon,
  notes,
  illustrative,
];

export function columnsOf(kind: SheetKind): readonly ColumnDef[] {
  return kind === "plots" ? PLOT_COLUMNS : PREMISES_COLUMNS;
}

/** The header text of a column in one language. */
export function headerOf(column: ColumnDef, i18n: I18n): string {
  if (!column.labelValues) return i18n.t(column.label);
  const values: MessageValues = {};
  for (const [name, key] of Object.entries(column.labelValues)) values[name] = i18n.t(key);
  return i18n.t(column.label, values);
}

/** Case, spaces and punctuation around units do not matter when matching headers. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("ru")
    .replace(/[\s\u00a0_.,:;()/*\-"'«»“”]+/g, "");
}

const headerMaps = new Map<SheetKind, Map<string, ColumnDef>>();

/** Every accepted header of a sheet kind: the label in each of the five locales, and the field key. */
export function headerMap(kind: SheetKind): Map<string, ColumnDef> {
  let map = headerMaps.get(kind);
  if (!map) {
    map = new Map();
    for (const column of columnsOf(kind)) {
      map.set(normalizeHeader(column.key), column);
      for (const locale of LOCALES) map.set(normalizeHeader(headerOf(column, i18nFor(locale))), column);
    }
    headerMaps.set(kind, map);
  }
  return map;
}

// Values

const YES = ["yes", "y", "true", "1", "да", "д", "иә", "ия", "иа", "是", "是的", "对", "ia", "iä"];
const NO = ["no", "n", "false", "0", "нет", "н", "жоқ", "жок", "否", "不是", "不", "joq", "jok"];
const BOOLEAN_WORDS: Record<"kk" | "ru" | "zh" | "en", [string, string]> = {
  kk: ["иә", "жоқ"],
  ru: ["да", "нет"],
  zh: ["是", "否"],
  en: ["yes", "no"],
};

const wordCache = new Map<string, string>();
export function booleanWord(value: boolean, locale: string): string {
  const cacheKey = `${locale}:${value}`;
  const cached = wordCache.get(cacheKey);
  if (cached) return cached;
  const word = booleanWordOf(value, locale);
  wordCache.set(cacheKey, word);
  return word;
}

function booleanWordOf(value: boolean, locale: string): string {
  const source = locale === "kk-latn" ? "kk" : (locale as keyof typeof BOOLEAN_WORDS);
  const words = BOOLEAN_WORDS[source] ?? BOOLEAN_WORDS.en;
  const word = value ? words[0] : words[1];
  return locale === "kk-latn" ? toKazakhLatin(word) : word;
}

const yesWords = new Set([...YES, toKazakhLatin("иә")].map(normalizeHeader));
const noWords = new Set([...NO, toKazakhLatin("жоқ")].map(normalizeHeader));

/** Excel stores dates as days since 1899-12-30. */
function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/** Formula-looking text is written with a leading apostrophe in CSV; the importer takes it off again. */
const FORMULA_START = /^[=+\-@\t\r]/;
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(text: string): number | null {
  if (PLAIN_NUMBER.test(text)) return Number(text);
  let s = text.replace(/[\s\u00a0\u202f']/g, "");
  if (s.includes(",") && s.includes("."))
    s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  else s = s.replace(",", ".");
  if (!PLAIN_NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const choiceMaps = new Map<ColumnDef, Map<string, string>>();
function choiceMap(column: ColumnDef & { type: "choice" }): Map<string, string> {
  let map = choiceMaps.get(column);
  if (!map) {
    map = new Map();
    for (const value of column.values) {
      map.set(value.toLowerCase(), value);
      const label = column.labels?.[value];
      if (label) for (const locale of LOCALES) map.set(normalizeHeader(i18nFor(locale).t(label)), value);
    }
    choiceMaps.set(column, map);
  }
  return map;
}

export interface CellProblem {
  message: MessageKey;
  values?: MessageValues;
}

function textOf(cell: CellValue): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** One cell to the value the zod schema expects; null for empty. */
export function parseCell(column: ColumnDef, cell: CellValue): { value: unknown } | { problem: CellProblem } {
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return { value: null };
  switch (column.type) {
    case "text":
      return { value: unescapeFormula(textOf(cell)).trim() };
    case "slug":
      return { value: textOf(cell).trim() };
    case "number": {
      if (typeof cell === "number") return { value: cell };
      const n = typeof cell === "string" ? parseNumber(cell) : null;
      return n === null ? { problem: { message: "io.err.number" } } : { value: n };
    }
    case "boolean": {
      if (typeof cell === "boolean") return { value: cell };
      const plain = textOf(cell).trim().toLowerCase();
      if (yesWords.has(plain)) return { value: true };
      if (noWords.has(plain)) return { value: false };
      const word = normalizeHeader(plain);
      if (yesWords.has(word)) return { value: true };
      if (noWords.has(word)) return { value: false };
      return { problem: { message: "io.err.boolean" } };
    }
    case "date": {
      if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
      if (typeof cell === "number") return { value: excelSerialToIso(cell) ?? String(cell) };
      const s = textOf(cell).trim();
      const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
      if (dotted) return { value: `${dotted[3]}-${(dotted[2] ?? "").padStart(2, "0")}-${(dotted[1] ?? "").padStart(2, "0")}` };
      return { value: s.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s };
    }
    case "choice": {
      const found = choiceMap(column).get(textOf(cell).trim().toLowerCase()) ?? choiceMap(column).get(normalizeHeader(textOf(cell)));
      return found ? { value: found } : { problem: { message: "io.err.choice", values: { values: column.values.join(", ") } } };
    }
  }
}

// Records ↔ rows

type Flat = Record<string, unknown>;

const UTILITY_PARTS = new Map<string, [Utility, Detail]>(
  UTILITIES.flatMap((u) => DETAILS.map((d): [string, [Utility, Detail]] => [`utilities.${u}.${d}`, [u, d]])),
);

/** A row being parsed into the shape of PlotInput / PremisesInput; empty cells are simply not set. */
export class RecordBuilder {
  private readonly out: Flat = {};
  private utilities: Partial<Record<Utility, Record<string, unknown>>> | null = null;

  set(key: string, value: unknown): void {
    const parts = UTILITY_PARTS.get(key);
    if (!parts) {
      this.out[key] = value;
      return;
    }
    this.utilities ??= {};
    const detail = this.utilities[parts[0]] ?? {};
    detail[parts[1]] = value;
    this.utilities[parts[0]] = detail;
  }

  build(kind: SheetKind): Flat {
    if (kind === "plots") {
      // In the schema's order, so the stored JSON is the same whatever the column order.
      const details: Flat = {};
      if (this.utilities) for (const u of UTILITIES) if (this.utilities[u]) details[u] = this.utilities[u];
      this.out.utilities = details;
    }
    return this.out;
  }
}

type Getter<T> = (record: T) => unknown;

const PLOT_GETTERS: Record<string, Getter<Plot>> = {
  code: (p) => p.code,
  zoneSlug: (p) => p.zone?.slug ?? null,
  territorySlug: (p) => p.territory.slug,
  cadastralNumber: (p) => p.cadastralNumber,
  areaHa: (p) => p.areaHa,
  landCategory: (p) => p.landCategory,
  permittedUse: (p) => p.permittedUse,
  status: (p) => p.status,
  reservedUntil: (p) => p.reservedUntil,
  reservedFor: (p) => p.reservedFor,
  priceAmount: (p) => p.price?.amount ?? null,
  priceCurrency: (p) => p.price?.currency ?? null,
  priceUnit: (p) => p.price?.unit ?? null,
  lat: (p) => p.location?.lat ?? null,
  lon: (p) => p.location?.lon ?? null,
  powerKw: (p) => p.infrastructure.powerKw,
  powerKv: (p) => p.infrastructure.powerKv,
  gasM3h: (p) => p.infrastructure.gasM3h,
  waterM3d: (p) => p.infrastructure.waterM3d,
  sewageM3d: (p) => p.infrastructure.sewageM3d,
  heatGcalh: (p) => p.infrastructure.heatGcalh,
  railSiding: (p) => p.infrastructure.railSiding,
  roadAccess: (p) => p.infrastructure.roadAccess,
  distRailKm: (p) => p.distances.railKm,
  distAirportKm: (p) => p.distances.airportKm,
  distBorderKm: (p) => p.distances.borderKm,
  distCentreKm: (p) => p.distances.centreKm,
  notes: (p) => p.notes,
  illustrative: (p) => p.illustrative,
};
for (const [key, [utility, detail]] of UTILITY_PARTS)
  PLOT_GETTERS[key] = (p) => (p.infrastructure.details[utility] as UtilityDetail | undefined)?.[detail] ?? null;

const PREMISES_GETTERS: Record<string, Getter<Premises>> = {
  code: (p) => p.code,
  zoneSlug: (p) => p.zone?.slug ?? null,
  plotCode: (p) => p.plotCode,
  territorySlug: (p) => p.territory.slug,
  kind: (p) => p.kind,
  floorAreaM2: (p) => p.floorAreaM2,
  ceilingM: (p) => p.ceilingM,
  floorLoadTM2: (p) => p.floorLoadTM2,
  craneT: (p) => p.craneT,
  powerKw: (p) => p.powerKw,
  status: (p) => p.status,
  priceKztM2Month: (p) => p.priceKztM2Month,
  lat: (p) => p.location?.lat ?? null,
  lon: (p) => p.location?.lon ?? null,
  notes: (p) => p.notes,
  illustrative: (p) => p.illustrative,
};

const none = () => null;
const getters = {
  plots: PLOT_COLUMNS.map((c) => PLOT_GETTERS[c.key] ?? none),
  premises: PREMISES_COLUMNS.map((c) => PREMISES_GETTERS[c.key] ?? none),
};

/** A record as the cells of one spreadsheet row, in column order. Dates stay text so they read back as written. */
export function recordCells(kind: SheetKind, record: Plot | Premises, locale: string): CellValue[] {
  const yes = booleanWord(true, locale);
  const no = booleanWord(false, locale);
  return (getters[kind] as Getter<Plot | Premises>[]).map((get) => {
    const value = get(record);
    if (value === null || value === undefined) return null;
    if (typeof value === "boolean") return value ? yes : no;
    if (typeof value === "number") return value;
    return String(value);
  });
}
