import type { Context } from "hono";
import { CATALOGS, type MessageKey, type MessageValues } from "../i18n/i18n.ts";
import { hmac, safeEqual } from "../lib/crypto.ts";
import type { Flash } from "../views/context.ts";
import type { AppEnv } from "./context.ts";
import { clearCookie, readCookie, writeCookie } from "./cookies.ts";

const FLASH_COOKIE = "jibek_flash";

interface StoredFlash {
  kind: Flash["kind"];
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** A one-time message for the next page, signed so it cannot be forged into arbitrary text. */
export function setFlash(c: Context<AppEnv>, kind: Flash["kind"], key: MessageKey, values?: Record<string, string | number>): void {
  const payload = Buffer.from(JSON.stringify({ kind, key, values } satisfies StoredFlash)).toString("base64url");
  writeCookie(c, FLASH_COOKIE, `${payload}.${hmac(c.get("config").sessionSecret, `flash:${payload}`)}`, { maxAge: 60 });
}

export function takeFlash(c: Context<AppEnv>): Flash | null {
  const raw = readCookie(c, FLASH_COOKIE);
  if (!raw) return null;
  clearCookie(c, FLASH_COOKIE);
  const [payload = "", signature = ""] = raw.split(".");
  if (!safeEqual(signature, hmac(c.get("config").sessionSecret, `flash:${payload}`))) return null;
  try {
    const stored = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as StoredFlash;
    if (!(stored.key in CATALOGS.en)) return null;
    return { kind: stored.kind, message: c.get("i18n").t(stored.key, stored.values as MessageValues | undefined) };
  } catch {
    return null;
  }
}
