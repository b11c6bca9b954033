import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";

/** JSON API of the news module. */
export function newsApi(_app: Hono<AppEnv>, _api: ApiRegistry): void {}
