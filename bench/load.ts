import { spawnSync } from "node:child_process";
import { CORES, has, pinned, ROOT } from "./common.ts";

/**
 * The load generator: Debian's `wrk`, one thread pinned to the core the server is not on, with a
 * 60 s timeout so that slow answers count as answers (and show in the latency), not as errors. Without
 * wrk it falls back to autocannon through npx, which is itself the bottleneck at low connection
 * counts (STACK-NOTES): figures from it understate both servers, the ratio less so.
 */

export interface LoadResult {
  tool: "wrk" | "autocannon";
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latencyMs: { p50: number; p99: number };
  /** Responses that were not 2xx or 3xx, plus socket errors. */
  errors: number;
}

export type LoadTool = "wrk" | "autocannon";

export function pickTool(forced?: string): LoadTool {
  if (forced === "wrk" || forced === "autocannon") return forced;
  return has("wrk") ? "wrk" : "autocannon";
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function durationMs(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  return m ? Number(m[1]) * (UNIT_MS[m[2] as string] ?? Number.NaN) : Number.NaN;
}

export function parseWrk(out: string, connections: number, seconds: number): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0;
  if (!Number.isFinite(rps)) throw new Error(`could not read wrk's output:\n${out}`);
  return {
    tool: "wrk",
    connections,
    seconds,
    requests,
    rps,
    latencyMs: { p50: durationMs(/^\s+50%\s+(\S+)/m.exec(out)?.[1]), p99: durationMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1]) },
    errors: non2xx + socketErrors,
  };
}

/** Runs one measurement against a URL. */
export function load(tool: LoadTool, url: string, connections: number, seconds: number): LoadResult {
  if (tool === "wrk") {
    const [cmd, args] = pinned(CORES.load, "wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "60s", "--latency", url]);
    const run = spawnSync(cmd, args, { encoding: "utf8", timeout: (seconds + 30) * 1000 });
    if (run.status !== 0) throw new Error(`wrk failed (${run.status}): ${run.stderr}`);
    return parseWrk(run.stdout, connections, seconds);
  }
  const [cmd, args] = pinned(CORES.load, "npx", ["--yes", "autocannon@8", "--json", "-c", String(connections), "-d", String(seconds), url]);
  const run = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", timeout: (seconds + 120) * 1000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`autocannon failed (${run.status}): ${run.stderr}`);
  const json = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    duration: number;
  };
  return {
    tool: "autocannon",
    connections,
    seconds,
    requests: json.requests.total,
    rps: json.requests.total / json.duration,
    latencyMs: { p50: json.latency.p50, p99: json.latency.p99 },
    errors: json.non2xx + json.errors,
  };
}
