import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

/**
 * The enterprise directory's version stamp for partner matching's in-memory index
 * (docs/decisions/013): one row, bumped by the database itself in the same transaction as every
 * write to what the index holds —
 *  - a profile's side, publication and `match_data` (which the service rewrites with every change
 *    to the profile's classes, products, approved text and requests), and what a result shows of
 *    it: size, verification, logo; a profile's insertion or deletion (deleting an organisation
 *    cascades to it);
 *  - an organisation's names, territory and illustrative flag (shown in results);
 *  - territories, whose names the index keeps for the results.
 * Other columns (pending text, contacts, an organisation's sources…) change nothing the index
 * holds and leave the stamp alone.
 *  - SQLite: a trigger per table and event, per row (writes are serialised anyway).
 *  - PostgreSQL: a deferred constraint trigger with a transaction-local flag, one bump per
 *    transaction at commit, as catalogue_version does (migration 0006).
 */
const TRIGGERS = [
  { table: "enterprise_profiles", name: "insert", event: "insert" },
  {
    table: "enterprise_profiles",
    name: "update",
    event: "update of side, publication, match_data, size_band, verified_at, logo_file",
  },
  { table: "enterprise_profiles", name: "delete", event: "delete" },
  { table: "organisations", name: "update", event: "update of name, name_original, territory_id, is_illustrative" },
  { table: "territories", name: "insert", event: "insert" },
  { table: "territories", name: "update", event: "update" },
  { table: "territories", name: "delete", event: "delete" },
] as const;

export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("enterprise_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await db.insertInto("enterprise_version").values({ id: 1, version: 1 }).execute();

  if (dialect === "sqlite") {
    for (const { table, name, event } of TRIGGERS)
      await sql
        .raw(
          `create trigger ${table}_${name}_enterprise_version after ${event} on ${table} ` +
            "begin update enterprise_version set version = version + 1 where id = 1; end",
        )
        .execute(db);
    return;
  }
  await sql
    .raw(`create function enterprise_version_bump() returns trigger language plpgsql as $$
begin
  if current_setting('jibek.enterprise_bumped', true) is distinct from '1' then
    perform set_config('jibek.enterprise_bumped', '1', true);
    update enterprise_version set version = version + 1 where id = 1;
  end if;
  return null;
end
$$`)
    .execute(db);
  for (const table of ["enterprise_profiles", "organisations", "territories"] as const) {
    const events = TRIGGERS.filter((t) => t.table === table)
      .map((t) => t.event)
      .join(" or ");
    await sql
      .raw(
        `create constraint trigger ${table}_enterprise_version after ${events} on ${table} ` +
          "deferrable initially deferred for each row execute function enterprise_version_bump()",
      )
      .execute(db);
  }
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
  if (await isPostgres(db)) await sql`drop function if exists enterprise_version_bump() cascade`.execute(db);
  else for (const { table, name } of TRIGGERS) await sql.raw(`drop trigger if exists ${table}_${name}_enterprise_version`).execute(db);
  await db.schema.dropTable("enterprise_version").execute();
}
