import type { Logger } from "pino";
import type { Config } from "./config/config.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { openDatabase } from "./db/open.ts";
import { seedDemo } from "./seed/demo.ts";
import { createServices } from "./services.ts";

/**
 * Opens and prepares the database: migrations, reference data, demo data on an empty
 * database, the first administrator. Run once by the primary process before serving.
 */
export async function prepareDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const database = openDatabase(config.database);
  const results = await migrateToLatest(database.db, database.dialect);
  for (const r of results) logger.info({ migration: r.migrationName, status: r.status }, "migration");
  const services = createServices(database.db, config, logger);
  const seeded = await seedDemo(services, { demo: config.demoData });
  if (seeded) logger.info(seeded, "reference and demo data loaded");
  const expired = await services.enterprises.expireRequests();
  if (expired.expired > 0) logger.info(expired, "enterprise requests expired");
  const printed = await services.accounts.ensureFirstAdmin(config.admin);
  if (printed) {
    // Shown once, on the console only: never in the structured log.
    process.stdout.write(
      `\n  First administrator created.\n  E-mail:   ${printed.email}\n  Password: ${printed.password}\n  Change it after signing in: /en/account/password\n\n`,
    );
  }
  return database;
}
