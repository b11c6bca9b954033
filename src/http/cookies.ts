import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./context.ts";

/** Cookie names: `__Host-` prefixed (Secure, Path=/, no Domain) when the portal is served over https. */
export function cookieName(c: Context<AppEnv>, base: string): string {
  return c.get("config").secureCookies ? `__Host-${base}` : base;
}

export function readCookie(c: Context<AppEnv>, base: string): string | undefined {
  return getCookie(c, cookieName(c, base));
}

export function writeCookie(c: Context<AppEnv>, base: string, value: string, options: { maxAge?: number; httpOnly?: boolean } = {}): void {
  setCookie(c, cookieName(c, base), value, {
    path: "/",
    httpOnly: options.httpOnly ?? true,
    secure: c.get("config").secureCookies,
    sameSite: "Lax",
    maxAge: options.maxAge,
  });
}

export function clearCookie(c: Context<AppEnv>, base: string): void {
  deleteCookie(c, cookieName(c, base), { path: "/", secure: c.get("config").secureCookies });
}
