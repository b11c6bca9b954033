import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";

export function siteApi(_app: Hono<AppEnv>, _api: ApiRegistry): void {}
