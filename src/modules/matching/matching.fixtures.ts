import type { Actor } from "../accounts/accounts.policy.ts";
import type { PlotData } from "../sites/sites.schemas.ts";
import type { SitesService } from "../sites/sites.service.ts";

/**
 * A fixed catalogue for the matching tests: three zones and twelve plots whose differences are
 * each one criterion wide. Codes say what is special about a plot.
 */
const ADMIN: Actor = { id: 0, role: "admin", organisationId: null };

const zones = [
  {
    slug: "t-sez",
    kind: "sez",
    territory: "turkistan-city",
    incentives: [
      { tax: "cit", ratePct: 0, years: 10, note: null },
      { tax: "property_tax", ratePct: 0, years: null, note: null },
    ],
  },
  { slug: "t-iz", kind: "industrial_zone", territory: "sayram-district", incentives: [] },
  { slug: "t-iz2", kind: "industrial_zone", territory: "kentau-city", incentives: [{ tax: "land_tax", ratePct: 0, years: 5, note: null }] },
] as const;

function plot(code: string, o: Partial<PlotData>): PlotData {
  return {
    code,
    zoneSlug: "t-sez",
    territorySlug: "turkistan-city",
    cadastralNumber: null,
    areaHa: 8,
    landCategory: null,
    permittedUse: null,
    status: "free",
    reservedUntil: null,
    reservedFor: null,
    priceAmount: 1_500_000,
    priceCurrency: "KZT",
    priceUnit: "sale_per_ha",
    lat: 43.3,
    lon: 68.25,
    powerKw: 4000,
    powerKv: 10,
    gasM3h: 500,
    waterM3d: 1000,
    sewageM3d: 900,
    heatGcalh: null,
    railSiding: true,
    roadAccess: true,
    utilities: {},
    distRailKm: 1,
    distAirportKm: 20,
    distBorderKm: 150,
    distCentreKm: 5,
    notes: null,
    illustrative: true,
    ...o,
  };
}

const connect = (months: number, capacity: number, cost: number) => ({
  power: { provider: "Grid", confirmedOn: "2026-09-01", connectMonths: months, connectCapacity: capacity, connectCostKzt: cost },
});

export const FIXTURE_PLOTS: PlotData[] = [
  plot("A-BEST", {}),
  plot("B-CONNECT", {
    areaHa: 6,
    powerKw: 1800,
    utilities: connect(9, 2000, 120_000_000),
    waterM3d: 900,
    railSiding: false,
    distRailKm: 3,
  }),
  plot("C-IZ-CHEAP", {
    zoneSlug: "t-iz",
    territorySlug: "sayram-district",
    areaHa: 7,
    powerKw: 5000,
    waterM3d: 1200,
    distRailKm: 0.5,
    priceAmount: 1_000_000,
  }),
  plot("D-IZ2-FAR", {
    zoneSlug: "t-iz2",
    territorySlug: "kentau-city",
    areaHa: 9,
    powerKw: 3500,
    waterM3d: 800,
    distRailKm: 10,
    railSiding: false,
  }),
  plot("E-STANDALONE", {
    zoneSlug: null,
    territorySlug: "arys-city",
    areaHa: 5.5,
    powerKw: 3000,
    waterM3d: 800,
    distRailKm: 4,
    railSiding: false,
    priceAmount: 800_000,
  }),
  plot("F-TOO-BIG", { areaHa: 12, powerKw: 6000, waterM3d: 2000, distRailKm: 2 }),
  plot("G-SMALL", { areaHa: 4.8, powerKw: 3500, waterM3d: 900, distRailKm: 2 }),
  plot("H-POWER-UNKNOWN", { powerKw: null, powerKv: null }),
  plot("I-ALLOTTED", { areaHa: 9, status: "allotted" }),
  plot("J-RESERVED", {
    areaHa: 7,
    powerKw: 3200,
    waterM3d: 850,
    distRailKm: 2,
    status: "reserved",
    reservedUntil: "2027-03-01",
    reservedFor: "Someone",
  }),
  plot("K-IZ-WEAK", {
    zoneSlug: "t-iz",
    territorySlug: "sayram-district",
    areaHa: 10,
    powerKw: 2500,
    waterM3d: 2000,
    distRailKm: 1,
    priceAmount: null,
    priceCurrency: null,
    priceUnit: null,
  }),
  plot("L-SLOW-CONNECT", { powerKw: 2000, utilities: connect(18, 3000, 300_000_000), distRailKm: 1.5 }),
];

export async function loadFixtureCatalogue(sites: SitesService): Promise<void> {
  for (const z of zones) {
    const territoryId = await sites.territoryIdOf(z.territory);
    if (!territoryId) throw new Error(`unknown territory ${z.territory}`);
    await sites.upsertZoneRecord({
      slug: z.slug,
      kind: z.kind,
      parent_zone_id: null,
      territory_id: territoryId,
      name_kk: z.slug,
      name_ru: z.slug,
      name_zh: z.slug,
      name_en: z.slug,
      status: "operating",
      operator_name: null,
      total_area_ha: 100,
      free_area_ha: null,
      centre_lat: 43.3,
      centre_lon: 68.25,
      geometry: null,
      regime_kk: null,
      regime_ru: null,
      regime_zh: null,
      regime_en: null,
      incentives: JSON.stringify(z.incentives),
      customs_regime: null,
      land_terms: null,
      sectors: "[]",
      contact_phone: null,
      contact_email: null,
      website: null,
      facts: "[]",
      confidence: "estimated",
      is_illustrative: 1,
      verified_at: null,
      verified_by: null,
    });
  }
  const result = await sites.upsertPlots(ADMIN, FIXTURE_PLOTS);
  if (result.errors.length > 0) throw new Error(`fixture rejected: ${JSON.stringify(result.errors)}`);
}
