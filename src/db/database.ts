import type { Kysely, Transaction } from "kysely";
import type { AccountsTables } from "../modules/accounts/accounts.tables.ts";
import type { CooperationTables } from "../modules/cooperation/cooperation.tables.ts";
import type { EnterprisesTables } from "../modules/enterprises/enterprises.tables.ts";
import type { MatchingTables } from "../modules/matching/matching.tables.ts";
import type { NewsTables } from "../modules/news/news.tables.ts";
import type { SitesTables } from "../modules/sites/sites.tables.ts";
import type { TerritoriesTables } from "../modules/territories/territories.tables.ts";
import type { DialectName } from "./dialect.ts";

/** Every table of every module. A module adds its `*.tables.ts` interface here. */
export interface Database
  extends TerritoriesTables,
    AccountsTables,
    SitesTables,
    CooperationTables,
    NewsTables,
    MatchingTables,
    EnterprisesTables {}

export type Db = Kysely<Database>;
/** What repositories take first: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
}
