import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { DAY } from "../../lib/time.ts";
import { SYSTEM_ACTOR } from "../cooperation/cooperation.service.ts";
import type { MatchResult } from "./enterprises.schemas.ts";
import { CASES_TODAY, FIXTURE_ENTERPRISES, PARTNER_CASES } from "./partners.cases.ts";

/**
 * The hand-made partner-matching cases (partners.cases.ts) replayed through the database and the
 * API: the fixtures are stored as organisations, profiles and requests through the service (text
 * keys computed on approval, sectors in the join table), then each case runs the SQL pre-filter,
 * the rules and the final fetch. Dates are shifted so that "today" of the cases is today.
 */

const today = new Date();
const shift = Math.round((Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00Z`) - Date.parse(`${CASES_TODAY}T00:00:00Z`)) / DAY);
const shifted = (date: string | null) =>
  date === null ? "9999-12-31" : new Date(Date.parse(`${date}T00:00:00Z`) + shift * DAY).toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describe(`hand-made partner-matching cases through the database and the API [${dialect}]`, () => {
    let t: TestApp;
    const orgOf = new Map<string, number>();
    const codeOf = new Map<number, string>();
    const requestOf = new Map<number, number>();

    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      const { cooperation, enterprises } = t.services;
      for (const e of FIXTURE_ENTERPRISES) {
        const org = await cooperation.saveOrganisation(SYSTEM_ACTOR, {
          kind: "company",
          name: e.name,
          nameOriginal: e.originalName,
          territorySlug: e.territory,
          country: e.side === "home" ? "KZ" : "CN",
          illustrative: true,
        });
        orgOf.set(e.code, org.id);
        codeOf.set(org.id, e.code);
        await enterprises.saveProfile(SYSTEM_ACTOR, org.id, {
          sizeBand: e.sizeBand,
          sectors: e.sectors,
          description: e.description,
          products: e.products.map((hs) => ({ hs, name: hs })),
          exportMarkets: e.exportMarkets,
        });
        for (const r of e.requests) {
          const created = await enterprises.createRequest(SYSTEM_ACTOR, org.id, {
            kind: r.kind,
            sectors: r.sectors,
            products: r.products.map((hs) => ({ hs, name: hs })),
            title: r.text,
            validUntil: today.toISOString().slice(0, 10),
          });
          requestOf.set(r.id, created.id);
          // Expired and open-ended requests cannot be posted as such: their day is set afterwards.
          await t.database.db
            .updateTable("enterprise_requests")
            .set({ valid_until: shifted(r.validUntil) })
            .where("id", "=", created.id)
            .execute();
        }
      }
      // The days were set in SQL, behind the service: refresh what matching reads.
      await enterprises.rebuildMatchData([...orgOf.values()]);
    });
    after(() => t.close());

    it("stores every fixture on the side its territory gives", async () => {
      for (const e of FIXTURE_ENTERPRISES)
        assert.equal((await t.services.enterprises.get(orgOf.get(e.code) ?? 0, null)).side, e.side, e.code);
    });

    const check = (c: (typeof PARTNER_CASES)[number], result: MatchResult) => {
      const codes = result.items.map((m) => codeOf.get(m.enterprise.id));
      assert.equal(codes[0], c.first, `ranked: ${result.items.map((m) => `${codeOf.get(m.enterprise.id)} ${m.score}`).join(", ")}`);
      if (c.firstRequest !== undefined)
        assert.equal(result.items[0]?.request?.id ?? null, c.firstRequest === null ? null : requestOf.get(c.firstRequest));
      for (const code of c.absent) assert.ok(!codes.includes(code), `${code} must not appear`);
      for (const code of c.present ?? []) assert.ok(codes.includes(code), `${code} must appear`);
      for (const id of c.absentRequests ?? []) assert.ok(!result.items.some((m) => m.request?.id === requestOf.get(id)), `request ${id}`);
      const side = FIXTURE_ENTERPRISES.find((e) => e.code === c.subject)?.side;
      assert.ok(result.items.every((m) => m.enterprise.side !== side));
      assert.ok(result.items.every((m) => m.explanation.length === m.reasons.length && m.explanation.every((s) => s.length > 0)));
    };
    const body = (c: (typeof PARTNER_CASES)[number]) =>
      c.subjectRequest === undefined
        ? { organisationId: orgOf.get(c.subject), limit: 50 }
        : { requestId: requestOf.get(c.subjectRequest), limit: 50 };

    for (const c of PARTNER_CASES) {
      it(`${c.name} (service)`, async () => {
        check(c, await t.services.enterprises.match(body(c), null, i18nFor("en"), today));
      });
    }

    it("answers the same through POST /api/v1/matching/partners, explained in the reader's language", async () => {
      for (const c of PARTNER_CASES) {
        const res = await t.client().request("/api/v1/matching/partners", {
          method: "POST",
          headers: { "content-type": "application/json", "accept-language": "kk" },
          body: JSON.stringify(body(c)),
        });
        assert.equal(res.status, 200, c.name);
        const result = (await res.json()) as MatchResult;
        check(c, result);
        assert.ok(
          result.items.some((m) => m.explanation.some((s) => /[әғқңөұүһі]/i.test(s))),
          `${c.name}: explanations in Kazakh`,
        );
      }
    });
  });
}
