import { between, pick, seededRandom } from "../../lib/random.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import type { Incentive, PlotData, PremisesData, SourcedFact } from "./sites.schemas.ts";
import type { SitesService } from "./sites.service.ts";

/**
 * Demo catalogue. Zones and their figures are real, from ../shared/data/facts.json, each with
 * its confidence and source. Plots and premises are generated (a seeded generator, so the demo
 * is the same everywhere) and marked illustrative, except the Kazakhstan–China (Wenzhou)
 * park's site, whose few known figures come from the press.
 */
interface DemoZone {
  slug: string;
  code: string;
  kind: "sez" | "industrial_zone" | "industrial_park" | "small_industrial_park";
  parent?: string;
  territory: string;
  name: { kk: string; ru: string; zh: string; en: string };
  status: "operating" | "under_construction" | "planned";
  totalAreaHa: number | null;
  centre: [number, number];
  confidence: string;
  facts: SourcedFact[];
  incentives?: Incentive[];
  regime?: { kk: string; ru: string; zh: string; en: string };
  sectors?: string[];
  operator?: string;
  website?: string;
}

const KAPITAL = "https://kapital.kz/amp/economic/136391/v-turkestanskoj-oblasti-sozdany-pyat-novyh-industrialnyh-zon.html";

const iz = (
  slug: string,
  code: string,
  territory: string,
  ru: string,
  kk: string,
  en: string,
  area: number | null,
  centre: [number, number],
  fact: SourcedFact[],
): DemoZone => ({
  slug,
  code,
  kind: "industrial_zone",
  territory,
  name: { kk: `«${kk}» индустриялық аймағы`, ru: `Индустриальная зона «${ru}»`, zh: `${en} 工业区`, en: `${en} Industrial Zone` },
  status: "operating",
  totalAreaHa: area,
  centre,
  confidence: fact[0]?.confidence ?? "single-source",
  facts: fact,
  regime: {
    kk: "Индустриялық аймақ: инфрақұрылымы дайын жер учаскелері; салықтық және кедендік жеңілдіктер инвестициялық келісімшарт бойынша беріледі.",
    ru: "Индустриальная зона: участки с готовой инфраструктурой; налоговые и таможенные преференции — по инвестиционному контракту.",
    zh: "工业区：提供基础设施齐全的地块；税收和海关优惠依投资合同给予。",
    en: "Industrial zone: plots with ready infrastructure; tax and customs preferences under an investment contract.",
  },
  sectors: ["C"],
});

export const DEMO_ZONES: DemoZone[] = [
  {
    slug: "turan-sez",
    code: "TRN",
    kind: "sez",
    territory: "turkistan-city",
    name: { kk: "«Turan» арнайы экономикалық аймағы", ru: "СЭЗ «Turan»", zh: "图兰经济特区", en: "Turan Special Economic Zone" },
    status: "operating",
    totalAreaHa: 4622.39,
    centre: [43.29, 68.24],
    confidence: "conflicting",
    operator: "SEZ Turan management company",
    website: "https://sez-turkistan.kz/en/",
    sectors: ["C", "H", "I"],
    facts: [
      {
        label: "total_area_ha",
        value: "4,622.39 ha in 6 subzones (2023 decision)",
        confidence: "verified",
        source: "https://en.trend.az/casia/kazakhstan/3797200.html",
        asOf: "2023",
      },
      {
        label: "total_area_ha",
        value: "4,414 ha (akim, Nov 2025)",
        confidence: "single-source",
        source: "https://cn.inform.kz/news/changhuijianzhongguodashi-fangyouyizaiduokai-70147f/",
        asOf: "2025-11",
      },
      {
        label: "total_area_ha",
        value: "about 4,000 ha (the oblast's press release)",
        confidence: "article-only",
        source: "starting article",
        asOf: "2025",
      },
      {
        label: "history",
        value: "Created as SEZ 'Turkistan' in 2018; renamed 'Turan' in 2023",
        confidence: "verified",
        source: "https://turkystan.kz/article/226645-turkistan-arnayy-ekonomikaly-ayma-y-turan-dep-atalma",
        asOf: "2023",
      },
      {
        label: "infrastructure",
        value: "Gas and internet 100%, 2.1 km of rail, 8.5 km of water pipe, 3 km of sewer built (2023)",
        confidence: "verified",
        source: "https://yujanka.kz/sez-turan-luchshie-usloviya-dlya-investorov",
        asOf: "2023",
      },
      {
        label: "geometry",
        value: "Outline on the map is schematic, not surveyed",
        confidence: "estimated",
        source: "generated for the demo",
        asOf: null,
      },
    ],
    incentives: [
      {
        tax: "cit",
        ratePct: 0,
        years: 10,
        note: "As quoted by the akim to Chinese investors; check the Tax Code before relying on it (single source)",
      },
      { tax: "vat", ratePct: 0, years: 10, note: "As quoted by the akim (single source)" },
      { tax: "land_tax", ratePct: 0, years: null, note: "SEZ participants' usual exemption; to be confirmed (estimated)" },
      { tax: "property_tax", ratePct: 0, years: null, note: "SEZ participants' usual exemption; to be confirmed (estimated)" },
      { tax: "customs", ratePct: 0, years: null, note: "Free customs zone procedure inside the SEZ (estimated)" },
    ],
    regime: {
      kk: "Арнайы экономикалық аймақ: «өңдеу өнеркәсібінің» барлық рұқсат етілген қызметі; ағылшын құқығы бойынша халықаралық төрелік мүмкіндігі. Салықтық жеңілдіктер Салық кодексі бойынша.",
      ru: "Специальная экономическая зона: все разрешённые виды обрабатывающей промышленности; возможен международный арбитраж по английскому праву. Налоговые льготы — по Налоговому кодексу.",
      zh: "经济特区：允许所有未受限制的制造业活动；可选择适用英国法的国际仲裁。税收优惠依《税法典》执行。",
      en: "Special economic zone: all manufacturing activities not otherwise restricted; international (English-law) arbitration available. Tax incentives under the Tax Code.",
    },
  },
  {
    slug: "turan-industrial-subzone",
    code: "TRN-IND",
    kind: "sez",
    parent: "turan-sez",
    territory: "turkistan-city",
    name: {
      kk: "«Turan» АЭА индустриялық кіші аймағы",
      ru: "Индустриальная подзона СЭЗ «Turan»",
      zh: "图兰经济特区工业分区",
      en: "Turan SEZ industrial subzone",
    },
    status: "operating",
    totalAreaHa: 1000,
    centre: [43.25, 68.2],
    confidence: "verified",
    facts: [
      {
        label: "total_area_ha",
        value: "1,000 ha (+35 ha and +180 ha industrial subzones)",
        confidence: "verified",
        source: "https://en.trend.az/casia/kazakhstan/3797200.html",
        asOf: "2023",
      },
    ],
  },
  {
    slug: "icic-central-asia",
    code: "ICIC",
    kind: "sez",
    parent: "turan-sez",
    territory: "maktaaral-district",
    name: {
      kk: "«Орталық Азия» халықаралық өнеркәсіптік кооперация орталығы",
      ru: "МЦПК «Центральная Азия»",
      zh: "中亚国际工业合作中心",
      en: "International Centre for Industrial Cooperation 'Central Asia'",
    },
    status: "under_construction",
    totalAreaHa: 100,
    centre: [40.78, 68.62],
    confidence: "verified",
    facts: [
      {
        label: "stage_1",
        value: "100 ha zoned, 8 production buildings; works due by end-2025; launch in 2026",
        confidence: "verified",
        source: "https://www.inform.kz/ru/v2026-godu-kazahstan-zapustit-krupniy-promishlenniy-tsentr-vtsa-12a73a",
        asOf: "2025",
      },
      {
        label: "location",
        value: "Near the Atameken (KZ) / Gulistan (UZ) border crossings",
        confidence: "verified",
        source: "https://centralasia-research.org/?p=58731",
        asOf: "2025",
      },
    ],
  },
  {
    slug: "kz-cn-wenzhou-park",
    code: "WZP",
    kind: "industrial_park",
    parent: "icic-central-asia",
    territory: "maktaaral-district",
    name: {
      kk: "Қазақстан–Қытай (Вэньчжоу) индустриялық паркі",
      ru: "Казахстанско-китайский (Вэньчжоу) индустриальный парк",
      zh: "哈萨克斯坦-中国(温州)产业园",
      en: "Kazakhstan–China (Wenzhou) Industrial Park",
    },
    status: "under_construction",
    totalAreaHa: 30,
    centre: [40.775, 68.615],
    confidence: "single-source",
    sectors: ["H52.10", "G46"],
    facts: [
      {
        label: "total_area_ha",
        value: "30 ha, 123 bn KZT investment",
        confidence: "single-source",
        source: "https://www.jkbuyers.com/9095.html",
        asOf: "2025-09",
      },
      {
        label: "milestone",
        value: "Groundbreaking on 11 September 2025",
        confidence: "single-source",
        source: "https://www.jkbuyers.com/9095.html",
        asOf: "2025-09-11",
      },
      {
        label: "memorandum",
        value: "Memorandum between the oblast's industry department and Wenzhou Commerce Bureau (August 2025)",
        confidence: "verified",
        source:
          "https://www.ritmeurasia.ru/news--2025-08-14--kitaj-i-kazahstan-dogovorilis-o-sozdanii-sovmestnogo-industrialnogo-parka-82152",
        asOf: "2025-08",
      },
    ],
  },
  iz(
    "zhetysai-iz",
    "IZ-ZHT",
    "zhetisai-district",
    "Жетысай",
    "Жетісай",
    "Zhetysai",
    59,
    [40.79, 68.34],
    [{ label: "total_area_ha", value: "59 ha, created 2025", confidence: "single-source", source: KAPITAL, asOf: "2025" }],
  ),
  iz(
    "otyrar-iz",
    "IZ-OTR",
    "otrar-district",
    "Отырар",
    "Отырар",
    "Otyrar",
    85,
    [42.79, 68.37],
    [{ label: "total_area_ha", value: "85 ha, created 2025", confidence: "single-source", source: KAPITAL, asOf: "2025" }],
  ),
  iz(
    "arys-iz",
    "IZ-ARS",
    "arys-city",
    "Арыс",
    "Арыс",
    "Arys",
    30,
    [42.44, 68.8],
    [{ label: "total_area_ha", value: "30 ha, created 2025", confidence: "single-source", source: KAPITAL, asOf: "2025" }],
  ),
  iz(
    "karamurt-iz",
    "IZ-KRM",
    "sayram-district",
    "Карамурт",
    "Қарамұрт",
    "Karamurt",
    523.9,
    [42.46, 69.88],
    [
      { label: "total_area_ha", value: "523.9 ha, created 2025", confidence: "single-source", source: KAPITAL, asOf: "2025" },
      {
        label: "district",
        value: "Sayram district (Karamurt village): assignment estimated",
        confidence: "estimated",
        source: "facts.json",
        asOf: null,
      },
    ],
  ),
  iz(
    "shardara-2-iz",
    "IZ-SHR",
    "shardara-district",
    "Шардара-2",
    "Шардара-2",
    "Shardara-2",
    46.1,
    [41.26, 67.98],
    [{ label: "total_area_ha", value: "46.1 ha, created 2025", confidence: "single-source", source: KAPITAL, asOf: "2025" }],
  ),
  iz(
    "badam-iz",
    "IZ-BDM",
    "ordabasy-district",
    "Бадам",
    "Бадам",
    "Badam (Kazakh-Turkish)",
    null,
    [42.58, 69.24],
    [
      {
        label: "projects",
        value: "4 plants inside (4.6 bn KZT) and 4 beside it (20.7 bn KZT); infrastructure capacity short (2020)",
        confidence: "single-source",
        source:
          "https://casian.info/kz/economy/uvelichit-moschnost-infrastruktury-industrialnoy-zony-badam-planiruyut-v-turkestanskoy-oblasti-24061.html",
        asOf: "2020-05",
      },
    ],
  ),
  iz(
    "turkistan-iz",
    "IZ-TRK",
    "turkistan-city",
    "Туркестан",
    "Түркістан",
    "Turkistan City",
    40,
    [43.32, 68.3],
    [
      {
        label: "total_area_ha",
        value: "40 ha (2015); expansion to 300 ha planned",
        confidence: "single-source",
        source: "https://en.inform.kz/amp/turkestan-and-kentau-implements-several-industrial-projects-photo_a2812244/",
        asOf: "2015",
      },
    ],
  ),
  iz(
    "kentau-iz",
    "IZ-KNT",
    "kentau-city",
    "Кентау",
    "Кентау",
    "Kentau",
    25,
    [43.52, 68.49],
    [
      {
        label: "total_area_ha",
        value: "25 ha (2015); 7 projects, 3 making parts for the Kentau transformer plant",
        confidence: "single-source",
        source: "https://en.inform.kz/amp/turkestan-and-kentau-implements-several-industrial-projects-photo_a2812244/",
        asOf: "2015",
      },
    ],
  ),
  iz(
    "maktaaral-iz",
    "IZ-MKT",
    "maktaaral-district",
    "Мактаарал",
    "Мақтаарал",
    "Maktaaral",
    null,
    [40.67, 68.56],
    [
      {
        label: "projects",
        value: "Fruit jelly, candied fruit and drying lines up to 10,000 t/yr planned (2019)",
        confidence: "single-source",
        source: "https://en.inform.kz/news/kzt-4-bln-attracted-into-industrial-zones-of-turkestan-rgn_a3507571/",
        asOf: "2019",
      },
    ],
  ),
  {
    slug: "sauran-small-park",
    code: "SIP-SRN",
    kind: "small_industrial_park",
    territory: "sauran-district",
    name: {
      kk: "Сауран ауданындағы шағын өнеркәсіптік парк",
      ru: "Малый промышленный парк, Сауранский район",
      zh: "Sauran 区小型工业园",
      en: "Sauran District Small Industrial Park",
    },
    status: "operating",
    totalAreaHa: 100,
    centre: [43.36, 68.18],
    confidence: "verified",
    sectors: ["C22", "C27", "C31"],
    facts: [
      {
        label: "total_area_ha",
        value: "100 ha; 151–152 buildings planned; 308 bn KZT; 6,000–6,040 jobs",
        confidence: "verified",
        source: "https://almatanews.kz/191531-v-turkestanskoj-oblasti-sozdadut-6040-rabochih-mest-v-parke.html",
        asOf: "2024",
      },
      {
        label: "progress",
        value: "37 of 40 stage-1 buildings in operation (Feb 2026)",
        confidence: "verified",
        source: "https://otyrar.kz/2026/02/promyshlennyj-park-v-turkestane-pridayot-impuls-ekonomike-strany/",
        asOf: "2026-02",
      },
    ],
  },
];

/** A schematic square outline around a centre, about `ha` hectares: for the map, flagged as schematic. */
export function schematicOutline(centre: [number, number], ha: number): object {
  const side = Math.sqrt(Math.max(ha, 4) * 10_000);
  const dLat = side / 2 / 111_320;
  const dLon = side / 2 / (111_320 * Math.cos((centre[0] * Math.PI) / 180));
  const [lat, lon] = centre;
  const ring = [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat - dLat],
    [lon + dLon, lat + dLat],
    [lon - dLon, lat + dLat],
    [lon - dLon, lat - dLat],
  ].map(([x, y]) => [Math.round((x as number) * 1e6) / 1e6, Math.round((y as number) * 1e6) / 1e6]);
  return { type: "Polygon", coordinates: [ring] };
}

const SYSTEM: Actor = { id: 0, role: "admin", organisationId: null };
const PROVIDERS = {
  power: "KEGOC / regional grid company (illustrative)",
  gas: "QazaqGaz Aimaq (illustrative)",
  water: "Regional water utility (illustrative)",
};

/** Generates illustrative plots and premises for every demo zone, deterministically. */
export function demoPlots(seed = 2025): { plots: PlotData[]; premises: PremisesData[] } {
  const random = seededRandom(seed);
  const plots: PlotData[] = [];
  const premises: PremisesData[] = [];
  const statuses = ["free", "free", "free", "reserved", "allotted", "under_construction", "operating", "idle"] as const;
  for (const zone of DEMO_ZONES) {
    if (zone.slug === "turan-sez" || zone.slug === "kz-cn-wenzhou-park") continue;
    const count = zone.kind === "small_industrial_park" ? 8 : 5;
    for (let i = 1; i <= count; i++) {
      const status = pick(random, statuses);
      const connected = random() > 0.3;
      const powerKw = between(random, 200, 6000, 50);
      plots.push({
        code: `${zone.code}-P${String(i).padStart(2, "0")}`,
        zoneSlug: zone.slug,
        territorySlug: zone.territory,
        cadastralNumber: `19-${between(random, 100, 999)}-${between(random, 10, 99).toString().padStart(3, "0")}-${between(random, 100, 999)}`,
        areaHa: between(random, 0.5, 25, 0.1),
        landCategory: "industry",
        permittedUse: pick(random, ["light industry", "food processing", "building materials", "logistics", "textiles"]),
        status,
        reservedUntil: status === "reserved" ? `2027-0${between(random, 1, 9)}-15` : null,
        reservedFor: status === "reserved" ? "Investor under negotiation (illustrative)" : null,
        priceAmount: random() > 0.2 ? between(random, 500_000, 6_000_000, 50_000) : null,
        priceCurrency: "KZT",
        priceUnit: random() > 0.5 ? "lease_per_ha_year" : "sale_per_ha",
        lat: zone.centre[0] + (random() - 0.5) * 0.02,
        lon: zone.centre[1] + (random() - 0.5) * 0.02,
        powerKw: connected ? powerKw : null,
        powerKv: connected ? pick(random, [10, 35, 110]) : null,
        gasM3h: random() > 0.25 ? between(random, 50, 2000, 10) : null,
        waterM3d: random() > 0.2 ? between(random, 50, 2500, 10) : null,
        sewageM3d: random() > 0.35 ? between(random, 40, 2000, 10) : null,
        heatGcalh: random() > 0.7 ? between(random, 1, 20, 0.5) : null,
        railSiding: random() > 0.7,
        roadAccess: true,
        utilities: {
          power: connected
            ? { provider: PROVIDERS.power, confirmedOn: "2026-03-01", connectMonths: null, connectCapacity: null, connectCostKzt: null }
            : {
                provider: PROVIDERS.power,
                confirmedOn: "2026-03-01",
                connectMonths: between(random, 3, 18),
                connectCapacity: between(random, 1000, 5000, 500),
                connectCostKzt: between(random, 20_000_000, 400_000_000, 1_000_000),
              },
          gas: { provider: PROVIDERS.gas, confirmedOn: "2026-02-10", connectMonths: null, connectCapacity: null, connectCostKzt: null },
          water: { provider: PROVIDERS.water, confirmedOn: "2026-01-20", connectMonths: null, connectCapacity: null, connectCostKzt: null },
        },
        distRailKm: between(random, 0, 40, 0.5),
        distAirportKm: between(random, 5, 250, 1),
        distBorderKm: between(random, 2, 300, 1),
        distCentreKm: between(random, 1, 250, 1),
        notes: null,
        illustrative: true,
      });
      if (random() > 0.55) {
        premises.push({
          code: `${zone.code}-B${String(i).padStart(2, "0")}`,
          zoneSlug: zone.slug,
          plotCode: `${zone.code}-P${String(i).padStart(2, "0")}`,
          territorySlug: zone.territory,
          kind: pick(random, ["production_hall", "production_hall", "warehouse", "office"] as const),
          floorAreaM2: between(random, 300, 6000, 50),
          ceilingM: between(random, 4, 14, 0.5),
          floorLoadTM2: between(random, 1, 8, 0.5),
          craneT: random() > 0.5 ? between(random, 2, 20, 1) : null,
          powerKw: between(random, 50, 1500, 10),
          status: pick(random, ["free", "free", "reserved", "occupied"] as const),
          priceKztM2Month: between(random, 800, 3500, 50),
          lat: zone.centre[0] + (random() - 0.5) * 0.02,
          lon: zone.centre[1] + (random() - 0.5) * 0.02,
          notes: null,
          illustrative: true,
        });
      }
    }
  }
  // The Wenzhou park's own site: only the press's figures; every utility unknown.
  plots.push({
    code: "WZP-CORE",
    zoneSlug: "kz-cn-wenzhou-park",
    territorySlug: "maktaaral-district",
    cadastralNumber: null,
    areaHa: 30,
    landCategory: null,
    permittedUse: "Cross-border e-commerce logistics, bonded warehouse, production, trade",
    status: "under_construction",
    reservedUntil: null,
    reservedFor: null,
    priceAmount: null,
    priceCurrency: null,
    priceUnit: null,
    lat: 40.775,
    lon: 68.615,
    powerKw: null,
    powerKv: null,
    gasM3h: null,
    waterM3d: null,
    sewageM3d: null,
    heatGcalh: null,
    railSiding: null,
    roadAccess: null,
    utilities: {},
    distRailKm: null,
    distAirportKm: null,
    distBorderKm: null,
    distCentreKm: null,
    notes:
      "Per Zhejiang press (single source, https://www.jkbuyers.com/9095.html): 30 ha, groundbreaking 11 September 2025, 123 bn KZT planned.",
    illustrative: false,
  });
  return { plots, premises };
}

/** Loads the demo catalogue. Zones are refreshed by slug; plots and premises by code. */
export async function seedSitesDemo(sites: SitesService): Promise<{ zones: number; plots: number; premises: number }> {
  const random = seededRandom(7);
  for (const z of DEMO_ZONES) {
    const territoryId = await sites.territoryIdOf(z.territory);
    if (!territoryId) throw new Error(`demo zone ${z.slug}: unknown territory ${z.territory}`);
    const parentId = z.parent ? await sites.zoneIdOf(z.parent) : null;
    await sites.upsertZoneRecord({
      slug: z.slug,
      kind: z.kind,
      parent_zone_id: parentId ?? null,
      territory_id: territoryId,
      name_kk: z.name.kk,
      name_ru: z.name.ru,
      name_zh: z.name.zh,
      name_en: z.name.en,
      status: z.status,
      operator_name: z.operator ?? null,
      total_area_ha: z.totalAreaHa,
      free_area_ha: null,
      centre_lat: z.centre[0],
      centre_lon: z.centre[1],
      geometry: JSON.stringify(schematicOutline(z.centre, z.totalAreaHa ?? 30)),
      regime_kk: z.regime?.kk ?? null,
      regime_ru: z.regime?.ru ?? null,
      regime_zh: z.regime?.zh ?? null,
      regime_en: z.regime?.en ?? null,
      incentives: JSON.stringify(z.incentives ?? []),
      customs_regime: z.kind === "sez" ? "free customs zone" : null,
      land_terms: null,
      sectors: JSON.stringify(z.sectors ?? []),
      contact_phone: null,
      contact_email: null,
      website: z.website ?? null,
      facts: JSON.stringify(z.facts),
      confidence: z.confidence,
      is_illustrative: 0,
      verified_at: null,
      verified_by: null,
    });
  }
  const { plots, premises } = demoPlots();
  const p = await sites.upsertPlots(SYSTEM, plots);
  const q = await sites.upsertPremises(SYSTEM, premises);
  if (p.errors.length || q.errors.length) throw new Error(`demo data rejected: ${JSON.stringify([...p.errors, ...q.errors].slice(0, 3))}`);
  // Verification dates spread over the last year, so some records show as stale.
  const day = 86_400_000;
  for (const plot of plots)
    await sites.markVerifiedBySystem(
      "plot",
      plot.code,
      "Demo data (illustrative)",
      new Date(Date.now() - Math.floor(random() * 300) * day),
    );
  for (const z of DEMO_ZONES)
    await sites.markVerifiedBySystem("zone", z.slug, "Jibek research team (from public sources)", new Date("2026-11-26T00:00:00Z"));
  return { zones: DEMO_ZONES.length, plots: plots.length, premises: premises.length };
}
