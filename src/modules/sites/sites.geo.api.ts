import { Readable } from "node:stream";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { DEFAULT_LOCALE, LOCALES } from "../../i18n/locales.ts";
import { LocalizedName } from "../territories/territories.schemas.ts";
import { MAP_LIMITS, type MapPlot, type MapZone, type PlotCluster } from "./sites.geo.service.ts";
import { type Plot, PlotFilters, PlotStatus, type Premises, PremisesFilters, type Zone, ZoneFilters, ZoneKind } from "./sites.schemas.ts";

/** Most points one answer carries; past it the answer says `truncated: true` (a download has no limit). */
export const GEO_LIMIT = MAP_LIMITS.geoLimit;

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

const Download = z
  .enum(["1"])
  .optional()
  .catch(undefined)
  .describe("1 = send as a file (Content-Disposition: attachment); plots then come in full, without the limit");
const Zoom = z.coerce
  .number({ error: "map.zoom_invalid" })
  .int("map.zoom_invalid")
  .min(0, "map.zoom_invalid")
  .max(22, "map.zoom_invalid")
  .default(0)
  .describe("The map's zoom level (Web Mercator, 0–22): it sets the size of the grid cells plots are counted in");

const PlotGeoQuery = PlotFilters.extend({ bbox: Bbox, download: Download });
const PremisesGeoQuery = PremisesFilters.extend({ bbox: Bbox, download: Download });
const ZoneGeoQuery = ZoneFilters.pick({ district: true, kind: true }).extend({ download: Download });
const MapPlotsQuery = PlotFilters.omit({ sort: true, page: true, perPage: true }).extend({ bbox: Bbox, zoom: Zoom });
const MapZonesQuery = ZoneFilters.pick({ district: true, kind: true }).extend({
  bbox: Bbox,
  zoom: Zoom,
  locale: z.enum(LOCALES).catch(DEFAULT_LOCALE).default(DEFAULT_LOCALE).describe("Language of the zone names"),
});

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

const MapPlotFeature = z
  .object({
    type: z.literal("Feature"),
    id: z.string().describe("The plot's code"),
    geometry: PointGeometry,
    properties: z.object({
      code: z.string(),
      status: PlotStatus,
      zone: z.string().nullable().describe("Slug of the plot's zone"),
    }),
  })
  .describe("One plot; its details come from /api/v1/plots/{code}");
const MapClusterFeature = z
  .object({
    type: z.literal("Feature"),
    id: z.string().describe("The grid cell, `cell:x:y`"),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe("Extent of the cell's plots: west, south, east, north"),
    geometry: PointGeometry.describe("Mean position of the cell's plots"),
    properties: z.object({
      count: z.number().int().describe("Plots in the cell"),
      statuses: z.partialRecord(PlotStatus, z.number().int()).describe("Plots in the cell per status"),
    }),
  })
  .describe("Plots of one grid cell, counted");
const MapPlotsResponse = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.union([MapPlotFeature, MapClusterFeature])),
  clustered: z.boolean().describe(`True when more than ${MAP_LIMITS.pointLimit} plots are in view: they come counted per grid cell`),
  total: z.number().int().describe("Plots matching the filters inside the bbox"),
  truncated: z.boolean().describe(`True when more than ${MAP_LIMITS.geoLimit} plots were to be listed one by one`),
});
const MapZonesResponse = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      id: z.string().describe("The zone's slug; details from /api/v1/zones/{slug}"),
      geometry: AnyGeometry.describe("The centre point, or from zoom 11 on the outline where known"),
      properties: z.object({ name: z.string().describe("In the language asked for"), kind: ZoneKind }),
    }),
  ),
  outlines: z.boolean().describe(`True from zoom ${MAP_LIMITS.outlineZoom} on: features carry outlines where known`),
  truncated: z.boolean().describe(`True when more than ${MAP_LIMITS.zoneLimit} zones are in view`),
});

/** Decimals that keep a coordinate within a fraction of a pixel at this zoom, and no more. */
function decimalsFor(zoom: number): number {
  return Math.max(2, Math.min(6, Math.ceil(Math.log10((256 * 2 ** zoom) / 360)) + 1));
}
const rounder = (zoom: number) => {
  const f = 10 ** decimalsFor(zoom);
  return (n: number) => Math.round(n * f) / f;
};

function mapPlotFeature(item: MapPlot | PlotCluster, round: (n: number) => number) {
  const coordinates: [number, number] = [round(item.lon), round(item.lat)];
  if (item.kind === "plot")
    return {
      type: "Feature" as const,
      id: item.code,
      geometry: { type: "Point" as const, coordinates },
      properties: { code: item.code, status: item.status, zone: item.zone },
    };
  const b = item.bounds;
  return {
    type: "Feature" as const,
    id: `cell:${item.key}`,
    bbox: [round(b.west), round(b.south), round(b.east), round(b.north)] as [number, number, number, number],
    geometry: { type: "Point" as const, coordinates },
    properties: { count: item.count, statuses: item.statuses },
  };
}

function mapZoneFeature(zone: MapZone, name: string, round: (n: number) => number) {
  return {
    type: "Feature" as const,
    id: zone.slug,
    geometry: zone.outline ?? { type: "Point", coordinates: [round(zone.centre.lon), round(zone.centre.lat)] },
    properties: { name, kind: zone.kind as z.infer<typeof ZoneKind> },
  };
}

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

/**
 * `plots.geojson?download=1`: every plot matching the filters (and the bbox, if given), streamed
 * in keyset pages rather than built in memory; without `download` the route below answers.
 */
const plotsDownload: MiddlewareHandler<AppEnv> = async function plotsDownload(c, next) {
  if (c.req.query("download") !== "1" || (c.req.method !== "GET" && c.req.method !== "HEAD")) return next();
  const parsed = PlotGeoQuery.safeParse(c.req.query());
  if (!parsed.success)
    throw new AppError("validation_failed", Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "_", i.message])));
  const { bbox, download: _download, ...filters } = parsed.data;
  const box = bbox ?? WORLD;
  c.header("Cache-Control", "no-cache");
  if (c.req.method === "HEAD") return c.body(null);
  const batches = c.get("services").sites.exportPlots(filters);
  const log = c.get("log");
  async function* body() {
    yield Buffer.from('{"type":"FeatureCollection","features":[');
    let first = true;
    for await (const batch of batches) {
      const features = batch
        .filter(located)
        .filter((p) => inside(box, p.location))
        .map((p) => JSON.stringify(plotFeature(p)));
      if (features.length === 0) continue;
      yield Buffer.from((first ? "" : ",") + features.join(","));
      first = false;
    }
    yield Buffer.from('],"truncated":false}');
  }
  const stream = Readable.from(body());
  stream.on("error", (error) => log.warn({ err: error }, "GeoJSON download stopped"));
  return c.body(Readable.toWeb(stream) as ReadableStream);
};

/** GeoJSON of zones, plots and premises (downloads and the API), and the map's viewport queries. */
export function geoApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  app.use("/api/v1/plots.geojson", geoJsonType("plots.geojson"));
  app.use("/api/v1/plots.geojson", plotsDownload);
  app.use("/api/v1/zones.geojson", geoJsonType("zones.geojson"));
  app.use("/api/v1/premises.geojson", geoJsonType("premises.geojson"));
  app.use("/api/v1/map/plots.geojson", geoJsonType("map-plots.geojson"));
  app.use("/api/v1/map/zones.geojson", geoJsonType("map-zones.geojson"));

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/map/plots.geojson",
      summary: `The map's plots inside a bbox, filtered like /api/v1/plots: one by one up to ${MAP_LIMITS.pointLimit} in view (code, status, zone), else counted per grid cell of about ${MAP_LIMITS.cellPx} px at the zoom given`,
      tags: ["sites", "geo"],
      access: "public",
      query: MapPlotsQuery,
      response: MapPlotsResponse,
    },
    async (c, { query }) => {
      const { bbox, zoom, ...filters } = query;
      const result = await c.get("services").sitesGeo.plotsForMap(bbox ?? WORLD, zoom, filters);
      const round = rounder(zoom);
      cacheBriefly(c);
      return {
        type: "FeatureCollection" as const,
        features: result.items.map((item) => mapPlotFeature(item, round)),
        clustered: result.clustered,
        total: result.total,
        truncated: result.truncated,
      };
    },
  );

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/map/zones.geojson",
      summary: `The map's zones whose centre lies inside a bbox: centre points named in one language, outlines from zoom ${MAP_LIMITS.outlineZoom} on`,
      tags: ["sites", "geo"],
      access: "public",
      query: MapZonesQuery,
      response: MapZonesResponse,
    },
    async (c, { query }) => {
      const { bbox, zoom, locale, ...filters } = query;
      const result = await c.get("services").sitesGeo.zonesForMap(bbox ?? WORLD, zoom, filters);
      const i18n = i18nFor(locale);
      const round = rounder(zoom);
      cacheBriefly(c);
      return {
        type: "FeatureCollection" as const,
        features: result.zones.map((zone) => mapZoneFeature(zone, i18n.pick(zone.name).text, round)),
        outlines: result.outlines,
        truncated: result.truncated,
      };
    },
  );

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/plots.geojson",
      summary: `Land plots with a location as GeoJSON points, filtered like /api/v1/plots, optionally inside a bbox; at most ${GEO_LIMIT}, or all of them with download=1`,
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
