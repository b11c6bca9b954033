import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Back-office pages of the cooperation module. */
export function cooperationAdminPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
