import type { Db } from "../../db/database.ts";
import { pick, seededRandom } from "../../lib/random.ts";
import { DAY } from "../../lib/time.ts";
import { scriptOf, searchKey } from "../cooperation/cooperation.names.ts";
import { buildMatchData } from "./enterprises.matchdata.ts";
import * as repo from "./enterprises.repository.ts";
import { NACE_CODES, naceShortName } from "./nace.ts";
import type { RequestKind } from "./partners.model.ts";
import { buildTextKeys } from "./partners.rules.ts";
import { buyersOf, relatedClasses, suppliersOf } from "./value-chain.ts";

/**
 * The synthetic enterprises of QUALITY.md (Speed and scale): 20,000 by default, half in Turkistan
 * oblast's districts and cities, half in Wenzhou and the partner provinces, with NACE classes,
 * products, export markets and offers and needs. Each is a registry organisation marked
 * illustrative and named as synthetic in every language, its note "synthetic:SYN-E000001". A pure
 * function of (seed, index, asOf): the same inputs give the same rows.
 */

export interface SyntheticEnterprise {
  key: string;
  side: "home" | "partner";
  territorySlug: string;
  names: { kk: string; ru: string; zh: string; en: string };
  sectors: string[];
  products: { hs: string | null; name: string }[];
  exportMarkets: string[];
  sizeBand: string;
  yearFounded: number;
  description: { kk: string; ru: string; zh: string; en: string };
  requests: {
    kind: RequestKind;
    sectors: string[];
    products: { hs: string | null; name: string }[];
    status: "published" | "pending" | "closed" | "expired";
    validUntil: string;
    title: { kk: string; ru: string; zh: string; en: string };
  }[];
}

const MARKETS = ["RU", "CN", "UZ", "KG", "TR", "KZ", "DE", "US", "AE", "IN", "PL", "IT"];
const SIZES = ["micro", "small", "medium", "large"] as const;
const HS_BY_DIVISION: Record<string, string[]> = {
  "01": ["5201", "0709", "1001"],
  "10": ["0201", "1507", "1101"],
  "13": ["5205", "5208", "5209", "6004"],
  "14": ["6203", "6204", "6109"],
  "15": ["4107", "6403"],
  "20": ["3204", "3102", "3901", "5402"],
  "22": ["3917", "3923"],
  "23": ["2523", "6810"],
  "24": ["7208", "7601"],
  "25": ["7308"],
  "26": ["8541"],
  "27": ["8504", "8536", "8537", "8544", "9405"],
  "28": ["8432", "8445", "8452"],
  "35": ["2716"],
};
const KIND_WEIGHTS: [RequestKind, number][] = [
  ["supply", 30],
  ["buy", 30],
  ["contract_manufacturing", 8],
  ["joint_venture", 8],
  ["investment_sought", 7],
  ["investment_offered", 4],
  ["technology", 8],
  ["distribution", 5],
];

/** A 32-bit hash of a few integers: independent streams per enterprise. */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

export const syntheticKey = (i: number) => `SYN-E${String(i + 1).padStart(6, "0")}`;

/** Enterprise `i` of the set: depends only on (seed, i, asOf) and the territory lists. */
export function syntheticEnterprise(
  seed: number,
  i: number,
  asOf: Date,
  homeSlugs: readonly string[],
  partnerSlugs: readonly string[],
): SyntheticEnterprise {
  const random = seededRandom(mix(seed, 11, i));
  const side = i % 2 === 0 ? "home" : "partner";
  const primary = pick(random, NACE_CODES);
  const sectors = new Set([primary]);
  if (random() < 0.4) sectors.add(pick(random, relatedClasses([primary])));
  const division = primary.slice(0, 2);
  const hs = HS_BY_DIVISION[division] ?? [];
  const products = hs.length > 0 && random() < 0.8 ? [{ hs: pick(random, hs), name: naceShortName(primary, "en") }] : [];
  const exportMarkets = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(random, MARKETS)))].sort();
  const n = String(i + 1);
  const what = {
    kk: naceShortName(primary, "kk"),
    ru: naceShortName(primary, "ru"),
    zh: naceShortName(primary, "zh"),
    en: naceShortName(primary, "en"),
  };
  const requests: SyntheticEnterprise["requests"] = [];
  const count = weighted(random, [
    [0, 20],
    [1, 40],
    [2, 30],
    [3, 10],
  ] as const);
  for (let r = 0; r < count; r++) {
    const kind = weighted(random, KIND_WEIGHTS);
    // A need names what the enterprise buys (a supplier's class); an offer what it makes.
    const suppliers = suppliersOf(primary).map((e) => e.from);
    const buyers = buyersOf(primary).map((e) => e.to);
    const cls =
      kind === "buy" && suppliers.length > 0
        ? pick(random, suppliers)
        : kind === "distribution" && buyers.length > 0
          ? pick(random, buyers)
          : primary;
    const status = weighted(random, [
      ["published", 80],
      ["expired", 10],
      ["pending", 5],
      ["closed", 5],
    ] as const);
    const days = status === "expired" ? -1 - Math.floor(random() * 200) : 1 + Math.floor(random() * 365);
    const clsHs = HS_BY_DIVISION[cls.slice(0, 2)] ?? [];
    requests.push({
      kind,
      sectors: [cls],
      products: clsHs.length > 0 && random() < 0.6 ? [{ hs: pick(random, clsHs), name: naceShortName(cls, "en") }] : [],
      status,
      validUntil: new Date(asOf.getTime() + days * DAY).toISOString().slice(0, 10),
      title: {
        kk: `${naceShortName(cls, "kk")} (синтетикалық деректер)`,
        ru: `${naceShortName(cls, "ru")} (синтетические данные)`,
        zh: `${naceShortName(cls, "zh")}（合成数据）`,
        en: `${naceShortName(cls, "en")} (synthetic)`,
      },
    });
  }
  return {
    key: syntheticKey(i),
    side,
    territorySlug: pick(random, side === "home" ? homeSlugs : partnerSlugs),
    names: {
      kk: `№${n} синтетикалық кәсіпорын (синтетикалық деректер)`,
      ru: `Синтетическое предприятие №${n} (синтетические данные)`,
      zh: `第${n}号合成企业（合成数据）`,
      en: `Synthetic Enterprise No. ${n} (synthetic)`,
    },
    sectors: [...sectors].sort(),
    products,
    exportMarkets,
    sizeBand: pick(random, SIZES),
    yearFounded: 1970 + Math.floor(random() * 55),
    description: {
      kk: `Синтетикалық деректер: ${what.kk}.`,
      ru: `Синтетические данные: ${what.ru}.`,
      zh: `合成数据：${what.zh}。`,
      en: `Synthetic data: ${what.en}.`,
    },
    requests,
  };
}

/** Enterprises handed to one round of bulk inserts (one transaction each, one progress tick). */
const BATCH = 1_000;

/**
 * Generates and writes `count` synthetic enterprises. `territoryIds` maps slugs to ids and says
 * which side each territory is on; the database must hold the reference territories.
 */
export async function seedSyntheticEnterprises(
  db: Db,
  territories: { slug: string; id: number; isHome: boolean }[],
  options: { seed: number; asOf: Date; count: number },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const homeSlugs = territories
    .filter((t) => t.isHome && t.slug !== "turkistan-oblast")
    .map((t) => t.slug)
    .sort();
  const partnerSlugs = territories
    .filter((t) => !t.isHome)
    .map((t) => t.slug)
    .sort();
  const idOf = new Map(territories.map((t) => [t.slug, t.id]));
  const at = options.asOf.toISOString();
  let done = 0;
  onProgress(0, options.count);
  for (let start = 0; start < options.count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, options.count - start) }, (_, k) =>
      syntheticEnterprise(options.seed, start + k, options.asOf, homeSlugs, partnerSlugs),
    );
    await db.transaction().execute(async (trx) => {
      const orgs = await repo.insertOrganisationsBulk(
        trx,
        batch.map((e) => ({
          kind: "company",
          name: JSON.stringify(e.names),
          name_original: null,
          territory_id: idOf.get(e.territorySlug) ?? null,
          country: e.side === "home" ? "KZ" : "CN",
          sectors: JSON.stringify([...new Set(e.sectors.map((c) => `C${c.slice(0, 2)}`))]),
          website: null,
          confidence: "unverified",
          sources: JSON.stringify([`jibek synthetic --seed ${options.seed}`]),
          note: `${repo.SYNTHETIC_NOTE}${e.key}`,
          is_illustrative: 1,
          created_at: at,
          updated_at: at,
        })),
      );
      const orgId = new Map(orgs.map((o) => [o.note ?? "", o.id]));
      const id = (e: SyntheticEnterprise) => orgId.get(`${repo.SYNTHETIC_NOTE}${e.key}`) as number;
      await repo.insertAliasesBulk(
        trx,
        batch.flatMap((e) =>
          [e.names.kk, e.names.ru, e.names.zh, e.names.en].map((alias) => ({
            entity_type: "organisation",
            entity_id: id(e),
            alias,
            script: scriptOf(alias),
            kind: "name",
            search_key: searchKey(alias),
          })),
        ),
      );
      await repo.insertSectorsBulk(
        trx,
        batch.flatMap((e) => e.sectors.map((nace) => ({ organisation_id: id(e), nace, side: e.side }))),
      );
      const requests = batch.flatMap((e) =>
        e.requests.map((r) => ({
          e,
          r,
          keys: r.status === "pending" ? [] : buildTextKeys([...Object.values(r.title), ...r.products.map((p) => p.name)]),
        })),
      );
      const requestIds = await repo.insertRequestsBulk(
        trx,
        requests.map(({ e, r, keys }) => {
          const published = r.status !== "pending";
          return {
            organisation_id: id(e),
            kind: r.kind,
            sectors: JSON.stringify(r.sectors),
            products: JSON.stringify(r.products),
            quantity: null,
            unit: null,
            amount: null,
            currency: null,
            title: published ? JSON.stringify(r.title) : null,
            description: null,
            pending_text: published ? null : JSON.stringify({ title: r.title, description: null }),
            pending_at: published ? null : at,
            valid_until: r.validUntil,
            status: r.status,
            moderation_note: null,
            moderated_by: null,
            moderated_at: null,
            reminder_sent_at: r.status === "expired" ? at : null,
            text_keys: JSON.stringify(keys),
            created_by: null,
            created_at: at,
            updated_at: at,
          };
        }),
      );
      const keysOf = new Map(
        batch.map((e) => [
          e.key,
          buildTextKeys([
            e.names.kk,
            e.names.ru,
            e.names.zh,
            e.names.en,
            ...Object.values(e.description),
            ...e.products.map((p) => p.name),
          ]),
        ]),
      );
      await repo.insertProfilesBulk(
        trx,
        batch.map((e) => ({
          organisation_id: id(e),
          side: e.side,
          publication: "published",
          size_band: e.sizeBand,
          year_founded: e.yearFounded,
          description: JSON.stringify(e.description),
          pending_description: null,
          pending_at: null,
          pending_by: null,
          moderation_note: null,
          products: JSON.stringify(e.products),
          export_markets: JSON.stringify(e.exportMarkets),
          certifications: "[]",
          logo_file: null,
          contacts: null,
          translations: JSON.stringify({ kk: "machine", ru: "machine", zh: "machine", en: "original" }),
          text_keys: JSON.stringify(keysOf.get(e.key) ?? []),
          match_data: JSON.stringify(
            buildMatchData(
              { sectors: e.sectors, products: e.products, markets: e.exportMarkets, size: e.sizeBand, keys: keysOf.get(e.key) ?? [] },
              requests.flatMap(({ e: owner, r, keys }, k) =>
                owner === e && r.status === "published"
                  ? [
                      {
                        id: (requestIds[k] as { id: number }).id,
                        kind: r.kind,
                        sectors: r.sectors,
                        products: r.products,
                        keys,
                        validUntil: r.validUntil,
                      },
                    ]
                  : [],
              ),
            ),
          ),
          verified_at: null,
          verified_by: null,
          created_at: at,
          updated_at: at,
        })),
      );
      await repo.insertRequestSectorsBulk(
        trx,
        requests.flatMap(({ e, r }, k) =>
          r.status !== "published"
            ? []
            : r.sectors.map((nace) => ({
                request_id: (requestIds[k] as { id: number }).id,
                organisation_id: id(e),
                nace,
                side: e.side,
                valid_until: r.validUntil,
              })),
        ),
      );
    });
    done += batch.length;
    onProgress(done, options.count);
  }
  return done;
}
