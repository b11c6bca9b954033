import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";

/** JSON API of the cooperation module. */
export function cooperationApi(_app: Hono<AppEnv>, _api: ApiRegistry): void {}
