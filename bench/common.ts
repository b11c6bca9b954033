import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { bundle as buildBundle } from "../scripts/bundle.mjs";

/** Shared by the benchmark's parts: paths, processes pinned to a core, small HTTP helpers. */

export const ROOT = path.resolve(import.meta.dirname, "..");
/** Benchmark data and reports: under the repository's ignored tmp/. */
export const WORK = path.join(ROOT, "tmp", "bench");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

/** The machine has 2 cores: servers on core 0, the load generator on core 1 (as in STACK-NOTES). */
export const CORES = { server: "0", load: "1" } as const;

export function pinned(core: string, command: string, args: string[]): [string, string[]] {
  return has("taskset") ? ["taskset", ["-c", core, command, ...args]] : [command, args];
}

export interface CommandRun {
  code: number | null;
  /** Spawn to exit. */
  seconds: number;
  /** stdout and stderr as they came. */
  output: string;
}

/** Runs a command in the project's folder and collects its output; never rejects on a non-zero exit. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output += String(chunk);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, seconds: (performance.now() - started) / 1000, output }));
  });
}

let serverBundle: Promise<string> | null = null;

/**
 * Starts the app as `npm start` does, from its bundle (built once per benchmark run), pinned to
 * the server core.
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  serverBundle ??= buildBundle("server");
  return startPinned(process.execPath, ["--expose-gc", await serverBundle], env);
}

/** Starts a process pinned to the server core; taskset execs, so the pid is the program's. */
export function startPinned(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [cmd, argv] = pinned(CORES.server, command, args);
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(String(chunk));
    if (tail.length > 50) tail.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  (child as ChildProcess & { tail: string[] }).tail = tail;
  return child;
}

export function outputOf(child: ChildProcess): string {
  return ((child as ChildProcess & { tail?: string[] }).tail ?? []).join("");
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
  await exited;
  clearTimeout(timer);
}

/** A raw GET as a load generator sends it: no Accept-Encoding, the body as bytes. */
export function rawGet(
  port: number,
  pathAndQuery: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: pathAndQuery, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${pathAndQuery} timed out`)));
  });
}

export async function waitFor(
  port: number,
  pathAndQuery: string,
  child: ChildProcess,
  ok: (status: number) => boolean = (s) => s === 200,
  timeoutMs = 90_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering:\n${outputOf(child)}`);
    try {
      const res = await rawGet(port, pathAndQuery);
      if (ok(res.status)) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`no answer on :${port}${pathAndQuery} after ${timeoutMs / 1000} s:\n${outputOf(child)}`);
}

/** Resident memory of a process, in MiB: now (VmRSS) and its peak (VmHWM). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: kb("VmRSS") / 1024, peakMiB: kb("VmHWM") / 1024 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export const log = (line: string) => process.stderr.write(`${line}\n`);
