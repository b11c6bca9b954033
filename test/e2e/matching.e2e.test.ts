import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { closePdfRenderer } from "../../src/lib/pdf.ts";
import { loadFixtureCatalogue } from "../../src/modules/matching/matching.fixtures.ts";
import { launchBrowser, newContext, type RunningApp, startApp } from "../support/browser.ts";
import { DIALECTS } from "../support/test-db.ts";

for (const dialect of DIALECTS) {
  describe(`site selection journey [${dialect}]`, () => {
    let app: RunningApp;
    let browser: Browser;
    before(async () => {
      app = await startApp(dialect, { DEMO_DATA: "false" });
      await loadFixtureCatalogue(app.testApp.services.sites);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser.close();
      await closePdfRenderer();
      await app.close();
    });

    it("an investor fills the form in Chinese, reads the explanations, compares three sites and opens a passport", async () => {
      const context = await newContext(browser, { locale: "zh-CN" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(`${app.baseUrl}/zh/match`);
      await page.fill("#areaMin", "5");
      await page.fill("#areaMax", "10");
      await page.check('input[name="areaHard"]');
      await page.fill("#powerKw", "3000");
      await page.check('input[name="powerHard"]');
      await page.fill("#waterM3d", "800");
      await page.fill("#railKm", "5");
      await page.check('input[name="cit"]');
      await page.fill("#readyBy", "2030-01-01");
      await page.click('button:has-text("查找地块")');
      await page.waitForURL(/\/zh\/match\?/);
      const first = page.locator("ol.results li.result").first();
      assert.equal(await first.locator("h3 a").innerText(), "A-BEST");
      const explanations = await page.locator(".explanations").first().innerText();
      assert.match(explanations, /电力：需要 3,000 千瓦/);
      const connect = await page.locator("li.result", { hasText: "B-CONNECT" }).locator(".explanations").innerText();
      assert.match(connect, /个月内可接入/);

      for (const code of ["A-BEST", "B-CONNECT", "C-IZ-CHEAP"]) await page.check(`input[name="plots"][value="${code}"]`);
      await page.click('button:has-text("比较所选")');
      await page.waitForURL(/\/zh\/compare\?/);
      const headers = await page.locator(".compare thead th").allInnerTexts();
      assert.deepEqual(
        headers.slice(1).map((h) => h.replace(/示意/g, "").trim()),
        ["A-BEST", "B-CONNECT", "C-IZ-CHEAP"],
      );
      assert.ok((await page.locator(".compare .outcome-mark").count()) > 10);

      await page.click('.compare thead a:has-text("A-BEST")');
      await page.waitForURL(/\/zh\/plots\/A-BEST$/);
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('a:has-text("投资护照（PDF）")')]);
      const path = await download.path();
      assert.ok(path);
      const { readFileSync } = await import("node:fs");
      assert.equal(readFileSync(path).subarray(0, 5).toString(), "%PDF-");
      const { spawnSync } = await import("node:child_process");
      const text = spawnSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }).stdout;
      assert.match(text, /A-BEST/);
      assert.match(text, /投资护照|地块/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
