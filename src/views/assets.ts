import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { projectPath } from "../lib/root.ts";

/** Static files, read once; URLs carry a content hash so they can be cached for a year. */
function load(name: string, type: string) {
  const body = readFileSync(projectPath("static", name));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { name, type, body, hash, url: `/static/${name}?v=${hash}` };
}

export const STATIC_FILES = [
  load("app.css", "text/css; charset=utf-8"),
  load("jibek.svg", "image/svg+xml"),
  // The catalogue map: Leaflet and its cluster plugin (vendored, see static/vendor), our script, the boundaries.
  load("vendor/leaflet.js", "text/javascript; charset=utf-8"),
  load("vendor/leaflet.css", "text/css; charset=utf-8"),
  load("vendor/leaflet.markercluster.js", "text/javascript; charset=utf-8"),
  load("vendor/MarkerCluster.css", "text/css; charset=utf-8"),
  load("map.js", "text/javascript; charset=utf-8"),
  load("map.css", "text/css; charset=utf-8"),
  load("geo/turkistan.geojson", "application/geo+json"),
  // Investment passports: the printable page's stylesheet, also inlined into the PDF.
  load("passport.css", "text/css; charset=utf-8"),
  // News: the story and list styles, and the native share button (Web Share API).
  load("news.css", "text/css; charset=utf-8"),
  load("share.js", "text/javascript; charset=utf-8"),
];

export const ASSETS = {
  css: STATIC_FILES[0]?.url ?? "",
  icon: STATIC_FILES[1]?.url ?? "",
  passportCss: STATIC_FILES.find((f) => f.name === "passport.css")?.url ?? "",
};
