import { NACE_CLASSES } from "./nace.ts";
import type {
  ChainRelation,
  ClassRole,
  MatchReason,
  MatchSubject,
  PartnerMatch,
  PartnerProfile,
  PartnerRequest,
  RankOptions,
  RequestKind,
} from "./partners.model.ts";
import { conceptOrder, isConceptKey } from "./partners.text.ts";
import { relation } from "./value-chain.ts";

export { buildTextKeys } from "./partners.text.ts";

/**
 * Partner matching: ranked counterparts of the other region for an enterprise or one of its
 * requests. Pure and deterministic; the service hands it a few hundred to a few thousand
 * candidates already narrowed by sector (value-chain.ts relatedClasses).
 *
 * Each side is a set of *units*: the profile itself (its sectors are what it offers) and each of
 * its requests still valid on `today` (a supply request offers its sectors, a buy request needs
 * them, the other kinds name the field of the deal). Matching a single request uses that request
 * alone on the subject's side; an expired subject request matches nothing. For every pair of a
 * subject unit u and a candidate unit v:
 *
 *   pair(u, v) = W_CHAIN·chain(u, v) + W_KINDS·kinds(u, v)·chain(u, v) + W_PRODUCTS·products(u, v)
 *
 *   chain     the best fit over the two units' classes (a, b) by relation(a, b) and the roles:
 *             need ↔ offer or field: same class 1, a wholesaler of the needed class FIT_TRADES, else 0;
 *             field ↔ offer or field: same 1, supplies/buys FIT_FIELD_ADJACENT, logistics FIT_FIELD_SERVES;
 *             offer ↔ offer: supplies/buys 1, same class or logistics FIT_PEERS; need ↔ need: 0.
 *   kinds     KIND_FIT[u.kind][v.kind] (supply ↔ buy 1, investment offered ↔ sought 1, …); a profile
 *             unit acts as a supply offer scaled by PROFILE_AS_SUPPLY; profile ↔ profile 0. It is
 *             weighed by chain: a buy answers a supply only as far as their classes line up.
 *   products  the best HS match: one code a prefix of the other at 6+ digits 1, at 4 digits 0.8,
 *             at 2 digits 0.4; same chapter only 0.2; times 1 for need/field pairs, PRODUCTS_PEERS
 *             for offer ↔ offer, 0 for need ↔ need.
 *
 * and for the candidate as a whole
 *
 *   score = max over pairs of pair(u, v) + W_MARKETS·markets + W_TEXT·text, rounded to 4 places
 *
 *   markets   1 − ½^m for m export markets both sides share (more shared markets never lower it);
 *   text      weighted Dice over the stored text keys (partners.text.ts) of the subject's profile
 *             and valid units and the candidate's profile and valid requests:
 *             2·w(A∩B) / (w(A) + w(B)), a concept key weighing CONCEPT_WEIGHT, a word key 1.
 *
 * A candidate counts only when some pair has chain > 0 or a product match of 4+ digits: shared
 * words or markets alone never make a partner. Candidates of the subject's own side never count.
 * Results are sorted by score, then by profile id; the reasons describe the best pair (ties go to
 * a pair with a request, then to lower request ids).
 */

export const W_CHAIN = 0.4;
export const W_KINDS = 0.25;
export const W_PRODUCTS = 0.15;
export const W_TEXT = 0.15;
export const W_MARKETS = 0.05;

export const FIT_TRADES = 0.7;
export const FIT_FIELD_ADJACENT = 0.6;
export const FIT_FIELD_SERVES = 0.3;
export const FIT_PEERS = 0.5;
export const PROFILE_AS_SUPPLY = 0.6;
export const PRODUCTS_PEERS = 0.5;
export const CONCEPT_WEIGHT = 3;

/** How well a request of one kind answers a request of another; symmetric, 0 when not listed. */
const KIND_PAIRS: [RequestKind, RequestKind, number][] = [
  ["supply", "buy", 1],
  ["supply", "distribution", 1],
  ["supply", "contract_manufacturing", 0.6],
  ["supply", "joint_venture", 0.2],
  ["supply", "technology", 0.3],
  ["buy", "contract_manufacturing", 1],
  ["buy", "technology", 0.5],
  ["buy", "joint_venture", 0.2],
  ["investment_offered", "investment_sought", 1],
  ["investment_offered", "joint_venture", 0.8],
  ["investment_offered", "technology", 0.3],
  ["investment_sought", "joint_venture", 0.6],
  ["investment_sought", "technology", 0.4],
  ["joint_venture", "joint_venture", 1],
  ["joint_venture", "technology", 0.8],
  ["joint_venture", "contract_manufacturing", 0.5],
  ["technology", "technology", 0.6],
  ["contract_manufacturing", "contract_manufacturing", 0.6],
  ["contract_manufacturing", "distribution", 0.5],
  ["distribution", "distribution", 0.3],
];

const KIND_FIT = new Map<string, number>();
for (const [a, b, fit] of KIND_PAIRS) {
  KIND_FIT.set(`${a}|${b}`, fit);
  KIND_FIT.set(`${b}|${a}`, fit);
}

export function kindFit(a: RequestKind, b: RequestKind): number {
  return KIND_FIT.get(`${a}|${b}`) ?? 0;
}

/** What a request's classes stand for, by its kind. */
export function roleOf(kind: RequestKind): ClassRole {
  return kind === "supply" ? "offer" : kind === "buy" ? "need" : "field";
}

const WHOLESALE = new Set(NACE_CLASSES.filter((c) => c.division === "46").map((c) => c.code));

function isAdjacent(r: ChainRelation): boolean {
  return r === "supplies" || r === "buys";
}

/** How well my class `a` in role `ra` fits their class `b` in role `rb` (see the formula above). */
function classFit(a: string, ra: ClassRole, b: string, rb: ClassRole): number {
  if (ra === "need" && rb === "need") return 0;
  const link = relation(a, b);
  if (!link) return 0;
  const r = link.relation;
  if (ra === "need" || rb === "need") {
    if (r === "same") return 1;
    // a wholesaler that trades the needed class: the maker supplies the wholesaler
    if (ra === "need" && r === "supplies" && WHOLESALE.has(b)) return FIT_TRADES;
    if (rb === "need" && r === "buys" && WHOLESALE.has(a)) return FIT_TRADES;
    return 0;
  }
  if (ra === "field" || rb === "field") return r === "same" ? 1 : isAdjacent(r) ? FIT_FIELD_ADJACENT : FIT_FIELD_SERVES;
  return isAdjacent(r) ? 1 : FIT_PEERS;
}

/** One HS code against another: prefix depth, or the same chapter. */
function hsFit(a: string, b: string): number {
  if (a.startsWith(b) || b.startsWith(a)) {
    const n = Math.min(a.length, b.length);
    return n >= 6 ? 1 : n >= 4 ? 0.8 : 0.4;
  }
  return a.charCodeAt(0) === b.charCodeAt(0) && a.charCodeAt(1) === b.charCodeAt(1) ? 0.2 : 0;
}

/** A product match this strong (4-digit heading or finer) is enough for a candidate to count. */
const PRODUCTS_QUALIFY = 0.8;

function rolesFactor(ra: ClassRole, rb: ClassRole): number {
  if (ra === "need" && rb === "need") return 0;
  if (ra === "offer" && rb === "offer") return PRODUCTS_PEERS;
  return 1;
}

/** One side of a pair: the profile (request null) or one valid request. */
interface Unit {
  request: PartnerRequest | null;
  kind: RequestKind | null;
  role: ClassRole;
  sectors: string[];
  products: string[];
}

function profileUnit(p: PartnerProfile): Unit {
  return { request: null, kind: null, role: "offer", sectors: p.sectors, products: p.products };
}

function requestUnit(p: PartnerProfile, r: PartnerRequest): Unit {
  const role = roleOf(r.kind);
  return {
    request: r,
    kind: r.kind,
    role,
    sectors: r.sectors.length > 0 ? r.sectors : p.sectors,
    // a buy request names what it wants; only an offer may stand on the profile's products
    products: r.products.length > 0 ? r.products : role === "offer" ? p.products : [],
  };
}

function isValid(r: PartnerRequest, today: string): boolean {
  return r.validUntil === null || r.validUntil >= today;
}

interface PairScore {
  score: number;
  chain: number;
  products: number;
}

/** The pair's weighted part of the score and whether it qualifies (chain > 0 or a 4-digit product match). */
function scorePair(u: Unit, v: Unit, out: PairScore): void {
  let chain = 0;
  for (const a of u.sectors) {
    for (const b of v.sectors) {
      const f = classFit(a, u.role, b, v.role);
      if (f > chain) chain = f;
    }
  }
  let kinds = 0;
  if (u.kind !== null && v.kind !== null) kinds = kindFit(u.kind, v.kind);
  else if (u.kind !== null) kinds = PROFILE_AS_SUPPLY * kindFit(u.kind, "supply");
  else if (v.kind !== null) kinds = PROFILE_AS_SUPPLY * kindFit("supply", v.kind);
  let products = 0;
  const factor = rolesFactor(u.role, v.role);
  if (factor > 0) {
    for (const a of u.products) {
      for (const b of v.products) {
        const f = hsFit(a, b);
        if (f > products) products = f;
      }
    }
  }
  out.chain = chain;
  out.products = products * factor;
  out.score = W_CHAIN * chain + W_KINDS * kinds * chain + W_PRODUCTS * out.products;
}

function qualifies(p: PairScore): boolean {
  return p.chain > 0 || p.products >= PRODUCTS_QUALIFY;
}

/** Whether pair (score s, their request t, my request m) beats the best so far. */
function better(s: number, t: PartnerRequest | null, m: PartnerRequest | null, best: Best): boolean {
  if (s !== best.pair) return s > best.pair;
  const bt = best.theirs?.request ?? null;
  if ((t === null) !== (bt === null)) return t !== null;
  if (t && bt && t.id !== bt.id) return t.id < bt.id;
  const bm = best.mine?.request ?? null;
  if ((m === null) !== (bm === null)) return m !== null;
  return m !== null && bm !== null && m.id < bm.id;
}

interface Best {
  pair: number;
  mine: Unit | null;
  theirs: Unit | null;
}

interface Ranked {
  candidate: PartnerProfile;
  score: number;
  mine: Unit;
  theirs: Unit;
  theirUnits: Unit[];
}

/** Text keys of a profile and its valid requests, deduplicated into `into`; returns their weight. */
function collectKeys(p: PartnerProfile, requests: readonly PartnerRequest[], into: Set<string>): number {
  let weight = 0;
  const add = (keys: readonly string[]) => {
    for (const k of keys) {
      if (into.has(k)) continue;
      into.add(k);
      weight += isConceptKey(k) ? CONCEPT_WEIGHT : 1;
    }
  };
  add(p.textKeys);
  for (const r of requests) add(r.textKeys);
  return weight;
}

/** Weighted Dice of the candidate's keys (profile and valid requests) against mine; `seen` is scratch space. */
function textSimilarity(c: PartnerProfile, theirUnits: readonly Unit[], myKeys: Set<string>, myWeight: number, seen: Set<string>): number {
  seen.clear();
  let common = 0;
  let theirWeight = 0;
  for (let i = 0; i < theirUnits.length; i++) {
    const keys = i === 0 ? c.textKeys : ((theirUnits[i] as Unit).request?.textKeys ?? []);
    for (const k of keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      const w = isConceptKey(k) ? CONCEPT_WEIGHT : 1;
      theirWeight += w;
      if (myKeys.has(k)) common += w;
    }
  }
  return common === 0 ? 0 : (2 * common) / (myWeight + theirWeight);
}

/**
 * Ranks `candidates` as partners for `subject`: other side only, at most `options.limit`, best
 * first. See the formula at the top of this file.
 */
export function rankPartners(subject: MatchSubject, candidates: readonly PartnerProfile[], options: RankOptions): PartnerMatch[] {
  const { today, limit } = options;
  const me = subject.profile;
  if (limit <= 0) return [];
  if (subject.request && !isValid(subject.request, today)) return [];

  const myRequests = subject.request ? [subject.request] : me.requests.filter((r) => isValid(r, today));
  const myUnits = subject.request ? [requestUnit(me, subject.request)] : [profileUnit(me), ...myRequests.map((r) => requestUnit(me, r))];
  const myKeys = new Set<string>();
  const myWeight = collectKeys(me, myRequests, myKeys);
  const myMarkets = new Set(me.exportMarkets);

  const seen = new Set<string>();
  const pair: PairScore = { score: 0, chain: 0, products: 0 };
  const ranked: Ranked[] = [];

  for (const c of candidates) {
    if (c.side === me.side || c.id === me.id) continue;
    const theirUnits = [profileUnit(c)];
    for (const r of c.requests) if (isValid(r, today)) theirUnits.push(requestUnit(c, r));

    const best: Best = { pair: -1, mine: null, theirs: null };
    for (const u of myUnits) {
      for (const v of theirUnits) {
        scorePair(u, v, pair);
        if (!qualifies(pair)) continue;
        if (better(pair.score, v.request, u.request, best)) {
          best.pair = pair.score;
          best.mine = u;
          best.theirs = v;
        }
      }
    }
    if (!best.mine || !best.theirs) continue;

    let shared = 0;
    for (const m of c.exportMarkets) if (myMarkets.has(m)) shared++;
    const markets = shared === 0 ? 0 : 1 - 0.5 ** shared;

    const text = myWeight > 0 ? textSimilarity(c, theirUnits, myKeys, myWeight, seen) : 0;
    const score = best.pair + W_MARKETS * markets + W_TEXT * text;
    ranked.push({ candidate: c, score, mine: best.mine, theirs: best.theirs, theirUnits });
  }

  ranked.sort((a, b) => b.score - a.score || a.candidate.id - b.candidate.id);
  return ranked.slice(0, limit).map((r) => toMatch(r, myKeys, myMarkets));
}

/** The reasons of a ranked candidate, built for the shown few only. */
function toMatch(r: Ranked, myKeys: Set<string>, myMarkets: Set<string>): PartnerMatch {
  const reasons: MatchReason[] = [];
  const { mine, theirs, candidate } = r;

  let chain: { a: string; b: string; fit: number; relation: ChainRelation } | null = null;
  for (const a of mine.sectors) {
    for (const b of theirs.sectors) {
      const fit = classFit(a, mine.role, b, theirs.role);
      const link = relation(a, b);
      if (fit > 0 && link && (!chain || fit > chain.fit)) chain = { a, b, fit, relation: link.relation };
    }
  }
  if (chain)
    reasons.push({ code: "chain", mine: chain.a, theirs: chain.b, relation: chain.relation, mineRole: mine.role, theirRole: theirs.role });

  if (mine.request && theirs.request && kindFit(mine.request.kind, theirs.request.kind) > 0)
    reasons.push({
      code: "kinds",
      mine: mine.request.kind,
      theirs: theirs.request.kind,
      myRequestId: mine.request.id,
      theirRequestId: theirs.request.id,
    });

  if (rolesFactor(mine.role, theirs.role) > 0) {
    const hs = new Set<string>();
    for (const a of mine.products)
      for (const b of theirs.products) if (hsFit(a, b) >= PRODUCTS_QUALIFY) hs.add(a.length <= b.length ? a : b);
    if (hs.size > 0) reasons.push({ code: "products", hs: [...hs].sort() });
  }

  const markets = [...new Set(candidate.exportMarkets.filter((m) => myMarkets.has(m)))].sort();
  if (markets.length > 0) reasons.push({ code: "markets", markets });

  const terms = new Set<string>();
  const addTerms = (keys: readonly string[]) => {
    for (const k of keys) if (isConceptKey(k) && myKeys.has(k)) terms.add(k);
  };
  addTerms(candidate.textKeys);
  for (const u of r.theirUnits) if (u.request) addTerms(u.request.textKeys);
  if (terms.size > 0)
    reasons.push({
      code: "text",
      terms: [...terms]
        .sort((x, y) => conceptOrder(x) - conceptOrder(y))
        .slice(0, 4)
        .map((k) => k.slice(1)),
    });

  if (theirs.request?.validUntil) reasons.push({ code: "valid_until", requestId: theirs.request.id, date: theirs.request.validUntil });

  return { profileId: candidate.id, requestId: theirs.request?.id ?? null, score: Math.round(r.score * 10_000) / 10_000, reasons };
}
