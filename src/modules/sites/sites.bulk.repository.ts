import { type ExpressionBuilder, type Insertable, sql } from "kysely";
import type { Database, Db, Executor } from "../../db/database.ts";
import { insertMany } from "../../db/insert-many.ts";
import type { PlotsTable, PremisesTable, ZonesTable } from "./sites.tables.ts";

/**
 * Bulk writes for generated data sets (synthetic seeding, benchmarks). Rows go in as multi-row
 * INSERTs of at most 500 rows (insertMany), all of one call inside one transaction: on SQLite one
 * BEGIN IMMEDIATE and one fsync per call rather than per row.
 */

export type ZoneBulkRow = Omit<Insertable<ZonesTable>, "id">;
export type PlotBulkRow = Omit<Insertable<PlotsTable>, "id">;
export type PremisesBulkRow = Omit<Insertable<PremisesTable>, "id">;

/** Runs `work` in a transaction, or inside the caller's when `db` already is one. */
async function inTransaction<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return (db as Db).transaction().execute(work);
}

/** `substr(column, 1, n) = prefix`: the same on both engines, no wildcards, exact case. */
function startsWith<C extends string>(column: C, prefix: string) {
  return (eb: ExpressionBuilder<Database, keyof Database>) =>
    eb(eb.fn<string>("substr", [sql.ref(column), sql.lit(1), sql.lit(prefix.length)]), "=", prefix);
}

/** Inserts zones; returns each new id with its slug (RETURNING order is not guaranteed). */
export async function insertZonesBulk(db: Executor, rows: readonly ZoneBulkRow[]): Promise<{ id: number; slug: string }[]> {
  return inTransaction(db, (trx) => insertMany(trx, "zones", rows, { returning: ["id", "slug"] }));
}

/** Inserts plots; returns each new id with its code. */
export async function insertPlotsBulk(db: Executor, rows: readonly PlotBulkRow[]): Promise<{ id: number; code: string }[]> {
  return inTransaction(db, (trx) => insertMany(trx, "plots", rows, { returning: ["id", "code"] }));
}

/** Inserts premises; returns how many went in. */
export async function insertPremisesBulk(db: Executor, rows: readonly PremisesBulkRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  await inTransaction(db, (trx) => insertMany(trx, "premises", rows));
  return rows.length;
}

/** Natural-key prefixes of generated records, compared exactly (case and all: SQLite's LIKE ignores ASCII case). */
export interface GeneratedPrefixes {
  zoneSlug: string;
  plotCode: string;
  premisesCode: string;
}

/** How many zones, plots and premises carry the generated prefixes. */
export async function countByPrefix(db: Executor, p: GeneratedPrefixes): Promise<{ zones: number; plots: number; premises: number }> {
  const count = async (table: "zones" | "plots" | "premises", column: "slug" | "code", prefix: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where(startsWith(column, prefix))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    zones: await count("zones", "slug", p.zoneSlug),
    plots: await count("plots", "code", p.plotCode),
    premises: await count("premises", "code", p.premisesCode),
  };
}

/**
 * Deletes the generated records, with their status history and file records, in one
 * transaction. A real record that points at a generated one makes it fail (foreign keys
 * restrict), which is what should happen.
 */
export async function deleteByPrefix(db: Executor, p: GeneratedPrefixes): Promise<{ zones: number; plots: number; premises: number }> {
  return inTransaction(db, async (trx) => {
    const plotIds = trx.selectFrom("plots").select("id").where(startsWith("code", p.plotCode));
    const premisesIds = trx.selectFrom("premises").select("id").where(startsWith("code", p.premisesCode));
    const zoneIds = trx.selectFrom("zones").select("id").where(startsWith("slug", p.zoneSlug));
    for (const [entity, ids] of [
      ["plot", plotIds],
      ["premises", premisesIds],
      ["zone", zoneIds],
    ] as const) {
      await trx.deleteFrom("site_status_history").where("entity_type", "=", entity).where("entity_id", "in", ids).execute();
      await trx.deleteFrom("site_files").where("entity_type", "=", entity).where("entity_id", "in", ids).execute();
    }
    const premises = await trx.deleteFrom("premises").where(startsWith("code", p.premisesCode)).executeTakeFirst();
    const plots = await trx.deleteFrom("plots").where(startsWith("code", p.plotCode)).executeTakeFirst();
    // Children before their parents: the parent reference restricts deletes.
    const subzones = await trx
      .deleteFrom("zones")
      .where(startsWith("slug", p.zoneSlug))
      .where("parent_zone_id", "is not", null)
      .executeTakeFirst();
    const zones = await trx.deleteFrom("zones").where(startsWith("slug", p.zoneSlug)).executeTakeFirst();
    return {
      zones: Number(subzones.numDeletedRows) + Number(zones.numDeletedRows),
      plots: Number(plots.numDeletedRows),
      premises: Number(premises.numDeletedRows),
    };
  });
}
