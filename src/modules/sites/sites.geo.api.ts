import type { Context, Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import { LocalizedName } from "../territories/territories.schemas.ts";
import { type Plot, PlotFilters, type Premises, PremisesFilters, type Zone, ZoneFilters } from "./sites.schemas.ts";

/** Most points one answer carries; past it the answer says `truncated: true`. */
export const GEO_LIMIT = 5000;

const WORLD = { west: -180, south: -90, east: 180, north: 90 };

/** `west,south,east,north` in degrees (WGS 84), as in RFC 7946's bbox order. */
const Bbox = z
  .string()
  .regex(/^\s*-?\d+(\.\d+)?\s*(,\s*-?\d+(\.\d+)?\s*){3}$/, "map.bbox_invalid")
  .transform((text) => {
    const [west = 0, south = 0, east = 0, north = 0] = text.split(",").map(Number);
    return { west, south, east, north };
  })
  .refine(
    (b) => b.west >= -180 && b.east <= 180 && b.south >= -90 && b.north <= 90 && b.west <= b.east && b.south <= b.north,
    "map.bbox_invalid",
  )
  .optional()
  .describe("west,south,east,north in degrees, e.g. 65.9,40.5,71,46");

const Download = z.enum(["1"]).optional().catch(undefined).describe("1 = send as a file (Content-Disposition: attachment)");

const PlotGeoQuery = PlotFilters.extend({ bbox: Bbox, download: Download });
const PremisesGeoQuery = PremisesFilters.extend({ bbox: Bbox, download: Download });
const ZoneGeoQuery = ZoneFilters.pick({ district: true, kind: true }).extend({ download: Download });

const PointGeometry = z.object({
  type: z.literal("Point"),
  coordinates: z.tuple([z.number(), z.number()]).describe("[longitude, latitude]"),
});
const AnyGeometry = z.object({ type: z.string(), coordinates: z.unknown() }).describe("GeoJSON geometry, WGS 84");
const Ref = z.object({ slug: z.string(), name: LocalizedName });
const Verified = {
  illustrative: z.boolean().describe("Generated demo record, not a real site"),
  verifiedAt: z.string().nullable().describe("When staff last confirmed the record (ISO-8601)"),
  stale: z.boolean().describe("Not verified within the configured number of days"),
};

const PlotProperties = z.object({
  code: z.string(),
  status: z.string(),
  areaHa: z.number(),
  zone: Ref.nullable().describe("The zone the plot lies in, named in every language"),
  territory: Ref.describe("District or city, named in every language"),
  powerKw: z.number().nullable(),
  gasM3h: z.number().nullable(),
  waterM3d: z.number().nullable(),
  railSiding: z.boolean().nullable(),
  ...Verified,
});
const ZoneProperties = z.object({
  slug: z.string(),
  kind: z.string(),
  status: z.string(),
  name: LocalizedName,
  territory: Ref,
  parent: z.string().nullable().describe("Slug of the zone this one is part of"),
  centre: z.tuple([z.number(), z.number()]).nullable().describe("[longitude, latitude]"),
  totalAreaHa: z.number().nullable(),
  freeAreaHa: z.number().nullable(),
  plots: z.object({ total: z.number().int(), free: z.number().int() }),
  ...Verified,
});
const PremisesProperties = z.object({
  code: z.string(),
  kind: z.string(),
  status: z.string(),
  floorAreaM2: z.number(),
  plotCode: z.string().nullable(),
  zone: Ref.nullable(),
  territory: Ref,
  ...Verified,
});

const collection = <G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) =>
  z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(z.object({ type: z.literal("Feature"), id: z.string(), geometry, properties })),
    truncated: z.boolean().describe(`True when more than ${GEO_LIMIT} features matched and the rest were left out`),
  });

const plotFeature = (p: Plot & { location: { lat: number; lon: number } }) => ({
  type: "Feature" as const,
  id: p.code,
  geometry: { type: "Point" as const, coordinates: [p.location.lon, p.location.lat] as [number, number] },
  properties: {
    code: p.code,
    status: p.status,
    areaHa: p.areaHa,
    zone: p.zone,
    territory: p.territory,
    powerKw: p.infrastructure.powerKw,
    gasM3h: p.infrastructure.gasM3h,
    waterM3d: p.infrastructure.waterM3d,
    railSiding: p.infrastructure.railSiding,
    illustrative: p.illustrative,
    verifiedAt: p.verification.at,
    stale: p.verification.stale,
  },
});

const zoneFeature = (z: Zone) => {
  const centre = z.centre ? ([z.centre.lon, z.centre.lat] as [number, number]) : null;
  const geometry = isGeometry(z.geometry) ? z.geometry : centre ? { type: "Point", coordinates: centre } : null;
  return geometry
    ? {
        type: "Feature" as const,
        id: z.slug,
        geometry,
        properties: {
          slug: z.slug,
          kind: z.kind,
          status: z.status,
          name: z.name,
          territory: z.territory,
          parent: z.parent?.slug ?? null,
          centre,
          totalAreaHa: z.totalAreaHa,
          freeAreaHa: z.freeAreaHa,
          plots: z.plots,
          illustrative: z.illustrative,
          verifiedAt: z.verification.at,
          stale: z.verification.stale,
        },
      }
    : null;
};

const premisesFeature = (p: Premises & { location: { lat: number; lon: number } }) => ({
  type: "Feature" as const,
  id: p.code,
  geometry: { type: "Point" as const, coordinates: [p.location.lon, p.location.lat] as [number, number] },
  properties: {
    code: p.code,
    kind: p.kind,
    status: p.status,
    floorAreaM2: p.floorAreaM2,
    plotCode: p.plotCode,
    zone: p.zone,
    territory: p.territory,
    illustrative: p.illustrative,
    verifiedAt: p.verification.at,
    stale: p.verification.stale,
  },
});

function isGeometry(value: unknown): value is { type: string; coordinates: unknown } {
  return typeof value === "object" && value !== null && "type" in value && "coordinates" in value && typeof value.type === "string";
}

const located = <T extends { location: { lat: number; lon: number } | null }>(x: T): x is T & { location: { lat: number; lon: number } } =>
  x.location !== null;

const inside = (box: typeof WORLD, { lat, lon }: { lat: number; lon: number }) =>
  lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east;

/** GeoJSON is JSON with its own media type (RFC 7946); errors stay application/json. */
function geoJsonType(file: string): MiddlewareHandler<AppEnv> {
  return async function geoJsonContentType(c, next) {
    await next();
    if (c.res.status !== 200) return;
    c.res.headers.set("Content-Type", "application/geo+json; charset=utf-8");
    if (c.req.query("download") === "1") c.res.headers.set("Content-Disposition", `attachment; filename="${file}"`);
  };
}

/** A short public cache: the map asks again on every pan; a list page is no fresher than this. */
function cacheBriefly(c: Context<AppEnv>) {
  c.header("Cache-Control", "public, max-age=60");
}

/** GeoJSON of zones, plots and premises (downloads and the map's viewport queries). */
export function geoApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.use("/api/v1/plots.geojson", geoJsonType("plots.geojson"));
  app.use("/api/v1/zones.geojson", geoJsonType("zones.geojson"));
  app.use("/api/v1/premises.geojson", geoJsonType("premises.geojson"));

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/plots.geojson",
      summary: `Land plots with a location as GeoJSON points, filtered like /api/v1/plots, optionally inside a bbox; at most ${GEO_LIMIT}`,
      tags: ["sites", "geo"],
      access: "public",
      query: PlotGeoQuery,
      response: collection(PointGeometry, PlotProperties),
    },
    async (c, { query }) => {
      const { bbox, download: _download, ...filters } = query;
      const plots = await c.get("services").sites.plotsInBox(bbox ?? WORLD, filters, GEO_LIMIT + 1);
      cacheBriefly(c);
      return {
        type: "FeatureCollection" as const,
        features: plots.slice(0, GEO_LIMIT).filter(located).map(plotFeature),
        truncated: plots.length > GEO_LIMIT,
      };
    },
  );

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/zones.geojson",
      summary: "Zones and parks as GeoJSON: their outline where known, else their centre",
      tags: ["sites", "geo"],
      access: "public",
      query: ZoneGeoQuery,
      response: collection(AnyGeometry, ZoneProperties),
    },
    async (c, { query }) => {
      const zones = await c.get("services").sites.listZones({ district: query.district, kind: query.kind });
      const features = zones.map(zoneFeature).filter((f) => f !== null);
      cacheBriefly(c);
      return { type: "FeatureCollection" as const, features: features.slice(0, GEO_LIMIT), truncated: features.length > GEO_LIMIT };
    },
  );

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/premises.geojson",
      summary: `Ready premises with a location as GeoJSON points, filtered like /api/v1/premises, optionally inside a bbox; at most ${GEO_LIMIT}`,
      tags: ["sites", "geo"],
      access: "public",
      query: PremisesGeoQuery,
      response: collection(PointGeometry, PremisesProperties),
    },
    async (c, { query }) => {
      const { bbox, download: _download, ...filters } = query;
      const box = bbox ?? WORLD;
      const features: ReturnType<typeof premisesFeature>[] = [];
      let truncated = false;
      for await (const batch of c.get("services").sites.exportPremises(filters)) {
        for (const p of batch) {
          if (!located(p) || !inside(box, p.location)) continue;
          if (features.length === GEO_LIMIT) {
            truncated = true;
            break;
          }
          features.push(premisesFeature(p));
        }
        if (truncated) break;
      }
      cacheBriefly(c);
      return { type: "FeatureCollection" as const, features, truncated };
    },
  );
}
