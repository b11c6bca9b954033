/** URL segment of each locale, in the order the switcher shows them. */
export const LOCALES = ["kk", "kk-latn", "ru", "zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Locales that have their own message file; kk-latn is derived from kk. */
export const SOURCE_LOCALES = ["kk", "ru", "zh", "en"] as const;
export type SourceLocale = (typeof SOURCE_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "kk";

/** BCP 47 tag for lang, hreflang and Intl. */
export const LOCALE_TAG: Record<Locale, string> = {
  kk: "kk",
  "kk-latn": "kk-Latn",
  ru: "ru",
  zh: "zh-Hans",
  en: "en",
};

/** Each locale's name in its own language, for the switcher. */
export const LOCALE_NAME: Record<Locale, string> = {
  kk: "Қазақша",
  "kk-latn": "Qazaqşa",
  ru: "Русский",
  zh: "中文",
  en: "English",
};

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && (LOCALES as readonly string[]).includes(value);
}

/** The message file and Intl locale behind a URL locale. */
export function sourceOf(locale: Locale): SourceLocale {
  return locale === "kk-latn" ? "kk" : locale;
}

/** Picks the best locale from an Accept-Language header (RFC 9110 q-values). */
export function negotiateLocale(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag.startsWith("kk-latn")) return "kk-latn";
    const primary = tag.split("-")[0];
    if (primary === "kk" || primary === "kz") return "kk";
    if (primary === "ru") return "ru";
    if (primary === "zh") return "zh";
    if (primary === "en") return "en";
  }
  return undefined;
}
