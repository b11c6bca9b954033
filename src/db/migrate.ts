import { type Kysely, type Migration, type MigrationResult, Migrator } from "kysely";
import type { DialectName } from "./dialect.ts";
import { MIGRATIONS } from "./migrations/index.ts";

/** `schema`: the PostgreSQL schema the tables live in (tests isolate each file in its own). */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName, schema?: string): Promise<MigrationResult[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (k) => m.up(k, { dialect }), down: (k) => m.down(k) };
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its bookkeeping tables in any schema; name ours so isolated schemas don't see each other's.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  // Kysely's introspection scans every schema; a schema another test process drops meanwhile makes
  // PostgreSQL answer 3F000 ("schema does not exist") for it. Such a scan is simply run again.
  let attempt = await migrator.migrateToLatest();
  for (let retry = 0; retry < 5 && attempt.error && (attempt.error as { code?: string }).code === "3F000"; retry++) {
    attempt = await migrator.migrateToLatest();
  }
  const { error, results } = attempt;
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${String(error)}`, { cause: error });
  }
  return results ?? [];
}
