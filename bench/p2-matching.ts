/**
 * QUALITY P2: site search over the synthetic set through the HTTP API, 10 concurrent clients,
 * p95 ≤ 25 ms on SQLite and PostgreSQL, searches without an exact match included. Every request
 * asks something else: each kind of search draws its area and power windows, districts and
 * dates afresh (seeded, so runs compare), and a mixed run draws the kind too. Two floors are
 * measured in the same run: a bare node:http server answering the same bytes, and the app itself
 * refusing a malformed search (every middleware, no ranking). The app's CPU time per request
 * (from /proc, so other load on the machine does not count) and its resident memory after the
 * runs (QUALITY P3) are read too.
 *
 *   node --import tsx bench/p2-matching.ts [--plots 100000] [--seconds 10] [--no-postgres]
 * The app is pinned to core 0; this process (the clients) to core 1 when taskset exists.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { seededRandom } from "../src/lib/random.ts";
import { freePort, log, memoryOf, sleep, startServer, stop, waitFor } from "./common.ts";
import { appEnv, catalogueSpec, dropPostgresData, postgresData, postgresReachable, sqliteData } from "./prepare.ts";

const { values } = parseArgs({
  options: {
    plots: { type: "string", default: "100000" },
    seconds: { type: "string", default: "10" },
    "no-postgres": { type: "boolean", default: false },
  },
});
const plots = Number(values.plots);
const spec = catalogueSpec(plots);
const seconds = Number(values.seconds);
const CLIENTS = 10;
const SETTLE_MS = 15_000;

type Random = () => number;
const within = (r: Random, min: number, max: number, step = 1) => Math.round((min + (max - min) * r()) / step) * step;
const some = <T>(r: Random, list: readonly T[], n: number) => [...list].sort(() => r() - 0.5).slice(0, n);
/** Turkistan oblast's districts and cities (where the synthetic set puts its sites). */
const DISTRICTS = [
  "arys-city",
  "baidibek-district",
  "kazygurt-district",
  "keles-district",
  "kentau-city",
  "maktaaral-district",
  "ordabasy-district",
  "otrar-district",
  "saryagash-district",
  "sauran-district",
  "sayram-district",
  "shardara-district",
  "sozak-district",
  "tole-bi-district",
  "tulkibas-district",
  "turkistan-city",
  "zhetisai-district",
];

/**
 * Typical searches, each drawn afresh per request: the issue's denim maker, a small workshop in a
 * few districts, a plant nothing meets exactly (every answer a near miss), ready premises.
 */
const SEARCHES: Record<string, (r: Random) => Record<string, unknown>> = {
  denim: (r) => {
    const min = within(r, 3, 8, 0.5);
    return {
      area: { min, max: within(r, min * 1.5, min * 2.5, 0.5), hard: true },
      power: { need: within(r, 1000, 5000, 100), hard: true },
      water: { need: within(r, 400, 1500, 50), weight: 4 },
      rail: { maxKm: within(r, 3, 10), weight: 3 },
      citRelief: { weight: 5 },
      readyBy: `202${within(r, 7, 8)}-${String(within(r, 1, 12)).padStart(2, "0")}-01`,
    };
  },
  workshop: (r) => {
    const min = within(r, 0.3, 1, 0.1);
    return {
      area: { min, max: within(r, min * 2, min * 4, 0.1) },
      power: { need: within(r, 100, 400, 10), hard: true },
      gas: { need: within(r, 20, 100, 5) },
      districts: { slugs: some(r, DISTRICTS, 3), hard: true },
    };
  },
  "no exact match": (r) => {
    const min = within(r, 40, 70);
    return {
      area: { min, max: min + 10, hard: true },
      power: { need: within(r, 14_000, 19_000, 500), hard: true },
      water: { need: within(r, 4500, 5000, 50), hard: true },
      railSiding: { hard: true },
    };
  },
  premises: (r) => {
    const min = within(r, 300, 1000, 50);
    return {
      target: "premises",
      area: { min, max: within(r, min * 2, min * 4, 50), hard: true },
      power: { need: within(r, 50, 200, 10) },
      budget: { max: within(r, 2000, 4000, 100), unit: "rent_m2_month" },
      ...(r() < 0.5 ? { districts: { slugs: some(r, DISTRICTS, 4) } } : {}),
    };
  },
};
const KINDS = Object.keys(SEARCHES);
const MIXED = "mixed (any of the above)";

function post(port: number, body: string): Promise<{ status: number; ms: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/matching/sites?locale=en",
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Run {
  latencies: number[];
  errors: number;
  /** Per answer: full matches, near misses, candidates scored. */
  answers: { full: number; near: number; scored: number }[];
}

/** 10 clients in a closed loop for `seconds`, each request a fresh draw of `kind` (or of any kind). */
async function closedLoop(port: number, kind: string, seed: number): Promise<Run> {
  const run: Run = { latencies: [], errors: 0, answers: [] };
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const r = seededRandom(seed * 100 + client);
      while (Date.now() < until) {
        const draw = kind === MIXED ? (KINDS[Math.floor(r() * KINDS.length)] as string) : kind;
        const body = JSON.stringify((SEARCHES[draw] as (r: Random) => unknown)(r));
        const res = await post(port, body).catch(() => ({ status: 0, ms: 0, bytes: Buffer.alloc(0) }));
        if (res.status !== 200) {
          run.errors++;
          continue;
        }
        run.latencies.push(res.ms);
        const answer = JSON.parse(res.bytes.toString()) as { fullMatches: number; nearMisses: number; candidatesConsidered: number };
        run.answers.push({ full: answer.fullMatches, near: answer.nearMisses, scored: answer.candidatesConsidered });
      }
    }),
  );
  run.latencies.sort((a, b) => a - b);
  return run;
}

/**
 * The app's own floor: the same 10 clients posting a search the schema refuses (422), so every
 * middleware, the body parsing and validation run but no ranking: what any API request costs.
 */
async function refusedLoop(port: number): Promise<{ latencies: number[]; bytes: Buffer }> {
  const latencies: number[] = [];
  let bytes: Buffer = Buffer.alloc(0);
  const until = Date.now() + seconds * 1000;
  const body = JSON.stringify({ power: { need: -1 } });
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) {
        const res = await post(port, body);
        if (res.status === 422) latencies.push(res.ms);
        bytes = res.bytes;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), bytes };
}

/** The floor: bare node:http answering a POST with fixed bytes, from memory, to the same 10 clients. */
async function floorRun(bytes: Buffer): Promise<number[]> {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": bytes.length });
      res.end(bytes);
    });
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) latencies.push((await post(port, "{}")).ms);
    }),
  );
  server.close();
  return latencies.sort((a, b) => a - b);
}

/** CPU time (user + system) the app has used so far, in ms, from /proc (10 ms ticks); NaN where there is none. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const range = (xs: number[]) => (xs.length === 0 ? "–" : `${Math.min(...xs)}–${Math.max(...xs)}`);
const loadAverage = () => os.loadavg()[0]?.toFixed(2) ?? "?";

async function measure(dialect: string, env: NodeJS.ProcessEnv): Promise<{ rows: string[]; notes: string[] }> {
  const port = await freePort();
  const app = await startServer({ ...env, PORT: String(port), HOST: "127.0.0.1" });
  const rows: string[] = [];
  const notes: string[] = [];
  try {
    await waitFor(port, "/healthz", app);
    const started = memoryOf(app.pid as number);
    // The first search of each target builds that target's index: timed on its own, outside the runs.
    const first: string[] = [];
    for (const kind of ["denim", "premises"]) {
      const res = await post(port, JSON.stringify((SEARCHES[kind] as (r: Random) => unknown)(seededRandom(1))));
      if (res.status !== 200) throw new Error(`${kind}: ${res.status} ${res.bytes.toString().slice(0, 200)}`);
      first.push(`${kind === "denim" ? "plots" : "premises"} ${(res.ms / 1000).toFixed(1)} s`);
    }
    for (const [n, kind] of [...KINDS, MIXED].entries()) {
      await closedLoop(port, kind, 1000 + n); // warm-up
      const cpuBefore = cpuMs(app.pid);
      const run = await closedLoop(port, kind, n + 1);
      const cpu = (cpuMs(app.pid) - cpuBefore) / Math.max(1, run.latencies.length + run.errors);
      const sample = await post(
        port,
        JSON.stringify((SEARCHES[kind === MIXED ? "denim" : kind] as (r: Random) => unknown)(seededRandom(n))),
      );
      const floor = await floorRun(sample.bytes);
      const p95 = percentile(run.latencies, 95);
      const full = run.answers.map((a) => a.full);
      const near = run.answers.map((a) => a.near);
      rows.push(
        `| ${dialect} | ${kind} | ${range(full)} + ${range(near)} near | ${median(run.answers.map((a) => a.scored)).toLocaleString("en")} | ${run.latencies.length} | ${percentile(run.latencies, 50).toFixed(1)} | **${p95.toFixed(1)}** | ${percentile(run.latencies, 99).toFixed(1)} | ${percentile(floor, 95).toFixed(2)} | ${cpu.toFixed(2)} | ${run.errors} | ${p95 <= 25 ? "pass" : "FAIL"} |`,
      );
      log(rows[rows.length - 1] ?? "");
    }
    await refusedLoop(port); // warm-up
    const refusedCpuBefore = cpuMs(app.pid);
    const refused = await refusedLoop(port);
    const refusedCpu = (cpuMs(app.pid) - refusedCpuBefore) / Math.max(1, refused.latencies.length);
    const refusedFloor = await floorRun(refused.bytes);
    rows.push(
      `| ${dialect} | *app floor: a refused search (422), no ranking* | – | – | ${refused.latencies.length} | ${percentile(refused.latencies, 50).toFixed(1)} | ${percentile(refused.latencies, 95).toFixed(1)} | ${percentile(refused.latencies, 99).toFixed(1)} | ${percentile(refusedFloor, 95).toFixed(2)} | ${refusedCpu.toFixed(2)} | – | (reference) |`,
    );
    log(rows[rows.length - 1] ?? "");
    const end = memoryOf(app.pid as number);
    // V8 gives back the heap it grew under load once allocation stops (its memory reducer starts ~8 s later).
    await sleep(SETTLE_MS);
    const settled = memoryOf(app.pid as number);
    notes.push(
      `${dialect}: first search (builds the index) ${first.join(", ")}; app VmRSS ${started.rssMiB.toFixed(1)} MiB after start, **${end.rssMiB.toFixed(1)} MiB right after the runs**, **${settled.rssMiB.toFixed(1)} MiB after ${SETTLE_MS / 1000} s idle** (peak VmHWM ${end.peakMiB.toFixed(1)} MiB)`,
    );
    log(notes[notes.length - 1] ?? "");
  } finally {
    await stop(app);
  }
  return { rows, notes };
}

const loadAtStart = loadAverage();
const header = [
  `P2 — site search through POST /api/v1/matching/sites, ${CLIENTS} concurrent clients, each request drawn afresh, ${seconds} s per kind after a ${seconds} s warm-up, ${plots.toLocaleString("en")} plots`,
  "",
  "| database | search | full + near misses per answer | candidates scored (median) | requests | p50 ms | p95 ms | p99 ms | limit server p95 ms | server CPU ms per request | errors | ≤ 25 ms |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
];
const rows: string[] = [];
const notes: string[] = [];
const sqlite = await sqliteData(spec, false);
const sqliteRun = await measure("SQLite", appEnv({ DATA_DIR: sqlite.dir, PAGE_CACHE_SECONDS: "0" }));
rows.push(...sqliteRun.rows);
notes.push(...sqliteRun.notes);
if (!values["no-postgres"] && (await postgresReachable())) {
  const pgData = await postgresData(spec);
  try {
    const pgRun = await measure("PostgreSQL", appEnv({ DATABASE_URL: pgData.url, PAGE_CACHE_SECONDS: "0" }));
    rows.push(...pgRun.rows);
    notes.push(...pgRun.notes);
  } finally {
    await dropPostgresData();
  }
}
notes.push(`1-minute load average: ${loadAtStart} at the start, ${loadAverage()} at the end (${os.cpus().length} cores)`);
process.stdout.write(`${[...header, ...rows, "", ...notes.map((n) => `- ${n}`)].join("\n")}\n`);
