import type { LogEvent } from "kysely";
import type { Config } from "../config/config.ts";
import type { Database, DatabaseHandle } from "./database.ts";
import { createKysely, type DatabaseTarget } from "./dialect.ts";
import { countStatement, countWrite } from "./statement-counter.ts";

export function targetFromConfig(config: Config): DatabaseTarget {
  return config.database;
}

/** Opens the database with the statement counter attached (QUALITY P5). */
export function openDatabase(target: DatabaseTarget, onQuery?: (event: LogEvent) => void): DatabaseHandle {
  const { name, db } = createKysely<Database>(target, (event) => {
    countStatement();
    countWrite(event.query.sql);
    onQuery?.(event);
  });
  return { db, dialect: name };
}
