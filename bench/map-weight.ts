/**
 * QUALITY P6 for the map page, measured in a real browser: headless Chromium opens the page and
 * everything it asks for on the way to its first view is captured — the HTML, stylesheets,
 * scripts, the boundaries and every data request the script makes on load — and each body is
 * gzipped at level 6 (as a reverse proxy would), in KiB. The budget is 250 KiB, and no host
 * but our own. Runs on the demo data (a fresh SQLite directory booted with DEMO_DATA) and on the
 * synthetic set (100,000 plots, 2,000 zones; `jibek synthetic` run once into tmp/bench).
 *
 *   npm run bench:map                       both data sets, two window sizes, four pages
 *   npm run bench:map -- --shots DIR        and screenshots of /en, /kk, /zh maps zoomed out and in
 *   npm run bench:map -- --rebuild          seed the synthetic set again
 *
 * The report goes to stdout (a Markdown table) and tmp/bench/map-weight.json.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { getRequestListener } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { createApp } from "../src/app.tsx";
import { prepareDatabase } from "../src/boot.ts";
import { loadConfig } from "../src/config/config.ts";
import { createLogger } from "../src/lib/logger.ts";
import { log, ROOT, WORK } from "./common.ts";
import { appEnv, type DataSpec } from "./prepare.ts";

const SPEC: DataSpec = { zones: 2_000, plots: 100_000, premises: 5_000, seed: 1, asOf: "2026-11-26" };
const BUDGET_KIB = 250;
const PAGES = ["/en/map", "/kk/map", "/zh/map", "/en/map?status=free&powerMin=1000"];
const WINDOWS = [
  { width: 1280, height: 900 },
  { width: 1920, height: 1080 },
];
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Kind = "html" | "css" | "js" | "data" | "other";
interface Fetched {
  url: string;
  kind: Kind;
  status: number;
  bytes: number;
  gzip: number;
  /** Request sent → first byte back, as Chromium timed it. */
  waitMs: number;
}
interface Weight {
  data: string;
  page: string;
  window: string;
  fetched: Fetched[];
  foreign: string[];
  kib: Record<Kind | "total", number>;
}

const args = process.argv.slice(2);
const shotsDir = args.includes("--shots") ? path.resolve(args[args.indexOf("--shots") + 1] ?? path.join(WORK, "map-shots")) : null;
const rebuild = args.includes("--rebuild");
const kib = (n: number) => Math.round((n / 1024) * 10) / 10;

/** The synthetic set, seeded by the CLI as a user would, once; reused while its spec matches. */
async function syntheticDir(): Promise<string> {
  const dir = path.join(WORK, `map-weight-sqlite-${SPEC.plots}`);
  const specFile = path.join(dir, "spec.json");
  if (!rebuild && existsSync(specFile) && readFileSync(specFile, "utf8") === JSON.stringify(SPEC)) {
    log(`Reusing the synthetic set in ${dir}`);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`jibek synthetic → ${dir} (${SPEC.plots} plots, ${SPEC.zones} zones)…`);
  const cli = ["--import", "tsx", "src/cli/index.ts", "synthetic", "--zones", String(SPEC.zones), "--plots", String(SPEC.plots)];
  cli.push("--premises", String(SPEC.premises), "--seed", String(SPEC.seed), "--as-of", SPEC.asOf);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, cli, { cwd: ROOT, env: appEnv({ DATA_DIR: dir }), stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`jibek synthetic exited with ${code}`))));
  });
  writeFileSync(specFile, JSON.stringify(SPEC));
  return dir;
}

/** The app on a free local port, served as src/main.ts serves it (page cache in front). */
async function serve(dataDir: string, demo: boolean): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  // A throwaway administrator, so the first run prints no password.
  const admin = { ADMIN_EMAIL: "bench@jibek.local", ADMIN_PASSWORD: randomBytes(18).toString("base64url") };
  const config = loadConfig({ ...appEnv({ DATA_DIR: dataDir, DEMO_DATA: String(demo), ...admin }) });
  const logger = createLogger("warn");
  const database = await prepareDatabase(config, logger);
  const { app, pageCache } = createApp({ config, database, logger });
  const handle = getRequestListener(app.fetch);
  const server: Server = createServer((req, res) => {
    if (pageCache?.serveNode(req, res)) return;
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.db.destroy();
    },
  };
}

const KIND: Record<string, Kind> = { document: "html", stylesheet: "css", script: "js", fetch: "data", xhr: "data" };

/** One page's first view: every response until the network is quiet and the plots are drawn. */
async function weigh(
  browser: Browser,
  baseUrl: string,
  data: string,
  pagePath: string,
  window: { width: number; height: number },
): Promise<Weight> {
  const context = await browser.newContext({ viewport: window, locale: "en-US" });
  const page = await context.newPage();
  const own = new URL(baseUrl).host;
  const foreign: string[] = [];
  const pending: Promise<Fetched | null>[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("data:") && new URL(r.url()).host !== own) foreign.push(r.url());
  });
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return null;
        const body = await response.body().catch(() => Buffer.alloc(0));
        const timing = request.timing();
        const url = new URL(request.url());
        return {
          url: url.pathname + url.search,
          kind: url.pathname.endsWith(".geojson") ? "data" : (KIND[request.resourceType()] ?? "other"),
          status: response.status(),
          bytes: body.length,
          gzip: gzipSync(body, { level: 6 }).length,
          waitMs: Math.round(timing.responseStart - timing.requestStart),
        };
      })(),
    );
  });
  await page.goto(baseUrl + pagePath, { waitUntil: "load" });
  await drawn(page);
  await page.waitForLoadState("networkidle");
  const fetched = (await Promise.all(pending)).filter((f): f is Fetched => f !== null);
  await context.close();
  const sum = (k: Kind) => fetched.filter((f) => f.kind === k).reduce((s, f) => s + f.gzip, 0);
  const totals = { html: sum("html"), css: sum("css"), js: sum("js"), data: sum("data"), other: sum("other") };
  const total = Object.values(totals).reduce((a, b) => a + b, 0);
  return {
    data,
    page: pagePath,
    window: `${window.width}×${window.height}`,
    fetched,
    foreign,
    kib: {
      html: kib(totals.html),
      css: kib(totals.css),
      js: kib(totals.js),
      data: kib(totals.data),
      other: kib(totals.other),
      total: kib(total),
    },
  };
}

/** The plots are on the map (markers, clusters or counted cells) or the map said nothing matches. */
async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector(".leaflet-marker-pane .plot-marker, .leaflet-marker-pane .plot-cluster") !== null ||
      document.getElementById("map-empty")?.hidden === false,
  );
}

/** The map has its data for the view it shows: the status line no longer says it is loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const config = JSON.parse(document.getElementById("map-config")?.textContent ?? "{}") as { strings?: { loading?: string } };
      return document.getElementById("map-status")?.textContent !== config.strings?.loading;
    },
    undefined,
    { timeout: 120_000 },
  );
}

/** Screenshots of the map zoomed out (the first view) and zoomed in on the largest group. */
async function screenshots(browser: Browser, baseUrl: string, data: string, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const locale of ["en", "kk", "zh"]) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: locale === "zh" ? "zh-CN" : locale === "kk" ? "kk-KZ" : "en-US",
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/map`);
    await drawn(page);
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => document.fonts.ready);
    const out = path.join(dir, `map-${data}-${locale}-out.png`);
    await page.locator(".map-layout").screenshot({ path: out });
    files.push(out);
    // Into the largest group until single plots and zone outlines show (or nine steps).
    for (let i = 0; i < 9; i++) {
      const outlines = await page.evaluate(() =>
        [...document.querySelectorAll(".leaflet-zones-pane path.leaflet-interactive")].some((p) => p.getBoundingClientRect().width > 30),
      );
      const single = await page.locator(".leaflet-marker-pane .plot-marker").count();
      if (outlines && single > 0) break;
      const largest = await page.evaluate(() => {
        let best: { x: number; y: number; n: number } | null = null;
        const box = document.getElementById("map")?.getBoundingClientRect();
        for (const c of document.querySelectorAll<HTMLElement>(".leaflet-marker-pane .plot-cluster")) {
          const r = c.getBoundingClientRect();
          const n = Number(c.textContent?.replace(/\D/g, "") || 0);
          const inside = box && r.left > box.left && r.right < box.right && r.top > box.top && r.bottom < box.bottom;
          if (inside && (!best || n > best.n)) best = { x: r.left + r.width / 2, y: r.top + r.height / 2, n };
        }
        return best;
      });
      if (largest) await page.mouse.click(largest.x, largest.y);
      else {
        const centre = await page.locator("#map").boundingBox();
        if (!centre) break;
        await page.mouse.move(centre.x + centre.width / 2, centre.y + centre.height / 2);
        await page.mouse.wheel(0, -400);
      }
      await page.waitForTimeout(700);
      await settled(page);
    }
    const zoomed = path.join(dir, `map-${data}-${locale}-in.png`);
    await page.locator(".map-layout").screenshot({ path: zoomed });
    files.push(zoomed);
    await context.close();
  }
  return files;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const results: Weight[] = [];
  const shots: string[] = [];
  const demoDir = mkdtempSync(path.join(tmpdir(), "jibek-map-demo-"));
  try {
    for (const [data, dir, demo] of [
      ["demo", demoDir, true],
      ["synthetic", await syntheticDir(), false],
    ] as const) {
      log(`${data}: starting the app on ${dir}`);
      const app = await serve(dir, demo);
      try {
        for (const window of WINDOWS)
          for (const page of PAGES) {
            // A first request warms the page cache and the SQLite pages, as a visitor before ours would.
            await weigh(browser, app.baseUrl, data, page, window);
            const w = await weigh(browser, app.baseUrl, data, page, window);
            results.push(w);
            log(`${data} ${w.window} ${page}: ${w.kib.total} KiB (data ${w.kib.data})`);
          }
        if (shotsDir) shots.push(...(await screenshots(browser, app.baseUrl, data, shotsDir)));
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(demoDir, { recursive: true, force: true });
  }

  const lines = [
    "| data | window | page | HTML raw | HTML | CSS | JS | data on first view (requests) | total | slowest data wait | verdict |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const w of results) {
    const data = w.fetched.filter((f) => f.kind === "data");
    const wait = Math.max(0, ...data.map((f) => f.waitMs));
    const ok = w.kib.total <= BUDGET_KIB && w.foreign.length === 0;
    lines.push(
      `| ${w.data} | ${w.window} | \`${w.page}\` | ${kib(w.fetched.filter((f) => f.kind === "html").reduce((s, f) => s + f.bytes, 0))} | ${w.kib.html} | ${w.kib.css} | ${w.kib.js} | ${w.kib.data} (${data.length}) | ${w.kib.total} | ${wait} ms | ${ok ? "pass" : "**fail**"} |`,
    );
  }
  process.stdout.write(`\nQUALITY P6, map page: gzip -6, KiB; budget ${BUDGET_KIB} KiB, own host only.\n\n${lines.join("\n")}\n`);
  const foreign = results.flatMap((w) => w.foreign);
  if (foreign.length > 0) process.stdout.write(`\nOther hosts asked: ${[...new Set(foreign)].join(", ")}\n`);
  const first = results.find((w) => w.data === "synthetic" && w.page === "/en/map");
  if (first) {
    process.stdout.write(`\nRequests of the synthetic /en/map at ${first.window}:\n`);
    for (const f of first.fetched)
      process.stdout.write(
        `  ${f.kind.padEnd(5)} ${String(kib(f.gzip)).padStart(6)} KiB gz  ${String(kib(f.bytes)).padStart(7)} KiB raw  ${String(f.waitMs).padStart(5)} ms  ${f.url}\n`,
      );
  }
  if (shots.length > 0) process.stdout.write(`\nScreenshots:\n${shots.map((s) => `  ${s}`).join("\n")}\n`);
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    path.join(WORK, "map-weight.json"),
    JSON.stringify({ at: new Date().toISOString(), budgetKiB: BUDGET_KIB, results }, null, 2),
  );
  if (results.some((w) => w.kib.total > BUDGET_KIB || w.foreign.length > 0)) process.exitCode = 1;
}

await main();
