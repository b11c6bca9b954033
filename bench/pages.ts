import { gzipSync } from "node:zlib";
import { createApp } from "../src/app.tsx";
import { loadConfig } from "../src/config/config.ts";
import { openDatabase } from "../src/db/open.ts";
import { withStatementCounter } from "../src/db/statement-counter.ts";
import { createLogger } from "../src/lib/logger.ts";

/** The public pages the benchmark asks for, and the in-process checks P5 (statements) and P6 (weight). */

/** P1: the pages QUALITY P1 names (home, a catalogue list, a site, an article), served over the synthetic set. */
export const P1_PAGES = [
  "/en",
  "/en/territories",
  "/en/plots?status=free&powerMin=1000&sort=-area",
  "/en/plots/SYN-P000001",
  "/en/zones",
  "/en/news/turkistan-wenzhou-meeting",
];

/** P5 and P6: every public page of the catalogue, the map separately (its budget is 250 KB). */
export const CHECKED_PAGES = [
  "/en",
  "/en/territories",
  "/en/territories/turkistan-city",
  "/en/plots",
  "/en/plots?status=free&powerMin=1000&sort=-area",
  "/en/plots?district=sayram-district&rail=1&areaMin=5&sort=-power",
  "/en/plots/SYN-P000001",
  "/en/premises",
  "/en/premises/SYN-B00001",
  "/en/zones",
  "/en/zones/syn-zone-00001",
  "/en/news/turkistan-wenzhou-meeting",
  "/ru/plots?status=free&powerMin=1000&sort=-area",
  "/zh/zones",
  "/en/map",
  "/en/map?status=free&powerMin=1000",
];

export const MAP_PAGE = /^\/[a-z-]+\/map(\?|$)/;

export type Target = { dialect: "sqlite"; dataDir: string } | { dialect: "postgres"; url: string };

function openApp(target: Target) {
  const config = loadConfig({
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    DEMO_DATA: "false",
    ...(target.dialect === "sqlite" ? { DATA_DIR: target.dataDir } : { DATABASE_URL: target.url, DATA_DIR: "/tmp/jibek-bench-pg" }),
  });
  const database = openDatabase(config.database);
  const { app } = createApp({ config, database, logger: createLogger("warn") });
  return { app, close: () => database.db.destroy() };
}

export interface StatementCount {
  dialect: string;
  page: string;
  status: number;
  /** The first request after start: what a page costs without any cache. */
  cold: number;
  /** The same page again. */
  warm: number;
}

/** QUALITY P5: SQL statements per page, counted around an in-process request. */
export async function countStatements(target: Target, pages: string[]): Promise<StatementCount[]> {
  const { app, close } = openApp(target);
  const out: StatementCount[] = [];
  try {
    for (const page of pages) {
      const once = async () => {
        const { result, counter } = withStatementCounter(() => app.request(page));
        const res = await result;
        await res.arrayBuffer();
        return { status: res.status, statements: counter.statements };
      };
      const cold = await once();
      const warm = await once();
      out.push({ dialect: target.dialect, page, status: cold.status, cold: cold.statements, warm: warm.statements });
    }
  } finally {
    await close();
  }
  return out;
}

export interface PageWeight {
  page: string;
  status: number;
  htmlBytes: number;
  /** gzip (level 6, as a reverse proxy would) in bytes. */
  gzip: { html: number; css: number; js: number; data: number; other: number; total: number };
  assets: { url: string; kind: AssetKind; bytes: number; gzip: number; status: number }[];
  /** Hosts other than our own that the page's HTML or CSS would make the browser ask. */
  foreignHosts: string[];
}

const gz = (b: Uint8Array) => gzipSync(b, { level: 6 }).length;

type AssetKind = "css" | "js" | "data" | "other";

/** URLs the browser fetches on its own when it reads the HTML: styles, scripts, images, icons, frames, preloads. */
function requestedUrls(html: string): { url: string; kind: AssetKind }[] {
  const out: { url: string; kind: AssetKind }[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1] ?? "";
    const url = /\bhref="([^"]*)"/i.exec(tag)?.[1];
    if (!url || !/stylesheet|icon|preload|modulepreload|manifest/i.test(rel)) continue;
    out.push({ url, kind: /stylesheet/i.test(rel) ? "css" : /modulepreload/i.test(rel) ? "js" : "other" });
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/gi)) out.push({ url: m[1] as string, kind: "js" });
  for (const m of html.matchAll(/<(?:img|iframe|source|video|audio)\b[^>]*\bsrc="([^"]*)"/gi))
    out.push({ url: m[1] as string, kind: "other" });
  // Data files a page hands its script (e.g. the map's boundaries), when it names them in the HTML.
  for (const m of html.matchAll(/["'](\/static\/[^"'\s]+\.(?:geojson|json)(?:\?[^"'\s]*)?)["']/gi))
    out.push({ url: m[1] as string, kind: "data" });
  const seen = new Set<string>();
  return out.filter((a) => !seen.has(a.url) && seen.add(a.url));
}

/**
 * What static/map.js asks for on first view, besides the boundaries: the map's plots and zones for
 * the viewport it fits first (the page's `view`, padded by a quarter as the script pads it) at
 * zoom 7. The script snaps that box to its own grid; bench/map-weight.ts weighs the browser's own
 * requests.
 */
function mapData(page: string, html: string): { url: string; kind: AssetKind }[] {
  if (!MAP_PAGE.test(page)) return [];
  const config = /<script type="application\/json" id="map-config">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const view = config ? (JSON.parse(config) as { view?: [[number, number], [number, number]] }).view : undefined;
  if (!view) return [];
  const [[south, west], [north, east]] = view;
  const padLon = (east - west) / 4;
  const padLat = (north - south) / 4;
  const bbox = [west - padLon, south - padLat, east + padLon, north + padLat].map((v) => v.toFixed(4)).join(",");
  const query = new URLSearchParams(page.split("?")[1] ?? "");
  const zones = new URLSearchParams({ locale: page.split("/")[1] ?? "en", bbox, zoom: "7" });
  const district = query.get("district");
  const kind = query.get("zoneKind");
  if (district) zones.set("district", district);
  if (kind) zones.set("kind", kind);
  query.set("bbox", bbox);
  query.set("zoom", "7");
  return [
    { url: `/api/v1/map/plots.geojson?${query}`, kind: "data" },
    { url: `/api/v1/map/zones.geojson?${zones}`, kind: "data" },
  ];
}

const decode = (s: string) => s.replaceAll("&amp;", "&");
function foreignHost(url: string): string | null {
  const m = /^(?:https?:)?\/\/([^/]+)/i.exec(url);
  return m ? (m[1] as string) : null;
}

/** QUALITY P6: each page with what it loads, gzipped. */
export async function weighPages(target: Target, pages: string[]): Promise<PageWeight[]> {
  const { app, close } = openApp(target);
  const out: PageWeight[] = [];
  try {
    for (const page of pages) {
      const res = await app.request(page);
      const body = new Uint8Array(await res.arrayBuffer());
      const html = new TextDecoder().decode(body);
      const assets: PageWeight["assets"] = [];
      const foreign = new Set<string>();
      for (const { url: raw, kind } of [...requestedUrls(html), ...mapData(page, html)]) {
        const url = decode(raw);
        const host = foreignHost(url);
        if (host) {
          foreign.add(host);
          continue;
        }
        const a = await app.request(url, kind === "data" ? { headers: { accept: "application/geo+json" } } : {});
        const bytes = new Uint8Array(await a.arrayBuffer());
        assets.push({ url, kind, bytes: bytes.length, gzip: gz(bytes), status: a.status });
        if (kind === "css")
          for (const m of new TextDecoder().decode(bytes).matchAll(/url\(\s*["']?((?:https?:)?\/\/[^/"')]+)/gi))
            foreign.add(foreignHost(m[1] as string) ?? "");
      }
      const sum = (k: AssetKind) => assets.filter((a) => a.kind === k).reduce((s, a) => s + a.gzip, 0);
      const html6 = gz(body);
      const gzip = { html: html6, css: sum("css"), js: sum("js"), data: sum("data"), other: sum("other"), total: 0 };
      gzip.total = gzip.html + gzip.css + gzip.js + gzip.data + gzip.other;
      out.push({ page, status: res.status, htmlBytes: body.length, gzip, assets, foreignHosts: [...foreign].filter(Boolean).sort() });
    }
  } finally {
    await close();
  }
  return out;
}
