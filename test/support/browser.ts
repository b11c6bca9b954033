/**
 * Browser journeys: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * and the real app listening on a free local port in this process.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";
import type { DialectName } from "../../src/db/dialect.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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

/** One browser per suite; open a fresh context per test with newContext(). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A clean context (no cookies, no storage) with sensible defaults for the journeys. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", ...options });
}

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  baseUrl: string;
  testApp: TestApp;
  close(): Promise<void>;
}

/** Starts the real app (fresh migrated + seeded database) on a free port of 127.0.0.1. */
export async function startApp(dialect: DialectName, env: Record<string, string> = {}): Promise<RunningApp> {
  const testApp = await createTestApp(dialect, env);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: testApp.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo | null;
  if (!address || typeof address === "string") throw new Error("the test server has no TCP address");
  const baseUrl = `http://127.0.0.1:${address.port}`;
  let closed = false;
  return {
    baseUrl,
    testApp,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from the browser would otherwise hold close() open.
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await testApp.close();
    },
  };
}
