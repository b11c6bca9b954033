import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { trimTrailingSlash } from "hono/trailing-slash";
import { sql } from "kysely";
import type { Logger } from "pino";
import { ZodError } from "zod";
import type { Config } from "./config/config.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { admin } from "./http/admin.tsx";
import { api, apiReferencePage } from "./http/api.tsx";
import type { AppEnv } from "./http/context.ts";
import { AppError, ERROR_MESSAGE } from "./http/errors.ts";
import { setFlash } from "./http/flash.ts";
import { csrf } from "./http/middleware/csrf.ts";
import { LOCALE_COOKIE, localeFromPath, localeFromRequest, preferredLocale } from "./http/middleware/locale.ts";
import { PageCache } from "./http/middleware/page-cache.ts";
import { requestId } from "./http/middleware/request-id.ts";
import { securityHeaders } from "./http/middleware/security-headers.ts";
import { session } from "./http/middleware/session.ts";
import { portal } from "./http/portal.tsx";
import { pageContext, render } from "./http/render.ts";
import { i18nFor } from "./i18n/i18n.ts";
import { isLocale } from "./i18n/locales.ts";
import { MAX_LOGO_BYTES } from "./modules/enterprises/enterprises.schemas.ts";
import { DEFAULT_LIMITS, UPLOAD_OVERHEAD_BYTES } from "./modules/io/io.schemas.ts";
import { fileRoutes } from "./modules/sites/sites.files.ts";
import { createServices, type Services } from "./services.ts";
import { STATIC_FILES } from "./views/assets.ts";
import { PageHeader } from "./views/components.tsx";
import { href } from "./views/context.ts";
import { Layout } from "./views/layout.tsx";

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
}

export interface JibekApp {
  app: Hono<AppEnv>;
  services: Services;
  /** Anonymous pages in memory; the server asks it first (see main.ts). Null when turned off. */
  pageCache: PageCache | null;
}

/** Builds the application; never listens (tests call app.request). */
export function createApp({ config, database, logger }: AppDeps): JibekApp {
  const services = createServices(database.db, config, logger);
  const app = new Hono<AppEnv>();

  // Anonymous public pages are served from memory, as final bytes; a successful write empties it.
  // Outermost, so what it keeps carries every header the chain below adds.
  const pageCache =
    config.pageCacheSeconds > 0
      ? new PageCache({ ttlMs: config.pageCacheSeconds * 1000, staleMs: config.pageCacheSeconds * 10_000, maxBytes: 64 * 1024 * 1024 })
      : null;
  if (pageCache) {
    app.use("*", pageCache.middleware);
    pageCache.renderWith(async (path) => app.fetch(pageCache.refreshRequest(path)));
  }

  app.use("*", requestId(logger), securityHeaders({ hsts: config.secureCookies }));
  app.use("*", async function inject(c, next) {
    c.set("config", config);
    c.set("services", services);
    await next();
  });
  app.use("*", trimTrailingSlash());

  for (const file of STATIC_FILES) {
    app.get(`/static/${file.name}`, (c) => {
      c.header("Content-Type", file.type);
      c.header("Cache-Control", c.req.query("v") === file.hash ? "public, max-age=31536000, immutable" : "public, max-age=300");
      return c.body(new Uint8Array(file.body));
    });
  }

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await sql`select 1`.execute(database.db);
      return c.json({ status: "ready", database: database.dialect });
    } catch (error) {
      c.get("log").error({ err: error }, "readiness check failed");
      return c.json({ status: "unavailable" }, 503);
    }
  });
  app.get("/robots.txt", (c) =>
    c.text("User-agent: *\nDisallow: /kk/admin\nDisallow: /kk-latn/admin\nDisallow: /ru/admin\nDisallow: /zh/admin\nDisallow: /en/admin\n"),
  );
  app.get("/", (c) => {
    c.header("Vary", "Accept-Language, Cookie");
    c.header("Cache-Control", "no-store");
    const locale = preferredLocale(
      getCookie(c, c.get("config").secureCookies ? `__Host-${LOCALE_COOKIE}` : LOCALE_COOKIE),
      c.req.header("accept-language"),
    );
    return c.redirect(`/${locale}`, 302);
  });

  app.route("/", fileRoutes());

  const { routes: apiRoutes, registry } = api();
  app.use("/api/*", localeFromRequest(), session(), csrf());
  app.route("/", apiRoutes);

  // Imports carry spreadsheets: their own, larger limit (checked again, with more, by the importer).
  const importLimit = bodyLimit({
    maxSize: DEFAULT_LIMITS.maxFileBytes + UPLOAD_OVERHEAD_BYTES,
    onError: () => {
      throw new AppError("payload_too_large");
    },
  });
  // A logo may weigh up to 2 MB: its form gets that much (the service refuses a bigger image with its own message).
  // A far bigger file is refused the same way: back to the form's page with that message, not a bare 413.
  const logoLimit = bodyLimit({
    maxSize: MAX_LOGO_BYTES + UPLOAD_OVERHEAD_BYTES,
    onError: (c) => {
      const back = formPageOf(c);
      if (!back) throw new AppError("payload_too_large");
      setFlash(c, "error", "enterprises.logo_too_large");
      return c.redirect(back, 303);
    },
  });
  const uploadsOrForms: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.path.endsWith("/admin/import") ? importLimit(c, next) : c.req.path.endsWith("/logo") ? logoLimit(c, next) : formLimit(c, next);
  const formLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError("payload_too_large");
    },
  });
  app.use("/:locale", localeFromPath(), session(), uploadsOrForms, csrf());
  app.use("/:locale/*", localeFromPath(), session(), uploadsOrForms, csrf());
  app.route("/", portal());
  app.route("/", apiReferencePage(registry));
  app.route("/", admin());

  app.notFound((c) => renderError(c, new AppError("not_found")));
  app.onError((error, c) => renderError(c, error));

  return { app, services, pageCache };
}

/**
 * The page of ours a form was sent from (its Referer, same origin only), to send the browser back
 * to; null without one, or when it is the form's own address (a refused form shown there again).
 */
function formPageOf(c: Context<AppEnv>): string | null {
  const referer = c.req.header("referer");
  if (!referer || !URL.canParse(referer)) return null;
  const from = new URL(referer);
  const ours = from.origin === new URL(c.req.url).origin || from.origin === c.get("config").publicUrl.origin;
  return ours && from.pathname !== c.req.path ? `${from.pathname}${from.search}` : null;
}

/** The one place errors become responses: JSON under /api, a localized page elsewhere. */
function renderError(c: Context<AppEnv>, error: Error) {
  // Input that failed a schema the handler parsed directly is the caller's mistake, not ours.
  const appError =
    error instanceof AppError
      ? error
      : error instanceof ZodError
        ? new AppError("validation_failed", Object.fromEntries(error.issues.map((i) => [i.path.join(".") || "_", i.message])))
        : new AppError("internal");
  if (!(error instanceof AppError) && !(error instanceof ZodError)) c.get("log")?.error({ err: error }, "unhandled error");
  const segment = c.req.path.split("/")[1];
  const locale = isLocale(segment) ? segment : preferredLocale(undefined, c.req.header("accept-language"));
  const i18n = c.get("i18n") ?? i18nFor(locale);
  const message = i18n.t(ERROR_MESSAGE[appError.code]);
  const status = appError.status as 400 | 401 | 403 | 404 | 405 | 413 | 422 | 500;
  if (c.req.path.startsWith("/api/")) {
    return c.json({ error: { code: appError.code, message, ...(appError.details ? { details: appError.details } : {}) } }, status);
  }
  if (!c.get("locale")) {
    c.set("locale", locale);
    c.set("i18n", i18n);
  }
  if (c.get("csrfToken") === undefined) c.set("csrfToken", "");
  if (c.get("session") === undefined) c.set("session", null);
  const ctx = pageContext(c);
  return render(
    c,
    <Layout ctx={ctx} title={i18n.t("error.title", { status })} noindex>
      <PageHeader title={message} lead={i18n.t("error.code", { code: appError.code, status })} />
      <p>
        <a class="button" href={href(ctx)}>
          {i18n.t("error.go_home")}
        </a>
      </p>
      <p class="muted">{i18n.t("error.request_id", { id: c.get("requestId") ?? "" })}</p>
    </Layout>,
    status,
  );
}
