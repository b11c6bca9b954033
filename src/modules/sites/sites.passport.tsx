import { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";

/** Investment passports of zones and plots: printable pages and PDF downloads. */
export function passportPages(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
