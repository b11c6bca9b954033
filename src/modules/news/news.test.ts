import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import type { TestClient } from "../../../test/support/test-client.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { renderMarkdown } from "./news.markdown.ts";
import { commentFormToken, entityCatalog } from "./news.service.ts";

const MEETING = "turkistan-wenzhou-meeting";
const SAURAN = "sauran-small-industrial-park";
const IN_REVIEW = "turan-sez-area-figures";

/** A comment form as a reader's browser sends it, opened `openedAgoMs` before. */
function commentForm(t: TestApp, slug: string, fields: Record<string, string>, openedAgoMs = 10_000): Record<string, string> {
  return {
    name: "Айгүл",
    email: "aigul@example.kz",
    body: "Өте пайдалы жаңалық, рақмет!",
    website: "",
    started: commentFormToken(t.config.sessionSecret, slug, Date.now() - openedAgoMs),
    ...fields,
  };
}

/** A new browser: its own CSRF seed, so its own visitor identity. */
async function reader(t: TestApp): Promise<TestClient> {
  const client = t.client();
  await client.get("/en/login");
  return client;
}

function storyForm(slug: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    slug,
    originalLocale: "kk",
    authorName: "Test desk",
    tags: "test, wenzhou",
    "kk.title": "Сынақ жаңалығы",
    "kk.lead": "Түркістан облысының әкімі Вэньчжоу қаласының мэрімен кездесті.",
    "kk.body": "Делегация Туркестанской области побывала в Вэньчжоу. 陕西省 делегациясы да келді.",
    "kk.coverAlt": "",
    ...extra,
  };
}

for (const dialect of DIALECTS) {
  describe(`news [${dialect}]`, () => {
    let t: TestApp;
    let editor: TestClient;
    let manager: TestClient;
    let enterprise: TestClient;

    before(async () => {
      t = await createTestApp(dialect);
      editor = (await t.signIn("editor")).client;
      manager = (await t.signIn("manager")).client;
      enterprise = (await t.signIn("enterprise")).client;
    });
    after(() => t.close());

    it("lists the demo stories; the Wenzhou meeting starts at the seed's 45 views and 0 comments", async () => {
      const story = (await (await t.app.request(`/api/v1/news/${MEETING}`)).json()) as {
        views: number;
        comments: number;
        languages: Record<string, string>;
      };
      assert.equal(story.views, 45);
      assert.equal(story.comments, 0);
      assert.deepEqual(story.languages, { kk: "original", ru: "translated", zh: "translated", en: "translated" });
      const list = await (await t.app.request("/kk/news")).text();
      assert.match(list, /Түркістан облысы мен Вэньчжоу бірлескен индустриялық аймақ құруға келісті/);
      assert.match(list, /45 қаралым/);
      assert.doesNotMatch(list, /Сколько гектаров/, "a story in review is not listed");
    });

    it("reads the story in every locale; Kazakh Latin is derived from Kazakh", async () => {
      const expected = {
        kk: "Түркістан облысы мен Вэньчжоу",
        "kk-latn": "Türkıstan oblysy men Vençjou",
        ru: "Туркестанская область и Вэньчжоу",
        zh: "突厥斯坦州与温州商定共建产业园区",
        en: "Turkistan Region and Wenzhou agree",
      } as const;
      for (const locale of LOCALES) {
        const res = await t.app.request(`/${locale}/news/${MEETING}`, { method: "HEAD" });
        assert.equal(res.status, 200);
        const html = await (await t.app.request(`/${locale}/news/${MEETING}`, { headers: { "user-agent": "Googlebot/2.1" } })).text();
        assert.ok(html.includes(expected[locale]), `${locale} title`);
      }
    });

    it("shows readers of a missing language the original with a notice and links to the languages that exist", async () => {
      const html = await (await t.app.request(`/zh/news/${SAURAN}`)).text();
      assert.match(html, /这篇新闻尚无中文版本/);
      assert.match(html, /Малый промышленный парк в Сауранском районе/);
      for (const l of ["kk", "ru", "en"]) assert.match(html, new RegExp(`href="/${l}/news/${SAURAN}"`));
      const languages = /<nav class="news-languages"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
      assert.match(languages, new RegExp(`href="/ru/news/${SAURAN}"`));
      assert.doesNotMatch(languages, new RegExp(`href="/zh/news/${SAURAN}"`), "no link to a missing translation");
      const list = await (await t.app.request("/zh/news")).text();
      assert.match(list, /仅有原文：俄语/);
    });

    it("takes a story from draft to review (manager), to published (editor only), to archive; revisions are kept", async () => {
      const slug = `workflow-${dialect}`;
      assert.equal((await manager.form("/en/admin/news/new", storyForm(slug))).status, 303);
      assert.equal((await t.app.request(`/en/news/${slug}`)).status, 404, "a draft is not public");
      assert.equal((await manager.form(`/en/admin/news/${slug}/status`, { to: "in_review" })).status, 303);
      assert.equal((await manager.form(`/en/admin/news/${slug}/status`, { to: "published" })).status, 403, "managers do not publish");
      assert.equal((await enterprise.form(`/en/admin/news/${slug}/status`, { to: "published" })).status, 403);
      assert.equal((await t.client().form(`/en/admin/news/${slug}/status`, { to: "published" })).status, 401);
      assert.equal((await t.app.request(`/en/news/${slug}`)).status, 404, "in review is not public");

      // Staff preview a story that is not out yet; nobody else can.
      assert.equal((await manager.get(`/en/admin/news/${slug}/preview`)).status, 200);
      assert.equal((await enterprise.get(`/en/admin/news/${slug}/preview`)).status, 403);
      assert.equal((await t.client().get(`/en/admin/news/${slug}/preview`)).status, 302);

      assert.equal((await editor.form(`/en/admin/news/${slug}/status`, { to: "published" })).status, 303);
      assert.equal((await t.app.request(`/en/news/${slug}`)).status, 200);
      // Once out, a manager can no longer change it.
      assert.equal((await manager.form(`/en/admin/news/${slug}/edit`, storyForm(slug, { "kk.title": "Өзгерту" }))).status, 403);
      assert.equal((await editor.form(`/en/admin/news/${slug}/edit`, storyForm(slug, { "kk.title": "Жаңартылған тақырып" }))).status, 303);
      assert.match(await (await t.app.request(`/kk/news/${slug}`)).text(), /Жаңартылған тақырып/);

      assert.equal((await editor.form(`/en/admin/news/${slug}/status`, { to: "archived" })).status, 303);
      assert.equal((await t.app.request(`/en/news/${slug}`)).status, 404, "archived stories are not public");
      const revisions = await t.database.db
        .selectFrom("news_revisions as r")
        .innerJoin("news_articles as a", "a.id", "r.article_id")
        .select(["r.note", "r.revision"])
        .where("a.slug", "=", slug)
        .orderBy("r.revision")
        .execute();
      assert.deepEqual(
        revisions.map((r) => r.note),
        ["created", "in_review", "published", "saved", "archived"],
      );
      const audit = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", slug).execute();
      assert.ok(audit.some((a) => a.action === "news.article_published"));
    });

    it("schedules a story: public only from its time on, with no job to run", async () => {
      const slug = `scheduled-${dialect}`;
      await editor.form("/en/admin/news/new", storyForm(slug));
      const res = await editor.form(`/en/admin/news/${slug}/status`, { to: "scheduled", publishAt: "2099-01-01T10:00" });
      assert.equal(res.status, 303);
      assert.equal((await t.app.request(`/en/news/${slug}`)).status, 404);
      const later = await t.services.news.read(slug, new Date("2099-01-01T05:00:01Z"));
      assert.equal(later.article.status, "published");
      await assert.rejects(t.services.news.read(slug, new Date("2099-01-01T04:59:59Z")));
      const past = await editor.form(`/en/admin/news/${slug}/status`, { to: "draft" });
      assert.equal(past.status, 303);
      const bad = await editor.form(`/en/admin/news/${slug}/status`, { to: "scheduled", publishAt: "2001-01-01T10:00" });
      assert.equal(bad.status, 303);
      assert.equal((await t.services.news.preview({ id: 1, role: "editor", organisationId: null }, slug)).status, "draft");
    });

    it("keeps drafts and stories in review out of every public channel", async () => {
      const channels = [
        "/en/news",
        "/en/news/rss.xml",
        "/en/news/atom.xml",
        "/sitemap.xml",
        "/api/v1/news",
        "/en/search?q=hectares",
        "/api/v1/search?q=Turan",
      ];
      for (const path of channels) assert.doesNotMatch(await (await t.app.request(path)).text(), new RegExp(IN_REVIEW), path);
      assert.equal((await t.app.request(`/en/news/${IN_REVIEW}`)).status, 404);
      assert.equal((await t.app.request(`/api/v1/news/${IN_REVIEW}`)).status, 404);
    });

    it("shows a comment in no channel until a moderator approves it; then everywhere, counted once", async () => {
      const text = `Pending-${dialect}-comment about Wenzhou trade`;
      const client = await reader(t);
      const posted = await client.form(
        `/en/news/${MEETING}/comments`,
        commentForm(t, MEETING, { body: text, email: "secret-reader@example.kz" }),
      );
      assert.equal(posted.status, 303);
      assert.match(posted.headers.get("location") ?? "", /#comments$/);

      const channels = async () => ({
        page: await (await t.app.request(`/en/news/${MEETING}`, { method: "GET", headers: { "user-agent": "bot" } })).text(),
        list: await (await t.app.request("/en/news")).text(),
        api: (await (await t.app.request(`/api/v1/news/${MEETING}`)).json()) as { comments: number },
        apiComments: (await (await t.app.request(`/api/v1/news/${MEETING}/comments`)).json()) as {
          items: { body: string }[];
          total: number;
        },
        apiList: (await (await t.app.request("/api/v1/news")).json()) as { items: { slug: string; comments: number }[] },
        rss: await (await t.app.request("/en/news/rss.xml")).text(),
        atom: await (await t.app.request("/en/news/atom.xml")).text(),
        search: await (await t.app.request(`/en/search?q=${encodeURIComponent(`Pending-${dialect}-comment`)}`)).text(),
      });
      const before = await channels();
      assert.ok(!before.page.includes(text));
      assert.match(before.page, /0 comments/);
      assert.equal(before.api.comments, 0);
      assert.equal(before.apiComments.total, 0);
      assert.equal(before.apiList.items.find((i) => i.slug === MEETING)?.comments, 0);
      assert.match(before.list, /45 views|46 views|47 views|0 comments/);
      for (const feed of [before.rss, before.atom, before.search]) assert.ok(!feed.includes(text));

      const id = (await t.database.db.selectFrom("news_comments").select("id").where("body", "=", text).executeTakeFirstOrThrow()).id;
      const approved = await editor.form("/en/admin/news/comments", { one: `${id}:approve` });
      assert.equal(approved.status, 303);

      const after = await channels();
      assert.ok(after.page.includes(text));
      assert.match(after.page, /1 comment\b/);
      assert.equal(after.api.comments, 1);
      assert.deepEqual(
        after.apiComments.items.map((c) => c.body),
        [text],
      );
      assert.equal(after.apiList.items.find((i) => i.slug === MEETING)?.comments, 1);
      // The e-mail is for moderators only.
      for (const body of [after.page, JSON.stringify(after.apiComments), JSON.stringify(after.api)])
        assert.ok(!body.includes("secret-reader@example.kz"));
      assert.ok(!t.logs.some((l) => l.includes("secret-reader@example.kz")), "no e-mail in the logs");
      const audit = await t.database.db
        .selectFrom("audit_events")
        .selectAll()
        .where("subject_type", "=", "news_comment")
        .where("subject_id", "=", String(id))
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.action, "news.comment_approve");
      assert.ok(audit[0]?.actor_user_id);
      assert.ok(audit[0]?.request_id);
    });

    it("refuses bots and floods with a message that says what to do, keeping what the reader typed", async () => {
      const typed = "Менің пікірім сақталуы керек";
      const cases: [string, Record<string, string>, number, RegExp][] = [
        ["honeypot", commentForm(t, MEETING, { body: typed, website: "http://spam.example" }), 422, /not accepted/],
        ["too fast", commentForm(t, MEETING, { body: typed }, 500), 422, /Sent too quickly/],
        [
          "forged token",
          { ...commentForm(t, MEETING, { body: typed }), started: `${Date.now() - 60_000}.forged` },
          422,
          /form has expired/,
        ],
        ["stale token", commentForm(t, MEETING, { body: typed }, 2 * 86_400_000), 422, /form has expired/],
        [
          "token of another story",
          { ...commentForm(t, MEETING, { body: typed }), started: commentFormToken(t.config.sessionSecret, SAURAN, Date.now() - 60_000) },
          422,
          /form has expired/,
        ],
        ["links", commentForm(t, MEETING, { body: `${typed} http://a.example http://b.example www.c.example` }), 422, /Too many links/],
        ["no name", commentForm(t, MEETING, { body: typed, name: "" }), 422, /Fill in this field/],
        ["bad e-mail", commentForm(t, MEETING, { body: typed, email: "not-an-address" }), 422, /Enter an e-mail address/],
      ];
      for (const [name, form, status, message] of cases) {
        const res = await (await reader(t)).form(`/en/news/${MEETING}/comments`, form);
        assert.equal(res.status, status, name);
        const html = await res.text();
        assert.match(html, message, name);
        assert.ok(html.includes(typed), `${name}: the text is kept`);
      }
      const stored = await t.database.db.selectFrom("news_comments").select("id").where("body", "like", `${typed}%`).execute();
      assert.equal(stored.length, 0, "nothing refused was stored");

      // The same text twice is a duplicate, from anyone.
      const once = `Duplicate check ${dialect}`;
      assert.equal((await (await reader(t)).form(`/en/news/${MEETING}/comments`, commentForm(t, MEETING, { body: once }))).status, 303);
      const dup = await (await reader(t)).form(
        `/en/news/${MEETING}/comments`,
        commentForm(t, MEETING, { body: `  ${once.toUpperCase()} ` }),
      );
      assert.equal(dup.status, 422);
      assert.match(await dup.text(), /already been sent/);

      // Five per visitor per ten minutes, counted in the database, also when sent at once.
      const flooder = await reader(t);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          flooder.form(`/en/news/${MEETING}/comments`, commentForm(t, MEETING, { body: `Flood ${dialect} number ${i}` })),
        ),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [303, 303, 303, 303, 303, 429, 429, 429]);
      assert.match(await (results.find((r) => r.status === 429) as Response).text(), /too many comments/);
    });

    it("lets moderators approve, reject and mark spam in bulk, and refuses managers", async () => {
      const bodies = [`Bulk A ${dialect}`, `Bulk B ${dialect}`, `Bulk C ${dialect}`];
      for (const body of bodies) await (await reader(t)).form(`/en/news/${SAURAN}/comments`, commentForm(t, SAURAN, { body }));
      const ids = (
        await t.database.db.selectFrom("news_comments").select(["id", "body"]).where("body", "in", bodies).orderBy("id").execute()
      ).map((r) => String(r.id));
      assert.equal(ids.length, 3);
      const queue = await (await editor.get("/en/admin/news/comments")).text();
      for (const body of bodies) assert.ok(queue.includes(body));
      assert.ok(queue.includes("aigul@example.kz"), "moderators see the e-mail");

      assert.equal((await manager.form("/en/admin/news/comments", { ids: ids[0] ?? "", action: "approve" })).status, 403);
      assert.equal((await manager.get("/en/admin/news/comments")).status, 403);

      const form = new URLSearchParams({ _csrf: editor.csrfToken(), action: "approve" });
      for (const id of ids.slice(0, 2)) form.append("ids", id);
      const res = await editor.request("/en/admin/news/comments", {
        method: "POST",
        body: form,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      assert.equal(res.status, 303);
      assert.equal((await editor.form("/en/admin/news/comments", { one: `${ids[2]}:spam` })).status, 303);
      const statuses = await t.database.db.selectFrom("news_comments").select("status").where("body", "in", bodies).orderBy("id").execute();
      assert.deepEqual(
        statuses.map((s) => s.status),
        ["approved", "approved", "spam"],
      );
      const page = await (await t.app.request(`/en/news/${SAURAN}`)).text();
      assert.ok(page.includes(bodies[0] as string) && page.includes(bodies[1] as string) && !page.includes(bodies[2] as string));
      // The API refuses managers too, and moderates for editors.
      const api = await editor.request("/api/v1/news/comments/moderate", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": editor.csrfToken() },
        body: JSON.stringify({ ids: [Number(ids[1])], action: "reject" }),
      });
      assert.deepEqual(await api.json(), { changed: 1 });
      const managerApi = await manager.request("/api/v1/news/comments/moderate", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": manager.csrfToken() },
        body: JSON.stringify({ ids: [Number(ids[1])], action: "approve" }),
      });
      assert.equal(managerApi.status, 403);
    });

    it("serves RSS and Atom per locale and a sitemap with alternates, all valid XML a standard parser reads", async () => {
      const parser = new XMLParser({ ignoreAttributes: false });
      for (const locale of LOCALES) {
        for (const kind of ["rss", "atom"] as const) {
          const res = await t.app.request(`/${locale}/news/${kind}.xml`);
          assert.equal(res.status, 200);
          assert.match(res.headers.get("content-type") ?? "", kind === "rss" ? /application\/rss\+xml/ : /application\/atom\+xml/);
          const xml = await res.text();
          assert.equal(XMLValidator.validate(xml), true, `${locale} ${kind}`);
          const doc = parser.parse(xml);
          const items = kind === "rss" ? doc.rss.channel.item : doc.feed.entry;
          assert.ok(Array.isArray(items) && items.length >= 4, `${locale} ${kind} items`);
        }
      }
      const zh = new XMLParser().parse(await (await t.app.request("/zh/news/rss.xml")).text());
      assert.ok(JSON.stringify(zh).includes("突厥斯坦州与温州商定共建产业园区"));
      const sitemap = await (await t.app.request("/sitemap.xml")).text();
      assert.equal(XMLValidator.validate(sitemap), true);
      const urls = new XMLParser({ ignoreAttributes: false }).parse(sitemap).urlset.url as { loc: string; "xhtml:link": unknown[] }[];
      for (const path of ["/news/turkistan-wenzhou-meeting", "/territories/wenzhou", "/zones/turan-sez", "/plots", "/news"])
        for (const l of LOCALES)
          assert.ok(
            urls.some((u) => u.loc === `http://localhost:3000/${l}${path}`),
            `${l}${path}`,
          );
      assert.equal(urls[0]?.["xhtml:link"].length, 6);
    });

    it("suggests links to territories and zones named with Kazakh and Russian case endings and in Chinese", async () => {
      const { findMentions } = await import("./news.search.ts");
      const catalog = await entityCatalog(t.services);
      const found = (text: string) => findMentions(text, catalog).map((m) => `${m.type}:${m.key}`);
      assert.deepEqual(found("Түркістан облысының әкімі сөз сөйледі"), ["territory:turkistan-oblast"]);
      assert.deepEqual(found("Вэньчжоу қаласының мэрі келді"), ["territory:wenzhou"]);
      assert.deepEqual(found("делегация Туркестанской области"), ["territory:turkistan-oblast"]);
      assert.deepEqual(found("в Туркестанскую область"), ["territory:turkistan-oblast"]);
      assert.deepEqual(found("Мақтаарал ауданындағы парк"), ["territory:maktaaral-district"]);
      assert.deepEqual(found("温州市代表团访问陕西省"), ["territory:shaanxi", "territory:wenzhou"]);
      // The longer name wins: the Wenzhou Commerce Bureau (cooperation's registry), not the city.
      assert.deepEqual(
        found("温州市商务局").map((k) => k.split(":")[0]),
        ["organisation"],
      );
      assert.ok(
        found("Талғат Қозбеков Чжан Вэньцземен кездесті").filter((k) => k.startsWith("person:")).length === 2,
        "people, with a case ending",
      );
      assert.deepEqual(found("Türkıstan oblysynyñ äkımı"), ["territory:turkistan-oblast"]);
      assert.ok(found("«Turan» арнайы экономикалық аймағында").includes("zone:turan-sez"));
      assert.deepEqual(found("Nothing here but words"), []);

      // Saving a story suggests; an editor confirms; the record's page can list the story.
      const slug = `links-${dialect}`;
      assert.equal((await editor.form("/en/admin/news/new", storyForm(slug))).status, 303);
      const edit = await (await editor.get(`/en/admin/news/${slug}/edit`)).text();
      for (const expected of [
        'Turkistan Region</strong> <span class="muted">«Түркістан облысының»',
        "Wenzhou</strong>",
        "«陕西省»",
        "suggested",
      ])
        assert.ok(edit.includes(expected), expected);
      assert.equal(
        (await editor.form(`/en/admin/news/${slug}/links`, { type: "territory", key: "wenzhou", status: "confirmed" })).status,
        303,
      );
      assert.equal((await editor.form(`/en/admin/news/${slug}/status`, { to: "published" })).status, 303);
      const mentioning = await t.services.news.storiesMentioning("territory", "wenzhou");
      assert.ok(mentioning.some((s) => s.slug === slug));
      assert.ok(
        !(await t.services.news.storiesMentioning("territory", "shaanxi")).some((s) => s.slug === slug),
        "only confirmed links count",
      );
      const page = await (await t.app.request(`/en/news/${slug}`)).text();
      assert.match(page, /href="\/en\/territories\/wenzhou"/);
    });

    it("finds stories and registry records whatever script the query is in, ranked", async () => {
      const keys = async (q: string) => {
        const res = (await (await t.app.request(`/api/v1/search?q=${encodeURIComponent(q)}`)).json()) as {
          items: { type: string; key: string }[];
        };
        return res.items.map((i) => `${i.type}:${i.key}`);
      };
      for (const q of ["Wenzhou", "Вэньчжоу", "温州", "wenzhou"]) {
        const hits = await keys(q);
        assert.ok(hits.includes("territory:wenzhou"), q);
        assert.ok(hits.includes(`article:${MEETING}`), q);
      }
      for (const q of ["Түркістан", "Türkıstan", "Turkistan", "Туркестан", "turkistan"])
        assert.ok((await keys(q)).includes("territory:turkistan-oblast"), q);
      assert.ok((await keys("Туркестанской")).includes("territory:turkistan-oblast"), "a Russian case ending");
      assert.ok((await keys("产业园")).includes(`article:wenzhou-park-groundbreaking`));
      assert.ok((await keys("chanyeyuan")).includes(`article:wenzhou-park-groundbreaking`), "pinyin");
      // The denim maker of the enterprise directory may come first; among stories, the meeting does.
      assert.deepEqual((await keys("джинсы")).filter((k) => k.startsWith("article:")).slice(0, 1), [`article:${MEETING}`]);
      assert.deepEqual(await keys("qwertyzzz"), []);
      // Operators and quotes are words, not syntax.
      for (const q of ['"', "a OR b", "NEAR(", "*", "x:*", "(&|!)", "' or 1=1 --"])
        assert.equal((await t.app.request(`/api/v1/search?q=${encodeURIComponent(q)}`)).status, 200, q);
      const page = await (await t.app.request("/kk/search?q=<b>Вэньчжоу</b>")).text();
      assert.ok(!page.includes("<b>Вэньчжоу</b>"), "the query is escaped");
      assert.match(page, /Вэньчжоу қаласы/);
    });

    it("renders bodies without raw HTML; links are nofollow and only http(s), mailto or on the site", () => {
      const html = renderMarkdown(
        "<script>alert(1)</script>\n\n[ok](https://example.kz) [bad](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n# Title",
      );
      assert.ok(!html.includes("<script"));
      assert.ok(!html.includes("<img"));
      assert.match(html, /&lt;script&gt;/);
      assert.match(html, /<a href="https:\/\/example.kz" rel="noopener nofollow">ok<\/a>/);
      assert.ok(!/href="javascript/i.test(html));
      assert.match(html, /<h2>Title<\/h2>/);
    });

    it("takes a cover only as an image with a description, and serves it from the site", async () => {
      const slug = `cover-${dialect}`;
      await editor.form("/en/admin/news/new", storyForm(slug));
      const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
      const send = async (file: Blob, name: string, alt: string) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(storyForm(slug, { "kk.coverAlt": alt, revision: "" }))) form.append(k, v);
        form.append("_csrf", editor.csrfToken());
        form.append("cover", file, name);
        return editor.request(`/en/admin/news/${slug}/edit`, { method: "POST", body: form });
      };
      const noAlt = await send(new Blob([png], { type: "image/png" }), "cover.png", "");
      assert.equal(noAlt.status, 422);
      assert.match(await noAlt.text(), /Describe what the cover shows/);
      const svg = await send(
        new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], { type: "image/svg+xml" }),
        "x.png",
        "alt",
      );
      assert.equal(svg.status, 422);
      assert.match(await svg.text(), /Only JPEG, PNG and WebP/);
      assert.equal((await send(new Blob([png], { type: "image/png" }), "cover.png", "Вэньчжоу делегациясы")).status, 303);
      assert.equal((await editor.form(`/en/admin/news/${slug}/status`, { to: "published" })).status, 303);
      const page = await (await t.app.request(`/kk/news/${slug}`)).text();
      const src = /<img src="(\/media\/news\/[0-9a-f]{32}\.png)" alt="Вэньчжоу делегациясы"/.exec(page)?.[1];
      assert.ok(src, "the cover with its alt text");
      assert.match(page, /<meta property="og:image" content="http:\/\/localhost:3000\/media\/news\/[0-9a-f]{32}\.png"\/>/);
      const image = await t.app.request(src);
      assert.equal(image.status, 200);
      assert.equal(image.headers.get("content-type"), "image/png");
      assert.equal(image.headers.get("x-content-type-options"), "nosniff");
    });

    it("puts share links, a WeChat QR code, Open Graph and Twitter tags and hreflang on the story page", async () => {
      const html = await (await t.app.request(`/ru/news/${MEETING}`)).text();
      const url = encodeURIComponent(`http://localhost:3000/ru/news/${MEETING}`);
      for (const share of [
        `https://t.me/share/url?url=${url}`,
        `https://wa.me/?text=`,
        `https://www.facebook.com/sharer/sharer.php?u=${url}`,
        `https://vk.com/share.php?url=${url}`,
        `https://x.com/intent/post?url=${url}`,
        "mailto:?subject=",
      ])
        assert.ok(html.includes(share.replace(/&/g, "&amp;")), share);
      assert.match(html, /<details class="share-wechat">[\s\S]*<svg class="qr" role="img" aria-label="QR-код ссылки на новость"/);
      assert.match(html, /<script src="\/static\/share\.js\?v=[0-9a-f]+" defer=""><\/script>/);
      assert.match(html, /<meta property="og:title" content="Туркестанская область и Вэньчжоу договорились/);
      assert.match(html, /<meta name="twitter:card" content="summary"\/>/);
      assert.match(html, new RegExp(`<link rel="canonical" href="http://localhost:3000/ru/news/${MEETING}"/>`));
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="zh-Hans" href="http://localhost:3000/zh/news/${MEETING}"/>`));
      assert.doesNotMatch(html, /<script>/, "no inline script");
    });

    it("answers a story page with at most 10 SQL statements (QUALITY P5)", async () => {
      for (const path of [`/en/news/${MEETING}`, "/en/news", "/zh/search?q=温州"]) {
        const { result, counter } = withStatementCounter(() => t.app.request(path));
        assert.equal((await result).status, 200);
        assert.ok(counter.statements <= 10, `${path}: ${counter.statements} statements`);
      }
    });
  });
}
