import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import { searchKey } from "./cooperation.names.ts";
import type { CooperationService } from "./cooperation.service.ts";

const manager: Actor = { id: 0, role: "manager", organisationId: null };
const enterprise: Actor = { id: 0, role: "enterprise", organisationId: null };

const name = (en: string) => ({ kk: `${en} kk`, ru: `${en} ru`, zh: null, en });

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

describe("search keys", () => {
  it("fold Kazakh, Russian and Chinese spellings of one name to the same ASCII key", () => {
    assert.equal(searchKey("温州"), "wenzhou");
    assert.equal(searchKey("Wenzhou"), "wenzhou");
    assert.equal(searchKey("Вэньчжоу"), "wenzhou");
    assert.equal(searchKey("Қозбеков"), searchKey("Козбеков"));
    assert.equal(searchKey("Kozbekov"), searchKey("Козбеков"));
    assert.equal(searchKey("张文杰"), searchKey("Zhang Wenjie"));
    assert.equal(searchKey("Türkıstan"), searchKey("Түркістан"));
    assert.match(searchKey("温州市商务局"), /^[a-z0-9]+$/);
  });
});

for (const dialect of DIALECTS) {
  describe(`cooperation registry [${dialect}]`, () => {
    let t: TestApp;
    let coop: CooperationService;
    before(async () => {
      t = await createTestApp(dialect);
      coop = t.services.cooperation;
    });
    after(() => t.close());

    it("holds the seed story with its sources and confidence, and names nothing that was not published", async () => {
      const agreements = await coop.listAgreements();
      const memo = agreements.find((a) => a.title.en.includes("Wenzhou"));
      assert.ok(memo);
      assert.equal(memo.kind, "memorandum");
      assert.equal(memo.signedOn, "2025-08");
      assert.deepEqual(
        memo.parties.map((p) => p.organisation.nameOriginal),
        ["Түркістан облысының өнеркәсіп және индустриялық-инновациялық даму басқармасы", "温州市商务局"],
      );
      assert.ok(memo.parties.every((p) => p.signatory === null && p.signatoryNote === "name not published"));
      assert.equal(memo.confidence, "verified");
      assert.ok(memo.sources.some((s) => s.includes("ritmeurasia")));
      const delegation = await coop.getDelegation(memo.delegationId ?? 0);
      assert.equal(delegation.head?.name.en, "Talgat Kozbekov");
      assert.equal(delegation.visits.length, 6);
      assert.ok(delegation.visits.every((v) => v.organisation === null && v.description?.en?.includes("name not published")));
      const projects = await coop.listProjects();
      const park = projects.find((p) => p.title.en.startsWith("Kazakhstan–China (Wenzhou)"));
      assert.deepEqual(park?.site, { kind: "plot", ref: "WZP-CORE", text: null });
      assert.equal(park?.capital?.kzt, 123_000_000_000);
      assert.equal(park?.capital?.usd, null, "no rate was published, so no USD figure is made up");
      const denim = projects.find((p) => p.title.en.includes("denim"));
      assert.equal(denim?.investor, null);
      assert.equal(denim?.site?.ref, "turan-sez");
      const ties = await coop.listTies();
      assert.deepEqual(ties.map((x) => x.partner.slug).sort(), ["heilongjiang", "henan", "hubei", "shaanxi", "wenzhou"]);
      const indicators = await coop.listIndicators();
      const regional = indicators.find((i) => i.code === "trade_turnover_region_cn");
      assert.equal(regional?.value, 296);
      assert.equal(regional?.confidence, "article-only");
      const bases = new Set(
        indicators.filter((i) => i.code === "trade_turnover_kz_cn" && i.period === "2022").map((i) => `${i.basis}:${i.value}`),
      );
      assert.deepEqual([...bases].sort(), ["china_customs:31.2", "kazakh_statistics:24.1"]);
    });

    it("finds Kozbekov by the misspelling Қозыбеков, and Wenzhou as 温州, Wenzhou, Вэньчжоу and Уэньчжоу", async () => {
      const kozbekov = (await coop.search("Қозыбеков")).filter((h) => h.type === "person");
      assert.equal(kozbekov.length, 1);
      assert.equal(kozbekov[0]?.name.ru, "Талгат Козбеков");
      for (const q of ["Козбеков", "Kozbekov", "科兹别科夫"])
        assert.ok(
          (await coop.search(q)).some((h) => h.id === kozbekov[0]?.id && h.type === "person"),
          q,
        );
      const government = (await coop.listOrganisations()).find((o) => o.nameOriginal === "温州市人民政府");
      for (const q of ["温州", "Wenzhou", "Вэньчжоу", "Уэньчжоу", "wenzhou "]) {
        const hits = await coop.search(q);
        assert.ok(
          hits.some((h) => h.type === "territory" && h.slug === "wenzhou"),
          `${q} finds the city`,
        );
        assert.ok(
          hits.some((h) => h.type === "organisation" && h.id === government?.id),
          `${q} finds the city government`,
        );
      }
      assert.deepEqual(await coop.search("x"), [], "a one-letter query finds nothing rather than everything");
      assert.deepEqual(await coop.search("%_%"), []);
    });

    it("creates, reads, updates and deletes an organisation with aliases in every script", async () => {
      const created = await coop.saveOrganisation(manager, {
        kind: "company",
        name: { kk: "Чжэцзян Тоқыма", ru: "Чжэцзян Текстиль", zh: "浙江纺织", en: "Zhejiang Textile" },
        nameOriginal: "浙江纺织",
        territorySlug: "zhejiang",
        sectors: ["C13"],
        aliases: [{ alias: "Zhejiang Textiles Co." }, { alias: "Джецзян Текстиль", kind: "misspelling" }],
        confidence: "estimated",
        sources: ["test"],
      });
      assert.equal(created.country, "CN", "the country follows the territory");
      assert.equal(created.territory?.slug, "zhejiang");
      assert.ok(created.aliases.some((a) => a.alias === "浙江纺织" && a.script === "hans"));
      assert.ok((await coop.search("zhejiang textile")).some((h) => h.id === created.id && h.type === "organisation"));
      assert.ok((await coop.search("Джецзян")).some((h) => h.id === created.id));
      const updated = await coop.saveOrganisation(
        manager,
        { ...created, kind: "association", territorySlug: null, aliases: [] },
        created.id,
      );
      assert.equal(updated.kind, "association");
      assert.equal(updated.territory, null);
      assert.ok(!(await coop.search("Джецзян")).some((h) => h.id === created.id), "a removed alias no longer finds it");
      await coop.remove(manager, "organisation", created.id);
      await assert.rejects(coop.getOrganisation(created.id), (e: AppError) => e.code === "not_found");
    });

    it("refuses writes from someone who is not staff, and bad input with field-by-field messages", async () => {
      await assert.rejects(
        coop.saveOrganisation(enterprise, { kind: "company", name: name("X") }),
        (e: AppError) => e.code === "forbidden",
      );
      const details = await refusal(() =>
        coop.saveOrganisation(manager, {
          kind: "bank",
          name: { kk: "", ru: "Р", en: "E" },
          website: "javascript:alert(1)",
          country: "Kazakhstan",
        }),
      );
      assert.equal(details.kind, "form.choose_one");
      assert.equal(details["name.kk"], "form.required");
      assert.equal(details.website, "coop.url_invalid");
      assert.equal(details.country, "coop.country_invalid");
      const territory = await refusal(() =>
        coop.saveOrganisation(manager, { kind: "company", name: name("Y"), territorySlug: "atlantis" }),
      );
      assert.equal(territory.territorySlug, "coop.territory_unknown");
    });

    it("keeps a person's positions over time and refuses to delete one still named as a signatory", async () => {
      const org = await coop.saveOrganisation(manager, { kind: "government_body", name: name("Hubei Commerce"), territorySlug: "hubei" });
      const person = await coop.savePerson(manager, {
        name: { kk: "Ли Мин", ru: "Ли Мин", zh: "李明", en: "Li Ming" },
        positions: [
          { organisationId: org.id, title: name("Deputy director"), since: "2019", until: "2022-06" },
          { organisationId: org.id, title: name("Director"), since: "2022-07" },
        ],
        aliases: [{ alias: "Ли Минь", kind: "misspelling" }],
      });
      assert.deepEqual(
        person.positions.map((p) => [p.title.en, p.since, p.until]),
        [
          ["Deputy director", "2019", "2022-06"],
          ["Director", "2022-07", null],
        ],
      );
      const bad = await refusal(() =>
        coop.savePerson(manager, { name: name("Z"), positions: [{ organisationId: 999_999, title: name("T"), since: "2022-13" }] }),
      );
      assert.equal(bad["positions.0.since"], "coop.partial_date_invalid");
      const unknown = await refusal(() =>
        coop.savePerson(manager, { name: name("Z"), positions: [{ organisationId: 999_999, title: name("T") }] }),
      );
      assert.equal(unknown["positions.0.organisationId"], "coop.reference_unknown");
      const home = (await coop.listOrganisations()).find((o) => o.territory?.slug === "turkistan-oblast");
      const agreement = await coop.saveAgreement(manager, {
        kind: "protocol",
        title: name("Protocol"),
        status: "signed",
        parties: [{ organisationId: org.id, signatoryPersonId: person.id }, { organisationId: home?.id ?? 0 }],
      });
      const refused = await refusal(() => coop.remove(manager, "person", person.id));
      assert.equal(refused._, "coop.still_referenced");
      await coop.remove(manager, "agreement", agreement.id);
      await coop.remove(manager, "person", person.id);
      await coop.remove(manager, "organisation", org.id);
    });

    it("needs two distinct parties for an agreement and keeps its status changes with dates and reasons", async () => {
      const orgs = await coop.listOrganisations();
      const [a, b] = [orgs[0]?.id ?? 0, orgs[1]?.id ?? 0];
      const one = await refusal(() =>
        coop.saveAgreement(manager, { kind: "memorandum", title: name("M"), status: "signed", parties: [{ organisationId: a }] }),
      );
      assert.equal(one.parties, "coop.parties_min_two");
      const twice = await refusal(() =>
        coop.saveAgreement(manager, {
          kind: "memorandum",
          title: name("M"),
          status: "signed",
          parties: [{ organisationId: a }, { organisationId: a }],
        }),
      );
      assert.equal(twice.parties, "coop.parties_distinct");
      const created = await coop.saveAgreement(manager, {
        kind: "agreement",
        title: name("Test agreement"),
        status: "signed",
        signedOn: "2024-03-01",
        parties: [{ organisationId: a }, { organisationId: b }],
        documents: [{ title: "Text", url: "https://example.kz/a.pdf" }],
      });
      assert.deepEqual(
        created.history.map((h) => [h.from, h.to, h.on, h.reason]),
        [[null, "signed", "2024-03-01", "created"]],
      );
      await coop.changeAgreementStatus(manager, created.id, { to: "in_force", on: "2024-04", reason: "Ratified" });
      const same = await refusal(() => coop.changeAgreementStatus(manager, created.id, { to: "in_force", reason: "again" }));
      assert.equal(same.to, "coop.same_value");
      const noReason = await refusal(() => coop.changeAgreementStatus(manager, created.id, { to: "fulfilled", reason: " " }));
      assert.equal(noReason.reason, "coop.reason_required");
      const updated = await coop.saveAgreement(
        manager,
        { ...toAgreementInput(await coop.getAgreement(created.id)), status: "expired", statusOn: "2025" },
        created.id,
      );
      assert.deepEqual(
        updated.history.map((h) => [h.from, h.to, h.on, h.reason]),
        [
          [null, "signed", "2024-03-01", "created"],
          ["signed", "in_force", "2024-04", "Ratified"],
          ["in_force", "expired", "2025", "updated"],
        ],
      );
      assert.equal(updated.documents[0]?.url, "https://example.kz/a.pdf");
      await coop.remove(manager, "agreement", created.id);
      await assert.rejects(coop.getAgreement(created.id), (e: AppError) => e.code === "not_found");
    });

    it("moves a project through its stages with dated history, and refuses a move that changes nothing", async () => {
      const project = await coop.saveProject(manager, { title: name("Stage test"), stage: "idea", stageOn: "2024" });
      await coop.moveProject(manager, project.id, { to: "negotiation", on: "2024-05", reason: "First talks" });
      await coop.moveProject(manager, project.id, { to: "cancelled", on: "2024-09-30", reason: "Investor withdrew" });
      const moved = await coop.getProject(project.id);
      assert.equal(moved.stage, "cancelled");
      assert.equal(moved.stageOn, "2024-09-30");
      assert.deepEqual(
        moved.history.map((h) => [h.from, h.to, h.on, h.reason]),
        [
          [null, "idea", "2024", "created"],
          ["idea", "negotiation", "2024-05", "First talks"],
          ["negotiation", "cancelled", "2024-09-30", "Investor withdrew"],
        ],
      );
      assert.equal(
        (await refusal(() => coop.moveProject(manager, project.id, { to: "cancelled", reason: "again" }))).to,
        "coop.same_value",
      );
      assert.equal((await refusal(() => coop.moveProject(manager, project.id, { to: "flying", reason: "why not" }))).to, "form.choose_one");
      assert.equal(
        (await refusal(() => coop.moveProject(manager, project.id, { to: "idea", on: "May 2024", reason: "retry" }))).on,
        "coop.partial_date_invalid",
      );
      await assert.rejects(
        coop.moveProject(enterprise, project.id, { to: "idea", reason: "retry" }),
        (e: AppError) => e.code === "forbidden",
      );
      await coop.remove(manager, "project", project.id);
    });

    it("checks a project's site in the catalogue and converts capital at the stated rate only", async () => {
      const bad = await refusal(() =>
        coop.saveProject(manager, { title: name("Site"), stage: "idea", siteKind: "zone", siteRef: "no-such-zone" }),
      );
      assert.equal(bad.siteRef, "coop.zone_unknown");
      const badPlot = await refusal(() =>
        coop.saveProject(manager, { title: name("Site"), stage: "idea", siteKind: "plot", siteRef: "NOPE-1" }),
      );
      assert.equal(badPlot.siteRef, "coop.plot_unknown");
      const cross = await refusal(() =>
        coop.saveProject(manager, { title: name("Site"), stage: "idea", siteKind: "plot", capitalAmount: 5, fxKztPerUsd: 500 }),
      );
      assert.equal(cross.siteRef, "coop.site_ref_required");
      assert.equal(cross.capitalCurrency, "coop.currency_required");
      assert.equal(cross.fxOn, "coop.rate_date_required");
      const converted = await coop.saveProject(manager, {
        title: name("Rate"),
        stage: "idea",
        siteKind: "zone",
        siteRef: "turan-sez",
        capitalAmount: 2_000_000,
        capitalCurrency: "USD",
        fxKztPerUsd: 512.5,
        fxOn: "2025-10-01",
      });
      assert.equal(converted.capital?.kzt, 1_025_000_000);
      assert.equal(converted.capital?.usd, 2_000_000);
      assert.equal(converted.capital?.rateOn, "2025-10-01");
      const site = await coop.projectSite(converted);
      assert.equal(site?.name?.en, "Turan Special Economic Zone");
      await coop.remove(manager, "project", converted.id);
    });

    it("creates, updates and deletes ties, delegations with their parts, and indicators", async () => {
      const tie = await coop.saveTie(manager, {
        territorySlug: "turkistan-oblast",
        partnerSlug: "zhejiang",
        kind: "strategic_partnership",
        since: "2026",
      });
      assert.equal(tie.partner.slug, "zhejiang");
      assert.equal(
        (await coop.saveTie(manager, { territorySlug: "turkistan-oblast", partnerSlug: "zhejiang", kind: "partner_city" }, tie.id)).kind,
        "partner_city",
      );
      assert.equal(
        (await refusal(() => coop.saveTie(manager, { territorySlug: "wenzhou", partnerSlug: "wenzhou", kind: "partner_city" })))
          .partnerSlug,
        "coop.tie_same_territory",
      );
      await coop.remove(manager, "tie", tie.id);

      const people = await coop.listPeople();
      const delegation = await coop.saveDelegation(manager, {
        title: name("Return visit"),
        fromSlug: "wenzhou",
        toSlug: "turkistan-oblast",
        startsOn: "2026-03-10",
        endsOn: "2026-03-12",
        headNote: "name not published",
        members: [{ personId: people[0]?.id ?? null }],
        meetings: [{ on: "2026-03-11", personId: people[0]?.id ?? null, summary: { kk: null, ru: null, zh: null, en: "Talks" } }],
        visits: [{ description: { kk: null, ru: null, zh: null, en: "A cotton gin (name not published)" }, sector: "C13" }],
        followUps: [{ description: "Send the plot list", ownerNote: "department", dueOn: "2026-03-20" }],
      });
      assert.equal(delegation.followUps.length, 1);
      assert.equal(delegation.meetings[0]?.summary?.en, "Talks");
      const wrong = await refusal(() =>
        coop.saveDelegation(manager, {
          title: name("Bad"),
          fromSlug: "wenzhou",
          toSlug: "turkistan-oblast",
          startsOn: "2026-03-10",
          endsOn: "2026-03",
          visits: [{ sector: "C13" }],
        }),
      );
      assert.equal(wrong.endsOn, "coop.ends_before_start");
      assert.equal(wrong["visits.0.description"], "coop.visit_needs_description");
      const followUp = delegation.followUps[0];
      await coop.setFollowUpDone(manager, followUp?.id ?? 0, true, new Date("2026-03-19T10:00:00Z"));
      const done = (await coop.getDelegation(delegation.id)).followUps[0];
      assert.equal(done?.done, true);
      assert.equal(done?.doneOn, "2026-03-19");
      await coop.remove(manager, "delegation", delegation.id);

      const indicator = await coop.saveIndicator(manager, {
        code: "test_series",
        name: name("Test"),
        unit: "usd_mn",
        period: "2025-Q1",
        value: 12.5,
        territorySlugs: ["turkistan-oblast"],
        basis: "kazakh_statistics",
      });
      assert.deepEqual(
        indicator.territories.map((x) => x.slug),
        ["turkistan-oblast"],
      );
      assert.equal((await coop.saveIndicator(manager, { ...toIndicatorInput(indicator), value: 13 }, indicator.id)).value, 13);
      assert.equal(
        (await refusal(() => coop.saveIndicator(manager, { ...toIndicatorInput(indicator), period: "Q1 2025" }))).period,
        "coop.period_invalid",
      );
      await coop.remove(manager, "indicator", indicator.id);
    });

    it("lists open follow-ups due by the end of the week, overdue ones flagged", async () => {
      const delegation = await coop.saveDelegation(manager, {
        title: name("Week"),
        fromSlug: "turkistan-oblast",
        toSlug: "henan",
        followUps: [
          { description: "Overdue", dueOn: "2030-06-03" },
          { description: "Sunday", dueOn: "2030-06-09" },
          { description: "Next Monday", dueOn: "2030-06-10" },
          { description: "Already done", dueOn: "2030-06-05", done: true, doneOn: "2030-06-04" },
        ],
      });
      // Wednesday 5 June 2030: the week ends on Sunday the 9th.
      const due = await coop.followUpsDue(manager, new Date("2030-06-05T09:00:00Z"));
      assert.equal(due.until, "2030-06-09");
      const mine = due.items.filter((f) => f.delegation.id === delegation.id);
      assert.deepEqual(
        mine.map((f) => [f.description, f.overdue]),
        [
          ["Overdue", true],
          ["Sunday", false],
        ],
      );
      await coop.remove(manager, "delegation", delegation.id);
    });

    it("computes the conversion from memoranda to projects, capital and jobs as counted by hand", async () => {
      // Heilongjiang has a tie but no agreements in the demo: this data set is all it has.
      const partner = await coop.saveOrganisation(manager, { kind: "company", name: name("Harbin Works"), territorySlug: "heilongjiang" });
      const home = await coop.saveOrganisation(manager, {
        kind: "government_body",
        name: name("Home body"),
        territorySlug: "turkistan-oblast",
      });
      const parties = [{ organisationId: partner.id }, { organisationId: home.id }];
      const m1 = await coop.saveAgreement(manager, { kind: "memorandum", title: name("M1"), status: "signed", parties });
      const m2 = await coop.saveAgreement(manager, { kind: "memorandum", title: name("M2"), status: "signed", parties });
      const a3 = await coop.saveAgreement(manager, { kind: "agreement", title: name("A3"), status: "in_force", parties });
      const p1 = await coop.saveProject(manager, {
        title: name("P1"),
        stage: "construction",
        investorCountry: "CN",
        capitalAmount: 10_000_000_000,
        capitalCurrency: "KZT",
        jobsPlanned: 100,
        jobsCreated: 20,
        agreementIds: [m1.id],
      });
      const p2 = await coop.saveProject(manager, {
        title: name("P2"),
        stage: "operating",
        investorCountry: "CN",
        capitalAmount: 5_000_000,
        capitalCurrency: "USD",
        fxKztPerUsd: 500,
        fxOn: "2025-01-10",
        jobsPlanned: 50,
        agreementIds: [m1.id, a3.id],
      });
      const p3 = await coop.saveProject(manager, {
        title: name("P3"),
        stage: "cancelled",
        capitalAmount: 1_000_000_000,
        capitalCurrency: "KZT",
        jobsPlanned: 999,
        agreementIds: [m2.id],
      });
      const p4 = await coop.saveProject(manager, { title: name("P4"), stage: "idea", investorOrganisationId: partner.id, jobsPlanned: 7 });

      const row = (await coop.statistics()).conversion.find((r) => r.partner.slug === "heilongjiang");
      // By hand: 3 agreements (2 memoranda); M1 → P1, P2 and A3 → P2 lead to live projects, M2 only to the cancelled P3;
      // projects P1, P2; capital 10 bn + 5 mn × 500 = 12.5 bn KZT, USD 5 mn (P1 states none, no rate);
      // jobs 100 + 50 planned, 20 created. P4 has no agreement behind it, so it is not a conversion.
      assert.deepEqual(
        { ...row, partner: row?.partner.slug },
        {
          partner: "heilongjiang",
          agreements: 3,
          memoranda: 2,
          agreementsWithProjects: 2,
          projects: 2,
          capitalKzt: 12_500_000_000,
          capitalUsd: 5_000_000,
          unknownCapital: 0,
          jobsPlanned: 150,
          jobsCreated: 20,
        },
      );
      const page = await coop.partner("heilongjiang");
      assert.deepEqual(page.agreements.map((a) => a.id).sort(), [m1.id, m2.id, a3.id].sort());
      assert.deepEqual(
        page.projects.map((p) => p.id).sort(),
        [p1.id, p2.id, p3.id, p4.id].sort(),
        "the page lists every project, the investor's own included",
      );
      const stats = await coop.statistics();
      assert.equal(stats.projectsByStage.find((s) => s.stage === "cancelled")?.count, 1);
      for (const p of [p1, p2, p3, p4]) await coop.remove(manager, "project", p.id);
      for (const a of [m1, m2, a3]) await coop.remove(manager, "agreement", a.id);
      await coop.remove(manager, "organisation", partner.id);
      await coop.remove(manager, "organisation", home.id);
      assert.equal(
        (await coop.statistics()).conversion.find((r) => r.partner.slug === "heilongjiang"),
        undefined,
      );
    });
  });
}

function toAgreementInput(a: Awaited<ReturnType<CooperationService["getAgreement"]>>) {
  return {
    kind: a.kind,
    title: { kk: a.title.kk, ru: a.title.ru, zh: a.title.zh, en: a.title.en },
    signedOn: a.signedOn,
    status: a.status,
    statusOn: a.statusOn,
    parties: a.parties.map((p) => ({
      organisationId: p.organisation.id,
      signatoryPersonId: p.signatory?.id ?? null,
      signatoryNote: p.signatoryNote,
    })),
    documents: a.documents,
  };
}

function toIndicatorInput(i: Awaited<ReturnType<CooperationService["getIndicator"]>>) {
  return {
    code: i.code,
    name: { kk: i.name.kk, ru: i.name.ru, zh: i.name.zh, en: i.name.en },
    unit: i.unit,
    period: i.period,
    value: i.value,
    territorySlugs: i.territories.map((x) => x.slug),
    basis: i.basis,
  };
}
