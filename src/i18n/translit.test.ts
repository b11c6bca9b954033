import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseCsvRecords } from "../lib/csv.ts";
import { kkLatnLower, kkLatnUpper, toKazakhLatin } from "./translit.ts";

describe("Kazakh Latin (2021 alphabet)", () => {
  it("transliterates the examples recorded in facts.json", () => {
    assert.equal(toKazakhLatin("Түркістан облысы"), "Türkıstan oblysy");
    assert.equal(toKazakhLatin("Қазақстан Республикасы"), "Qazaqstan Respublikasy");
    assert.equal(toKazakhLatin("Индустриялық аймақ"), "İndustriialyq aimaq");
    assert.equal(toKazakhLatin("Шағын өндірістік парк"), "Şağyn öndırıstık park");
    assert.equal(toKazakhLatin("Инвестициялық жоба"), "İnvesticiialyq joba");
  });

  it("matches the Latin names of every district and city in turkistan_units.csv", () => {
    const rows = parseCsvRecords(readFileSync(new URL("../seed/data/turkistan_units.csv", import.meta.url), "utf8"));
    assert.equal(rows.length, 17);
    for (const row of rows) {
      assert.equal(toKazakhLatin(row.name_kk ?? ""), row.name_kk_latn_2021, `name of ${row.name_en}`);
      assert.equal(toKazakhLatin(row.centre_kk ?? ""), row.centre_kk_latn_2021, `centre of ${row.name_en}`);
    }
  });

  it("uses dotless ı for і and dotted İ for capital И, which JavaScript's case mapping gets wrong", () => {
    assert.equal(toKazakhLatin("бір"), "bır");
    assert.equal(toKazakhLatin("Ит"), "İt");
    assert.equal(toKazakhLatin("Іле"), "Ile");
    assert.equal(kkLatnUpper("bır iş"), "BIR İŞ");
    assert.equal(kkLatnLower("BIR İŞ"), "bır iş");
    assert.notEqual("i".toLocaleUpperCase("kk"), "İ", "if ICU ever fixes this, the custom map can go");
  });

  it("writes letters outside the alphabet as two letters, all caps inside an all-caps word", () => {
    assert.equal(toKazakhLatin("Юлия"), "İuliia");
    assert.equal(toKazakhLatin("ЮНЕСКО"), "İUNESKO");
    assert.equal(toKazakhLatin("шаруашылығы"), "şaruaşylyğy");
    assert.equal(toKazakhLatin("Щучинск"), "Şçuçinsk");
  });

  it("leaves Latin, Chinese, digits and markup alone", () => {
    assert.equal(toKazakhLatin("Wenzhou 温州 2025 <b>"), "Wenzhou 温州 2025 <b>");
  });
});
