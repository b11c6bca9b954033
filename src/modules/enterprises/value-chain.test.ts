import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classesOfDivision, isNaceClass, NACE_CLASSES, NACE_CODES, naceName, naceShortName, normalizeSectors, toClasses } from "./nace.ts";
import { buyersOf, LOGISTICS_CLASSES, LOGISTICS_RATIONALE, relatedClasses, relation, suppliersOf, VALUE_CHAIN } from "./value-chain.ts";

const LANGS = ["kk", "ru", "zh", "en"] as const;
const CYRILLIC = /[\u0400-\u04FF]/;
const HAN = /\p{Script=Han}/u;

function assertLocalized(text: Record<(typeof LANGS)[number], string>, where: string): void {
  for (const lang of LANGS) assert.ok(text[lang]?.trim(), `${where}: no ${lang} text`);
  assert.match(text.kk, CYRILLIC, `${where}: kk is not Cyrillic`);
  assert.match(text.ru, CYRILLIC, `${where}: ru is not Cyrillic`);
  assert.match(text.zh, HAN, `${where}: zh has no Chinese characters`);
  assert.doesNotMatch(text.en, CYRILLIC, `${where}: en is Cyrillic`);
}

describe("NACE classes", () => {
  it("are well-formed, unique and named in four languages", () => {
    assert.ok(NACE_CLASSES.length >= 40 && NACE_CLASSES.length <= 60, `${NACE_CLASSES.length} classes`);
    assert.equal(new Set(NACE_CODES).size, NACE_CODES.length);
    for (const c of NACE_CLASSES) {
      assert.match(c.code, /^\d{2}\.\d{2}$/);
      assert.equal(c.division, c.code.slice(0, 2));
      assertLocalized(c.name, c.code);
      assertLocalized(c.short, `${c.code} short`);
    }
  });

  it("name a class in the reader's language, Kazakh Latin included", () => {
    assert.equal(naceName("13.20", "en"), "Weaving of textiles");
    assert.equal(naceName("13.20", "ru"), "Ткацкое производство");
    assert.equal(naceShortName("13.10", "zh"), "纱线");
    assert.doesNotMatch(naceName("15.20", "kk-latn"), CYRILLIC);
    assert.equal(naceName("99.99", "en"), "99.99");
  });

  it("map the registry's older division codes to classes", () => {
    assert.deepEqual(toClasses("C13"), ["13.10", "13.20", "13.30", "13.91", "13.96"]);
    assert.deepEqual(toClasses("A01"), classesOfDivision("01"));
    assert.deepEqual(toClasses("H52.10"), ["52.10"]);
    assert.deepEqual(toClasses("13.9"), ["13.91", "13.96"]);
    assert.deepEqual(toClasses("13.20"), ["13.20"]);
    assert.deepEqual(toClasses("C99"), []);
    assert.deepEqual(normalizeSectors(["C14", "13.20", "H52.10"]), ["13.20", "14.13", "14.14", "52.10"]);
  });

  it("cover every division the registry and the synthetic set store", () => {
    for (const code of ["A01", "C10", "C13", "C16", "C20", "C22", "C23", "C24", "C25", "C27", "C28", "C31", "D35", "H52.10", "G46", "H52"])
      assert.ok(toClasses(code).length > 0, code);
  });
});

describe("the value-chain graph", () => {
  it("joins our classes only, without self-loops or duplicates", () => {
    const seen = new Set<string>();
    for (const e of VALUE_CHAIN) {
      assert.ok(isNaceClass(e.from), `${e.from} is not a class`);
      assert.ok(isNaceClass(e.to), `${e.to} is not a class`);
      assert.notEqual(e.from, e.to, `self-loop on ${e.from}`);
      const key = `${e.from}>${e.to}`;
      assert.ok(!seen.has(key), `duplicate edge ${key}`);
      seen.add(key);
    }
  });

  it("gives every edge and the logistics rule a rationale in kk, ru, zh and en", () => {
    for (const e of VALUE_CHAIN) assertLocalized(e.rationale, `${e.from} → ${e.to}`);
    assertLocalized(LOGISTICS_RATIONALE, "logistics rule");
  });

  it("leaves no class orphaned: each is on an edge or is logistics", () => {
    const onEdge = new Set(VALUE_CHAIN.flatMap((e) => [e.from, e.to]));
    const orphans = NACE_CODES.filter((c) => !onEdge.has(c) && !LOGISTICS_CLASSES.includes(c));
    assert.deepEqual(orphans, []);
  });

  it("leads from cotton growing through ginning, spinning, weaving and finishing to garments", () => {
    const path = ["01.16", "01.63", "13.10", "13.20", "13.30", "14.13"];
    for (let i = 1; i < path.length; i++)
      assert.equal(relation(path[i - 1] as string, path[i] as string)?.relation, "supplies", path.join(" → "));
    // and denim goes from the loom to the garment line directly
    assert.equal(relation("13.20", "14.13")?.relation, "supplies");
  });

  it("reaches garments from cotton by a walk along the edges", () => {
    const reached = new Set(["01.16"]);
    const queue = ["01.16"];
    while (queue.length) {
      const at = queue.shift() as string;
      for (const e of buyersOf(at)) {
        if (reached.has(e.to)) continue;
        reached.add(e.to);
        queue.push(e.to);
      }
    }
    for (const c of ["13.10", "13.20", "13.91", "13.96", "14.13", "14.14"]) assert.ok(reached.has(c), c);
  });

  it("links electrical equipment, power and construction both ways", () => {
    assert.equal(relation("27.11", "35.11")?.relation, "supplies");
    assert.equal(relation("35.11", "27.11")?.relation, "buys");
    assert.equal(relation("42.22", "35.11")?.relation, "supplies");
    assert.equal(relation("27.32", "42.22")?.relation, "supplies");
    assert.equal(relation("35.11", "42.22")?.relation, "buys");
    assert.equal(relation("27.12", "27.12")?.relation, "same");
  });

  it("lets logistics serve every class outside transport, by rule", () => {
    for (const l of LOGISTICS_CLASSES)
      for (const c of NACE_CODES) {
        if (c.startsWith("49") || c.startsWith("52")) continue;
        assert.equal(relation(l, c)?.relation, "serves", `${l} ${c}`);
        assert.equal(relation(c, l)?.relation, "served_by", `${c} ${l}`);
        assert.deepEqual(relation(l, c)?.rationale, LOGISTICS_RATIONALE);
      }
    assert.equal(relation("49.41", "52.29")?.relation, "supplies");
    assert.equal(relation("13.10", "35.12"), null);
  });

  it("lists suppliers, buyers and the related classes for the pre-filter", () => {
    assert.deepEqual(
      suppliersOf("13.10")
        .map((e) => e.from)
        .sort(),
      ["01.45", "01.63", "20.60", "28.94"],
    );
    assert.ok(buyersOf("13.10").some((e) => e.to === "13.96"));
    const related = relatedClasses(["13.10"]);
    for (const c of ["13.10", "01.63", "13.20", "13.96", "28.94", "49.41", "52.29"]) assert.ok(related.includes(c), c);
    assert.ok(!related.includes("27.12"));
    assert.deepEqual(relatedClasses(["99.99"]), ["99.99"]);
  });
});
