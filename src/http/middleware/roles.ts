import type { MiddlewareHandler } from "hono";
import { type Action, can } from "../../modules/accounts/accounts.policy.ts";
import type { AppEnv } from "../context.ts";
import { AppError } from "../errors.ts";

/**
 * Guards a group of pages: anonymous visitors are sent to the login page (GET) or refused (401);
 * signed-in users without the permission get 403.
 */
export function requirePermission(action: Action): MiddlewareHandler<AppEnv> {
  return async function requirePermissionMiddleware(c, next) {
    const session = c.get("session");
    if (!session) {
      if ((c.req.method === "GET" || c.req.method === "HEAD") && !c.req.path.startsWith("/api/")) {
        const locale = c.get("locale");
        return c.redirect(`/${locale}/login?next=${encodeURIComponent(c.req.path)}`, 302);
      }
      throw new AppError("unauthenticated");
    }
    if (!can(session.user, action)) throw new AppError("forbidden");
    await next();
  };
}

/** Any signed-in user. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async function requireSessionMiddleware(c, next) {
    if (!c.get("session")) {
      if ((c.req.method === "GET" || c.req.method === "HEAD") && !c.req.path.startsWith("/api/")) {
        return c.redirect(`/${c.get("locale")}/login?next=${encodeURIComponent(c.req.path)}`, 302);
      }
      throw new AppError("unauthenticated");
    }
    await next();
  };
}
