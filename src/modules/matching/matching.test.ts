import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { loadFixtureCatalogue } from "./matching.fixtures.ts";
import type { MatchResponse } from "./matching.schemas.ts";

const DENIM_QUERY =
  "areaMin=5&areaMax=10&areaHard=1&powerKw=3000&powerHard=1&waterM3d=800&waterHard=1&railKm=5&railHard=1&cit=1&citHard=1&readyBy=2030-01-01";

async function post(t: TestApp, body: unknown, locale = "en"): Promise<Response> {
  return t.app.request(`/api/v1/matching/sites?locale=${locale}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
}

for (const dialect of DIALECTS) {
  describe(`site selection pages and API [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      await loadFixtureCatalogue(t.services.sites);
    });
    after(() => t.close());

    it("explains every gap in the reader's language, with the utility's connection terms", async () => {
      const res = await post(t, { area: { min: 5, max: 10, hard: true }, power: { need: 3000, hard: true }, readyBy: "2030-01-01" });
      assert.equal(res.status, 200);
      const body = (await res.json()) as MatchResponse;
      const b = body.results.find((r) => r.code === "B-CONNECT");
      const power = b?.criteria.find((c) => c.criterion === "power");
      assert.equal(power?.outcome, "closable");
      assert.equal(
        power?.explanation.replace(/\s/g, " "),
        "Power: needs 3,000 kW, 1,800 kW free: 1,200 kW short; connection of 2,000 kW possible in 9 months per the utility, cost KZT 120,000,000.00",
      );
      const zh = (await (await post(t, { power: { need: 3000, hard: true } }, "zh")).json()) as MatchResponse;
      const h = zh.results.find((r) => r.code === "H-POWER-UNKNOWN");
      assert.equal(h?.fullMatch, false);
      assert.match(h?.criteria.find((c) => c.criterion === "power")?.explanation ?? "", /现有空余未知/);
      const ru = (await (await post(t, { power: { need: 3000, hard: true } }, "ru")).json()) as MatchResponse;
      assert.match(ru.results[0]?.criteria.find((c) => c.criterion === "power")?.explanation ?? "", /Электромощность: нужно 3\s000\sкВт/);
    });

    it("returns near misses after full matches, marked with what they miss", async () => {
      const body = (await (
        await post(t, { area: { min: 5, max: 10, hard: true }, power: { need: 7000, hard: true }, limit: 50 })
      ).json()) as MatchResponse;
      assert.equal(body.fullMatches, 0);
      assert.ok(body.nearMisses > 0);
      assert.ok(body.results.every((r) => !r.fullMatch && r.misses.includes("power")));
    });

    it("refuses malformed requirements with a localized message per field", async () => {
      const res = await post(t, { power: { need: -5 }, readyBy: "tomorrow" }, "kk");
      assert.equal(res.status, 422);
      const body = (await res.json()) as { error: { code: string; details: Record<string, string> } };
      assert.equal(body.error.code, "validation_failed");
      assert.ok(body.error.details["power.need"]);
      assert.ok(body.error.details.readyBy);
    });

    for (const locale of LOCALES) {
      it(`renders the search form and its results in ${locale}`, async () => {
        const empty = await t.app.request(`/${locale}/match`);
        assert.equal(empty.status, 200);
        const html = await (await t.app.request(`/${locale}/match?${DENIM_QUERY}`)).text();
        assert.match(html, /A-BEST/);
        assert.match(html, /B-CONNECT/);
        assert.doesNotMatch(html, /I-ALLOTTED/);
      });
    }

    it("keeps what was typed and says what to fix when a field does not parse", async () => {
      const html = await (await t.app.request("/ru/match?powerKw=много&readyBy=31.12.2027")).text();
      assert.match(html, /value="много"/);
      assert.match(html, /Введите число/);
      assert.match(html, /ГГГГ-ММ-ДД/);
    });

    it("compares up to four plots side by side, criterion by criterion", async () => {
      const html = await (
        await t.app.request(`/en/compare?plots=A-BEST,B-CONNECT,C-IZ-CHEAP,D-IZ2-FAR,E-STANDALONE&q=${encodeURIComponent(DENIM_QUERY)}`)
      ).text();
      for (const code of ["A-BEST", "B-CONNECT", "C-IZ-CHEAP", "D-IZ2-FAR"]) assert.match(html, new RegExp(`>${code}<`));
      assert.doesNotMatch(html, />E-STANDALONE</);
      assert.match(html, /outcome-mark outcome-closable/);
      assert.match(html, /outcome-mark outcome-short/);
    });

    it("estimates what a regime saves, showing every assumption and labelled as an estimate", async () => {
      const res = await t.app.request(
        "/api/v1/matching/estimate?zone=t-sez&annualProfitKzt=100000000&years=5&investmentKzt=1000000000&equipmentShare=0.5&buildingShare=0.4&locale=en",
      );
      assert.equal(res.status, 200);
      const body = (await res.json()) as { lines: { tax: string; savingKzt: number }[]; totalKzt: number; disclaimer: string };
      // CIT 0 % for 10 years, capped at the 5 asked: 100 M × 20 % × 5; property tax 0 %: 400 M × 1.5 % × 5.
      assert.equal(body.lines.find((l) => l.tax === "cit")?.savingKzt, 100_000_000);
      assert.equal(body.lines.find((l) => l.tax === "property_tax")?.savingKzt, 30_000_000);
      assert.equal(body.totalKzt, 130_000_000);
      assert.match(body.disclaimer, /estimate/);
      const page = await (await t.app.request("/zh/match/incentives?zone=t-sez")).text();
      assert.match(page, /这只是估算/);
      assert.equal((await t.app.request("/en/match/incentives?zone=t-iz")).status, 200);
    });

    it("a signed-in investor saves a search and turns it into an inquiry staff can see", async () => {
      const investor = await t.signIn("partner");
      const saved = await investor.client.form("/en/match/save", { q: DENIM_QUERY, title: "Denim plant" });
      assert.equal(saved.status, 303);
      const list = await (await investor.client.get("/en/account/searches")).text();
      assert.match(list, /Denim plant/);
      const id = /\/account\/searches\/(\d+)\/inquiry/.exec(list)?.[1];
      assert.ok(id);
      const short = await investor.client.form(`/en/account/searches/${id}/inquiry`, { message: "hi", contact: "" });
      assert.equal(short.status, 303);
      assert.match(await (await investor.client.get("/en/account/searches")).text(), /at least 10 characters/);
      await investor.client.form(`/en/account/searches/${id}/inquiry`, {
        message: "We plan a 200-job denim plant.",
        contact: "wechat: denim-wz",
      });
      const staff = await t.signIn("manager");
      const admin = await (await staff.client.get("/en/admin/matching/inquiries")).text();
      assert.match(admin, /Denim plant/);
      assert.match(admin, /200-job denim plant/);
      const other = await t.signIn("partner");
      assert.equal(
        (await other.client.form(`/en/account/searches/${id}/inquiry`, { message: "Not my search at all", contact: "" })).status,
        404,
      );
    });

    it("answers a search page within 10 SQL statements (QUALITY P5)", async () => {
      for (const path of [`/en/match?${DENIM_QUERY}`, "/en/compare?plots=A-BEST,B-CONNECT,C-IZ-CHEAP", "/en/match/incentives?zone=t-sez"]) {
        const { result, counter } = withStatementCounter(() => t.app.request(path));
        assert.equal((await result).status, 200, path);
        assert.ok(counter.statements <= 10, `${path}: ${counter.statements}`);
      }
    });
  });
}
