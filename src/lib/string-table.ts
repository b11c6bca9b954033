/** Strings numbered in the order they are first met: columnar indexes store the number, not the string. */
export class StringTable {
  readonly values: string[] = [];
  readonly #ids = new Map<string, number>();

  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(value, id);
    }
    return id;
  }

  /** The value's number, or -1 when it was never met. */
  find(value: string): number {
    return this.#ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }

  /** A 0/1 mask over the numbers: 1 for each of `wanted` that occurs. */
  mask(wanted: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.values.length);
    for (const value of wanted) {
      const id = this.find(value);
      if (id >= 0) mask[id] = 1;
    }
    return mask;
  }
}
