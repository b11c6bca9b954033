import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { AppEnv } from "../context.ts";

/** Takes a sane X-Request-Id from the proxy or makes one; every log line of the request carries it. */
export function requestId(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestIdMiddleware(c, next) {
    const incoming = c.req.header("x-request-id");
    const id = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set("requestId", id);
    const log = logger.child({ reqId: id });
    c.set("log", log);
    const started = performance.now();
    await next();
    c.header("X-Request-Id", id);
    // The path only: query strings can carry tokens.
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, "request");
  };
}
