import type { Selectable } from "kysely";
import type { Executor } from "../../db/database.ts";
import { iso } from "../../lib/time.ts";
import type { TerritorySeed } from "./territories.data.ts";
import type { TerritoriesTable } from "./territories.tables.ts";

export type TerritoryRow = Selectable<TerritoriesTable> & { parent_slug: string | null };

function selectTerritories(db: Executor) {
  return db
    .selectFrom("territories")
    .leftJoin("territories as parent", "parent.id", "territories.parent_id")
    .selectAll("territories")
    .select("parent.slug as parent_slug");
}

export function listTerritoryRows(db: Executor): Promise<TerritoryRow[]> {
  return selectTerritories(db).orderBy("territories.sort_order").orderBy("territories.id").execute();
}

export function findTerritoryRow(db: Executor, slug: string): Promise<TerritoryRow | undefined> {
  return selectTerritories(db).where("territories.slug", "=", slug).executeTakeFirst();
}

export function listChildRows(db: Executor, parentId: number): Promise<TerritoryRow[]> {
  return selectTerritories(db).where("territories.parent_id", "=", parentId).orderBy("territories.sort_order").execute();
}

export async function countTerritories(db: Executor): Promise<number> {
  const r = await db
    .selectFrom("territories")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts or refreshes by slug, parents first; re-running changes nothing but `updated_at`. */
export async function upsertTerritory(db: Executor, seed: TerritorySeed, sortOrder: number): Promise<void> {
  const parent = seed.parentSlug
    ? await db.selectFrom("territories").select("id").where("slug", "=", seed.parentSlug).executeTakeFirst()
    : undefined;
  const now = iso();
  const values = {
    kind: seed.kind,
    parent_id: parent?.id ?? null,
    country: seed.country,
    is_home: seed.isHome ? 1 : 0,
    name_kk: seed.name.kk,
    name_ru: seed.name.ru,
    name_zh: seed.name.zh,
    name_en: seed.name.en,
    centre_kk: seed.centre?.kk ?? null,
    centre_ru: seed.centre?.ru ?? null,
    centre_zh: seed.centre?.zh ?? null,
    centre_en: seed.centre?.en ?? null,
    centre_lat: seed.lat,
    centre_lon: seed.lon,
    coord_confidence: seed.coordConfidence,
    coord_source: seed.coordSource,
    population: seed.population,
    population_year: seed.populationYear,
    population_source: seed.populationSource,
    sort_order: sortOrder,
    updated_at: now,
  };
  await db
    .insertInto("territories")
    .values({ slug: seed.slug, created_at: now, ...values })
    .onConflict((oc) => oc.column("slug").doUpdateSet(values))
    .execute();
}
