import type { Kysely } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

/**
 * The map counts plots per grid cell inside a viewport: with status, territory, zone and code in
 * the index, a view of the whole oblast reads this index alone instead of every plot row (over
 * 100,000 plots on SQLite, about 4× faster; docs/benchmarks.md, P6). It starts with the old
 * (lat, lon) index's columns, which it replaces.
 */
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await db.schema.createIndex("plots_map_idx").on("plots").columns(["lat", "lon", "status", "territory_id", "zone_id", "code"]).execute();
  await db.schema.dropIndex("plots_latlon_idx").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("plots_latlon_idx").on("plots").columns(["lat", "lon"]).execute();
  await db.schema.dropIndex("plots_map_idx").execute();
}
