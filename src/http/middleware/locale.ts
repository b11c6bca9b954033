import type { MiddlewareHandler } from "hono";
import { i18nFor } from "../../i18n/i18n.ts";
import { DEFAULT_LOCALE, isLocale, type Locale, negotiateLocale } from "../../i18n/locales.ts";
import type { AppEnv } from "../context.ts";
import { readCookie, writeCookie } from "../cookies.ts";
import { AppError } from "../errors.ts";

export const LOCALE_COOKIE = "jibek_locale";

/** For /{locale}/… routes: an unknown segment is a 404; a visited locale is remembered for `/`. */
export function localeFromPath(): MiddlewareHandler<AppEnv> {
  return async function localeMiddleware(c, next) {
    const segment = c.req.path.split("/")[1];
    if (!isLocale(segment)) throw new AppError("not_found");
    c.set("locale", segment);
    c.set("i18n", i18nFor(segment));
    if (readCookie(c, LOCALE_COOKIE) !== segment) writeCookie(c, LOCALE_COOKIE, segment, { maxAge: 365 * 86400, httpOnly: false });
    await next();
  };
}

/** The cookie first (the user chose it), then Accept-Language, then Kazakh. */
export function preferredLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** For the API: `?locale=` first, then Accept-Language; messages and explanations follow it. */
export function localeFromRequest(): MiddlewareHandler<AppEnv> {
  return async function apiLocaleMiddleware(c, next) {
    const asked = c.req.query("locale");
    const locale = isLocale(asked) ? asked : preferredLocale(undefined, c.req.header("accept-language"));
    c.set("locale", locale);
    c.set("i18n", i18nFor(locale));
    await next();
  };
}
