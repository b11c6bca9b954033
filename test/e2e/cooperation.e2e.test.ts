/**
 * The cooperation journey in a real browser: open Wenzhou's partner page in Chinese, follow the
 * memorandum to the project it led to, then open the statistics page and check that a chart says
 * what its table says; the charts read without JavaScript; an axe-core scan; and zh and kk
 * screenshots of the registry's pages in the temp folder for a human to look at.
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

const zh = i18nFor("zh");
const en = i18nFor("en");

for (const dialect of DIALECTS) {
  describe(`cooperation journey [${dialect}]`, () => {
    let browser: Browser;
    let app: RunningApp;
    const contexts: BrowserContext[] = [];
    const problems = new Map<Page, string[]>();
    const url = (p: string) => `${app.baseUrl}${p}`;

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
    const clean = (page: Page) => assert.deepEqual(problems.get(page), [], "no console error, no foreign request");

    before(async () => {
      [browser, app] = await Promise.all([launchBrowser(), startApp(dialect)]);
    });
    after(async () => {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser?.close();
      await app?.close();
    });

    it("follows Wenzhou's memorandum, in Chinese, to the project it led to", async () => {
      const page = await freshPage({ locale: "zh-CN" });
      await page.goto(url("/zh/partners/wenzhou"));
      assert.equal((await page.textContent("h1"))?.trim(), "温州市");
      const memo = page.getByRole("link", { name: "关于支持“哈萨克斯坦-中国（温州）产业园”项目的合作备忘录" });
      await Promise.all([page.waitForURL(/\/zh\/agreements\/\d+$/), memo.click()]);
      assert.match((await page.textContent("main")) ?? "", /温州市商务局/);
      assert.match((await page.textContent("main")) ?? "", new RegExp(zh.t("coop.name_not_published")));
      await Promise.all([page.waitForURL(/\/zh\/projects\/\d+$/), page.locator("a[data-project]").first().click()]);
      assert.equal((await page.textContent("h1"))?.trim(), "哈萨克斯坦-中国（温州）产业园");
      const current = page.locator('.timeline [aria-current="step"]');
      assert.match((await current.textContent()) ?? "", new RegExp(zh.t("coop.stage.construction")));
      assert.equal(await page.getAttribute(`a[href="/zh/plots/WZP-CORE"]`, "href"), "/zh/plots/WZP-CORE");
      clean(page);
    });

    it("shows on the statistics page the same numbers in each chart as in its table", async () => {
      const page = await freshPage();
      await page.goto(url("/en/statistics"));
      for (const id of ["projects-by-stage", "agreements-by-status", "capital-by-country"]) {
        const bars = await page
          .locator(`[data-chart="chart-${id}"] g.bar`)
          .evaluateAll((gs) =>
            gs.map((g) => [g.getAttribute("data-label"), g.getAttribute("data-value"), g.querySelectorAll("text")[1]?.textContent]),
          );
        const column = id === "capital-by-country" ? 2 : 1;
        const rows = await page
          .locator(`table[data-table="${id}"] tbody tr`)
          .evaluateAll((trs, col) => trs.map((tr) => [tr.children[0]?.textContent, tr.children[col]?.textContent]), column);
        assert.ok(bars.length > 0, id);
        assert.deepEqual(
          bars.map(([label, value, shown]) => [label, value, shown]),
          rows.map(([label, value]) => [label, value, value]),
          `${id}: every bar is a row of the table, with the number the bar shows`,
        );
      }
      const stageRow = await page
        .locator('table[data-table="projects-by-stage"] tbody tr', { hasText: en.t("coop.stage.construction") })
        .textContent();
      assert.match(stageRow ?? "", /1$/);
      // The trade chart's points are the indicator table's values, basis by basis.
      const points = await page
        .locator('[data-chart="chart-indicators"] g.point')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-value")));
      const values = await page.locator('table[data-table="indicators"] tbody td:nth-child(3)').allTextContents();
      assert.ok(points.length >= 6 && points.every((p) => values.includes(p ?? "")), points.join());
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator('a[href="/en/statistics/projects-by-stage.csv"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), "jibek-projects-by-stage-en.csv");
      clean(page);
    });

    it("reads the charts and tables without JavaScript", async () => {
      const page = await freshPage({ javaScriptEnabled: false });
      await page.goto(url("/en/statistics"));
      assert.equal(await page.locator('[data-chart="chart-projects-by-stage"]').isVisible(), true);
      assert.equal(await page.locator('table[data-table="conversion"] tbody tr').count(), 1);
      assert.match((await page.locator('table[data-table="conversion"]').textContent()) ?? "", /Wenzhou/);
    });

    it("has no serious or critical accessibility violations", async () => {
      const page = await freshPage();
      const found: string[] = [];
      for (const p of [
        "/zh/partners/wenzhou",
        "/kk/partners?q=%D2%9A%D0%BE%D0%B7%D1%8B%D0%B1%D0%B5%D0%BA%D0%BE%D0%B2",
        "/en/statistics",
        "/en/projects/1",
        "/ru/agreements/1",
        "/kk/delegations/1",
      ]) {
        await page.goto(url(p));
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
          found.push(
            `${p} — ${v.id}: ${v.help} ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
          );
      }
      assert.deepEqual(found, []);
    });

    it("shows the registry's pages in Chinese and Kazakh (screenshots in the temp folder)", async () => {
      const { email, password } = { email: `coop-e2e-${dialect}@example.kz`, password: "correct horse battery staple coop" };
      await app.testApp.services.accounts.createUser({ email, password, displayName: "Coop Admin", role: "admin" });
      for (const locale of ["zh", "kk"] as const) {
        const page = await freshPage({ locale: locale === "zh" ? "zh-CN" : "kk-KZ" });
        for (const [name, p] of [
          ["partners", "/partners"],
          ["partner-wenzhou", "/partners/wenzhou"],
          ["agreement", "/agreements/1"],
          ["project", "/projects/1"],
          ["delegation", "/delegations/1"],
          ["statistics", "/statistics"],
        ] as const) {
          const res = await page.goto(url(`/${locale}${p}`));
          assert.equal(res?.status(), 200, p);
          await page.evaluate(() => document.fonts.ready);
          const file = path.join(tmpdir(), `jibek-coop-${locale}-${name}-${dialect}.png`);
          await page.screenshot({ path: file, fullPage: true });
          assert.ok(statSync(file).size > 20_000, `${file} has content`);
        }
        await page.goto(url(`/${locale}/login`));
        await page.fill("#email", email);
        await page.fill("#password", password);
        await Promise.all([page.waitForURL(url(`/${locale}`)), page.locator("main form button[type=submit]").click()]);
        for (const [name, p] of [
          ["board", "/admin/projects/board"],
          ["agreement-form", "/admin/agreements/1/edit"],
          ["registry", "/admin/registry"],
        ] as const) {
          const res = await page.goto(url(`/${locale}${p}`));
          assert.equal(res?.status(), 200, p);
          await page.screenshot({ path: path.join(tmpdir(), `jibek-coop-${locale}-${name}-${dialect}.png`), fullPage: true });
        }
        clean(page);
      }
    });
  });
}
