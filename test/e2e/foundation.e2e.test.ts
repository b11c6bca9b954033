/**
 * The foundation journey in a real browser: language negotiation and switching, a territory
 * page, signing in, the back office's user list, keyboard access, and an axe-core scan.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { i18nFor } from "../../src/i18n/i18n.ts";
import { launchBrowser, newContext, type RunningApp, startApp } from "../support/browser.ts";
import { DIALECTS } from "../support/test-db.ts";

const en = i18nFor("en");
const kk = i18nFor("kk");
const zh = i18nFor("zh");

/** Violations axe rates serious or critical, one line per rule with the offending elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${page.url()} — ${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(" ")}  ${n.html.slice(0, 160)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, " ")}` : ""}`,
          )
          .join("\n")}`,
    );
}

for (const dialect of DIALECTS) {
  describe(`foundation journey [${dialect}]`, () => {
    let browser: Browser;
    let app: RunningApp;
    const admin = { email: `admin-e2e-${dialect}@example.kz`, password: "correct horse battery staple e2e" };
    const contexts: BrowserContext[] = [];

    /** A fresh browser profile: no cookies, no remembered language. */
    async function freshPage(options: Parameters<typeof newContext>[1] = {}): Promise<Page> {
      const context = await newContext(browser, options);
      contexts.push(context);
      return context.newPage();
    }

    const url = (path: string) => `${app.baseUrl}${path}`;

    async function signIn(page: Page, locale = "en"): Promise<void> {
      await page.goto(url(`/${locale}/login`));
      await page.fill("#email", admin.email);
      await page.fill("#password", admin.password);
      await Promise.all([page.waitForURL(url(`/${locale}`)), page.locator("main form button[type=submit]").click()]);
    }

    before(async () => {
      [browser, app] = await Promise.all([launchBrowser(), startApp(dialect)]);
      await app.testApp.services.accounts.createUser({
        email: admin.email,
        displayName: "E2E Admin",
        password: admin.password,
        role: "admin",
      });
    });

    after(async () => {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser?.close();
      await app?.close();
    });

    it("sends a visitor whose browser prefers Chinese from / to the Chinese home page", async () => {
      const page = await freshPage({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" } });
      await page.goto(url("/"));
      assert.equal(new URL(page.url()).pathname, "/zh");
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
      const heading = page.locator("h1");
      assert.equal((await heading.textContent())?.trim(), zh.t("home.title"));
      assert.ok(await heading.isVisible(), "the Chinese heading is visible");
    });

    it("serves the Kazakh home page in Kazakh", async () => {
      const page = await freshPage();
      await page.goto(url("/kk"));
      assert.equal(await page.getAttribute("html", "lang"), "kk");
      assert.equal((await page.locator("h1").textContent())?.trim(), kk.t("home.title"));
    });

    it("keeps the current page when the reader switches language", async () => {
      const page = await freshPage();
      await page.goto(url("/kk/territories"));
      await Promise.all([
        page.waitForURL(url("/zh/territories")),
        page.locator("nav.languages").getByRole("link", { name: "中文" }).click(),
      ]);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
      assert.equal((await page.locator("h1").textContent())?.trim(), zh.t("territories.title"));
      await Promise.all([
        page.waitForURL(url("/en/territories")),
        page.locator("nav.languages").getByRole("link", { name: "English" }).click(),
      ]);
      assert.equal(await page.getAttribute("html", "lang"), "en");
    });

    it("opens a territory page from the territories list", async () => {
      const page = await freshPage();
      await page.goto(url("/en/territories"));
      const link = page.locator('main a[href="/en/territories/wenzhou"]').first();
      const name = (await link.textContent())?.trim() ?? "";
      assert.ok(name.length > 0, "the list links to Wenzhou");
      await Promise.all([page.waitForURL(url("/en/territories/wenzhou")), link.click()]);
      assert.equal((await page.locator("h1").textContent())?.trim(), name);
      assert.ok(
        await page
          .locator("nav.breadcrumbs")
          .getByRole("link", { name: en.t("territories.title") })
          .isVisible(),
      );
    });

    it("keeps the typed e-mail and shows an error after a wrong password", async () => {
      const page = await freshPage();
      await page.goto(url("/en/login"));
      await page.fill("#email", admin.email);
      await page.fill("#password", "not the password at all");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/en/login"),
        page.locator("main form button[type=submit]").click(),
      ]);
      assert.equal(response.status(), 401);
      await page.waitForSelector('main [role="alert"]');
      assert.equal(new URL(page.url()).pathname, "/en/login");
      assert.equal(await page.inputValue("#email"), admin.email);
      assert.equal(await page.inputValue("#password"), "", "the password is never sent back");
      assert.equal((await page.locator('main [role="alert"]').textContent())?.trim(), en.t("login.invalid"));
    });

    it("signs an admin in and lists them among the back office's users", async () => {
      const page = await freshPage();
      await signIn(page);
      await Promise.all([
        page.waitForURL(url("/en/admin")),
        page
          .locator("nav.main-nav")
          .getByRole("link", { name: en.t("nav.admin") })
          .click(),
      ]);
      await Promise.all([
        page.waitForURL(url("/en/admin/users")),
        page
          .locator("aside.side-menu")
          .getByRole("link", { name: en.t("admin.users") })
          .click(),
      ]);
      assert.equal((await page.locator("h1").textContent())?.trim(), en.t("admin.users"));
      const row = page.locator("tbody tr", { has: page.locator(`th:text-is("${admin.email}")`) });
      assert.equal(await row.count(), 1, "the admin's e-mail is listed once");
    });

    it("puts the skip link first in the keyboard order and shows it on focus", async () => {
      const page = await freshPage();
      await page.goto(url("/kk"));
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const box = el.getBoundingClientRect();
        return {
          className: el.className,
          href: el.getAttribute("href"),
          left: box.left,
          top: box.top,
          width: box.width,
          height: box.height,
        };
      });
      assert.ok(focused, "something has focus");
      assert.equal(focused.className, "skip-link");
      assert.equal(focused.href, "#main");
      assert.ok(
        focused.left >= 0 && focused.top >= 0 && focused.width > 0 && focused.height > 0,
        `the focused skip link is on screen: ${JSON.stringify(focused)}`,
      );
    });

    it("has no serious or critical accessibility violations on the main pages", async () => {
      const page = await freshPage();
      const problems: string[] = [];
      for (const path of ["/kk", "/zh", "/en/territories", "/kk/territories/turkistan-city", "/zh/territories/wenzhou", "/en/login"]) {
        const res = await page.goto(url(path));
        assert.equal(res?.status(), 200, path);
        problems.push(...(await seriousViolations(page)));
      }
      await signIn(page);
      await page.goto(url("/en/admin/users"));
      problems.push(...(await seriousViolations(page)));
      assert.deepEqual(problems, [], `axe found serious or critical violations:\n${problems.join("\n")}`);
    });
  });
}
