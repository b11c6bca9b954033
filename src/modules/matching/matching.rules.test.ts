import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { between, pick, seededRandom } from "../../lib/random.ts";
import { type Candidate, compareVerdicts, evaluate, rank } from "./matching.rules.ts";
import { SiteRequirements } from "./matching.schemas.ts";

const NOW = new Date("2026-11-26T00:00:00Z");
const maybe = <T>(r: () => number, v: T): T | null => (r() < 0.2 ? null : v);

function randomCandidate(r: () => number, i: number): Candidate {
  return {
    kind: "plot",
    code: `P${String(i).padStart(4, "0")}`,
    area: between(r, 1, 30, 0.5),
    status: pick(r, ["free", "free", "idle", "reserved"]),
    reservedUntil: r() < 0.5 ? `2027-0${between(r, 1, 9)}-01` : null,
    capacities: {
      power: maybe(r, between(r, 0, 8000, 100)),
      gas: maybe(r, between(r, 0, 2000, 10)),
      water: maybe(r, between(r, 0, 3000, 10)),
      sewage: maybe(r, between(r, 0, 2000, 10)),
      heat: maybe(r, between(r, 0, 20)),
    },
    connect:
      r() < 0.4 ? { power: { connectMonths: between(r, 1, 24), connectCapacity: between(r, 500, 5000, 100), connectCostKzt: 1e8 } } : {},
    railSiding: maybe(r, r() < 0.4),
    distances: {
      rail: maybe(r, between(r, 0, 50)),
      airport: maybe(r, between(r, 5, 300)),
      border: maybe(r, between(r, 1, 300)),
      city: maybe(r, between(r, 1, 250)),
    },
    zoneKind: pick(r, [null, "sez", "industrial_zone", "industrial_park", "small_industrial_park"]),
    districtSlug: pick(r, ["arys-city", "kentau-city", "sayram-district"]),
    citRelief: maybe(r, r() < 0.5),
    price: r() < 0.8 ? { amount: between(r, 200_000, 5_000_000, 10_000), currency: "KZT", unit: "sale_per_ha" } : null,
  };
}

function randomRequirements(r: () => number) {
  const hard = () => r() < 0.5;
  const req: Record<string, unknown> = { limit: 100, nearMissThreshold: 100 };
  if (r() < 0.7) req.area = { min: between(r, 1, 10), max: between(r, 10, 30), hard: hard() };
  if (r() < 0.7) req.power = { need: between(r, 100, 6000, 100), hard: hard() };
  if (r() < 0.5) req.water = { need: between(r, 10, 2500, 10), hard: hard() };
  if (r() < 0.4) req.rail = { maxKm: between(r, 1, 30), hard: hard() };
  if (r() < 0.3) req.railSiding = { hard: hard() };
  if (r() < 0.3) req.citRelief = { hard: hard() };
  if (r() < 0.4) req.budget = { max: between(r, 500_000, 4_000_000, 10_000), currency: "KZT", unit: "sale_per_ha", hard: hard() };
  if (r() < 0.5) req.readyBy = `2027-${String(between(r, 1, 12)).padStart(2, "0")}-01`;
  return req;
}

/** Each way of asking for less: a smaller need, a wider range, a longer distance, a later date, a must made a wish. */
function loosenings(req: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const clone = () => structuredClone(req);
  for (const key of ["power", "water"]) {
    const c = req[key] as { need: number; hard: boolean } | undefined;
    if (!c) continue;
    out.push({ ...clone(), [key]: { ...c, need: c.need / 2 } });
    if (c.hard) out.push({ ...clone(), [key]: { ...c, hard: false } });
    const dropped = clone();
    delete dropped[key];
    out.push(dropped);
  }
  const area = req.area as { min: number; max: number; hard: boolean } | undefined;
  if (area) out.push({ ...clone(), area: { ...area, min: area.min / 2, max: area.max * 2 } });
  const rail = req.rail as { maxKm: number; hard: boolean } | undefined;
  if (rail) out.push({ ...clone(), rail: { ...rail, maxKm: rail.maxKm * 2 } });
  const budget = req.budget as { max: number } | undefined;
  if (budget) out.push({ ...clone(), budget: { ...budget, max: budget.max * 2 } });
  if (typeof req.readyBy === "string") out.push({ ...clone(), readyBy: "2030-01-01" });
  for (const key of ["railSiding", "citRelief"]) if (req[key]) out.push({ ...clone(), [key]: { hard: false } });
  return out;
}

describe("site matching rules (property-based)", () => {
  const random = seededRandom(42);
  const candidates = Array.from({ length: 120 }, (_, i) => randomCandidate(random, i));

  it("loosening any criterion never removes a full match (100 random searches)", () => {
    for (let n = 0; n < 100; n++) {
      const raw = randomRequirements(random);
      const req = SiteRequirements.parse(raw);
      const full = new Set(candidates.filter((c) => evaluate(req, c, NOW).fullMatch).map((c) => c.code));
      for (const loose of loosenings(raw)) {
        const looser = SiteRequirements.parse(loose);
        const after = new Set(candidates.filter((c) => evaluate(looser, c, NOW).fullMatch).map((c) => c.code));
        for (const code of full)
          assert.ok(after.has(code), `${code} lost when loosening ${JSON.stringify(raw)} → ${JSON.stringify(loose)}`);
      }
    }
  });

  it("a site meeting every hard criterion always outranks one that misses any (200 random searches)", () => {
    for (let n = 0; n < 200; n++) {
      const req = SiteRequirements.parse(randomRequirements(random));
      const ranked = rank(req, candidates, NOW);
      const firstNear = ranked.findIndex((v) => !v.fullMatch);
      if (firstNear >= 0) assert.ok(ranked.slice(firstNear).every((v) => !v.fullMatch));
      for (const v of ranked) if (!v.fullMatch) assert.ok(v.misses.length >= 1 && v.misses.length <= 2);
    }
  });

  it("ranks deterministically: the same input gives the same order, ties broken by code", () => {
    const req = SiteRequirements.parse({ power: { need: 1000, hard: false }, limit: 100 });
    const a = rank(req, candidates, NOW).map((v) => v.candidate.code);
    const b = rank(req, [...candidates].reverse(), NOW).map((v) => v.candidate.code);
    assert.deepEqual(a, b);
    const verdicts = candidates.map((c) => evaluate(req, c, NOW));
    for (let i = 1; i < verdicts.length; i++) assert.notEqual(compareVerdicts(verdicts[i - 1] as never, verdicts[i] as never), 0);
  });

  it("scores stay within 0–1 and unknown data is never met", () => {
    const req = SiteRequirements.parse({
      power: { need: 1000, hard: true },
      water: { need: 100 },
      rail: { maxKm: 5 },
      railSiding: {},
      citRelief: {},
      budget: { max: 1_000_000 },
    });
    for (const c of candidates) {
      const v = evaluate(req, c, NOW);
      assert.ok(v.score >= 0 && v.score <= 1);
      for (const e of v.evaluations) {
        assert.ok(e.score >= 0 && e.score <= 1);
        if (e.criterion === "rail" && c.distances.rail === null) assert.equal(e.outcome, "unknown");
        if (e.criterion === "railSiding" && c.railSiding === null) assert.equal(e.outcome, "unknown");
        if (e.criterion === "water" && c.capacities.water === null) assert.notEqual(e.outcome, "met");
      }
    }
  });
});
