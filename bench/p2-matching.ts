/**
 * QUALITY P2: site search over the synthetic set through the HTTP API, 10 concurrent clients,
 * p95 ≤ 25 ms on SQLite and PostgreSQL, searches without an exact match included. A bare
 * node:http server answering the same bytes is measured in the same run as the floor.
 *
 *   node --import tsx bench/p2-matching.ts [--plots 100000] [--seconds 10] [--no-postgres]
 * The app is pinned to core 0; this process (the clients) to core 1 when taskset exists.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { freePort, log, startPinned, stop, waitFor } from "./common.ts";
import { appEnv, type DataSpec, dropPostgresData, postgresData, postgresReachable, sqliteData } from "./prepare.ts";

const { values } = parseArgs({
  options: {
    plots: { type: "string", default: "100000" },
    seconds: { type: "string", default: "10" },
    "no-postgres": { type: "boolean", default: false },
  },
});
const plots = Number(values.plots);
const spec: DataSpec = {
  zones: Math.max(20, Math.round(plots / 50)),
  plots,
  premises: Math.max(50, Math.round(plots / 20)),
  seed: 1,
  asOf: "2026-11-26",
};
const seconds = Number(values.seconds);
const CLIENTS = 10;

/** Typical searches: the denim maker, a small workshop, a search nothing meets exactly, ready premises. */
const SEARCHES: Record<string, unknown> = {
  denim: {
    area: { min: 5, max: 10, hard: true },
    power: { need: 3000, hard: true },
    water: { need: 800, weight: 4 },
    rail: { maxKm: 5, weight: 3 },
    citRelief: { weight: 5 },
    readyBy: "2027-11-26",
  },
  workshop: {
    area: { min: 0.5, max: 2 },
    power: { need: 200, hard: true },
    gas: { need: 50 },
    districts: { slugs: ["turkistan-city", "kentau-city", "sayram-district"], hard: true },
  },
  "no exact match": {
    area: { min: 50, max: 60, hard: true },
    power: { need: 15000, hard: true },
    water: { need: 5000, hard: true },
    railSiding: { hard: true },
  },
  premises: {
    target: "premises",
    area: { min: 500, max: 2000, hard: true },
    power: { need: 100 },
    budget: { max: 3000, unit: "rent_m2_month" },
  },
};

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

/** 10 clients in a closed loop for `seconds`: latencies of every request. */
async function closedLoop(port: number, body: string): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) {
        const r = await post(port, body).catch(() => ({ status: 0, ms: 0, bytes: Buffer.alloc(0) }));
        if (r.status === 200) latencies.push(r.ms);
        else errors++;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

/** The floor: bare node:http answering a POST with the same bytes, from memory. */
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

async function measure(dialect: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const port = await freePort();
  const app = startPinned(process.execPath, ["--import", "tsx", "src/main.ts"], { ...env, PORT: String(port), HOST: "127.0.0.1" });
  const rows: string[] = [];
  try {
    await waitFor(port, "/healthz", app);
    for (const [name, search] of Object.entries(SEARCHES)) {
      const body = JSON.stringify(search);
      const warm = await post(port, body);
      if (warm.status !== 200) throw new Error(`${name}: ${warm.status} ${warm.bytes.toString().slice(0, 200)}`);
      const result = JSON.parse(warm.bytes.toString()) as { fullMatches: number; nearMisses: number; candidatesConsidered: number };
      await closedLoop(port, body);
      const run = await closedLoop(port, body);
      const limit = await limitServer(warm.bytes);
      const floor = await closedLoop(limit.port, body);
      limit.close();
      const p95 = percentile(run.latencies, 95);
      rows.push(
        `| ${dialect} | ${name} | ${result.fullMatches} + ${result.nearMisses} near | ${result.candidatesConsidered} | ${run.latencies.length} | ${percentile(run.latencies, 50).toFixed(1)} | **${p95.toFixed(1)}** | ${percentile(run.latencies, 99).toFixed(1)} | ${percentile(floor.latencies, 95).toFixed(2)} | ${run.errors} | ${p95 <= 25 ? "pass" : "FAIL"} |`,
      );
      log(rows[rows.length - 1] ?? "");
    }
  } finally {
    await stop(app);
  }
  return rows;
}

const header = [
  `P2 — site search through POST /api/v1/matching/sites, ${CLIENTS} concurrent clients, ${seconds} s per search after a ${seconds} s warm-up, ${plots.toLocaleString("en")} plots`,
  "",
  "| database | search | results | candidates scored | requests | p50 ms | p95 ms | p99 ms | limit server p95 ms | errors | ≤ 25 ms |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
];
const rows: string[] = [];
const sqlite = await sqliteData(spec, false);
rows.push(...(await measure("SQLite", appEnv({ DATA_DIR: sqlite.dir, PAGE_CACHE_SECONDS: "0" }))));
if (!values["no-postgres"] && (await postgresReachable())) {
  const pgData = await postgresData(spec);
  try {
    rows.push(...(await measure("PostgreSQL", appEnv({ DATABASE_URL: pgData.url, PAGE_CACHE_SECONDS: "0" }))));
  } finally {
    await dropPostgresData();
  }
}
process.stdout.write(`${[...header, ...rows].join("\n")}\n`);
