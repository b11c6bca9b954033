import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { seedSynthetic } from "../../seed/synthetic.ts";

/** The zone list and the plots page's zone filter over many zones (the synthetic set has 2,000). */
for (const dialect of DIALECTS) {
  describe(`catalogue with many zones [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      await seedSynthetic(t.database.db, t.services, {
        zones: 240,
        plots: 600,
        premises: 0,
        seed: 3,
        asOf: new Date("2026-11-26T00:00:00Z"),
      });
    });
    after(() => t.close());

    const zoneLinks = (html: string) => [...html.matchAll(/<h2><a href="\/en\/zones\/([a-z0-9-]+)"/g)].map((m) => m[1]);

    it("lists top-level zones a page at a time, with the total and a way to the next page", async () => {
      const topLevel = await t.database.db
        .selectFrom("zones")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("parent_zone_id", "is", null)
        .executeTakeFirstOrThrow();
      const { result, counter } = withStatementCounter(() => t.app.request("/en/zones"));
      const res = await result;
      const html = await res.text();
      assert.equal(res.status, 200);
      assert.ok(counter.statements <= 10, `${counter.statements} statements`);
      const first = zoneLinks(html);
      assert.equal(first.length, 50);
      assert.match(html, new RegExp(`${Number(topLevel.n)} zones and parks`));
      assert.match(html, /href="\/en\/zones\?page=2"/);
      const second = zoneLinks(await (await t.app.request("/en/zones?page=2")).text());
      assert.equal(second.length, 50);
      assert.equal(
        second.some((slug) => first.includes(slug)),
        false,
        "pages do not overlap",
      );
    });

    it("filters the zone list by district and keeps the filter in the page links", async () => {
      const [district] = await t.database.db
        .selectFrom("zones as z")
        .innerJoin("territories as t", "t.id", "z.territory_id")
        .select(["t.slug", (eb) => eb.fn.countAll<number>().as("n")])
        .where("z.parent_zone_id", "is", null)
        .groupBy("t.slug")
        .orderBy("n", "desc")
        .limit(1)
        .execute();
      assert.ok(district);
      const html = await (await t.app.request(`/en/zones?district=${district.slug}`)).text();
      assert.equal(zoneLinks(html).length, Math.min(50, Number(district.n)));
      assert.match(html, new RegExp(`<option value="${district.slug}" selected`));
    });

    it("asks for a district before listing hundreds of zones in the plots filter, and lists the district's zones then", async () => {
      const wide = await (await t.app.request("/en/plots")).text();
      const options = (html: string) => (html.match(/<select id="zone"[\s\S]*?<\/select>/)?.[0].match(/<option /g) ?? []).length;
      assert.equal(options(wide), 1, "only 'any'");
      assert.match(wide, /Choose a district and apply the filters first/);
      const zone = await t.database.db
        .selectFrom("zones as z")
        .innerJoin("territories as t", "t.id", "z.territory_id")
        .select(["z.slug", "t.slug as district"])
        .orderBy("z.slug")
        .executeTakeFirstOrThrow();
      const narrowed = await (await t.app.request(`/en/plots?district=${zone.district}`)).text();
      assert.ok(options(narrowed) > 1);
      assert.doesNotMatch(narrowed, /Choose a district and apply the filters first/);
      const chosen = await (await t.app.request(`/en/plots?zone=${zone.slug}`)).text();
      assert.match(chosen, new RegExp(`<option value="${zone.slug}" selected`), "a chosen zone stays visible");
      for (const locale of ["kk", "zh"]) assert.equal((await t.app.request(`/${locale}/plots`)).status, 200);
    });
  });
}
