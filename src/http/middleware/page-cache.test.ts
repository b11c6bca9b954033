import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import type { AppEnv } from "../context.ts";
import { PageCache } from "./page-cache.ts";

/** The server main.ts builds: the cache's Node door first, then Hono. */
function listen(fetch: (req: Request) => Response | Promise<Response>, cache: PageCache): Promise<{ server: Server; base: string }> {
  const handle = getRequestListener(fetch);
  const server = createServer((req, res) => {
    if (cache.serveNode(req, res)) return;
    void handle(req, res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe("page cache", () => {
  let renders = 0;
  const cache = new PageCache({ ttlMs: 40, staleMs: 60_000, maxBytes: 10_000 });
  const app = new Hono<AppEnv>();
  app.use("*", cache.middleware);
  app.get("/page", (c) => {
    renders++;
    c.header("X-Frame-Options", "DENY");
    return c.html(`<p>render ${renders}</p>`);
  });
  app.get("/big/:n", (c) => c.html("x".repeat(4_000) + c.req.param("n")));
  app.get("/form", (c) => c.html('<form><input type="hidden" name="_csrf" value="t"></form>'));
  app.get("/cookie", (c) => {
    c.header("Set-Cookie", "a=b");
    return c.html("<p>with a cookie</p>");
  });
  app.post("/write", (c) => c.text("ok"));
  cache.renderWith(async (path) => app.fetch(cache.refreshRequest(path)));

  it("serves a stale page at once and renders it again behind the visitor's back", async () => {
    renders = 0;
    assert.equal(await (await app.request("/page")).text(), "<p>render 1</p>");
    const hit = await app.request("/page");
    assert.equal(hit.headers.get("x-cache"), "hit");
    assert.equal(hit.headers.get("x-frame-options"), "DENY");
    assert.equal(await hit.text(), "<p>render 1</p>");
    await sleep(60);
    assert.equal(await (await app.request("/page")).text(), "<p>render 1</p>", "stale, served without waiting");
    await sleep(20);
    assert.equal(await (await app.request("/page")).text(), "<p>render 2</p>", "the background render replaced it");
    assert.equal(renders, 2);
  });

  it("keeps no page with a form token or a cookie, none for a signed-in visitor, and forgets everything after a write", async () => {
    await app.request("/form");
    assert.equal((await app.request("/form")).headers.get("x-cache"), null);
    await app.request("/cookie");
    assert.equal((await app.request("/cookie")).headers.get("x-cache"), null);
    await app.request("/page");
    assert.equal((await app.request("/page", { headers: { cookie: "jibek_session=abc" } })).headers.get("x-cache"), null);
    assert.equal((await app.request("/page")).headers.get("x-cache"), "hit");
    await app.request("/write", { method: "POST" });
    assert.equal(cache.size, 0);
  });

  it("stays within its byte budget, dropping the least recently used page", async () => {
    cache.clear();
    for (const n of [1, 2]) await app.request(`/big/${n}`);
    await app.request("/big/1");
    await app.request("/big/3");
    assert.equal((await app.request("/big/1")).headers.get("x-cache"), "hit");
    assert.equal((await app.request("/big/3")).headers.get("x-cache"), "hit");
    assert.equal((await app.request("/big/2")).headers.get("x-cache"), null, "the least recently used page went first");
  });

  it("answers a hit from the Node request with the same bytes and headers as the app", async () => {
    cache.clear();
    const { server, base } = await listen(app.fetch, cache);
    try {
      const first = await fetch(`${base}/page`);
      const body = await first.text();
      const second = await fetch(`${base}/page`);
      assert.equal(second.headers.get("x-cache"), "hit");
      assert.equal(await second.text(), body);
      assert.equal(second.headers.get("x-frame-options"), "DENY");
      assert.equal(second.headers.get("content-type"), first.headers.get("content-type"));
      assert.match(second.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
      const signedIn = await fetch(`${base}/page`, { headers: { cookie: "__Host-jibek_session=abc" } });
      assert.equal(signedIn.headers.get("x-cache"), null);
      await signedIn.text();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("page cache in the app", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp("sqlite", { PAGE_CACHE_SECONDS: "60" });
  });
  after(() => t.close());

  it("serves a hit through the Node door with every security header the page had", async () => {
    const cache = t.pageCache;
    assert.ok(cache);
    const { server, base } = await listen(t.app.fetch, cache);
    try {
      const first = await fetch(`${base}/en/zones`);
      const body = await first.text();
      const second = await fetch(`${base}/en/zones`);
      assert.equal(second.headers.get("x-cache"), "hit");
      assert.equal(await second.text(), body);
      for (const name of [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
        "content-language",
        "content-type",
      ]) {
        assert.equal(second.headers.get(name), first.headers.get(name), name);
      }
      assert.notEqual(second.headers.get("x-request-id"), first.headers.get("x-request-id"));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
