import { all, type Expected } from "./roles.ts";

/** Permission rows of the map routes: the page, its GeoJSON and its static files are public. */
export const PERMISSIONS: Record<string, Expected> = {
  "GET /:locale/map": all(200),
  "GET /api/v1/plots.geojson": all(200),
  "GET /api/v1/zones.geojson": all(200),
  "GET /api/v1/premises.geojson": all(200),
  "GET /api/v1/map/plots.geojson": all(200),
  "GET /api/v1/map/zones.geojson": all(200),
  "GET /static/vendor/leaflet.js": all(200),
  "GET /static/vendor/leaflet.css": all(200),
  "GET /static/vendor/leaflet.markercluster.js": all(200),
  "GET /static/vendor/MarkerCluster.css": all(200),
  "GET /static/map.js": all(200),
  "GET /static/map.css": all(200),
  "GET /static/geo/turkistan.geojson": all(200),
};
