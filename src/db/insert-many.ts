import { CompiledQuery, type Kysely } from "kysely";
import type { Database, Executor } from "./database.ts";

/**
 * Multi-row INSERTs for imports and generated data. The SQL of a statement depends only on the
 * table, its columns, the number of rows and what it returns, so it is compiled once per such
 * shape and then run with each batch's values as parameters. Kysely would otherwise build an
 * operation tree of every value and compile it again for each batch: for 100,000 imported plots
 * that was 2.4 s of CPU and much of the garbage.
 */

/** SQLite binds at most 32,766 parameters per statement (PostgreSQL 65,535): stay under the smaller. */
const MAX_PARAMETERS = 32_766;
const MAX_ROWS = 500;

/** Rows per statement for rows of this many columns. */
export function bulkChunkSize(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, columns))));
}

// Compiled SQL per dialect (its adapter), then per shape.
const compiled = new WeakMap<object, Map<string, string>>();

function sqlFor(
  db: Executor,
  table: keyof Database & string,
  columns: readonly string[],
  rows: number,
  returning: readonly string[],
): string {
  const adapter = db.getExecutor().adapter;
  let byShape = compiled.get(adapter);
  if (!byShape) {
    byShape = new Map();
    compiled.set(adapter, byShape);
  }
  const key = `${table}|${columns.join(",")}|${rows}|${returning.join(",")}`;
  let text = byShape.get(key);
  if (text === undefined) {
    // Placeholder values: only the shape of the compiled statement is kept.
    const row = Object.fromEntries(columns.map((c) => [c, 0]));
    const query = (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto(table)
      .values(Array.from({ length: rows }, () => row));
    text = (returning.length > 0 ? query.returning(returning as string[]) : query).compile().sql;
    byShape.set(key, text);
  }
  return text;
}

/**
 * Inserts `rows` (every column any row has; a column a row lacks gets NULL) plus `constants`
 * (the same value on every row, such as a timestamp), in statements of at most 500 rows, and
 * returns the `returning` columns of every new row. Run it inside the caller's transaction.
 */
export async function insertMany<R = Record<string, unknown>>(
  db: Executor,
  table: keyof Database & string,
  rows: readonly Record<string, unknown>[],
  options: { returning?: readonly string[]; constants?: Record<string, unknown> } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const returning = options.returning ?? [];
  const constants = options.constants ?? {};
  const own = new Set<string>();
  for (const row of rows) for (const column in row) if (!(column in constants)) own.add(column);
  const rowColumns = [...own];
  const constantValues = Object.values(constants);
  const columns = [...rowColumns, ...Object.keys(constants)];
  const size = bulkChunkSize(columns.length);
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const end = Math.min(rows.length, start + size);
    const parameters: unknown[] = new Array((end - start) * columns.length);
    let p = 0;
    for (let i = start; i < end; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (const column of rowColumns) parameters[p++] = row[column] ?? null;
      for (const value of constantValues) parameters[p++] = value;
    }
    const result = await db.executeQuery<R>(CompiledQuery.raw(sqlFor(db, table, columns, end - start, returning), parameters));
    for (const r of result.rows) out.push(r);
  }
  return out;
}
