/**
 * Site matching rules: pure functions, no SQL, no I/O, no language. The SQL layer only narrows
 * the candidates (docs/decisions/009-site-matching.md); every verdict a user sees comes from here.
 *
 * Scores (each 0–1):
 *  - capacity (power, gas, water, sewage, heat), need N, free now H:
 *      H ≥ N → met, 1.
 *      otherwise, if the utility can connect C more within the ready-by date (H + C ≥ N, or C ≥ N
 *      when H is unknown) → closable, 0.8 − 0.3 × months/24, floored at 0.5;
 *      H known and short → short, 0.6 × H/N;   H unknown → unknown, 0.25.
 *  - range (area) [min, max]: inside → 1; outside by a share x of the bound → short, max(0, 1 − 2x).
 *  - distance, at most D km, actual d: d ≤ D → 1; d > D → short, max(0, 1 − (d − D)/D); unknown → 0.25.
 *  - yes/no (rail siding, CIT relief): yes → 1; no → short, 0; unknown → 0.25.
 *  - set membership (districts, zone kinds) → 1 or short 0.
 *  - budget B, price P in the same currency and terms: P ≤ B → 1; P > B → max(0, 1 − (P − B)/B);
 *      no price or other terms → unknown, 0.25.
 *  - availability (always hard): free or idle → met; reserved until before the ready-by date →
 *      closable 0.6; otherwise short, 0.
 * A site's score is the weighted mean of its soft criteria (1 when there are none). Ranking: full
 * matches (every hard criterion met or closable) first, by score, then by the mean score of the
 * hard criteria, then by code; near misses (1–2 hard criteria short or unknown) after them, by
 * number of misses, score, code. Deterministic for equal inputs.
 */
import type { CriterionKey, SiteRequirements } from "./matching.schemas.ts";

export type Outcome = "met" | "closable" | "short" | "unknown";

export interface UtilityConnect {
  connectMonths: number | null;
  connectCapacity: number | null;
  connectCostKzt: number | null;
}

/** What the rules need to know of a plot or premises. Null is "unknown", never "none". */
export interface Candidate {
  kind: "plot" | "premises";
  code: string;
  /** ha for plots, m² for premises */
  area: number;
  status: string;
  reservedUntil: string | null;
  capacities: Record<"power" | "gas" | "water" | "sewage" | "heat", number | null>;
  connect: Partial<Record<"power" | "gas" | "water" | "sewage" | "heat", UtilityConnect>>;
  railSiding: boolean | null;
  distances: Record<"rail" | "airport" | "border" | "city", number | null>;
  /** null: outside any zone */
  zoneKind: string | null;
  districtSlug: string;
  citRelief: boolean | null;
  price: { amount: number; currency: string; unit: string } | null;
}

export interface Evaluation {
  criterion: CriterionKey;
  hard: boolean;
  weight: number;
  outcome: Outcome;
  score: number;
  need: number | null;
  have: number | null;
  gap: number | null;
  unit: string | null;
  connect: { months: number | null; capacity: number | null; costKzt: number | null } | null;
}

export interface Verdict {
  candidate: Candidate;
  evaluations: Evaluation[];
  score: number;
  hardQuality: number;
  fullMatch: boolean;
  misses: CriterionKey[];
}

const UNITS = { power: "kW", gas: "m³/h", water: "m³/day", sewage: "m³/day", heat: "Gcal/h" } as const;
export const UTILITIES = ["power", "gas", "water", "sewage", "heat"] as const;
export type Utility = (typeof UTILITIES)[number];
export const DISTANCES = ["rail", "airport", "border", "city"] as const;
export const MONTH_MS = 30.44 * 86_400_000;
const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** Midnight UTC of a YYYY-MM-DD date, in ms (NaN when it does not parse). */
export const dayStart = (date: string): number => new Date(`${date}T00:00:00Z`).getTime();

/** Months from `now` to an instant in ms. */
export const monthsFrom = (ms: number, now: Date): number => (ms - now.getTime()) / MONTH_MS;

export function monthsUntil(date: string | undefined | null, now: Date): number | null {
  if (!date) return null;
  return monthsFrom(dayStart(date), now);
}

/**
 * A criterion's outcome and score: all the ranking needs. The judges below write into one and
 * allocate nothing, so the search index (matching.index.ts) scores a whole catalogue with the very
 * functions `evaluate` uses for the verdicts people read.
 */
export interface Judged {
  outcome: Outcome;
  score: number;
}

const set = (j: Judged, outcome: Outcome, score: number): Judged => {
  j.outcome = outcome;
  j.score = score;
  return j;
};

/** Free (or idle, for plots) → met; reserved until no later than the ready-by date → closable. */
export function judgeAvailability(j: Judged, open: boolean, reservedMonths: number | null, monthsLeft: number | null): Judged {
  if (open) return set(j, "met", 1);
  if (reservedMonths !== null && monthsLeft !== null && reservedMonths <= monthsLeft) return set(j, "closable", 0.6);
  return set(j, "short", 0);
}

export function judgeArea(j: Judged, min: number | undefined, max: number | undefined, area: number): Judged {
  if (min !== undefined && area < min) return set(j, "short", clamp(1 - 2 * ((min - area) / min)));
  if (max !== undefined && area > max) return set(j, "short", clamp(1 - 2 * ((area - max) / max)));
  return set(j, "met", 1);
}

/** Free capacity `have` against a need; `extra` and `months`: what the utility can connect, and when. */
export function judgeCapacity(
  j: Judged,
  need: number,
  have: number | null,
  extra: number | null,
  months: number | null,
  monthsLeft: number | null,
): Judged {
  if (have !== null && have >= need) return set(j, "met", 1);
  const enough = extra !== null && (have ?? 0) + extra >= need;
  const inTime = months !== null && (monthsLeft === null || months <= monthsLeft);
  if (enough && inTime) return set(j, "closable", Math.max(0.5, 0.8 - (0.3 * (months ?? 0)) / 24));
  if (have === null) return set(j, "unknown", 0.25);
  return set(j, "short", 0.6 * clamp(have / need));
}

export function judgeDistance(j: Judged, have: number | null, maxKm: number): Judged {
  if (have === null) return set(j, "unknown", 0.25);
  if (have <= maxKm) return set(j, "met", 1);
  return set(j, "short", maxKm === 0 ? 0 : clamp(1 - (have - maxKm) / maxKm));
}

export function judgeYesNo(j: Judged, value: boolean | null): Judged {
  if (value === null) return set(j, "unknown", 0.25);
  return value ? set(j, "met", 1) : set(j, "short", 0);
}

/** `price`: the amount in the budget's currency and terms, null when there is none in them. */
export function judgeBudget(j: Judged, max: number, price: number | null): Judged {
  if (price === null) return set(j, "unknown", 0.25);
  if (price <= max) return set(j, "met", 1);
  return set(j, "short", clamp(1 - (price - max) / max));
}

/** Open statuses: free or idle plots, free premises. */
export const isOpen = (kind: Candidate["kind"], status: string): boolean => status === "free" || (kind === "plot" && status === "idle");

/** One criterion the requirements name. */
export interface Planned {
  criterion: CriterionKey;
  hard: boolean;
  weight: number;
}

/** The criteria the requirements name, in the order every verdict lists them (availability first, always a must). */
export function criteriaOf(req: SiteRequirements): Planned[] {
  const out: Planned[] = [{ criterion: "availability", hard: true, weight: 1 }];
  const add = (criterion: CriterionKey, c: { hard: boolean; weight: number } | undefined) => {
    if (c) out.push({ criterion, hard: c.hard, weight: c.weight });
  };
  if (req.area && (req.area.min !== undefined || req.area.max !== undefined)) add("area", req.area);
  for (const key of UTILITIES) add(key, req[key]);
  add("railSiding", req.railSiding);
  for (const key of DISTANCES) add(key, req[key]);
  add("zoneKinds", req.zoneKinds);
  add("citRelief", req.citRelief);
  add("districts", req.districts);
  add("budget", req.budget);
  return out;
}

/** An evaluation as one object literal (spreading partial objects made `evaluate` ten times slower). */
const evaluation = (
  p: Planned,
  j: Judged,
  need: number | null = null,
  have: number | null = null,
  gap: number | null = null,
  unit: string | null = null,
  connect: Evaluation["connect"] = null,
): Evaluation => ({
  criterion: p.criterion,
  hard: p.hard,
  weight: p.weight,
  outcome: j.outcome,
  score: j.score,
  need,
  have,
  gap,
  unit,
  connect,
});

/** The judgement of one criterion with the numbers behind it, for people to read. */
function judgeFully(p: Planned, req: SiteRequirements, c: Candidate, monthsLeft: number | null, now: Date): Evaluation {
  const j: Judged = { outcome: "unknown", score: 0 };
  switch (p.criterion) {
    case "availability": {
      const reserved = c.status === "reserved" ? monthsUntil(c.reservedUntil, now) : null;
      return evaluation(p, judgeAvailability(j, isOpen(c.kind, c.status), reserved, monthsLeft));
    }
    case "area": {
      const { min, max } = req.area ?? {};
      const unit = c.kind === "plot" ? "ha" : "m²";
      judgeArea(j, min, max, c.area);
      if (j.outcome === "met") return evaluation(p, j, min ?? max ?? null, c.area, 0, unit);
      const below = min !== undefined && c.area < min;
      const need = (below ? min : max) as number;
      return evaluation(p, j, need, c.area, below ? need - c.area : c.area - need, unit);
    }
    case "power":
    case "gas":
    case "water":
    case "sewage":
    case "heat": {
      const key = p.criterion;
      const need = req[key]?.need ?? 0;
      const have = c.capacities[key];
      const unit = UNITS[key];
      const connect = c.connect[key];
      const extra = connect?.connectCapacity ?? null;
      const months = connect?.connectMonths ?? null;
      judgeCapacity(j, need, have, extra, months, monthsLeft);
      if (j.outcome === "met") return evaluation(p, j, need, have, 0, unit);
      // A utility's confirmation alone is not a connection offer: only months or capacity make one.
      const offer = connect && (months !== null || extra !== null) ? { months, capacity: extra, costKzt: connect.connectCostKzt } : null;
      return evaluation(p, j, need, have, have === null ? null : need - have, unit, offer);
    }
    case "rail":
    case "airport":
    case "border":
    case "city": {
      const maxKm = req[p.criterion]?.maxKm ?? 0;
      const have = c.distances[p.criterion];
      judgeDistance(j, have, maxKm);
      return evaluation(p, j, maxKm, have, have === null ? null : j.outcome === "met" ? 0 : have - maxKm, "km");
    }
    case "railSiding":
      return evaluation(p, judgeYesNo(j, c.railSiding));
    case "zoneKinds":
      return evaluation(p, judgeYesNo(j, req.zoneKinds?.accepted.includes((c.zoneKind ?? "none") as never) ?? false));
    case "citRelief":
      return evaluation(p, judgeYesNo(j, c.citRelief));
    case "districts":
      return evaluation(p, judgeYesNo(j, req.districts?.slugs.includes(c.districtSlug) ?? false));
    case "budget": {
      const b = req.budget;
      if (!b) return evaluation(p, j);
      const price = c.price;
      const inTerms = price && price.currency === b.currency && price.unit === b.unit ? price.amount : null;
      judgeBudget(j, b.max, inTerms);
      const gap = j.outcome === "unknown" ? null : j.outcome === "met" ? 0 : (inTerms as number) - b.max;
      return evaluation(p, j, b.max, price?.amount ?? null, gap, b.currency);
    }
  }
}

/** Evaluates one candidate against every criterion the requirements name. */
export function evaluate(req: SiteRequirements, c: Candidate, now: Date): Verdict {
  const monthsLeft = monthsUntil(req.readyBy, now);
  const out: Evaluation[] = criteriaOf(req).map((p) => judgeFully(p, req, c, monthsLeft, now));
  const soft = out.filter((e) => !e.hard);
  const hard = out.filter((e) => e.hard);
  const weights = soft.reduce((s, e) => s + e.weight, 0);
  const score = weights === 0 ? 1 : soft.reduce((s, e) => s + e.weight * e.score, 0) / weights;
  const hardQuality = hard.length === 0 ? 1 : hard.reduce((s, e) => s + e.score, 0) / hard.length;
  const misses = hard.filter((e) => e.outcome === "short" || e.outcome === "unknown").map((e) => e.criterion);
  return {
    candidate: c,
    evaluations: out,
    score: roundScore(score),
    hardQuality: roundScore(hardQuality),
    fullMatch: misses.length === 0,
    misses,
  };
}

/** Scores are compared after rounding to 6 places, so equal sites tie and the code decides. */
export const roundScore = (x: number) => Math.round(x * 1e6) / 1e6;

/** Full matches first, then near misses; a stable key breaks every tie. */
export function compareVerdicts(a: Verdict, b: Verdict): number {
  if (a.fullMatch !== b.fullMatch) return a.fullMatch ? -1 : 1;
  if (!a.fullMatch && a.misses.length !== b.misses.length) return a.misses.length - b.misses.length;
  return (
    b.score - a.score ||
    b.hardQuality - a.hardQuality ||
    (a.candidate.code < b.candidate.code ? -1 : a.candidate.code > b.candidate.code ? 1 : 0)
  );
}

/**
 * Ranks candidates: every full match, then — when fewer than the threshold — near misses that
 * miss at most two hard criteria, up to the limit.
 */
export function rank(req: SiteRequirements, candidates: Candidate[], now: Date): Verdict[] {
  const verdicts = candidates.map((c) => evaluate(req, c, now)).sort(compareVerdicts);
  const full = verdicts.filter((v) => v.fullMatch);
  const near = full.length < req.nearMissThreshold ? verdicts.filter((v) => !v.fullMatch && v.misses.length <= 2) : [];
  return [...full, ...near].slice(0, req.limit);
}
