import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pick, seededRandom } from "../../lib/random.ts";
import { NACE_CODES } from "./nace.ts";
import { CASES_TODAY, FIXTURE_ENTERPRISES, fixture, toPartnerProfile } from "./partners.cases.ts";
import { type PartnerProfile, type PartnerRequest, REQUEST_KINDS, type Side } from "./partners.model.ts";
import { buildTextKeys, kindFit, rankPartners, roleOf } from "./partners.rules.ts";

const FIXTURES = FIXTURE_ENTERPRISES.map(toPartnerProfile);
const TODAY = CASES_TODAY;
const OPTIONS = { today: TODAY, limit: 100 };
const MARKETS = ["RU", "CN", "KZ", "UZ", "KG", "TR", "VN", "BD", "US", "DE"];
const HS = ["5201", "5205", "520942", "5209", "6004", "6203", "6403", "8504", "8536", "8537", "8544", "854143", "3204", "4102", "4107"];

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function some<T>(random: () => number, items: readonly T[], max: number): T[] {
  const n = Math.floor(random() * (max + 1));
  return [...new Set(Array.from({ length: n }, () => pick(random, items)))];
}

let nextId = 10_000;

/** A random enterprise: classes from nace.ts, HS codes, markets, and requests valid or expired. */
function randomProfile(random: () => number, side: Side): PartnerProfile {
  const id = nextId++;
  const requests: PartnerRequest[] = Array.from({ length: Math.floor(random() * 3) }, () => ({
    id: nextId++,
    kind: pick(random, REQUEST_KINDS),
    sectors: some(random, NACE_CODES, 2),
    products: some(random, HS, 2),
    textKeys: buildTextKeys([pick(random, ["cotton yarn", "弹力面料", "эластичная ткань", "мақта", "transformer", "光伏组件", "denim"])]),
    validUntil: pick(random, [null, "2025-12-31", "2026-11-25", TODAY, "2027-06-30"]),
  }));
  return {
    id,
    side,
    territoryId: null,
    sectors: some(random, NACE_CODES, 2),
    products: some(random, HS, 2),
    exportMarkets: some(random, MARKETS, 3),
    sizeBand: null,
    textKeys: buildTextKeys([pick(random, ["cotton spinning mill", "温州电器", "Түркістан тоқыма", "solar park", "обувная фабрика"])]),
    requests,
  };
}

function world(seed: number, size = 60): { subject: PartnerProfile; candidates: PartnerProfile[] } {
  const random = seededRandom(seed);
  const subject = randomProfile(random, pick(random, ["home", "partner"] as const));
  const candidates = Array.from({ length: size }, () => randomProfile(random, pick(random, ["home", "partner"] as const)));
  return { subject, candidates };
}

describe("rankPartners", () => {
  it("returns the other side only, never the subject itself", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { subject, candidates } = world(seed);
      const sideOf = new Map(candidates.map((c) => [c.id, c.side]));
      for (const m of rankPartners({ profile: subject }, [...candidates, subject], OPTIONS)) {
        assert.notEqual(m.profileId, subject.id);
        assert.notEqual(sideOf.get(m.profileId), subject.side);
      }
    }
  });

  it("gives scores between 0 and 1, best first, ties by id, at most `limit`", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { subject, candidates } = world(seed);
      const matches = rankPartners({ profile: subject }, candidates, OPTIONS);
      for (const [i, m] of matches.entries()) {
        assert.ok(m.score > 0 && m.score <= 1, String(m.score));
        const prev = matches[i - 1];
        if (prev) assert.ok(prev.score > m.score || (prev.score === m.score && prev.profileId < m.profileId));
      }
      assert.ok(rankPartners({ profile: subject }, candidates, { today: TODAY, limit: 3 }).length <= 3);
    }
    assert.deepEqual(rankPartners({ profile: FIXTURES[0] as PartnerProfile }, FIXTURES, { today: TODAY, limit: 0 }), []);
  });

  it("ranks the same whatever the order of the candidates", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { subject, candidates } = world(seed);
      const random = seededRandom(seed * 7);
      const expected = rankPartners({ profile: subject }, candidates, OPTIONS);
      for (let round = 0; round < 3; round++)
        assert.deepEqual(
          rankPartners(
            { profile: subject },
            shuffled(candidates, random).map((c) => ({ ...c, requests: shuffled(c.requests, random) })),
            OPTIONS,
          ),
          expected,
        );
    }
  });

  it("never scores lower when both sides share one more export market", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { subject, candidates } = world(seed);
      const before = new Map(rankPartners({ profile: subject }, candidates, OPTIONS).map((m) => [m.profileId, m.score]));
      const extra = "ZZ";
      const after = rankPartners(
        { profile: { ...subject, exportMarkets: [...subject.exportMarkets, extra] } },
        candidates.map((c) => ({ ...c, exportMarkets: [...c.exportMarkets, extra] })),
        OPTIONS,
      );
      const afterById = new Map(after.map((m) => [m.profileId, m]));
      for (const [id, score] of before) {
        const m = afterById.get(id);
        assert.ok(m, `candidate ${id} dropped out`);
        assert.ok(m.score >= score, `${id}: ${score} → ${m.score}`);
        assert.ok(m.reasons.some((r) => r.code === "markets" && r.markets.includes(extra)));
      }
    }
  });

  it("lets an expired request count for nothing: the same as not having it", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { subject, candidates } = world(seed);
      const expired = (r: PartnerRequest) => r.validUntil !== null && r.validUntil < TODAY;
      const withExpired = rankPartners({ profile: subject }, candidates, OPTIONS);
      const without = rankPartners(
        { profile: { ...subject, requests: subject.requests.filter((r) => !expired(r)) } },
        candidates.map((c) => ({ ...c, requests: c.requests.filter((r) => !expired(r)) })),
        OPTIONS,
      );
      assert.deepEqual(withExpired, without);
      const expiredIds = new Set(candidates.flatMap((c) => c.requests.filter(expired).map((r) => r.id)));
      for (const m of withExpired) {
        assert.ok(m.requestId === null || !expiredIds.has(m.requestId));
        for (const r of m.reasons) if (r.code === "valid_until") assert.ok(r.date >= TODAY);
      }
    }
  });

  it("matches nothing for an expired request, and a request valid until today still counts", () => {
    const spinner = toPartnerProfile(fixture("kz-spinner"));
    const offer = spinner.requests.find((r) => r.id === 1011) as PartnerRequest;
    assert.deepEqual(rankPartners({ profile: spinner, request: { ...offer, validUntil: "2026-11-25" } }, FIXTURES, OPTIONS), []);
    assert.ok(rankPartners({ profile: spinner, request: { ...offer, validUntil: TODAY } }, FIXTURES, OPTIONS).length > 0);
  });

  it("reports the candidate's matched request and its validity date", () => {
    const spinner = toPartnerProfile(fixture("kz-spinner"));
    const [first] = rankPartners({ profile: spinner }, FIXTURES, OPTIONS);
    assert.equal(first?.requestId, 2011);
    assert.deepEqual(
      first?.reasons.find((r) => r.code === "valid_until"),
      { code: "valid_until", requestId: 2011, date: "2027-03-31" },
    );
    assert.deepEqual(
      first?.reasons.find((r) => r.code === "kinds"),
      { code: "kinds", mine: "supply", theirs: "buy", myRequestId: 1011, theirRequestId: 2011 },
    );
  });

  it("does not make partners of enterprises that share only words or markets", () => {
    const base: PartnerProfile = {
      id: 1,
      side: "home",
      territoryId: null,
      sectors: ["23.51"],
      products: ["2523"],
      exportMarkets: ["RU", "UZ"],
      sizeBand: null,
      textKeys: buildTextKeys(["cotton cement Turkistan"]),
      requests: [],
    };
    const other: PartnerProfile = {
      ...base,
      id: 2,
      side: "partner",
      sectors: ["15.20"],
      products: ["6403"],
      textKeys: buildTextKeys(["cotton shoes Turkistan"]),
    };
    assert.deepEqual(rankPartners({ profile: base }, [other], OPTIONS), []);
    // …but one step along the value chain is enough
    assert.equal(rankPartners({ profile: base }, [{ ...other, sectors: ["41.20"] }], OPTIONS).length, 1);
  });

  it("scores a buy answered by a supply of the same class above a neighbour in the chain", () => {
    const buyer = toPartnerProfile(fixture("kz-garment"));
    const need = buyer.requests.find((r) => r.id === 1051) as PartnerRequest;
    const [first, ...rest] = rankPartners({ profile: buyer, request: need }, FIXTURES, OPTIONS);
    assert.equal(first?.profileId, fixture("cn-denim").id);
    for (const m of rest) assert.ok(m.score < (first?.score ?? 0));
  });
});

describe("request kinds", () => {
  it("complement symmetrically: supply ↔ buy, investment offered ↔ sought, technology ↔ joint venture", () => {
    for (const a of REQUEST_KINDS) for (const b of REQUEST_KINDS) assert.equal(kindFit(a, b), kindFit(b, a));
    assert.equal(kindFit("supply", "buy"), 1);
    assert.equal(kindFit("investment_offered", "investment_sought"), 1);
    assert.equal(kindFit("buy", "contract_manufacturing"), 1);
    assert.equal(kindFit("distribution", "supply"), 1);
    assert.ok(kindFit("technology", "joint_venture") > 0.5);
    assert.equal(kindFit("supply", "supply"), 0);
    assert.equal(kindFit("buy", "buy"), 0);
  });

  it("give classes a role: supply offers, buy needs, the rest names a field", () => {
    assert.equal(roleOf("supply"), "offer");
    assert.equal(roleOf("buy"), "need");
    for (const k of REQUEST_KINDS.filter((k) => k !== "supply" && k !== "buy")) assert.equal(roleOf(k), "field");
  });
});

describe("text keys across scripts", () => {
  const concepts = (text: string) => buildTextKeys([text]).filter((k) => k.startsWith("#"));

  it("find the same concepts in Chinese, English, Russian and Kazakh", () => {
    for (const text of ["弹力面料", "elastic fabric", "эластичная ткань", "серпімді мата"])
      assert.deepEqual(concepts(text), ["#elastic", "#fabric"], text);
    for (const text of ["棉纱", "cotton yarn", "хлопчатобумажная пряжа", "мақта иірілген жібі"])
      assert.deepEqual(concepts(text), ["#cotton", "#yarn"], text);
    for (const text of ["变压器", "transformers", "трансформаторы", "трансформаторлар"])
      assert.deepEqual(concepts(text), ["#transformer"], text);
    for (const text of ["牛仔布", "denim", "деним", "джинсы"]) assert.ok(concepts(text).includes("#denim"), text);
    for (const text of ["光伏电站", "solar plant", "солнечная станция", "күн станциясы"])
      assert.ok(concepts(text).includes("#solar"), text);
  });

  it("meet transliterated and pinyin spellings of the same word", () => {
    const shared = (a: string, b: string) => buildTextKeys([a]).filter((k) => !k.startsWith("#") && buildTextKeys([b]).includes(k));
    assert.ok(shared("Мақтаарал", "Maqtaaral").length > 0);
    assert.ok(shared("Түркістан", "Türkıstan").length > 0);
    assert.ok(shared("棉花", "mianhua").length > 0);
    assert.ok(shared("温州", "Wenzhou").length > 0);
    assert.ok(shared("хлопка", "хлопок").length === 0 && concepts("хлопка").includes("#cotton"));
  });

  it("skip stop words, numbers and empty texts, and come out sorted and unique", () => {
    const keys = buildTextKeys(["and the for 2027 300", "", null, undefined, "Cotton cotton COTTON"]);
    assert.deepEqual(keys, ["#cotton", "cotton"]);
    const many = buildTextKeys(["Ткацкая фабрика, ткани и пряжа", "织造厂", "Weaving mill"]);
    assert.deepEqual(many, [...new Set(many)].sort());
  });
});
