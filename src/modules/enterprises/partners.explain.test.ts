import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createI18n } from "../../i18n/i18n.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { CASES_TODAY, FIXTURE_ENTERPRISES, fixture, PARTNER_CASES, toPartnerProfile } from "./partners.cases.ts";
import { explainMatch, explainSentence } from "./partners.explain.ts";
import type { MatchReason, PartnerMatch } from "./partners.model.ts";
import { rankPartners } from "./partners.rules.ts";

const CYRILLIC = /[\u0400-\u04FF]/;
const HAN = /\p{Script=Han}/u;

/** Every sentence shape the explanations have: each chain reading, kinds, products, markets, text, validity. */
const EVERY_REASON: MatchReason[] = [
  { code: "chain", mine: "14.13", theirs: "13.20", relation: "buys", mineRole: "offer", theirRole: "offer" },
  { code: "chain", mine: "13.10", theirs: "13.96", relation: "supplies", mineRole: "offer", theirRole: "offer" },
  { code: "chain", mine: "27.12", theirs: "27.12", relation: "same", mineRole: "field", theirRole: "field" },
  { code: "chain", mine: "13.10", theirs: "49.41", relation: "served_by", mineRole: "offer", theirRole: "offer" },
  { code: "chain", mine: "52.29", theirs: "15.20", relation: "serves", mineRole: "offer", theirRole: "offer" },
  { code: "chain", mine: "13.20", theirs: "13.20", relation: "same", mineRole: "need", theirRole: "offer" },
  { code: "chain", mine: "13.10", theirs: "13.10", relation: "same", mineRole: "offer", theirRole: "need" },
  { code: "chain", mine: "13.20", theirs: "46.41", relation: "supplies", mineRole: "need", theirRole: "offer" },
  { code: "chain", mine: "46.42", theirs: "15.20", relation: "buys", mineRole: "offer", theirRole: "need" },
  { code: "kinds", mine: "supply", theirs: "buy", myRequestId: 1, theirRequestId: 2 },
  { code: "kinds", mine: "investment_sought", theirs: "investment_offered", myRequestId: 1, theirRequestId: 2 },
  { code: "kinds", mine: "joint_venture", theirs: "technology", myRequestId: 1, theirRequestId: 2 },
  { code: "kinds", mine: "distribution", theirs: "contract_manufacturing", myRequestId: 1, theirRequestId: 2 },
  { code: "products", hs: ["5205", "520942"] },
  { code: "markets", markets: ["RU", "TR", "UZ"] },
  { code: "text", terms: ["cotton", "elastic", "fabric"] },
  { code: "valid_until", requestId: 2, date: "2027-03-31" },
];

const ALL: PartnerMatch = { profileId: 1, requestId: 2, score: 0.8, reasons: EVERY_REASON };

describe("partner-match explanations", () => {
  for (const locale of LOCALES) {
    it(`render every reason in ${locale} with no raw key, no placeholder and the right script`, () => {
      const i18n = createI18n(locale);
      const sentences = explainMatch(i18n, ALL);
      assert.equal(sentences.length, EVERY_REASON.length);
      for (const s of sentences) {
        assert.ok(s.trim().length > 0);
        assert.doesNotMatch(s, /partners\.|enterprises\.|[{}]|undefined|NaN/, s);
        if (locale === "kk" || locale === "ru") assert.match(s.replace(/^[\d. ]+/, ""), CYRILLIC, s);
        if (locale === "kk-latn" || locale === "en") assert.doesNotMatch(s, CYRILLIC, s);
      }
      if (locale === "zh") assert.ok(sentences.every((s) => HAN.test(s)));
      assert.equal(new Set(sentences).size, sentences.length, "each reason reads differently");
    });
  }

  it("read like the issue's example in English", () => {
    const en = createI18n("en");
    const match: PartnerMatch = {
      profileId: 1,
      requestId: 2,
      score: 0.8,
      reasons: [
        { code: "chain", mine: "14.13", theirs: "13.20", relation: "buys", mineRole: "offer", theirRole: "offer" },
        { code: "markets", markets: ["RU"] },
        { code: "valid_until", requestId: 2, date: "2027-03-31" },
      ],
    };
    assert.equal(
      explainSentence(en, match),
      "Supplies 13.20 woven fabrics that you buy for 14.13 outerwear; both export to Russia; request valid until March 31, 2027",
    );
    assert.deepEqual(explainMatch(en, match), [
      "Supplies 13.20 woven fabrics that you buy for 14.13 outerwear",
      "Both export to Russia",
      "Request valid until March 31, 2027",
    ]);
  });

  it("say who serves whom along the logistics rule", () => {
    const en = createI18n("en");
    const reason = (relation: "serves" | "served_by", mine: string, theirs: string): PartnerMatch => ({
      profileId: 1,
      requestId: null,
      score: 0.2,
      reasons: [{ code: "chain", mine, theirs, relation, mineRole: "offer", theirRole: "offer" }],
    });
    assert.deepEqual(explainMatch(en, reason("serves", "49.41", "27.12")), [
      "Needs your 49.41 road freight for its 27.12 switchgear and control apparatus",
    ]);
    assert.deepEqual(explainMatch(en, reason("served_by", "13.10", "52.29")), ["Offers 52.29 freight forwarding for your 13.10 yarn"]);
  });

  it("name classes, countries, concepts and dates in the reader's language", () => {
    const reasons: MatchReason[] = [
      { code: "chain", mine: "13.10", theirs: "13.10", relation: "same", mineRole: "offer", theirRole: "need" },
      { code: "markets", markets: ["RU", "TR"] },
      { code: "text", terms: ["cotton", "yarn"] },
      { code: "valid_until", requestId: 2, date: "2027-03-31" },
    ];
    const match: PartnerMatch = { profileId: 1, requestId: 2, score: 0.8, reasons };
    const kk = explainMatch(createI18n("kk"), match);
    assert.equal(kk[0], "Сіз ұсынатын 13.10 «иірілген жіп» өнімін іздейді");
    assert.match(kk[1] as string, /Ресей және Түркия/);
    assert.match(kk[2] as string, /мақта/);
    assert.match(kk[3] as string, /2027/);
    const ru = explainMatch(createI18n("ru"), match);
    assert.equal(ru[0], "Ищет 13.10 «пряжа» — то, что вы предлагаете");
    assert.match(ru[1] as string, /Россия и Турция/);
    assert.match(ru[3] as string, /31 марта 2027/);
    const zh = explainMatch(createI18n("zh"), match);
    assert.equal(zh[0], "正在寻找您提供的13.10 纱线");
    assert.match(zh[1] as string, /俄罗斯和土耳其/);
    assert.match(zh[2] as string, /棉/);
    const latn = explainMatch(createI18n("kk-latn"), match);
    assert.doesNotMatch(latn.join(" "), CYRILLIC);
  });

  it("explain every hand-made case's first match in every language", () => {
    const profiles = FIXTURE_ENTERPRISES.map(toPartnerProfile);
    for (const c of PARTNER_CASES) {
      const subject = toPartnerProfile(fixture(c.subject));
      const request = subject.requests.find((r) => r.id === c.subjectRequest);
      const [first] = rankPartners(request ? { profile: subject, request } : { profile: subject }, profiles, {
        today: CASES_TODAY,
        limit: 1,
      });
      assert.ok(first, c.name);
      for (const locale of LOCALES) {
        const text = explainSentence(createI18n(locale), first);
        assert.ok(text.length > 20, `${c.name} ${locale}`);
        assert.doesNotMatch(text, /partners\.|enterprises\.|[{}]/);
      }
    }
  });
});
