/**
 * Kazakh Cyrillic → Latin by the improved alphabet of 28 January 2021 (31 letters).
 * Table: ../shared/data/facts.json → kazakh_latin_2021 (verified). Letters outside the
 * alphabet (Ё Ц Ч Щ Ъ Ь Э Ю Я) follow the single-source fallback recorded there.
 * Cyrillic stays the stored form: Latin → Cyrillic is lossy (И/Й → İ, Х/Һ → H).
 */
const LOWER: Record<string, string> = {
  а: "a",
  ә: "ä",
  б: "b",
  в: "v",
  г: "g",
  ғ: "ğ",
  д: "d",
  е: "e",
  ж: "j",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  қ: "q",
  л: "l",
  м: "m",
  н: "n",
  ң: "ñ",
  о: "o",
  ө: "ö",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ұ: "ū",
  ү: "ü",
  ф: "f",
  х: "h",
  һ: "h",
  ш: "ş",
  ы: "y",
  і: "ı",
  // outside the 31 letters (fallback)
  ё: "io",
  ц: "c",
  ч: "ç",
  щ: "şç",
  ъ: "",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
};

/** Upper-case forms that JavaScript's case mapping gets wrong (i ↔ İ, ı ↔ I), as in Turkish. */
const UPPER_SPECIAL: Record<string, string> = { i: "İ", ı: "I" };
const LOWER_SPECIAL: Record<string, string> = { İ: "i", I: "ı" };

/** Upper-cases Kazakh Latin text: i → İ, ı → I. `toLocaleUpperCase('kk')` maps i → I. */
export function kkLatnUpper(text: string): string {
  let out = "";
  for (const ch of text) out += UPPER_SPECIAL[ch] ?? ch.toUpperCase();
  return out;
}

/** Lower-cases Kazakh Latin text: İ → i, I → ı (no combining dot left behind). */
export function kkLatnLower(text: string): string {
  let out = "";
  for (const ch of text) out += LOWER_SPECIAL[ch] ?? ch.toLowerCase();
  return out;
}

function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Names repeat on every page (zones, districts): remember short results. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 10_000;

/** Transliterates every Cyrillic letter of `text`; anything else passes through unchanged. */
export function toKazakhLatin(text: string): string {
  if (!/[\u0400-\u04FF]/.test(text)) return text;
  if (text.length > 200) return transliterate(text);
  let latin = memo.get(text);
  if (latin === undefined) {
    latin = transliterate(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, latin);
  }
  return latin;
}

function transliterate(text: string): string {
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const latin = LOWER[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (ch === lower) {
      out += latin;
      continue;
    }
    // An upper-case letter: a two-letter result is all caps inside an all-caps word (ЮНЕСКО → İUNESKO).
    const allCaps =
      latin.length > 1 && (isUpperLetter(chars[i + 1]) || (isUpperLetter(chars[i - 1]) && !/\p{L}/u.test(chars[i + 1] ?? "")));
    out += allCaps ? kkLatnUpper(latin) : kkLatnUpper(latin.slice(0, 1)) + latin.slice(1);
  }
  return out;
}
