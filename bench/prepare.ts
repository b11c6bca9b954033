import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { log, runCommand, WORK } from "./common.ts";

/**
 * The benchmark's data: `jibek synthetic` run as a user would run it, timed from spawn to exit,
 * into a fresh SQLite directory and into a fresh PostgreSQL database. The demo data goes in first
 * (the start-up seeds an empty database), so real zones, news articles and enterprises sit beside
 * the generated rows and P1 can ask for an article page.
 */

export interface DataSpec {
  zones: number;
  plots: number;
  premises: number;
  seed: number;
  asOf: string;
}

export interface SeedTiming {
  dialect: "sqlite" | "postgres";
  spec: DataSpec;
  /** Spawn to exit: Node start-up, migrations, reference data, generation and inserts. */
  wallSeconds: number;
  /** What the command reports for the inserts alone, per table, in seconds. */
  phases: Record<string, number>;
  output: string;
}

/** The data set of P2 and P4 for a number of plots: a zone per 50 plots, a premises per 20. */
export function catalogueSpec(plots: number): DataSpec {
  return {
    zones: Math.max(20, Math.round(plots / 50)),
    plots,
    premises: Math.max(50, Math.round(plots / 20)),
    seed: 1,
    asOf: "2026-11-26",
  };
}

/** One directory per size, so a quick run does not throw away the full data set. */
export const sqliteDir = (spec: DataSpec) => path.join(WORK, `sqlite-${spec.plots}`);
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const POSTGRES_DB = "jibek_bench";
export const postgresUrl = () => {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${POSTGRES_DB}`;
  return url.toString();
};

/** Environment of every process the benchmark starts: the app's own, without the caller's database. */
export function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, DATA_DIR: _d, ...rest } = process.env;
  return { ...rest, NODE_ENV: "development", LOG_LEVEL: "warn", DEMO_DATA: "false", ...extra };
}

async function runSynthetic(env: NodeJS.ProcessEnv, spec: DataSpec): Promise<{ seconds: number; output: string }> {
  const args = ["--import", "tsx", "src/cli/index.ts", "synthetic", "--zones", String(spec.zones), "--plots", String(spec.plots)];
  args.push("--premises", String(spec.premises), "--seed", String(spec.seed), "--as-of", spec.asOf);
  const run = await runCommand(process.execPath, args, env);
  if (run.code !== 0) throw new Error(`jibek synthetic exited with ${run.code}:\n${run.output}`);
  return run;
}

function phases(output: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of output.matchAll(/^\s+(zones|plots|premises|total)\s+[\d,]+\s+([\d.]+) s/gm)) out[m[1] as string] = Number(m[2]);
  return out;
}

const specFile = (dir: string) => path.join(dir, "spec.json");

/** The SQLite data set; rebuilt (and timed) when asked or when the one on disk has another spec. */
export async function sqliteData(spec: DataSpec, rebuild: boolean): Promise<{ dir: string; timing: SeedTiming | null }> {
  const dir = sqliteDir(spec);
  const same = existsSync(specFile(dir)) && readFileSync(specFile(dir), "utf8") === JSON.stringify(spec);
  if (same && !rebuild) {
    log(`Reusing the SQLite data set in ${dir}`);
    return { dir, timing: null };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`jibek synthetic → SQLite (${spec.plots} plots)…`);
  const { seconds, output } = await runSynthetic(appEnv({ DATA_DIR: dir, DEMO_DATA: "true" }), spec);
  writeFileSync(specFile(dir), JSON.stringify(spec));
  return { dir, timing: { dialect: "sqlite", spec, wallSeconds: seconds, phases: phases(output), output } };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await admin((c) => c.query("select 1"));
    return true;
  } catch {
    return false;
  }
}

/** A fresh `jibek_bench` database filled by the command; drop it with dropPostgresData. */
export async function postgresData(spec: DataSpec): Promise<{ url: string; timing: SeedTiming }> {
  await dropPostgresData();
  await admin((c) => c.query(`create database ${POSTGRES_DB}`));
  log(`jibek synthetic → PostgreSQL (${spec.plots} plots)…`);
  const { seconds, output } = await runSynthetic(
    appEnv({ DATABASE_URL: postgresUrl(), DATA_DIR: path.join(WORK, "pg-files"), DEMO_DATA: "true" }),
    spec,
  );
  return { url: postgresUrl(), timing: { dialect: "postgres", spec, wallSeconds: seconds, phases: phases(output), output } };
}

export async function dropPostgresData(): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${POSTGRES_DB} with (force)`));
}
