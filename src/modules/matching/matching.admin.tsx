import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Back-office pages of the matching module. */
export function matchingAdminPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
