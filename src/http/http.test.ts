import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { DIALECTS } from "../../test/support/test-db.ts";
import { LOCALE_TAG, LOCALES } from "../i18n/locales.ts";

const SECURITY_HEADERS = [
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "cross-origin-opener-policy",
];

for (const dialect of DIALECTS) {
  describe(`http surface [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it("sends the visitor from / to their language: cookie first, then Accept-Language, then Kazakh", async () => {
      const zh = await t.app.request("/", { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
      assert.equal(zh.status, 302);
      assert.equal(zh.headers.get("location"), "/zh");
      assert.match(zh.headers.get("vary") ?? "", /Accept-Language/);
      const cookie = await t.app.request("/", { headers: { "accept-language": "zh", cookie: "jibek_locale=ru" } });
      assert.equal(cookie.headers.get("location"), "/ru");
      assert.equal((await t.app.request("/")).headers.get("location"), "/kk");
    });

    it("remembers the language of a visited page for the next visit to /", async () => {
      const client = t.client();
      await client.get("/en/territories");
      assert.equal(client.cookies.get("jibek_locale"), "en");
      assert.equal((await client.get("/")).headers.get("location"), "/en");
    });

    for (const locale of LOCALES) {
      it(`renders ${locale} pages with lang, hreflang alternates and a switcher that keeps the page`, async () => {
        const html = await (await t.app.request(`/${locale}/territories/wenzhou?tab=x`)).text();
        assert.match(html, new RegExp(`<html lang="${LOCALE_TAG[locale]}"`));
        for (const other of LOCALES) {
          assert.match(
            html,
            new RegExp(`<link rel="alternate" hreflang="${LOCALE_TAG[other]}" href="http://localhost:3000/${other}/territories/wenzhou"/>`),
          );
          assert.match(
            html,
            new RegExp(`<a href="/${other}/territories/wenzhou\\?tab=x" hreflang="${LOCALE_TAG[other]}" lang="${LOCALE_TAG[other]}"`),
          );
        }
        assert.match(html, /<link rel="canonical"/);
      });
    }

    it("answers an unknown locale or page with a 404 page in the visitor's language", async () => {
      const unknown = await t.app.request("/de/territories");
      assert.equal(unknown.status, 404);
      for (const [locale, text] of [
        ["kk", "Мұндай бет жоқ"],
        ["kk-latn", "Mūndai bet joq"],
        ["ru", "Такой страницы нет"],
        ["zh", "该页面不存在"],
        ["en", "This page does not exist"],
      ] as const) {
        const res = await t.app.request(`/${locale}/no-such-page`);
        assert.equal(res.status, 404);
        assert.match(await res.text(), new RegExp(text));
      }
    });

    it("puts security headers on pages, redirects, errors, API answers and static files", async () => {
      for (const path of [
        "/kk",
        "/",
        "/kk/nope",
        "/api/v1/territories",
        "/api/v1/nope",
        "/healthz",
        t.app.routes.find((r) => r.path.startsWith("/static/"))?.path ?? "",
      ]) {
        const res = await t.app.request(path);
        for (const h of SECURITY_HEADERS) assert.ok(res.headers.get(h), `${path} lacks ${h}`);
        assert.equal(res.headers.get("server"), null);
        assert.equal(res.headers.get("x-powered-by"), null);
        assert.ok(res.headers.get("x-request-id"));
      }
      const csp = (await t.app.request("/kk")).headers.get("content-security-policy") ?? "";
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.match(csp, /frame-ancestors 'none'/);
    });

    it("answers API errors as JSON with a stable code and a localized message", async () => {
      const res = await t.app.request("/api/v1/territories/nowhere", { headers: { "accept-language": "ru" } });
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { error: { code: "territory_not_found", message: "Такой территории нет." } });
      const denied = await t.app.request("/api/v1/users");
      assert.equal(denied.status, 401);
      assert.equal(((await denied.json()) as { error: { code: string } }).error.code, "unauthenticated");
    });

    it("refuses a form post without a valid CSRF token or from another origin, and changes nothing", async () => {
      const admin = await t.signIn("admin");
      const victim = await t.signIn("enterprise");
      const before = await t.database.db.selectFrom("users").selectAll().orderBy("id").execute();
      const noToken = await admin.client.form(`/en/admin/users/${victim.userId}/role`, { role: "admin" }, { csrf: false });
      assert.equal(noToken.status, 403);
      const badToken = await admin.client.form(
        `/en/admin/users/${victim.userId}/role`,
        { role: "admin", _csrf: "x".repeat(43) },
        { csrf: false },
      );
      assert.equal(badToken.status, 403);
      const crossSite = await admin.client.request(`/en/admin/users/${victim.userId}/role`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ role: "admin", _csrf: admin.client.csrfToken() }),
      });
      assert.equal(crossSite.status, 403);
      assert.deepEqual(await t.database.db.selectFrom("users").selectAll().orderBy("id").execute(), before);
    });

    it("never writes on GET", async () => {
      const admin = await t.signIn("admin");
      const count = async () =>
        (
          await t.database.db
            .selectFrom("audit_events")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n;
      const n = Number(await count());
      for (const path of ["/en/logout", `/en/admin/users/${admin.userId}/suspend`])
        assert.equal((await admin.client.get(path)).status, 404);
      assert.equal(Number(await count()), n);
    });

    it("serves an OpenAPI 3.1 document generated from the schemas, and a readable reference page", async () => {
      const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
        openapi: string;
        paths: Record<
          string,
          Record<string, { responses: Record<string, { content: { "application/json": { schema: { properties?: object } } } }> }>
        >;
      };
      assert.equal(doc.openapi, "3.1.0");
      assert.ok(doc.paths["/api/v1/territories/{slug}"]?.get);
      const schema = doc.paths["/api/v1/territories"]?.get?.responses["200"]?.content["application/json"].schema;
      assert.ok(schema?.properties && "items" in schema.properties);
      const apiRoutes = t.app.routes.filter(
        (r) => r.path.startsWith("/api/v1/") && r.method !== "ALL" && r.path !== "/api/v1/openapi.json",
      );
      for (const r of apiRoutes)
        assert.ok(doc.paths[r.path.replace(/:([A-Za-z_]+)/g, "{$1}")]?.[r.method.toLowerCase()], `${r.method} ${r.path} not documented`);
      const page = await (await t.app.request("/zh/api")).text();
      assert.match(page, /API 参考/);
      assert.match(page, /\/api\/v1\/territories/);
    });

    it("reports liveness and readiness", async () => {
      assert.deepEqual(await (await t.app.request("/healthz")).json(), { status: "ok" });
      assert.deepEqual(await (await t.app.request("/readyz")).json(), { status: "ready", database: dialect });
    });

    it("serves the stylesheet with a long cache when the URL carries its hash", async () => {
      const css = t.app.routes.find((r) => r.path === "/static/app.css");
      assert.ok(css);
      const html = await (await t.app.request("/en")).text();
      const href = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(html)?.[1] ?? "";
      const res = await t.app.request(href);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("cache-control") ?? "", /immutable/);
      assert.match(res.headers.get("content-type") ?? "", /text\/css/);
    });

    it("turns an unexpected failure into a 500 page that hides the details and logs them", async () => {
      const broken = await createTestApp(dialect);
      await broken.database.db.destroy();
      after(() => broken.close());
      const res = await broken.app.request("/en/territories");
      assert.equal(res.status, 500);
      const html = await res.text();
      assert.match(html, /Something went wrong on our side/);
      assert.doesNotMatch(html, /Error:|at .*\.ts/);
      assert.ok(res.headers.get("content-security-policy"));
      assert.ok(broken.logs.some((l) => l.includes("unhandled error")));
      assert.equal((await broken.app.request("/readyz")).status, 503);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`page cache [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { PAGE_CACHE_SECONDS: "60" });
    });
    after(() => t.close());

    it("serves an anonymous public page from memory and never a signed-in one", async () => {
      const first = await t.app.request("/en/zones");
      assert.equal(first.headers.get("x-cache"), null);
      const second = await t.app.request("/en/zones");
      assert.equal(second.headers.get("x-cache"), "hit");
      assert.equal(await second.text(), await first.text());
      assert.ok(second.headers.get("content-security-policy"));
      const { client } = await t.signIn("manager");
      const signedIn = await client.get("/en/zones");
      assert.equal(signedIn.headers.get("x-cache"), null);
      assert.match(await signedIn.text(), /Sign out/);
    });

    it("never keeps a page carrying a form token, and a successful write empties the cache", async () => {
      await t.app.request("/en/login");
      assert.equal((await t.app.request("/en/login")).headers.get("x-cache"), null);
      await t.app.request("/en/plots/TRN-IND-P01");
      assert.equal((await t.app.request("/en/plots/TRN-IND-P01")).headers.get("x-cache"), "hit");
      const { client } = await t.signIn("manager");
      await client.form("/en/admin/plots/TRN-IND-P01/status", { status: "idle", reason: "Tenant left" });
      const after = await t.app.request("/en/plots/TRN-IND-P01");
      assert.equal(after.headers.get("x-cache"), null);
      assert.match(await after.text(), /Tenant left/);
    });
  });
}
