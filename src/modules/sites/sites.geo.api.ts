import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";

/** GeoJSON of zones, plots and premises (downloads and the map's viewport queries). */
export function geoApi(_app: Hono<AppEnv>, _api: ApiRegistry): void {}
