import { StringTable } from "../../lib/string-table.ts";
import type { PartnerProfile, PartnerRequest, RequestKind, Side } from "./partners.model.ts";

/**
 * Enterprises as partner ranking reads them, packed into a few flat typed arrays: per enterprise
 * its id, side, markets and units (the profile first, then each request), per unit its request id,
 * kind, day and the ranges of its classes, HS codes and text keys, every string stored once in a
 * table and referred to by number. The rules (partners.rules.ts) score these numbers directly; a
 * profile is turned back into a PartnerProfile only to explain the few that are shown.
 *
 * Twenty thousand enterprises take a few megabytes this way, against some forty as objects, and a
 * candidate's data sits in a handful of contiguous runs instead of dozens of scattered objects.
 */

type Typed = Int32Array | Float64Array | Uint8Array;

/** A typed array that doubles while items come in; `freeze` gives the filled part (a copy). */
export class Growing<T extends Typed> {
  #data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.#data = make(1024);
  }
  push(value: number): void {
    if (this.length === this.#data.length) {
      const bigger = this.make(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = value;
  }
  freeze(): T {
    return this.#data.slice(0, this.length) as T;
  }
}

export const ints = () => new Growing((n) => new Int32Array(n));
export const floats = () => new Growing((n) => new Float64Array(n));
export const bytes = () => new Growing((n) => new Uint8Array(n));

/** `start` has one entry more than there are items: item i owns data[start[i] .. start[i + 1]). */
class Ranges {
  readonly start = ints();
  readonly data = ints();
  constructor() {
    this.start.push(0);
  }
  push(values: readonly number[]): void {
    for (const v of values) this.data.push(v);
    this.start.push(this.data.length);
  }
  freeze(): FrozenRanges {
    return { start: this.start.freeze(), data: this.data.freeze() };
  }
}

export interface FrozenRanges {
  start: Int32Array;
  data: Int32Array;
}

const NONE = -1;

/** Collects enterprises one by one (each may be dropped as soon as it is added), then freezes them. */
export class PartnerSetBuilder {
  readonly #classes = new StringTable();
  readonly #products = new StringTable();
  readonly #keys = new StringTable();
  readonly #markets = new StringTable();
  readonly #dates = new StringTable();
  readonly #words = new StringTable();
  readonly #ids = floats();
  readonly #sides = ints();
  readonly #territories = floats();
  readonly #sizes = ints();
  readonly #marketRanges = new Ranges();
  readonly #unitStart = ints();
  readonly #requestIds = floats();
  readonly #kinds = ints();
  readonly #dateIds = ints();
  readonly #sectors = new Ranges();
  readonly #productRanges = new Ranges();
  readonly #keyRanges = new Ranges();

  constructor() {
    this.#unitStart.push(0);
  }

  /** Adds an enterprise; returns its position in the set. */
  add(p: PartnerProfile): number {
    const position = this.#ids.length;
    this.#ids.push(p.id);
    this.#sides.push(this.#words.id(p.side));
    this.#territories.push(p.territoryId ?? Number.NaN);
    this.#sizes.push(p.sizeBand === null ? NONE : this.#words.id(p.sizeBand));
    this.#marketRanges.push(p.exportMarkets.map((m) => this.#markets.id(m)));
    this.#unit(NONE, NONE, NONE, p.sectors, p.products, p.textKeys);
    for (const r of p.requests)
      this.#unit(
        r.id,
        this.#words.id(r.kind),
        r.validUntil === null ? NONE : this.#dates.id(r.validUntil),
        r.sectors,
        r.products,
        r.textKeys,
      );
    this.#unitStart.push(this.#requestIds.length);
    return position;
  }

  #unit(
    requestId: number,
    kind: number,
    date: number,
    sectors: readonly string[],
    products: readonly string[],
    keys: readonly string[],
  ): void {
    this.#requestIds.push(requestId);
    this.#kinds.push(kind);
    this.#dateIds.push(date);
    this.#sectors.push(sectors.map((c) => this.#classes.id(c)));
    this.#productRanges.push(products.map((h) => this.#products.id(h)));
    this.#keyRanges.push(keys.map((k) => this.#keys.id(k)));
  }

  finish(): PartnerSet {
    return new PartnerSet({
      classes: this.#classes,
      products: this.#products,
      keys: this.#keys,
      markets: this.#markets,
      dates: this.#dates,
      words: this.#words,
      ids: this.#ids.freeze(),
      sides: this.#sides.freeze(),
      territories: this.#territories.freeze(),
      sizes: this.#sizes.freeze(),
      markets_: this.#marketRanges.freeze(),
      unitStart: this.#unitStart.freeze(),
      requestIds: this.#requestIds.freeze(),
      kinds: this.#kinds.freeze(),
      dateIds: this.#dateIds.freeze(),
      sectors: this.#sectors.freeze(),
      products_: this.#productRanges.freeze(),
      keys_: this.#keyRanges.freeze(),
    });
  }
}

interface Parts {
  classes: StringTable;
  products: StringTable;
  keys: StringTable;
  markets: StringTable;
  dates: StringTable;
  /** sides, size bands and request kinds */
  words: StringTable;
  ids: Float64Array;
  sides: Int32Array;
  territories: Float64Array;
  sizes: Int32Array;
  markets_: FrozenRanges;
  unitStart: Int32Array;
  requestIds: Float64Array;
  kinds: Int32Array;
  dateIds: Int32Array;
  sectors: FrozenRanges;
  products_: FrozenRanges;
  keys_: FrozenRanges;
}

/** A frozen set of enterprises (see the top of this file); positions are 0 … size - 1 in the order added. */
export class PartnerSet {
  readonly classes: StringTable;
  readonly productCodes: StringTable;
  readonly keyTable: StringTable;
  readonly marketTable: StringTable;
  readonly dateTable: StringTable;
  readonly words: StringTable;
  /** Per enterprise. */
  readonly ids: Float64Array;
  readonly sides: Int32Array;
  readonly markets: FrozenRanges;
  /** Units of enterprise i: unitStart[i] … unitStart[i + 1] - 1, the profile first. */
  readonly unitStart: Int32Array;
  /** Per unit: the request's id (-1 for the profile), kind (-1), day (-1 for none) and lists. */
  readonly requestIds: Float64Array;
  readonly kinds: Int32Array;
  readonly dateIds: Int32Array;
  readonly sectors: FrozenRanges;
  readonly products: FrozenRanges;
  readonly keys: FrozenRanges;
  readonly #territories: Float64Array;
  readonly #sizes: Int32Array;

  constructor(parts: Parts) {
    this.classes = parts.classes;
    this.productCodes = parts.products;
    this.keyTable = parts.keys;
    this.marketTable = parts.markets;
    this.dateTable = parts.dates;
    this.words = parts.words;
    this.ids = parts.ids;
    this.sides = parts.sides;
    this.markets = parts.markets_;
    this.unitStart = parts.unitStart;
    this.requestIds = parts.requestIds;
    this.kinds = parts.kinds;
    this.dateIds = parts.dateIds;
    this.sectors = parts.sectors;
    this.products = parts.products_;
    this.keys = parts.keys_;
    this.#territories = parts.territories;
    this.#sizes = parts.sizes;
  }

  static of(profiles: readonly PartnerProfile[]): PartnerSet {
    const builder = new PartnerSetBuilder();
    for (const p of profiles) builder.add(p);
    return builder.finish();
  }

  get size(): number {
    return this.ids.length;
  }

  /** The enterprise at `position` as the rules' model has it (built anew on every call). */
  profile(position: number): PartnerProfile {
    const first = this.unitStart[position] as number;
    const end = this.unitStart[position + 1] as number;
    const territory = this.#territories[position] as number;
    const size = this.#sizes[position] as number;
    const requests: PartnerRequest[] = [];
    for (let u = first + 1; u < end; u++) requests.push(this.request(u));
    return {
      id: this.ids[position] as number,
      side: this.words.values[this.sides[position] as number] as Side,
      territoryId: Number.isNaN(territory) ? null : territory,
      sectors: this.#strings(this.sectors, first, this.classes),
      products: this.#strings(this.products, first, this.productCodes),
      exportMarkets: this.#strings(this.markets, position, this.marketTable),
      sizeBand: size === NONE ? null : (this.words.values[size] as string),
      textKeys: this.#strings(this.keys, first, this.keyTable),
      requests,
    };
  }

  /** The request of unit `unit` (not the profile's first unit). */
  request(unit: number): PartnerRequest {
    const date = this.dateIds[unit] as number;
    return {
      id: this.requestIds[unit] as number,
      kind: this.words.values[this.kinds[unit] as number] as RequestKind,
      sectors: this.#strings(this.sectors, unit, this.classes),
      products: this.#strings(this.products, unit, this.productCodes),
      textKeys: this.#strings(this.keys, unit, this.keyTable),
      validUntil: date === NONE ? null : (this.dateTable.values[date] as string),
    };
  }

  #strings(ranges: FrozenRanges, item: number, table: StringTable): string[] {
    const out: string[] = [];
    for (let i = ranges.start[item] as number; i < (ranges.start[item + 1] as number); i++)
      out.push(table.values[ranges.data[i] as number] as string);
    return out;
  }
}
