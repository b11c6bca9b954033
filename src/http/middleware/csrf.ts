import type { MiddlewareHandler } from "hono";
import { hmac, randomToken, safeEqual } from "../../lib/crypto.ts";
import type { AppEnv } from "../context.ts";
import { readCookie, writeCookie } from "../cookies.ts";
import { AppError } from "../errors.ts";

export const CSRF_COOKIE = "jibek_csrf";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Synchronizer token derived from a per-browser random cookie (HMAC with the server secret),
 * plus an Origin check. Every state-changing request that carries cookies must pass both (QUALITY S5).
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async function csrfMiddleware(c, next) {
    const secret = c.get("config").sessionSecret;
    let seed = readCookie(c, CSRF_COOKIE);
    if (!seed || !/^[A-Za-z0-9_-]{43}$/.test(seed)) {
      seed = randomToken();
      writeCookie(c, CSRF_COOKIE, seed);
    }
    const expected = hmac(secret, `csrf:${seed}`);
    c.set("csrfSeed", seed);
    c.set("csrfToken", expected);
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header("origin");
      if (origin && origin !== "null" && origin !== c.get("config").publicUrl.origin && origin !== new URL(c.req.url).origin) {
        throw new AppError("csrf_failed");
      }
      const hasCookies = Boolean(c.req.header("cookie"));
      if (hasCookies) {
        let sent = c.req.header("x-csrf-token");
        if (!sent) {
          const type = c.req.header("content-type") ?? "";
          if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            const body = await c.req.parseBody();
            sent = typeof body._csrf === "string" ? body._csrf : undefined;
          }
        }
        if (!sent || !safeEqual(sent, expected)) throw new AppError("csrf_failed");
      }
    }
    await next();
  };
}
