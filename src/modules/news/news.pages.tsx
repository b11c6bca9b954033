import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Public pages of the news module. */
export function newsPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
