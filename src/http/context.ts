import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { Locale } from "../i18n/locales.ts";
import type { SessionContext } from "../modules/accounts/accounts.service.ts";
import type { Services } from "../services.ts";
import type { Flash } from "../views/context.ts";

/** Variables every handler can read with c.get(...). */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    config: Config;
    services: Services;
    session: SessionContext | null;
    /** Random per-browser value the CSRF token is derived from. */
    csrfSeed: string;
    csrfToken: string;
    locale: Locale;
    i18n: I18n;
    flash: Flash | null;
  };
}
