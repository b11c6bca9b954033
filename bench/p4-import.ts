/**
 * QUALITY P4: importing 100,000 plots with the command line a user runs (`jibek import plots
 * FILE`, i.e. bin/jibek.mjs), CSV ≤ 10 s and XLSX ≤ 30 s, memory ≤ 400 MB, on SQLite and PostgreSQL. The files are
 * the catalogue of the P2 data set exported by `jibek export` (CSV with Russian headers, XLSX with
 * Chinese ones); each import goes into that data set with its plots, premises and status history
 * deleted, so every row is created. Wall time is spawn to exit (Node start-up, migrations check,
 * reading, validating, writing, commit); CPU time and peak memory come from GNU time.
 *
 *   node --import tsx bench/p4-import.ts [--plots 100000] [--no-postgres]
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { log, runCommand, WORK } from "./common.ts";
import { appEnv, catalogueSpec, dropPostgresData, postgresData, postgresReachable, sqliteData } from "./prepare.ts";

const { values } = parseArgs({
  options: {
    plots: { type: "string", default: "100000" },
    "no-postgres": { type: "boolean", default: false },
  },
});
const plots = Number(values.plots);
// The P2 data set (bench/p2-matching.ts): reused when it is on disk.
const spec = catalogueSpec(plots);
const BARS = { csv: 10, xlsx: 30 } as const;
const MEMORY_BAR_MB = 400;
// Per size: the exported files are kept for the next run of the same size.
const DIR = path.join(WORK, `p4-${plots}`);
const EMPTIED = ["site_status_history", "site_files", "premises", "plots"];

interface Run {
  code: number | null;
  wall: number;
  cpu: number;
  rssMb: number;
  output: string;
}

/** `jibek <args>` under GNU time when it is there; wall time from spawn to exit either way. */
async function jibek(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const node = [process.execPath, "bin/jibek.mjs", ...args];
  const timed = existsSync("/usr/bin/time");
  const run = timed
    ? await runCommand("/usr/bin/time", ["-f", "TIME %e %U %S %M", ...node], env)
    : await runCommand(node[0] as string, node.slice(1), env);
  const m = run.output.match(/TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/);
  return {
    code: run.code,
    wall: run.seconds,
    cpu: m ? Number(m[2]) + Number(m[3]) : Number.NaN,
    rssMb: m ? Number(m[4]) / 1024 : Number.NaN,
    output: run.output,
  };
}

async function emptySqlite(source: string, target: string): Promise<void> {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const suffix of ["", "-wal"])
    if (existsSync(path.join(source, `jibek.db${suffix}`)))
      copyFileSync(path.join(source, `jibek.db${suffix}`), path.join(target, `jibek.db${suffix}`));
  const db = new Database(path.join(target, "jibek.db"));
  db.pragma("foreign_keys = OFF");
  for (const table of EMPTIED) db.prepare(`delete from ${table}`).run();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`truncate ${EMPTIED.join(", ")} restart identity cascade`);
    await client.query("vacuum analyze plots");
    // Every run starts from the same quiet state: the seeding's (or the last run's) dirty pages written out.
    await client.query("checkpoint");
  } finally {
    await client.end();
  }
}

async function countPlots(env: NodeJS.ProcessEnv): Promise<number> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return Number((await client.query("select count(*) as n from plots")).rows[0].n);
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(env.DATA_DIR as string, "jibek.db"), { readonly: true });
  try {
    return (db.prepare("select count(*) as n from plots").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

mkdirSync(DIR, { recursive: true });
const loadAtStart = os.loadavg().map((l) => l.toFixed(2));
const source = await sqliteData(spec, false);
const files = { csv: path.join(DIR, "plots.csv"), xlsx: path.join(DIR, "plots.xlsx") };
const sourceEnv = appEnv({ DATA_DIR: source.dir });
for (const [format, locale] of [
  ["csv", "ru"],
  ["xlsx", "zh"],
] as const) {
  if (existsSync(files[format])) continue;
  log(`jibek export plots --format ${format} --locale ${locale}…`);
  const run = await jibek(["export", "plots", "--format", format, "--locale", locale, "--out", files[format]], sourceEnv);
  if (run.code !== 0) throw new Error(`export failed:\n${run.output}`);
}
const expected = await countPlots(sourceEnv);

const targets: { name: string; env: NodeJS.ProcessEnv; empty: () => Promise<void> }[] = [];
const sqliteTarget = path.join(DIR, "sqlite-target");
targets.push({
  name: "SQLite",
  env: appEnv({ DATA_DIR: sqliteTarget }),
  empty: () => emptySqlite(source.dir, sqliteTarget),
});
let postgres = false;
if (!values["no-postgres"] && (await postgresReachable())) {
  const { url } = await postgresData(spec);
  postgres = true;
  targets.push({
    name: "PostgreSQL",
    env: appEnv({ DATABASE_URL: url, DATA_DIR: path.join(DIR, "pg-files") }),
    empty: () => emptyPostgres(url),
  });
}

const rows: string[] = [];
for (const target of targets) {
  for (const format of ["csv", "xlsx"] as const) {
    await target.empty();
    log(`${target.name}: jibek import plots ${path.basename(files[format])}…`);
    const run = await jibek(["import", "plots", files[format]], target.env);
    const stored = await countPlots(target.env);
    if (run.code !== 0 || stored !== expected)
      throw new Error(`${target.name} ${format}: exit ${run.code}, ${stored} of ${expected} plots stored\n${run.output.slice(-2000)}`);
    const pass = run.wall <= BARS[format] && !(run.rssMb > MEMORY_BAR_MB);
    rows.push(
      `| ${target.name} | ${format.toUpperCase()} | ${expected.toLocaleString("en")} | **${run.wall.toFixed(1)}** | ${run.cpu.toFixed(1)} | ${run.rssMb.toFixed(0)} | ≤ ${BARS[format]} s, ≤ ${MEMORY_BAR_MB} MB | ${pass ? "pass" : "FAIL"} |`,
    );
    log(rows[rows.length - 1] ?? "");
  }
}
if (postgres) await dropPostgresData();

process.stdout.write(
  [
    "",
    `P4 — jibek import plots, ${expected.toLocaleString("en")} rows into an emptied catalogue; load average (1/5/15 min) ${loadAtStart.join(" / ")} at the start, ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")} at the end (${os.cpus().length} cores)`,
    "",
    "| database | file | rows | wall s (spawn → exit) | CPU s | peak RSS MB | bar | |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
