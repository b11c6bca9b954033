import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { can, isRole, isStaff } from "../modules/accounts/accounts.policy.ts";
import type { PageContext } from "../views/context.ts";
import type { AppEnv } from "./context.ts";
import { takeFlash } from "./flash.ts";

/** Everything a view needs from the request, in one object. */
export function pageContext(c: Context<AppEnv>): PageContext {
  const locale = c.get("locale");
  const url = new URL(c.req.url);
  const user = c.get("session")?.user;
  let flash = c.get("flash");
  if (flash === undefined) {
    flash = takeFlash(c);
    c.set("flash", flash);
  }
  return {
    i18n: c.get("i18n"),
    locale,
    pathAfterLocale:
      url.pathname === `/${locale}` || url.pathname.startsWith(`/${locale}/`) ? url.pathname.slice(locale.length + 1) + url.search : "",
    user: user
      ? {
          displayName: user.displayName,
          role: user.role,
          isStaff: isRole(user.role) && isStaff(user.role),
          representative: can(user, "enterprises:edit-own"),
        }
      : null,
    csrfToken: c.get("csrfToken"),
    flash,
    publicUrl: c.get("config").publicUrl.origin,
  };
}

export function render(
  c: Context<AppEnv>,
  page: JSX.Element,
  status: 200 | 400 | 401 | 403 | 404 | 405 | 413 | 422 | 429 | 500 | 503 = 200,
) {
  c.header("Cache-Control", "no-store");
  return c.html(`<!doctype html>${String(page)}`, status);
}
