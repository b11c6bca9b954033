import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import { DIALECTS, openTestDb, ownTables, type TestDatabase } from "../../test/support/test-db.ts";
import { migrateToLatest } from "./migrate.ts";
import { withStatementCounter } from "./statement-counter.ts";

for (const dialect of DIALECTS) {
  describe(`database [${dialect}]`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDb(dialect);
    });
    after(() => database.close());

    it("creates every table of the first migration", async () => {
      const tables = await ownTables(database);
      for (const name of ["territories", "users", "sessions", "login_throttle", "audit_events"]) assert.ok(tables.includes(name), name);
    });

    it("running the migrations again changes nothing", async () => {
      assert.deepEqual(await migrateToLatest(database.db, dialect), []);
    });

    it("enforces foreign keys", async () => {
      await assert.rejects(
        database.db
          .insertInto("sessions")
          .values({
            id_hash: "x",
            user_id: 999_999,
            created_at: new Date().toISOString(),
            last_seen_at: new Date().toISOString(),
            expires_at: new Date().toISOString(),
          })
          .execute(),
      );
    });

    it("counts statements per unit of work", async () => {
      const { result, counter } = withStatementCounter(async () => {
        await sql`select 1`.execute(database.db);
        await sql`select 2`.execute(database.db);
      });
      await result;
      assert.equal(counter.statements, 2);
    });

    if (dialect === "sqlite") {
      it("opens SQLite in WAL with busy_timeout, foreign keys and synchronous=FULL (QUALITY D1)", async () => {
        const read = async (name: string) => (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(database.db)).rows[0];
        assert.deepEqual(await read("journal_mode"), { journal_mode: "wal" });
        assert.deepEqual(await read("foreign_keys"), { foreign_keys: 1 });
        assert.deepEqual(await read("busy_timeout"), { timeout: 5000 });
        assert.deepEqual(await read("synchronous"), { synchronous: 2 });
      });

      it("takes the write lock at BEGIN (IMMEDIATE), before the first write", async () => {
        const other = new SqliteDatabase(database.location);
        other.pragma("busy_timeout = 0");
        try {
          await database.db.transaction().execute(async (trx) => {
            await sql`select 1`.execute(trx);
            assert.throws(
              () => other.prepare("insert into login_throttle (account_key, window_start, failures) values ('x', 'y', 0)").run(),
              /database is locked/,
            );
          });
        } finally {
          other.close();
        }
      });
    }
  });
}
