/**
 * The catalogue map in a real browser: the boundary, centres, zones and clustered plots draw with
 * no tile server and no CSP violation; the filter panel updates the markers, the list and the URL;
 * a marker's popup links to its plot page (and on to its passport) and a zone's to its zone page;
 * zones turn from dots into outlines when zoomed in; the page works without JavaScript; zh and kk
 * screenshots are written to the temp folder for a human to look at.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { i18nFor } from "../../src/i18n/i18n.ts";
import type { Plot } from "../../src/modules/sites/sites.schemas.ts";
import { launchBrowser, newContext, type RunningApp, startApp } from "../support/browser.ts";
import { DIALECTS } from "../support/test-db.ts";

const en = i18nFor("en");
const zh = i18nFor("zh");
const kk = i18nFor("kk");

/** Markers on the map, counting each cluster as the plots it holds. */
async function plotsOnMap(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = document.querySelectorAll(".leaflet-marker-pane .plot-marker").length;
    for (const cluster of document.querySelectorAll(".leaflet-marker-pane .plot-cluster"))
      total += Number(cluster.textContent?.replace(/\D/g, "") || 0);
    return total;
  });
}

async function waitForMarkers(page: Page): Promise<void> {
  await page.waitForSelector(".leaflet-marker-pane .plot-marker, .leaflet-marker-pane .plot-cluster");
}

for (const dialect of DIALECTS) {
  describe(`map journey [${dialect}]`, () => {
    let browser: Browser;
    let app: RunningApp;
    let plots: Plot[];
    const contexts: BrowserContext[] = [];
    /** Console errors, CSP violations, failed requests and requests to other hosts, per page. */
    const problems = new Map<Page, string[]>();

    const url = (p: string) => `${app.baseUrl}${p}`;

    async function freshPage(options: Parameters<typeof newContext>[1] = {}): Promise<Page> {
      const context = await newContext(browser, options);
      contexts.push(context);
      const page = await context.newPage();
      const seen: string[] = [];
      problems.set(page, seen);
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      page.on("console", (m) => {
        if (m.type() === "error" || /Content Security Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => seen.push(`page error: ${e.message}`));
      page.on("request", (r) => {
        const { host } = new URL(r.url());
        if (!r.url().startsWith("data:") && host !== new URL(app.baseUrl).host) seen.push(`other host: ${r.url()}`);
      });
      page.on("response", (r) => {
        if (r.status() >= 400 && !/\/plots\/|\/zones\//.test(new URL(r.url()).pathname)) seen.push(`${r.status()} ${r.url()}`);
      });
      return page;
    }

    const clean = (page: Page) => assert.deepEqual(problems.get(page), [], "no console error, CSP violation or foreign request");

    before(async () => {
      [browser, app] = await Promise.all([launchBrowser(), startApp(dialect)]);
      plots = (await app.testApp.services.sites.listPlots({ page: 1, perPage: 500, sort: "code" })).items;
    });

    after(async () => {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser?.close();
      await app?.close();
    });

    it("draws the oblast, its centres, the zones and every plot with no tile server and no CSP violation", async () => {
      const page = await freshPage();
      await page.goto(url("/en/map"));
      await waitForMarkers(page);
      await page.waitForSelector(".leaflet-overlay-pane path");
      const counts = await page.evaluate(() => ({
        oblast: document.querySelectorAll(".leaflet-overlay-pane path").length,
        context: document.querySelectorAll(".leaflet-context-pane path").length,
        zones: document.querySelectorAll(".leaflet-zones-pane path").length,
        centres: document.querySelectorAll(".leaflet-centres-pane path").length,
        labels: [...document.querySelectorAll(".map-label")].map((l) => l.textContent),
        tiles: document.querySelectorAll(".leaflet-tile").length,
      }));
      assert.equal(counts.oblast, 1, "the oblast outline");
      assert.equal(counts.context, 4, "two neighbouring oblasts and two countries");
      const zones = await app.testApp.services.sites.listZones();
      assert.equal(counts.zones, zones.length, "one dot per zone at the first view");
      assert.equal(counts.centres, 17 + 1, "17 district and city centres, and Shymkent");
      assert.equal(counts.tiles, 0, "no tile layer");
      assert.ok(
        counts.labels.includes("Kentau city") && counts.labels.includes("Uzbekistan") && counts.labels.includes("Shymkent"),
        counts.labels.join(),
      );
      assert.equal(
        await plotsOnMap(page),
        plots.filter((p) => p.location).length,
        "every located plot is on the map, in a cluster or alone",
      );
      assert.equal(await page.locator("#map-visual").isVisible(), true);
      clean(page);
    });

    it("applies a status ticked in the panel to the markers, the count, the list and the URL", async () => {
      const page = await freshPage();
      await page.goto(url("/en/map"));
      await waitForMarkers(page);
      const idle = plots.filter((p) => p.status === "idle");
      assert.ok(idle.length > 0 && idle.length < plots.length);
      await Promise.all([page.waitForURL(url("/en/map?status=idle")), page.locator("#f-status-idle").check()]);
      await page.waitForFunction(
        (text) => document.getElementById("map-count")?.textContent === text,
        en.t("map.found", { count: idle.length }),
      );
      await page.waitForFunction((n) => {
        let total = document.querySelectorAll(".leaflet-marker-pane .plot-marker").length;
        for (const c of document.querySelectorAll(".leaflet-marker-pane .plot-cluster"))
          total += Number(c.textContent?.replace(/\D/g, "") || 0);
        return total === n;
      }, idle.length);
      assert.equal(await page.getAttribute("#map-list-link", "href"), "/en/plots?status=idle");
      const statuses = await page.locator("#map-list-body .status").evaluateAll((els) => els.map((e) => e.className));
      assert.equal(statuses.length, Math.min(idle.length, 10));
      assert.ok(
        statuses.every((c) => c === "status status-idle"),
        statuses.join(),
      );
      // A second box widens the selection; the URL keeps both, comma-separated as the list reads it.
      await Promise.all([page.waitForURL(url("/en/map?status=reserved,idle")), page.locator("#f-status-reserved").check()]);
      const both = plots.filter((p) => p.status === "idle" || p.status === "reserved").length;
      await page.waitForFunction((text) => document.getElementById("map-count")?.textContent === text, en.t("map.found", { count: both }));
      // Reloading the URL gives the same state from the server.
      await page.reload();
      assert.equal(await page.isChecked("#f-status-reserved"), true);
      assert.equal((await page.textContent("#map-count"))?.trim(), en.t("map.found", { count: both }));
      clean(page);
    });

    it("filters by district in the panel, opens a plot's popup, follows it to the plot page and downloads its passport", async () => {
      const page = await freshPage({ acceptDownloads: true });
      await page.goto(url("/en/map"));
      await waitForMarkers(page);
      const arys = plots.filter((p) => p.territory.slug === "arys-city");
      await Promise.all([page.waitForURL(url("/en/map?district=arys-city")), page.selectOption("#f-district", "arys-city")]);
      await page.waitForFunction(
        (text) => document.getElementById("map-count")?.textContent === text,
        en.t("map.found", { count: arys.length }),
      );
      await page.waitForFunction(
        (n) => {
          let total = document.querySelectorAll(".leaflet-marker-pane .plot-marker").length;
          for (const c of document.querySelectorAll(".leaflet-marker-pane .plot-cluster"))
            total += Number(c.textContent?.replace(/\D/g, "") || 0);
          return total === n;
        },
        arys.filter((p) => p.location).length,
      );
      // Click clusters (each zooms in or spreads its markers) until single markers show.
      for (let i = 0; i < 12 && (await page.locator(".leaflet-marker-pane .plot-marker").count()) === 0; i++) {
        await page.locator(".leaflet-marker-pane .plot-cluster").first().click();
        await page.waitForTimeout(400);
      }
      const marker = page.locator(".leaflet-marker-pane .plot-marker").first();
      const title = (await marker.getAttribute("title")) ?? "";
      const code = title.split(" · ")[0] ?? "";
      assert.match(code, /^[A-Z0-9-]+$/, `the marker is titled with its plot code: ${title}`);
      assert.ok(
        arys.some((p) => p.code === code),
        `${code} lies in the district chosen`,
      );
      await marker.click();
      const popup = page.locator(".leaflet-popup-content");
      await popup.waitFor();
      assert.equal((await popup.locator(".map-popup-title").textContent())?.trim(), code);
      // The details come from the plot's API on click.
      const openLink = popup.getByRole("link", { name: en.t("map.open_plot") });
      const hrefValue = await openLink.getAttribute("href");
      assert.equal(hrefValue, `/en/plots/${code}`);
      const plot = arys.find((p) => p.code === code);
      assert.ok(
        (await popup.textContent())?.includes(en.t("map.popup_area", { area: en.number(plot?.areaHa ?? 0, { maximumFractionDigits: 2 }) })),
      );
      const [response] = await Promise.all([page.waitForNavigation(), openLink.click()]);
      assert.equal(new URL(page.url()).pathname, `/en/plots/${code}`);
      assert.equal(response?.status(), 200);
      assert.match((await page.textContent("h1")) ?? "", new RegExp(code));

      const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[href$="/passport.pdf"]').first().click()]);
      const file = await download.path();
      assert.ok(file);
      assert.equal(readFileSync(file).subarray(0, 5).toString(), "%PDF-");
      const text = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;
      assert.match(text, new RegExp(code));
      clean(page);
    });

    it("opens a zone's popup from its dot, and shows outlines once zoomed in", async () => {
      const page = await freshPage();
      await page.goto(url("/en/map?district=arys-city"));
      await waitForMarkers(page);
      const dot = page.locator(".leaflet-zones-pane path.leaflet-interactive").first();
      await dot.waitFor();
      const dotBox = await dot.boundingBox();
      assert.ok(dotBox && dotBox.width < 20, `a zone is a dot at the first view: ${JSON.stringify(dotBox)}`);
      // Plot markers may sit on top of a zone's dot at this scale: the click goes to the dot itself.
      await dot.dispatchEvent("click");
      const popup = page.locator(".leaflet-popup-content");
      await popup.waitFor();
      const zoneLink = popup.getByRole("link", { name: en.t("map.open_zone") });
      const slug = ((await zoneLink.getAttribute("href")) ?? "").replace("/en/zones/", "");
      assert.match(slug, /^[a-z0-9-]+$/);
      const zone = (await app.testApp.services.sites.listZones()).find((z) => z.slug === slug);
      assert.equal((await popup.locator(".map-popup-title").textContent())?.trim(), zone?.name.en);
      await page.locator(".leaflet-popup-close-button").click();
      await popup.waitFor({ state: "detached" });

      // Zoom in on the dot with the mouse wheel until the zone comes with its outline.
      await page.mouse.move(dotBox.x + dotBox.width / 2, dotBox.y + dotBox.height / 2);
      await page.mouse.wheel(0, -1000);
      await page.waitForTimeout(500);
      await page.mouse.wheel(0, -1000);
      await page.waitForTimeout(500);
      await page.locator("#map").scrollIntoViewIfNeeded();
      await page.waitForLoadState("networkidle");
      // Once the zoom has settled, an outline is drawn large enough to click.
      const handle = await page.waitForFunction(() => {
        if (document.querySelector(".leaflet-zoom-anim")) return null;
        const paths = [...document.querySelectorAll(".leaflet-zones-pane path.leaflet-interactive")];
        const box = paths.map((p) => p.getBoundingClientRect()).find((b) => b.width > 40 && b.height > 40);
        return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
      });
      const big = await handle.jsonValue();
      assert.ok(big);
      // Just inside the top left corner of the outline's visible part, away from the plots' markers.
      const mapBox = await page.locator("#map").boundingBox();
      assert.ok(mapBox);
      await page.mouse.click(Math.max(big.x, mapBox.x) + 6, Math.max(big.y, mapBox.y, 0) + 6);
      await popup.waitFor();
      const link = popup.getByRole("link", { name: en.t("map.open_zone") });
      const hrefValue = (await link.getAttribute("href")) ?? "";
      assert.match(hrefValue, /^\/en\/zones\/[a-z0-9-]+$/);
      const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
      assert.equal(response?.status(), 200);
      assert.equal(new URL(page.url()).pathname, hrefValue);
      clean(page);
    });

    it("opens a marker's popup from the keyboard", async () => {
      const page = await freshPage();
      await page.goto(url("/en/map?district=arys-city"));
      await waitForMarkers(page);
      const first = page.locator(".leaflet-marker-pane .plot-cluster, .leaflet-marker-pane .plot-marker").first();
      await first.focus();
      await page.keyboard.press("Enter");
      await page.waitForTimeout(500);
      for (let i = 0; i < 10 && (await page.locator(".leaflet-marker-pane .plot-marker").count()) === 0; i++) {
        await page.locator(".leaflet-marker-pane .plot-cluster").first().focus();
        await page.keyboard.press("Enter");
        await page.waitForTimeout(400);
      }
      await page.locator(".leaflet-marker-pane .plot-marker").first().focus();
      await page.keyboard.press("Enter");
      await page.locator(".leaflet-popup-content .map-popup-title").waitFor();
      clean(page);
    });

    it("works without JavaScript: the form filters and the list shows the count", async () => {
      const page = await freshPage({ javaScriptEnabled: false });
      await page.goto(url("/en/map"));
      assert.equal(await page.locator("#map-visual").isVisible(), false, "no empty map box without a script");
      // Chromium with scripts switched off still parses <noscript> as text, so read the markup.
      assert.ok((await page.content()).includes(en.t("map.noscript")), "the page says the map needs a script");
      await page.check("#f-status-free");
      await page.check("#f-status-idle");
      await Promise.all([page.waitForURL(/\/en\/map\?/), page.getByRole("button", { name: en.t("map.apply") }).click()]);
      const expected = plots.filter((p) => p.status === "free" || p.status === "idle").length;
      assert.equal((await page.textContent("#map-count"))?.trim(), en.t("map.found", { count: expected }));
      assert.equal(await page.getAttribute("#map-list-link", "href"), "/en/plots?status=free,idle");
    });

    it("shows the map in Chinese and Kazakh (screenshots in the temp folder)", async () => {
      for (const [locale, i18n, place] of [
        ["zh", zh, "乌兹别克斯坦"],
        ["kk", kk, "Өзбекстан"],
      ] as const) {
        const page = await freshPage({ locale: locale === "zh" ? "zh-CN" : "kk-KZ" });
        await page.goto(url(`/${locale}/map`));
        await waitForMarkers(page);
        await page.waitForSelector(".map-label-place");
        assert.equal((await page.textContent("h1"))?.trim(), i18n.t("map.title"));
        const labels = await page.locator(".map-label").allTextContents();
        assert.ok(labels.includes(place), `${locale}: ${labels.join()}`);
        assert.ok((await page.locator(".map-legend").textContent())?.includes(i18n.t("plot.status.free")));
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(tmpdir(), `jibek-map-${locale}-${dialect}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(statSync(file).size > 20_000, `${file} has content`);
        clean(page);
      }
    });

    it("has no serious or critical accessibility violations", async () => {
      const page = await freshPage();
      const found: string[] = [];
      for (const p of ["/en/map", "/zh/map?status=free"]) {
        await page.goto(url(p));
        await waitForMarkers(page);
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
          found.push(
            `${p} — ${v.id}: ${v.help} ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
          );
      }
      assert.deepEqual(found, []);
    });
  });
}
