import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type { DatabaseHandle } from "../../src/db/database.ts";
import { createPostgresSchema, type DialectName, dropPostgresSchema } from "../../src/db/dialect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/open.ts";

/** Which engines the suite runs on: DIALECTS=sqlite,postgres (the default), or one of them. */
export const DIALECTS: DialectName[] = (process.env.DIALECTS ?? "sqlite,postgres")
  .split(",")
  .map((d) => d.trim())
  .filter((d): d is DialectName => {
    if (d === "sqlite" || d === "postgres") return true;
    throw new Error(`DIALECTS: unknown dialect "${d}" (use sqlite, postgres or both)`);
  });

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase extends DatabaseHandle {
  /** Where it lives: the SQLite file, or the PostgreSQL schema. */
  location: string;
  close(): Promise<void>;
}

/** A fresh, migrated database: a new SQLite file, or a new schema in PostgreSQL's `test` database. */
export async function openTestDb(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "jibek-test-"));
    const file = path.join(dir, "test.db");
    const handle = openDatabase({ dialect: "sqlite", file });
    await migrateToLatest(handle.db, "sqlite");
    return {
      ...handle,
      location: file,
      async close() {
        await handle.db.destroy().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await createPostgresSchema(TEST_POSTGRES_URL, schema);
  const handle = openDatabase({ dialect: "postgres", url: TEST_POSTGRES_URL, schema, poolSize: 12 });
  await migrateToLatest(handle.db, "postgres", schema);
  return {
    ...handle,
    location: schema,
    async close() {
      await handle.db.destroy().catch(() => {});
      await dropPostgresSchema(TEST_POSTGRES_URL, schema);
    },
  };
}

/**
 * The test database's own tables. Kysely's introspection scans every schema, which races with
 * other test files dropping theirs on PostgreSQL; this asks for ours only.
 */
export async function ownTables(database: TestDatabase): Promise<string[]> {
  const { rows } =
    database.dialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = ${database.location} and table_type = 'BASE TABLE'`.execute(
          database.db,
        );
  return rows.map((r) => r.name).sort();
}
