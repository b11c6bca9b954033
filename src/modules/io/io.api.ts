import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";

/** CSV and XLSX downloads of the catalogue lists. */
export function ioApi(_app: Hono<AppEnv>, _api: ApiRegistry): void {}
