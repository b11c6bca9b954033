import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { closePdfRenderer, configurePdfRenderer, DEFAULT_CHROMIUM_PATH } from "../../lib/pdf.ts";
import { contentDisposition } from "./sites.passport.tsx";

/** Text as hono/jsx writes it into HTML. */
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const work = mkdtempSync(path.join(tmpdir(), "jibek-passport-"));

/** The PDF's text as poppler extracts it, whitespace folded to single spaces. */
function pdfText(pdf: Uint8Array, name: string): string {
  const file = path.join(work, name);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

async function download(t: TestApp, url: string): Promise<{ res: Response; pdf: Uint8Array }> {
  const res = await t.app.request(url);
  return { res, pdf: new Uint8Array(await res.arrayBuffer()) };
}

const isPdf = (pdf: Uint8Array) => Buffer.from(pdf.subarray(0, 5)).toString("latin1") === "%PDF-";

after(async () => {
  await closePdfRenderer();
  rmSync(work, { recursive: true, force: true });
});

describe("passport file names", () => {
  it("gives an ASCII file name and the real one in UTF-8 (RFC 6266)", () => {
    const header = contentDisposition("jibek-passport-TRN-IND-P01-zh.pdf", "投资护照 «Turan»/(1).pdf");
    assert.equal(
      header,
      `attachment; filename="jibek-passport-TRN-IND-P01-zh.pdf"; filename*=UTF-8''%E6%8A%95%E8%B5%84%E6%8A%A4%E7%85%A7%20%C2%ABTuran%C2%BB%20%281%29.pdf`,
    );
    assert.match(contentDisposition('a "b".pdf', "x"), /^attachment; filename="a__b_.pdf"/);
  });
});

for (const dialect of DIALECTS) {
  describe(`investment passports [${dialect}]`, () => {
    let t: TestApp;
    let origin: string;
    before(async () => {
      t = await createTestApp(dialect);
      origin = t.config.publicUrl.origin;
    });
    after(() => t.close());

    for (const locale of LOCALES) {
      it(`prints a demo plot's passport in ${locale}: QR code, verification line, illustrative banner, no site chrome`, async () => {
        const i18n = i18nFor(locale);
        const { plot } = await t.services.sites.getPlot("TRN-IND-P01");
        const res = await t.app.request(`/${locale}/plots/TRN-IND-P01/passport`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get("content-type") ?? "", /text\/html/);
        const html = await res.text();
        assert.match(html, new RegExp(`<html lang="${i18n.tag}"`));
        assert.match(html, /<link rel="stylesheet" href="\/static\/passport\.css\?v=[0-9a-f]+"/);
        assert.doesNotMatch(html, /class="main-nav"|class="site-header"|<script/);
        assert.ok(
          html.includes(
            `<svg class="qr" role="img" aria-label="${esc(i18n.t("passport.qr_label", { url: `${origin}/${locale}/plots/TRN-IND-P01` }))}"`,
          ),
        );
        assert.ok(html.includes(esc(i18n.t("sites.illustrative_note"))), "illustrative banner");
        assert.ok(plot.verification.at);
        assert.ok(
          html.includes(esc(i18n.t("sites.verified_on_by", { date: i18n.date(plot.verification.at), by: "Demo data (illustrative)" }))),
        );
        assert.ok(html.includes(esc(i18n.t("passport.of_plot"))));
        assert.ok(html.includes(`href="/${locale}/plots/TRN-IND-P01/passport.pdf"`));
        // The subzone has no regime of its own: the SEZ's applies, with its incentives.
        assert.ok(html.includes(esc(i18n.t("incentive.cit"))));
        assert.ok(html.includes(esc(i18n.t("passport.printed_on", { date: i18n.date(new Date()) }))));
      });

      it(`prints the Turan SEZ's passport in ${locale}: names, regime, incentives, facts, subzones, QR to the zone`, async () => {
        const i18n = i18nFor(locale);
        const { zone, subzones } = await t.services.sites.getZone("turan-sez");
        const res = await t.app.request(`/${locale}/zones/turan-sez/passport`);
        assert.equal(res.status, 200);
        const html = await res.text();
        assert.ok(html.includes(`aria-label="${esc(i18n.t("passport.qr_label", { url: `${origin}/${locale}/zones/turan-sez` }))}"`));
        assert.ok(html.includes(esc(i18n.pick(zone.name).text)));
        assert.ok(html.includes("图兰经济特区"), "every name is listed, Chinese included");
        assert.ok(zone.regime);
        assert.ok(html.includes(esc(i18n.pick(zone.regime).text)));
        assert.ok(html.includes(esc(i18n.t("incentive.vat"))));
        assert.ok(html.includes(esc(i18n.t("passport.fact.total_area_ha"))));
        assert.ok(html.includes(esc(i18n.t("confidence.conflicting"))) || html.includes(esc(i18n.t("confidence.single_source"))));
        assert.ok(html.includes("https://en.trend.az/casia/kazakhstan/3797200.html"), "each fact keeps its source");
        for (const s of subzones) assert.ok(html.includes(esc(i18n.pick(s.name).text)), s.slug);
        assert.ok(html.includes(esc(i18n.t("passport.nace.C"))));
        assert.ok(html.includes(esc(i18n.t("sites.plots_free_of_total", { free: zone.plots.free, total: zone.plots.total }))));
        assert.ok(zone.verification.at);
        assert.ok(
          html.includes(esc(i18n.t("sites.verified_on_by", { date: i18n.date(zone.verification.at), by: zone.verification.by ?? "" }))),
        );
        assert.ok(!html.includes(esc(i18n.t("sites.illustrative_note"))), "a real zone carries no illustrative banner");
      });
    }

    it("shows every unconfirmed utility of WZP-CORE as unknown, never as available", async () => {
      const en = i18nFor("en");
      const html = await (await t.app.request("/en/plots/WZP-CORE/passport")).text();
      for (const utility of ["power", "gas", "water", "sewage", "heat", "rail", "road"]) {
        assert.match(html, new RegExp(`data-utility="${utility}" data-state="unknown"`), utility);
      }
      const infrastructure = html.slice(
        html.indexOf('class="infrastructure"'),
        html.indexOf("</table>", html.indexOf('class="infrastructure"')),
      );
      assert.ok(infrastructure.includes(en.t("common.unknown")));
      assert.ok(!infrastructure.includes(`>${en.t("common.yes")}<`));
      assert.ok(!infrastructure.includes(en.t("passport.not_connected")));
      assert.ok(!html.includes(esc(en.t("sites.illustrative_note"))), "WZP-CORE is a real site");
      assert.ok(html.includes(esc(en.t("sites.price_on_request"))));
    });

    it("tells a missing figure from a connection to be made on a demo plot", async () => {
      const { items } = await t.services.sites.listPlots({ sort: "code", page: 1, perPage: 500 });
      const unknownHeat = items.find((p) => p.zone && p.infrastructure.heatGcalh === null && !p.infrastructure.details.heat);
      const toConnect = items.find((p) => p.infrastructure.powerKw === null && p.infrastructure.details.power?.connectMonths);
      assert.ok(unknownHeat && toConnect);
      assert.match(
        await (await t.app.request(`/en/plots/${unknownHeat.code}/passport`)).text(),
        /data-utility="heat" data-state="unknown"/,
      );
      const html = await (await t.app.request(`/ru/plots/${toConnect.code}/passport`)).text();
      assert.match(html, /data-utility="power" data-state="absent"/);
      const ru = i18nFor("ru");
      const months = toConnect.infrastructure.details.power?.connectMonths ?? 0;
      assert.ok(html.includes(esc(ru.t("passport.connect_time", { value: ru.t("unit.months", { value: ru.number(months) }) }))));
    });

    it("answers 404 in the reader's language for an unknown or malformed plot code or zone", async () => {
      for (const [url, locale, key] of [
        ["/ru/plots/NO-SUCH-PLOT/passport", "ru", "error.plot_not_found"],
        ["/zh/plots/NO-SUCH-PLOT/passport.pdf", "zh", "error.plot_not_found"],
        ["/kk/plots/%27%20OR%201=1/passport", "kk", "error.plot_not_found"],
        ["/en/zones/no-such-zone/passport", "en", "error.zone_not_found"],
        ["/kk-latn/zones/No_Such/passport.pdf", "kk-latn", "error.zone_not_found"],
      ] as const) {
        const res = await t.app.request(url);
        assert.equal(res.status, 404, url);
        assert.ok((await res.text()).includes(esc(i18nFor(locale).t(key))), url);
      }
    });

    it("lays the page out for A4 with page breaks in its print stylesheet", async () => {
      const css = await (await t.app.request("/static/passport.css")).text();
      assert.match(css, /@page\s*{\s*size: A4;\s*margin: [^;]+;/);
      assert.match(css, /break-inside: avoid/);
      assert.match(css, /@media print\s*{\s*\.toolbar\s*{\s*display: none;/);
    });

    it("renders a passport page within 10 SQL statements (QUALITY P5)", async () => {
      for (const url of ["/en/plots/TRN-IND-P01/passport", "/en/plots/WZP-CORE/passport", "/en/zones/turan-industrial-subzone/passport"]) {
        const { result, counter } = withStatementCounter(() => t.app.request(url));
        assert.equal((await result).status, 200, url);
        assert.ok(counter.statements <= 10, `${url}: ${counter.statements} statements`);
      }
    });

    it("downloads the zh plot passport as a PDF with the Chinese text embedded", async () => {
      const { res, pdf } = await download(t, "/zh/plots/TRN-IND-P01/passport.pdf");
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "application/pdf");
      assert.equal(
        res.headers.get("content-disposition"),
        `attachment; filename="jibek-passport-TRN-IND-P01-zh.pdf"; filename*=UTF-8''${encodeURIComponent("投资护照 TRN-IND-P01.pdf")}`,
      );
      assert.ok(isPdf(pdf));
      const text = pdfText(pdf, "zh.pdf");
      assert.ok(text.includes("图兰经济特区"), "the zone's Chinese name");
      assert.ok(text.includes(i18nFor("zh").t("passport.of_plot")), "a Chinese label");
    });

    it("downloads the kk plot passport in Kazakh Cyrillic and the kk-latn one in Kazakh Latin", async () => {
      const kk = pdfText((await download(t, "/kk/plots/TRN-IND-P01/passport.pdf")).pdf, "kk.pdf");
      assert.ok(kk.includes(i18nFor("kk").t("sites.plot_title", { code: "TRN-IND-P01" })), kk.slice(0, 300));
      assert.match(kk, /Инфрақұрылым|[әғқңөұүһі]/);
      const { res, pdf } = await download(t, "/kk-latn/plots/TRN-IND-P01/passport.pdf");
      assert.equal(res.status, 200);
      const latn = pdfText(pdf, "kk-latn.pdf");
      assert.ok(latn.includes(i18nFor("kk-latn").t("sites.plot_title", { code: "TRN-IND-P01" })), latn.slice(0, 300));
      assert.ok(latn.includes("Türkıstan"), "place names transliterated too");
      assert.doesNotMatch(latn, /[\u0400-\u04ff]/, "no Cyrillic left on a Latin page");
    });

    it("downloads a zone passport, and a second download of the same passport is served from the cache", async () => {
      const first = await download(t, "/en/zones/turan-sez/passport.pdf");
      assert.equal(first.res.status, 200);
      assert.ok(isPdf(first.pdf));
      assert.ok(pdfText(first.pdf, "zone.pdf").includes("Turan Special Economic Zone"));
      const second = await download(t, "/en/zones/turan-sez/passport.pdf");
      assert.deepEqual(second.pdf, first.pdf);
    });

    it("answers 503 with a localized page offering the printable passport when Chromium is missing", async () => {
      await configurePdfRenderer({ executablePath: path.join(work, "no-chromium") });
      try {
        const res = await t.app.request("/kk/plots/TRN-IND-P01/passport.pdf");
        assert.equal(res.status, 503);
        const html = await res.text();
        const kk = i18nFor("kk");
        assert.ok(html.includes(esc(kk.t("passport.pdf_unavailable"))));
        assert.ok(html.includes(`href="/kk/plots/TRN-IND-P01/passport"`));
        assert.ok(html.includes(esc(kk.t("passport.open_printable"))));
      } finally {
        await configurePdfRenderer({ executablePath: DEFAULT_CHROMIUM_PATH });
      }
    });
  });
}
