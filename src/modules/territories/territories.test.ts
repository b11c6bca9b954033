import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { LOCALES } from "../../i18n/locales.ts";

for (const dialect of DIALECTS) {
  describe(`territories [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it("loads the oblast, its 14 districts and 3 cities, and the partner territories", async () => {
      const overview = await t.services.territories.overview();
      assert.equal(overview.districts.length, 14);
      assert.equal(overview.cities.length, 3);
      assert.deepEqual(overview.partners.map((p) => p.slug).sort(), ["heilongjiang", "henan", "hubei", "shaanxi", "wenzhou", "zhejiang"]);
      assert.equal(overview.oblast?.name.kkLatn, "Türkıstan oblysy");
    });

    it("loading the reference data again changes nothing", async () => {
      const before = await t.services.territories.list();
      await t.services.territories.loadReference();
      assert.deepEqual(await t.services.territories.list(), before);
    });

    it("keeps coordinates with their confidence and source", async () => {
      const { territory } = await t.services.territories.get("baidibek-district");
      assert.equal(territory.coordinates?.confidence, "estimated");
      assert.equal(territory.centre?.kkLatn, "Şaian");
      const wenzhou = (await t.services.territories.get("wenzhou")).territory;
      assert.equal(wenzhou.name.zh, "温州市");
      assert.equal(wenzhou.parentSlug, "zhejiang");
    });

    for (const locale of LOCALES) {
      it(`lists the territories in ${locale} with a page per territory`, async () => {
        const res = await t.app.request(`/${locale}/territories`);
        assert.equal(res.status, 200);
        const html = await res.text();
        assert.match(html, new RegExp(`href="/${locale}/territories/wenzhou"`));
        assert.match(html, new RegExp(`href="/${locale}/territories/sauran-district"`));
        const page = await t.app.request(`/${locale}/territories/wenzhou`);
        assert.equal(page.status, 200);
      });
    }

    it("shows Kazakh data in Latin script on kk-latn pages and in Cyrillic on kk pages", async () => {
      const latn = await (await t.app.request("/kk-latn/territories/turkistan-city")).text();
      assert.match(latn, /<h1>Türkıstan qalasy<\/h1>/);
      assert.match(latn, /Türkıstan oblysy/);
      const cyr = await (await t.app.request("/kk/territories/turkistan-city")).text();
      assert.match(cyr, /<h1>Түркістан қаласы<\/h1>/);
    });

    it("shows Chinese names in zh and marks English fallbacks with their language", async () => {
      const html = await (await t.app.request("/zh/territories")).text();
      assert.match(html, /温州市/);
      assert.match(html, /<span lang="en">Kentau city<\/span>/);
    });

    it("answers an unknown territory with a localized 404", async () => {
      const res = await t.app.request("/ru/territories/atlantis");
      assert.equal(res.status, 404);
      assert.match(await res.text(), /Такой территории нет/);
      const odd = await t.app.request("/en/territories/%27%20or%201=1--");
      assert.equal(odd.status, 404);
    });

    it("serves territories as JSON", async () => {
      const res = await t.app.request("/api/v1/territories");
      assert.equal(res.status, 200);
      const body = (await res.json()) as { total: number; items: { slug: string }[] };
      assert.equal(body.total, 24);
      const one = (await (await t.app.request("/api/v1/territories/kentau-city")).json()) as { name: { kkLatn: string } };
      assert.equal(one.name.kkLatn, "Kentau qalasy");
      const missing = await t.app.request("/api/v1/territories/nowhere");
      assert.equal(missing.status, 404);
      assert.deepEqual(((await missing.json()) as { error: { code: string } }).error.code, "territory_not_found");
    });

    it("renders each public page with at most 10 SQL statements (QUALITY P5)", async () => {
      for (const path of ["/kk", "/kk/territories", "/zh/territories/turkistan-oblast", "/api/v1/territories"]) {
        const { result, counter } = withStatementCounter(() => t.app.request(path));
        assert.equal((await result).status, 200, path);
        assert.ok(counter.statements <= 10, `${path}: ${counter.statements} statements`);
      }
    });
  });
}
