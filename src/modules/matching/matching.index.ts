/**
 * Site matching's search index: every plot's (or premises') matchable attributes in typed-array
 * columns sorted by area, read from the catalogue in pages and rebuilt when the catalogue's
 * version stamp moves (docs/decisions/012-matching-index.md). A search scores every site in its
 * area window with the rules' own judges (matching.rules.ts) and keeps the best; `rank` then
 * judges those again, as Candidates rebuilt from the same columns, into the verdicts people read.
 */
import { StringTable } from "../../lib/string-table.ts";
import type { Zone } from "../sites/sites.schemas.ts";
import type { MatchingZone, SitesService } from "../sites/sites.service.ts";
import { type CandidateSource, toCandidate } from "./matching.candidate.ts";
import {
  type Candidate,
  criteriaOf,
  DISTANCES,
  dayStart,
  isOpen,
  type Judged,
  judgeArea,
  judgeAvailability,
  judgeBudget,
  judgeCapacity,
  judgeDistance,
  judgeYesNo,
  monthsFrom,
  monthsUntil,
  roundScore,
  UTILITIES,
  type Utility,
  type UtilityConnect,
} from "./matching.rules.ts";
import type { CriterionKey, SiteRequirements } from "./matching.schemas.ts";

/** Area bounds are widened by this share before the window is cut, so near misses on area are still found. */
export const AREA_SLACK = 0.3;
/** Statuses a site must have to be considered at all (the others are taken): the only ones the index holds. */
export const SEARCHED_STATUSES = { plot: ["free", "idle", "reserved"], premises: ["free", "reserved"] } as const;
/** Rows read per statement while building: other requests run between pages. */
const PAGE = 2_000;

export type IndexSource = Pick<SitesService, "matchablePlots" | "matchablePremises" | "matchingReferences">;
type Kind = Candidate["kind"];
type Distance = (typeof DISTANCES)[number];

/** A site as a result shows it: what it is and where, in every language. */
export interface MatchedSite {
  kind: Kind;
  code: string;
  illustrative: boolean;
  zone: { slug: string; name: Zone["name"] } | null;
  territory: { slug: string; name: Zone["name"] };
}

/** Values repeated across sites (statuses, districts, zone kinds, dates, price terms) stored once, by number. */
class Dictionary extends StringTable {
  code(value: string): number {
    return this.id(value);
  }
}

type TypedArray = Float64Array | Int32Array | Uint16Array | Uint8Array | Int8Array;

/** A typed array that grows while the pages come in. */
class Column<T extends TypedArray> {
  data: T;
  constructor(readonly make: (n: number) => T) {
    this.data = make(4096);
  }
  set(at: number, value: number): void {
    if (at >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[at] = value;
  }
}

const f64 = () => new Column((n) => new Float64Array(n));
/** One Float64 column per utility (or distance). */
const each = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, f64()])) as Record<K, Column<Float64Array>>;

/** null (unknown) is NaN in a Float64Array column, and -1 in a small integer one. */
const num = (v: number | null | undefined) => (v === null || v === undefined ? Number.NaN : v);
const tri = (v: boolean | null) => (v === null ? -1 : v ? 1 : 0);
const fromTri = (v: number) => (v < 0 ? null : v === 1);
const at = (column: Float64Array | null, i: number): number | null => {
  const v = column ? (column[i] as number) : Number.NaN;
  return Number.isNaN(v) ? null : v;
};

/** What the build collects, site by site as read, and the dictionaries the columns refer to. */
class Collected {
  size = 0;
  readonly codes: string[] = [];
  readonly area = f64();
  readonly have = each(UTILITIES);
  readonly months = each(UTILITIES);
  readonly extra = each(UTILITIES);
  readonly cost = each(UTILITIES);
  readonly km = each(DISTANCES);
  readonly price = f64();
  readonly terms = new Column((n) => new Uint8Array(n));
  readonly status = new Column((n) => new Uint8Array(n));
  readonly reserved = new Column((n) => new Uint16Array(n));
  readonly district = new Column((n) => new Uint16Array(n));
  readonly zone = new Column((n) => new Int32Array(n));
  readonly zoneKind = new Column((n) => new Uint8Array(n));
  readonly railSiding = new Column((n) => new Int8Array(n));
  readonly cit = new Column((n) => new Int8Array(n));
  readonly illustrative = new Column((n) => new Uint8Array(n));
  readonly statuses = new Dictionary();
  readonly districts = new Dictionary();
  readonly zoneKinds = new Dictionary();
  /** "" (0) for no date */
  readonly reservedDates = new Dictionary();
  /** "" (0) for no price; else "currency unit" */
  readonly priceTerms = new Dictionary();

  constructor() {
    this.reservedDates.code("");
    this.priceTerms.code("");
    this.zoneKinds.code("none");
  }

  add(c: Candidate, zone: number, illustrative: boolean): void {
    const i = this.size++;
    this.codes.push(c.code);
    this.area.set(i, c.area);
    for (const u of UTILITIES) {
      const connect = c.connect[u];
      this.have[u].set(i, num(c.capacities[u]));
      this.months[u].set(i, num(connect?.connectMonths));
      this.extra[u].set(i, num(connect?.connectCapacity));
      this.cost[u].set(i, num(connect?.connectCostKzt));
    }
    for (const d of DISTANCES) this.km[d].set(i, num(c.distances[d]));
    this.price.set(i, c.price ? c.price.amount : Number.NaN);
    this.terms.set(i, c.price ? this.priceTerms.code(`${c.price.currency} ${c.price.unit}`) : 0);
    this.status.set(i, this.statuses.code(c.status));
    this.reserved.set(i, this.reservedDates.code(c.reservedUntil ?? ""));
    this.district.set(i, this.districts.code(c.districtSlug));
    this.zone.set(i, zone);
    this.zoneKind.set(i, this.zoneKinds.code(c.zoneKind ?? "none"));
    this.railSiding.set(i, tri(c.railSiding));
    this.cit.set(i, tri(c.citRelief));
    this.illustrative.set(i, illustrative ? 1 : 0);
  }
}

/** The order `compareVerdicts` gives codes: UTF-16 code units, as `<` compares strings. */
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One kind of site as columns, sorted by area (then code). */
export class SiteColumns {
  readonly size: number;
  readonly codes: string[];
  /** Position of each site's code in code order: the rules' last tie-break. */
  readonly codeOrder: Int32Array;
  readonly area: Float64Array;
  /** Per utility; null when no site has a value. */
  readonly have: Record<Utility, Float64Array | null>;
  readonly months: Record<Utility, Float64Array | null>;
  readonly extra: Record<Utility, Float64Array | null>;
  readonly cost: Record<Utility, Float64Array | null>;
  readonly km: Record<Distance, Float64Array | null>;
  readonly price: Float64Array;
  readonly terms: Uint8Array;
  readonly status: Uint8Array;
  readonly reserved: Uint16Array;
  /** Midnight of each reserved-until date, by its code. */
  readonly reservedMs: Float64Array;
  readonly district: Uint16Array;
  /** Index into `zoneList`, -1 outside any zone. */
  readonly zone: Int32Array;
  readonly zoneKind: Uint8Array;
  readonly railSiding: Int8Array;
  readonly cit: Int8Array;
  readonly illustrative: Uint8Array;
  readonly statuses: Dictionary;
  readonly districts: Dictionary;
  readonly zoneKinds: Dictionary;
  readonly reservedDates: Dictionary;
  readonly priceTerms: Dictionary;

  constructor(
    readonly kind: Kind,
    readonly version: number,
    from: Collected,
    readonly zoneList: MatchingZone[],
    readonly territories: Map<string, MatchedSite["territory"]>,
  ) {
    const n = from.size;
    this.size = n;
    const codes = from.codes;
    const byCode = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => compareCodes(codes[a] as string, codes[b] as string));
    const codeRank = new Int32Array(n);
    for (let r = 0; r < n; r++) codeRank[byCode[r] as number] = r;
    const area = from.area.data;
    const order = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (area[a] as number) - (area[b] as number) || (codeRank[a] as number) - (codeRank[b] as number),
    );
    /** The column in area order, exactly n long. */
    const sorted = <T extends TypedArray>(column: Column<T>): T => {
      const data = column.data;
      const out = column.make(n);
      for (let i = 0; i < n; i++) out[i] = data[order[i] as number] as number;
      return out;
    };
    /** A column nobody has a value in is left out: `null`, read as unknown everywhere. */
    const sparse = (column: Column<Float64Array>) => {
      const data = sorted(column);
      return data.some((v) => !Number.isNaN(v)) ? data : null;
    };
    const all = <K extends string>(columns: Record<K, Column<Float64Array>>) =>
      Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, sparse(c as Column<Float64Array>)])) as Record<K, Float64Array | null>;
    this.codes = Array.from(order, (i) => codes[i] as string);
    this.codeOrder = Int32Array.from(order, (i) => codeRank[i] as number);
    this.area = sorted(from.area);
    this.have = all(from.have);
    this.months = all(from.months);
    this.extra = all(from.extra);
    this.cost = all(from.cost);
    this.km = all(from.km);
    this.price = sorted(from.price);
    this.terms = sorted(from.terms);
    this.status = sorted(from.status);
    this.reserved = sorted(from.reserved);
    this.district = sorted(from.district);
    this.zone = sorted(from.zone);
    this.zoneKind = sorted(from.zoneKind);
    this.railSiding = sorted(from.railSiding);
    this.cit = sorted(from.cit);
    this.illustrative = sorted(from.illustrative);
    this.statuses = from.statuses;
    this.districts = from.districts;
    this.zoneKinds = from.zoneKinds;
    this.reservedDates = from.reservedDates;
    this.priceTerms = from.priceTerms;
    this.reservedMs = Float64Array.from(from.reservedDates.values, (d) => (d ? dayStart(d) : Number.NaN));
  }

  /** Bytes held by the typed-array columns (QUALITY P3's memory budget pays for them; codes come on top). */
  get bytes(): number {
    let total = 0;
    for (const value of Object.values(this))
      if (ArrayBuffer.isView(value)) total += value.byteLength;
      else if (value && typeof value === "object" && !(value instanceof Dictionary) && !Array.isArray(value) && !(value instanceof Map))
        for (const inner of Object.values(value)) if (ArrayBuffer.isView(inner)) total += inner.byteLength;
    return total;
  }

  /** First position whose area is ≥ `value` (> `value` with `after`). */
  private bound(value: number, after: boolean): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const a = this.area[mid] as number;
      if (a < value || (after && a === value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The positions whose area lies in [min, max]. */
  window(min: number | undefined, max: number | undefined): [number, number] {
    return [min === undefined ? 0 : this.bound(min, false), max === undefined ? this.size : this.bound(max, true)];
  }

  /** The site at position i as the rules see it: what `toCandidate` made of it when the index was built. */
  candidate(i: number): Candidate {
    const connect: Partial<Record<Utility, UtilityConnect>> = {};
    for (const u of UTILITIES) {
      const months = at(this.months[u], i);
      const capacity = at(this.extra[u], i);
      const cost = at(this.cost[u], i);
      if (months !== null || capacity !== null || cost !== null)
        connect[u] = { connectMonths: months, connectCapacity: capacity, connectCostKzt: cost };
    }
    const zone = this.zone[i] as number;
    const terms = this.terms[i] as number;
    const [currency = "", unit = ""] = terms === 0 ? [] : (this.priceTerms.values[terms] as string).split(" ");
    return {
      kind: this.kind,
      code: this.codes[i] as string,
      area: this.area[i] as number,
      status: this.statuses.values[this.status[i] as number] as string,
      reservedUntil: this.reservedDates.values[this.reserved[i] as number] || null,
      capacities: {
        power: at(this.have.power, i),
        gas: at(this.have.gas, i),
        water: at(this.have.water, i),
        sewage: at(this.have.sewage, i),
        heat: at(this.have.heat, i),
      },
      connect,
      railSiding: fromTri(this.railSiding[i] as number),
      distances: { rail: at(this.km.rail, i), airport: at(this.km.airport, i), border: at(this.km.border, i), city: at(this.km.city, i) },
      zoneKind: zone < 0 ? null : (this.zoneList[zone]?.kind ?? null),
      districtSlug: this.districts.values[this.district[i] as number] as string,
      citRelief: fromTri(this.cit[i] as number),
      price: terms === 0 ? null : { amount: this.price[i] as number, currency, unit },
    };
  }

  /** The site at position i as a result shows it. */
  site(i: number): MatchedSite {
    const zone = this.zoneList[this.zone[i] as number];
    const slug = this.districts.values[this.district[i] as number] as string;
    return {
      kind: this.kind,
      code: this.codes[i] as string,
      illustrative: this.illustrative[i] === 1,
      zone: zone ? { slug: zone.slug, name: zone.name } : null,
      territory: this.territories.get(slug) ?? { slug, name: { kk: slug, kkLatn: slug, ru: slug, zh: null, en: slug } },
    };
  }
}

/**
 * Reads the catalogue in pages by id into columns: each site becomes a rules Candidate (the same
 * `toCandidate` the verdicts once used) and is written column by column; then sorted by area.
 */
export async function buildColumns(source: IndexSource, kind: Kind, version: number): Promise<SiteColumns> {
  const references = await source.matchingReferences();
  const zoneList = [...references.zones.values()];
  const zoneAt = new Map([...references.zones.keys()].map((id, i) => [id, i]));
  const collected = new Collected();
  const add = (zoneId: number | null, site: Pick<CandidateSource, "plot" | "premises">) => {
    const z = zoneId === null ? -1 : (zoneAt.get(zoneId) ?? -1);
    const zone = zoneList[z];
    const candidate = toCandidate({ ...site, zoneKind: zone?.kind ?? null, zoneIncentives: zone?.incentives ?? [] });
    collected.add(candidate, z, (site.plot ?? site.premises)?.illustrative ?? false);
  };
  for (let after = 0; ; ) {
    let ids: number[];
    if (kind === "plot") {
      const page = await source.matchablePlots(SEARCHED_STATUSES.plot, after, PAGE);
      for (const r of page) add(r.zoneId, { plot: r.plot, premises: null });
      ids = page.map((r) => r.id);
    } else {
      const page = await source.matchablePremises(SEARCHED_STATUSES.premises, after, PAGE);
      for (const r of page) add(r.zoneId, { plot: null, premises: r.premises });
      ids = page.map((r) => r.id);
    }
    if (ids.length < PAGE) break;
    after = ids[ids.length - 1] ?? after;
  }
  const c = collected;
  if (c.statuses.values.length > 255 || c.zoneKinds.values.length > 255 || c.priceTerms.values.length > 255)
    throw new Error("matching index: more than 255 distinct statuses, zone kinds or price terms");
  if (c.districts.values.length > 65_535 || c.reservedDates.values.length > 65_535)
    throw new Error("matching index: more than 65,535 distinct districts or reservation dates");
  return new SiteColumns(kind, version, collected, zoneList, references.territories);
}

export interface PreRanked {
  /** Positions of the best sites in the columns, best first. */
  positions: number[];
  /** How many sites passed the strict filters and were scored. */
  considered: number;
}

const MISS_LIMIT = 2;

/**
 * Where one criterion's judgements go: `weight` × score added to `sums[k]` and, for a must, a miss
 * counted in `misses[k]`, for the sites at `rows[0..count)`.
 */
interface Tally {
  rows: Int32Array;
  /** The positions judged: rows[from..count). */
  from: number;
  count: number;
  weight: number;
  sums: Float64Array;
  misses: Uint8Array | null;
}

const isMiss = (j: Judged) => j.outcome === "short" || j.outcome === "unknown";

// One small function with one tight loop per kind of criterion, each calling the rules' judge and
// adding `weight` × score (and a miss, for a must) for the site at each tally position.

/**
 * Availability depends on the status and, when reserved, on the reservation's end: judged once
 * per status and once per reservation date (a few hundred), then looked up per site.
 */
function tallyAvailability(t: Tally, cols: SiteColumns, now: Date, monthsLeft: number | null): void {
  const { rows, from, count, weight, sums, misses } = t;
  const j: Judged = { outcome: "met", score: 1 };
  const reservedStatus = cols.statuses.find("reserved");
  const statuses = cols.statuses.values.length;
  const statusScore = new Float64Array(statuses);
  const statusMiss = new Uint8Array(statuses);
  for (let code = 0; code < statuses; code++) {
    judgeAvailability(j, isOpen(cols.kind, cols.statuses.values[code] as string), null, monthsLeft);
    statusScore[code] = j.score;
    statusMiss[code] = isMiss(j) ? 1 : 0;
  }
  const dates = cols.reservedDates.values.length;
  const dateScore = new Float64Array(dates).fill(Number.NaN);
  const dateMiss = new Uint8Array(dates);
  const { status, reserved, reservedMs } = cols;
  for (let k = from; k < count; k++) {
    const i = rows[k] as number;
    const code = status[i] as number;
    let score: number;
    let miss: number;
    if (code === reservedStatus) {
      const d = reserved[i] as number;
      if (Number.isNaN(dateScore[d] as number)) {
        const until = reservedMs[d] as number;
        judgeAvailability(j, isOpen(cols.kind, "reserved"), Number.isNaN(until) ? null : monthsFrom(until, now), monthsLeft);
        dateScore[d] = j.score;
        dateMiss[d] = isMiss(j) ? 1 : 0;
      }
      score = dateScore[d] as number;
      miss = dateMiss[d] as number;
    } else {
      score = statusScore[code] as number;
      miss = statusMiss[code] as number;
    }
    sums[k] = (sums[k] as number) + weight * score;
    if (misses && miss === 1) misses[k] = (misses[k] as number) + 1;
  }
}

function tallyArea(t: Tally, cols: SiteColumns, min: number | undefined, max: number | undefined, inside: boolean): void {
  const { rows, from, count, weight, sums, misses } = t;
  if (inside) {
    // Every site here was found by searching the area column for [min, max]: inside the range, met.
    for (let k = from; k < count; k++) sums[k] = (sums[k] as number) + weight * 1;
    return;
  }
  const j: Judged = { outcome: "met", score: 1 };
  const { area } = cols;
  for (let k = from; k < count; k++) {
    judgeArea(j, min, max, area[rows[k] as number] as number);
    sums[k] = (sums[k] as number) + weight * j.score;
    if (misses && isMiss(j)) misses[k] = (misses[k] as number) + 1;
  }
}

function tallyCapacity(t: Tally, cols: SiteColumns, u: Utility, need: number, monthsLeft: number | null): void {
  const { rows, from, count, weight, sums, misses } = t;
  const j: Judged = { outcome: "met", score: 1 };
  const have = cols.have[u];
  const extra = cols.extra[u];
  const months = cols.months[u];
  for (let k = from; k < count; k++) {
    const i = rows[k] as number;
    const h = have ? (have[i] as number) : Number.NaN;
    const e = extra ? (extra[i] as number) : Number.NaN;
    const m = months ? (months[i] as number) : Number.NaN;
    judgeCapacity(j, need, Number.isNaN(h) ? null : h, Number.isNaN(e) ? null : e, Number.isNaN(m) ? null : m, monthsLeft);
    sums[k] = (sums[k] as number) + weight * j.score;
    if (misses && isMiss(j)) misses[k] = (misses[k] as number) + 1;
  }
}

function tallyDistance(t: Tally, column: Float64Array | null, maxKm: number): void {
  const { rows, from, count, weight, sums, misses } = t;
  const j: Judged = { outcome: "met", score: 1 };
  for (let k = from; k < count; k++) {
    const km = column ? (column[rows[k] as number] as number) : Number.NaN;
    judgeDistance(j, Number.isNaN(km) ? null : km, maxKm);
    sums[k] = (sums[k] as number) + weight * j.score;
    if (misses && isMiss(j)) misses[k] = (misses[k] as number) + 1;
  }
}

/** A yes/no/unknown column: 1, 0, -1. */
function tallyYesNo(t: Tally, column: Int8Array): void {
  const { rows, from, count, weight, sums, misses } = t;
  const j: Judged = { outcome: "met", score: 1 };
  for (let k = from; k < count; k++) {
    const v = column[rows[k] as number] as number;
    judgeYesNo(j, v < 0 ? null : v === 1);
    sums[k] = (sums[k] as number) + weight * j.score;
    if (misses && isMiss(j)) misses[k] = (misses[k] as number) + 1;
  }
}

/** Membership of a coded value (zone kind, district) in the accepted ones. */
function tallyMember(t: Tally, column: Uint8Array | Uint16Array, accepted: Uint8Array): void {
  const { rows, from, count, weight, sums, misses } = t;
  const j: Judged = { outcome: "met", score: 1 };
  for (let k = from; k < count; k++) {
    judgeYesNo(j, accepted[column[rows[k] as number] as number] === 1);
    sums[k] = (sums[k] as number) + weight * j.score;
    if (misses && isMiss(j)) misses[k] = (misses[k] as number) + 1;
  }
}

function tallyBudget(t: Tally, cols: SiteColumns, terms: number, max: number): void {
  const { rows, from, count, weight, sums, misses } = t;
  const j: Judged = { outcome: "met", score: 1 };
  const { price } = cols;
  for (let k = from; k < count; k++) {
    const i = rows[k] as number;
    judgeBudget(j, max, cols.terms[i] === terms ? (price[i] as number) : null);
    sums[k] = (sums[k] as number) + weight * j.score;
    if (misses && isMiss(j)) misses[k] = (misses[k] as number) + 1;
  }
}

/** The judgements of one criterion for every site in the tally, with the judge `evaluate` uses for it. */
/** `insideArea`: every site in the tally lies inside the area asked. */
function tallyCriterion(
  t: Tally,
  cols: SiteColumns,
  criterion: CriterionKey,
  req: SiteRequirements,
  now: Date,
  monthsLeft: number | null,
  insideArea = false,
) {
  switch (criterion) {
    case "availability":
      return tallyAvailability(t, cols, now, monthsLeft);
    case "area":
      return tallyArea(t, cols, req.area?.min, req.area?.max, insideArea);
    case "power":
    case "gas":
    case "water":
    case "sewage":
    case "heat":
      return tallyCapacity(t, cols, criterion, req[criterion]?.need ?? 0, monthsLeft);
    case "rail":
    case "airport":
    case "border":
    case "city":
      return tallyDistance(t, cols.km[criterion], req[criterion]?.maxKm ?? 0);
    case "railSiding":
      return tallyYesNo(t, cols.railSiding);
    case "citRelief":
      return tallyYesNo(t, cols.cit);
    case "zoneKinds":
      return tallyMember(t, cols.zoneKind, cols.zoneKinds.mask(req.zoneKinds?.accepted ?? []));
    case "districts":
      return tallyMember(t, cols.district, cols.districts.mask(req.districts?.slugs ?? []));
    case "budget": {
      const b = req.budget;
      return tallyBudget(t, cols, b ? cols.priceTerms.find(`${b.currency} ${b.unit}`) : -1, b?.max ?? 0);
    }
  }
}

/** Drops the sites of rows[from..count) missing more than `limit` musts, in place: rows, sums and misses stay aligned. */
function keepWithin(t: Tally & { misses: Uint8Array }, limit: number): void {
  const { rows, sums, misses, from, count } = t;
  let kept = from;
  for (let k = from; k < count; k++) {
    const m = misses[k] as number;
    if (m > limit) continue;
    if (kept !== k) {
      rows[kept] = rows[k] as number;
      sums[kept] = sums[k] as number;
      misses[kept] = m;
    }
    kept++;
  }
  t.count = kept;
}

/** Judges the musts for rows[from..count), dropping sites that miss too many as soon as they can. */
function tallyMusts(
  t: Tally & { misses: Uint8Array },
  cols: SiteColumns,
  hard: { criterion: CriterionKey }[],
  req: SiteRequirements,
  now: Date,
  monthsLeft: number | null,
  insideArea: boolean,
): void {
  for (const [n, p] of hard.entries()) {
    tallyCriterion(t, cols, p.criterion, req, now, monthsLeft, insideArea);
    // Until more musts than MISS_LIMIT have been judged, no site can have missed too many.
    if (n >= MISS_LIMIT && n < hard.length - 1) keepWithin(t, MISS_LIMIT);
  }
}

/**
 * The musts of the sites outside the area asked (a hard area), each already one miss down. First
 * only their misses are counted, the area's known, the others in any order, dropping sites past
 * `limit` after each (most fall out after one or two); then the few left are judged again in the
 * rules' order for their exact sums.
 */
function tallyOuterMusts(
  t: Tally & { misses: Uint8Array },
  cols: SiteColumns,
  hard: { criterion: CriterionKey }[],
  req: SiteRequirements,
  now: Date,
  monthsLeft: number | null,
  limit: number,
): void {
  t.misses.fill(1, t.from, t.count);
  const counting = { ...t, weight: 0 };
  const order = [
    ...hard.filter((p) => p.criterion !== "area" && p.criterion !== "availability"),
    ...hard.filter((p) => p.criterion === "availability"),
  ];
  for (const p of order) {
    keepWithin(counting, limit);
    tallyCriterion(counting, cols, p.criterion, req, now, monthsLeft);
  }
  keepWithin(counting, limit);
  t.count = counting.count;
  t.sums.fill(0, t.from, t.count);
  t.misses.fill(0, t.from, t.count);
  for (const p of hard) tallyCriterion(t, cols, p.criterion, req, now, monthsLeft);
}

/** How many of the first `count` sites miss 0, 1, … `most` musts. */
function histogram(misses: Uint8Array, count: number, most: number): Int32Array {
  const out = new Int32Array(most + 1);
  for (let k = 0; k < count; k++) {
    const m = misses[k] as number;
    out[m] = (out[m] as number) + 1;
  }
  return out;
}

/**
 * Work arrays of a search, kept between searches (a pre-rank runs start to end without awaiting,
 * so one set serves them all) and grown when a wider window needs it: allocating them per search
 * cost more than judging.
 */
let work = { rows: new Int32Array(0), sums: new Float64Array(0), softSums: new Float64Array(0), misses: new Uint8Array(0) };
function scratch(size: number): typeof work {
  if (work.rows.length < size) {
    const n = Math.max(size, work.rows.length * 2);
    work = { rows: new Int32Array(n), sums: new Float64Array(n), softSums: new Float64Array(n), misses: new Uint8Array(n) };
  }
  return work;
}

/**
 * The `keep` best sites for the requirements, in `compareVerdicts` order, among those passing the
 * strict filters (open statuses, the area window widened by AREA_SLACK, districts and zone kinds
 * when they are musts) and missing at most two musts: a superset of what `rank` returns when
 * `keep` ≥ the requirements' limit. Musts are judged first, criterion by criterion, dropping the
 * sites that miss too many before the next one.
 */
export function preRank(cols: SiteColumns, req: SiteRequirements, now: Date, keep: number): PreRanked {
  const monthsLeft = monthsUntil(req.readyBy, now);
  const plan = criteriaOf(req);
  const hard = plan.filter((p) => p.hard);
  const soft = plan.filter((p) => !p.hard);
  const weights = soft.reduce((s, p) => s + p.weight, 0);

  // The strict filters, over the area window: the sites inside the area asked first, then those
  // only inside the widened window (with a hard area, each of those misses it).
  const area = req.area;
  const [lo, hi] = cols.window(
    area?.min !== undefined ? area.min * (1 - AREA_SLACK) : undefined,
    area?.max !== undefined ? area.max * (1 + AREA_SLACK) : undefined,
  );
  const [askedLo, askedHi] = area?.hard ? cols.window(area.min, area.max) : [lo, hi];
  const innerLo = Math.max(lo, askedLo);
  const innerHi = Math.min(hi, Math.max(innerLo, askedHi));
  const districtOk = req.districts?.hard ? cols.districts.mask(req.districts.slugs) : null;
  const zoneKindOk = req.zoneKinds?.hard ? cols.zoneKinds.mask(req.zoneKinds.accepted) : null;
  const { district, zoneKind } = cols;
  const buffers = scratch(hi - lo);
  const rows = buffers.rows;
  const take = (from: number, to: number, at: number): number => {
    let n = at;
    if (!districtOk && !zoneKindOk) for (let i = from; i < to; i++) rows[n++] = i;
    else
      for (let i = from; i < to; i++) {
        if (districtOk && districtOk[district[i] as number] !== 1) continue;
        if (zoneKindOk && zoneKindOk[zoneKind[i] as number] !== 1) continue;
        rows[n++] = i;
      }
    return n;
  };
  const inner = take(innerLo, innerHi, 0);
  let count = take(innerHi, hi, take(lo, innerLo, inner));
  const considered = count;

  // Musts first, in the rules' order (sums are added in the same order as `evaluate` adds them).
  // When the area asked holds `keep` sites meeting every must, the sites outside it (one miss at
  // least) cannot get in and are not judged.
  const musts = { rows, from: 0, count: inner, weight: 1, sums: buffers.sums.fill(0, 0, count), misses: buffers.misses.fill(0, 0, count) };
  tallyMusts(musts, cols, hard, req, now, monthsLeft, area?.hard === true);
  // The fewest misses m such that the area asked holds `keep` sites missing at most m musts.
  const innerByMisses = histogram(musts.misses, musts.count, hard.length);
  let innerCutoff = 0;
  for (let seen = innerByMisses[0] as number; seen < keep && innerCutoff < MISS_LIMIT; ) seen += innerByMisses[++innerCutoff] as number;
  if (innerCutoff > 0 && inner < count) {
    // The outer band follows the kept inner sites: moved up if some inner ones were dropped.
    const kept = musts.count;
    rows.copyWithin(kept, inner, count);
    musts.from = kept;
    musts.count = kept + (count - inner);
    tallyOuterMusts(musts, cols, hard, req, now, monthsLeft, innerCutoff);
  }
  musts.from = 0;
  // With `keep` sites missing at most m musts, the ones missing more cannot get in: drop them
  // before the soft criteria are judged (with enough full matches, only those are).
  const byMisses = histogram(musts.misses, musts.count, hard.length);
  let cutoff = 0;
  for (let seen = byMisses[0] as number; seen < keep && cutoff < MISS_LIMIT; ) seen += byMisses[++cutoff] as number;
  keepWithin(musts, cutoff);
  count = musts.count;
  const hardSums = musts.sums;
  const misses = musts.misses;
  const softSums = buffers.softSums.fill(0, 0, count);
  for (const p of soft)
    tallyCriterion({ rows, from: 0, count, weight: p.weight, sums: softSums, misses: null }, cols, p.criterion, req, now, monthsLeft);

  // The best `keep`, best first: insertion from the end, since most sites do not beat the last one kept.
  const size = Math.max(1, keep);
  const top = new Int32Array(size);
  const topMisses = new Uint8Array(size);
  const topScore = new Float64Array(size);
  const topHard = new Float64Array(size);
  const topCode = new Int32Array(size);
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const m = misses[k] as number;
    if (kept === size && m > (topMisses[size - 1] as number)) continue;
    const raw = weights === 0 ? 1 : (softSums[k] as number) / weights;
    // Rounding moves a score by at most 5e-7: well below the last one kept, it cannot get in.
    if (kept === size && m === topMisses[size - 1] && raw < (topScore[size - 1] as number) - 1e-6) continue;
    const score = weights === 0 ? 1 : roundScore(raw);
    if (kept === size && m === topMisses[size - 1] && score < (topScore[size - 1] as number)) continue;
    const hardQuality = hard.length === 0 ? 1 : roundScore((hardSums[k] as number) / hard.length);
    const i = rows[k] as number;
    const code = cols.codeOrder[i] as number;
    let at = kept;
    while (at > 0) {
      const b = at - 1;
      const mb = topMisses[b] as number;
      const better =
        m < mb ||
        (m === mb &&
          (score > (topScore[b] as number) ||
            (score === topScore[b] &&
              (hardQuality > (topHard[b] as number) || (hardQuality === topHard[b] && code < (topCode[b] as number))))));
      if (!better) break;
      at = b;
    }
    if (at >= size) continue;
    const end = Math.min(kept, size - 1);
    top.copyWithin(at + 1, at, end);
    topMisses.copyWithin(at + 1, at, end);
    topScore.copyWithin(at + 1, at, end);
    topHard.copyWithin(at + 1, at, end);
    topCode.copyWithin(at + 1, at, end);
    top[at] = i;
    topMisses[at] = m;
    topScore[at] = score;
    topHard[at] = hardQuality;
    topCode[at] = code;
    if (kept < size) kept++;
  }
  return { positions: Array.from(top.subarray(0, kept)), considered };
}

/**
 * One process's index: per kind of site, the columns of the newest catalogue version seen. A
 * search passes the version it just read; an older index is rebuilt (once, however many searches
 * wait for it), a newer one is used as it is.
 */
export class MatchingIndex {
  readonly #slots: Partial<Record<Kind, { version: number; columns: Promise<SiteColumns> }>> = {};

  constructor(private readonly source: IndexSource) {}

  columns(kind: Kind, version: number): Promise<SiteColumns> {
    const slot = this.#slots[kind];
    if (slot && slot.version >= version) return slot.columns;
    const columns = buildColumns(this.source, kind, version);
    const next = { version, columns };
    this.#slots[kind] = next;
    columns.catch(() => {
      if (this.#slots[kind] === next) delete this.#slots[kind];
    });
    return columns;
  }
}
