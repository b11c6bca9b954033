import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Back-office import and export of the catalogue (XLSX, CSV, GeoJSON). */
export function ioAdminPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
