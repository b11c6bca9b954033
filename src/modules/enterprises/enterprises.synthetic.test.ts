import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { seedSynthetic } from "../../seed/synthetic.ts";
import { countSyntheticEnterprises, deleteSyntheticEnterprises } from "./enterprises.repository.ts";
import { syntheticEnterprise } from "./enterprises.synthetic.ts";
import { isNaceClass } from "./nace.ts";

const AS_OF = new Date("2026-11-26T00:00:00Z");
const HOME = ["a-district", "b-city"];
const PARTNER = ["wenzhou", "zhejiang"];
const hash = (seed: number, n: number) =>
  createHash("sha256")
    .update(JSON.stringify(Array.from({ length: n }, (_, i) => syntheticEnterprise(seed, i, AS_OF, HOME, PARTNER))))
    .digest("hex");

describe("synthetic enterprises", () => {
  it("are a pure function of the seed: same seed, same rows; another seed, other rows", () => {
    assert.equal(hash(1, 300), hash(1, 300));
    assert.notEqual(hash(2, 300), hash(1, 300));
  });

  it("spread over both sides, our NACE classes, named synthetic in every language, with offers and needs", () => {
    const set = Array.from({ length: 2000 }, (_, i) => syntheticEnterprise(1, i, AS_OF, HOME, PARTNER));
    assert.equal(set.filter((e) => e.side === "home").length, 1000);
    assert.ok(set.every((e) => e.sectors.every(isNaceClass) && e.requests.every((r) => r.sectors.every(isNaceClass))));
    assert.ok(set.every((e) => e.names.en.includes("(synthetic)") && e.names.kk.includes("синтетикалық") && e.names.zh.includes("合成")));
    const requests = set.flatMap((e) => e.requests);
    assert.ok(requests.length > 2000 && requests.length < 4000);
    assert.ok(new Set(requests.map((r) => r.kind)).size === 8);
    const expired = requests.filter((r) => r.status === "expired");
    assert.ok(expired.every((r) => r.validUntil < "2026-11-26"));
    assert.ok(requests.filter((r) => r.status === "published").every((r) => r.validUntil > "2026-11-26"));
  });
});

for (const dialect of DIALECTS) {
  describe(`synthetic enterprises in the database [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      await seedSynthetic(t.database.db, t.services, { zones: 0, plots: 0, premises: 0, enterprises: 400, seed: 3, asOf: new Date() });
    });
    after(() => t.close());

    it("lands in the directory, searchable and filterable, and matches across the regions in at most 10 statements", async () => {
      assert.equal(await countSyntheticEnterprises(t.database.db), 400);
      const s = t.services.enterprises;
      assert.equal((await s.directory({})).total, 400);
      assert.equal((await s.directory({ side: "home" })).total, 200);
      const found = await s.directory({ q: "Synthetic Enterprise No. 17 " });
      assert.ok(found.items.some((e) => e.name.en === "Synthetic Enterprise No. 17 (synthetic)"));
      assert.ok((await s.directory({ q: "№17 синтетикалық" })).total >= 1);
      const subject = (await s.directory({ side: "home" })).items[0];
      assert.ok(subject);
      const { result, counter } = withStatementCounter(() => s.match({ organisationId: subject.id, limit: 20 }, null, i18nFor("ru")));
      const matches = await result;
      assert.ok(matches.items.length > 0);
      assert.ok(matches.items.every((m) => m.enterprise.side === "partner" && m.explanation.length > 0));
      assert.ok(counter.statements <= 10, `${counter.statements} statements`);
    });

    it("is removed with its aliases, requests and sectors, leaving nothing behind", async () => {
      assert.equal(await deleteSyntheticEnterprises(t.database.db), 400);
      const db = t.database.db;
      for (const table of ["enterprise_profiles", "enterprise_sectors", "enterprise_requests", "enterprise_request_sectors"] as const) {
        const row = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        assert.equal(Number(row.n), 0, table);
      }
      const aliases = await db
        .selectFrom("name_aliases")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("alias", "like", "%synthetic%")
        .executeTakeFirstOrThrow();
      assert.equal(Number(aliases.n), 0);
    });
  });
}
