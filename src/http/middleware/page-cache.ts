import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";

/**
 * Rendered public pages, kept in memory as final bytes for anonymous visitors (QUALITY P1).
 *
 * Only GETs without a session or flash cookie, answered 200 with HTML that sets no cookie and holds
 * no form token, are kept — with every header the full chain gave them (security headers
 * included), so a hit is a `Map.get` and one write. Two doors lead to the same entries:
 * `serveNode` answers a hit straight from the Node request, before Hono builds a `Request`
 * (the server uses it); `middleware`, the outermost of the app, answers hits for in-process
 * requests and fills the cache on a miss.
 *
 * Freshness: an entry is fresh for `ttlMs`; after that, for up to `staleMs` more, it is still
 * served while one background request renders it again (stale-while-revalidate), so no visitor
 * waits behind a slow render. Any successful write in this process empties the cache; the TTL
 * bounds how stale another process's copy can be. Bounded by bytes, least recently used first.
 */
export interface PageCacheOptions {
  ttlMs: number;
  staleMs: number;
  maxBytes: number;
}

interface Entry {
  body: Uint8Array<ArrayBuffer>;
  /** Final headers, `x-cache: hit` included, without a request id. */
  headers: OutgoingHttpHeaders;
  storedAt: number;
}

type Render = (path: string) => Promise<unknown>;

const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const PRIVATE_COOKIE = /(?:^|;\s*)(?:__Host-)?jibek_(?:session|flash)=/;
/** Never stored: per-request headers, and cookies (a CSRF seed is one browser's own). */
const NOT_STORED = new Set(["x-request-id", "x-cache", "content-length", "date", "set-cookie"]);
const SHAREABLE_COOKIE = /^(?:__Host-)?jibek_(?:csrf|locale)=/;
const CSRF_FIELD = Buffer.from('name="_csrf"');

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly refreshing = new Set<string>();
  private bytes = 0;
  /** Bumped by every clear: a render that began before a write must not store its older page. */
  private generation = 0;
  private render: Render | null = null;

  constructor(private readonly options: PageCacheOptions) {}

  /** How a stale entry is rendered again: a request through the whole app, made by the app. */
  renderWith(render: Render): void {
    this.render = render;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Answers a cached page from the Node request itself; false when the app must answer. */
  serveNode(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" || !req.url || PRIVATE_COOKIE.test(req.headers.cookie ?? "")) return false;
    const entry = this.lookup(req.url);
    if (!entry) return false;
    const incoming = req.headers["x-request-id"];
    res.setHeader("X-Request-Id", typeof incoming === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID());
    res.writeHead(200, entry.headers);
    res.end(entry.body);
    return true;
  }

  readonly middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (WRITE.has(c.req.method)) {
      await next();
      if (c.res.status < 400) this.clear();
      return;
    }
    if (c.req.method !== "GET" || PRIVATE_COOKIE.test(c.req.header("cookie") ?? "")) return next();
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const refresh = c.req.header("x-jibek-refresh") === this.refreshToken;
    const hit = refresh ? undefined : this.lookup(key);
    if (hit) {
      const headers = new Headers(hit.headers as Record<string, string>);
      headers.set("X-Request-Id", randomUUID());
      return new Response(hit.body, { status: 200, headers });
    }
    const generation = this.generation;
    await next();
    if (generation === this.generation) await this.store(key, c.res);
  };

  /** A secret per process: only the cache's own background renders may skip the lookup. */
  private readonly refreshToken = randomUUID();

  private lookup(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = Date.now() - entry.storedAt;
    if (age >= this.options.ttlMs + this.options.staleMs) return undefined;
    // Most recently used last: the byte bound evicts from the front.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (age >= this.options.ttlMs) this.revalidate(key);
    return entry;
  }

  private revalidate(key: string): void {
    if (!this.render || this.refreshing.has(key)) return;
    this.refreshing.add(key);
    const done = () => this.refreshing.delete(key);
    // The render stores its own result through the middleware; a failure keeps the stale copy.
    setImmediate(() => {
      this.render?.(key).then(done, done);
    });
  }

  private async store(key: string, res: Response): Promise<void> {
    const type = res.headers.get("content-type") ?? "";
    if (res.status !== 200 || !type.startsWith("text/html")) return;
    // A page that sets anything but the per-browser CSRF seed or the language is someone's own.
    if (res.headers.getSetCookie().some((cookie) => !SHAREABLE_COOKIE.test(cookie))) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (contains(body, CSRF_FIELD)) return;
    const headers: OutgoingHttpHeaders = {};
    res.headers.forEach((value, name) => {
      if (!NOT_STORED.has(name)) headers[name] = value;
    });
    headers["content-length"] = String(body.byteLength);
    headers["x-cache"] = "hit";
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, { body, headers, storedAt: Date.now() });
    this.bytes += body.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.byteLength;
    }
  }

  /** The request a background render sends: marked so the middleware renders instead of looking up. */
  refreshRequest(path: string): Request {
    return new Request(new URL(path, "http://localhost"), { headers: { "x-jibek-refresh": this.refreshToken } });
  }
}

function contains(haystack: Uint8Array<ArrayBuffer>, needle: Buffer): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(needle);
}
