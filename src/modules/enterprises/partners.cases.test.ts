import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { referenceTerritories } from "../territories/territories.data.ts";
import { isNaceClass } from "./nace.ts";
import { CASES_TODAY, FIXTURE_ENTERPRISES, fixture, PARTNER_CASES, toPartnerProfile } from "./partners.cases.ts";
import { REQUEST_KINDS } from "./partners.model.ts";
import { rankPartners } from "./partners.rules.ts";

const profiles = FIXTURE_ENTERPRISES.map(toPartnerProfile);
const codeOf = new Map(FIXTURE_ENTERPRISES.map((e) => [e.id, e.code]));

describe("the partner-matching fixtures", () => {
  it("are well-formed: unique codes and ids, our classes, known territories and request kinds, both sides", () => {
    const slugs = new Set(referenceTerritories().map((t) => t.slug));
    const ids = new Set<number>();
    for (const e of FIXTURE_ENTERPRISES) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
      assert.ok(slugs.has(e.territory), `${e.code}: unknown territory ${e.territory}`);
      for (const s of e.sectors) assert.ok(isNaceClass(s), `${e.code}: ${s}`);
      for (const r of e.requests) {
        assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
        ids.add(r.id);
        assert.ok(REQUEST_KINDS.includes(r.kind));
        for (const s of r.sectors) assert.ok(isNaceClass(s), `${e.code} ${r.id}: ${s}`);
        for (const p of r.products) assert.match(p, /^\d{2,6}$/);
        for (const lang of ["kk", "ru", "zh", "en"] as const) assert.ok(r.text[lang], `${r.id} ${lang}`);
      }
    }
    assert.equal(new Set(FIXTURE_ENTERPRISES.map((e) => e.code)).size, FIXTURE_ENTERPRISES.length);
    assert.ok(FIXTURE_ENTERPRISES.some((e) => e.side === "home") && FIXTURE_ENTERPRISES.some((e) => e.side === "partner"));
    assert.ok(FIXTURE_ENTERPRISES.length >= 25);
  });

  it("hold at least ten hand-made cases naming real fixtures", () => {
    assert.ok(PARTNER_CASES.length >= 10);
    for (const c of PARTNER_CASES) for (const code of [c.subject, c.first, ...c.absent, ...(c.present ?? [])]) fixture(code);
  });
});

describe("hand-made partner-matching cases", () => {
  for (const c of PARTNER_CASES) {
    it(c.name, () => {
      const subject = toPartnerProfile(fixture(c.subject));
      const request = c.subjectRequest === undefined ? undefined : subject.requests.find((r) => r.id === c.subjectRequest);
      if (c.subjectRequest !== undefined) assert.ok(request, `no request ${c.subjectRequest}`);
      const matches = rankPartners(request ? { profile: subject, request } : { profile: subject }, profiles, {
        today: CASES_TODAY,
        limit: 50,
      });
      const codes = matches.map((m) => codeOf.get(m.profileId));
      assert.equal(codes[0], c.first, `ranked: ${matches.map((m) => `${codeOf.get(m.profileId)} ${m.score}`).join(", ")}`);
      if (c.firstRequest !== undefined) assert.equal(matches[0]?.requestId, c.firstRequest);
      for (const code of c.absent) assert.ok(!codes.includes(code), `${code} must not appear`);
      for (const code of c.present ?? []) assert.ok(codes.includes(code), `${code} must appear`);
      for (const id of c.absentRequests ?? []) assert.ok(!matches.some((m) => m.requestId === id), `request ${id} must not match`);
      const subjectSide = fixture(c.subject).side;
      for (const m of matches) assert.notEqual(fixture(codeOf.get(m.profileId) as string).side, subjectSide);
    });
  }
});
