import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { CATALOGS, createI18n } from "./i18n.ts";
import { LOCALES, SOURCE_LOCALES } from "./locales.ts";

const srcDir = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(entry) && !entry.endsWith(".test.ts")) out.push(full);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    }
  }
  return out;
}

function pluralCategories(elements: MessageFormatElement[], out: Set<string>[] = []): Set<string>[] {
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      out.push(new Set(Object.keys(el.options)));
      for (const option of Object.values(el.options)) pluralCategories(option.value, out);
    }
  }
  return out;
}

describe("message catalogues", () => {
  const reference = Object.keys(CATALOGS.en).sort();

  for (const locale of SOURCE_LOCALES) {
    it(`${locale} has exactly the keys of en`, () => {
      const keys = Object.keys(CATALOGS[locale]).sort();
      assert.deepEqual(
        reference.filter((k) => !keys.includes(k)),
        [],
        `missing in ${locale}`,
      );
      assert.deepEqual(
        keys.filter((k) => !reference.includes(k)),
        [],
        `extra in ${locale}`,
      );
    });

    it(`${locale} messages parse and take the same arguments as en`, () => {
      for (const key of reference) {
        const ours = argumentsOf(parse(CATALOGS[locale][key] ?? ""));
        const theirs = argumentsOf(parse(CATALOGS.en[key] ?? ""));
        assert.deepEqual([...ours].sort(), [...theirs].sort(), `${locale} ${key}`);
      }
    });

    it(`${locale} plurals name every CLDR category of the language`, () => {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of reference) {
        for (const categories of pluralCategories(parse(CATALOGS[locale][key] ?? ""))) {
          for (const category of needed)
            assert.ok(categories.has(category) || categories.has("other"), `${locale} ${key} lacks ${category}`);
          if (locale === "ru") for (const c of ["one", "few", "many"]) assert.ok(categories.has(c), `ru ${key} lacks ${c}`);
        }
      }
    });
  }

  it("every key is used somewhere in the code", () => {
    const code = sourceFiles(srcDir)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const unused = reference.filter((key) => !code.includes(`"${key}"`));
    assert.deepEqual(unused, [], "unused message keys");
  });

  it("every key the code asks for exists", () => {
    const code = sourceFiles(srcDir)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const asked = [...code.matchAll(/\bt\("([a-z_]+\.[a-zA-Z_.]+)"/g)].map((m) => m[1] as string);
    assert.ok(asked.length > 50);
    assert.deepEqual(
      asked.filter((k) => !(k in CATALOGS.en)),
      [],
    );
  });

  it("Russian plurals follow CLDR one/few/many", () => {
    const ru = createI18n("ru");
    assert.equal(ru.t("users.count", { count: 1 }), "1 учётная запись");
    assert.equal(ru.t("users.count", { count: 3 }), "3 учётные записи");
    assert.equal(ru.t("users.count", { count: 11 }), "11 учётных записей");
    assert.equal(ru.t("users.count", { count: 21 }), "21 учётная запись");
  });

  it("Kazakh Latin pages transliterate messages, dates and data", () => {
    const kkLatn = createI18n("kk-latn");
    assert.equal(kkLatn.t("nav.home"), "Basty bet");
    assert.equal(kkLatn.pick({ kk: "Түркістан облысы", ru: "", en: "" }).text, "Türkıstan oblysy");
    assert.match(kkLatn.date(new Date("2026-11-26T12:00:00Z")), /qaraşa/);
  });

  it("formats numbers and the three currencies for every locale", () => {
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      for (const currency of ["KZT", "USD", "CNY"] as const) assert.match(i18n.money(1234567.5, currency), /1.234.567/);
    }
    assert.equal(createI18n("kk").money(1234567.5, "KZT").replace(/\s/g, " "), "1 234 567,50 ₸");
    assert.equal(createI18n("zh").number(2397), "2,397");
  });

  it("falls back to English with its language marked when a Chinese name is missing", () => {
    const zh = createI18n("zh");
    assert.deepEqual(zh.pick({ kk: "Кентау қаласы", ru: "город Кентау", zh: null, en: "Kentau city" }), {
      text: "Kentau city",
      lang: "en",
    });
  });
});
