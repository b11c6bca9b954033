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
import { REQUEST_KINDS } from "./partners.model.ts";
import { PartnerSet } from "./partners.set.ts";
import { conceptOrder, isConceptKey } from "./partners.text.ts";
import { relatedClasses, relation } from "./value-chain.ts";

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
 *             2·w(A∩B) / (w(A) + w(B)), a concept key weighing CONCEPT_WEIGHT, a word key 1
 *             (a key the candidate stores on its profile and on a request counts twice in w(B)).
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

/** Kind × kind fit, by index into REQUEST_KINDS; ranking reads it without building strings. */
const KIND_INDEX = new Map<RequestKind, number>(REQUEST_KINDS.map((k, i) => [k, i]));
const KIND_FIT = new Float64Array(REQUEST_KINDS.length * REQUEST_KINDS.length);
for (const [a, b, fit] of KIND_PAIRS) {
  const i = KIND_INDEX.get(a) as number;
  const j = KIND_INDEX.get(b) as number;
  KIND_FIT[i * REQUEST_KINDS.length + j] = fit;
  KIND_FIT[j * REQUEST_KINDS.length + i] = fit;
}
const SUPPLY = KIND_INDEX.get("supply") as number;
const NO_KIND = -1;

function kindIndex(kind: RequestKind): number {
  return KIND_INDEX.get(kind) ?? NO_KIND;
}

function kindFitAt(i: number, j: number): number {
  if (i === NO_KIND && j === NO_KIND) return 0;
  if (i === NO_KIND) return PROFILE_AS_SUPPLY * (KIND_FIT[SUPPLY * REQUEST_KINDS.length + j] as number);
  if (j === NO_KIND) return PROFILE_AS_SUPPLY * (KIND_FIT[i * REQUEST_KINDS.length + SUPPLY] as number);
  return KIND_FIT[i * REQUEST_KINDS.length + j] as number;
}

/** How well a request of kind `a` answers one of kind `b`; symmetric. */
export function kindFit(a: RequestKind, b: RequestKind): number {
  const i = kindIndex(a);
  const j = kindIndex(b);
  return i === NO_KIND || j === NO_KIND ? 0 : kindFitAt(i, j);
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

const ROLES: readonly ClassRole[] = ["offer", "need", "field"];
const ROLE_INDEX: Record<ClassRole, number> = { offer: 0, need: 1, field: 2 };

/** One of the subject's units, with its class fits precomputed against every class of the set and role it can meet. */
interface MyUnit {
  request: PartnerRequest | null;
  kind: number;
  role: ClassRole;
  sectors: readonly string[];
  products: readonly string[];
  /** By their role (ROLE_INDEX): the best fit over my classes, at each class's number in the set; 0 = none. */
  fits: Float64Array[];
}

function unitSectors(p: PartnerProfile, r: PartnerRequest | null): readonly string[] {
  return r && r.sectors.length > 0 ? r.sectors : p.sectors;
}

/** A buy request names what it wants; only an offer may stand on the profile's products. */
function unitProducts(p: PartnerProfile, r: PartnerRequest | null, role: ClassRole): readonly string[] {
  if (!r) return p.products;
  return r.products.length > 0 ? r.products : role === "offer" ? p.products : [];
}

function unitRole(r: PartnerRequest | null): ClassRole {
  return r ? roleOf(r.kind) : "offer";
}

/**
 * Scratch space of one ranking: the subject's class fits, key and market marks, valid days. A
 * ranking runs to its end without yielding, so one buffer serves every call; each call clears
 * what it uses. (Typed arrays are allocated outside the JS heap: a few per match would churn
 * the allocator for nothing.)
 */
let scratchFits = new Float64Array(0);
let scratchMarks = new Uint8Array(0);

/** A fits buffer of at least `end` numbers (a bigger one when the old is too small; callers clear what they use). */
function fitsBuffer(end: number): Float64Array {
  if (scratchFits.length < end) scratchFits = new Float64Array(Math.max(end, scratchFits.length * 2));
  return scratchFits;
}

function myUnit(p: PartnerProfile, r: PartnerRequest | null, set: PartnerSet, slot: number): MyUnit {
  const role = unitRole(r);
  const sectors = unitSectors(p, r);
  const reachable = relatedClasses(sectors);
  const size = set.classes.size;
  const buffer = fitsBuffer((slot + 1) * ROLES.length * size);
  const fits = ROLES.map((theirRole, i) => {
    const from = (slot * ROLES.length + i) * size;
    const m = buffer.subarray(from, from + size);
    m.fill(0);
    for (const b of reachable) {
      const at = set.classes.find(b);
      if (at < 0) continue;
      let best = 0;
      for (const a of sectors) best = Math.max(best, classFit(a, role, b, theirRole));
      m[at] = best;
    }
    return m;
  });
  return { request: r, kind: r ? kindIndex(r.kind) : NO_KIND, role, sectors, products: unitProducts(p, r, role), fits };
}

function isValid(r: PartnerRequest, today: string): boolean {
  return r.validUntil === null || r.validUntil >= today;
}

/** Weight of a key in the text similarity. */
function keyWeight(k: string): number {
  return isConceptKey(k) ? CONCEPT_WEIGHT : 1;
}

/** What the rules work out once per set: each key's weight, each kind word's kind and role. */
interface SetRules {
  keyWeights: Float64Array;
  kindOf: Int32Array;
  roleOf: ClassRole[];
}
const rulesOfSet = new WeakMap<PartnerSet, SetRules>();

function setRules(set: PartnerSet): SetRules {
  let r = rulesOfSet.get(set);
  if (!r) {
    r = {
      keyWeights: Float64Array.from(set.keyTable.values, keyWeight),
      kindOf: Int32Array.from(set.words.values, (w) => kindIndex(w as RequestKind)),
      roleOf: set.words.values.map((w) => roleOf(w as RequestKind)),
    };
    rulesOfSet.set(set, r);
  }
  return r;
}

/** Scratch output of scorePair (chain, products): no object is made per pair, and no number boxed. */
const pair = new Float64Array(2);

/**
 * The pair's weighted part of the score; sets pair[0] (chain) and pair[1] (products). Their unit is given by
 * its role, kind and the ranges of its classes and HS codes in the set.
 */
function scorePair(
  u: MyUnit,
  set: PartnerSet,
  role: ClassRole,
  kind: number,
  sectorsFrom: number,
  sectorsTo: number,
  productsFrom: number,
  productsTo: number,
): number {
  const fits = u.fits[ROLE_INDEX[role]] as Float64Array;
  const classes = set.sectors.data;
  let chain = 0;
  for (let i = sectorsFrom; i < sectorsTo; i++) {
    const f = fits[classes[i] as number] as number;
    if (f > chain) chain = f;
  }
  let products = 0;
  const factor = rolesFactor(u.role, role);
  if (factor > 0 && productsFrom < productsTo) {
    const codes = set.productCodes.values;
    const theirs = set.products.data;
    for (const a of u.products) {
      for (let i = productsFrom; i < productsTo; i++) {
        const f = hsFit(a, codes[theirs[i] as number] as string);
        if (f > products) products = f;
      }
    }
  }
  const weighted = products * factor;
  pair[0] = chain;
  pair[1] = weighted;
  return W_CHAIN * chain + W_KINDS * kindFitAt(u.kind, kind) * chain + W_PRODUCTS * weighted;
}

interface Ranked {
  position: number;
  id: number;
  score: number;
  mine: MyUnit;
  /** Their unit that matched best (the profile's own unit when no request did). */
  unit: number;
}

/** The subject's keys: 1 at each of their numbers in the set (2 while counted for the candidate at hand). */
const MINE = 1;
const COUNTED = 2;

/**
 * Weighted Dice of the candidate's keys (profile and valid requests: units first … end - 1)
 * against mine (`mask`). A key stored on both the profile and a request weighs in the candidate's
 * total twice, which only lowers the score a little and spares a set per candidate; a shared key
 * counts once (`counted` holds the few shared ones, marked in the mask until the candidate is done).
 */
function textSimilarity(
  set: PartnerSet,
  first: number,
  end: number,
  validDay: Uint8Array,
  mask: Uint8Array,
  weights: Float64Array,
  myWeight: number,
  counted: number[],
): number {
  counted.length = 0;
  let common = 0;
  let theirWeight = 0;
  const { start, data } = set.keys;
  for (let u = first; u < end; u++) {
    const day = set.dateIds[u] as number;
    if (u > first && day >= 0 && validDay[day] === 0) continue;
    for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
      const id = data[i] as number;
      const w = weights[id] as number;
      theirWeight += w;
      if (mask[id] === MINE) {
        mask[id] = COUNTED;
        counted.push(id);
        common += w;
      }
    }
  }
  for (const id of counted) mask[id] = MINE;
  return common === 0 ? 0 : (2 * common) / (myWeight + theirWeight);
}

/**
 * Ranks `candidates` as partners for `subject`: other side only, at most `options.limit`, best
 * first. See the formula at the top of this file.
 */
export function rankPartners(subject: MatchSubject, candidates: readonly PartnerProfile[], options: RankOptions): PartnerMatch[] {
  return rankInSet(subject, PartnerSet.of(candidates), Array.from(candidates.keys()), options);
}

/**
 * rankPartners over enterprises packed in a PartnerSet (partners.set.ts), the candidates given by
 * their positions in it: the service's index keeps every published enterprise in one set, so a
 * match packs nothing. The one implementation of the formula: rankPartners packs its candidates
 * and comes here.
 */
export function rankInSet(subject: MatchSubject, set: PartnerSet, positions: ArrayLike<number>, options: RankOptions): PartnerMatch[] {
  const { today, limit } = options;
  const me = subject.profile;
  if (limit <= 0) return [];
  if (subject.request && !isValid(subject.request, today)) return [];

  const myRequests = subject.request ? [subject.request] : me.requests.filter((r) => isValid(r, today));
  const myUnits = subject.request
    ? [myUnit(me, subject.request, set, 0)]
    : [myUnit(me, null, set, 0), ...myRequests.map((r, i) => myUnit(me, r, set, i + 1))];
  const myKeys = new Set<string>(me.textKeys);
  for (const r of myRequests) for (const k of r.textKeys) myKeys.add(k);
  const { keyWeights, kindOf, roleOf: roleOfWord } = setRules(set);
  // One cleared buffer for the key marks, the market marks and the valid days, one after the other.
  const keys = set.keyTable.size;
  const markets = set.marketTable.size;
  const days = set.dateTable.size;
  if (scratchMarks.length < keys + markets + days) scratchMarks = new Uint8Array(Math.max(keys + markets + days, scratchMarks.length * 2));
  scratchMarks.fill(0, 0, keys + markets + days);
  const mask = scratchMarks.subarray(0, keys);
  const marketMask = scratchMarks.subarray(keys, keys + markets);
  const validDay = scratchMarks.subarray(keys + markets, keys + markets + days);
  let myWeight = 0;
  for (const k of myKeys) {
    myWeight += keyWeight(k);
    const at = set.keyTable.find(k);
    if (at >= 0) mask[at] = MINE;
  }
  const myMarkets = new Set(me.exportMarkets);
  for (const m of myMarkets) {
    const at = set.marketTable.find(m);
    if (at >= 0) marketMask[at] = 1;
  }
  set.dateTable.values.forEach((day, i) => {
    if (day >= today) validDay[i] = 1;
  });
  const mySide = set.words.find(me.side);
  const { unitStart, dateIds, kinds, requestIds, sectors, products } = set;

  const counted: number[] = [];
  const ranked: Ranked[] = [];

  for (let k = 0; k < positions.length; k++) {
    const p = positions[k] as number;
    const id = set.ids[p] as number;
    if (set.sides[p] === mySide || id === me.id) continue;

    const first = unitStart[p] as number;
    const end = unitStart[p + 1] as number;
    let bestScore = -1;
    let bestMine: MyUnit | null = null;
    let bestUnit = first;
    for (let u = first; u < end; u++) {
      let role: ClassRole = "offer";
      let kind = NO_KIND;
      let sectorsFrom = sectors.start[u] as number;
      let sectorsTo = sectors.start[u + 1] as number;
      let productsFrom = products.start[u] as number;
      let productsTo = products.start[u + 1] as number;
      if (u > first) {
        const day = dateIds[u] as number;
        if (day >= 0 && validDay[day] === 0) continue;
        const word = kinds[u] as number;
        kind = kindOf[word] as number;
        role = roleOfWord[word] as ClassRole;
        // unitSectors and unitProducts: a request without classes stands on the profile's, and an
        // offer without HS codes on the profile's products.
        if (sectorsFrom === sectorsTo) {
          sectorsFrom = sectors.start[first] as number;
          sectorsTo = sectors.start[first + 1] as number;
        }
        if (productsFrom === productsTo && role === "offer") {
          productsFrom = products.start[first] as number;
          productsTo = products.start[first + 1] as number;
        }
      }
      const theirRequest = u > first ? (requestIds[u] as number) : null;
      for (const m of myUnits) {
        const s = scorePair(m, set, role, kind, sectorsFrom, sectorsTo, productsFrom, productsTo);
        if (pair[0] === 0 && (pair[1] as number) < PRODUCTS_QUALIFY) continue;
        const bestRequest = bestUnit > first ? (requestIds[bestUnit] as number) : null;
        if (better(s, theirRequest, m.request, bestScore, bestRequest, bestMine?.request ?? null)) {
          bestScore = s;
          bestMine = m;
          bestUnit = u;
        }
      }
    }
    if (!bestMine) continue;

    let shared = 0;
    for (let i = set.markets.start[p] as number; i < (set.markets.start[p + 1] as number); i++)
      if (marketMask[set.markets.data[i] as number] === 1) shared++;
    const marketFit = shared === 0 ? 0 : 1 - 0.5 ** shared;
    const text = myWeight > 0 ? textSimilarity(set, first, end, validDay, mask, keyWeights, myWeight, counted) : 0;

    ranked.push({ position: p, id, score: bestScore + W_MARKETS * marketFit + W_TEXT * text, mine: bestMine, unit: bestUnit });
  }

  return best(ranked, limit).map((r) => {
    const candidate = set.profile(r.position);
    const first = unitStart[r.position] as number;
    const theirs = r.unit > first ? (candidate.requests[r.unit - first - 1] as PartnerRequest) : null;
    return toMatch(candidate, theirs, r.mine, r.score, today, myKeys, myMarkets);
  });
}

/** Score first, then the lower profile id. */
const byRank = (a: Ranked, b: Ranked) => b.score - a.score || a.id - b.id;

/** The first `limit` of `ranked` in the order a stable sort by byRank gives, without sorting the rest. */
function best(ranked: readonly Ranked[], limit: number): Ranked[] {
  const top: Ranked[] = [];
  for (const r of ranked) {
    if (top.length === limit && byRank(r, top[limit - 1] as Ranked) >= 0) continue;
    let at = top.length;
    while (at > 0 && byRank(r, top[at - 1] as Ranked) < 0) at--;
    top.splice(at, 0, r);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * Whether pair (score s, their request t, my request m) beats the best so far: score, then a
 * request over none, then lower ids. Their requests are given by id (null for their profile).
 */
function better(
  s: number,
  t: number | null,
  m: PartnerRequest | null,
  bestScore: number,
  bt: number | null,
  bm: PartnerRequest | null,
): boolean {
  if (s !== bestScore) return s > bestScore;
  if ((t === null) !== (bt === null)) return t !== null;
  if (t !== null && bt !== null && t !== bt) return t < bt;
  if ((m === null) !== (bm === null)) return m !== null;
  return m !== null && bm !== null && m.id < bm.id;
}

/** The reasons of a ranked candidate, built for the shown few only. */
function toMatch(
  candidate: PartnerProfile,
  theirs: PartnerRequest | null,
  mine: MyUnit,
  score: number,
  today: string,
  myKeys: Set<string>,
  myMarkets: Set<string>,
): PartnerMatch {
  const reasons: MatchReason[] = [];
  const theirRole = unitRole(theirs);
  const theirSectors = unitSectors(candidate, theirs);
  const theirProducts = unitProducts(candidate, theirs, theirRole);

  let chain: { a: string; b: string; fit: number; relation: ChainRelation } | null = null;
  for (const a of mine.sectors) {
    for (const b of theirSectors) {
      const fit = classFit(a, mine.role, b, theirRole);
      const link = relation(a, b);
      if (fit > 0 && link && (!chain || fit > chain.fit)) chain = { a, b, fit, relation: link.relation };
    }
  }
  if (chain) reasons.push({ code: "chain", mine: chain.a, theirs: chain.b, relation: chain.relation, mineRole: mine.role, theirRole });

  if (mine.request && theirs && kindFit(mine.request.kind, theirs.kind) > 0)
    reasons.push({ code: "kinds", mine: mine.request.kind, theirs: theirs.kind, myRequestId: mine.request.id, theirRequestId: theirs.id });

  if (rolesFactor(mine.role, theirRole) > 0) {
    const hs = new Set<string>();
    for (const a of mine.products) for (const b of theirProducts) if (hsFit(a, b) >= PRODUCTS_QUALIFY) hs.add(a.length <= b.length ? a : b);
    if (hs.size > 0) reasons.push({ code: "products", hs: [...hs].sort() });
  }

  const markets = [...new Set(candidate.exportMarkets.filter((m) => myMarkets.has(m)))].sort();
  if (markets.length > 0) reasons.push({ code: "markets", markets });

  const terms = new Set<string>();
  const addTerms = (keys: readonly string[]) => {
    for (const k of keys) if (isConceptKey(k) && myKeys.has(k)) terms.add(k);
  };
  addTerms(candidate.textKeys);
  for (const q of candidate.requests) if (isValid(q, today)) addTerms(q.textKeys);
  if (terms.size > 0)
    reasons.push({
      code: "text",
      terms: [...terms]
        .sort((x, y) => conceptOrder(x) - conceptOrder(y))
        .slice(0, 4)
        .map((k) => k.slice(1)),
    });

  if (theirs?.validUntil) reasons.push({ code: "valid_until", requestId: theirs.id, date: theirs.validUntil });

  return { profileId: candidate.id, requestId: theirs?.id ?? null, score: Math.round(score * 10_000) / 10_000, reasons };
}
