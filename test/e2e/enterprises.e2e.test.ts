/**
 * The enterprise journey of issue 6 in a real browser: a Turkistan spinner's representative signs
 * in, posts a need for elastic fabric in Kazakh, sees the Wenzhou elastic-fabric maker ranked first
 * with its reasons in Kazakh, asks for an introduction; a manager accepts it in the back office;
 * the representative sees it accepted. Then an axe-core scan of the directory's pages, and
 * screenshots of the directory, a profile, its partners, the request form and a request's
 * partners in kk, zh and en at desktop and phone widths (temp folder), none wider than the screen.
 */
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { i18nFor } from "../../src/i18n/i18n.ts";
import { launchBrowser, newContext, type RunningApp, startApp } from "../support/browser.ts";
import { DIALECTS } from "../support/test-db.ts";

const kk = i18nFor("kk");
const FABRIC_MAKER_KK = "Вэньчжоулық серпімді мата өндірушісі (атауы жарияланбаған)";

for (const dialect of DIALECTS) {
  describe(`enterprise journey [${dialect}]`, () => {
    let browser: Browser;
    let app: RunningApp;
    let spinner: number;
    let chint: number;
    let requestId = 0;
    let demoRequest = 0;
    const contexts: BrowserContext[] = [];
    const problems = new Map<Page, string[]>();
    const url = (p: string) => `${app.baseUrl}${p}`;
    const rep = { email: `spinner-rep-${dialect}@example.kz`, password: "correct horse battery staple spinner" };
    const manager = { email: `manager-${dialect}@example.kz`, password: "correct horse battery staple manager" };

    async function freshPage(options: Parameters<typeof newContext>[1] = {}): Promise<Page> {
      const context = await newContext(browser, options);
      contexts.push(context);
      const page = await context.newPage();
      const seen: string[] = [];
      problems.set(page, seen);
      page.on("console", (m) => {
        if (m.type() === "error") seen.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => seen.push(`page error: ${e.message}`));
      page.on("request", (r) => {
        if (!r.url().startsWith("data:") && new URL(r.url()).host !== new URL(app.baseUrl).host) seen.push(`other host: ${r.url()}`);
      });
      return page;
    }
    /** No console error and no foreign request; `expected` lets through the answers a step asked for (a failed form's 422). */
    const clean = (page: Page, expected?: RegExp) =>
      assert.deepEqual(
        (problems.get(page) ?? []).filter((p) => !expected?.test(p)),
        [],
        "no console error, no foreign request",
      );

    async function signIn(page: Page, locale: string, who: { email: string; password: string }) {
      await page.goto(url(`/${locale}/login`));
      await page.fill("#email", who.email);
      await page.fill("#password", who.password);
      await Promise.all([page.waitForURL(url(`/${locale}`)), page.locator("main form button[type=submit]").click()]);
    }

    before(async () => {
      [browser, app] = await Promise.all([launchBrowser(), startApp(dialect)]);
      const s = app.testApp.services.enterprises;
      spinner = (await s.directory({ q: "Turkistan Spinning Mill" })).items[0]?.id ?? 0;
      chint = (await s.directory({ q: "正泰" })).items[0]?.id ?? 0;
      demoRequest = (await s.listRequests({ organisationId: spinner })).items[0]?.id ?? 0;
      assert.ok(spinner > 0 && chint > 0 && demoRequest > 0);
      const accounts = app.testApp.services.accounts;
      await accounts.createUser({ ...rep, displayName: "Айгүл Сейітова", role: "enterprise", organisationId: spinner });
      await accounts.createUser({ ...manager, displayName: "Manager", role: "manager" });
    });
    after(async () => {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser?.close();
      await app?.close();
    });

    it("a spinner posts a need in Kazakh, sees the Wenzhou fabric maker ranked with reasons in Kazakh, and asks to meet it", async () => {
      const page = await freshPage({ locale: "kk-KZ" });
      await signIn(page, "kk", rep);
      await Promise.all([page.waitForURL(url("/kk/my/enterprise")), page.getByRole("link", { name: kk.t("nav.my_enterprise") }).click()]);
      await Promise.all([
        page.waitForURL(url("/kk/my/enterprise/requests/new")),
        page
          .locator("main .page-actions")
          .getByRole("link", { name: kk.t("enterprises.new_request") })
          .click(),
      ]);
      // First without a kind: the form says what to fix in Kazakh and keeps what was typed.
      await page.selectOption("#f-sectors", ["13.20"]);
      await page.fill("#f-products", "6004 Серпімді трикотаж мата");
      await page.fill("#f-quantity", "20 000");
      await page.fill("#f-unit", "м");
      await page.fill("#f-title-kk", "Серпімді мата сатып аламыз");
      await page.fill("#f-description-kk", "Мақта иірімжібімен араластыру үшін айына 20 000 метр серпімді мата керек.");
      await page.getByRole("button", { name: kk.t("enterprises.send_for_moderation") }).click();
      await page.waitForSelector("#f-kind-error");
      assert.equal((await page.textContent("#f-kind-error"))?.trim(), kk.t("form.choose_one"));
      assert.equal(await page.inputValue("#f-title-kk"), "Серпімді мата сатып аламыз");
      assert.equal(await page.inputValue("#f-quantity"), "20 000");
      await page.selectOption("#f-kind", "buy");
      await Promise.all([
        page.waitForURL(/\/kk\/requests\/\d+\/partners$/),
        page.getByRole("button", { name: kk.t("enterprises.send_for_moderation") }).click(),
      ]);
      requestId = Number(/\/requests\/(\d+)\/partners$/.exec(page.url())?.[1]);
      assert.equal((await page.textContent(".flash"))?.trim(), kk.t("enterprises.request_sent"));
      assert.match((await page.textContent(".request-card")) ?? "", new RegExp(kk.t("enterprises.status.pending")));
      // The Wenzhou elastic-fabric maker comes first, with its reasons in Kazakh.
      const first = page.locator(".partner-results > li").first();
      assert.equal((await first.locator("h3 a").textContent())?.trim(), FABRIC_MAKER_KK);
      const reasons = (await first.locator(".partner-reasons li").allTextContents()).map((r) => r.replace("✓", "").trim());
      assert.ok(reasons.includes("Сіз іздеп жүрген 13.20 «маталар» өнімін ұсынады"), reasons.join(" | "));
      assert.ok(reasons.includes("Ортақ тауарлар: СЭҚ ТН 6004"), reasons.join(" | "));
      // Ask for an introduction with a message.
      await first.getByText(kk.t("enterprises.ask_introduction")).click();
      await first.locator("textarea[name=message]").fill("Сәлеметсіз бе! Біз мақта иірімжібін иіреміз, серпімді матаңыз қызықтырады.");
      await Promise.all([
        page.waitForURL(url(`/kk/requests/${requestId}/partners`)),
        first.getByRole("button", { name: kk.t("enterprises.send_introduction") }).click(),
      ]);
      assert.equal((await page.textContent(".flash"))?.trim(), kk.t("enterprises.introduction_sent"));
      const state = page.locator(".partner-results > li").first().locator(".introduction-state");
      assert.equal(await state.getAttribute("data-introduction-status"), "requested");
      assert.match((await state.textContent()) ?? "", new RegExp(kk.t("enterprises.intro.requested")));
      // The need is not public until staff approve it.
      const anonymous = await freshPage({ locale: "kk-KZ" });
      const res = await anonymous.goto(url(`/kk/requests/${requestId}`));
      assert.equal(res?.status(), 404);
      clean(page, /status of 422/);
    });

    it("a manager accepts the introduction in the back office, and the representative sees it accepted", async () => {
      assert.ok(requestId > 0, "the first journey ran");
      const staff = await freshPage({ locale: "kk-KZ" });
      await signIn(staff, "kk", manager);
      await staff.goto(url("/kk/admin/enterprises/introductions"));
      const row = staff.locator("tr[data-introduction]", { hasText: FABRIC_MAKER_KK });
      assert.equal(await row.count(), 1);
      assert.match((await row.textContent()) ?? "", /серпімді матаңыз қызықтырады/);
      await Promise.all([
        staff.waitForURL(url("/kk/admin/enterprises/introductions")),
        row.getByRole("button", { name: kk.t("enterprises.accept") }).click(),
      ]);
      assert.equal((await staff.textContent(".flash"))?.trim(), kk.t("enterprises.intro_accepted_flash"));
      clean(staff);

      const page = await freshPage({ locale: "kk-KZ" });
      await signIn(page, "kk", rep);
      await page.goto(url("/kk/my/enterprise"));
      const card = page.locator(".introduction-card", { hasText: FABRIC_MAKER_KK });
      assert.equal(await card.getAttribute("data-status"), "accepted");
      assert.match((await card.textContent()) ?? "", new RegExp(kk.t("enterprises.intro.accepted")));
      const notice = page.locator('[data-notice="introduction_accepted"]');
      assert.equal(await notice.count(), 1);
      assert.match((await notice.textContent()) ?? "", new RegExp(kk.t("enterprises.notice.introduction_accepted")));
      // The partner list now says so too.
      await page.goto(url(`/kk/requests/${requestId}/partners`));
      assert.equal(
        await page.locator(".partner-results > li").first().locator(".introduction-state").getAttribute("data-introduction-status"),
        "accepted",
      );
      clean(page);
    });

    it("has no serious or critical accessibility violations on the directory's pages", async () => {
      const page = await freshPage();
      const found: string[] = [];
      const scan = async (p: string) => {
        const res = await page.goto(url(p));
        assert.equal(res?.status(), 200, p);
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
          found.push(
            `${p} — ${v.id}: ${v.help} ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
          );
      };
      for (const p of [
        "/kk/enterprises",
        `/zh/enterprises?q=${encodeURIComponent("正泰")}`,
        "/en/enterprises?side=partner&sector=13",
        `/kk/enterprises/${spinner}`,
        `/zh/enterprises/${chint}`,
        `/en/enterprises/${spinner}/partners`,
        "/ru/requests",
      ])
        await scan(p);
      await signIn(page, "en", rep);
      for (const p of [
        "/en/my/enterprise",
        "/kk/my/enterprise/requests/new",
        `/zh/requests/${demoRequest}/partners`,
        `/en/enterprises/${spinner}/edit`,
      ])
        await scan(p);
      assert.deepEqual(found, []);
    });

    it("fits the screen in kk, zh and en on a desktop and a phone (screenshots in the temp folder)", async () => {
      const overflowing: string[] = [];
      for (const locale of ["kk", "zh", "en"] as const) {
        for (const width of [1280, 390]) {
          const page = await freshPage({
            locale: locale === "zh" ? "zh-CN" : locale === "kk" ? "kk-KZ" : "en-US",
            viewport: { width, height: 900 },
          });
          await signIn(page, locale, rep);
          for (const [name, p] of [
            ["directory", "/enterprises"],
            ["profile", `/enterprises/${spinner}`],
            ["partners", `/enterprises/${spinner}/partners`],
            ["chint", `/enterprises/${chint}`],
            ["request-form", "/my/enterprise/requests/new"],
            ["request-partners", `/requests/${requestId || demoRequest}/partners`],
            ["my-enterprise", "/my/enterprise"],
          ] as const) {
            const res = await page.goto(url(`/${locale}${p}`));
            assert.equal(res?.status(), 200, `${locale}${p}`);
            if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth))
              overflowing.push(`${locale} ${width}px ${name}`);
            const file = path.join(tmpdir(), `jibek-enterprises-${locale}-${width}-${name}-${dialect}.png`);
            await page.screenshot({ path: file, fullPage: true });
            assert.ok(statSync(file).size > 20_000, `${file} has content`);
          }
          clean(page);
        }
      }
      assert.deepEqual(overflowing, [], "pages wider than the screen");
    });
  });
}
