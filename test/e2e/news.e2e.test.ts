/**
 * News in a real browser: a reader reads the Wenzhou story in Kazakh, switches to Chinese, writes a
 * comment, a moderator approves it, the reader sees it and the counter rise, and opens the WeChat
 * QR code. Then every stored-XSS payload of test/fixtures/xss.txt, put in every field a reader or
 * editor can fill, is rendered on every page that shows it: none may run (QUALITY S3).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { i18nFor } from "../../src/i18n/i18n.ts";
import type { Actor } from "../../src/modules/accounts/accounts.policy.ts";
import { commentFormToken, entityCatalog } from "../../src/modules/news/news.service.ts";
import { launchBrowser, newContext, type RunningApp, startApp } from "../support/browser.ts";
import { DIALECTS } from "../support/test-db.ts";

const MEETING = "turkistan-wenzhou-meeting";
const kk = i18nFor("kk");
const zh = i18nFor("zh");
const PAYLOADS = readFileSync(new URL("../fixtures/xss.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${page.url()} — ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const dialect of DIALECTS) {
  describe(`news journey [${dialect}]`, () => {
    let browser: Browser;
    let app: RunningApp;
    const editor = { email: `editor-news-${dialect}@example.kz`, password: "correct horse battery staple news" };
    let editorActor: Actor;
    const contexts: BrowserContext[] = [];
    const url = (path: string) => `${app.baseUrl}${path}`;

    async function freshPage(): Promise<Page> {
      const context = await newContext(browser);
      contexts.push(context);
      return context.newPage();
    }

    async function signIn(page: Page): Promise<void> {
      await page.goto(url("/zh/login"));
      await page.fill("#email", editor.email);
      await page.fill("#password", editor.password);
      await Promise.all([page.waitForURL(url("/zh")), page.locator("main form button[type=submit]").click()]);
    }

    before(async () => {
      [browser, app] = await Promise.all([launchBrowser(), startApp(dialect)]);
      const user = await app.testApp.services.accounts.createUser({ ...editor, displayName: "News Editor", role: "editor" });
      editorActor = { id: user.id, role: "editor", organisationId: null };
    });

    after(async () => {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser?.close();
      await app?.close();
    });

    it("reads the story in Kazakh, switches to Chinese, comments, sees it after approval with the counter up, and opens the QR code", async () => {
      const page = await freshPage();
      await page.goto(url("/kk/news"));
      await page.getByRole("link", { name: "Түркістан облысы мен Вэньчжоу бірлескен индустриялық аймақ құруға келісті" }).click();
      await page.waitForURL(url(`/kk/news/${MEETING}`));
      assert.equal(
        (await page.locator("h1").textContent())?.trim(),
        "Түркістан облысы мен Вэньчжоу бірлескен индустриялық аймақ құруға келісті",
      );
      // The seed's 45 views, plus this reader.
      assert.equal((await page.locator(".news-article .news-views").textContent())?.trim(), kk.t("news.views", { count: 46 }));
      assert.equal(
        (await page.locator(".news-article .news-comment-count").textContent())?.trim(),
        kk.t("news.comment_count", { count: 0 }),
      );
      assert.deepEqual(await seriousViolations(page), []);

      await page.locator("nav.news-languages a[hreflang='zh-Hans']").click();
      await page.waitForURL(url(`/zh/news/${MEETING}`));
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
      assert.equal((await page.locator("h1").textContent())?.trim(), "突厥斯坦州与温州商定共建产业园区");
      // The same reader on the same day: still 46.
      assert.equal((await page.locator(".news-article .news-views").textContent())?.trim(), zh.t("news.views", { count: 46 }));

      const comment = "希望温州企业早日入驻产业园。";
      await page.fill("#c-name", "王先生");
      await page.fill("#c-body", comment);
      // A person takes a few seconds to write; the form refuses anything faster (QUALITY S6).
      await page.waitForTimeout(3100);
      await Promise.all([page.waitForURL(/#comments$/), page.getByRole("button", { name: zh.t("news.comment_send") }).click()]);
      assert.equal((await page.locator(".flash-success").textContent())?.trim(), zh.t("news.comment_received"));
      assert.equal(await page.locator(".comment-body", { hasText: comment }).count(), 0, "not shown before moderation");
      assert.equal(
        (await page.locator(".news-article .news-comment-count").textContent())?.trim(),
        zh.t("news.comment_count", { count: 0 }),
      );

      const moderator = await freshPage();
      await signIn(moderator);
      await moderator.goto(url("/zh/admin/news/comments"));
      const item = moderator.locator(".moderation-item", { hasText: comment });
      assert.equal(await item.count(), 1);
      assert.deepEqual(await seriousViolations(moderator), []);
      await Promise.all([
        moderator.waitForURL(/\/zh\/admin\/news\/comments/),
        item.getByRole("button", { name: zh.t("news.approve") }).click(),
      ]);
      assert.equal((await moderator.locator(".flash-success").textContent())?.trim(), zh.t("news.moderated", { count: 1 }));

      await page.reload();
      assert.equal(await page.locator(".comment-body", { hasText: comment }).count(), 1);
      assert.equal((await page.locator(".comment-author").first().textContent())?.trim(), "王先生");
      assert.equal(
        (await page.locator(".news-article .news-comment-count").textContent())?.trim(),
        zh.t("news.comment_count", { count: 1 }),
      );

      const qr = page.locator(".share-wechat svg.qr");
      assert.equal(await qr.isVisible(), false);
      await page.getByText(zh.t("news.share_wechat")).click();
      assert.ok(await qr.isVisible(), "the QR code opens");
      assert.equal(await qr.getAttribute("aria-label"), zh.t("news.share_qr_label"));
      assert.equal(await page.locator(".share-url input").inputValue(), `http://localhost:3000/zh/news/${MEETING}`);
      assert.deepEqual(await seriousViolations(page), []);
    });

    it(`runs none of ${PAYLOADS.length} stored XSS payloads put in titles, leads, bodies, bylines, comments, names and the search box`, async () => {
      const news = app.testApp.services.news;
      const catalog = await entityCatalog(app.testApp.services);
      const slugs: string[] = [];
      for (const [i, payload] of PAYLOADS.entries()) {
        const slug = `xss-${i}`;
        const text = {
          title: `X${i} ${payload}`.slice(0, 200),
          lead: payload.slice(0, 600),
          body: `${payload}\n\n* ${payload}\n\n> ${payload}`,
          coverAlt: null,
        };
        await news.create(
          editorActor,
          {
            slug,
            originalLocale: "en",
            authorName: payload.slice(0, 120),
            tags: ["xss"],
            translations: { kk: text, ru: null, zh: null, en: text },
            illustrative: true,
          },
          null,
          catalog,
        );
        await news.transition(editorActor, slug, { to: "published" });
        const result = await news.postComment(
          slug,
          { name: payload.slice(0, 80), email: "", body: payload.length >= 2 ? payload : `${payload}!` },
          {
            locale: "en",
            visitor: `xss-${i}`,
            formToken: commentFormToken(app.testApp.config.sessionSecret, slug, Date.now() - 10_000),
            honeypot: "",
          },
        );
        if (result.ok) await news.moderate(editorActor, { ids: [result.id], action: "approve" });
        slugs.push(slug);
      }
      // A tag must be a word: a payload is refused there, not stored.
      await assert.rejects(
        news.create(
          editorActor,
          {
            slug: "xss-tag",
            originalLocale: "en",
            authorName: "x",
            tags: ["<script>alert(1)</script>"],
            translations: { kk: null, ru: null, zh: null, en: { title: "t", lead: "", body: "", coverAlt: null } },
            illustrative: false,
          },
          null,
          catalog,
        ),
        /validation_failed/,
      );

      const page = await freshPage();
      const executed: string[] = [];
      page.on("dialog", async (dialog) => {
        executed.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
        await dialog.dismiss();
      });
      const check = async (path: string) => {
        const res = await page.goto(url(path), { waitUntil: "load" });
        assert.equal(res?.status(), 200, path);
        // Let autofocus, animations and onload handlers have their chance.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20))));
        const flag = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
        if (flag !== undefined) executed.push(`${path}: window.__xss was set`);
      };
      for (const slug of slugs) await check(`/en/news/${slug}`);
      for (const slug of slugs.slice(0, 10)) await check(`/kk-latn/news/${slug}`);
      const pages = Math.ceil((PAYLOADS.length + 4) / 10);
      for (let p = 1; p <= pages; p++) await check(`/en/news?page=${p}`);
      await check("/en/news?tag=xss");
      for (const payload of PAYLOADS.slice(0, 25)) await check(`/en/search?q=${encodeURIComponent(payload)}`);

      // The back office shows the same text to staff.
      await signIn(page);
      await check("/en/admin/news");
      await check("/en/admin/news/comments?status=approved");
      for (const slug of slugs.slice(0, 15)) {
        await check(`/en/admin/news/${slug}/edit`);
        await check(`/en/admin/news/${slug}/preview`);
      }
      assert.deepEqual(executed, []);
    });
  });
}
