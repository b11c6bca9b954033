import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

/** Tables whose rows site matching's in-memory index is built from (docs/decisions/012-matching-index.md). */
const WATCHED = ["zones", "plots", "premises", "territories"] as const;

/**
 * The catalogue's version stamp: one row, bumped by the database itself in the same transaction
 * as every insert, update or delete of a zone, plot, premises or territory, whatever code (or
 * person at a SQL prompt) writes it. A process holding an index built at version N rebuilds it
 * when it reads another number.
 *  - SQLite: a trigger per table and event, per row (writes are serialised anyway).
 *  - PostgreSQL: a deferred constraint trigger, so the bump (and the row lock it takes) comes at
 *    commit, after the transaction's other locks — no new deadlocks between concurrent writers —
 *    and a transaction-local flag keeps it to one bump per transaction however many rows it wrote.
 */
export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("catalogue_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await db.insertInto("catalogue_version").values({ id: 1, version: 1 }).execute();

  if (dialect === "sqlite") {
    for (const table of WATCHED)
      for (const event of ["insert", "update", "delete"] as const)
        await sql
          .raw(
            `create trigger ${table}_${event}_catalogue_version after ${event} on ${table} ` +
              "begin update catalogue_version set version = version + 1 where id = 1; end",
          )
          .execute(db);
    return;
  }
  await sql
    .raw(`create function catalogue_version_bump() returns trigger language plpgsql as $$
begin
  if current_setting('jibek.catalogue_bumped', true) is distinct from '1' then
    perform set_config('jibek.catalogue_bumped', '1', true);
    update catalogue_version set version = version + 1 where id = 1;
  end if;
  return null;
end
$$`)
    .execute(db);
  for (const table of WATCHED)
    await sql
      .raw(
        `create constraint trigger ${table}_catalogue_version after insert or update or delete on ${table} ` +
          "deferrable initially deferred for each row execute function catalogue_version_bump()",
      )
      .execute(db);
}

/** The migrator passes no dialect to `down`: a PostgreSQL-only function tells (it fails on SQLite, aborting nothing). */
async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select current_setting('server_version')`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) await sql`drop function if exists catalogue_version_bump() cascade`.execute(db);
  else
    for (const table of WATCHED)
      for (const event of ["insert", "update", "delete"])
        await sql.raw(`drop trigger if exists ${table}_${event}_catalogue_version`).execute(db);
  await db.schema.dropTable("catalogue_version").execute();
}
