import { pinyin } from "pinyin-pro";
import { toKazakhLatin } from "../../i18n/translit.ts";

/**
 * Text for search and entity links, the same on both engines: the application folds, segments and
 * romanises, so SQLite FTS5 and PostgreSQL `simple` full text only ever see space-separated terms.
 * Kazakh Cyrillic gets its 2021 Latin form, Chinese is split into words (Intl.Segmenter) with
 * their pinyin, Latin letters lose their diacritics (Türkıstan → turkistan).
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Letters NFKD does not decompose into a base letter plus marks. */
const FOLD: Record<string, string> = { ı: "i", ё: "е", ß: "ss", æ: "ae", ø: "o", đ: "d", ł: "l" };

/** Lower-case, diacritics off (Latin), ё → е; Kazakh Cyrillic letters (ә, қ, ү …) stay as they are. */
export function fold(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) {
    const mapped = FOLD[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // Only Latin letters lose their marks: й must not become и, nor ў become у.
    out += /[\u00c0-\u024f\u1e00-\u1eff]/.test(ch) ? ch.normalize("NFKD").replace(/\p{M}/gu, "") : ch;
  }
  return out;
}

/** Chinese words of a run of Han characters. */
export function chineseWords(text: string): string[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike && CJK.test(s.segment)).map((s) => s.segment);
}

function pinyinOf(word: string): string[] {
  const syllables = pinyin(word, { toneType: "none", type: "array" }).filter((s) => /^[a-zü]+$/.test(s));
  if (syllables.length === 0) return [];
  const joined = syllables.join("").replace(/ü/g, "v");
  return syllables.length > 1 ? [joined, ...syllables.map((s) => s.replace(/ü/g, "v"))] : [joined];
}

/** Words of a text (letters and digits), folded; Chinese runs split into words. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    if (CJK.test(raw)) {
      for (const part of raw.split(CJK_RUN)) if (part) out.push(part);
      for (const run of raw.match(CJK_RUN) ?? []) out.push(...chineseWords(run));
    } else out.push(raw);
  }
  return out;
}

/**
 * The indexed terms of a text: its words, the Kazakh Latin form of Cyrillic words, the pinyin of
 * Chinese words, and each Han character alone (so a query segmented differently still matches).
 */
export function indexTerms(text: string): string {
  const out: string[] = [];
  for (const raw of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    if (!CJK.test(raw)) {
      out.push(raw);
      if (/[\u0400-\u04ff]/.test(raw)) {
        const latin = fold(toKazakhLatin(raw));
        if (latin !== raw) out.push(latin);
      }
      continue;
    }
    for (const part of raw.split(CJK_RUN)) if (part) out.push(part);
    for (const run of raw.match(CJK_RUN) ?? []) {
      const segs = chineseWords(run);
      segs.forEach((w, i) => {
        out.push(w, ...pinyinOf(w));
        if (w.length > 1) out.push(...Array.from(w));
        // Two neighbouring words together too: the segmenter may split a name (产业/园) a query keeps whole.
        const next = segs[i + 1];
        if (next) out.push(w + next, pinyinOf(w + next)[0] ?? "");
      });
    }
  }
  return out.filter(Boolean).join(" ");
}

/**
 * Kazakh and Russian endings, longest first: case, possessive and plural suffixes of Kazakh,
 * adjective and noun endings of Russian. Used to find a name whatever its case
 * (Түркістан облысының, Туркестанской области) and to stem search words.
 */
const ENDINGS = [
  // Kazakh: possessive + case, then case, then possessive and plural
  "сындағы",
  "сіндегі",
  "ындағы",
  "індегі",
  "сының",
  "сінің",
  "сынан",
  "сінен",
  "сында",
  "сінде",
  "сымен",
  "сімен",
  "дағы",
  "дегі",
  "тағы",
  "тегі",
  "ының",
  "інің",
  "ынан",
  "інен",
  "ында",
  "інде",
  "ымен",
  "імен",
  "сына",
  "сіне",
  "менен",
  "ның",
  "нің",
  "дың",
  "дің",
  "тың",
  "тің",
  "дан",
  "ден",
  "тан",
  "тен",
  "нан",
  "нен",
  "нда",
  "нде",
  "мен",
  "бен",
  "пен",
  "лар",
  "лер",
  "дар",
  "дер",
  "тар",
  "тер",
  "ына",
  "іне",
  "сын",
  "сін",
  "ға",
  "ге",
  "қа",
  "ке",
  "да",
  "де",
  "та",
  "те",
  "ды",
  "ді",
  "ты",
  "ті",
  "ны",
  "ні",
  "на",
  "не",
  "сы",
  "сі",
  "ын",
  "ін",
  // Russian
  "скими",
  "ского",
  "скому",
  "ской",
  "ская",
  "ское",
  "ские",
  "ских",
  "ским",
  "скую",
  "ами",
  "ями",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ая",
  "яя",
  "ое",
  "ее",
  "ые",
  "ие",
  "ый",
  "ий",
  "ой",
  "ей",
  "ую",
  "юю",
  "ам",
  "ям",
  "ах",
  "ях",
  "ов",
  "ев",
  "ом",
  "ем",
  // single letters last: Kazakh possessive/dative, Russian noun endings
  "ы",
  "і",
  "а",
  "е",
  "я",
  "и",
  "у",
  "ю",
  "о",
  "ь",
];

const MIN_STEM = 3;

/** The Kazakh endings as they are written in the Latin alphabet (oblysynyñ → oblys), folded like the text. */
const LATIN_ENDINGS = [
  ...new Set(
    ENDINGS.slice(0, ENDINGS.indexOf("скими"))
      .map((e) => fold(toKazakhLatin(e)))
      .filter((e) => e.length >= 2),
  ),
].sort((a, b) => b.length - a.length);

/** The word and what is left of it without one or two known endings (at least three letters). */
export function stems(word: string): Set<string> {
  const out = new Set([word]);
  const latin = !/[\u0400-\u04ff]/.test(word);
  // Latin: an English plural, or a Kazakh ending in the Latin alphabet.
  if (latin && word.length > 4 && word.endsWith("s")) out.add(word.slice(0, -1));
  const endings = latin ? LATIN_ENDINGS : ENDINGS;
  const strip = (w: string) => {
    for (const e of endings) if (w.length - e.length >= MIN_STEM && w.endsWith(e)) out.add(w.slice(0, -e.length));
  };
  strip(word);
  for (const s of [...out]) if (s !== word) strip(s);
  return out;
}

/** The shortest stem: what a search word is reduced to before a prefix query. */
export function searchStem(word: string): string {
  let best = word;
  for (const s of stems(word)) if (s.length < best.length) best = s;
  return best;
}

/**
 * A search query as terms for a prefix match: words stemmed (Cyrillic), Kazakh Latin folded,
 * Chinese segmented. Each group is one query word; a group matches if any of its alternatives does.
 * Terms are letters and digits only, so they are safe inside an FTS5 or tsquery expression.
 */
export function queryGroups(q: string): string[][] {
  const groups: string[][] = [];
  for (const w of words(q.slice(0, 200)).slice(0, 12)) {
    if (CJK.test(w)) {
      // A Chinese word: itself as a prefix, or all of its characters (segmentation may differ).
      groups.push(w.length > 1 ? [w, Array.from(w).join(" ")] : [w]);
      continue;
    }
    if (w.length < 2 && !/\p{N}/u.test(w)) continue;
    const alternatives = new Set([searchStem(w)]);
    if (/[\u0400-\u04ff]/.test(w)) alternatives.add(searchStem(fold(toKazakhLatin(w))));
    groups.push([...alternatives].filter((a) => a.length > 0));
  }
  return groups.filter((g) => g.length > 0);
}

// Entity links

export type EntityType = "territory" | "zone" | "organisation" | "person" | "agreement";
export const ENTITY_TYPES: readonly EntityType[] = ["territory", "zone", "organisation", "person", "agreement"];

export interface EntityName {
  kk: string;
  ru: string;
  zh?: string | null;
  en: string;
}

/** One record a story can mention: its names in every language and any other names it goes by. */
export interface CatalogEntry {
  type: EntityType;
  key: string;
  name: EntityName;
  /** Other spellings: abbreviations, former names, other Chinese renderings … */
  aliases: string[];
  /** Path of its page after the locale (/territories/wenzhou), if it has one. */
  path: string | null;
}

/**
 * What the news module needs from the registry: names with their aliases. Territories and zones
 * come from their services today; organisations, people and agreements join when their module
 * exposes alias lists (see entityCatalog in news.service.ts).
 */
export interface EntityCatalog {
  entries: CatalogEntry[];
}

/** Words that say what kind of place a name is; a name without them is a weaker alias. */
const GENERIC = new Set(
  [
    "облысы",
    "облыс",
    "қаласы",
    "ауданы",
    "провинциясы",
    "город",
    "района",
    "район",
    "область",
    "провинция",
    "city",
    "district",
    "province",
    "region",
    "oblast",
    "prefecture",
  ].map(fold),
);
const GENERIC_ZH = /(省|市|州|区|县)$/;

export interface EntityMention {
  type: EntityType;
  key: string;
  name: EntityName;
  path: string | null;
  /** The words of the text that matched, as written. */
  matched: string;
  count: number;
}

interface Pattern {
  entry: CatalogEntry;
  /** Stems of each word of the alias. */
  words: Set<string>[];
  /** A shortened alias (generic words dropped): ignored when two records share it. */
  weak: boolean;
}

interface Token {
  word: string;
  stems: Set<string>;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    if (CJK.test(word)) continue;
    out.push({ word, stems: stems(word), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

function aliasForms(entry: CatalogEntry): { text: string; weak: boolean }[] {
  const names = [entry.name.kk, toKazakhLatin(entry.name.kk), entry.name.ru, entry.name.en, entry.name.zh ?? "", ...entry.aliases];
  const forms: { text: string; weak: boolean }[] = [];
  for (const name of names) {
    if (!name.trim()) continue;
    const compact = name.replace(/[\s\p{P}\p{S}]/gu, "");
    if (CJK.test(compact)) {
      // Mixed names ("Sauran 区小型工业园") are matched by neither rule: too easy to get wrong.
      if (!/^[\u3400-\u9fff\uf900-\ufaff]+$/.test(compact)) continue;
      forms.push({ text: compact, weak: false });
      const bare = compact.replace(GENERIC_ZH, "");
      if (bare.length >= 2 && bare !== compact) forms.push({ text: bare, weak: true });
      continue;
    }
    forms.push({ text: name, weak: false });
    const kept = (name.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !GENERIC.has(fold(w)));
    const shortened = kept.join(" ");
    if (kept.length > 0 && shortened !== name && kept.some((w) => w.length >= 4)) forms.push({ text: shortened, weak: true });
  }
  return forms;
}

/**
 * Finds the catalogue's records in a text through their names and aliases, in any script, with
 * Kazakh and Russian case endings. The longest match wins where names overlap, so
 * "Түркістан облысының" is the oblast and not the city of Türkıstan.
 */
export function findMentions(text: string, catalog: EntityCatalog): EntityMention[] {
  const patterns: Pattern[] = [];
  const cjkPatterns: { entry: CatalogEntry; text: string; weak: boolean }[] = [];
  const owners = new Map<string, Set<string>>();
  for (const entry of catalog.entries) {
    for (const form of aliasForms(entry)) {
      const id = `${entry.type}:${entry.key}`;
      const formKey = CJK.test(form.text) ? form.text : words(form.text).join(" ");
      if (!formKey) continue;
      if (!owners.has(formKey)) owners.set(formKey, new Set());
      owners.get(formKey)?.add(id);
      if (CJK.test(form.text)) cjkPatterns.push({ entry, text: form.text, weak: form.weak });
      else
        patterns.push({
          entry,
          words: tokens(form.text).map((t) => t.stems),
          weak: form.weak,
        });
    }
  }
  const ambiguous = (p: { weak: boolean }, formKey: string) => p.weak && (owners.get(formKey)?.size ?? 0) > 1;

  const found = new Map<string, EntityMention>();
  const add = (entry: CatalogEntry, matched: string) => {
    const id = `${entry.type}:${entry.key}`;
    const hit = found.get(id);
    if (hit) hit.count++;
    else found.set(id, { type: entry.type, key: entry.key, name: entry.name, path: entry.path, matched, count: 1 });
  };

  // Words: at each position the longest alias that matches wins.
  const toks = tokens(text);
  const overlaps = (a: Set<string>, b: Set<string>) => {
    for (const x of a) if (b.has(x)) return true;
    return false;
  };
  for (let i = 0; i < toks.length; ) {
    let best: { pattern: Pattern; length: number } | null = null;
    for (const p of patterns) {
      const n = p.words.length;
      if (n === 0 || i + n > toks.length || (best && n <= best.length)) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = overlaps(p.words[k] as Set<string>, (toks[i + k] as Token).stems);
      if (!ok) continue;
      const formKey = p.words.map((w) => [...w][0]).join(" ");
      if (ambiguous(p, formKey)) continue;
      best = { pattern: p, length: n };
    }
    if (best) {
      const first = toks[i] as Token;
      const last = toks[i + best.length - 1] as Token;
      add(best.pattern.entry, text.slice(first.start, last.end));
      i += best.length;
    } else i++;
  }

  // Chinese: substrings, longest first, each character used once.
  const used = new Array<boolean>(text.length).fill(false);
  for (const p of [...cjkPatterns].sort((a, b) => b.text.length - a.text.length)) {
    if (p.text.length < 2 || ambiguous(p, p.text)) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(p.text, from);
      if (at < 0) break;
      from = at + p.text.length;
      let free = true;
      for (let k = at; k < from; k++) if (used[k]) free = false;
      if (!free) continue;
      for (let k = at; k < from; k++) used[k] = true;
      add(p.entry, p.text);
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
