import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Public pages of the matching module. */
export function matchingPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
