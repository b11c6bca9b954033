import { pinyin } from "pinyin-pro";
import type { Locale } from "../../i18n/locales.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";
import { searchKey } from "../cooperation/cooperation.names.ts";
import type { Localized } from "./nace.ts";

/**
 * Text keys for partner matching across languages, computed once when a profile or request is
 * saved and stored with it. Two kinds of key:
 *  - "#cotton": a concept from the small multilingual list below, found in any of kk, ru, zh, en
 *    ("弹力面料", "elastic fabric" and "эластичная ткань" all give #elastic and #fabric);
 *  - "makta", "hlopch", "tanli": a word's search key (Kazakh and Russian Cyrillic → Latin,
 *    Chinese → toneless pinyin, two syllables at a time), cut to six letters so that inflected
 *    forms meet (хлопка, хлопок → "hlopka", "hlopok"; elastic, эластичный → "elasti").
 * Ranking only compares these strings; nothing is parsed per candidate.
 */

interface Concept {
  id: string;
  label: Localized;
  /**
   * Forms in any script. Chinese forms are found as substrings; other forms are matched on the
   * word's search key as a prefix ("хлоп" catches хлопок, хлопковый), or as the whole word when
   * written with a leading "=" (short words like "=gin" that would catch too much as prefixes).
   */
  forms: string[];
}

function concept(id: string, [en, ru, kk, zh]: [string, string, string, string], forms: string[]): Concept {
  return { id, label: { kk, ru, zh, en }, forms };
}

export const CONCEPTS: readonly Concept[] = [
  concept("cotton", ["cotton", "хлопок", "мақта", "棉"], ["cotton", "хлоп", "мақта", "棉"]),
  concept("wool", ["wool", "шерсть", "жүн", "羊毛"], ["wool", "шерст", "=жүн", "жүні", "羊毛"]),
  concept("fibre", ["fibre", "волокно", "талшық", "纤维"], ["fibre", "fiber", "волокн", "талшық", "纤维", "皮棉"]),
  concept(
    "yarn",
    ["yarn", "пряжа", "иірілген жіп", "纱线"],
    ["yarn", "пряж", "=жіп", "=жібі", "=жібін", "жіпт", "иірілген", "纱", "thread", "нить", "нитк"],
  ),
  concept("spinning", ["spinning", "прядение", "иіру", "纺纱"], ["spinn", "=spun", "прядил", "прядени", "иіру", "纺纱"]),
  concept("weaving", ["weaving", "ткачество", "тоқу", "织造"], ["weav", "loom", "ткацк", "ткачеств", "тоқу", "织造", "织机", "机织"]),
  concept("knitting", ["knitting", "трикотаж", "трикотаж", "针织"], ["knit", "трикотаж", "вязальн", "вязан", "针织", "编织"]),
  concept(
    "fabric",
    ["fabric", "ткань", "мата", "面料"],
    ["fabric", "cloth", "textile", "ткан", "полотн", "текстил", "мата", "кенеп", "тоқыма", "面料", "织物", "布料", "坯布", "纺织品"],
  ),
  concept("denim", ["denim", "деним", "деним", "牛仔布"], ["denim", "jeans", "деним", "джинс", "牛仔"]),
  concept(
    "elastic",
    ["elastic", "эластичный", "серпімді", "弹力"],
    [
      "elastic",
      "stretch",
      "spandex",
      "elastan",
      "lycra",
      "эласт",
      "стрейч",
      "спандекс",
      "лайкр",
      "серпімді",
      "созылмалы",
      "弹力",
      "弹性",
      "氨纶",
    ],
  ),
  concept(
    "dye",
    ["dyes", "красители", "бояғыштар", "染料"],
    ["dye", "indigo", "pigment", "красител", "крашен", "индиго", "пигмент", "бояу", "бояғыш", "染料", "靛蓝", "印染", "染色", "颜料"],
  ),
  concept(
    "garment",
    ["garments", "одежда", "киім", "服装"],
    ["garment", "apparel", "clothing", "sewing", "одежд", "швейн", "пошив", "=киім", "киімд", "тігін", "服装", "成衣", "制衣", "缝制"],
  ),
  concept(
    "leather",
    ["leather", "кожа", "былғары", "皮革"],
    ["leather", "hide", "tanner", "кожа", "кожи", "кожев", "шкур", "былғары", "=тері", "терілер", "皮革", "生皮", "制革", "羊皮"],
  ),
  concept("footwear", ["footwear", "обувь", "аяқ киім", "鞋"], ["footwear", "shoe", "boot", "обув", "=аяқ", "аяқкиім", "鞋"]),
  concept(
    "machinery",
    ["machinery", "оборудование", "жабдық", "设备"],
    ["machine", "equipment", "оборудован", "станок", "станк", "машин", "жабдық", "机械", "设备", "机器"],
  ),
  concept(
    "gin",
    ["cotton gins", "джины", "мақта тазалау", "轧花"],
    ["=gin", "=gins", "ginning", "ginner", "=джин", "джины", "хлопкоочист", "тазалау", "轧花"],
  ),
  concept("transformer", ["transformers", "трансформаторы", "трансформаторлар", "变压器"], ["transformer", "трансформатор", "变压器"]),
  concept(
    "switchgear",
    ["switchgear", "распределительные устройства", "тарату құрылғылары", "开关设备"],
    [
      "switchgear",
      "breaker",
      "circuit",
      "contactor",
      "выключател",
      "распределит",
      "контактор",
      "ажыратқыш",
      "тарату",
      "开关",
      "断路器",
      "配电",
      "接触器",
    ],
  ),
  concept(
    "cable",
    ["cables", "кабели", "кабельдер", "电缆"],
    ["cable", "wire", "conductor", "кабел", "провод", "кабель", "=сым", "сымд", "电缆", "电线", "导线"],
  ),
  concept(
    "solar",
    ["solar", "солнечный", "күн", "光伏"],
    ["solar", "photovolt", "=pv", "солнечн", "фотоэлектр", "фотоэлемент", "=күн", "光伏", "太阳能"],
  ),
  concept(
    "electricity",
    ["electricity", "электроэнергия", "электр", "电力"],
    ["electric", "power", "электр", "энерг", "电力", "电气", "发电", "输电"],
  ),
  concept(
    "logistics",
    ["freight", "грузоперевозки", "жүк тасымалы", "物流"],
    [
      "freight",
      "logistic",
      "transport",
      "forward",
      "shipping",
      "truck",
      "логист",
      "перевоз",
      "=груз",
      "грузо",
      "грузы",
      "груза",
      "транспорт",
      "экспедир",
      "тасымал",
      "=жүк",
      "көлік",
      "物流",
      "货运",
      "运输",
      "货代",
    ],
  ),
  concept("warehouse", ["warehousing", "склад", "қойма", "仓储"], ["warehous", "storage", "склад", "қойма", "仓储", "仓库"]),
  concept(
    "construction",
    ["construction", "строительство", "құрылыс", "建设"],
    ["construct", "builder", "=epc", "строит", "монтаж", "құрылыс", "建设", "建筑", "施工", "工程"],
  ),
  concept("investment", ["investment", "инвестиции", "инвестиция", "投资"], ["invest", "equity", "инвест", "投资", "股权"]),
  concept(
    "technology",
    ["technology", "технологии", "технология", "技术"],
    ["technolog", "licen", "know-how", "технолог", "лиценз", "技术", "许可"],
  ),
  concept(
    "joint_venture",
    ["joint venture", "совместное предприятие", "бірлескен кәсіпорын", "合资"],
    ["joint", "совместн", "бірлескен", "合资", "合营"],
  ),
  concept(
    "fertiliser",
    ["fertilisers", "удобрения", "тыңайтқыштар", "化肥"],
    ["fertili", "fertiliz", "удобрен", "тыңайтқыш", "化肥", "肥料"],
  ),
  concept("irrigation", ["irrigation", "орошение", "суару", "灌溉"], ["irrigat", "drip", "орошен", "капельн", "суару", "灌溉", "滴灌"]),
  concept(
    "melon",
    ["melons and fruit", "дыни и фрукты", "қауын мен жеміс", "瓜果"],
    ["melon", "fruit", "дыня", "дыни", "бахч", "фрукт", "қауын", "қарбыз", "жеміс", "瓜", "水果"],
  ),
  concept("vegetable", ["vegetables", "овощи", "көкөніс", "蔬菜"], ["vegetabl", "овощ", "көкөніс", "蔬菜"]),
  concept("meat", ["meat", "мясо", "ет", "肉类"], ["meat", "slaughter", "мяс", "убой", "=ет", "союға", "肉"]),
  concept(
    "plastic",
    ["plastics", "пластмассы", "пластмасса", "塑料"],
    ["plastic", "polymer", "=pvc", "пластик", "пластмасс", "полимер", "塑料", "聚合物"],
  ),
  concept(
    "packaging",
    ["packaging", "упаковка", "қаптама", "包装"],
    ["packag", "carton", "упаков", "картон", "=тара", "қаптама", "包装", "纸箱"],
  ),
  concept(
    "cement",
    ["cement and concrete", "цемент и бетон", "цемент және бетон", "水泥"],
    ["cement", "concrete", "цемент", "бетон", "水泥", "混凝土"],
  ),
  concept("steel", ["steel", "сталь", "болат", "钢"], ["steel", "=сталь", "стальн", "болат", "钢"]),
  concept("aluminium", ["aluminium", "алюминий", "алюминий", "铝"], ["alumin", "алюмин", "铝"]),
  concept("furniture", ["furniture", "мебель", "жиһаз", "家具"], ["furniture", "мебел", "жиһаз", "家具"]),
];

const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const WORDS = /[^\p{L}\p{N}]+/u;

/** Words that carry no meaning for matching, as search keys. */
const STOP = new Set(
  [
    "and",
    "the",
    "for",
    "with",
    "from",
    "our",
    "your",
    "per",
    "into",
    "that",
    "this",
    "are",
    "will",
    "can",
    "all",
    "any",
    "other",
    "company",
    "group",
    "ltd",
    "llc",
    "для",
    "или",
    "при",
    "под",
    "без",
    "наш",
    "наша",
    "наши",
    "ваш",
    "это",
    "как",
    "компания",
    "тоо",
    "ооо",
    "және",
    "үшін",
    "мен",
    "бен",
    "пен",
    "біз",
    "сіз",
    "бар",
    "жшс",
    "де",
    "да",
  ].map((w) => searchKey(w)),
);

/** How many leading letters of a word's key are kept: enough to tell words apart, few enough to fold endings. */
const STEM = 6;

const HAN_FORMS: [string, string][] = [];
const EXACT_FORMS = new Map<string, string[]>();
const PREFIX_FORMS: [string, string][] = [];
for (const c of CONCEPTS) {
  const key = `#${c.id}`;
  for (const form of c.forms) {
    if (HAN.test(form)) HAN_FORMS.push([form, key]);
    else if (form.startsWith("=")) {
      const k = searchKey(form.slice(1));
      EXACT_FORMS.set(k, [...(EXACT_FORMS.get(k) ?? []), key]);
    } else PREFIX_FORMS.push([searchKey(form), key]);
  }
}

function addWord(word: string, out: Set<string>): void {
  const key = searchKey(word);
  if (key.length < 2) return;
  for (const c of EXACT_FORMS.get(key) ?? []) out.add(c);
  for (const [prefix, c] of PREFIX_FORMS) if (key.startsWith(prefix)) out.add(c);
  if (key.length < 3 || STOP.has(key) || /^\d+$/.test(key)) return;
  out.add(key.slice(0, STEM));
}

function addHan(run: string, out: Set<string>): void {
  const syllables = pinyin(run, { toneType: "none", type: "array" });
  if (syllables.length === 1) {
    const only = syllables[0];
    if (only && only.length >= 3) out.add(only);
    return;
  }
  for (let i = 0; i + 1 < syllables.length; i++) out.add(`${syllables[i]}${syllables[i + 1]}`.slice(0, STEM));
}

/**
 * The text keys of a profile or request: concept keys ("#cotton") and word keys, from every text
 * given (names, descriptions and product names in all languages), unique and sorted.
 */
export function buildTextKeys(texts: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const lower = text.toLowerCase();
    if (HAN.test(lower)) for (const [form, c] of HAN_FORMS) if (lower.includes(form)) out.add(c);
    for (const word of lower.split(WORDS)) {
      if (!word) continue;
      if (!HAN.test(word)) {
        addWord(word, out);
        continue;
      }
      for (const run of word.match(HAN_RUNS) ?? []) {
        if (HAN.test(run)) addHan(run, out);
        else addWord(run, out);
      }
    }
  }
  return [...out].sort();
}

/** Whether a key is a concept ("#cotton") rather than a word. */
export function isConceptKey(key: string): boolean {
  return key.charCodeAt(0) === 35; // "#"
}

const CONCEPT_BY_KEY = new Map(CONCEPTS.map((c) => [`#${c.id}`, c]));

/** The order concepts are listed in, for stable explanations. */
export function conceptOrder(key: string): number {
  const c = CONCEPT_BY_KEY.get(key);
  return c ? CONCEPTS.indexOf(c) : Number.MAX_SAFE_INTEGER;
}

/** A concept key's word in the reader's language ("#cotton" → "мақта"); the key itself when unknown. */
export function conceptLabel(key: string, locale: Locale): string {
  const c = CONCEPT_BY_KEY.get(key) ?? CONCEPT_BY_KEY.get(`#${key}`);
  if (!c) return key;
  return locale === "kk-latn" ? toKazakhLatin(c.label.kk) : c.label[locale];
}
