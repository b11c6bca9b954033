import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";

/**
 * Rendered public pages, kept in memory for anonymous visitors (QUALITY P1: rendering, not the
 * framework, sets the pace — STACK-NOTES measured ~5× for a cached page).
 *
 * Only GETs without a session cookie, answered 200 with HTML that holds no form token, are kept;
 * any successful write in this process empties the cache, and entries expire after `ttlMs`, which
 * bounds how stale another process's copy can be. Kept small: an LRU of `maxEntries` pages.
 */
export interface PageCacheOptions {
  ttlMs: number;
  maxEntries: number;
}

interface Entry {
  body: string;
  headers: [string, string][];
  storedAt: number;
}

const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const KEEP_HEADERS = ["content-type", "content-language", "vary"];

export function createPageCache(options: PageCacheOptions) {
  const entries = new Map<string, Entry>();

  const middleware: MiddlewareHandler<AppEnv> = async function pageCacheMiddleware(c, next) {
    if (WRITE.has(c.req.method)) {
      await next();
      if (c.res.status < 400) entries.clear();
      return;
    }
    const cookie = c.req.header("cookie") ?? "";
    const cacheable = c.req.method === "GET" && !/(?:^|;\s*)(?:__Host-)?jibek_(?:session|flash)=/.test(cookie);
    if (!cacheable) return next();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit && Date.now() - hit.storedAt < options.ttlMs) {
      entries.delete(key);
      entries.set(key, hit);
      for (const [name, value] of hit.headers) c.header(name, value);
      c.header("X-Cache", "hit");
      return c.body(hit.body, 200);
    }
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    if (c.res.status !== 200 || !type.startsWith("text/html")) return;
    const body = await c.res.clone().text();
    if (body.includes('name="_csrf"')) return;
    entries.set(key, {
      body,
      headers: KEEP_HEADERS.flatMap((h) => (c.res.headers.get(h) ? [[h, c.res.headers.get(h) as string] as [string, string]] : [])),
      storedAt: Date.now(),
    });
    if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
  };

  return { middleware, clear: () => entries.clear(), size: () => entries.size };
}
