import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";

const STORY = "wenzhou-park-groundbreaking";

/** A browser's CSRF seed cookie: the visitor identity a returning browser sends. */
const browser = () => `jibek_csrf=${randomBytes(32).toString("base64url")}`;

for (const dialect of DIALECTS) {
  describe(`news view counts (QUALITY D2) [${dialect}]`, () => {
    let t: TestApp;
    const views = () => t.services.news.views(STORY);

    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it("counts 1,000 concurrent readers exactly: +1,000, and no request fails", async () => {
      const start = await views();
      const responses = await Promise.all(
        Array.from({ length: 1000 }, () =>
          t.app.request(`/en/news/${STORY}`, { headers: { cookie: browser(), "user-agent": "Mozilla/5.0" } }),
        ),
      );
      assert.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
      assert.equal((await views()) - start, 1000);
    });

    it("counts the same reader once a day, even 100 requests at the same moment", async () => {
      const start = await views();
      const cookie = browser();
      const responses = await Promise.all(
        Array.from({ length: 100 }, () => t.app.request(`/en/news/${STORY}`, { headers: { cookie, "user-agent": "Mozilla/5.0" } })),
      );
      assert.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
      assert.equal((await views()) - start, 1);
      // The dedupe is a unique key in the database, not application memory: one row for the visitor today.
      const rows = await t.database.db
        .selectFrom("news_views as v")
        .innerJoin("news_articles as a", "a.id", "v.article_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("a.slug", "=", STORY)
        .executeTakeFirstOrThrow();
      assert.equal(Number(rows.n), 1001);
    });

    it("does not count HEAD, prefetch, prerender or known bots", async () => {
      const start = await views();
      const requests: [string, Record<string, string>][] = [
        ["HEAD", {}],
        ["GET", { "sec-purpose": "prefetch" }],
        ["GET", { "sec-purpose": "prefetch;prerender" }],
        ["GET", { purpose: "prefetch" }],
        ["GET", { "x-moz": "prefetch" }],
        ["GET", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }],
        ["GET", { "user-agent": "Mozilla/5.0 (compatible; YandexBot/3.0)" }],
        ["GET", { "user-agent": "facebookexternalhit/1.1" }],
        ["GET", { "user-agent": "TelegramBot (like TwitterBot)" }],
        ["GET", { "user-agent": "curl/8.5.0" }],
      ];
      for (const [method, headers] of requests) {
        const res = await t.app.request(`/en/news/${STORY}`, { method, headers: { cookie: browser(), ...headers } });
        assert.equal(res.status, 200, `${method} ${JSON.stringify(headers)}`);
      }
      assert.equal(await views(), start);
      // A person after them still counts, and sees the new figure.
      const html = await (await t.app.request(`/en/news/${STORY}`, { headers: { cookie: browser(), "user-agent": "Mozilla/5.0" } })).text();
      assert.equal(await views(), start + 1);
      assert.ok(html.includes(`${(start + 1).toLocaleString("en")} views`));
    });

    it("counts each story separately and shows the count in the list", async () => {
      const other = "sauran-small-industrial-park";
      const before = await t.services.news.views(other);
      const cookie = browser();
      await t.app.request(`/en/news/${other}`, { headers: { cookie } });
      await t.app.request(`/en/news/${STORY}`, { headers: { cookie } });
      assert.equal(await t.services.news.views(other), before + 1);
      const list = await (await t.app.request("/en/news")).text();
      assert.ok(list.includes(`${(await views()).toLocaleString("en")} views`));
    });
  });
}
