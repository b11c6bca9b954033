import type { PartnerProfile, PartnerRequest, RequestKind, Side } from "./partners.model.ts";

/**
 * What partner matching reads of an enterprise, in one column of its profile (`match_data`): its
 * classes, HS codes, markets, size, approved text keys and its published offers and needs. Written
 * in the same transaction as every change to the profile or its requests (the service's
 * refreshMatchData), so one statement loads a page of candidates. Expired requests may linger until
 * the next write; the rules ignore a request valid until before today.
 */
export interface MatchData {
  sectors: string[];
  products: string[];
  markets: string[];
  size: string | null;
  keys: string[];
  requests: { id: number; kind: RequestKind; sectors: string[]; products: string[]; keys: string[]; validUntil: string }[];
}

const hsOf = (products: { hs: string | null }[]) => products.map((p) => p.hs).filter((h): h is string => !!h);

export function buildMatchData(
  profile: { sectors: string[]; products: { hs: string | null }[]; markets: string[]; size: string | null; keys: string[] },
  requests: { id: number; kind: string; sectors: string[]; products: { hs: string | null }[]; keys: string[]; validUntil: string }[],
): MatchData {
  return {
    sectors: [...new Set(profile.sectors)].sort(),
    products: hsOf(profile.products),
    markets: profile.markets,
    size: profile.size,
    keys: profile.keys,
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind as RequestKind,
      sectors: r.sectors,
      products: hsOf(r.products),
      keys: r.keys,
      validUntil: r.validUntil,
    })),
  };
}

export function toPartnerProfile(id: number, side: Side, data: MatchData, today?: string): PartnerProfile {
  return {
    id,
    side,
    territoryId: null,
    sectors: data.sectors,
    products: data.products,
    exportMarkets: data.markets,
    sizeBand: data.size,
    textKeys: data.keys,
    requests: data.requests
      .filter((r) => today === undefined || r.validUntil >= today)
      .map(
        (r): PartnerRequest => ({
          id: r.id,
          kind: r.kind,
          sectors: r.sectors,
          products: r.products,
          textKeys: r.keys,
          validUntil: r.validUntil,
        }),
      ),
  };
}

export function parseMatchData(json: string | null | undefined): MatchData {
  const empty: MatchData = { sectors: [], products: [], markets: [], size: null, keys: [], requests: [] };
  if (!json) return empty;
  try {
    return { ...empty, ...(JSON.parse(json) as Partial<MatchData>) };
  } catch {
    return empty;
  }
}
