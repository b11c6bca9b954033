import type { MessageKey, MessageValues } from "../../i18n/i18n.ts";
import { ZONE_KINDS, ZONE_STATUSES } from "../sites/sites.schemas.ts";
import { normalizeHeader } from "./io.columns.ts";

/**
 * Zones from a GeoJSON FeatureCollection: properties carry the zone's fields, geometry its
 * outline. Everything is validated before anything is written; issues name the feature
 * (first = 1) and the property.
 */

export interface ZoneDraft {
  feature: number;
  slug: string;
  kind: (typeof ZONE_KINDS)[number];
  territorySlug: string;
  status: (typeof ZONE_STATUSES)[number];
  name: { kk: string; ru: string; zh: string | null; en: string };
  /** undefined = not in the file: keep what is stored. */
  parentSlug: string | null | undefined;
  operator: string | null | undefined;
  totalAreaHa: number | null | undefined;
  freeAreaHa: number | null | undefined;
  centre: { lat: number; lon: number } | undefined;
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: number[][][] | number[][][][] };
}

export interface GeoIssue {
  feature: number | null;
  property: string | null;
  message: MessageKey;
  values?: MessageValues;
}

const SLUG = /^[a-z0-9-]{1,100}$/;
/** Where a zone of Turkistan oblast or a partner region can be (the same box as plots' coordinates). */
const REGION = { latMin: 35, latMax: 56, lonMin: 46, lonMax: 135 };

type Props = Map<string, { name: string; value: unknown }>;

function props(raw: Record<string, unknown>): Props {
  const map: Props = new Map();
  for (const [name, value] of Object.entries(raw)) {
    if (name === "names" && value && typeof value === "object") {
      for (const [lang, text] of Object.entries(value as Record<string, unknown>))
        map.set(normalizeHeader(`name${lang}`), { name: `names.${lang}`, value: text });
    } else map.set(normalizeHeader(name), { name, value });
  }
  return map;
}

export function parseZones(text: string, maxFeatures: number): { drafts: ZoneDraft[]; issues: GeoIssue[] } {
  const issues: GeoIssue[] = [];
  const drafts: ZoneDraft[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { drafts, issues: [{ feature: null, property: null, message: "io.err.json" }] };
  }
  const collection = doc as { type?: unknown; features?: unknown };
  if (!doc || typeof doc !== "object" || collection.type !== "FeatureCollection" || !Array.isArray(collection.features))
    return { drafts, issues: [{ feature: null, property: null, message: "io.err.feature_collection" }] };
  if (collection.features.length > maxFeatures)
    return { drafts, issues: [{ feature: null, property: null, message: "io.err.limit_rows", values: { max: maxFeatures } }] };
  if (collection.features.length === 0) return { drafts, issues: [{ feature: null, property: null, message: "io.err.no_rows" }] };

  const seen = new Set<string>();
  collection.features.forEach((raw, index) => {
    const feature = index + 1;
    const f = raw as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (!raw || typeof raw !== "object" || f.type !== "Feature" || !f.properties || typeof f.properties !== "object") {
      issues.push({ feature, property: null, message: "io.err.feature" });
      return;
    }
    const p = props(f.properties as Record<string, unknown>);
    const before = issues.length;
    const issue = (property: string, message: MessageKey, values?: MessageValues) => issues.push({ feature, property, message, values });

    const text = (key: string, required: boolean, max = 300): string | null | undefined => {
      const entry = p.get(normalizeHeader(key));
      if (!entry || entry.value === null || entry.value === undefined || entry.value === "") {
        if (required) issue(entry?.name ?? key, "form.required");
        return entry ? null : undefined;
      }
      if (typeof entry.value !== "string" && typeof entry.value !== "number") {
        issue(entry.name, "io.err.text");
        return null;
      }
      const value = String(entry.value).trim();
      if (value.length > max) issue(entry.name, "form.too_long");
      return value;
    };
    const slugOf = (key: string, required: boolean): string | null | undefined => {
      const value = text(key, required, 100);
      if (typeof value === "string" && !SLUG.test(value)) issue(p.get(normalizeHeader(key))?.name ?? key, "io.err.slug");
      return value;
    };
    const choice = <T extends string>(key: string, values: readonly T[]): T => {
      const value = text(key, true);
      if (typeof value === "string" && !values.includes(value as T))
        issue(p.get(normalizeHeader(key))?.name ?? key, "io.err.choice", { values: values.join(", ") });
      return value as T;
    };
    const area = (key: string): number | null | undefined => {
      const entry = p.get(normalizeHeader(key));
      if (!entry) return undefined;
      if (entry.value === null || entry.value === "") return null;
      const n = typeof entry.value === "number" ? entry.value : Number(String(entry.value).replace(",", "."));
      if (!Number.isFinite(n)) issue(entry.name, "io.err.number");
      else if (n < 0) issue(entry.name, "form.not_negative");
      else if (n > 10_000_000) issue(entry.name, "form.too_large");
      return n;
    };

    const slug = slugOf("slug", true);
    if (typeof slug === "string" && SLUG.test(slug)) {
      if (seen.has(slug)) issue(p.get("slug")?.name ?? "slug", "io.err.slug_duplicate");
      seen.add(slug);
    }
    const kind = choice("kind", ZONE_KINDS);
    const status = choice("status", ZONE_STATUSES);
    const territorySlug = slugOf(p.has("territoryslug") ? "territorySlug" : "territory", true);
    const parentSlug = slugOf(p.has("parentslug") ? "parentSlug" : "parent", false);
    const name = {
      kk: text("name_kk", true) ?? "",
      ru: text("name_ru", true) ?? "",
      zh: text("name_zh", false) ?? null,
      en: text("name_en", true) ?? "",
    };
    const operator = text("operator", false, 200);
    const totalAreaHa = area("total_area_ha");
    const freeAreaHa = area("free_area_ha");
    const centreLat = area("centre_lat");
    const centreLon = area("centre_lon");
    const geometry = checkGeometry(f.geometry, (property, message, values) => issue(property, message, values));
    if (issues.length > before || !geometry) return;
    drafts.push({
      feature,
      slug: slug as string,
      kind,
      territorySlug: territorySlug as string,
      status,
      name,
      parentSlug,
      operator,
      totalAreaHa,
      freeAreaHa,
      centre: typeof centreLat === "number" && typeof centreLon === "number" ? { lat: centreLat, lon: centreLon } : undefined,
      geometry,
    });
  });
  return { drafts, issues };
}

type Report = (property: string, message: MessageKey, values?: MessageValues) => void;

function checkRing(ring: unknown, path: string, report: Report): boolean {
  if (!Array.isArray(ring)) {
    report(path, "io.err.coordinates");
    return false;
  }
  if (ring.length < 4) {
    report(path, "io.err.ring_short");
    return false;
  }
  for (const [i, position] of ring.entries()) {
    const at = `${path}[${i}]`;
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      position.length > 3 ||
      !position.every((n) => typeof n === "number" && Number.isFinite(n))
    ) {
      report(at, "io.err.coordinates");
      return false;
    }
    const [lon, lat] = position as [number, number];
    if (lat < REGION.latMin || lat > REGION.latMax || lon < REGION.lonMin || lon > REGION.lonMax) {
      report(at, "io.err.coordinates_range", { lon: String(lon), lat: String(lat) });
      return false;
    }
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    report(path, "io.err.ring_open");
    return false;
  }
  return true;
}

function checkPolygon(polygon: unknown, path: string, report: Report): boolean {
  if (!Array.isArray(polygon) || polygon.length === 0) {
    report(path, "io.err.coordinates");
    return false;
  }
  let ok = true;
  polygon.forEach((ring, i) => {
    if (!checkRing(ring, `${path}[${i}]`, report)) ok = false;
  });
  return ok;
}

function checkGeometry(raw: unknown, report: Report): ZoneDraft["geometry"] | null {
  const g = raw as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== "object" || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
    report("geometry.type", "io.err.geometry_type");
    return null;
  }
  if (g.type === "Polygon") {
    return checkPolygon(g.coordinates, "geometry.coordinates", report)
      ? { type: "Polygon", coordinates: g.coordinates as number[][][] }
      : null;
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    report("geometry.coordinates", "io.err.coordinates");
    return null;
  }
  let ok = true;
  g.coordinates.forEach((polygon, i) => {
    if (!checkPolygon(polygon, `geometry.coordinates[${i}]`, report)) ok = false;
  });
  return ok ? { type: "MultiPolygon", coordinates: g.coordinates as number[][][][] } : null;
}

/** The mean of the outer ring's vertices of the largest polygon: a label point, not a true centroid. */
export function centreOf(geometry: ZoneDraft["geometry"]): { lat: number; lon: number } {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates as number[][][]] : (geometry.coordinates as number[][][][]);
  const outer = polygons.map((p) => p[0] ?? []).sort((a, b) => b.length - a.length)[0] ?? [];
  const vertices = outer.slice(0, -1);
  const lon = vertices.reduce((s, v) => s + (v[0] ?? 0), 0) / Math.max(1, vertices.length);
  const lat = vertices.reduce((s, v) => s + (v[1] ?? 0), 0) / Math.max(1, vertices.length);
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}
