import type { Config } from "../../config/config.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import type { I18n } from "../../i18n/i18n.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import type { Incentive } from "../sites/sites.schemas.ts";
import type { CandidateCheck, CandidateQuery, MatchCandidate, SitesService } from "../sites/sites.service.ts";
import { explain } from "./matching.explain.ts";
import { type Estimate, type EstimateInput, estimateSavings } from "./matching.incentives.ts";
import * as repo from "./matching.repository.ts";
import { type Candidate, evaluate, rank, type Verdict } from "./matching.rules.ts";
import { type MatchResponse, SiteRequirements, type SiteRequirementsInput } from "./matching.schemas.ts";

/**
 * How many candidates SQL hands to the rules after narrowing and pre-ranking: several times the
 * page (20) plus near misses, few enough to keep a search within QUALITY P2's 25 ms.
 */
const PRE_RANK_LIMIT = 150;
/** Area bounds are widened by this share in SQL, so near misses on area can still be found. */
const AREA_SLACK = 0.3;

/** Corporate income tax relief, read from a zone's structured terms; unknown when there are none. */
export function citReliefOf(zoneKind: string | null, incentives: Incentive[]): boolean | null {
  if (zoneKind === null) return false;
  const cit = incentives.find((i) => i.tax === "cit");
  if (cit) return cit.ratePct !== null && cit.ratePct < 20;
  return incentives.length > 0 ? false : null;
}

export function toCandidate(m: MatchCandidate): Candidate {
  const citRelief = citReliefOf(m.zoneKind, m.zoneIncentives);
  if (m.plot) {
    const p = m.plot;
    const d = p.infrastructure.details;
    const connect = (key: "power" | "gas" | "water" | "sewage" | "heat") =>
      d[key]
        ? { connectMonths: d[key].connectMonths, connectCapacity: d[key].connectCapacity, connectCostKzt: d[key].connectCostKzt }
        : undefined;
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
      connect: Object.fromEntries((["power", "gas", "water", "sewage", "heat"] as const).map((k) => [k, connect(k)]).filter(([, v]) => v)),
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

/** The SQL side of a search: strict filters, the checks to pre-rank by, a candidate limit. */
export function candidateQuery(req: SiteRequirements): CandidateQuery {
  const checks: CandidateCheck[] = [];
  const columns = { power: "power_kw", gas: "gas_m3h", water: "water_m3d", sewage: "sewage_m3d", heat: "heat_gcalh" } as const;
  for (const key of ["power", "gas", "water", "sewage", "heat"] as const) {
    const r = req[key];
    if (r) checks.push({ column: columns[key], op: ">=", value: r.need, hard: r.hard });
  }
  const distances = { rail: "dist_rail_km", airport: "dist_airport_km", border: "dist_border_km", city: "dist_centre_km" } as const;
  for (const key of ["rail", "airport", "border", "city"] as const) {
    const r = req[key];
    if (r) checks.push({ column: distances[key], op: "<=", value: r.maxKm, hard: r.hard });
  }
  if (req.railSiding) checks.push({ column: "rail_siding", op: "=", value: 1, hard: req.railSiding.hard });
  if (req.budget)
    checks.push({
      column: "price",
      op: "<=",
      value: req.budget.max,
      hard: req.budget.hard,
      currency: req.budget.currency,
      unit: req.budget.unit,
    });
  if (req.citRelief) checks.push({ column: "cit", op: "=", value: 1, hard: req.citRelief.hard });
  const area = req.area;
  return {
    areaMin: area?.min !== undefined ? area.min * (1 - AREA_SLACK) : undefined,
    areaMax: area?.max !== undefined ? area.max * (1 + AREA_SLACK) : undefined,
    districts: req.districts?.hard ? req.districts.slugs : undefined,
    zoneKinds: req.zoneKinds?.hard ? req.zoneKinds.accepted : undefined,
    statuses: req.target === "plot" ? ["free", "idle", "reserved"] : ["free", "reserved"],
    checks,
    limit: PRE_RANK_LIMIT,
  };
}

export class MatchingService {
  constructor(
    protected readonly db: Db,
    protected readonly config: Config,
    private readonly sites: SitesService,
  ) {}

  /** Ranked verdicts for requirements (parsed with the schema; bad input is a validation error). */
  async verdicts(
    input: SiteRequirementsInput,
    now = new Date(),
  ): Promise<{ req: SiteRequirements; verdicts: Verdict[]; considered: number; sites: Map<string, MatchCandidate> }> {
    const parsed = SiteRequirements.safeParse(input);
    if (!parsed.success)
      throw new AppError("validation_failed", Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
    const req = parsed.data;
    const found = await this.sites.matchCandidates(req.target, candidateQuery(req));
    const sites = new Map(found.map((m) => [m.plot?.code ?? m.premises?.code ?? "", m]));
    const candidates = found.map(toCandidate);
    return { req, verdicts: rank(req, candidates, now), considered: candidates.length, sites };
  }

  /** The API's answer: verdicts with one explanation per criterion, in the reader's language. */
  async match(input: SiteRequirementsInput, i18n: I18n, now = new Date()): Promise<MatchResponse> {
    const { verdicts, considered, sites } = await this.verdicts(input, now);
    const full = verdicts.filter((v) => v.fullMatch).length;
    return {
      results: verdicts.map((v, i) => ({
        kind: v.candidate.kind,
        code: v.candidate.code,
        rank: i + 1,
        score: v.score,
        fullMatch: v.fullMatch,
        misses: v.misses,
        criteria: v.evaluations.map((e) => ({ ...e, explanation: explain(i18n, e) })),
        site: siteSummary(i18n, sites.get(v.candidate.code)),
      })),
      fullMatches: full,
      nearMisses: verdicts.length - full,
      candidatesConsidered: considered,
    };
  }

  /** Up to four plots side by side, each judged against the requirements when given. */
  async compare(codes: string[], input: SiteRequirementsInput | null, now = new Date()) {
    const found = await this.sites.plotsForComparison(codes.slice(0, 4));
    const req = input ? SiteRequirements.parse(input) : null;
    return found.map((m) => ({ site: m, verdict: req ? evaluate(req, toCandidate(m), now) : null }));
  }

  estimate(incentives: Incentive[], input: EstimateInput): Estimate {
    return estimateSavings(incentives, input);
  }

  async saveSearch(actor: Actor, title: string, input: SiteRequirementsInput): Promise<number> {
    const { req, verdicts } = await this.verdicts(input);
    const results = verdicts.map((v) => ({
      code: v.candidate.code,
      kind: v.candidate.kind,
      score: v.score,
      fullMatch: v.fullMatch,
      misses: v.misses,
    }));
    return repo.insertSavedSearch(this.db, {
      userId: actor.id,
      title: title.trim().slice(0, 200) || "Search",
      requirements: JSON.stringify(req),
      results: JSON.stringify(results),
    });
  }

  async savedSearches(actor: Actor) {
    return (await repo.listSavedSearches(this.db, actor.id)).map(presentSaved);
  }

  /** Turns a saved search into an inquiry request; only its owner may. */
  async requestInquiry(actor: Actor, id: number, message: string, contact: string): Promise<void> {
    const row = await repo.findSavedSearch(this.db, id);
    if (!row || row.user_id !== actor.id) throw new AppError("not_found");
    const text = message.trim();
    if (text.length < 10) throw new AppError("validation_failed", { message: "matching.inquiry_too_short" });
    await repo.markInquiryRequested(this.db, id, text.slice(0, 4000), contact.trim().slice(0, 200));
  }

  async inquiryRequests(limit = 100) {
    return (await repo.listRequestedInquiries(this.db, limit)).map((r) => ({
      id: r.id,
      title: r.title,
      requestedAt: r.inquiry_requested_at ? new Date(r.inquiry_requested_at).toISOString() : null,
      message: r.inquiry_message,
      contact: r.inquiry_contact,
      user: r.display_name,
      results: JSON.parse(r.results) as { code: string; kind: string; score: number; fullMatch: boolean; misses: string[] }[],
    }));
  }
}

function siteSummary(i18n: I18n, m: MatchCandidate | undefined) {
  const site = m?.plot ?? m?.premises;
  if (!site) return { name: "", zone: null, district: "", areaLabel: "", illustrative: false };
  const area = m?.plot
    ? i18n.t("unit.ha", { value: i18n.number(m.plot.areaHa) })
    : i18n.t("unit.m2", { value: i18n.number(m?.premises?.floorAreaM2 ?? 0) });
  return {
    name: site.code,
    zone: site.zone ? i18n.pick(site.zone.name).text : null,
    district: i18n.pick(site.territory.name).text,
    areaLabel: area,
    illustrative: site.illustrative,
  };
}

function presentSaved(r: repo.SavedSearchRow) {
  return {
    id: r.id,
    title: r.title,
    createdAt: new Date(r.created_at).toISOString(),
    requirements: JSON.parse(r.requirements) as SiteRequirements,
    results: JSON.parse(r.results) as { code: string; kind: string; score: number; fullMatch: boolean; misses: string[] }[],
    inquiryRequestedAt: r.inquiry_requested_at ? new Date(r.inquiry_requested_at).toISOString() : null,
  };
}
