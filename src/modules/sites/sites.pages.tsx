import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

export function sitePages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
