import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { projectPath } from "../lib/root.ts";
import type en from "./locales/en.json";
import { LOCALE_TAG, type Locale, SOURCE_LOCALES, type SourceLocale, sourceOf } from "./locales.ts";
import { toKazakhLatin } from "./translit.ts";

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date>;

function loadCatalog(locale: SourceLocale): Record<string, string> {
  const file = projectPath("src", "i18n", "locales", `${locale}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

/** The message files, read once. Tests compare their key sets. */
export const CATALOGS: Record<SourceLocale, Record<string, string>> = Object.fromEntries(
  SOURCE_LOCALES.map((l) => [l, loadCatalog(l)]),
) as Record<SourceLocale, Record<string, string>>;

const compiled = new Map<string, IntlMessageFormat>();

function compile(locale: SourceLocale, key: string): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    const message = CATALOGS[locale][key] ?? CATALOGS.en[key];
    if (message === undefined) throw new Error(`missing message ${key}`);
    format = new IntlMessageFormat(message, LOCALE_TAG[locale]);
    compiled.set(cacheKey, format);
  }
  return format;
}

/** A text in each language; kk-Latn is always derived from kk. */
export interface LocalizedText {
  kk: string;
  ru: string;
  zh?: string | null;
  en: string;
}

export interface I18n {
  locale: Locale;
  /** BCP 47 tag for lang attributes and Intl. */
  tag: string;
  t(key: MessageKey, values?: MessageValues): string;
  /** A key that arrives as data (an error's message key); unknown keys read as a generic "invalid value". */
  tx(key: string, values?: MessageValues): string;
  /** Picks the text for this locale, falling back to English (then Russian) when a translation is missing. */
  pick(text: LocalizedText): { text: string; lang: string };
  number(value: number, options?: Intl.NumberFormatOptions): string;
  money(amount: number, currency: "KZT" | "USD" | "CNY"): string;
  date(value: Date | string, style?: "long" | "short"): string;
  dateTime(value: Date | string): string;
  /** Kazakh Latin pages transliterate every Kazakh text, data included. */
  script(text: string): string;
}

function intlTag(locale: Locale): string {
  return LOCALE_TAG[sourceOf(locale)];
}

export function createI18n(locale: Locale): I18n {
  const source = sourceOf(locale);
  const script = locale === "kk-latn" ? toKazakhLatin : (s: string) => s;
  const tag = intlTag(locale);
  const numberFormat = new Intl.NumberFormat(tag);
  const dateFormats = {
    long: new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "Asia/Almaty" }),
    short: new Intl.DateTimeFormat(tag, { dateStyle: "short", timeZone: "Asia/Almaty" }),
  };
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Almaty" });
  const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  // Building an Intl.NumberFormat costs tens of µs: one per distinct options, kept (a result page formats hundreds).
  const formats = new Map<string, Intl.NumberFormat>();
  const formatter = (key: string, options: Intl.NumberFormatOptions) => {
    let format = formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(tag, options);
      formats.set(key, format);
    }
    return format;
  };
  return {
    locale,
    tag: LOCALE_TAG[locale],
    t(key, values) {
      return script(String(compile(source, key).format(values)));
    },
    tx(key, values) {
      const known = key in CATALOGS.en ? (key as MessageKey) : "form.invalid";
      return script(String(compile(source, known).format(values)));
    },
    pick(text) {
      if (source === "zh" && !text.zh) return { text: text.en, lang: "en" };
      const value = source === "zh" ? (text.zh as string) : text[source];
      return { text: script(value), lang: LOCALE_TAG[locale] };
    },
    number: (value, options) => script((options ? formatter(JSON.stringify(options), options) : numberFormat).format(value)),
    money: (amount, currency) => script(formatter(currency, { style: "currency", currency }).format(amount)),
    date: (value, style = "long") => script(dateFormats[style].format(toDate(value))),
    dateTime: (value) => script(dateTimeFormat.format(toDate(value))),
    script,
  };
}

const cache = new Map<Locale, I18n>();
export function i18nFor(locale: Locale): I18n {
  let i18n = cache.get(locale);
  if (!i18n) {
    i18n = createI18n(locale);
    cache.set(locale, i18n);
  }
  return i18n;
}
