/**
 * Partner matching over the synthetic set's 20,000 enterprises through the HTTP API
 * (`POST /api/v1/matching/partners`), 10 concurrent clients, target p95 ≤ 25 ms on SQLite and on
 * PostgreSQL. A bare node:http server answering a typical answer's bytes is measured in the same
 * run as the floor. Every request asks about another enterprise or request (no two clients in
 * step, no answer cache), two in three about a whole enterprise, one in three about one request.
 * The server's CPU time per request and its resident memory after the run come from /proc.
 *
 *   node --import tsx bench/p-partners.ts [--enterprises 20000] [--seconds 10] [--no-postgres] [--rebuild]
 * The app is pinned to core 0; this process (the clients) to core 1 when taskset exists.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort, log, rawGet, runCommand, startServer, stop, WORK, waitFor } from "./common.ts";
import { appEnv, POSTGRES_ADMIN_URL, postgresReachable } from "./prepare.ts";

const { values } = parseArgs({
  options: {
    enterprises: { type: "string", default: "20000" },
    seconds: { type: "string", default: "10" },
    "no-postgres": { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
  },
});
const enterprises = Number(values.enterprises);
const seconds = Number(values.seconds);
const CLIENTS = 10;
const AS_OF = new Date().toISOString().slice(0, 10);
const PG_DB = "jibek_bench_partners";
const pgUrl = () => {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${PG_DB}`;
  return url.toString();
};

/** `jibek synthetic` with enterprises only, timed from spawn to exit. */
async function synthetic(env: NodeJS.ProcessEnv): Promise<number> {
  const args = ["--import", "tsx", "src/cli/index.ts", "synthetic", "--zones", "0", "--plots", "0", "--premises", "0"];
  args.push("--enterprises", String(enterprises), "--seed", "1", "--as-of", AS_OF);
  const run = await runCommand(process.execPath, args, env);
  if (run.code !== 0) throw new Error(`jibek synthetic exited with ${run.code}:\n${run.output}`);
  return run.seconds;
}

async function sqliteData(): Promise<{ dir: string; seeded: number | null }> {
  const dir = path.join(WORK, `sqlite-partners-${enterprises}`);
  const spec = path.join(dir, "spec.json");
  const wanted = JSON.stringify({ enterprises, asOf: AS_OF });
  if (!values.rebuild && existsSync(spec) && readFileSync(spec, "utf8") === wanted) {
    log(`Reusing the SQLite data set in ${dir}`);
    return { dir, seeded: null };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`jibek synthetic → SQLite (${enterprises} enterprises)…`);
  const seeded = await synthetic(appEnv({ DATA_DIR: dir }));
  writeFileSync(spec, wanted);
  return { dir, seeded };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresData(): Promise<number> {
  await admin(`drop database if exists ${PG_DB} with (force)`);
  await admin(`create database ${PG_DB}`);
  log(`jibek synthetic → PostgreSQL (${enterprises} enterprises)…`);
  return synthetic(appEnv({ DATABASE_URL: pgUrl(), DATA_DIR: path.join(WORK, "pg-partners-files") }));
}

function post(port: number, body: string): Promise<{ status: number; ms: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/matching/partners?locale=kk",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** CPU time (user + system, every thread) the app has used so far, from /proc (clock ticks of 10 ms); NaN where there is none. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The app's resident memory (QUALITY P3), read from /proc; "n/a" where there is none. */
function residentMb(pid: number | undefined): string {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? String(Math.round(Number(kb) / 1024)) : "n/a";
  } catch {
    return "n/a";
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** 10 clients in a closed loop; client k takes subjects k, k + 10, k + 20 … so every request asks about another one. */
async function closedLoop(port: number, bodies: string[]): Promise<{ latencies: number[]; errors: number; candidates: number[] }> {
  const latencies: number[] = [];
  const candidates: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, k) => {
      for (let i = k; Date.now() < until; i += CLIENTS) {
        const r = await post(port, bodies[i % bodies.length] as string).catch(() => ({ status: 0, ms: 0, bytes: Buffer.alloc(0) }));
        if (r.status === 200) {
          latencies.push(r.ms);
          if (candidates.length < 2000)
            candidates.push((JSON.parse(r.bytes.toString()) as { candidatesConsidered: number }).candidatesConsidered);
        } else errors++;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors, candidates };
}

/** The floor: bare node:http answering every POST with the same bytes, from memory. */
async function limitServer(bytes: Buffer): Promise<{ port: number; close: () => void }> {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": bytes.length });
      res.end(bytes);
    });
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return { port, close: () => server.close() };
}

/** Subjects: enterprises of both sides and published requests, read from the app's own API. */
async function subjects(port: number): Promise<string[]> {
  const ids: number[] = [];
  const requests: number[] = [];
  for (let page = 1; page <= 15; page++) {
    for (const side of ["home", "partner"]) {
      const res = await rawGet(port, `/api/v1/enterprises?side=${side}&page=${page * 7}`);
      for (const e of (JSON.parse(res.body.toString()) as { items: { id: number }[] }).items) ids.push(e.id);
    }
    const res = await rawGet(port, `/api/v1/enterprise-requests?page=${page * 5}`);
    for (const r of (JSON.parse(res.body.toString()) as { items: { id: number }[] }).items) requests.push(r.id);
  }
  const bodies: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    bodies.push(JSON.stringify({ organisationId: ids[i], limit: 10 }));
    if (i % 2 === 1 && requests[i >> 1] !== undefined) bodies.push(JSON.stringify({ requestId: requests[i >> 1], limit: 10 }));
  }
  return bodies;
}

async function measure(dialect: string, env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  const app = await startServer({ ...env, PORT: String(port), HOST: "127.0.0.1" });
  try {
    await waitFor(port, "/healthz", app);
    const bodies = await subjects(port);
    const sample = await post(port, bodies[0] as string);
    if (sample.status !== 200) throw new Error(`${dialect}: ${sample.status} ${sample.bytes.toString().slice(0, 300)}`);
    await closedLoop(port, bodies);
    const cpuBefore = cpuMs(app.pid);
    const run = await closedLoop(port, bodies);
    const cpuPerRequest = (cpuMs(app.pid) - cpuBefore) / Math.max(1, run.latencies.length + run.errors);
    const rssMb = residentMb(app.pid);
    const limit = await limitServer(sample.bytes);
    const floor = await closedLoop(limit.port, bodies);
    limit.close();
    const p95 = percentile(run.latencies, 95);
    const meanCandidates = run.candidates.reduce((s, n) => s + n, 0) / Math.max(1, run.candidates.length);
    const row = `| ${dialect} | ${bodies.length} | ${Math.round(meanCandidates)} | ${run.latencies.length} | ${percentile(run.latencies, 50).toFixed(1)} | **${p95.toFixed(1)}** | ${percentile(run.latencies, 99).toFixed(1)} | ${percentile(floor.latencies, 95).toFixed(2)} | ${run.errors} | ${p95 <= 25 ? "pass" : "FAIL"} | ${cpuPerRequest.toFixed(2)} | ${rssMb} |`;
    log(row);
    return row;
  } finally {
    await stop(app);
  }
}

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
const loadStart = load();
const rows: string[] = [];
const seeding: string[] = [];
const sqlite = await sqliteData();
if (sqlite.seeded !== null) seeding.push(`SQLite ${sqlite.seeded.toFixed(1)} s`);
rows.push(await measure("SQLite", appEnv({ DATA_DIR: sqlite.dir, PAGE_CACHE_SECONDS: "0" })));
if (!values["no-postgres"] && (await postgresReachable())) {
  seeding.push(`PostgreSQL ${(await postgresData()).toFixed(1)} s`);
  try {
    rows.push(await measure("PostgreSQL", appEnv({ DATABASE_URL: pgUrl(), PAGE_CACHE_SECONDS: "0" })));
  } finally {
    await admin(`drop database if exists ${PG_DB} with (force)`);
  }
}
const loadEnd = load();
process.stdout.write(
  `${[
    `Partner matching through POST /api/v1/matching/partners, ${CLIENTS} concurrent clients, ${seconds} s after a ${seconds} s warm-up, ${enterprises.toLocaleString("en")} synthetic enterprises`,
    `load average (1 / 5 / 15 min) at start ${loadStart}, at end ${loadEnd}; seeding (spawn → exit): ${seeding.join(", ") || "reused"}`,
    "",
    "| database | subjects | candidates scored (mean) | requests | p50 ms | p95 ms | p99 ms | limit server p95 ms | errors | ≤ 25 ms | server CPU ms / request | server RSS after the run, MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n")}\n`,
);
