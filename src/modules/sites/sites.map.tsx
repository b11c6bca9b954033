import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** The catalogue map page. */
export function mapPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
