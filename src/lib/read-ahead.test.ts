import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readAhead } from "./read-ahead.ts";

describe("readAhead", () => {
  it("yields every item in order, and produces the next while the consumer works on the current", async () => {
    const log: string[] = [];
    async function* source() {
      for (let i = 1; i <= 3; i++) {
        log.push(`make ${i}`);
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const n of readAhead(source())) {
      log.push(`use ${n}`);
      seen.push(n);
    }
    assert.deepEqual(seen, [1, 2, 3]);
    assert.deepEqual(log, ["make 1", "make 2", "use 1", "make 3", "use 2", "use 3"]);
  });

  it("passes the source's error to the consumer", async () => {
    async function* failing() {
      yield 1;
      throw new Error("row 2 is broken");
    }
    await assert.rejects(async () => {
      for await (const _ of readAhead(failing())) {
        // consume
      }
    }, /row 2 is broken/);
  });

  it("closes the source when the consumer stops early, without an unhandled rejection", async () => {
    let closed = false;
    async function* source() {
      try {
        yield 1;
        throw new Error("never seen");
      } finally {
        closed = true;
      }
    }
    for await (const n of readAhead(source())) {
      assert.equal(n, 1);
      break;
    }
    assert.equal(closed, true);
  });
});
