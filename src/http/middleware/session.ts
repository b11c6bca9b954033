import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { clearCookie, readCookie } from "../cookies.ts";

export const SESSION_COOKIE = "jibek_session";

/** Resolves the session cookie to a user; an expired or unknown cookie is cleared. */
export function session(): MiddlewareHandler<AppEnv> {
  return async function sessionMiddleware(c, next) {
    const token = readCookie(c, SESSION_COOKIE);
    const resolved = token ? await c.get("services").accounts.resolveSession(token) : null;
    c.set("session", resolved);
    if (token && !resolved) clearCookie(c, SESSION_COOKIE);
    await next();
  };
}
