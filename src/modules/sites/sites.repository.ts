import { type Insertable, type Selectable, sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import { insertMany } from "../../db/insert-many.ts";
import { iso } from "../../lib/time.ts";
import type { PlotFilters, PremisesFilters, ZoneFilters } from "./sites.schemas.ts";
import type { PlotsTable, PremisesTable, SiteFilesTable, ZonesTable } from "./sites.tables.ts";

/** Names of the territory and zone a row belongs to, selected with it (one query per list). */
const TERRITORY_NAMES = [
  "t.slug as territory_slug",
  "t.name_kk as territory_name_kk",
  "t.name_ru as territory_name_ru",
  "t.name_zh as territory_name_zh",
  "t.name_en as territory_name_en",
] as const;
const ZONE_NAMES = [
  "z.slug as zone_slug",
  "z.kind as zone_kind",
  "z.name_kk as zone_name_kk",
  "z.name_ru as zone_name_ru",
  "z.name_zh as zone_name_zh",
  "z.name_en as zone_name_en",
] as const;

export type PlotRow = Selectable<PlotsTable> & {
  territory_slug: string;
  territory_name_kk: string;
  territory_name_ru: string;
  territory_name_zh: string | null;
  territory_name_en: string;
  zone_slug: string | null;
  zone_kind: string | null;
  zone_name_kk: string | null;
  zone_name_ru: string | null;
  zone_name_zh: string | null;
  zone_name_en: string | null;
};
export type PremisesRow = Selectable<PremisesTable> & Omit<PlotRow, keyof Selectable<PlotsTable>> & { plot_code: string | null };
export type ZoneRow = Selectable<ZonesTable> & {
  territory_slug: string;
  territory_name_kk: string;
  territory_name_ru: string;
  territory_name_zh: string | null;
  territory_name_en: string;
  parent_slug: string | null;
  parent_name_kk: string | null;
  parent_name_ru: string | null;
  parent_name_zh: string | null;
  parent_name_en: string | null;
};

export function plotsFrom(db: Executor) {
  return db.selectFrom("plots as p").innerJoin("territories as t", "t.id", "p.territory_id").leftJoin("zones as z", "z.id", "p.zone_id");
}
export type PlotsJoin = ReturnType<typeof plotsFrom>;

function withPlotColumns(q: PlotsJoin) {
  return q.selectAll("p").select([...TERRITORY_NAMES, ...ZONE_NAMES]);
}

function plotsBase(db: Executor) {
  return withPlotColumns(plotsFrom(db));
}

/** Filters from the allow-listed schema only: every value is a bound parameter. */
export function filterPlots(q: PlotsJoin, f: Partial<PlotFilters>): PlotsJoin {
  let r = q;
  if (f.district) r = r.where("t.slug", "=", f.district);
  if (f.zone) r = r.where("z.slug", "=", f.zone);
  if (f.zoneKind) r = r.where("z.kind", "=", f.zoneKind);
  if (f.areaMin !== undefined) r = r.where("p.area_ha", ">=", f.areaMin);
  if (f.areaMax !== undefined) r = r.where("p.area_ha", "<=", f.areaMax);
  if (f.powerMin !== undefined) r = r.where("p.power_kw", ">=", f.powerMin);
  if (f.gasMin !== undefined) r = r.where("p.gas_m3h", ">=", f.gasMin);
  if (f.waterMin !== undefined) r = r.where("p.water_m3d", ">=", f.waterMin);
  if (f.rail) r = r.where("p.rail_siding", "=", 1);
  if (f.status && f.status.length > 0) r = r.where("p.status", "in", f.status);
  if (f.priceMax !== undefined) r = r.where("p.price_amount", "<=", f.priceMax).where("p.price_currency", "=", f.currency ?? "KZT");
  return r;
}

const PLOT_ORDER = {
  code: ["p.code", "asc"],
  area: ["p.area_ha", "asc"],
  "-area": ["p.area_ha", "desc"],
  power: ["p.power_kw", "asc"],
  "-power": ["p.power_kw", "desc"],
  price: ["p.price_amount", "asc"],
  "-price": ["p.price_amount", "desc"],
  "-verified": ["p.verified_at", "desc"],
} as const satisfies Record<PlotFilters["sort"], readonly [string, "asc" | "desc"]>;

export async function listPlotRows(db: Executor, f: PlotFilters): Promise<{ rows: PlotRow[]; total: number }> {
  const [column, direction] = PLOT_ORDER[f.sort];
  const rows = await withPlotColumns(filterPlots(plotsFrom(db), f))
    .orderBy(column, direction)
    .orderBy("p.code", "asc")
    .limit(f.perPage)
    .offset((f.page - 1) * f.perPage)
    .execute();
  const count = await filterPlots(plotsFrom(db), f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { rows: rows as PlotRow[], total: Number(count.n) };
}

/** Every plot matching the filters, in keyset pages, for exports. */
export async function* allPlotRows(db: Executor, f: Partial<PlotFilters>, pageSize = 2000): AsyncGenerator<PlotRow[]> {
  let lastCode = "";
  for (;;) {
    const rows = (await withPlotColumns(filterPlots(plotsFrom(db), f))
      .where("p.code", ">", lastCode)
      .orderBy("p.code", "asc")
      .limit(pageSize)
      .execute()) as PlotRow[];
    if (rows.length === 0) return;
    yield rows;
    lastCode = rows[rows.length - 1]?.code ?? lastCode;
    if (rows.length < pageSize) return;
  }
}

/** Plots with a location inside the box, for the map, with a hard limit. */
export async function plotPointsInBox(
  db: Executor,
  box: { south: number; west: number; north: number; east: number },
  f: Partial<PlotFilters>,
  limit: number,
): Promise<PlotRow[]> {
  return (await withPlotColumns(filterPlots(plotsFrom(db), f))
    .where("p.lat", ">=", box.south)
    .where("p.lat", "<=", box.north)
    .where("p.lon", ">=", box.west)
    .where("p.lon", "<=", box.east)
    .orderBy("p.code")
    .limit(limit)
    .execute()) as PlotRow[];
}

export async function findPlotRow(db: Executor, code: string): Promise<PlotRow | undefined> {
  return (await plotsBase(db).where("p.code", "=", code).executeTakeFirst()) as PlotRow | undefined;
}

export async function findPlotId(db: Executor, code: string): Promise<number | undefined> {
  return (await db.selectFrom("plots").select("id").where("code", "=", code).executeTakeFirst())?.id;
}

export async function insertPlot(db: Executor, row: Omit<Insertable<PlotsTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("plots")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updatePlot(db: Executor, id: number, row: Partial<Insertable<PlotsTable>>): Promise<void> {
  await db
    .updateTable("plots")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

// Premises

function premisesFrom(db: Executor) {
  return db
    .selectFrom("premises as p")
    .innerJoin("territories as t", "t.id", "p.territory_id")
    .leftJoin("zones as z", "z.id", "p.zone_id")
    .leftJoin("plots as pl", "pl.id", "p.plot_id");
}
type PremisesJoin = ReturnType<typeof premisesFrom>;

function withPremisesColumns(q: PremisesJoin) {
  return q.selectAll("p").select([...TERRITORY_NAMES, ...ZONE_NAMES, "pl.code as plot_code"]);
}

function filterPremises(q: PremisesJoin, f: Partial<PremisesFilters>): PremisesJoin {
  let r = q;
  if (f.district) r = r.where("t.slug", "=", f.district);
  if (f.zone) r = r.where("z.slug", "=", f.zone);
  if (f.kind) r = r.where("p.kind", "=", f.kind);
  if (f.areaMin !== undefined) r = r.where("p.floor_area_m2", ">=", f.areaMin);
  if (f.areaMax !== undefined) r = r.where("p.floor_area_m2", "<=", f.areaMax);
  if (f.powerMin !== undefined) r = r.where("p.power_kw", ">=", f.powerMin);
  if (f.status && f.status.length > 0) r = r.where("p.status", "in", f.status);
  if (f.priceMax !== undefined) r = r.where("p.price_kzt_m2_month", "<=", f.priceMax);
  return r;
}

const PREMISES_ORDER = {
  code: ["p.code", "asc"],
  area: ["p.floor_area_m2", "asc"],
  "-area": ["p.floor_area_m2", "desc"],
  price: ["p.price_kzt_m2_month", "asc"],
  "-price": ["p.price_kzt_m2_month", "desc"],
} as const satisfies Record<PremisesFilters["sort"], readonly [string, "asc" | "desc"]>;

export async function listPremisesRows(db: Executor, f: PremisesFilters): Promise<{ rows: PremisesRow[]; total: number }> {
  const [column, direction] = PREMISES_ORDER[f.sort];
  const rows = await withPremisesColumns(filterPremises(premisesFrom(db), f))
    .orderBy(column, direction)
    .orderBy("p.code", "asc")
    .limit(f.perPage)
    .offset((f.page - 1) * f.perPage)
    .execute();
  const count = await filterPremises(premisesFrom(db), f)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { rows: rows as PremisesRow[], total: Number(count.n) };
}

/** Every premises matching the filters, for exports. */
export async function* allPremisesRows(db: Executor, f: Partial<PremisesFilters>, pageSize = 2000): AsyncGenerator<PremisesRow[]> {
  let lastCode = "";
  for (;;) {
    const rows = (await withPremisesColumns(filterPremises(premisesFrom(db), f))
      .where("p.code", ">", lastCode)
      .orderBy("p.code", "asc")
      .limit(pageSize)
      .execute()) as PremisesRow[];
    if (rows.length === 0) return;
    yield rows;
    lastCode = rows[rows.length - 1]?.code ?? lastCode;
    if (rows.length < pageSize) return;
  }
}

export async function findPremisesRow(db: Executor, code: string): Promise<PremisesRow | undefined> {
  return (await withPremisesColumns(premisesFrom(db)).where("p.code", "=", code).executeTakeFirst()) as PremisesRow | undefined;
}

export async function findPremisesId(db: Executor, code: string): Promise<number | undefined> {
  return (await db.selectFrom("premises").select("id").where("code", "=", code).executeTakeFirst())?.id;
}

export async function insertPremises(db: Executor, row: Omit<Insertable<PremisesTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("premises")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updatePremises(db: Executor, id: number, row: Partial<Insertable<PremisesTable>>): Promise<void> {
  await db
    .updateTable("premises")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

// Zones

function zonesBase(db: Executor) {
  return db
    .selectFrom("zones as z")
    .innerJoin("territories as t", "t.id", "z.territory_id")
    .leftJoin("zones as pz", "pz.id", "z.parent_zone_id")
    .selectAll("z")
    .select([
      ...TERRITORY_NAMES,
      "pz.slug as parent_slug",
      "pz.name_kk as parent_name_kk",
      "pz.name_ru as parent_name_ru",
      "pz.name_zh as parent_name_zh",
      "pz.name_en as parent_name_en",
    ]);
}

export async function listZoneRows(db: Executor, f: Partial<ZoneFilters>): Promise<ZoneRow[]> {
  let q = zonesBase(db);
  if (f.district) q = q.where("t.slug", "=", f.district);
  if (f.kind) q = q.where("z.kind", "=", f.kind);
  return (await q.orderBy("z.kind").orderBy("z.name_en").execute()) as ZoneRow[];
}

/** One page of top-level zones (subzones are listed under their parent), and how many there are. */
export async function listTopZoneRows(db: Executor, f: ZoneFilters): Promise<{ rows: ZoneRow[]; total: number }> {
  const filtered = <Q extends ReturnType<typeof zonesBase>>(q: Q) => {
    let r = q.where("z.parent_zone_id", "is", null);
    if (f.district) r = r.where("t.slug", "=", f.district);
    if (f.kind) r = r.where("z.kind", "=", f.kind);
    return r;
  };
  const rows = await filtered(zonesBase(db))
    .orderBy("z.kind")
    .orderBy("z.name_en")
    .orderBy("z.id")
    .limit(f.perPage)
    .offset((f.page - 1) * f.perPage)
    .execute();
  let count = db.selectFrom("zones as z").where("z.parent_zone_id", "is", null);
  if (f.district) count = count.where("z.territory_id", "in", db.selectFrom("territories").select("id").where("slug", "=", f.district));
  if (f.kind) count = count.where("z.kind", "=", f.kind);
  const { n } = await count.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { rows: rows as ZoneRow[], total: Number(n) };
}

/** The subzones of several zones at once. */
export async function listChildZoneRowsOf(db: Executor, parentIds: number[]): Promise<ZoneRow[]> {
  if (parentIds.length === 0) return [];
  return (await zonesBase(db).where("z.parent_zone_id", "in", parentIds).orderBy("z.kind").orderBy("z.name_en").execute()) as ZoneRow[];
}

/** Slugs and names of zones for a choice list, at most `limit`, optionally in one district. */
export async function listZoneChoiceRows(db: Executor, f: { district?: string; slug?: string }, limit: number) {
  let q = db.selectFrom("zones as z").select(["z.slug", "z.name_kk", "z.name_ru", "z.name_zh", "z.name_en"]);
  if (f.district) q = q.where("z.territory_id", "in", db.selectFrom("territories").select("id").where("slug", "=", f.district));
  if (f.slug) q = q.where("z.slug", "=", f.slug);
  return q.orderBy("z.name_en").orderBy("z.slug").limit(limit).execute();
}

export async function listChildZoneRows(db: Executor, parentId: number): Promise<ZoneRow[]> {
  return (await zonesBase(db).where("z.parent_zone_id", "=", parentId).orderBy("z.kind").orderBy("z.name_en").execute()) as ZoneRow[];
}

/** How many zones, and how many free plots lie in one: the home page's figures, two counts. */
export async function catalogueCounts(db: Executor): Promise<{ zones: number; freePlotsInZones: number }> {
  const zones = await db
    .selectFrom("zones")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const free = await db
    .selectFrom("plots")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("zone_id", "is not", null)
    .where("status", "=", "free")
    .executeTakeFirstOrThrow();
  return { zones: Number(zones.n), freePlotsInZones: Number(free.n) };
}

export async function findZoneRow(db: Executor, slug: string): Promise<ZoneRow | undefined> {
  return (await zonesBase(db).where("z.slug", "=", slug).executeTakeFirst()) as ZoneRow | undefined;
}

export async function findZoneId(db: Executor, slug: string): Promise<number | undefined> {
  return (await db.selectFrom("zones").select("id").where("slug", "=", slug).executeTakeFirst())?.id;
}

/** Plot counts per zone (all, free), in one grouped query. */
export async function plotCountsByZone(db: Executor, zoneIds?: number[]): Promise<Map<number, { total: number; free: number }>> {
  let q = db
    .selectFrom("plots")
    .select((eb) => [
      "zone_id",
      eb.fn.countAll<number>().as("total"),
      eb.fn.sum<number>(eb.case().when("status", "=", "free").then(1).else(0).end()).as("free"),
    ])
    .where("zone_id", "is not", null)
    .groupBy("zone_id");
  if (zoneIds) {
    if (zoneIds.length === 0) return new Map();
    q = q.where("zone_id", "in", zoneIds);
  }
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.zone_id as number, { total: Number(r.total), free: Number(r.free ?? 0) }]));
}

export async function upsertZone(db: Executor, row: Omit<Insertable<ZonesTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  const existing = await findZoneId(db, row.slug);
  if (existing) {
    await db
      .updateTable("zones")
      .set({ ...row, updated_at: now })
      .where("id", "=", existing)
      .execute();
    return existing;
  }
  return (
    await db
      .insertInto("zones")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateZone(db: Executor, id: number, row: Partial<Insertable<ZonesTable>>): Promise<void> {
  await db
    .updateTable("zones")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

// Status history, verification, files

export type SiteEntity = "zone" | "plot" | "premises";

export async function insertStatusChange(
  db: Executor,
  row: { entityType: SiteEntity; entityId: number; from: string | null; to: string; reason: string; actorUserId: number | null },
): Promise<void> {
  await insertStatusChanges(db, [row]);
}

export function listStatusHistory(db: Executor, entityType: SiteEntity, entityId: number) {
  return db
    .selectFrom("site_status_history as h")
    .leftJoin("users as u", "u.id", "h.actor_user_id")
    .select(["h.from_status", "h.to_status", "h.reason", "h.at", "u.display_name as actor"])
    .where("h.entity_type", "=", entityType)
    .where("h.entity_id", "=", entityId)
    .orderBy("h.id", "desc")
    .execute();
}

const TABLE_OF = { zone: "zones", plot: "plots", premises: "premises" } as const;

export async function markVerified(db: Executor, entityType: SiteEntity, id: number, by: string, at: Date): Promise<void> {
  await db
    .updateTable(TABLE_OF[entityType])
    .set({ verified_at: iso(at), verified_by: by })
    .where("id", "=", id)
    .execute();
}

/** Records not verified since `before` (or never), oldest first. */
export async function listStale(db: Executor, before: Date, limit: number) {
  const cutoff = iso(before);
  const pick = (table: "zones" | "plots" | "premises", key: "slug" | "code") =>
    db
      .selectFrom(table)
      .select([`${key} as key` as "id", "verified_at", "verified_by", "is_illustrative"])
      .where((eb) => eb.or([eb("verified_at", "is", null), eb("verified_at", "<", cutoff)]))
      .orderBy("verified_at")
      .limit(limit)
      .execute();
  const [zones, plots, premises] = [await pick("zones", "slug"), await pick("plots", "code"), await pick("premises", "code")];
  const count = async (table: "zones" | "plots" | "premises") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where((eb) => eb.or([eb("verified_at", "is", null), eb("verified_at", "<", cutoff)]))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    zones: zones as unknown as { key: string; verified_at: string | Date | null; verified_by: string | null }[],
    plots: plots as unknown as { key: string; verified_at: string | Date | null; verified_by: string | null }[],
    premises: premises as unknown as { key: string; verified_at: string | Date | null; verified_by: string | null }[],
    totals: { zones: await count("zones"), plots: await count("plots"), premises: await count("premises") },
  };
}

export async function insertSiteFile(db: Executor, row: Omit<Insertable<SiteFilesTable>, "created_at">): Promise<void> {
  await db
    .insertInto("site_files")
    .values({ ...row, created_at: iso() })
    .execute();
}

export function listSiteFiles(db: Executor, entityType: SiteEntity, entityId: number) {
  return db
    .selectFrom("site_files")
    .selectAll()
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}

export function findSiteFile(db: Executor, storedName: string) {
  return db.selectFrom("site_files").selectAll().where("stored_name", "=", storedName).executeTakeFirst();
}

export async function territoryIdBySlug(db: Executor, slug: string): Promise<number | undefined> {
  return (await db.selectFrom("territories").select("id").where("slug", "=", slug).executeTakeFirst())?.id;
}

// Matching: site selection keeps an in-memory index of what it judges sites by, read from here in
// pages (docs/decisions/012-matching-index.md).

/** Plots of the statuses with an id above `afterId`, by id, with only the columns site matching judges (no names, geometry or notes). */
export function matchablePlotRows(db: Executor, statuses: readonly string[], afterId: number, limit: number) {
  return (
    db
      .selectFrom("plots as p")
      .innerJoin("territories as t", "t.id", "p.territory_id")
      .select([
        "p.id",
        "p.code",
        "p.zone_id",
        "t.slug as territory_slug",
        "p.area_ha",
        "p.status",
        "p.reserved_until",
        "p.price_amount",
        "p.price_currency",
        "p.price_unit",
        "p.power_kw",
        "p.gas_m3h",
        "p.water_m3d",
        "p.sewage_m3d",
        "p.heat_gcalh",
        "p.rail_siding",
        "p.utilities",
        "p.dist_rail_km",
        "p.dist_airport_km",
        "p.dist_border_km",
        "p.dist_centre_km",
        "p.is_illustrative",
      ])
      // Not `status in (…)`: SQLite would then pick the (status, area_ha) index and sort every page
      // (quadratic over the table) instead of walking the ids; coalesce() keeps it off that index.
      .where((eb) => eb(eb.fn.coalesce("p.status", sql.lit("")), "in", statuses))
      .where("p.id", ">", afterId)
      .orderBy("p.id")
      .limit(limit)
      .execute()
  );
}
export type MatchablePlotRow = Awaited<ReturnType<typeof matchablePlotRows>>[number];

/** The same for premises: floor area, power, rent. */
export function matchablePremisesRows(db: Executor, statuses: readonly string[], afterId: number, limit: number) {
  return (
    db
      .selectFrom("premises as p")
      .innerJoin("territories as t", "t.id", "p.territory_id")
      .select([
        "p.id",
        "p.code",
        "p.zone_id",
        "t.slug as territory_slug",
        "p.floor_area_m2",
        "p.status",
        "p.power_kw",
        "p.price_kzt_m2_month",
        "p.is_illustrative",
      ])
      // Not `status in (…)`: SQLite would then pick the (status, area_ha) index and sort every page
      // (quadratic over the table) instead of walking the ids; coalesce() keeps it off that index.
      .where((eb) => eb(eb.fn.coalesce("p.status", sql.lit("")), "in", statuses))
      .where("p.id", ">", afterId)
      .orderBy("p.id")
      .limit(limit)
      .execute()
  );
}
export type MatchablePremisesRow = Awaited<ReturnType<typeof matchablePremisesRows>>[number];

/** Every zone's kind and incentives (what a site's zone means to matching), with its slug and names. */
export function matchableZoneRows(db: Executor) {
  return db
    .selectFrom("zones")
    .select(["id", "slug", "kind", "incentives", "name_kk", "name_ru", "name_zh", "name_en"])
    .orderBy("id")
    .execute();
}

/** Every territory's slug and names (a site's district, as matching shows it). */
export function territoryNameRows(db: Executor) {
  return db.selectFrom("territories").select(["slug", "name_kk", "name_ru", "name_zh", "name_en"]).execute();
}

export async function plotRowsByCodes(db: Executor, codes: string[]): Promise<(PlotRow & { zone_incentives: string | null })[]> {
  if (codes.length === 0) return [];
  return (await withPlotColumns(plotsFrom(db))
    .select("z.incentives as zone_incentives")
    .where("p.code", "in", codes)
    .execute()) as (PlotRow & { zone_incentives: string | null })[];
}

// Bulk helpers for imports: one statement per batch instead of one per row.

/** Stored plots by code (the plots table's own columns), for one batch of an import. */
/** Every code of a table, for a big write to know which rows exist without asking per row. */
export async function allCodes(db: Executor, table: "plots" | "premises"): Promise<Set<string>> {
  const rows = await db.selectFrom(table).select("code").execute();
  return new Set(rows.map((r) => r.code));
}

export async function findPlotsByCodes(db: Executor, codes: string[]): Promise<Map<string, Selectable<PlotsTable>>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom("plots").selectAll().where("code", "in", codes).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function findPremisesByCodes(db: Executor, codes: string[]): Promise<Map<string, Selectable<PremisesTable>>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom("premises").selectAll().where("code", "in", codes).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function findPlotIdsByCodes(db: Executor, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom("plots").select(["id", "code"]).where("code", "in", codes).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Multi-row inserts; returns the new ids by code. */
export async function insertPlotsMany(
  db: Executor,
  rows: Omit<Insertable<PlotsTable>, "created_at" | "updated_at">[],
): Promise<Map<string, number>> {
  const now = iso();
  const inserted = await insertMany<{ id: number; code: string }>(db, "plots", rows, {
    returning: ["id", "code"],
    constants: { created_at: now, updated_at: now },
  });
  return new Map(inserted.map((r) => [r.code, r.id]));
}

export async function insertPremisesMany(
  db: Executor,
  rows: Omit<Insertable<PremisesTable>, "created_at" | "updated_at">[],
): Promise<Map<string, number>> {
  const now = iso();
  const inserted = await insertMany<{ id: number; code: string }>(db, "premises", rows, {
    returning: ["id", "code"],
    constants: { created_at: now, updated_at: now },
  });
  return new Map(inserted.map((r) => [r.code, r.id]));
}

export async function insertStatusChanges(
  db: Executor,
  rows: { entityType: SiteEntity; entityId: number; from: string | null; to: string; reason: string; actorUserId: number | null }[],
): Promise<void> {
  await insertMany(
    db,
    "site_status_history",
    rows.map((row) => ({
      entity_type: row.entityType,
      entity_id: row.entityId,
      from_status: row.from,
      to_status: row.to,
      reason: row.reason,
      actor_user_id: row.actorUserId,
    })),
    { constants: { at: iso() } },
  );
}
