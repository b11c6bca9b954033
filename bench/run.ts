import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { has, log, WORK } from "./common.ts";
import { pickTool } from "./load.ts";
import { CHECKED_PAGES, countStatements, P1_PAGES, weighPages } from "./pages.ts";
import { type DataSpec, dropPostgresData, POSTGRES_ADMIN_URL, postgresData, postgresReachable, sqliteData } from "./prepare.ts";
import { type BenchResults, renderReport } from "./report.ts";
import { measureThroughput } from "./throughput.ts";

const HELP = `npm run bench -- [options]

Speed and scale benchmarks of QUALITY.md over the synthetic data set, as ratios measured side by
side in one run. Writes tmp/bench/report-<time>.{md,json} and prints the Markdown.

  --only LIST      sections, comma-separated: seed, p1, p3, p5, p6 (default: all)
                   seed  time \`jibek synthetic\` on SQLite and PostgreSQL
                   p1    app vs limit server throughput (wrk), 10 and 50 connections
                   p3    the server's resident memory after the P1 runs (runs p1)
                   p5    SQL statements per public page, SQLite and PostgreSQL
                   p6    page weight with CSS and scripts, gzipped; foreign hosts
  --quick          smoke run: 5,000 plots, 2 s × 1 per measurement
  --seconds N      seconds per measurement (default 5)
  --reps N         measurements per page, side and connection count; medians reported (default 3)
  --tool T         wrk (default when installed) or autocannon (through npx)
  --keep           keep the PostgreSQL database jibek_bench afterwards
  --no-postgres    SQLite only

PostgreSQL: BENCH_POSTGRES_ADMIN_URL (default ${POSTGRES_ADMIN_URL}) must be allowed to create
and drop the database jibek_bench.
`;

const SECTIONS = ["seed", "p1", "p3", "p5", "p6"] as const;
/** Pinned so that runs on different days build the same rows. */
const AS_OF = "2026-11-26";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      seconds: { type: "string" },
      reps: { type: "string" },
      tool: { type: "string" },
      keep: { type: "boolean", default: false },
      "no-postgres": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const only = values.only?.split(",").map((s) => s.trim().toLowerCase());
  const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`Unknown section(s): ${unknown.join(", ")}. Use ${SECTIONS.join(", ")}.\n`);
    return 64;
  }
  const sections = new Set<string>(only ?? SECTIONS);
  if (sections.has("p3")) sections.add("p1");
  const quick = values.quick;
  const seconds = Number(values.seconds ?? (quick ? 2 : 5));
  const reps = Number(values.reps ?? (quick ? 1 : 3));
  if (!(seconds >= 1 && reps >= 1)) {
    process.stderr.write("--seconds and --reps must be at least 1\n");
    return 64;
  }
  const spec: DataSpec = quick
    ? { zones: 200, plots: 5_000, premises: 500, seed: 1, asOf: AS_OF }
    : { zones: 2_000, plots: 100_000, premises: 5_000, seed: 1, asOf: AS_OF };
  const tool = sections.has("p1") ? pickTool(values.tool) : null;
  const usePostgres = !values["no-postgres"] && (sections.has("seed") || sections.has("p5"));

  const startLoad = os.loadavg()[0] ?? 0;
  mkdirSync(WORK, { recursive: true });
  const results: BenchResults = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    machine: await machine(),
    settings: { quick, seconds, reps, tool, pinned: has("taskset") },
    seed: [],
    p1: null,
    p3: null,
    p5: null,
    p6: null,
    notes: [],
  };
  if (tool === "autocannon")
    results.notes.push("wrk was not found: the load came from autocannon, itself a bottleneck at low connection counts (STACK-NOTES).");
  if (!has("taskset")) results.notes.push("taskset was not found: server and load generator shared both cores.");

  const sqlite = await sqliteData(spec, sections.has("seed"));
  if (sqlite.timing) results.seed.push(sqlite.timing);

  let postgresUrl: string | null = null;
  if (usePostgres) {
    if (await postgresReachable()) {
      const made = await postgresData(spec);
      postgresUrl = made.url;
      results.seed.push(made.timing);
    } else results.notes.push(`PostgreSQL was not reachable at ${POSTGRES_ADMIN_URL}: its figures are missing.`);
  }

  try {
    if (sections.has("p5")) {
      log("P5: statements per page…");
      results.p5 = await countStatements({ dialect: "sqlite", dataDir: sqlite.dir }, CHECKED_PAGES);
      if (postgresUrl) results.p5.push(...(await countStatements({ dialect: "postgres", url: postgresUrl }, CHECKED_PAGES)));
    }
    if (sections.has("p6")) {
      log("P6: page weight…");
      results.p6 = await weighPages({ dialect: "sqlite", dataDir: sqlite.dir }, CHECKED_PAGES);
    }
  } finally {
    if (postgresUrl && !values.keep) await dropPostgresData();
  }

  if (sections.has("p1") && tool) {
    log(`P1: ${P1_PAGES.length} pages × [10, 50] connections × ${reps} × ${seconds} s, app and limit server…`);
    const { rows, memory } = await measureThroughput({
      dataDir: sqlite.dir,
      pages: P1_PAGES,
      connections: [10, 50],
      seconds,
      reps,
      warmupSeconds: quick ? 1 : 3,
      tool,
    });
    results.p1 = rows;
    if (sections.has("p3")) results.p3 = memory;
  }

  results.machine["load average at end (1/5/15 min)"] = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
  const busiest = Math.max(startLoad, os.loadavg()[0] ?? 0);
  if (busiest > os.cpus().length - 0.5)
    results.notes.push(
      `Other work was running (1-minute load average up to ${busiest.toFixed(1)} on ${os.cpus().length} cores): both servers and the load generator shared their cores with it, so absolute figures are low and ratios noisy. Run again on an idle machine for the record.`,
    );
  const markdown = renderReport(results);
  const stamp = results.date.replace(/[:.]/g, "-");
  writeFileSync(path.join(WORK, `report-${stamp}.md`), markdown);
  writeFileSync(path.join(WORK, `report-${stamp}.json`), JSON.stringify(results, null, 2));
  process.stdout.write(`${markdown}\n`);
  log(`Report: ${path.join(WORK, `report-${stamp}.md`)} (and .json)`);
  return 0;
}

async function machine(): Promise<Record<string, string>> {
  const cpus = os.cpus();
  const out: Record<string, string> = {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    "load average at start (1/5/15 min)": os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" / "),
  };
  const memory = new Database(":memory:");
  out.sqlite = String(memory.prepare("select sqlite_version()").pluck().get());
  memory.close();
  try {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
    await client.connect();
    out.postgresql = String((await client.query("show server_version")).rows[0]?.server_version ?? "?");
    await client.end();
  } catch {
    out.postgresql = "not reachable";
  }
  if (has("wrk")) out.wrk = (spawnSync("wrk", ["-v"], { encoding: "utf8" }).stdout.split("\n")[0] ?? "").replace(/ Copyright.*/, "");
  return out;
}

process.exitCode = await main();
