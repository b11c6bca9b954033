import { readFileSync } from "node:fs";
import { parseCsvRecords } from "../../lib/csv.ts";
import { projectPath } from "../../lib/root.ts";

/** Reference data for territories, from ../shared/data (copied into src/seed/data with its sources). */
export interface TerritorySeed {
  slug: string;
  kind: "oblast" | "city" | "district" | "province" | "prefecture_city" | "autonomous_prefecture";
  parentSlug: string | null;
  country: "KZ" | "CN";
  isHome: boolean;
  name: { kk: string; ru: string; zh: string | null; en: string };
  centre: { kk: string; ru: string; zh: string | null; en: string } | null;
  lat: number | null;
  lon: number | null;
  coordConfidence: string | null;
  coordSource: string | null;
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
}

const OBLAST: TerritorySeed = {
  slug: "turkistan-oblast",
  kind: "oblast",
  parentSlug: null,
  country: "KZ",
  isHome: true,
  name: { kk: "Түркістан облысы", ru: "Туркестанская область", zh: "图尔克斯坦州", en: "Turkistan Region" },
  centre: { kk: "Түркістан", ru: "Туркестан", zh: null, en: "Turkistan" },
  lat: 43.302,
  lon: 68.269,
  coordConfidence: "single-source",
  coordSource: "Administrative centre Turkistan since 2018-06-19; coordinates: muftyat.kz city list (facts.json)",
  population: 2148658,
  populationYear: 2026,
  populationSource: "Bureau of National Statistics via Kazinform, as of 2026-01-01 (single source; facts.json)",
};

const ESTIMATED = "estimated: approximate city-centre coordinates from background knowledge; verify on a map";

/** Partner territories named in facts.json → article_claims_crosscheck (sister ties) and wenzhou. */
const PARTNERS: TerritorySeed[] = [
  partner(
    "zhejiang",
    "province",
    null,
    { kk: "Чжэцзян провинциясы", ru: "провинция Чжэцзян", zh: "浙江省", en: "Zhejiang Province" },
    { kk: "Ханчжоу", ru: "Ханчжоу", zh: "杭州", en: "Hangzhou" },
    30.27,
    120.15,
  ),
  partner(
    "wenzhou",
    "prefecture_city",
    "zhejiang",
    { kk: "Вэньчжоу қаласы", ru: "город Вэньчжоу", zh: "温州市", en: "Wenzhou" },
    { kk: "Вэньчжоу", ru: "Вэньчжоу", zh: "温州", en: "Wenzhou" },
    27.99,
    120.7,
    {
      population: 9761000,
      populationYear: 2023,
      populationSource: "Wenzhou statistics, end-2023 (verified; facts.json → wenzhou.population)",
    },
  ),
  partner(
    "shaanxi",
    "province",
    null,
    { kk: "Шэньси провинциясы", ru: "провинция Шэньси", zh: "陕西省", en: "Shaanxi Province" },
    { kk: "Сиань", ru: "Сиань", zh: "西安", en: "Xi'an" },
    34.34,
    108.94,
  ),
  partner(
    "hubei",
    "province",
    null,
    { kk: "Хубэй провинциясы", ru: "провинция Хубэй", zh: "湖北省", en: "Hubei Province" },
    { kk: "Ухань", ru: "Ухань", zh: "武汉", en: "Wuhan" },
    30.59,
    114.31,
  ),
  partner(
    "heilongjiang",
    "province",
    null,
    { kk: "Хэйлунцзян провинциясы", ru: "провинция Хэйлунцзян", zh: "黑龙江省", en: "Heilongjiang Province" },
    { kk: "Харбин", ru: "Харбин", zh: "哈尔滨", en: "Harbin" },
    45.8,
    126.53,
  ),
  partner(
    "henan",
    "province",
    null,
    { kk: "Хэнань провинциясы", ru: "провинция Хэнань", zh: "河南省", en: "Henan Province" },
    { kk: "Чжэнчжоу", ru: "Чжэнчжоу", zh: "郑州", en: "Zhengzhou" },
    34.75,
    113.63,
  ),
];

function partner(
  slug: string,
  kind: TerritorySeed["kind"],
  parentSlug: string | null,
  name: TerritorySeed["name"],
  centre: NonNullable<TerritorySeed["centre"]>,
  lat: number,
  lon: number,
  population: Pick<TerritorySeed, "population" | "populationYear" | "populationSource"> = {
    population: null,
    populationYear: null,
    populationSource: null,
  },
): TerritorySeed {
  return {
    slug,
    kind,
    parentSlug,
    country: "CN",
    isHome: false,
    name,
    centre,
    lat,
    lon,
    coordConfidence: "estimated",
    coordSource: ESTIMATED,
    ...population,
  };
}

function slugOf(nameEn: string): string {
  return nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function numberOrNull(value: string | undefined): number | null {
  if (!value) return null;
  const n = Number(value.replace(/[^0-9.]/g, ""));
  return value.trim() !== "" && Number.isFinite(n) && /^[0-9.]+$/.test(value.trim()) ? n : null;
}

/** The oblast's 14 districts and 3 cities of oblast significance, from turkistan_units.csv. */
export function loadOblastUnits(): TerritorySeed[] {
  const csv = readFileSync(projectPath("src", "seed", "data", "turkistan_units.csv"), "utf8");
  return parseCsvRecords(csv).map((r) => ({
    slug: slugOf(r.name_en ?? ""),
    kind: r.type === "district" ? "district" : "city",
    parentSlug: OBLAST.slug,
    country: "KZ",
    isHome: true,
    name: { kk: r.name_kk ?? "", ru: r.name_ru ?? "", zh: null, en: r.name_en ?? "" },
    centre: { kk: r.centre_kk ?? "", ru: r.centre_ru ?? "", zh: null, en: r.centre_en ?? "" },
    lat: numberOrNull(r.centre_lat),
    lon: numberOrNull(r.centre_lon),
    coordConfidence: r.coord_confidence || null,
    coordSource: r.coord_source || null,
    // "over 100,000" is not a number: keep only exact figures.
    population: numberOrNull(r.population),
    populationYear: numberOrNull(r.population_year),
    populationSource: numberOrNull(r.population) ? "turkistan_units.csv (single source)" : null,
  }));
}

export function referenceTerritories(): TerritorySeed[] {
  return [OBLAST, ...loadOblastUnits(), ...PARTNERS];
}
