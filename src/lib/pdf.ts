/**
 * HTML → PDF with headless Chromium (docs/decisions/008-pdf-rendering.md): the same HTML and
 * CSS as a printable page, so Chinese and Kazakh are shaped by the browser and the fonts it
 * used are embedded. One browser per process, launched on first use, reused, closed after a
 * quiet spell or by closePdfRenderer(). Finished PDFs are kept in a small LRU by key.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface PdfRendererOptions {
  /** Chromium's executable; a missing file makes every render fail with PdfUnavailableError. */
  executablePath: string;
  /** Finished PDFs kept in memory, by count and by total size. */
  cacheEntries: number;
  cacheBytes: number;
  /** Close the browser after this long without a render (it is relaunched on demand, ~0.7 s). */
  idleMs: number;
  /** Pages printed at the same time; others wait their turn. */
  concurrency: number;
}

/** Chromium (or playwright-core) is not there or could not start: the caller answers 503. */
export class PdfUnavailableError extends Error {
  override name = "PdfUnavailableError";
}

export interface PdfRequest {
  html: string;
  /** Readable part of the cache key (e.g. locale/plot/code/verified-at); the HTML's hash is appended. */
  cacheKey: string;
  /** Small text at the foot of every page (escaped here), with "page / pages" beside it. */
  footer?: string;
}

let options: PdfRendererOptions = {
  executablePath: DEFAULT_CHROMIUM_PATH,
  cacheEntries: 48,
  cacheBytes: 32 * 1024 * 1024,
  idleMs: 15_000,
  concurrency: 2,
};

let browser: Promise<Browser> | null = null;
let current: Browser | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let active = 0;
const waiting: (() => void)[] = [];
const cache = new Map<string, Uint8Array>();
let cachedBytes = 0;
const inFlight = new Map<string, Promise<Uint8Array>>();

/** Changes options (tests point executablePath at a missing file); closes the browser and empties the cache. */
export async function configurePdfRenderer(changes: Partial<PdfRendererOptions>): Promise<void> {
  await closePdfRenderer();
  options = { ...options, ...changes };
  cache.clear();
  cachedBytes = 0;
}

/** Closes the browser if one is running. Call it on shutdown (and after a test suite). */
export async function closePdfRenderer(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const running = browser;
  browser = null;
  current = null;
  if (!running) return;
  try {
    await (await running).close();
  } catch {
    // It failed to start or has already gone: nothing to close.
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function remember(key: string, pdf: Uint8Array): void {
  if (pdf.byteLength > options.cacheBytes / 4) return;
  cache.set(key, pdf);
  cachedBytes += pdf.byteLength;
  for (const [oldKey, old] of cache) {
    if (cache.size <= options.cacheEntries && cachedBytes <= options.cacheBytes) break;
    cache.delete(oldKey);
    cachedBytes -= old.byteLength;
  }
}

async function launch(): Promise<Browser> {
  if (!existsSync(options.executablePath)) throw new PdfUnavailableError(`Chromium not found at ${options.executablePath}`);
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (error) {
    throw new PdfUnavailableError(`playwright-core is not installed: ${(error as Error).message}`);
  }
  try {
    const launched = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS, timeout: 20_000 });
    // A crashed browser is forgotten, so the next request starts a new one.
    launched.on("disconnected", () => {
      if (current === launched) {
        current = null;
        browser = null;
      }
    });
    current = launched;
    return launched;
  } catch (error) {
    throw new PdfUnavailableError(`Chromium did not start: ${(error as Error).message}`);
  }
}

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const starting = launch();
    browser = starting;
    // A failed start is not kept: the next request tries again.
    starting.catch(() => {
      if (browser === starting) browser = null;
    });
  }
  return browser;
}

async function slot(): Promise<() => void> {
  if (active >= options.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  return () => {
    active--;
    waiting.shift()?.();
    if (active === 0 && waiting.length === 0) {
      idleTimer = setTimeout(() => void closePdfRenderer(), options.idleMs);
      idleTimer.unref();
    }
  };
}

async function print(request: PdfRequest): Promise<Uint8Array> {
  const release = await slot();
  try {
    const context = await (await getBrowser()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // The document is self-contained; nothing may be fetched while printing.
      await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
      await page.setContent(request.html, { waitUntil: "load", timeout: 20_000 });
      const footer = request.footer
        ? `<div style="font-size:7pt;color:#5a6878;width:100%;margin:0 14mm;display:flex;justify-content:space-between;font-family:'Noto Sans','DejaVu Sans','Noto Sans CJK SC',sans-serif"><span>${escapeHtml(request.footer)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
        : undefined;
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: Boolean(footer),
        headerTemplate: "<span></span>",
        footerTemplate: footer ?? "<span></span>",
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    release();
  }
}

/**
 * The PDF of a self-contained HTML document (styles inlined; no script runs, nothing is fetched).
 * Throws PdfUnavailableError when Chromium cannot be used.
 */
export async function renderPdf(request: PdfRequest): Promise<Uint8Array> {
  const hash = createHash("sha256")
    .update(request.html)
    .update("\u0000")
    .update(request.footer ?? "")
    .digest("hex")
    .slice(0, 20);
  const key = `${request.cacheKey}#${hash}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let pending = inFlight.get(key);
  if (!pending) {
    pending = print(request).then((pdf) => {
      remember(key, pdf);
      return pdf;
    });
    inFlight.set(key, pending);
    pending.then(
      () => inFlight.delete(key),
      () => inFlight.delete(key),
    );
  }
  return pending;
}
