import { createHash } from "node:crypto";
import type { Db } from "../db/database.ts";
import { between, pick, seededRandom } from "../lib/random.ts";
import { DAY } from "../lib/time.ts";
import { seedSyntheticEnterprises } from "../modules/enterprises/enterprises.synthetic.ts";
import {
  countByPrefix,
  deleteByPrefix,
  insertPlotsBulk,
  insertPremisesBulk,
  insertZonesBulk,
  type PlotBulkRow,
  type PremisesBulkRow,
  type ZoneBulkRow,
} from "../modules/sites/sites.bulk.repository.ts";
import { schematicOutline } from "../modules/sites/sites.demo.ts";
import type { Services } from "../services.ts";

/**
 * The synthetic data set of QUALITY.md (Speed and scale): zones, plots and premises spread over
 * Turkistan oblast's 17 districts and cities with realistic mixes of every column, all marked
 * illustrative and named as synthetic in every language. A pure function of the seed, the
 * counts, the units and the `asOf` date: the same inputs give the same rows, byte for byte.
 */

export interface SyntheticSize {
  zones: number;
  plots: number;
  premises: number;
  /** Enterprises of both regions with offers and needs (enterprises.synthetic.ts); none when omitted. */
  enterprises?: number;
}

export interface SyntheticOptions extends SyntheticSize {
  seed: number;
  /** "Today" for the generated dates (verification, reservations): pinned in tests and benchmarks. */
  asOf: Date;
}

export const SYNTHETIC_DEFAULTS: Required<SyntheticSize> = { zones: 2_000, plots: 100_000, premises: 5_000, enterprises: 20_000 };

/** A district or city of the oblast with its administrative centre. */
export interface SyntheticUnit {
  slug: string;
  lat: number;
  lon: number;
}

/** Natural keys of every generated record start with these: how they are found and removed again. */
export const SYNTHETIC_PREFIXES = { zoneSlug: "syn-zone-", plotCode: "SYN-P", premisesCode: "SYN-B" } as const;

/** Turkistan oblast's bounding box, a little inside it. */
export const OBLAST_BBOX = { south: 40.55, north: 44.95, west: 66.05, east: 70.95 } as const;

/** Rows with natural keys; the seeder turns slugs and codes into ids. */
export type SyntheticZone = Omit<ZoneBulkRow, "territory_id" | "parent_zone_id"> & { territorySlug: string; parentSlug: string | null };
export type SyntheticPlot = Omit<PlotBulkRow, "territory_id" | "zone_id"> & { territorySlug: string; zoneSlug: string | null };
export type SyntheticPremises = Omit<PremisesBulkRow, "territory_id" | "zone_id" | "plot_id"> & {
  territorySlug: string;
  zoneSlug: string | null;
  plotCode: string | null;
};

const zoneSlug = (i: number) => `${SYNTHETIC_PREFIXES.zoneSlug}${String(i + 1).padStart(5, "0")}`;
const plotCode = (i: number) => `${SYNTHETIC_PREFIXES.plotCode}${String(i + 1).padStart(6, "0")}`;
const premisesCode = (i: number) => `${SYNTHETIC_PREFIXES.premisesCode}${String(i + 1).padStart(5, "0")}`;

/** A 32-bit hash of a few integers (murmur3's finaliser): independent streams per entity and row. */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A uniform draw in [0, 1) that depends only on its arguments. */
const draw = (...parts: number[]) => mix(...parts) / 4294967296;

/** Picks from weighted choices: [[value, weight], …]. */
function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

/** Rounds to a step; steps below 1 divide by their inverse so 0.1 gives 3.3, not 3.3000000000000003. */
function round(n: number, step: number): number {
  const inverse = 1 / step;
  return Number.isInteger(inverse) ? Math.round(n * inverse) / inverse : Math.round(n / step) * step;
}
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const lat6 = (n: number) => Math.round(clamp(n, OBLAST_BBOX.south, OBLAST_BBOX.north) * 1e6) / 1e6;
const lon6 = (n: number) => Math.round(clamp(n, OBLAST_BBOX.west, OBLAST_BBOX.east) * 1e6) / 1e6;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** A value or null with probability `pNull`. */
const maybe = <T>(random: () => number, pNull: number, value: () => T): T | null => (random() < pNull ? null : value());

const KIND_WEIGHTS = [
  ["sez", 3],
  ["industrial_zone", 40],
  ["industrial_park", 27],
  ["small_industrial_park", 30],
] as const;

const KIND_NAMES = {
  sez: { kk: "арнайы экономикалық аймақ", ru: "Специальная экономическая зона", zh: "经济特区", en: "Special Economic Zone" },
  industrial_zone: { kk: "индустриялық аймақ", ru: "Индустриальная зона", zh: "工业区", en: "Industrial Zone" },
  industrial_park: { kk: "индустриялық парк", ru: "Индустриальный парк", zh: "产业园", en: "Industrial Park" },
  small_industrial_park: { kk: "шағын өнеркәсіптік парк", ru: "Малый промышленный парк", zh: "小型工业园", en: "Small Industrial Park" },
} as const;

/** Hectares by kind: [min, max]; skewed towards the small end. */
const KIND_AREA = { sez: [800, 6000], industrial_zone: [20, 600], industrial_park: [10, 300], small_industrial_park: [5, 100] } as const;

const PRICE_RANGE_KZT = {
  sale_per_ha: [500_000, 30_000_000],
  lease_per_ha_year: [50_000, 3_000_000],
  lease_per_year: [100_000, 20_000_000],
} as const;
const FLOOR_AREA_M2 = { production_hall: [200, 30_000], warehouse: [300, 20_000], office: [50, 3000] } as const;

const REGIME = {
  kk: "Синтетикалық деректер: жүктеме сынағына арналған ойдан шығарылған аймақ. Жеңілдіктер — инвестициялық келісімшарт бойынша.",
  ru: "Синтетические данные: вымышленная зона для нагрузочных тестов. Преференции — по инвестиционному контракту.",
  zh: "合成数据：用于负载测试的虚构园区。优惠依投资合同给予。",
  en: "Synthetic data: a made-up zone for load tests. Preferences under an investment contract.",
};

const SECTORS = ["C10", "C13", "C16", "C20", "C22", "C23", "C24", "C25", "C27", "C28", "C31", "D35", "H52.10", "G46", "A01"];
const PERMITTED_USES = [
  "light industry",
  "food processing",
  "building materials",
  "logistics",
  "textiles",
  "chemicals",
  "metalworking",
  "agro-processing",
  "warehousing",
];
const VERIFIERS = [
  "District akimat (synthetic)",
  "SEZ management (synthetic)",
  "Jibek research team (synthetic)",
  "Regional utility (synthetic)",
];
const PROVIDERS = {
  power: "Regional grid company (synthetic)",
  gas: "QazaqGaz Aimaq (synthetic)",
  water: "District water utility (synthetic)",
};

export class SyntheticDataSet {
  readonly zones: SyntheticZone[];
  private readonly zoneFacts: { centre: [number, number]; spreadDeg: number; unit: number }[];
  private readonly zoneCumulative: Float64Array;
  private readonly units: SyntheticUnit[];

  constructor(
    readonly options: SyntheticOptions,
    units: readonly SyntheticUnit[],
  ) {
    if (units.length === 0) throw new Error("synthetic data needs at least one district or city with coordinates");
    this.units = [...units].sort((a, b) => a.slug.localeCompare(b.slug));
    const built = this.buildZones();
    this.zones = built.zones;
    this.zoneFacts = built.facts;
    // Plots fall in zones in proportion to their area (square-rooted, so SEZs do not take everything).
    this.zoneCumulative = new Float64Array(this.zones.length);
    let sum = 0;
    for (const [i, z] of this.zones.entries()) {
      sum += Math.sqrt(Number(z.total_area_ha ?? 10));
      this.zoneCumulative[i] = sum;
    }
  }

  private at(daysAgo: number): Date {
    return new Date(this.options.asOf.getTime() - daysAgo * DAY);
  }

  /** Verified within two years, skewed to recent (about a third older than 180 days), 7 % never. */
  private verification(random: () => number): {
    verified_at: string | null;
    verified_by: string | null;
    created_at: string;
    updated_at: string;
  } {
    const createdDaysAgo = 200 + Math.floor(random() * 1300);
    const created = this.at(createdDaysAgo);
    const never = random() < 0.07;
    const verified = never ? null : this.at(Math.min(createdDaysAgo, Math.floor(730 * random() ** 3)));
    const updated = verified && verified > created ? verified : created;
    return {
      verified_at: verified ? verified.toISOString() : null,
      verified_by: verified ? pick(random, VERIFIERS) : null,
      created_at: created.toISOString(),
      updated_at: updated.toISOString(),
    };
  }

  private buildZones() {
    const { seed, zones: count } = this.options;
    const random = seededRandom(mix(seed, 1));
    const kinds = Array.from({ length: count }, (_, i) => (i === 0 && count > 0 ? "sez" : weighted(random, KIND_WEIGHTS)));
    const sezSoFar: number[] = [];
    const zones: SyntheticZone[] = [];
    const facts: { centre: [number, number]; spreadDeg: number; unit: number }[] = [];
    for (let i = 0; i < count; i++) {
      const kind = kinds[i] as keyof typeof KIND_NAMES;
      const [minHa, maxHa] = KIND_AREA[kind];
      const area = round(minHa + (maxHa - minHa) * random() ** 2, 0.1);
      // One park in ten sits inside an earlier SEZ (a subzone), next to it.
      const parent = kind !== "sez" && sezSoFar.length > 0 && random() < 0.1 ? (pick(random, sezSoFar) as number) : null;
      if (kind === "sez") sezSoFar.push(i);
      const parentFacts = parent !== null ? facts[parent] : undefined;
      let unit = Math.floor(random() * this.units.length);
      let centre: [number, number];
      if (parentFacts) {
        unit = parentFacts.unit;
        centre = [lat6(parentFacts.centre[0] + (random() - 0.5) * 0.04), lon6(parentFacts.centre[1] + (random() - 0.5) * 0.05)];
      } else {
        const u = this.units[unit] as SyntheticUnit;
        centre = [lat6(u.lat + (random() - 0.5) * 0.6), lon6(u.lon + (random() - 0.5) * 0.8)];
      }
      const status = weighted(random, [
        ["operating", 60],
        ["under_construction", 25],
        ["planned", 15],
      ] as const);
      const n = String(i + 1);
      const names = KIND_NAMES[kind];
      const sectors = Array.from(new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, SECTORS)))).sort();
      const checked = this.verification(random);
      zones.push({
        slug: zoneSlug(i),
        kind,
        parentSlug: parent !== null ? zoneSlug(parent) : null,
        territorySlug: (this.units[unit] as SyntheticUnit).slug,
        name_kk: `№${n} ${names.kk} (синтетикалық деректер)`,
        name_ru: `${names.ru} №${n} (синтетические данные)`,
        name_zh: `第${n}号${names.zh}（合成数据）`,
        name_en: `${names.en} No. ${n} (synthetic)`,
        status,
        operator_name: random() < 0.7 ? `Synthetic operator ${1 + Math.floor(random() * 200)} LLP` : null,
        total_area_ha: area,
        free_area_ha: random() < 0.85 ? round(area * random(), 0.1) : null,
        centre_lat: centre[0],
        centre_lon: centre[1],
        geometry: JSON.stringify(schematicOutline(centre, area)),
        regime_kk: REGIME.kk,
        regime_ru: REGIME.ru,
        regime_zh: REGIME.zh,
        regime_en: REGIME.en,
        incentives: JSON.stringify(
          kind === "sez"
            ? [
                { tax: "cit", ratePct: 0, years: 10, note: "synthetic" },
                { tax: "land_tax", ratePct: 0, years: 10, note: null },
                { tax: "vat", ratePct: 0, years: null, note: null },
              ]
            : [],
        ),
        customs_regime: kind === "sez" ? "free customs zone" : null,
        land_terms: random() < 0.5 ? "Lease up to 49 years (synthetic)" : null,
        sectors: JSON.stringify(sectors),
        contact_phone: random() < 0.6 ? `+7 7252 ${between(random, 10, 99)} ${between(random, 10, 99)} ${between(random, 10, 99)}` : null,
        contact_email: random() < 0.5 ? `zone${n}@example.com` : null,
        website: null,
        facts: JSON.stringify([
          {
            label: "synthetic",
            value: "Generated record for load tests; not a real site",
            confidence: "unverified",
            source: `jibek synthetic --seed ${seed}`,
            asOf: isoDay(this.options.asOf),
          },
        ]),
        confidence: "unverified",
        is_illustrative: 1,
        ...checked,
      });
      facts.push({ centre, spreadDeg: Math.max(0.004, Math.sqrt(area * 10_000) / 111_320), unit });
    }
    return { zones, facts };
  }

  /**
   * Where plot `i` lies: its zone (or none) and coordinates. A pure function of (seed, i), so
   * premises can stand on a plot without the plots being generated first.
   */
  plotPlacement(i: number): { zone: number | null; unit: number; lat: number | null; lon: number | null } {
    const { seed } = this.options;
    const zoned = this.zones.length > 0 && draw(seed, 2, i, 0) < 0.85;
    const noCoordinates = draw(seed, 2, i, 1) < 0.02;
    const dLat = draw(seed, 2, i, 2) - 0.5;
    const dLon = draw(seed, 2, i, 3) - 0.5;
    if (zoned) {
      const total = this.zoneCumulative[this.zoneCumulative.length - 1] ?? 0;
      const target = draw(seed, 2, i, 4) * total;
      let lo = 0;
      let hi = this.zoneCumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.zoneCumulative[mid] ?? 0) <= target) lo = mid + 1;
        else hi = mid;
      }
      const f = this.zoneFacts[lo] as (typeof this.zoneFacts)[number];
      return {
        zone: lo,
        unit: f.unit,
        lat: noCoordinates ? null : lat6(f.centre[0] + dLat * f.spreadDeg),
        lon: noCoordinates ? null : lon6(f.centre[1] + dLon * f.spreadDeg * 1.3),
      };
    }
    const unit = Math.floor(draw(seed, 2, i, 4) * this.units.length);
    const u = this.units[unit] as SyntheticUnit;
    return { zone: null, unit, lat: noCoordinates ? null : lat6(u.lat + dLat * 0.5), lon: noCoordinates ? null : lon6(u.lon + dLon * 0.7) };
  }

  /** Plots in order, from their own stream: plot i depends only on (seed, i) and the zones. */
  *plots(): Generator<SyntheticPlot> {
    for (let i = 0; i < this.options.plots; i++) yield this.plot(i);
  }

  plot(i: number): SyntheticPlot {
    const random = seededRandom(mix(this.options.seed, 3, i));
    const place = this.plotPlacement(i);
    const status = weighted(random, [
      ["free", 45],
      ["reserved", 10],
      ["allotted", 15],
      ["under_construction", 10],
      ["operating", 15],
      ["idle", 5],
    ] as const);
    const areaHa = round(0.2 + 120 * random() ** 3, 0.1) || 0.1;
    const priced = random() < 0.75;
    const currency = weighted(random, [
      ["KZT", 90],
      ["USD", 7],
      ["CNY", 3],
    ] as const);
    const unit = weighted(random, [
      ["sale_per_ha", 45],
      ["lease_per_ha_year", 45],
      ["lease_per_year", 10],
    ] as const);
    const [lowKzt, highKzt] = PRICE_RANGE_KZT[unit];
    const perCurrency = { KZT: 1, USD: 500, CNY: 70 }[currency];
    const price = round((lowKzt + (highKzt - lowKzt) * random() ** 2) / perCurrency, currency === "KZT" ? 1000 : 10);
    // Power: 0–20 MW free, most plots small; 15 % unknown, 8 % known to have none.
    const powerKnown = random() >= 0.15;
    const powerKw = powerKnown ? (random() < 0.08 ? 0 : round(20_000 * random() ** 2.5, 10)) : null;
    const powerKv = powerKw ? (powerKw < 1000 ? 10 : powerKw < 5000 ? pick(random, [10, 35]) : pick(random, [35, 110])) : null;
    const rail = random();
    const road = random();
    const connectPower = powerKw === 0 || powerKw === null;
    const checked = this.verification(random);
    const confirmedOn = isoDay(this.at(Math.floor(random() * 400)));
    return {
      code: plotCode(i),
      zoneSlug: place.zone === null ? null : zoneSlug(place.zone),
      territorySlug: (this.units[place.unit] as SyntheticUnit).slug,
      cadastral_number:
        random() < 0.8
          ? `19-${between(random, 100, 999)}-${String(between(random, 1, 999)).padStart(3, "0")}-${between(random, 100, 999)}`
          : null,
      area_ha: areaHa,
      land_category: weighted(random, [
        ["industry", 85],
        ["agriculture", 5],
        [null, 10],
      ] as const),
      permitted_use: random() < 0.9 ? pick(random, PERMITTED_USES) : null,
      status,
      reserved_until: status === "reserved" ? isoDay(this.at(-30 - Math.floor(random() * 700))) : null,
      reserved_for: status === "reserved" ? "Investor under negotiation (synthetic)" : null,
      price_amount: priced ? price : null,
      price_currency: priced ? currency : null,
      price_unit: priced ? unit : null,
      lat: place.lat,
      lon: place.lon,
      geometry:
        place.lat !== null && place.lon !== null && random() < 0.2
          ? JSON.stringify(schematicOutline([place.lat, place.lon], areaHa))
          : null,
      power_kw: powerKw,
      power_kv: powerKv,
      gas_m3h: maybe(random, 0.3, () => round(3000 * random() ** 2, 10)),
      water_m3d: maybe(random, 0.25, () => round(5000 * random() ** 2, 10)),
      sewage_m3d: maybe(random, 0.4, () => round(4000 * random() ** 2, 10)),
      heat_gcalh: maybe(random, 0.7, () => round(0.5 + 20 * random(), 0.5)),
      rail_siding: rail < 0.3 ? 1 : rail < 0.95 ? 0 : null,
      road_access: road < 0.9 ? 1 : road < 0.97 ? 0 : null,
      utilities: JSON.stringify({
        power: connectPower
          ? {
              provider: PROVIDERS.power,
              confirmedOn,
              connectMonths: between(random, 3, 24),
              connectCapacity: between(random, 500, 10_000, 500),
              connectCostKzt: between(random, 20_000_000, 600_000_000, 1_000_000),
            }
          : { provider: PROVIDERS.power, confirmedOn, connectMonths: null, connectCapacity: null, connectCostKzt: null },
        gas: { provider: PROVIDERS.gas, confirmedOn, connectMonths: null, connectCapacity: null, connectCostKzt: null },
        water: { provider: PROVIDERS.water, confirmedOn, connectMonths: null, connectCapacity: null, connectCostKzt: null },
      }),
      dist_rail_km: maybe(random, 0.05, () => (rail < 0.3 ? round(2 * random(), 0.1) : round(80 * random(), 0.5))),
      dist_airport_km: maybe(random, 0.05, () => round(5 + 295 * random(), 1)),
      dist_border_km: maybe(random, 0.05, () => round(1 + 349 * random(), 1)),
      dist_centre_km: maybe(random, 0.05, () => round(0.5 + 149.5 * random(), 0.5)),
      notes: random() < 0.05 ? "Synthetic record for load tests (illustrative)." : null,
      is_illustrative: 1,
      ...checked,
    };
  }

  /** Premises in order: 60 % on a plot (its zone and place), 30 % in a zone, 10 % on their own. */
  *premises(): Generator<SyntheticPremises> {
    for (let i = 0; i < this.options.premises; i++) yield this.premise(i);
  }

  premise(i: number): SyntheticPremises {
    const random = seededRandom(mix(this.options.seed, 4, i));
    const where = random();
    let plot: number | null = null;
    let zone: number | null = null;
    let unit: number;
    let lat: number | null;
    let lon: number | null;
    if (where < 0.6 && this.options.plots > 0) {
      plot = Math.floor(random() * this.options.plots);
      const place = this.plotPlacement(plot);
      zone = place.zone;
      unit = place.unit;
      lat = place.lat;
      lon = place.lon;
    } else if (where < 0.9 && this.zones.length > 0) {
      zone = Math.floor(random() * this.zones.length);
      const f = this.zoneFacts[zone] as (typeof this.zoneFacts)[number];
      unit = f.unit;
      lat = lat6(f.centre[0] + (random() - 0.5) * f.spreadDeg);
      lon = lon6(f.centre[1] + (random() - 0.5) * f.spreadDeg);
    } else {
      unit = Math.floor(random() * this.units.length);
      const u = this.units[unit] as SyntheticUnit;
      lat = lat6(u.lat + (random() - 0.5) * 0.3);
      lon = lon6(u.lon + (random() - 0.5) * 0.4);
    }
    const kind = weighted(random, [
      ["production_hall", 50],
      ["warehouse", 35],
      ["office", 15],
    ] as const);
    const [minM2, maxM2] = FLOOR_AREA_M2[kind];
    const checked = this.verification(random);
    return {
      code: premisesCode(i),
      zoneSlug: zone === null ? null : zoneSlug(zone),
      plotCode: plot === null ? null : plotCode(plot),
      territorySlug: (this.units[unit] as SyntheticUnit).slug,
      kind,
      floor_area_m2: round(minM2 + (maxM2 - minM2) * random() ** 2, 10),
      ceiling_m: maybe(random, 0.1, () => (kind === "office" ? round(2.8 + 1.7 * random(), 0.1) : round(4 + 14 * random(), 0.5))),
      floor_load_t_m2: maybe(random, 0.15, () => (kind === "office" ? round(0.3 + 0.3 * random(), 0.1) : round(1 + 9 * random(), 0.5))),
      crane_t: kind === "production_hall" && random() < 0.4 ? between(random, 2, 50) : null,
      power_kw: maybe(random, 0.15, () => round(10 + 4990 * random() ** 2, 10)),
      status: weighted(random, [
        ["free", 45],
        ["reserved", 15],
        ["occupied", 30],
        ["under_construction", 10],
      ] as const),
      price_kzt_m2_month: maybe(random, 0.15, () => round(600 + 5400 * random(), 50)),
      lat,
      lon,
      notes: random() < 0.05 ? "Synthetic record for load tests (illustrative)." : null,
      is_illustrative: 1,
      ...checked,
    };
  }

  /** SHA-256 over every generated row in order: equal hashes mean equal data sets. */
  hash(): string {
    const h = createHash("sha256");
    for (const z of this.zones) h.update(JSON.stringify(z));
    for (const p of this.plots()) h.update(JSON.stringify(p));
    for (const p of this.premises()) h.update(JSON.stringify(p));
    return h.digest("hex");
  }
}

/** The oblast's districts and cities with coordinates: where synthetic records go. */
export async function syntheticUnits(services: Pick<Services, "territories">): Promise<SyntheticUnit[]> {
  return (await services.territories.list())
    .filter((t) => t.isHome && t.kind !== "oblast" && t.coordinates)
    .map((t) => ({ slug: t.slug, lat: t.coordinates?.lat ?? 0, lon: t.coordinates?.lon ?? 0 }));
}

export interface SeedProgress {
  phase: "zones" | "plots" | "premises" | "enterprises";
  done: number;
  total: number;
}

export interface SeedResult {
  zones: number;
  plots: number;
  premises: number;
  enterprises: number;
  /** Milliseconds per phase. */
  timings: { zones: number; plots: number; premises: number; enterprises: number };
}

/** Rows handed to one bulk call: one transaction each, and one progress tick. */
const BATCH = 5_000;

export function countSynthetic(db: Db) {
  return countByPrefix(db, SYNTHETIC_PREFIXES);
}

export function deleteSynthetic(db: Db) {
  return deleteByPrefix(db, SYNTHETIC_PREFIXES);
}

export { countSyntheticEnterprises, deleteSyntheticEnterprises } from "../modules/enterprises/enterprises.repository.ts";

/**
 * Generates the data set and writes it in batches. The database must be migrated and hold the
 * reference territories. Not all or nothing: a failed run leaves some batches in, and
 * `deleteSynthetic` (the CLI's --force) removes them.
 */
export async function seedSynthetic(
  db: Db,
  services: Pick<Services, "territories" | "sites">,
  options: SyntheticOptions,
  onProgress: (p: SeedProgress) => void = () => {},
): Promise<SeedResult> {
  const units = await syntheticUnits(services);
  const territoryIds = new Map<string, number>();
  for (const u of units) {
    const id = await services.sites.territoryIdOf(u.slug);
    if (id === undefined) throw new Error(`territory ${u.slug} is missing: run migrations and load the reference data first`);
    territoryIds.set(u.slug, id);
  }
  const territoryId = (slug: string) => territoryIds.get(slug) as number;
  const set = new SyntheticDataSet(options, units);
  const timings = { zones: 0, plots: 0, premises: 0, enterprises: 0 };

  let started = performance.now();
  onProgress({ phase: "zones", done: 0, total: set.zones.length });
  const zoneIds = new Map<string, number>();
  const toZoneRow = ({ territorySlug, parentSlug, ...z }: SyntheticZone): ZoneBulkRow => ({
    ...z,
    territory_id: territoryId(territorySlug),
    parent_zone_id: parentSlug ? (zoneIds.get(parentSlug) ?? null) : null,
  });
  // Parents first, so subzones can point at their ids.
  const roots = set.zones.filter((z) => !z.parentSlug);
  const children = set.zones.filter((z) => z.parentSlug);
  for (const group of [roots, children]) {
    for (let i = 0; i < group.length; i += BATCH) {
      for (const { id, slug } of await insertZonesBulk(db, group.slice(i, i + BATCH).map(toZoneRow))) zoneIds.set(slug, id);
      onProgress({ phase: "zones", done: zoneIds.size, total: set.zones.length });
    }
  }
  timings.zones = performance.now() - started;

  started = performance.now();
  onProgress({ phase: "plots", done: 0, total: options.plots });
  const plotIds = new Map<string, number>();
  let batch: PlotBulkRow[] = [];
  const flushPlots = async () => {
    for (const { id, code } of await insertPlotsBulk(db, batch)) plotIds.set(code, id);
    batch = [];
    onProgress({ phase: "plots", done: plotIds.size, total: options.plots });
  };
  for (const { territorySlug, zoneSlug: zone, ...p } of set.plots()) {
    batch.push({ ...p, territory_id: territoryId(territorySlug), zone_id: zone ? (zoneIds.get(zone) ?? null) : null });
    if (batch.length >= BATCH) await flushPlots();
  }
  if (batch.length > 0) await flushPlots();
  timings.plots = performance.now() - started;

  started = performance.now();
  onProgress({ phase: "premises", done: 0, total: options.premises });
  let premises: PremisesBulkRow[] = [];
  let premisesDone = 0;
  const flushPremises = async () => {
    premisesDone += await insertPremisesBulk(db, premises);
    premises = [];
    onProgress({ phase: "premises", done: premisesDone, total: options.premises });
  };
  for (const { territorySlug, zoneSlug: zone, plotCode: plot, ...p } of set.premises()) {
    premises.push({
      ...p,
      territory_id: territoryId(territorySlug),
      zone_id: zone ? (zoneIds.get(zone) ?? null) : null,
      plot_id: plot ? (plotIds.get(plot) ?? null) : null,
    });
    if (premises.length >= BATCH) await flushPremises();
  }
  if (premises.length > 0) await flushPremises();
  timings.premises = performance.now() - started;

  started = performance.now();
  const enterprises = options.enterprises
    ? await seedSyntheticEnterprises(
        db,
        await Promise.all(
          (await services.territories.list()).map(async (t) => ({
            slug: t.slug,
            id: (await services.sites.territoryIdOf(t.slug)) as number,
            isHome: t.isHome,
          })),
        ),
        { seed: options.seed, asOf: options.asOf, count: options.enterprises },
        (done, total) => onProgress({ phase: "enterprises", done, total }),
      )
    : 0;
  timings.enterprises = performance.now() - started;

  return { zones: zoneIds.size, plots: plotIds.size, premises: premisesDone, enterprises, timings };
}
