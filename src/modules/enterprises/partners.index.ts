import { parseMatchData, toPartnerProfile } from "./enterprises.matchdata.ts";
import type { PartnerProfile, PartnerRequest, RequestKind, Side } from "./partners.model.ts";
import { bytes, floats, type Growing, ints, type PartnerSet, PartnerSetBuilder } from "./partners.set.ts";

/**
 * Partner matching's in-memory index (docs/decisions/013): every profile's `match_data` packed as
 * the rules read it (a PartnerSet, partners.set.ts), what a result shows of each enterprise (names,
 * territory, size, verification, logo), and per side and NACE class the enterprises that hold the
 * class — among their own classes, or those of a published request with its last day. A match
 * counts a candidate's hits with a few thousand array increments instead of grouping index rows in
 * SQL, and ranks and shows the candidates without a statement or a JSON.parse.
 *
 * The index is built from the profiles with their organisations, read in id order a page at a
 * time, and is labelled with the directory's version stamp (migration 0010) read *before* it, so
 * its content is at least as new as its label; a match that reads another number rebuilds it.
 * Expiry needs no rebuild: request days are kept and compared with the day of each match.
 */

/** A profile as read for the index: `match_data` is the JSON the service keeps with every write. */
export interface IndexRow {
  organisation_id: number;
  side: string;
  publication: string;
  match_data: string;
  name: string;
  name_original: string | null;
  territory_id: number | null;
  is_illustrative: number;
  size_band: string | null;
  verified_at: string | Date | null;
  logo_file: string | null;
}

/** What a match result shows of an enterprise, shaped as the directory's rows are. */
export interface ShownEnterprise {
  id: number;
  name: string;
  name_original: string | null;
  territory_id: number | null;
  is_illustrative: number;
  side: string;
  size_band: string | null;
  verified_at: string | null;
  logo_file: string | null;
}

/** Strings (or nulls) by position, kept as one UTF-8 buffer: a fraction of the memory of JS strings. */
class TextColumn {
  #bytes = Buffer.alloc(64 * 1024);
  #used = 0;
  readonly #ends = ints();
  readonly #nulls = bytes();
  #offsets = new Int32Array(1);
  #isNull = new Uint8Array(0);

  push(value: string | null): void {
    const text = value ?? "";
    const size = Buffer.byteLength(text, "utf8");
    if (this.#used + size > this.#bytes.length) {
      const bigger = Buffer.alloc(Math.max(this.#bytes.length * 2, this.#used + size));
      this.#bytes.copy(bigger, 0, 0, this.#used);
      this.#bytes = bigger;
    }
    this.#used += this.#bytes.write(text, this.#used, "utf8");
    this.#ends.push(this.#used);
    this.#nulls.push(value === null ? 1 : 0);
  }

  freeze(): void {
    this.#bytes = Buffer.from(this.#bytes.subarray(0, this.#used));
    const ends = this.#ends.freeze();
    this.#offsets = new Int32Array(ends.length + 1);
    this.#offsets.set(ends, 1);
    this.#isNull = this.#nulls.freeze();
  }

  at(position: number): string | null {
    if (this.#isNull[position] === 1) return null;
    return this.#bytes.toString("utf8", this.#offsets[position] as number, this.#offsets[position + 1] as number);
  }
}

const isoOrNull = (v: string | Date | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString() : v);

/** Positions of the enterprises holding one class on one side, and for request classes the last day (YYYYMMDD). */
interface FrozenPosting {
  profiles: Int32Array;
  requests: Int32Array;
  until: Int32Array;
}

const dayNumber = (day: string | null): number =>
  day === null ? 99_991_231 : Number(day.slice(0, 4) + day.slice(5, 7) + day.slice(8, 10));

/**
 * Builds an index from profile rows given in organisation id order, page after page: what a page
 * parses is garbage before the next one comes, so the build never holds every row at once.
 */
export class PartnerIndexBuilder {
  readonly set = new PartnerSetBuilder();
  readonly published = bytes();
  readonly position = new Map<number, number>();
  readonly requestOwner = new Map<number, number>();
  readonly postings: Record<
    Side,
    Map<string, { profiles: Growing<Int32Array>; requests: Growing<Int32Array>; until: Growing<Int32Array> }>
  > = {
    home: new Map(),
    partner: new Map(),
  };
  readonly names = new TextColumn();
  readonly originalNames = new TextColumn();
  readonly sizes = new TextColumn();
  readonly verified = new TextColumn();
  readonly logos = new TextColumn();
  readonly territories = floats();
  readonly illustrative = bytes();
  #last = Number.NEGATIVE_INFINITY;

  #posting(side: Side, nace: string) {
    let p = this.postings[side].get(nace);
    if (!p) {
      p = { profiles: ints(), requests: ints(), until: ints() };
      this.postings[side].set(nace, p);
    }
    return p;
  }

  add(row: IndexRow): void {
    if (row.organisation_id <= this.#last) throw new Error("partner index rows must come in organisation id order");
    this.#last = row.organisation_id;
    const side = row.side as Side;
    const profile = toPartnerProfile(row.organisation_id, side, parseMatchData(row.match_data));
    const position = this.set.add(profile);
    const isPublished = row.publication === "published";
    this.published.push(isPublished ? 1 : 0);
    this.position.set(profile.id, position);
    this.names.push(row.name);
    this.originalNames.push(row.name_original);
    this.sizes.push(row.size_band);
    this.verified.push(isoOrNull(row.verified_at));
    this.logos.push(row.logo_file);
    this.territories.push(row.territory_id ?? Number.NaN);
    this.illustrative.push(Number(row.is_illustrative) === 1 ? 1 : 0);
    if (!isPublished || (side !== "home" && side !== "partner")) return;
    for (const nace of new Set(profile.sectors)) this.#posting(side, nace).profiles.push(position);
    for (const r of profile.requests) {
      this.requestOwner.set(r.id, position);
      const until = dayNumber(r.validUntil);
      for (const nace of new Set(r.sectors)) {
        const p = this.#posting(side, nace);
        p.requests.push(position);
        p.until.push(until);
      }
    }
  }

  finish(version: number): PartnerIndex {
    return new PartnerIndex(version, this);
  }
}

export class PartnerIndex {
  /** Every profile, published or not, in organisation id order (ties in the pre-filter go to the lower id). */
  readonly set: PartnerSet;
  readonly #published: Uint8Array;
  readonly #position: Map<number, number>;
  /** Published request id → the position of its enterprise. */
  readonly #requestOwner: Map<number, number>;
  readonly #postings: Record<Side, Map<string, FrozenPosting>> = { home: new Map(), partner: new Map() };
  /** Hit counts of the match being computed, by position; zero between matches. */
  readonly #hits: Uint16Array;
  /** Scratch: the positions a match's classes reach. */
  readonly #touched: Int32Array;
  readonly #names: TextColumn;
  readonly #originalNames: TextColumn;
  readonly #sizes: TextColumn;
  readonly #verified: TextColumn;
  readonly #logos: TextColumn;
  readonly #territories: Float64Array;
  readonly #illustrative: Uint8Array;

  constructor(
    readonly version: number,
    built: PartnerIndexBuilder,
  ) {
    this.set = built.set.finish();
    this.#published = built.published.freeze();
    this.#position = built.position;
    this.#requestOwner = built.requestOwner;
    this.#names = built.names;
    this.#originalNames = built.originalNames;
    this.#sizes = built.sizes;
    this.#verified = built.verified;
    this.#logos = built.logos;
    for (const column of [this.#names, this.#originalNames, this.#sizes, this.#verified, this.#logos]) column.freeze();
    this.#territories = built.territories.freeze();
    this.#illustrative = built.illustrative.freeze();
    for (const side of ["home", "partner"] as const)
      for (const [nace, p] of built.postings[side])
        this.#postings[side].set(nace, { profiles: p.profiles.freeze(), requests: p.requests.freeze(), until: p.until.freeze() });
    this.#hits = new Uint16Array(this.set.size);
    this.#touched = new Int32Array(this.set.size);
  }

  /** An index of `rows` in any order (tests; the service reads pages in order through PartnerIndexBuilder). */
  static build(version: number, rows: readonly IndexRow[]): PartnerIndex {
    const builder = new PartnerIndexBuilder();
    for (const row of [...rows].sort((a, b) => a.organisation_id - b.organisation_id)) builder.add(row);
    return builder.finish(version);
  }

  get size(): number {
    return this.set.size;
  }

  /** An enterprise with a profile, published or not, as the rules read it (every request, whatever its day). */
  profile(orgId: number): { profile: PartnerProfile; published: boolean } | null {
    const position = this.#position.get(orgId);
    if (position === undefined) return null;
    return { profile: this.set.profile(position), published: this.#published[position] === 1 };
  }

  /** An enterprise's own classes, as a result lists them. */
  sectors(orgId: number): string[] {
    const at = this.#position.get(orgId);
    if (at === undefined) return [];
    const unit = this.set.unitStart[at] as number;
    const { start, data } = this.set.sectors;
    const out: string[] = [];
    for (let i = start[unit] as number; i < (start[unit + 1] as number); i++)
      out.push(this.set.classes.values[data[i] as number] as string);
    return out;
  }

  /** The kinds of an enterprise's requests still valid on `today`, sorted, each once ("looking for"). */
  liveKinds(orgId: number, today: string): RequestKind[] {
    const at = this.#position.get(orgId);
    if (at === undefined) return [];
    const kinds = new Set<RequestKind>();
    for (let u = (this.set.unitStart[at] as number) + 1; u < (this.set.unitStart[at + 1] as number); u++) {
      const day = this.set.dateIds[u] as number;
      if (day >= 0 && (this.set.dateTable.values[day] as string) < today) continue;
      kinds.add(this.set.words.values[this.set.kinds[u] as number] as RequestKind);
    }
    return [...kinds].sort();
  }

  /** What a result shows of an enterprise with a profile. */
  shown(orgId: number): ShownEnterprise | null {
    const at = this.#position.get(orgId);
    if (at === undefined) return null;
    const territory = this.#territories[at] as number;
    return {
      id: orgId,
      name: this.#names.at(at) ?? "{}",
      name_original: this.#originalNames.at(at),
      territory_id: Number.isNaN(territory) ? null : territory,
      is_illustrative: this.#illustrative[at] as number,
      side: this.set.words.values[this.set.sides[at] as number] as string,
      size_band: this.#sizes.at(at),
      verified_at: this.#verified.at(at),
      logo_file: this.#logos.at(at),
    };
  }

  /** A published request still valid on `today`, with its enterprise; null for any other (drafts are read from the database). */
  liveRequest(requestId: number, today: string): { orgId: number; request: PartnerRequest } | null {
    const position = this.#requestOwner.get(requestId);
    if (position === undefined) return null;
    const first = this.set.unitStart[position] as number;
    const end = this.set.unitStart[position + 1] as number;
    for (let u = first + 1; u < end; u++) {
      if (this.set.requestIds[u] !== requestId) continue;
      const request = this.set.request(u);
      if (request.validUntil !== null && request.validUntil < today) return null;
      return { orgId: this.set.ids[position] as number, request };
    }
    return null;
  }

  /**
   * The pre-filter: published enterprises of `side` holding one of `classes` among their own
   * classes or those of a request valid on `today`, most hits first (a hit per class and source,
   * as the SQL over the two sector tables counted), then the lower organisation id; at most
   * `limit`. Returned as positions in `set`, in position order.
   */
  candidates(side: Side, classes: readonly string[], exclude: number, today: string, limit: number): Int32Array {
    const hits = this.#hits;
    const touched = this.#touched;
    let count = 0;
    const day = dayNumber(today);
    const postings = this.#postings[side];
    for (const nace of new Set(classes)) {
      const p = postings.get(nace);
      if (!p) continue;
      for (let i = 0; i < p.profiles.length; i++) {
        const at = p.profiles[i] as number;
        const h = hits[at] as number;
        if (h === 0) touched[count++] = at;
        hits[at] = h + 1;
      }
      for (let i = 0; i < p.requests.length; i++) {
        if ((p.until[i] as number) < day) continue;
        const at = p.requests[i] as number;
        const h = hits[at] as number;
        if (h === 0) touched[count++] = at;
        hits[at] = h + 1;
      }
    }
    const excluded = this.#position.get(exclude);
    if (excluded !== undefined) hits[excluded] = 0;

    // The hit count `limit` reaches: everything above it is taken, and the lowest positions at it.
    let most = 0;
    for (let i = 0; i < count; i++) most = Math.max(most, hits[touched[i] as number] as number);
    const perHits = new Int32Array(most + 1);
    for (let i = 0; i < count; i++) {
      const h = hits[touched[i] as number] as number;
      perHits[h] = (perHits[h] as number) + 1;
    }
    let threshold = 1;
    let above = 0;
    for (let h = most; h >= 1; h--) {
      if (above + (perHits[h] as number) >= limit) {
        threshold = h;
        break;
      }
      above += perHits[h] as number;
    }
    const chosen = new Int32Array(Math.max(0, Math.min(limit, count)));
    let taken = 0;
    // Positions at the threshold go to the front of `touched` (already read) and are sorted there.
    let level = 0;
    for (let i = 0; i < count; i++) {
      const at = touched[i] as number;
      const h = hits[at] as number;
      if (h > threshold && taken < chosen.length) chosen[taken++] = at;
      else if (h === threshold) touched[level++] = at;
      hits[at] = 0;
    }
    const lowest = touched.subarray(0, level).sort();
    for (let i = 0; i < lowest.length && taken < chosen.length; i++) chosen[taken++] = lowest[i] as number;
    // In position order: the rules then read the set's arrays front to back.
    return chosen.subarray(0, taken).sort();
  }
}

/**
 * One process's index (and whatever is kept with it), rebuilt when a match reads a newer version
 * than the one it was built at; matches waiting for a rebuild share it. A failed build is
 * forgotten, so the next match tries again.
 */
export class Versioned<T> {
  #slot: { version: number; value: Promise<T> } | null = null;

  constructor(private readonly build: (version: number) => Promise<T>) {}

  at(version: number): Promise<T> {
    const slot = this.#slot;
    if (slot && slot.version >= version) return slot.value;
    const value = this.build(version);
    const next = { version, value };
    this.#slot = next;
    value.catch(() => {
      if (this.#slot === next) this.#slot = null;
    });
    return value;
  }
}
