import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";

/** JSON API of the matching module. */
export function matchingApi(_app: Hono<AppEnv>, _api: ApiRegistry): void {}
