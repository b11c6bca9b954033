import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { sourceOf } from "../../i18n/locales.ts";
import { naceClass, naceShortName } from "./nace.ts";
import type { ChainRelation, ClassRole, MatchReason, PartnerMatch, RequestKind } from "./partners.model.ts";
import { conceptLabel } from "./partners.text.ts";

/**
 * A partner match's reasons as sentences in the reader's language: "supplies 13.20 woven fabrics
 * that you buy for 14.13 outerwear", "both export to Russia", "request valid until 31 March
 * 2027". Class names come from nace.ts, countries from Intl.DisplayNames, dates and lists from
 * the locale's Intl formats; nothing here ranks anything.
 */

const KIND_LABEL: Record<RequestKind, MessageKey> = {
  supply: "enterprises.kind.supply",
  buy: "enterprises.kind.buy",
  contract_manufacturing: "enterprises.kind.contract_manufacturing",
  joint_venture: "enterprises.kind.joint_venture",
  investment_sought: "enterprises.kind.investment_sought",
  investment_offered: "enterprises.kind.investment_offered",
  technology: "enterprises.kind.technology",
  distribution: "enterprises.kind.distribution",
};

const RELATION_KEY: Record<ChainRelation, MessageKey> = {
  buys: "partners.x.chain_buys",
  supplies: "partners.x.chain_supplies",
  same: "partners.x.chain_same",
  serves: "partners.x.chain_serves",
  served_by: "partners.x.chain_served_by",
};

/** "13.20 woven fabrics" / "13.20 «маталар»". */
export function classLabel(i18n: I18n, code: string): string {
  return i18n.t("partners.x.class", { code, name: naceShortName(code, sourceOf(i18n.locale)) });
}

const regionNames = new Map<string, Intl.DisplayNames>();
const lists = new Map<string, Intl.ListFormat>();

function countryName(i18n: I18n, code: string): string {
  const tag = i18n.tag === "kk-Latn" ? "kk" : i18n.tag;
  let names = regionNames.get(tag);
  if (!names) {
    names = new Intl.DisplayNames(tag, { type: "region", fallback: "code" });
    regionNames.set(tag, names);
  }
  return names.of(code) ?? code;
}

function list(i18n: I18n, items: string[]): string {
  const tag = i18n.tag === "kk-Latn" ? "kk" : i18n.tag;
  let format = lists.get(tag);
  if (!format) {
    format = new Intl.ListFormat(tag, { type: "conjunction" });
    lists.set(tag, format);
  }
  return format.format(items);
}

function isWholesale(code: string): boolean {
  return naceClass(code)?.division === "46";
}

/** Which sentence a chain reason reads as, by the roles of the two classes and their relation. */
function chainKey(relation: ChainRelation, mine: string, theirs: string, mineRole: ClassRole, theirRole: ClassRole): MessageKey {
  if (mineRole === "need" && relation === "same") return "partners.x.offers_wanted";
  if (theirRole === "need" && relation === "same") return "partners.x.wants_offered";
  if (mineRole === "need" && relation === "supplies" && isWholesale(theirs)) return "partners.x.trades_wanted";
  if (theirRole === "need" && relation === "buys" && isWholesale(mine)) return "partners.x.wants_traded";
  return RELATION_KEY[relation];
}

function sentence(i18n: I18n, reason: MatchReason): string {
  switch (reason.code) {
    case "chain":
      return i18n.t(chainKey(reason.relation, reason.mine, reason.theirs, reason.mineRole, reason.theirRole), {
        mine: classLabel(i18n, reason.mine),
        theirs: classLabel(i18n, reason.theirs),
      });
    case "kinds":
      return i18n.t("partners.x.kinds", { mine: i18n.t(KIND_LABEL[reason.mine]), theirs: i18n.t(KIND_LABEL[reason.theirs]) });
    case "products":
      return i18n.t("partners.x.products", { codes: list(i18n, reason.hs) });
    case "markets":
      return i18n.t("partners.x.markets", {
        markets: list(
          i18n,
          reason.markets.map((m) => countryName(i18n, m)),
        ),
      });
    case "text":
      return i18n.t("partners.x.text", {
        terms: list(
          i18n,
          reason.terms.map((term) => conceptLabel(term, sourceOf(i18n.locale))),
        ),
      });
    case "valid_until":
      return i18n.t("partners.x.valid_until", { date: i18n.date(`${reason.date}T12:00:00Z`) });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** What a reason's sentence depends on (request ids do not show in it). */
function reasonKey(reason: MatchReason): string {
  switch (reason.code) {
    case "chain":
      return `c ${reason.relation} ${reason.mine} ${reason.theirs} ${reason.mineRole} ${reason.theirRole}`;
    case "kinds":
      return `k ${reason.mine} ${reason.theirs}`;
    case "products":
      return `p ${reason.hs.join(" ")}`;
    case "markets":
      return `m ${reason.markets.join(" ")}`;
    case "text":
      return `t ${reason.terms.join(" ")}`;
    case "valid_until":
      return `v ${reason.date}`;
  }
}

/**
 * Sentences already written, per language: matches repeat a few thousand reasons (class pairs,
 * kinds, dates), and writing one costs message formatting, Intl lists and dates. Bounded: the map
 * starts again once it holds MAX_SENTENCES.
 */
const written = new WeakMap<I18n, Map<string, string>>();
const MAX_SENTENCES = 20_000;

function capitalizedSentence(i18n: I18n, reason: MatchReason): string {
  let sentences = written.get(i18n);
  if (!sentences || sentences.size >= MAX_SENTENCES) {
    sentences = new Map();
    written.set(i18n, sentences);
  }
  const key = reasonKey(reason);
  let text = sentences.get(key);
  if (text === undefined) {
    text = capitalize(sentence(i18n, reason));
    sentences.set(key, text);
  }
  return text;
}

/** One sentence per reason, in the order the rules gave them, each starting with a capital. */
export function explainMatch(i18n: I18n, match: PartnerMatch): string[] {
  return match.reasons.map((r) => capitalizedSentence(i18n, r));
}

/** The reasons as one sentence: "Supplies 13.20 woven fabrics that you buy for 14.13 outerwear; both export to Russia; …". */
export function explainSentence(i18n: I18n, match: PartnerMatch): string {
  const separator = sourceOf(i18n.locale) === "zh" ? "；" : "; ";
  return capitalize(match.reasons.map((r) => sentence(i18n, r)).join(separator));
}
