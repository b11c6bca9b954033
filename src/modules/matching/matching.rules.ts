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
const MONTH_MS = 30.44 * 86_400_000;
const clamp = (x: number) => Math.max(0, Math.min(1, x));

function monthsUntil(date: string | undefined, now: Date): number | null {
  if (!date) return null;
  return (new Date(`${date}T00:00:00Z`).getTime() - now.getTime()) / MONTH_MS;
}

function base(criterion: CriterionKey, c: { hard: boolean; weight: number }): Pick<Evaluation, "criterion" | "hard" | "weight"> {
  return { criterion, hard: c.hard, weight: c.weight };
}

function capacity(
  key: keyof typeof UNITS,
  need: number,
  c: Candidate,
  monthsLeft: number | null,
): Omit<Evaluation, "criterion" | "hard" | "weight"> {
  const have = c.capacities[key];
  const unit = UNITS[key];
  if (have !== null && have >= need) return { outcome: "met", score: 1, need, have, gap: 0, unit, connect: null };
  const connect = c.connect[key];
  const extra = connect?.connectCapacity ?? null;
  const months = connect?.connectMonths ?? null;
  const enough = extra !== null && (have ?? 0) + extra >= need;
  const inTime = months !== null && (monthsLeft === null || months <= monthsLeft);
  const gap = have === null ? null : need - have;
  // A utility's confirmation alone is not a connection offer: only months or capacity make one.
  const connectInfo = connect && (months !== null || extra !== null) ? { months, capacity: extra, costKzt: connect.connectCostKzt } : null;
  if (enough && inTime)
    return { outcome: "closable", score: Math.max(0.5, 0.8 - (0.3 * (months ?? 0)) / 24), need, have, gap, unit, connect: connectInfo };
  if (have === null) return { outcome: "unknown", score: 0.25, need, have, gap, unit, connect: connectInfo };
  return { outcome: "short", score: 0.6 * clamp(have / need), need, have, gap, unit, connect: connectInfo };
}

function distance(have: number | null, maxKm: number): Omit<Evaluation, "criterion" | "hard" | "weight"> {
  if (have === null) return { outcome: "unknown", score: 0.25, need: maxKm, have, gap: null, unit: "km", connect: null };
  if (have <= maxKm) return { outcome: "met", score: 1, need: maxKm, have, gap: 0, unit: "km", connect: null };
  return {
    outcome: "short",
    score: maxKm === 0 ? 0 : clamp(1 - (have - maxKm) / maxKm),
    need: maxKm,
    have,
    gap: have - maxKm,
    unit: "km",
    connect: null,
  };
}

function yesNo(value: boolean | null): Omit<Evaluation, "criterion" | "hard" | "weight"> {
  if (value === null) return { outcome: "unknown", score: 0.25, need: null, have: null, gap: null, unit: null, connect: null };
  return { outcome: value ? "met" : "short", score: value ? 1 : 0, need: null, have: null, gap: null, unit: null, connect: null };
}

/** Evaluates one candidate against every criterion the requirements name. */
export function evaluate(req: SiteRequirements, c: Candidate, now: Date): Verdict {
  const out: Evaluation[] = [];
  const monthsLeft = monthsUntil(req.readyBy, now);

  const availability = (): Evaluation => {
    const open = c.kind === "plot" ? ["free", "idle"] : ["free"];
    if (open.includes(c.status))
      return {
        criterion: "availability",
        hard: true,
        weight: 1,
        outcome: "met",
        score: 1,
        need: null,
        have: null,
        gap: null,
        unit: null,
        connect: null,
      };
    if (
      c.status === "reserved" &&
      c.reservedUntil &&
      monthsLeft !== null &&
      monthsUntil(c.reservedUntil, now) !== null &&
      (monthsUntil(c.reservedUntil, now) as number) <= monthsLeft
    ) {
      return {
        criterion: "availability",
        hard: true,
        weight: 1,
        outcome: "closable",
        score: 0.6,
        need: null,
        have: null,
        gap: null,
        unit: null,
        connect: null,
      };
    }
    return {
      criterion: "availability",
      hard: true,
      weight: 1,
      outcome: "short",
      score: 0,
      need: null,
      have: null,
      gap: null,
      unit: null,
      connect: null,
    };
  };
  out.push(availability());

  if (req.area && (req.area.min !== undefined || req.area.max !== undefined)) {
    const { min, max } = req.area;
    const unit = c.kind === "plot" ? "ha" : "m²";
    let result: Omit<Evaluation, "criterion" | "hard" | "weight">;
    if (min !== undefined && c.area < min)
      result = {
        outcome: "short",
        score: clamp(1 - 2 * ((min - c.area) / min)),
        need: min,
        have: c.area,
        gap: min - c.area,
        unit,
        connect: null,
      };
    else if (max !== undefined && c.area > max)
      result = {
        outcome: "short",
        score: clamp(1 - 2 * ((c.area - max) / max)),
        need: max,
        have: c.area,
        gap: c.area - max,
        unit,
        connect: null,
      };
    else result = { outcome: "met", score: 1, need: min ?? max ?? null, have: c.area, gap: 0, unit, connect: null };
    out.push({ ...base("area", req.area), ...result });
  }
  for (const key of ["power", "gas", "water", "sewage", "heat"] as const) {
    const r = req[key];
    if (r) out.push({ ...base(key, r), ...capacity(key, r.need, c, monthsLeft) });
  }
  if (req.railSiding) out.push({ ...base("railSiding", req.railSiding), ...yesNo(c.railSiding) });
  for (const key of ["rail", "airport", "border", "city"] as const) {
    const r = req[key];
    if (r) out.push({ ...base(key, r), ...distance(c.distances[key], r.maxKm) });
  }
  if (req.zoneKinds) {
    const ok = req.zoneKinds.accepted.includes((c.zoneKind ?? "none") as never);
    out.push({ ...base("zoneKinds", req.zoneKinds), ...yesNo(ok) });
  }
  if (req.citRelief) out.push({ ...base("citRelief", req.citRelief), ...yesNo(c.citRelief) });
  if (req.districts) out.push({ ...base("districts", req.districts), ...yesNo(req.districts.slugs.includes(c.districtSlug)) });
  if (req.budget) {
    const b = req.budget;
    const p = c.price;
    let result: Omit<Evaluation, "criterion" | "hard" | "weight">;
    if (!p || p.currency !== b.currency || p.unit !== b.unit)
      result = { outcome: "unknown", score: 0.25, need: b.max, have: p?.amount ?? null, gap: null, unit: b.currency, connect: null };
    else if (p.amount <= b.max) result = { outcome: "met", score: 1, need: b.max, have: p.amount, gap: 0, unit: b.currency, connect: null };
    else
      result = {
        outcome: "short",
        score: clamp(1 - (p.amount - b.max) / b.max),
        need: b.max,
        have: p.amount,
        gap: p.amount - b.max,
        unit: b.currency,
        connect: null,
      };
    out.push({ ...base("budget", b), ...result });
  }

  const soft = out.filter((e) => !e.hard);
  const hard = out.filter((e) => e.hard);
  const weights = soft.reduce((s, e) => s + e.weight, 0);
  const score = weights === 0 ? 1 : soft.reduce((s, e) => s + e.weight * e.score, 0) / weights;
  const hardQuality = hard.length === 0 ? 1 : hard.reduce((s, e) => s + e.score, 0) / hard.length;
  const misses = hard.filter((e) => e.outcome === "short" || e.outcome === "unknown").map((e) => e.criterion);
  return { candidate: c, evaluations: out, score: round(score), hardQuality: round(hardQuality), fullMatch: misses.length === 0, misses };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

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
