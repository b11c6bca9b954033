/**
 * The contract of partner matching (issue 6): plain data in, ranked matches with their reasons out.
 * The pure rules (partners.rules.ts), the explanations (partners.explain.ts), the repository and
 * the service all speak these types; nothing here touches the database or HTTP.
 */

export const REQUEST_KINDS = [
  "supply",
  "buy",
  "contract_manufacturing",
  "joint_venture",
  "investment_sought",
  "investment_offered",
  "technology",
  "distribution",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** home = Turkistan oblast; partner = Wenzhou and the partner provinces. Matches always cross sides. */
export type Side = "home" | "partner";

/** An offer or a need of one enterprise, as the rules see it. */
export interface PartnerRequest {
  id: number;
  kind: RequestKind;
  /** NACE Rev. 2 classes, "13.20". */
  sectors: string[];
  /** HS codes, 2–6 digits. */
  products: string[];
  /** Precomputed by buildTextKeys over the request's texts in every language. */
  textKeys: string[];
  /** YYYY-MM-DD, inclusive; null = open-ended. A request valid until before `today` never counts. */
  validUntil: string | null;
}

/** An enterprise, as the rules see it. */
export interface PartnerProfile {
  id: number;
  side: Side;
  territoryId: number | null;
  /** NACE Rev. 2 classes, "13.20". */
  sectors: string[];
  /** HS codes, 2–6 digits. */
  products: string[];
  /** ISO 3166 alpha-2, upper case. */
  exportMarkets: string[];
  sizeBand: string | null;
  /** Precomputed by buildTextKeys over the profile's names and descriptions in every language. */
  textKeys: string[];
  requests: PartnerRequest[];
}

/** How the subject's class `mine` relates to the candidate's class `theirs`, from the subject's side. */
export type ChainRelation = "supplies" | "buys" | "same" | "serves" | "served_by";

/**
 * What a class stands for on one side of a comparison: a profile's sectors and a supply request's
 * sectors are what the enterprise offers; a buy request's sectors are what it needs; the other
 * request kinds (joint venture, technology, investment, contract manufacturing, distribution)
 * name the field of the deal.
 */
export type ClassRole = "offer" | "need" | "field";

/** Why a candidate ranks where it does; partners.explain.ts turns each into a sentence. */
export type MatchReason =
  /** Their class `theirs` stands in `relation` to my class `mine` ("they supply 13.20 that my 14.13 buys" = relation "buys"). */
  | { code: "chain"; mine: string; theirs: string; relation: ChainRelation; mineRole: ClassRole; theirRole: ClassRole }
  /** Their request of kind `theirs` answers my request of kind `mine` (supply ↔ buy …). */
  | { code: "kinds"; mine: RequestKind; theirs: RequestKind; myRequestId: number; theirRequestId: number }
  /** HS codes both sides deal in (the shorter of two matching prefixes). */
  | { code: "products"; hs: string[] }
  /** Export markets both sides sell to. */
  | { code: "markets"; markets: string[] }
  /** Concepts or words both sides' texts share (concept ids like "cotton", or plain keys). */
  | { code: "text"; terms: string[] }
  /** The request of theirs that matched is valid until this date. */
  | { code: "valid_until"; requestId: number; date: string };

export interface PartnerMatch {
  profileId: number;
  /** Their request that matched best, or null when the profile itself matched. */
  requestId: number | null;
  /** 0–1, see the formula in partners.rules.ts. */
  score: number;
  reasons: MatchReason[];
}

export interface MatchSubject {
  profile: PartnerProfile;
  /** Set when matching one of the profile's requests rather than the whole enterprise. */
  request?: PartnerRequest;
}

export interface RankOptions {
  /** YYYY-MM-DD; requests valid until before this date are ignored. */
  today: string;
  /** At most this many matches are returned. */
  limit: number;
}
