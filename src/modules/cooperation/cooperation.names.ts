import { pinyin } from "pinyin-pro";
import { toKazakhLatin } from "../../i18n/translit.ts";

/**
 * Search keys for names typed in any script (docs/decisions/010). SQLite's lower() and LIKE fold
 * ASCII only, so every alias is stored with an ASCII key made here, and a query is turned into a
 * key the same way: Kazakh Cyrillic → 2021 Latin, Russian Cyrillic → Latin, Chinese → toneless
 * pinyin, then lower case, diacritics and punctuation dropped, and a few spellings folded so that
 * the Russian (Palladius) and pinyin forms of a Chinese name meet: Вэньчжоу and Wenzhou give the
 * same key. Misspellings no rule can reach (Қозыбеков) are stored as aliases of their own.
 */

/** Letters only Kazakh uses: a word with one of them is read as Kazakh, otherwise as Russian. */
const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

const RUSSIAN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** Kazakh Latin letters with diacritics → plain ASCII. */
const LATIN_FOLD: Record<string, string> = { ä: "a", ğ: "g", ñ: "n", ö: "o", ū: "u", ü: "u", ş: "sh", ı: "i", ç: "ch", q: "k" };

function russianToLatin(word: string): string {
  let out = "";
  for (const ch of word.toLowerCase()) out += RUSSIAN[ch] ?? ch;
  return out;
}

function cyrillicWordToLatin(word: string): string {
  if (!/[\u0400-\u04FF]/.test(word)) return word;
  return KAZAKH_ONLY.test(word) ? toKazakhLatin(word).toLowerCase() : russianToLatin(word);
}

const HAN = /\p{Script=Han}/u;

/** Toneless pinyin of the Chinese characters, other characters kept. */
function hanToPinyin(text: string): string {
  if (!HAN.test(text)) return text;
  return pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" }).join(" ");
}

/** Spellings folded on both sides of a comparison (stored keys and queries alike). */
function fold(latin: string): string {
  let s = "";
  for (const ch of latin.normalize("NFC")) s += LATIN_FOLD[ch] ?? ch;
  s = s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]/g, "");
  return s
    .replace(/chzh/g, "zh") // Palladius чж = pinyin zh (Чжан → Zhang)
    .replace(/kh/g, "h")
    .replace(/v/g, "w"); // Вэнь → ven ~ Wen
}

/** The ASCII key an alias is stored and searched under. */
export function searchKey(text: string): string {
  const words = hanToPinyin(text.toLowerCase())
    .split(/\s+/)
    .map((w) => cyrillicWordToLatin(w));
  return fold(words.join(" ").toLowerCase());
}

/** Which script a name is written in, for display and for the export. */
export function scriptOf(text: string): "hans" | "cyrl-kk" | "cyrl" | "latn" | "other" {
  if (HAN.test(text)) return "hans";
  if (/[\u0400-\u04FF]/.test(text)) return KAZAKH_ONLY.test(text) ? "cyrl-kk" : "cyrl";
  if (/[A-Za-z]/.test(text)) return "latn";
  return "other";
}
