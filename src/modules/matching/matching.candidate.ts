import type { Incentive } from "../sites/sites.schemas.ts";
import type { MatchablePlot, MatchablePremises } from "../sites/sites.service.ts";
import { type Candidate, UTILITIES } from "./matching.rules.ts";

/** A site as the catalogue gives it to matching: a whole MatchCandidate, or the slim read the index is built from. */
export interface CandidateSource {
  plot: MatchablePlot | null;
  premises: MatchablePremises | null;
  zoneKind: string | null;
  zoneIncentives: Incentive[];
}

/** Corporate income tax relief, read from a zone's structured terms; unknown when there are none. */
export function citReliefOf(zoneKind: string | null, incentives: Incentive[]): boolean | null {
  if (zoneKind === null) return false;
  const cit = incentives.find((i) => i.tax === "cit");
  if (cit) return cit.ratePct !== null && cit.ratePct < 20;
  return incentives.length > 0 ? false : null;
}

/** What the rules know of a site; the one mapping both the verdicts and the search index use. */
export function toCandidate(m: CandidateSource): Candidate {
  const citRelief = citReliefOf(m.zoneKind, m.zoneIncentives);
  if (m.plot) {
    const p = m.plot;
    const d = p.infrastructure.details;
    const connect: Candidate["connect"] = {};
    for (const key of UTILITIES) {
      const u = d[key];
      if (u) connect[key] = { connectMonths: u.connectMonths, connectCapacity: u.connectCapacity, connectCostKzt: u.connectCostKzt };
    }
    return {
      kind: "plot",
      code: p.code,
      area: p.areaHa,
      status: p.status,
      reservedUntil: p.reservedUntil,
      capacities: {
        power: p.infrastructure.powerKw,
        gas: p.infrastructure.gasM3h,
        water: p.infrastructure.waterM3d,
        sewage: p.infrastructure.sewageM3d,
        heat: p.infrastructure.heatGcalh,
      },
      connect,
      railSiding: p.infrastructure.railSiding,
      distances: { rail: p.distances.railKm, airport: p.distances.airportKm, border: p.distances.borderKm, city: p.distances.centreKm },
      zoneKind: m.zoneKind,
      districtSlug: p.territory.slug,
      citRelief,
      price: p.price,
    };
  }
  const q = m.premises;
  if (!q) throw new Error("candidate without a site");
  return {
    kind: "premises",
    code: q.code,
    area: q.floorAreaM2,
    status: q.status,
    reservedUntil: null,
    capacities: { power: q.powerKw, gas: null, water: null, sewage: null, heat: null },
    connect: {},
    railSiding: null,
    distances: { rail: null, airport: null, border: null, city: null },
    zoneKind: m.zoneKind,
    districtSlug: q.territory.slug,
    citRelief,
    price: q.priceKztM2Month === null ? null : { amount: q.priceKztM2Month, currency: "KZT", unit: "rent_m2_month" },
  };
}
