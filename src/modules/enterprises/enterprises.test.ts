import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { AppError } from "../../http/errors.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { DAY } from "../../lib/time.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import type { EnterprisesService } from "./enterprises.service.ts";

/** Runs fn and returns the validation details it was refused with. */
async function refusal(fn: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed") return error.details ?? {};
    throw error;
  }
  assert.fail("expected a validation error");
}

async function code(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "ok";
}

const day = (d: Date) => d.toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describe(`enterprises [${dialect}]`, () => {
    let t: TestApp;
    let s: EnterprisesService;
    let staff: Actor;
    let spinner: number;
    let garments: number;
    let chint: number;
    let elastic: number;
    let spinnerRep: Actor;
    let garmentsRep: Actor;
    let elasticRep: Actor;

    const idOf = async (q: string) => {
      const page = await s.directory({ q });
      assert.ok(page.items[0], `no enterprise found for ${q}`);
      return page.items[0].id;
    };
    const representative = async (orgId: number, role: "enterprise" | "partner" = "enterprise"): Promise<Actor> => {
      const user = await t.services.accounts.createUser({
        email: `rep-${orgId}-${Math.random().toString(36).slice(2)}@example.kz`,
        displayName: `Representative ${orgId}`,
        password: "correct horse battery staple",
        role,
        organisationId: orgId,
      });
      return { id: user.id, role, organisationId: orgId };
    };

    before(async () => {
      t = await createTestApp(dialect);
      s = t.services.enterprises;
      const admin = await t.services.accounts.createUser({
        email: `manager-${Date.now()}@example.kz`,
        displayName: "Aigerim Manager",
        password: "correct horse battery staple",
        role: "manager",
      });
      staff = { id: admin.id, role: "manager", organisationId: null };
      spinner = await idOf("Turkistan Spinning Mill");
      garments = await idOf("Kentau Garment");
      chint = await idOf("Chint");
      elastic = await idOf("elastic-fabric");
      spinnerRep = await representative(spinner);
      garmentsRep = await representative(garments);
      elasticRep = await representative(elastic, "partner");
    });
    after(() => t.close());

    it("holds the Wenzhou companies of facts.json, the visited kinds without names, and illustrative Turkistan enterprises", async () => {
      const partner = await s.directory({ side: "partner" }, { perPage: 100 });
      const names = partner.items.map((e) => e.nameOriginal ?? e.name.en);
      for (const zh of ["正泰集团", "德力西集团", "奥康集团", "红蜻蜓", "康奈集团", "森马集团"]) assert.ok(names.includes(zh), zh);
      const visited = partner.items.filter((e) => e.name.en.includes("(name not published)"));
      assert.ok(visited.length >= 5);
      assert.ok(visited.every((e) => !e.illustrative && e.nameOriginal === null));
      const chintProfile = await s.get(chint, null);
      assert.equal(chintProfile.confidence, "verified");
      assert.ok(chintProfile.sources.some((u) => u.includes("shine.cn")));
      assert.equal(chintProfile.yearFounded, 1984);
      const home = await s.directory({ side: "home" }, { perPage: 100 });
      assert.ok(home.items.length >= 6);
      assert.ok(home.items.every((e) => e.illustrative && e.name.en.endsWith("(illustrative)")));
      const requests = await s.listRequests({});
      assert.ok(requests.total >= 8);
      assert.ok(requests.items.some((r) => r.kind === "buy") && requests.items.some((r) => r.kind === "supply"));
    });

    it("finds a company by its name in any script: Chint, 正泰, Чинт, zhengtai; Kazakh in Cyrillic and Latin", async () => {
      for (const q of ["Chint", "正泰", "Чинт", "zhengtai", "ZhengTai"]) assert.equal(await idOf(q), chint, q);
      assert.equal(await idOf("Түркістан иіру"), spinner);
      assert.equal(await idOf("Türkıstan iıru"), spinner);
      assert.equal(await idOf("Туркестанская прядильная"), spinner);
      assert.equal(await idOf("突厥斯坦纺纱"), spinner);
      assert.equal((await s.directory({ q: "zz-nothing-like-it" })).total, 0);
    });

    it("filters by territory (a province includes its cities), side, sector class or division, size and what they look for", async () => {
      const zhejiang = await s.directory({ territory: "zhejiang" }, { perPage: 100 });
      assert.ok(
        zhejiang.items.some((e) => e.id === chint),
        "Wenzhou lies in Zhejiang",
      );
      const kentau = await s.directory({ territory: "kentau-city" });
      assert.deepEqual(
        kentau.items.map((e) => e.id),
        [garments],
      );
      const weaving = await s.directory({ sector: "13.20" }, { perPage: 100 });
      assert.ok(weaving.items.some((e) => e.id === elastic));
      assert.ok(weaving.items.every((e) => e.sectors.includes("13.20")));
      const textiles = await s.directory({ sector: "C13" }, { perPage: 100 });
      assert.ok(textiles.items.some((e) => e.id === spinner) && textiles.items.some((e) => e.id === elastic));
      assert.ok(textiles.items.every((e) => e.sectors.some((c) => c.startsWith("13."))));
      const large = await s.directory({ size: "large" }, { perPage: 100 });
      assert.ok(large.items.some((e) => e.id === chint) && large.items.every((e) => e.sizeBand === "large"));
      const buyers = await s.directory({ lookingFor: "buy" }, { perPage: 100 });
      assert.ok(buyers.items.some((e) => e.id === garments) && buyers.items.every((e) => e.lookingFor.includes("buy")));
      const paged = await s.directory({ page: 999 }, { perPage: 5 });
      assert.equal(paged.page, paged.pages, "a page past the end shows the last one");
    });

    it("shows contacts only to staff and the organisation's own representatives", async () => {
      assert.equal((await s.get(spinner, null)).contacts, null);
      assert.equal((await s.get(spinner, garmentsRep)).contacts, null);
      assert.equal((await s.get(spinner, spinnerRep)).contacts?.email, "spinner@example.kz");
      assert.equal((await s.get(spinner, staff)).contacts?.email, "spinner@example.kz");
      assert.equal((await s.get(spinner, { id: 1, role: "partner", organisationId: null })).contacts, null);
    });

    it("lets representatives keep their own organisation's profile and requests, never another's", async () => {
      const profile = { sectors: ["13.10"], description: { en: "Cotton yarn." } };
      assert.equal(await code(() => s.saveProfile(garmentsRep, spinner, profile)), "forbidden");
      assert.equal(await code(() => s.saveProfile(elasticRep, spinner, profile)), "forbidden");
      const request = { kind: "buy", sectors: ["13.20"], title: { en: "Fabric" }, validUntil: day(new Date(Date.now() + 30 * DAY)) };
      assert.equal(await code(() => s.createRequest(garmentsRep, spinner, request)), "forbidden");
      const own = await s.createRequest(garmentsRep, garments, request);
      assert.equal(await code(() => s.updateRequest(spinnerRep, own.id, request)), "forbidden");
      assert.equal(await code(() => s.closeRequest(spinnerRep, own.id)), "forbidden");
      const details = await refusal(() =>
        s.createRequest(garmentsRep, garments, {
          kind: "nonsense",
          sectors: ["99.99", "13.2"],
          amount: 5,
          title: null,
          validUntil: "2001-01-01",
        }),
      );
      assert.equal(details.kind, "form.choose_one");
      assert.equal(details["sectors.1"], "enterprises.nace_class_invalid");
      const together = await refusal(() => s.createRequest(garmentsRep, garments, { ...request, amount: 5, title: null }));
      assert.equal(together.currency, "enterprises.currency_required");
      assert.equal(together.title, "enterprises.title_required");
      const late = await refusal(() =>
        s.createRequest(garmentsRep, garments, { ...request, validUntil: "2001-01-01", sectors: ["99.99"] }),
      );
      assert.equal(late.validUntil, "enterprises.valid_until_past");
      assert.equal(late["sectors.0"], "enterprises.nace_class_unknown");
      // The English message a form shows for a key.
      assert.match(i18nFor("en").tx(String(late.validUntil)), /before today/);
    });

    it("keeps new and changed public text out of every channel until staff approve it", async () => {
      const before = await s.get(garments, null);
      const secret = "Zanzibarite quilting pending text";
      const saved = await s.saveProfile(garmentsRep, garments, {
        sizeBand: "small",
        sectors: ["14.13"],
        description: { ...before.description, en: secret },
        products: [{ hs: "6203", name: "Trousers and jackets" }],
        exportMarkets: ["RU", "KG"],
        contacts: { email: "garments@example.kz", phone: "+7 7252 00 00 00" },
      });
      assert.equal(saved.pending?.description?.en, secret, "the representative sees what waits");
      assert.equal(saved.description?.en, before.description?.en, "the approved text stays");
      const anonymous = await s.get(garments, null);
      assert.equal(anonymous.description?.en, before.description?.en);
      assert.equal(anonymous.pending, null);
      assert.ok(!JSON.stringify(await s.directory({}, { perPage: 100 })).includes(secret));
      assert.ok(!JSON.stringify(await s.exportDirectory()).includes(secret));
      assert.equal((await s.directory({ q: "Zanzibarite" })).total, 0);
      const keysBefore = await t.database.db
        .selectFrom("enterprise_profiles")
        .select("text_keys")
        .where("organisation_id", "=", garments)
        .executeTakeFirstOrThrow();
      assert.ok(!keysBefore.text_keys.includes("zanzibarite"), "matching reads approved text only");

      const queue = await s.moderationQueue(staff);
      const item = queue.find((q) => q.type === "profile" && q.id === garments);
      assert.equal(item?.old.description?.en, before.description?.en);
      assert.equal(item?.new.description?.en, secret);
      assert.deepEqual(await refusal(() => s.moderateProfile(staff, garments, { decision: "reject" })), {
        reason: "enterprises.reason_required",
      });
      assert.equal(await code(() => s.moderateProfile(garmentsRep, garments, { decision: "approve" })), "forbidden");
      await s.moderateProfile(staff, garments, { decision: "approve" });
      assert.equal((await s.get(garments, null)).description?.en, secret);
      const keysAfter = await t.database.db
        .selectFrom("enterprise_profiles")
        .select("text_keys")
        .where("organisation_id", "=", garments)
        .executeTakeFirstOrThrow();
      assert.notEqual(keysAfter.text_keys, keysBefore.text_keys);
      const audit = await t.database.db
        .selectFrom("audit_events")
        .select(["action", "actor_user_id"])
        .where("subject_id", "=", String(garments))
        .execute();
      assert.ok(audit.some((a) => a.action === "enterprises.profile_text_approved" && a.actor_user_id === staff.id));
      const notices = await s.notices(garmentsRep);
      assert.ok(notices.some((n) => n.kind === "profile_text_approved"));
    });

    it("publishes a representative's request only after moderation, and keeps the approved text while a change waits", async () => {
      const validUntil = day(new Date(Date.now() + 60 * DAY));
      const created = await s.createRequest(spinnerRep, spinner, {
        kind: "buy",
        sectors: ["28.94"],
        title: { en: "Ring spinning frames", ru: "Кольцепрядильные машины" },
        description: { en: "Wanted: 20 ring spinning frames." },
        validUntil,
      });
      assert.equal(created.status, "pending");
      assert.equal(created.title, null);
      assert.equal(created.pending?.title?.en, "Ring spinning frames");
      assert.equal(await code(() => s.getRequest(created.id, null)), "not_found");
      assert.ok(!(await s.listRequests({ organisationId: spinner })).items.some((r) => r.id === created.id));
      await s.moderateRequest(staff, created.id, { decision: "approve" });
      const published = await s.getRequest(created.id, null);
      assert.equal(published.title?.en, "Ring spinning frames");
      assert.equal(published.pending, null);
      assert.ok((await s.listRequests({ organisationId: spinner })).items.some((r) => r.id === created.id));

      const changed = await s.updateRequest(spinnerRep, created.id, {
        kind: "buy",
        sectors: ["28.94"],
        title: { en: "Compact spinning frames (changed)" },
        description: { en: "Wanted: 30 frames." },
        validUntil,
      });
      assert.equal(changed.status, "published");
      assert.equal(changed.title?.en, "Ring spinning frames");
      assert.equal(changed.pending?.title?.en, "Compact spinning frames (changed)");
      assert.equal((await s.getRequest(created.id, null)).title?.en, "Ring spinning frames");
      assert.equal((await s.getRequest(created.id, null)).pending, null);
      await s.moderateRequest(staff, created.id, { decision: "reject", reason: "Say which yarn counts." });
      const kept = await s.getRequest(created.id, spinnerRep);
      assert.equal(kept.status, "published");
      assert.equal(kept.title?.en, "Ring spinning frames");
      assert.equal(kept.moderationNote, "Say which yarn counts.");
      assert.ok((await s.notices(spinnerRep)).some((n) => n.kind === "request_rejected" && n.subjectId === created.id));
      await s.closeRequest(spinnerRep, created.id);
      assert.equal(await code(() => s.getRequest(created.id, null)), "not_found");
    });

    it("expires requests past their last day, tells the owner once, and keeps them out of public lists", async () => {
      const created = await s.createRequest(staff, garments, {
        kind: "buy",
        sectors: ["13.91"],
        title: { en: "Knitted fabric (expiring)" },
        validUntil: day(new Date()),
      });
      assert.equal(created.status, "published");
      await t.database.db.updateTable("enterprise_requests").set({ valid_until: "2020-01-31" }).where("id", "=", created.id).execute();
      assert.ok(
        !(await s.listRequests({ organisationId: garments })).items.some((r) => r.id === created.id),
        "past its day it leaves lists at once",
      );
      const first = await s.expireRequests();
      assert.ok(first.expired >= 1 && first.reminded >= 1);
      const row = await t.database.db
        .selectFrom("enterprise_requests")
        .select(["status", "reminder_sent_at"])
        .where("id", "=", created.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, "expired");
      assert.ok(row.reminder_sent_at);
      const second = await s.expireRequests();
      assert.deepEqual(second, { expired: 0, reminded: 0 });
      const notices = (await s.notices(garmentsRep)).filter((n) => n.kind === "request_expired" && n.subjectId === created.id);
      assert.equal(notices.length, 1);
      assert.equal(await code(() => s.getRequest(created.id, null)), "not_found");
      assert.equal((await s.getRequest(created.id, garmentsRep)).status, "expired");
      const renewed = await s.updateRequest(staff, created.id, {
        kind: "buy",
        sectors: ["13.91"],
        title: { en: "Knitted fabric (expiring)" },
        validUntil: day(new Date(Date.now() + 10 * DAY)),
      });
      assert.equal(renewed.status, "published");
    });

    it("runs introductions from request to decision, tells both parties, and flags stale ones", async () => {
      const now = new Date();
      const intro = await s.requestIntroduction(spinnerRep, { toOrganisationId: elastic, message: "We sell yarn." }, {}, now);
      assert.equal(intro.status, "requested");
      assert.deepEqual(await refusal(() => s.requestIntroduction(spinnerRep, { toOrganisationId: elastic })), {
        toOrganisationId: "enterprises.introduction_exists",
      });
      assert.deepEqual(await refusal(() => s.requestIntroduction(spinnerRep, { toOrganisationId: garments })), {
        toOrganisationId: "enterprises.introduction_same_side",
      });
      assert.equal(await code(() => s.requestIntroduction(staff, { toOrganisationId: elastic })), "forbidden");
      assert.ok(!(await s.ownIntroductions(elasticRep)).some((i) => i.id === intro.id), "the other side hears of it once accepted");

      const later = new Date(now.getTime() + (t.config.introductionStaleDays + 1) * DAY);
      const queue = await s.introductionQueue(staff, {}, later);
      const flagged = queue.find((i) => i.id === intro.id);
      assert.equal(flagged?.stale, true);
      assert.equal(flagged?.ageDays, t.config.introductionStaleDays + 1);
      assert.ok((await s.staleIntroductions(later)) >= 1);
      assert.equal((await s.introductionQueue(staff, {}, now)).find((i) => i.id === intro.id)?.stale, false);

      assert.deepEqual(await refusal(() => s.decideIntroduction(staff, intro.id, { decision: "decline" })), {
        reason: "enterprises.reason_required",
      });
      assert.equal(await code(() => s.decideIntroduction(spinnerRep, intro.id, { decision: "accept" })), "forbidden");
      const accepted = await s.decideIntroduction(staff, intro.id, { decision: "accept" }, {}, later);
      assert.equal(accepted.status, "accepted");
      assert.equal(accepted.stale, false);
      assert.equal(accepted.decidedBy, "Aigerim Manager");
      assert.ok((await s.notices(spinnerRep)).some((n) => n.kind === "introduction_accepted" && n.subjectId === intro.id));
      assert.ok((await s.notices(elasticRep)).some((n) => n.kind === "introduction_accepted" && n.subjectId === intro.id));
      assert.ok((await s.ownIntroductions(elasticRep)).some((i) => i.id === intro.id));
      assert.deepEqual(await refusal(() => s.decideIntroduction(staff, intro.id, { decision: "accept" })), {
        _: "enterprises.introduction_closed",
      });

      const second = await s.requestIntroduction(garmentsRep, { toOrganisationId: chint });
      await s.decideIntroduction(staff, second.id, { decision: "decline", reason: "CHINT does not take introductions this month." });
      const declined = (await s.notices(garmentsRep)).find((n) => n.kind === "introduction_declined");
      assert.equal(declined?.details.reason, "CHINT does not take introductions this month.");
      const audit = await t.database.db
        .selectFrom("audit_events")
        .select("action")
        .where("subject_type", "=", "enterprise_introduction")
        .execute();
      assert.ok(audit.some((a) => a.action === "enterprises.introduction_accepted"));
      assert.ok(audit.some((a) => a.action === "enterprises.introduction_declined"));
    });

    it("ranks counterparts of the other region only, from the sectors table's pre-filter", async () => {
      const result = await s.match({ organisationId: spinner, limit: 10 }, null, i18nFor("kk"));
      assert.ok(result.items.length > 0);
      assert.ok(result.items.every((m) => m.enterprise.side === "partner"));
      assert.ok(result.candidatesConsidered >= result.items.length);
      const scores = result.items.map((m) => m.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
      const needs = await s.listRequests({ organisationId: garments, kind: "buy" });
      const need = needs.items.find((r) => r.sectors.includes("13.20"));
      assert.ok(need);
      const forNeed = await s.match({ requestId: need.id }, null, i18nFor("en"));
      assert.equal(forNeed.subject.requestId, need.id);
      assert.ok(
        forNeed.items.slice(0, 3).some((m) => m.enterprise.sectors.includes("13.20")),
        "fabric makers first for a fabric need",
      );
      assert.equal(await code(() => s.match({ organisationId: 999_999 }, null, i18nFor("en"))), "not_found");
      assert.equal(await code(() => s.match({}, null, i18nFor("en"))), "validation_failed");
    });
  });
}
