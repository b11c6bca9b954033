import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Public pages of the cooperation module. */
export function cooperationPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
