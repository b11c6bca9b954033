import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { between, pick, seededRandom } from "../../lib/random.ts";
import { seedSynthetic } from "../../seed/synthetic.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import { deleteByPrefix, insertPlotsBulk } from "../sites/sites.bulk.repository.ts";
import type { Incentive } from "../sites/sites.schemas.ts";
import { toCandidate } from "./matching.candidate.ts";
import { FIXTURE_PLOTS, loadFixtureCatalogue } from "./matching.fixtures.ts";
import { AREA_SLACK, buildColumns, preRank, SEARCHED_STATUSES } from "./matching.index.ts";
import { catalogueVersion } from "./matching.repository.ts";
import { type Candidate, rank, type Verdict } from "./matching.rules.ts";
import { SiteRequirements, type SiteRequirementsInput } from "./matching.schemas.ts";

const NOW = new Date("2026-11-26T12:00:00Z");
const ADMIN: Actor = { id: 0, role: "admin", organisationId: null };

/** Every site of the catalogue read the ordinary way (exports and the zone list), as the rules see it. */
async function everySite(t: TestApp, target: "plot" | "premises"): Promise<Candidate[]> {
  const zones = new Map((await t.services.sites.listZones()).map((z) => [z.slug, z]));
  const zoneOf = (slug: string | undefined) => {
    const zone = slug ? zones.get(slug) : undefined;
    return { zoneKind: zone?.kind ?? null, zoneIncentives: (zone?.incentives ?? []) as Incentive[] };
  };
  const out: Candidate[] = [];
  if (target === "plot") {
    for await (const page of t.services.sites.exportPlots({}))
      for (const plot of page) out.push(toCandidate({ plot, premises: null, ...zoneOf(plot.zone?.slug) }));
  } else {
    for await (const page of t.services.sites.exportPremises({}))
      for (const premises of page) out.push(toCandidate({ plot: null, premises, ...zoneOf(premises.zone?.slug) }));
  }
  return out;
}

/** The strict filters a search applies before judging (docs/decisions/012-matching-index.md). */
function searched(req: SiteRequirements, c: Candidate): boolean {
  if (!(SEARCHED_STATUSES[req.target] as readonly string[]).includes(c.status)) return false;
  if (req.area?.min !== undefined && c.area < req.area.min * (1 - AREA_SLACK)) return false;
  if (req.area?.max !== undefined && c.area > req.area.max * (1 + AREA_SLACK)) return false;
  if (req.districts?.hard && !req.districts.slugs.includes(c.districtSlug)) return false;
  if (req.zoneKinds?.hard && !req.zoneKinds.accepted.includes((c.zoneKind ?? "none") as never)) return false;
  return true;
}

const summary = (verdicts: Verdict[]) =>
  verdicts.map((v) => `${v.candidate.code} ${v.fullMatch ? "full" : v.misses.join("+")} ${v.score} ${v.hardQuality}`);

/** Random requirements touching every criterion, scaled to the catalogue's sites. */
function randomRequirements(
  r: () => number,
  target: "plot" | "premises",
  scale: { area: [number, number]; power: number; districts: string[] },
): SiteRequirementsInput {
  const hard = () => r() < 0.5;
  const weight = () => between(r, 1, 5);
  const req: Record<string, unknown> = { target, limit: pick(r, [5, 20, 50]), nearMissThreshold: pick(r, [0, 10, 100]) };
  if (r() < 0.8) {
    const min = scale.area[0] + (scale.area[1] - scale.area[0]) * r() ** 2;
    req.area = { min: r() < 0.9 ? min : undefined, max: r() < 0.9 ? min * (1 + 3 * r()) : undefined, hard: hard(), weight: weight() };
  }
  if (r() < 0.7) req.power = { need: Math.max(1, Math.round(scale.power * r() ** 2)), hard: hard(), weight: weight() };
  if (target === "plot") {
    for (const key of ["gas", "water", "sewage", "heat"])
      if (r() < 0.25) req[key] = { need: between(r, 1, key === "heat" ? 15 : 3000), hard: hard(), weight: weight() };
    for (const key of ["rail", "airport", "border", "city"])
      if (r() < 0.2) req[key] = { maxKm: between(r, 0, 150), hard: hard(), weight: weight() };
    if (r() < 0.25) req.railSiding = { hard: hard(), weight: weight() };
  }
  if (r() < 0.25) req.citRelief = { hard: hard(), weight: weight() };
  if (r() < 0.25)
    req.zoneKinds = {
      accepted: [
        ...new Set([pick(r, ["sez", "industrial_zone", "industrial_park", "small_industrial_park", "none"]), pick(r, ["none", "sez"])]),
      ],
      hard: hard(),
      weight: weight(),
    };
  if (r() < 0.25) req.districts = { slugs: [pick(r, scale.districts), pick(r, scale.districts)], hard: hard(), weight: weight() };
  if (r() < 0.35)
    req.budget =
      target === "premises"
        ? { max: between(r, 500, 6000, 50), unit: "rent_m2_month", hard: hard(), weight: weight() }
        : {
            max: between(r, 100_000, 20_000_000, 10_000),
            currency: pick(r, ["KZT", "KZT", "USD"]),
            unit: pick(r, ["sale_per_ha", "lease_per_ha_year", "lease_per_year"]),
            hard: hard(),
            weight: weight(),
          };
  if (r() < 0.5) req.readyBy = `20${between(r, 27, 28)}-${String(between(r, 1, 12)).padStart(2, "0")}-01`;
  return req as SiteRequirementsInput;
}

/**
 * The index must agree with the rules: for each search, the service's verdicts are exactly what
 * `rank` makes of every site passing the strict filters, and the pre-rank's picks hold the rules'
 * top N.
 */
async function assertAgreement(t: TestApp, target: "plot" | "premises", searches: SiteRequirementsInput[]): Promise<void> {
  const all = await everySite(t, target);
  assert.ok(all.length > 0);
  const columns = await buildColumns(t.services.sites, target, 0);
  assert.equal(columns.size, all.filter((c) => (SEARCHED_STATUSES[target] as readonly string[]).includes(c.status)).length);
  for (const input of searches) {
    const req = SiteRequirements.parse(input);
    const candidates = all.filter((c) => searched(req, c));
    const expected = rank(req, candidates, NOW);
    const { verdicts, considered } = await t.services.matching.verdicts(input, NOW);
    const label = JSON.stringify(input);
    assert.deepEqual(summary(verdicts), summary(expected), label);
    assert.deepEqual(
      verdicts.map((v) => v.evaluations),
      expected.map((v) => v.evaluations),
      label,
    );
    assert.equal(considered, candidates.length, label);
    const picked = new Set(preRank(columns, req, NOW, req.limit).positions.map((i) => columns.codes[i]));
    for (const v of expected) assert.ok(picked.has(v.candidate.code), `${v.candidate.code} not pre-ranked for ${label}`);
  }
}

for (const dialect of DIALECTS) {
  describe(`site search index agrees with the rules [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      await loadFixtureCatalogue(t.services.sites);
    });
    after(() => t.close());

    it("on the fixture catalogue: 200 random searches give the rules' ranking over every site", async () => {
      const r = seededRandom(12);
      const districts = ["turkistan-city", "sayram-district", "kentau-city", "arys-city"];
      const searches = Array.from({ length: 200 }, () => randomRequirements(r, "plot", { area: [3, 12], power: 7000, districts }));
      await assertAgreement(t, "plot", searches);
    });

    it("on a generated catalogue of 3,000 plots and 400 premises, for plots and for premises", async () => {
      await seedSynthetic(t.database.db, t.services, { zones: 40, plots: 3000, premises: 400, seed: 5, asOf: new Date("2026-11-26") });
      const districts = (await t.services.territories.list()).filter((x) => x.kind !== "oblast").map((x) => x.slug);
      const r = seededRandom(34);
      await assertAgreement(
        t,
        "plot",
        Array.from({ length: 80 }, () => randomRequirements(r, "plot", { area: [0.2, 60], power: 20_000, districts })),
      );
      await assertAgreement(
        t,
        "premises",
        Array.from({ length: 60 }, () => randomRequirements(r, "premises", { area: [50, 20_000], power: 5000, districts })),
      );
    });
  });

  describe(`site search sees every write to the catalogue [${dialect}]`, () => {
    let t: TestApp;
    const codes = async (input: SiteRequirementsInput) =>
      (await t.services.matching.verdicts(input, NOW)).verdicts.map((v) => v.candidate.code);
    const version = () => catalogueVersion(t.database.db);
    /** Runs `write` and says by how much the catalogue's version moved. */
    const bump = async (write: () => Promise<unknown>) => {
      const before = await version();
      await write();
      return (await version()) - before;
    };
    const json = (client: Awaited<ReturnType<TestApp["signIn"]>>["client"], method: string, path: string, body: unknown) =>
      client.request(path, {
        method,
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", "x-csrf-token": client.csrfToken() },
      });

    before(async () => {
      t = await createTestApp(dialect, { DEMO_DATA: "false" });
      await loadFixtureCatalogue(t.services.sites);
      // The index is built once here; every test below changes the catalogue behind it.
      await codes({ power: { need: 1, hard: true } });
      await codes({ target: "premises" });
    });
    after(() => t.close());

    it("a plot changed through the API is judged anew by the next search", async () => {
      const manager = await t.signIn("manager");
      const strong = { power: { need: 8000, hard: true }, limit: 3 };
      assert.notEqual((await codes(strong))[0], "H-POWER-UNKNOWN");
      const plot = FIXTURE_PLOTS.find((p) => p.code === "H-POWER-UNKNOWN");
      const moved = await bump(async () => {
        const res = await json(manager.client, "PUT", "/api/v1/plots/H-POWER-UNKNOWN", { ...plot, powerKw: 9000 });
        assert.equal(res.status, 200, await res.text());
      });
      assert.ok(moved >= 1);
      assert.equal((await codes(strong))[0], "H-POWER-UNKNOWN");
    });

    it("a status change through the API takes a plot out of the next search", async () => {
      const manager = await t.signIn("manager");
      const denim = { area: { min: 5, max: 10, hard: true }, power: { need: 3000, hard: true }, nearMissThreshold: 0 };
      assert.ok((await codes(denim)).includes("A-BEST"));
      const moved = await bump(async () => {
        const res = await json(manager.client, "POST", "/api/v1/plots/A-BEST/status", {
          status: "allotted",
          reason: "Allotted to an investor",
        });
        assert.equal(res.status, 200, await res.text());
      });
      assert.ok(moved >= 1);
      assert.ok(!(await codes(denim)).includes("A-BEST"));
    });

    it("verification and a zone's status change move the version too", async () => {
      const { userId } = await t.signIn("manager");
      const staff = { id: userId, role: "manager" as const, organisationId: null, displayName: "Checker" };
      assert.ok((await bump(() => t.services.sites.verify(staff, "plot", "C-IZ-CHEAP"))) >= 1);
      assert.ok((await bump(() => t.services.sites.changeStatus(staff, "zone", "t-iz", { status: "planned", reason: "Re-planned" }))) >= 1);
    });

    it("a zone's new incentives (written straight into the table) change the next verdicts", async () => {
      const cit = { citRelief: { hard: true }, area: { min: 6.5, max: 7.5, hard: true }, nearMissThreshold: 100 };
      const before = (await t.services.matching.verdicts(cit, NOW)).verdicts.find((v) => v.candidate.code === "C-IZ-CHEAP");
      assert.deepEqual(before?.misses, ["citRelief"]);
      const incentives = JSON.stringify([{ tax: "cit", ratePct: 0, years: 10, note: null }]);
      assert.ok((await bump(() => t.database.db.updateTable("zones").set({ incentives }).where("slug", "=", "t-iz").execute())) >= 1);
      const after = (await t.services.matching.verdicts(cit, NOW)).verdicts.find((v) => v.candidate.code === "C-IZ-CHEAP");
      assert.equal(after?.fullMatch, true);
    });

    it("an import's plots and premises are found by the next search; one import moves the version once on PostgreSQL", async () => {
      const rows = ["IMP-1", "IMP-2", "IMP-3"].map((code, i) => ({
        ...(FIXTURE_PLOTS[0] as (typeof FIXTURE_PLOTS)[number]),
        code,
        areaHa: 40 + i,
      }));
      const moved = await bump(async () => assert.equal((await t.services.sites.upsertPlots(ADMIN, rows)).created, 3));
      if (dialect === "postgres") assert.equal(moved, 1);
      else assert.ok(moved >= 1);
      assert.deepEqual(await codes({ area: { min: 39, max: 43, hard: true } }), ["IMP-1", "IMP-2", "IMP-3"]);
      await bump(() =>
        t.services.sites.savePremises(
          ADMIN,
          { code: "HALL-NEW", territorySlug: "kentau-city", kind: "warehouse", floorAreaM2: 777, status: "free", powerKw: 50 },
          "create",
        ),
      );
      assert.deepEqual(await codes({ target: "premises", area: { min: 770, max: 780, hard: true } }), ["HALL-NEW"]);
    });

    it("bulk-inserted and bulk-deleted plots (synthetic data) appear and disappear", async () => {
      const territory = await t.services.sites.territoryIdOf("arys-city");
      assert.ok(territory);
      const row = { territory_id: territory, zone_id: null, area_ha: 77.7, status: "free", utilities: "{}", is_illustrative: 1 };
      const now = new Date().toISOString();
      await bump(() => insertPlotsBulk(t.database.db, [{ ...row, code: "BULK-1", created_at: now, updated_at: now }]));
      const wide = { area: { min: 77, max: 78, hard: true } };
      assert.deepEqual(await codes(wide), ["BULK-1"]);
      assert.ok((await bump(() => deleteByPrefix(t.database.db, { zoneSlug: "bulk-", plotCode: "BULK-", premisesCode: "BULK-" }))) >= 1);
      assert.deepEqual(await codes(wide), []);
    });
  });
}
