import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Security headers on every response, errors included (QUALITY S8). */
export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler<AppEnv> {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const h = c.res.headers;
    // Uploaded files get a stricter policy: nothing runs, even if a file slipped past the checks.
    h.set("Content-Security-Policy", c.req.path.startsWith("/files/") ? "default-src 'none'; img-src 'self'; sandbox" : CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "strict-origin-when-cross-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (options.hsts) h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    h.delete("X-Powered-By");
    h.delete("Server");
  };
}
