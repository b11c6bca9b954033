import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { DAY } from "../../lib/time.ts";
import { seedSynthetic } from "../../seed/synthetic.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import { SYSTEM_ACTOR } from "../cooperation/cooperation.service.ts";
import { parseMatchData, toPartnerProfile } from "./enterprises.matchdata.ts";
import * as repo from "./enterprises.repository.ts";
import type { MatchResult } from "./enterprises.schemas.ts";
import { EnterprisesService, MATCH_CANDIDATES } from "./enterprises.service.ts";
import type { MatchSubject, PartnerMatch, Side } from "./partners.model.ts";
import { rankPartners } from "./partners.rules.ts";
import { relatedClasses } from "./value-chain.ts";

/**
 * Partner matching reads an in-memory index kept true by the directory's version stamp
 * (migration 0010). These tests hold it to the SQL path it replaced — the pre-filter over the two
 * sector tables, the candidates' match_data, the rules — on a generated set, and show that every
 * kind of write through the service is seen by the very next match, also by another service
 * instance (another process) that shares only the database.
 */

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date();
const tomorrow = new Date(today.getTime() + DAY);
const en = i18nFor("en");

/** The SQL path: pre-filter in SQL (most hits first, then the lower id), published candidates only, at most 150, ranked by the rules. */
async function sqlPath(t: TestApp, body: { organisationId?: number; requestId?: number; limit: number }): Promise<PartnerMatch[]> {
  const db = t.database.db;
  const day = dayOf(today);
  let orgId = body.organisationId ?? 0;
  if (body.requestId !== undefined) orgId = (await repo.findRequest(db, body.requestId))?.organisation_id ?? 0;
  const [subjectRow] = await repo.listMatchDataRows(db, [orgId]);
  assert.ok(subjectRow);
  const profile = toPartnerProfile(orgId, subjectRow.side as Side, parseMatchData(subjectRow.match_data), day);
  const request = body.requestId === undefined ? undefined : profile.requests.find((r) => r.id === body.requestId);
  if (body.requestId !== undefined) assert.ok(request, "subject requests are published ones");
  const own = request ? request.sectors : [...profile.sectors, ...profile.requests.flatMap((r) => r.sectors)];
  const other: Side = profile.side === "home" ? "partner" : "home";
  const hits = await repo.prefilterCandidates(db, other, relatedClasses(own), orgId, day, 1_000_000);
  const rows = new Map(
    (
      await repo.listMatchDataRows(
        db,
        hits.map((h) => h.organisation_id),
      )
    ).map((r) => [r.organisation_id, r]),
  );
  const candidates = hits
    .map((h) => rows.get(h.organisation_id))
    .filter((r) => r?.publication === "published")
    .slice(0, MATCH_CANDIDATES)
    .map((r) => toPartnerProfile(r?.organisation_id ?? 0, r?.side as Side, parseMatchData(r?.match_data), day));
  const subject: MatchSubject = request ? { profile, request } : { profile };
  return rankPartners(subject, candidates, { today: day, limit: body.limit });
}

const summary = (items: MatchResult["items"]) =>
  items.map((m) => ({ profileId: m.enterprise.id, requestId: m.request?.id ?? null, score: m.score, reasons: m.reasons }));

for (const dialect of DIALECTS) {
  describe(`partner matching through the in-memory index, against the SQL path [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      await seedSynthetic(t.database.db, t.services, { zones: 0, plots: 0, premises: 0, enterprises: 600, seed: 5, asOf: today });
    });
    after(() => t.close());

    it("ranks enterprises and requests of both sides exactly as the SQL pre-filter and the rules over match_data did", async () => {
      const s = t.services.enterprises;
      const subjects: { organisationId?: number; requestId?: number; limit: number }[] = [];
      for (const side of ["home", "partner"] as const) {
        const page = await s.directory({ side }, { perPage: 100 });
        for (const e of page.items.filter((_, i) => i % 5 === 0)) subjects.push({ organisationId: e.id, limit: 20 });
      }
      const requests = await s.listRequests({});
      for (const r of requests.items.slice(0, 12)) subjects.push({ requestId: r.id, limit: 10 });
      assert.ok(subjects.length >= 50);
      let ranked = 0;
      for (const body of subjects) {
        const expected = await sqlPath(t, body);
        const actual = await s.match(body, null, en, today);
        assert.deepEqual(
          summary(actual.items),
          expected.map((m) => ({ profileId: m.profileId, requestId: m.requestId, score: m.score, reasons: m.reasons })),
          JSON.stringify(body),
        );
        ranked += actual.items.length;
      }
      assert.ok(ranked > subjects.length * 5, "the comparison is about real results");
    });

    it("answers in two statements at most once built: the version stamp and the matched requests", async () => {
      const s = t.services.enterprises;
      const subject = (await s.directory({ side: "home" })).items[0];
      assert.ok(subject);
      await s.match({ organisationId: subject.id, limit: 10 }, null, en);
      const { withStatementCounter } = await import("../../db/statement-counter.ts");
      const { result, counter } = withStatementCounter(() => s.match({ organisationId: subject.id, limit: 10 }, null, en));
      assert.ok((await result).items.length > 0);
      assert.ok(counter.statements <= 2, `${counter.statements} statements`);
    });
  });

  describe(`partner matching sees every write through the service at the next match [${dialect}]`, () => {
    let t: TestApp;
    let s: EnterprisesService;
    let other: EnterprisesService;
    let staff: Actor;
    let spinner: number;
    const orgs = new Map<string, number>();

    const organisation = async (code: string, side: Side, sectors: string[], description: string) => {
      const org = await t.services.cooperation.saveOrganisation(SYSTEM_ACTOR, {
        kind: "company",
        name: { en: `${code} (test)`, ru: `${code} (тест)`, kk: `${code} (сынақ)`, zh: `${code}（测试）` },
        nameOriginal: null,
        territorySlug: side === "home" ? "turkistan-city" : "wenzhou",
        country: side === "home" ? "KZ" : "CN",
        illustrative: true,
      });
      await s.saveProfile(SYSTEM_ACTOR, org.id, profileInput(sectors, description));
      orgs.set(code, org.id);
      return org.id;
    };
    const profileInput = (sectors: string[], description: string, publication = "published") => ({
      sizeBand: "small",
      sectors,
      description: { en: description },
      exportMarkets: ["RU"],
      publication,
    });
    const representative = async (orgId: number): Promise<Actor> => {
      const user = await t.services.accounts.createUser({
        email: `rep-${orgId}-${Math.random().toString(36).slice(2)}@example.cn`,
        displayName: `Representative ${orgId}`,
        password: "correct horse battery staple",
        role: "partner",
        organisationId: orgId,
      });
      return { id: user.id, role: "partner", organisationId: orgId };
    };
    const request = (kind: string, sectors: string[], validUntil = dayOf(new Date(today.getTime() + 90 * DAY))) => ({
      kind,
      sectors,
      title: { en: `${kind} ${sectors.join(" ")}` },
      validUntil,
    });
    const matched = async (service: EnterprisesService = s, on = today) =>
      (await service.match({ organisationId: spinner, limit: 50 }, null, en, on)).items;
    const find = (items: MatchResult["items"], code: string) => items.find((m) => m.enterprise.id === orgs.get(code));

    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      s = t.services.enterprises;
      // Another process: its own index, the same database.
      other = new EnterprisesService(t.database.db, { introductionStaleDays: 10, storageDir: t.config.storageDir }, t.services.accounts);
      const manager = await t.services.accounts.createUser({
        email: `manager-${Date.now()}@example.kz`,
        displayName: "Manager",
        password: "correct horse battery staple",
        role: "manager",
      });
      staff = { id: manager.id, role: "manager", organisationId: null };
      spinner = await organisation("spinner", "home", ["13.10"], "Spins cotton yarn.");
      await organisation("weaver", "partner", ["13.20"], "Weaves fabrics.");
      for (const code of ["electronics-a", "electronics-b", "electronics-c", "electronics-d"])
        await organisation(code, "partner", ["26.11"], "Makes electronic components.");
      assert.ok(!relatedClasses(["13.10"]).includes("26.11"), "26.11 has nothing to do with spinning");
    });
    after(() => t.close());

    it("starts from the weaver alone: the electronics makers share no class with spinning", async () => {
      const items = await matched();
      assert.ok(find(items, "weaver"));
      for (const code of ["electronics-a", "electronics-b", "electronics-c", "electronics-d"]) assert.ok(!find(items, code), code);
    });

    it("matches a request staff publish, here and in another process", async () => {
      const created = await s.createRequest(staff, orgs.get("electronics-a") ?? 0, request("buy", ["13.10"]));
      assert.equal(created.status, "published");
      assert.equal(find(await matched(), "electronics-a")?.request?.id, created.id);
      assert.equal(find(await matched(other), "electronics-a")?.request?.id, created.id);
    });

    it("ignores a representative's request until staff approve it", async () => {
      const rep = await representative(orgs.get("electronics-b") ?? 0);
      const created = await s.createRequest(rep, orgs.get("electronics-b") ?? 0, request("buy", ["13.10"]));
      assert.equal(created.status, "pending");
      assert.ok(!find(await matched(), "electronics-b"));
      assert.ok(!find(await matched(other), "electronics-b"));
      await s.moderateRequest(staff, created.id, { decision: "approve" });
      assert.equal(find(await matched(), "electronics-b")?.request?.id, created.id);
      assert.equal(find(await matched(other), "electronics-b")?.request?.id, created.id);
    });

    it("drops a request after its last day, before and after expireRequests marks it", async () => {
      const created = await s.createRequest(staff, orgs.get("electronics-c") ?? 0, request("buy", ["13.10"], dayOf(today)));
      assert.equal(find(await matched(), "electronics-c")?.request?.id, created.id);
      assert.ok(!find(await matched(s, tomorrow), "electronics-c"));
      await s.expireRequests(tomorrow);
      assert.equal((await s.getRequest(created.id, staff)).status, "expired");
      assert.ok(!find(await matched(s, tomorrow), "electronics-c"));
      assert.ok(!find(await matched(other, tomorrow), "electronics-c"));
      await assert.rejects(s.match({ requestId: created.id, limit: 10 }, null, en, tomorrow), /not_found/);
    });

    it("follows a change of the profile's classes", async () => {
      await s.saveProfile(staff, orgs.get("electronics-d") ?? 0, profileInput(["13.20"], "Now weaves fabrics too."));
      const found = find(await matched(), "electronics-d");
      assert.ok(found);
      assert.equal(found.request, null);
      assert.ok(find(await matched(other), "electronics-d"));
    });

    it("counts a representative's new description only once staff approve it", async () => {
      const weaver = orgs.get("weaver") ?? 0;
      const before = find(await matched(), "weaver");
      assert.ok(before);
      assert.ok(!before.reasons.some((r) => r.code === "text"));
      const rep = await representative(weaver);
      await s.saveProfile(rep, weaver, { ...profileInput(["13.20"], "Weaves fabrics from cotton yarn."), publication: undefined });
      const pending = find(await matched(), "weaver");
      assert.equal(pending?.score, before.score, "pending text changes nothing");
      assert.ok(!pending?.reasons.some((r) => r.code === "text"));
      await s.moderateProfile(staff, weaver, { decision: "approve" });
      const approved = find(await matched(), "weaver");
      assert.ok(approved && approved.score > before.score, "approved text counts");
      assert.ok(approved.reasons.some((r) => r.code === "text"));
      assert.equal(find(await matched(other), "weaver")?.score, approved.score);
    });

    it("drops a hidden profile and shows the registry's new name at once", async () => {
      const weaver = orgs.get("weaver") ?? 0;
      await s.saveProfile(staff, weaver, profileInput(["13.20"], "Weaves fabrics from cotton yarn.", "hidden"));
      assert.ok(!find(await matched(), "weaver"));
      await s.saveProfile(staff, weaver, profileInput(["13.20"], "Weaves fabrics from cotton yarn."));
      assert.ok(find(await matched(), "weaver"));
      await t.services.cooperation.saveOrganisation(
        SYSTEM_ACTOR,
        {
          kind: "company",
          name: { en: "Renamed weaver (test)", ru: "Ткач (тест)", kk: "Тоқымашы (сынақ)", zh: "织布厂（测试）" },
          nameOriginal: null,
          territorySlug: "wenzhou",
          country: "CN",
          illustrative: true,
        },
        weaver,
      );
      assert.equal(find(await matched(), "weaver")?.enterprise.name.en, "Renamed weaver (test)");
      assert.equal(find(await matched(other), "weaver")?.enterprise.name.en, "Renamed weaver (test)");
    });
  });
}
