import { sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import { filterPlots, type PlotsJoin, plotsFrom } from "./sites.repository.ts";
import type { PlotFilters, ZoneFilters } from "./sites.schemas.ts";

/** A map viewport in degrees (WGS 84). */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A grid cell's size in degrees; cells are counted from (-180, -90) so they stay put while the map pans. */
export interface Cell {
  lon: number;
  lat: number;
}

function inBox(q: PlotsJoin, box: Box): PlotsJoin {
  return q.where("p.lat", ">=", box.south).where("p.lat", "<=", box.north).where("p.lon", ">=", box.west).where("p.lon", "<=", box.east);
}

/** One grid cell's plots of one status: how many, where their centre and extent are, and a sample code. */
export interface PlotCellRow {
  cx: number;
  cy: number;
  status: string;
  n: number;
  lat: number;
  lon: number;
  south: number;
  north: number;
  west: number;
  east: number;
  /** The smallest code: the plot itself when the group holds one. */
  code: string;
  zone_slug: string | null;
}

/**
 * The filtered plots inside the box, counted per grid cell and status in SQL. The cell index is
 * computed in a subquery so both engines group by plain columns (PostgreSQL would not match
 * two parameterised floor() expressions as the same one).
 */
export async function plotCells(db: Executor, box: Box, f: Partial<PlotFilters>, cell: Cell): Promise<PlotCellRow[]> {
  const located = inBox(filterPlots(plotsFrom(db), f), box).select([
    sql<number>`floor((p.lon + 180) / ${cell.lon})`.as("cx"),
    sql<number>`floor((p.lat + 90) / ${cell.lat})`.as("cy"),
    "p.status as status",
    "p.lat as lat",
    "p.lon as lon",
    "p.code as code",
    "z.slug as zone_slug",
  ]);
  const rows = await db
    .selectFrom(located.as("g"))
    .select((eb) => [
      "g.cx",
      "g.cy",
      "g.status",
      eb.fn.countAll<number>().as("n"),
      eb.fn.avg<number>("g.lat").as("lat"),
      eb.fn.avg<number>("g.lon").as("lon"),
      eb.fn.min<number>("g.lat").as("south"),
      eb.fn.max<number>("g.lat").as("north"),
      eb.fn.min<number>("g.lon").as("west"),
      eb.fn.max<number>("g.lon").as("east"),
      eb.fn.min<string>("g.code").as("code"),
      eb.fn.min<string>("g.zone_slug").as("zone_slug"),
    ])
    .groupBy(["g.cx", "g.cy", "g.status"])
    .orderBy("g.cy")
    .orderBy("g.cx")
    .orderBy("g.status")
    .execute();
  return rows.map((r) => ({
    cx: Number(r.cx),
    cy: Number(r.cy),
    status: r.status,
    n: Number(r.n),
    lat: Number(r.lat),
    lon: Number(r.lon),
    south: Number(r.south),
    north: Number(r.north),
    west: Number(r.west),
    east: Number(r.east),
    code: r.code,
    zone_slug: r.zone_slug ?? null,
  }));
}

export interface PlotMarkerRow {
  code: string;
  status: string;
  lat: number;
  lon: number;
  zone_slug: string | null;
}

/** The filtered plots inside the box with only what a marker needs, by code, at most `limit`. */
export async function plotMarkers(db: Executor, box: Box, f: Partial<PlotFilters>, limit: number): Promise<PlotMarkerRow[]> {
  const rows = await inBox(filterPlots(plotsFrom(db), f), box)
    .select(["p.code", "p.status", "p.lat", "p.lon", "z.slug as zone_slug"])
    .orderBy("p.code")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ code: r.code, status: r.status, lat: Number(r.lat), lon: Number(r.lon), zone_slug: r.zone_slug ?? null }));
}

export interface ZoneMarkerRow {
  slug: string;
  kind: string;
  name_kk: string;
  name_ru: string;
  name_zh: string | null;
  name_en: string;
  centre_lat: number;
  centre_lon: number;
  geometry: string | null;
}

/**
 * Zones whose centre lies inside the box, filtered by district and kind, at most `limit`; the
 * outline column is read only when asked for (it is most of a zone row's weight).
 */
export async function zoneMarkers(
  db: Executor,
  box: Box,
  f: Pick<Partial<ZoneFilters>, "district" | "kind">,
  options: { outlines: boolean; limit: number },
): Promise<ZoneMarkerRow[]> {
  let q = db
    .selectFrom("zones as z")
    .innerJoin("territories as t", "t.id", "z.territory_id")
    .select(["z.slug", "z.kind", "z.name_kk", "z.name_ru", "z.name_zh", "z.name_en", "z.centre_lat", "z.centre_lon"])
    .select(options.outlines ? sql<string | null>`z.geometry`.as("geometry") : sql<null>`null`.as("geometry"))
    .where("z.centre_lat", ">=", box.south)
    .where("z.centre_lat", "<=", box.north)
    .where("z.centre_lon", ">=", box.west)
    .where("z.centre_lon", "<=", box.east);
  if (f.district) q = q.where("t.slug", "=", f.district);
  if (f.kind) q = q.where("z.kind", "=", f.kind);
  const rows = await q.orderBy("z.slug").limit(options.limit).execute();
  return rows.map((r) => ({ ...r, centre_lat: Number(r.centre_lat), centre_lon: Number(r.centre_lon), geometry: r.geometry ?? null }));
}
