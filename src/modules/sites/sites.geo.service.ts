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
  cellPx: 60,
  /** Groups whose centres are closer than this many cells are merged into one. */
  mergeCells: 0.8,
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
   * `pointLimit` are in view below `pointsZoom`, else listed (at most `geoLimit`). Neighbouring
   * cells whose plots gather near their shared border are merged; a group of one plot comes as
   * that plot.
   */
  async plotsForMap(box: Box, zoom: number, filters: Partial<PlotFilters>): Promise<MapPlots> {
    const cell = gridCell(zoom, box);
    const cells = await repo.plotCells(this.db, box, filters, cell);
    const total = cells.reduce((sum, c) => sum + c.n, 0);
    if (total <= MAP_LIMITS.pointLimit || zoom >= MAP_LIMITS.pointsZoom) {
      const rows = await repo.plotMarkers(this.db, box, filters, MAP_LIMITS.geoLimit);
      return { clustered: false, total, truncated: total > rows.length, items: rows.map(toMapPlot) };
    }
    return { clustered: true, total, truncated: false, items: mergeCells(cells, cell) };
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

/** A group being formed: sums, so that merging two is exact. */
interface Group {
  key: string;
  count: number;
  latSum: number;
  lonSum: number;
  statuses: Partial<Record<PlotStatus, number>>;
  bounds: Box;
  /** The plot itself while the group holds one. */
  only: MapPlot | null;
}

/**
 * Folds the per-status rows of each cell into one group, then merges groups whose centres lie
 * closer than `mergeCells` of a cell (grid cells split what sits on their borders; their markers
 * would overlap), largest first. A group of one plot comes as that plot.
 */
function mergeCells(rows: repo.PlotCellRow[], cell: repo.Cell): (MapPlot | PlotCluster)[] {
  const byCell = new Map<string, Group>();
  for (const r of rows) {
    const key = `${r.cx}:${r.cy}`;
    const status = r.status as PlotStatus;
    const g = byCell.get(key);
    if (!g) {
      byCell.set(key, {
        key,
        count: r.n,
        latSum: r.lat * r.n,
        lonSum: r.lon * r.n,
        statuses: { [status]: r.n },
        bounds: { west: r.west, south: r.south, east: r.east, north: r.north },
        only: r.n === 1 ? { kind: "plot", code: r.code, status, lat: r.lat, lon: r.lon, zone: r.zone_slug } : null,
      });
      continue;
    }
    absorb(g, {
      key,
      count: r.n,
      latSum: r.lat * r.n,
      lonSum: r.lon * r.n,
      statuses: { [status]: r.n },
      bounds: { west: r.west, south: r.south, east: r.east, north: r.north },
      only: null,
    });
  }
  const kept: Group[] = [];
  for (const g of [...byCell.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))) {
    const lat = g.latSum / g.count;
    const lon = g.lonSum / g.count;
    const near = kept.find(
      (k) => Math.hypot((k.lonSum / k.count - lon) / cell.lon, (k.latSum / k.count - lat) / cell.lat) < MAP_LIMITS.mergeCells,
    );
    if (near) absorb(near, g);
    else kept.push(g);
  }
  return kept.map((g) =>
    g.count === 1 && g.only
      ? g.only
      : {
          kind: "cluster" as const,
          key: g.key,
          count: g.count,
          statuses: g.statuses,
          lat: g.latSum / g.count,
          lon: g.lonSum / g.count,
          bounds: g.bounds,
        },
  );
}

function absorb(into: Group, g: Group): void {
  into.count += g.count;
  into.latSum += g.latSum;
  into.lonSum += g.lonSum;
  for (const [status, n] of Object.entries(g.statuses) as [PlotStatus, number][]) into.statuses[status] = (into.statuses[status] ?? 0) + n;
  into.bounds = {
    west: Math.min(into.bounds.west, g.bounds.west),
    south: Math.min(into.bounds.south, g.bounds.south),
    east: Math.max(into.bounds.east, g.bounds.east),
    north: Math.max(into.bounds.north, g.bounds.north),
  };
  into.only = null;
}
