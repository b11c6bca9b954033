import { CATALOGS, type I18n, type MessageKey, type MessageValues } from "../../i18n/i18n.ts";
import { sourceOf } from "../../i18n/locales.ts";
import type { Evaluation, Outcome } from "./matching.rules.ts";
import type { CriterionKey } from "./matching.schemas.ts";

const LABEL: Record<CriterionKey, MessageKey> = {
  area: "matching.c.area",
  power: "matching.c.power",
  gas: "matching.c.gas",
  water: "matching.c.water",
  sewage: "matching.c.sewage",
  heat: "matching.c.heat",
  railSiding: "matching.c.rail_siding",
  rail: "matching.c.rail",
  airport: "matching.c.airport",
  border: "matching.c.border",
  city: "matching.c.city",
  zoneKinds: "matching.c.zone_kinds",
  citRelief: "matching.c.cit_relief",
  districts: "matching.c.districts",
  budget: "matching.c.budget",
  availability: "matching.c.availability",
};

/**
 * A message of this module, said in the reader's language. Its messages are plain `{name}`
 * substitutions in every catalogue, so they are filled in directly, with what intl-messageformat
 * would make of them (a value's String()), about ten times faster; a message with anything more
 * (plural, select, quotes) goes through `i18n.t`.
 */
function say(i18n: I18n, key: MessageKey, values?: MessageValues): string {
  const source = sourceOf(i18n.locale);
  const id = `${source}|${key}`;
  let parts = templates.get(id);
  if (parts === undefined) {
    const message = CATALOGS[source][key] ?? CATALOGS.en[key];
    parts = message !== undefined && /^[^'{}]*(\{[A-Za-z0-9_]+\}[^'{}]*)*$/.test(message) ? message.split(/\{([A-Za-z0-9_]+)\}/) : null;
    templates.set(id, parts);
  }
  if (parts === null) return i18n.t(key, values);
  let text = "";
  for (let i = 0; i < parts.length; i++) text += i % 2 === 0 ? parts[i] : String(values?.[parts[i] as string] ?? "");
  return i18n.script(text);
}

/** Each message split into text and argument names (odd places), or null when it needs ICU. */
const templates = new Map<string, string[] | null>();

export function criterionLabel(i18n: I18n, key: CriterionKey): string {
  return say(i18n, LABEL[key]);
}

export const OUTCOME_LABEL: Record<Outcome, MessageKey> = {
  met: "matching.outcome.met",
  closable: "matching.outcome.closable",
  short: "matching.outcome.short",
  unknown: "matching.outcome.unknown",
};

const UNIT_KEY: Record<string, MessageKey> = {
  kW: "unit.kw",
  "m³/h": "unit.m3h",
  "m³/day": "unit.m3d",
  "Gcal/h": "unit.gcalh",
  km: "unit.km",
  ha: "unit.ha",
  "m²": "unit.m2",
};

/** A number with its unit in the reader's language ("3 000 кВт", "3,000 kW"); the same ones recur, so they are kept. */
function qty(i18n: I18n, value: number | null, unit: string | null): string {
  const key = `${i18n.locale}|${unit}|${value}`;
  let text = quantities.get(key);
  if (text === undefined) {
    if (quantities.size >= KEPT) quantities.clear();
    text = formatQty(i18n, value, unit);
    quantities.set(key, text);
  }
  return text;
}

const quantities = new Map<string, string>();

function formatQty(i18n: I18n, value: number | null, unit: string | null): string {
  if (value === null) return say(i18n, "common.unknown");
  const n = i18n.number(value, { maximumFractionDigits: 2 });
  if (unit && unit in UNIT_KEY) return say(i18n, UNIT_KEY[unit] as MessageKey, { value: n });
  if (unit && /^[A-Z]{3}$/.test(unit)) return i18n.money(value, unit as "KZT");
  return n;
}

/**
 * One sentence per criterion, in the reader's language:
 * "Power: needs 3,000 kW, 1,800 kW free: 1,200 kW short; 2,000 kW can be connected in 9 months (KZT 120,000,000)".
 */
export function explain(i18n: I18n, e: Evaluation): string {
  // The same judgement reads the same in a language: a result page repeats most of them (the
  // need, "available now", "yes"), and formatting ICU messages is the page's main cost.
  const c = e.connect;
  const key =
    e.unit === null && c === null
      ? `${i18n.locale}|${e.criterion}|${e.outcome}|${e.have}`
      : `${i18n.locale}|${e.criterion}|${e.outcome}|${e.need}|${e.have}|${e.gap}|${e.unit}|${c ? `${c.months}|${c.capacity}|${c.costKzt}` : ""}`;
  let text = sentences.get(key);
  if (text === undefined) {
    if (sentences.size >= KEPT) sentences.clear();
    text = sentence(i18n, e);
    sentences.set(key, text);
  }
  return text;
}

/** Formatted explanations, by locale and judgement; emptied when full (a bound on memory, a few MB). */
const sentences = new Map<string, string>();
/** Entries kept per map (explanations, quantities) before it is emptied. */
const KEPT = 10_000;

function sentence(i18n: I18n, e: Evaluation): string {
  const label = criterionLabel(i18n, e.criterion);
  // Numbers are formatted only when the chosen message uses them (a result page explains ~100 criteria).
  const v = {
    label,
    get need() {
      return qty(i18n, e.need, e.unit);
    },
    get have() {
      return qty(i18n, e.have, e.unit);
    },
    get gap() {
      return qty(i18n, e.gap, e.unit);
    },
  };
  switch (e.criterion) {
    case "power":
    case "gas":
    case "water":
    case "sewage":
    case "heat": {
      if (e.outcome === "met") return say(i18n, "matching.x.capacity_met", v);
      if (e.outcome === "unknown" && !e.connect) return say(i18n, "matching.x.capacity_unknown", v);
      const connect = e.connect
        ? say(i18n, "matching.x.connect", {
            capacity: qty(i18n, e.connect.capacity, e.unit),
            months: e.connect.months ?? "?",
            cost: e.connect.costKzt === null ? say(i18n, "common.unknown") : i18n.money(e.connect.costKzt, "KZT"),
          })
        : say(i18n, "matching.x.no_connect");
      if (e.outcome === "closable")
        return say(i18n, e.have === null ? "matching.x.capacity_closable_unknown" : "matching.x.capacity_closable", { ...v, connect });
      if (e.outcome === "unknown") return say(i18n, "matching.x.capacity_unknown_connect", { ...v, connect });
      return say(i18n, "matching.x.capacity_short", { ...v, connect });
    }
    case "area":
      if (e.outcome === "met") return say(i18n, "matching.x.area_met", v);
      return say(i18n, (e.have ?? 0) < (e.need ?? 0) ? "matching.x.area_small" : "matching.x.area_large", v);
    case "rail":
    case "airport":
    case "border":
    case "city":
      if (e.outcome === "met") return say(i18n, "matching.x.distance_met", v);
      if (e.outcome === "unknown") return say(i18n, "matching.x.distance_unknown", v);
      return say(i18n, "matching.x.distance_short", v);
    case "budget":
      if (e.outcome === "met") return say(i18n, "matching.x.budget_met", v);
      if (e.outcome === "unknown") return say(i18n, e.have === null ? "matching.x.budget_unknown" : "matching.x.budget_terms", v);
      return say(i18n, "matching.x.budget_short", v);
    case "availability":
      return say(
        i18n,
        e.outcome === "met" ? "matching.x.available" : e.outcome === "closable" ? "matching.x.available_later" : "matching.x.unavailable",
      );
    default:
      return say(i18n, e.outcome === "met" ? "matching.x.yes" : e.outcome === "unknown" ? "matching.x.unknown" : "matching.x.no", v);
  }
}
