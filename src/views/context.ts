import type { I18n } from "../i18n/i18n.ts";
import type { Locale } from "../i18n/locales.ts";

/** What every page needs to render, built once per request by the portal middleware. */
export interface ViewUser {
  displayName: string;
  role: string;
  isStaff: boolean;
  /** Represents an organisation of the enterprise directory (has its own pages there). */
  representative?: boolean;
}

export interface Flash {
  kind: "success" | "error" | "info";
  message: string;
}

export interface PageContext {
  i18n: I18n;
  locale: Locale;
  /** Path after the locale segment, with query, for the language switcher ("/territories?page=2"). */
  pathAfterLocale: string;
  user: ViewUser | null;
  csrfToken: string;
  flash: Flash | null;
  publicUrl: string;
}

/** A link within the current locale. */
export function href(ctx: Pick<PageContext, "locale">, path = ""): string {
  return `/${ctx.locale}${path}`;
}
