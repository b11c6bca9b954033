import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, log, median, memoryOf, rawGet, sleep, startPinned, startServer, stop, WORK, waitFor } from "./common.ts";
import { type Recorded, replayHeaders } from "./limit-server.ts";
import { type LoadResult, type LoadTool, load } from "./load.ts";
import { appEnv } from "./prepare.ts";
import type { P1Row } from "./report.ts";

/**
 * QUALITY P1 and P3: the app as a real server process (`dist/server.mjs`, as `npm start` runs it) beside
 * the limit server replaying the app's own responses, measured in turns under the same load.
 */

export interface ThroughputOptions {
  dataDir: string;
  pages: string[];
  connections: number[];
  seconds: number;
  reps: number;
  warmupSeconds: number;
  tool: LoadTool;
}

/** CPU time a process has used, in clock ticks (utime + stime of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the server has worked off what earlier runs left queued (wrk closes its sockets,
 * but the app still renders every request it accepted), so one run does not slow the next:
 * idle means under 5 % of a core over half a second.
 */
async function settle(pid: number, maxMs = 600_000): Promise<number> {
  const started = performance.now();
  let before = cpuTicks(pid);
  while (performance.now() - started < maxMs) {
    await sleep(500);
    const now = cpuTicks(pid);
    if (now - before <= 2) break;
    before = now;
  }
  return performance.now() - started;
}

export async function measureThroughput(
  o: ThroughputOptions,
): Promise<{ rows: P1Row[]; memory: { idleRssMiB: number; rssMiB: number; peakMiB: number } }> {
  const appPort = await freePort();
  const app = await startServer(
    appEnv({ DATA_DIR: o.dataDir, PORT: String(appPort), HOST: "127.0.0.1", PUBLIC_URL: `http://127.0.0.1:${appPort}`, WORKERS: "1" }),
  );
  let limit: ReturnType<typeof startPinned> | null = null;
  try {
    await waitFor(appPort, "/readyz", app);
    const pid = app.pid as number;
    const idle = memoryOf(pid);

    // The limit server answers with the app's bytes for each page.
    const recorded: Recorded = {};
    const statuses = new Map<string, { status: number; bytes: number }>();
    const firstMs = new Map<string, number>();
    for (const page of o.pages) {
      const t = performance.now();
      const res = await rawGet(appPort, page);
      firstMs.set(page, performance.now() - t);
      recorded[page] = { status: res.status, headers: replayHeaders(res.rawHeaders), body: res.body.toString("base64") };
      statuses.set(page, { status: res.status, bytes: res.body.length });
      if (res.status !== 200) log(`  note: the app answers ${res.status} for ${page}`);
    }
    const file = path.join(WORK, "recorded.json");
    writeFileSync(file, JSON.stringify(recorded));
    const limitPort = await freePort();
    limit = startPinned(process.execPath, ["--import", "tsx", "bench/limit-server.ts", file, String(limitPort)], appEnv({}));
    await waitFor(limitPort, o.pages[0] ?? "/", limit, () => true);

    const url = (port: number, page: string) => `http://127.0.0.1:${port}${page}`;
    log(`Warming up (${o.warmupSeconds} s per page and server)…`);
    for (const page of o.pages) {
      load(o.tool, url(appPort, page), 10, o.warmupSeconds);
      await settle(pid);
      load(o.tool, url(limitPort, page), 10, o.warmupSeconds);
    }

    // One request at a time: what a page costs the app when nothing else runs.
    const serviceMs = new Map<string, number>();
    for (const page of o.pages) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await rawGet(appPort, page);
        times.push(performance.now() - t);
      }
      serviceMs.set(page, median(times));
      log(`  one at a time: ${page} ${median(times).toFixed(1)} ms`);
    }

    const results = new Map<string, { app: LoadResult[]; limit: LoadResult[] }>();
    for (let rep = 0; rep < o.reps; rep++) {
      for (const page of o.pages) {
        for (const connections of o.connections) {
          const key = `${page}\u0000${connections}`;
          const slot = results.get(key) ?? { app: [], limit: [] };
          results.set(key, slot);
          // Alternate which goes first, so drift over the run does not favour one side.
          const order = rep % 2 === 0 ? (["app", "limit"] as const) : (["limit", "app"] as const);
          for (const side of order) {
            const r = load(o.tool, url(side === "app" ? appPort : limitPort, page), connections, o.seconds);
            slot[side].push(r);
            const waited = side === "app" ? await settle(pid) : 0;
            log(
              `  ${rep + 1}/${o.reps} ${side.padEnd(5)} c${String(connections).padEnd(3)} ${page}: ${r.rps.toFixed(1)} req/s${r.errors ? `, ${r.errors} errors` : ""}${waited > 1500 ? ` (backlog worked off in ${(waited / 1000).toFixed(0)} s)` : ""}`,
            );
          }
        }
      }
    }
    const memory = { idleRssMiB: idle.rssMiB, ...memoryOf(pid) };
    const rows: P1Row[] = [];
    for (const page of o.pages)
      for (const connections of o.connections) {
        const slot = results.get(`${page}\u0000${connections}`) ?? { app: [], limit: [] };
        const s = statuses.get(page) ?? { status: 0, bytes: 0 };
        rows.push({
          page,
          connections,
          appStatus: s.status,
          bytes: s.bytes,
          serviceMs: serviceMs.get(page) ?? Number.NaN,
          firstMs: firstMs.get(page) ?? Number.NaN,
          app: slot.app,
          limit: slot.limit,
        });
      }
    return { rows, memory };
  } finally {
    if (limit) await stop(limit);
    await stop(app);
  }
}
