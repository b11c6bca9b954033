import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import type { LogEvent, SqliteDatabase as SqliteDialectDatabase } from "kysely";
import { CompiledQuery, type DatabaseConnection, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from "kysely";
import pg from "pg";

/**
 * The only file that branches on SQLite versus PostgreSQL. Everything dialect-specific —
 * pragmas, transaction start, type parsing, schema isolation for tests — lives here.
 */

export type DialectName = "sqlite" | "postgres";

export type DatabaseTarget =
  | { dialect: "sqlite"; file: string; synchronous?: "FULL" | "NORMAL" }
  | { dialect: "postgres"; url: string; schema?: string; poolSize?: number };

// bigint (count(*), ids from sequences) and numeric arrive as strings from pg; our values fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Kysely's SQLite driver, with two changes:
 *  - `begin immediate`: the default `begin` is deferred, and a write that upgrades later can fail
 *    with SQLITE_BUSY; take the write lock up front.
 *  - a FIFO hand-off for the one connection: the stock mutex wakes every waiter on each release,
 *    which is quadratic under many concurrent requests (1,000 concurrent page views took minutes).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  #connection: DatabaseConnection | undefined;
  #busy = false;
  readonly #waiting: (() => void)[] = [];

  override async init(): Promise<void> {
    await super.init();
    this.#connection = await super.acquireConnection();
    await super.releaseConnection();
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#busy = true;
    if (!this.#connection) throw new Error("SQLite driver used before init");
    return this.#connection;
  }

  override async releaseConnection(): Promise<void> {
    const next = this.#waiting.shift();
    // Hand the connection straight to the next in line; `busy` stays true.
    if (next) next();
    else this.#busy = false;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
  // SqliteDialect keeps its config private; keep our own copy.
  constructor(private readonly config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
  }
}

export const REQUIRED_SQLITE_PRAGMAS = {
  journal_mode: "wal",
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

const SYNCHRONOUS_LEVEL = { NORMAL: 1, FULL: 2 } as const;

/** Opens SQLite with the pragmas QUALITY D1 asks for and refuses to continue if any did not take. */
export function openSqlite(file: string, synchronous: "FULL" | "NORMAL" = "FULL"): SqliteDatabase.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new SqliteDatabase(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.pragma(`synchronous = ${synchronous}`);
  const read = {
    journal_mode: String(db.pragma("journal_mode", { simple: true })).toLowerCase(),
    foreign_keys: Number(db.pragma("foreign_keys", { simple: true })),
    busy_timeout: Number(db.pragma("busy_timeout", { simple: true })),
    synchronous: Number(db.pragma("synchronous", { simple: true })),
  };
  const problems: string[] = [];
  if (read.journal_mode !== REQUIRED_SQLITE_PRAGMAS.journal_mode) problems.push(`journal_mode=${read.journal_mode}`);
  if (read.foreign_keys !== 1) problems.push(`foreign_keys=${read.foreign_keys}`);
  if (read.busy_timeout < REQUIRED_SQLITE_PRAGMAS.busy_timeout) problems.push(`busy_timeout=${read.busy_timeout}`);
  if (read.synchronous !== SYNCHRONOUS_LEVEL[synchronous]) problems.push(`synchronous=${read.synchronous}`);
  if (problems.length > 0) {
    db.close();
    throw new Error(`SQLite at ${file} refused the required pragmas (${problems.join(", ")}); QUALITY D1`);
  }
  return db;
}

/** How many prepared statements the SQLite connection keeps (most recently used first out last). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as Kysely sees it, with its prepared statements kept by SQL text: Kysely asks
 * for a new statement on every query, and preparing one costs SQLite a parse and a plan
 * (~0.1 ms for a page's queries, each time). A statement still being iterated (a streamed
 * query) is not handed out twice; a fresh one is prepared for the second user.
 */
export function withStatementCache(db: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting marks it recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
      if (cached) return statement;
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

export function createKysely<DB>(target: DatabaseTarget, log?: (event: LogEvent) => void): { name: DialectName; db: Kysely<DB> } {
  if (target.dialect === "sqlite") {
    const database = withStatementCache(openSqlite(target.file, target.synchronous));
    return { name: "sqlite", db: new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database }), log }) };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    // Tests isolate each file in its own schema; search_path makes every unqualified name land there.
    options: target.schema ? `-c search_path=${quoteIdent(target.schema)}` : undefined,
  });
  return { name: "postgres", db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log }) };
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}

/** Admin helpers for the test harness: a fresh schema per test file on PostgreSQL. */
export async function createPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema ${quoteIdent(schema)}`);
  } finally {
    await client.end();
  }
}

export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${quoteIdent(schema)} cascade`);
  } finally {
    await client.end();
  }
}

/** Case-insensitive uniqueness and search need a normalised column on both engines (SQLite folds ASCII only). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
