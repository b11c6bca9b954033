import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Back-office pages of the news module. */
export function newsAdminPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
