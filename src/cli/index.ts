import { parseArgs } from "node:util";
import { prepareDatabase } from "../boot.ts";
import { ConfigError, loadConfig } from "../config/config.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { openDatabase } from "../db/open.ts";
import { AppError } from "../http/errors.ts";
import * as enterprisesCommand from "./commands/enterprises.ts";
import * as exportCommand from "./commands/export.ts";
import * as importCommand from "./commands/import.ts";
import * as syntheticCommand from "./commands/synthetic.ts";

/** Subcommands that live in their own files: `jibek <name> …`. */
const COMMANDS: Record<string, { summary: string; run: typeof importCommand.run }> = {
  import: importCommand,
  export: exportCommand,
  synthetic: syntheticCommand,
  enterprises: enterprisesCommand,
};

import { createLogger } from "../lib/logger.ts";
import { ROLES } from "../modules/accounts/accounts.policy.ts";
import { createServices } from "../services.ts";

const HELP = `jibek <command>

  migrate                         apply pending migrations
  seed                            load reference data (and demo data into an empty database)
  user add --email E --role R [--name N] [--password P]
                                  create a user (roles: ${ROLES.join(", ")}); a password is generated when omitted
  user list                       list users
${Object.entries(COMMANDS)
  .filter(([, c]) => c.summary)
  .map(([name, c]) => `  ${name.padEnd(32)}${c.summary}\n`)
  .join("")}
Configuration comes from the environment (see README): DATABASE_URL, DATA_DIR, …
`;

async function run(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);

  const external = COMMANDS[command];
  if (external)
    return external.run(
      [sub, ...rest].filter((a): a is string => a !== undefined),
      { config, logger },
    );

  if (command === "migrate") {
    const database = openDatabase(config.database);
    const results = await migrateToLatest(database.db, database.dialect);
    process.stdout.write(
      results.length ? results.map((r) => `${r.status}: ${r.migrationName}`).join("\n") + "\n" : "Already up to date.\n",
    );
    await database.db.destroy();
    return 0;
  }
  if (command === "seed") {
    const database = await prepareDatabase(config, logger);
    process.stdout.write("Reference data loaded.\n");
    await database.db.destroy();
    return 0;
  }
  if (command === "user" && (sub === "add" || sub === "list")) {
    const database = openDatabase(config.database);
    await migrateToLatest(database.db, database.dialect);
    const services = createServices(database.db, config, logger);
    try {
      if (sub === "add") {
        const { values } = parseArgs({
          args: rest,
          options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
        });
        if (!values.email || !values.role) {
          process.stderr.write("user add needs --email and --role\n");
          return 64;
        }
        const { randomToken } = await import("../lib/crypto.ts");
        const password = values.password ?? randomToken(15);
        const user = await services.accounts.createUser({
          email: values.email,
          role: values.role as (typeof ROLES)[number],
          displayName: values.name ?? values.email.split("@")[0] ?? values.email,
          password,
        });
        process.stdout.write(`Created ${user.email} (${user.role}).\n${values.password ? "" : `Password: ${password}\n`}`);
      } else {
        const admin = { id: 0, role: "admin" as const, organisationId: null };
        const list = await services.accounts.listUsers(admin, 1, 1000);
        for (const u of list.users) process.stdout.write(`${u.id}\t${u.email}\t${u.role}\t${u.status}\n`);
      }
    } finally {
      await database.db.destroy();
    }
    return 0;
  }
  process.stderr.write(`Unknown command: ${argv.join(" ")}\n\n${HELP}`);
  return 64;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 78;
  } else if (error instanceof AppError) {
    process.stderr.write(`Refused: ${error.code} ${JSON.stringify(error.details ?? {})}\n`);
    process.exitCode = 65;
  } else if (error && typeof error === "object" && "issues" in error) {
    process.stderr.write(`Invalid input: ${JSON.stringify((error as { issues: unknown }).issues)}\n`);
    process.exitCode = 65;
  } else throw error;
}
