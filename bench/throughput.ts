import { writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, log, memoryOf, rawGet, startPinned, stop, WORK, waitFor } from "./common.ts";
import { type Recorded, replayHeaders } from "./limit-server.ts";
import { type LoadResult, type LoadTool, load } from "./load.ts";
import { appEnv } from "./prepare.ts";
import type { P1Row } from "./report.ts";

/**
 * QUALITY P1 and P3: the app as a real server process (`node --import tsx src/main.ts`) beside
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

export async function measureThroughput(
  o: ThroughputOptions,
): Promise<{ rows: P1Row[]; memory: { idleRssMiB: number; rssMiB: number; peakMiB: number } }> {
  const appPort = await freePort();
  const app = startPinned(
    process.execPath,
    ["--import", "tsx", "src/main.ts"],
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
    for (const page of o.pages) {
      const res = await rawGet(appPort, page);
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
      load(o.tool, url(limitPort, page), 10, o.warmupSeconds);
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
            log(
              `  ${rep + 1}/${o.reps} ${side.padEnd(5)} c${String(connections).padEnd(3)} ${page}: ${Math.round(r.rps)} req/s${r.errors ? `, ${r.errors} errors` : ""}`,
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
        rows.push({ page, connections, appStatus: s.status, bytes: s.bytes, app: slot.app, limit: slot.limit });
      }
    return { rows, memory };
  } finally {
    if (limit) await stop(limit);
    await stop(app);
  }
}
