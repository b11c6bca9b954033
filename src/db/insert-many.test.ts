import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import SqliteDatabase from "better-sqlite3";
import { DIALECTS, openTestDb, type TestDatabase } from "../../test/support/test-db.ts";
import { withStatementCache } from "./dialect.ts";
import { bulkChunkSize, insertMany } from "./insert-many.ts";

for (const dialect of DIALECTS) {
  describe(`insertMany [${dialect}]`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDb(dialect);
    });
    after(() => database.close());

    it("inserts more rows than one statement holds, with constants, NULL for a missing column, and returns what was asked", async () => {
      const rows = Array.from({ length: 1234 }, (_, i) => ({
        entity_type: "plot",
        entity_id: i + 1,
        to_status: i % 2 ? "free" : "reserved",
        reason: `row ${i}`,
        // One row leaves from_status out: it must be stored as NULL, not shift the others.
        ...(i === 7 ? {} : { from_status: "idle" }),
      }));
      const returned = await database.db.transaction().execute((trx) =>
        insertMany<{ id: number; entity_id: number }>(trx, "site_status_history", rows, {
          returning: ["id", "entity_id"],
          constants: { at: "2026-11-27T00:00:00.000Z", actor_user_id: null },
        }),
      );
      assert.equal(returned.length, 1234);
      assert.deepEqual(
        returned.map((r) => r.entity_id).sort((a, b) => a - b),
        rows.map((r) => r.entity_id),
      );
      const stored = await database.db.selectFrom("site_status_history").selectAll().orderBy("entity_id").execute();
      assert.equal(stored.length, 1234);
      assert.equal(stored[7]?.from_status, null);
      assert.equal(stored[8]?.from_status, "idle");
      assert.equal(stored[1233]?.reason, "row 1233");
      assert.ok(
        stored.every((r) => new Date(r.at as string | Date).toISOString() === "2026-11-27T00:00:00.000Z" && r.actor_user_id === null),
      );
      assert.equal(stored[0]?.to_status, "reserved");
    });

    it("returns nothing and runs nothing for no rows", async () => {
      assert.deepEqual(await insertMany(database.db, "site_status_history", []), []);
    });
  });
}

describe("bulkChunkSize", () => {
  it("keeps every statement under SQLite's 32,766 parameters and at most 500 rows", () => {
    for (const columns of [1, 8, 40, 66, 100, 400]) {
      const rows = bulkChunkSize(columns);
      assert.ok(rows >= 1 && rows <= 500 && rows * columns <= 32_766, `${columns} columns → ${rows} rows`);
    }
  });
});

describe("SQLite statement cache", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jibek-stmt-"));
  const raw = new SqliteDatabase(path.join(dir, "cache.db"));
  after(() => {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  });
  raw.exec("create table t (n integer); insert into t values (1), (2), (3)");

  it("hands out the same statement for the same SQL, and a fresh one while the cached one is still iterating", () => {
    const db = withStatementCache(raw, 2);
    const first = db.prepare("select n from t order by n");
    assert.equal(db.prepare("select n from t order by n"), first);
    const iterating = first.iterate([]);
    iterating.next();
    const second = db.prepare("select n from t order by n");
    assert.notEqual(second, first);
    assert.deepEqual(second.all([]), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    iterating.return?.();
    assert.equal(db.prepare("select n from t order by n"), first);
  });

  it("forgets the least recently used statement past its size", () => {
    const db = withStatementCache(raw, 2);
    const a = db.prepare("select 1");
    const b = db.prepare("select 2");
    assert.equal(db.prepare("select 1"), a);
    db.prepare("select 3");
    assert.equal(db.prepare("select 1"), a, "recently used: kept");
    assert.notEqual(db.prepare("select 2"), b, "least recently used: prepared again");
  });
});
