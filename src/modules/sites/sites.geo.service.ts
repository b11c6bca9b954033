import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";
import type { LocalizedName } from "../territories/territories.schemas.ts";
import * as repo from "./sites.geo.repository.ts";
import type { Plot, PlotFilters, ZoneFilters } from "./sites.schemas.ts";

export type Box = repo.Box;
type PlotStatus = Plot["status"];

/** How the map asks for data: past `pointLimit` plots in view it gets clusters, and so on. */
export const MAP_LIMITS = {
  /** Most plots answered one by one; more in view are counted per grid cell instead. */
  pointLimit: 500,
  /** Most points one answer carries (from `pointsZoom` on, where nothing is clustered). */
  geoLimit: 5000,
  /** From this zoom on, plots always come one by one (a cell would be a few metres wide). */
  pointsZoom: 15,
  /** Side of a grid cell on screen, in CSS pixels. */
  cellPx: 56,
  /** From this zoom on, zones come with their outlines; below it, as centre points. */
  outlineZoom: 11,
  /** Most zones one answer carries. */
  zoneLimit: 3000,
} as const;

/** A plot as the map draws it: the rest comes with the popup. */
export interface MapPlot {
  kind: "plot";
  code: string;
  status: PlotStatus;
  lat: number;
  lon: number;
  zone: string | null;
}

/** Plots of one grid cell: how many of each status, their mean position and their extent. */
export interface PlotCluster {
  kind: "cluster";
  key: string;
  count: number;
  statuses: Partial<Record<PlotStatus, number>>;
  lat: number;
  lon: number;
  bounds: Box;
}

export interface MapPlots {
  /** True when the answer counts plots per cell rather than listing them. */
  clustered: boolean;
  /** Plots matching the filters inside the box. */
  total: number;
  /** True when `total` plots were too many to list (only from `pointsZoom` on). */
  truncated: boolean;
  items: (MapPlot | PlotCluster)[];
}

export interface MapZone {
  slug: string;
  kind: string;
  name: z.infer<typeof LocalizedName>;
  centre: { lat: number; lon: number };
  /** GeoJSON geometry of the outline; only when zoomed in and known. */
  outline: { type: string; coordinates: unknown } | null;
}

/**
 * A grid cell `cellPx` pixels wide at this zoom (Web Mercator: 256 px per 360° at zoom 0). Its
 * height in degrees shrinks with the cosine of the latitude, taken in 5° steps so cells do not
 * shift while the map pans.
 */
export function gridCell(zoom: number, box: Box, cellPx: number = MAP_LIMITS.cellPx): repo.Cell {
  const lon = (cellPx * 360) / (256 * 2 ** zoom);
  const middle = Math.max(-80, Math.min(80, Math.round((box.south + box.north) / 2 / 5) * 5));
  return { lon, lat: lon * Math.cos((middle * Math.PI) / 180) };
}

function isGeometry(value: unknown): value is { type: string; coordinates: unknown } {
  return typeof value === "object" && value !== null && "type" in value && "coordinates" in value && typeof value.type === "string";
}

function parseGeometry(text: string | null): MapZone["outline"] {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isGeometry(value) ? value : null;
  } catch {
    return null;
  }
}

/** The catalogue map's viewport reads: clusters or markers of plots, zone centres or outlines. */
export class SitesGeoService {
  constructor(private readonly db: Db) {}

  /**
   * Plots matching the filters inside the box: counted per grid cell when more than
   * `pointLimit` are in view below `pointsZoom`, else listed (at most `geoLimit`). A cell
   * holding one plot comes as that plot.
   */
  async plotsForMap(box: Box, zoom: number, filters: Partial<PlotFilters>): Promise<MapPlots> {
    const cells = await repo.plotCells(this.db, box, filters, gridCell(zoom, box));
    const total = cells.reduce((sum, c) => sum + c.n, 0);
    if (total <= MAP_LIMITS.pointLimit || zoom >= MAP_LIMITS.pointsZoom) {
      const rows = await repo.plotMarkers(this.db, box, filters, MAP_LIMITS.geoLimit);
      return { clustered: false, total, truncated: total > rows.length, items: rows.map(toMapPlot) };
    }
    return { clustered: true, total, truncated: false, items: mergeCells(cells) };
  }

  /** Zones whose centre is inside the box: centre points when zoomed out, outlines from `outlineZoom` on. */
  async zonesForMap(
    box: Box,
    zoom: number,
    filters: Pick<Partial<ZoneFilters>, "district" | "kind">,
  ): Promise<{ outlines: boolean; truncated: boolean; zones: MapZone[] }> {
    const outlines = zoom >= MAP_LIMITS.outlineZoom;
    const rows = await repo.zoneMarkers(this.db, box, filters, { outlines, limit: MAP_LIMITS.zoneLimit + 1 });
    return {
      outlines,
      truncated: rows.length > MAP_LIMITS.zoneLimit,
      zones: rows.slice(0, MAP_LIMITS.zoneLimit).map((r) => ({
        slug: r.slug,
        kind: r.kind,
        name: { kk: r.name_kk, kkLatn: toKazakhLatin(r.name_kk), ru: r.name_ru, zh: r.name_zh, en: r.name_en },
        centre: { lat: r.centre_lat, lon: r.centre_lon },
        outline: outlines ? parseGeometry(r.geometry) : null,
      })),
    };
  }
}

const toMapPlot = (r: repo.PlotMarkerRow): MapPlot => ({
  kind: "plot",
  code: r.code,
  status: r.status as PlotStatus,
  lat: r.lat,
  lon: r.lon,
  zone: r.zone_slug,
});

/** Folds the per-status rows of each cell into one cluster (or one plot, when the cell holds one). */
function mergeCells(rows: repo.PlotCellRow[]): (MapPlot | PlotCluster)[] {
  const byCell = new Map<string, repo.PlotCellRow[]>();
  for (const r of rows) {
    const key = `${r.cx}:${r.cy}`;
    const list = byCell.get(key);
    if (list) list.push(r);
    else byCell.set(key, [r]);
  }
  const out: (MapPlot | PlotCluster)[] = [];
  for (const [key, parts] of byCell) {
    const count = parts.reduce((sum, p) => sum + p.n, 0);
    const only = parts[0];
    if (count === 1 && only) {
      out.push({ kind: "plot", code: only.code, status: only.status as PlotStatus, lat: only.lat, lon: only.lon, zone: only.zone_slug });
      continue;
    }
    const statuses: Partial<Record<PlotStatus, number>> = {};
    for (const p of parts) statuses[p.status as PlotStatus] = p.n;
    out.push({
      kind: "cluster",
      key,
      count,
      statuses,
      lat: parts.reduce((sum, p) => sum + p.lat * p.n, 0) / count,
      lon: parts.reduce((sum, p) => sum + p.lon * p.n, 0) / count,
      bounds: {
        west: Math.min(...parts.map((p) => p.west)),
        south: Math.min(...parts.map((p) => p.south)),
        east: Math.max(...parts.map((p) => p.east)),
        north: Math.max(...parts.map((p) => p.north)),
      },
    });
  }
  return out;
}
