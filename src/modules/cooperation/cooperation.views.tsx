import type { FC } from "hono/jsx";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { ConfidenceBadge } from "../../views/components.tsx";
import type {
  AgreementKind,
  AgreementStatus,
  HistoryEntry,
  Indicator,
  LocalText,
  OptionalText,
  OrganisationKind,
  ProjectStage,
  TieKind,
} from "./cooperation.schemas.ts";

/** Labels of the registry's enumerations as literal message keys (the unused-key check reads them). */
export const ORG_KIND_LABEL: Record<OrganisationKind, MessageKey> = {
  government_body: "coop.org_kind.government_body",
  company: "coop.org_kind.company",
  sez_operator: "coop.org_kind.sez_operator",
  association: "coop.org_kind.association",
};
export const TIE_KIND_LABEL: Record<TieKind, MessageKey> = {
  sister_region: "coop.tie_kind.sister_region",
  partner_city: "coop.tie_kind.partner_city",
  strategic_partnership: "coop.tie_kind.strategic_partnership",
};
export const AGREEMENT_KIND_LABEL: Record<AgreementKind, MessageKey> = {
  memorandum: "coop.agreement_kind.memorandum",
  agreement: "coop.agreement_kind.agreement",
  contract: "coop.agreement_kind.contract",
  protocol: "coop.agreement_kind.protocol",
};
export const AGREEMENT_STATUS_LABEL: Record<AgreementStatus, MessageKey> = {
  signed: "coop.agreement_status.signed",
  in_force: "coop.agreement_status.in_force",
  being_implemented: "coop.agreement_status.being_implemented",
  fulfilled: "coop.agreement_status.fulfilled",
  expired: "coop.agreement_status.expired",
  terminated: "coop.agreement_status.terminated",
};
export const STAGE_LABEL: Record<ProjectStage, MessageKey> = {
  idea: "coop.stage.idea",
  negotiation: "coop.stage.negotiation",
  agreement_signed: "coop.stage.agreement_signed",
  land_allotted: "coop.stage.land_allotted",
  construction: "coop.stage.construction",
  commissioned: "coop.stage.commissioned",
  operating: "coop.stage.operating",
  cancelled: "coop.stage.cancelled",
};
export const ROLE_LABEL = {
  investor: "coop.role.investor",
  developer: "coop.role.developer",
  builder: "coop.role.builder",
  operator: "coop.role.operator",
  participant: "coop.role.participant",
} as const satisfies Record<string, MessageKey>;
export const BASIS_LABEL: Record<Indicator["basis"], MessageKey> = {
  china_customs: "coop.basis.china_customs",
  kazakh_statistics: "coop.basis.kazakh_statistics",
  mirror_statistics: "coop.basis.mirror_statistics",
  official_statement: "coop.basis.official_statement",
  article: "coop.basis.article",
};
export const UNIT_LABEL: Record<Indicator["unit"], MessageKey> = {
  usd_bn: "coop.unit.usd_bn",
  usd_mn: "coop.unit.usd_mn",
  kzt_bn: "coop.unit.kzt_bn",
  count: "coop.unit.count",
  pct: "coop.unit.pct",
};
export const SITE_KIND_LABEL = {
  zone: "coop.site_kind.zone",
  plot: "coop.site_kind.plot",
  text: "coop.site_kind.text",
} as const satisfies Record<string, MessageKey>;

/** Stage or status as a coloured pill, reusing the catalogue's status colours where they fit. */
const PILL: Record<string, string> = {
  idea: "planned",
  negotiation: "reserved",
  agreement_signed: "allotted",
  land_allotted: "allotted",
  construction: "under_construction",
  commissioned: "operating",
  operating: "operating",
  cancelled: "idle",
  signed: "allotted",
  in_force: "operating",
  being_implemented: "under_construction",
  fulfilled: "operating",
  expired: "idle",
  terminated: "idle",
};

export const Pill: FC<{ i18n: I18n; value: string; label: MessageKey }> = ({ i18n, value, label }) => (
  <span class={`status status-${PILL[value] ?? "idle"}`} data-value={value}>
    {i18n.t(label)}
  </span>
);

/** A name in the page's language, marked with its real language when it falls back. */
export const Name: FC<{ i18n: I18n; name: LocalText }> = ({ i18n, name }) => {
  const { text, lang } = i18n.pick(name);
  return <span lang={lang === i18n.tag ? undefined : lang}>{text}</span>;
};

/** An optional text in the page's language, falling back to English, then Russian, then any. */
export function pickOptional(i18n: I18n, t: OptionalText | null): { text: string; lang: string } | null {
  if (!t) return null;
  const order: ("kk" | "ru" | "zh" | "en")[] =
    i18n.locale === "zh"
      ? ["zh", "en", "ru", "kk"]
      : i18n.locale === "en"
        ? ["en", "ru", "kk", "zh"]
        : i18n.locale === "ru"
          ? ["ru", "en", "kk", "zh"]
          : ["kk", "ru", "en", "zh"];
  const tags = { kk: "kk", ru: "ru", zh: "zh-Hans", en: "en" } as const;
  for (const l of order) {
    const v = t[l];
    if (v)
      return {
        text: l === "kk" ? i18n.script(v) : v,
        lang: l === order[0] ? i18n.tag : l === "kk" && i18n.locale === "kk-latn" ? i18n.tag : tags[l],
      };
  }
  return null;
}

export const OptionalName: FC<{ i18n: I18n; text: OptionalText | null }> = ({ i18n, text }) => {
  const picked = pickOptional(i18n, text);
  if (!picked) return null;
  return <span lang={picked.lang === i18n.tag ? undefined : picked.lang}>{picked.text}</span>;
};

/** A date known to the day, month or year, written as precisely as it is known. */
export function partialDate(i18n: I18n, value: string | null): string {
  if (!value) return i18n.t("coop.date_unknown");
  const [y, m, d] = value.split("-").map(Number);
  if (!m) return String(y);
  const tag = i18n.locale === "kk-latn" ? "kk" : i18n.tag;
  const date = new Date(Date.UTC(y ?? 2000, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { dateStyle: "long", timeZone: "UTC" }
    : { year: "numeric", month: "long", timeZone: "UTC" };
  return i18n.script(new Intl.DateTimeFormat(tag, options).format(date));
}

/** Money in billions or millions with its currency code, for registry figures. */
export function bigMoney(i18n: I18n, amount: number, currency: string): string {
  if (Math.abs(amount) >= 1e9) return i18n.t("coop.money_bn", { value: i18n.number(amount / 1e9, { maximumFractionDigits: 2 }), currency });
  if (Math.abs(amount) >= 1e6) return i18n.t("coop.money_mn", { value: i18n.number(amount / 1e6, { maximumFractionDigits: 1 }), currency });
  return `${i18n.number(amount)} ${currency}`;
}

export function indicatorValue(i18n: I18n, ind: Pick<Indicator, "unit" | "value">): string {
  return i18n.t(UNIT_LABEL[ind.unit], { value: i18n.number(ind.value, { maximumFractionDigits: 2 }) });
}

const isUrl = (s: string) => /^https?:\/\/\S+$/.test(s.split(" ")[0] ?? "");

/** "Says who?": the confidence label and every source, links where they are URLs. */
export const Sources: FC<{ i18n: I18n; confidence: string; sources: string[]; note?: string | null }> = ({
  i18n,
  confidence,
  sources,
  note,
}) => (
  <section class="panel sources" aria-label={i18n.t("coop.sources")}>
    <h2>{i18n.t("coop.sources")}</h2>
    <p>
      <ConfidenceBadge i18n={i18n} confidence={confidence} source={sources[0] ?? null} />
    </p>
    {sources.length > 0 ? (
      <ul class="fact-list">
        {sources.map((s) => {
          const [url = "", ...rest] = s.split(" ");
          return (
            <li class="source">
              {isUrl(s) ? (
                <>
                  <a href={url} rel="noopener noreferrer external">
                    {url}
                  </a>
                  {rest.length > 0 ? <span lang="en"> {rest.join(" ")}</span> : null}
                </>
              ) : (
                <span lang="en">{s}</span>
              )}
            </li>
          );
        })}
      </ul>
    ) : (
      <p class="muted">{i18n.t("coop.no_sources")}</p>
    )}
    {note ? (
      <p class="muted" lang="en">
        {note}
      </p>
    ) : null}
  </section>
);

/** Reasons the system writes itself, in the reader's language; people's reasons stay as typed. */
const SYSTEM_REASON = { created: "coop.reason_created", updated: "coop.reason_updated" } as const;

export const HistoryTable: FC<{ i18n: I18n; history: HistoryEntry[]; label: (v: string) => string; caption: string }> = ({
  i18n,
  history,
  label,
  caption,
}) =>
  history.length === 0 ? null : (
    <div class="table-wrap">
      <table class="history">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t("coop.when")}</th>
            <th scope="col">{i18n.t("coop.change")}</th>
            <th scope="col">{i18n.t("coop.reason")}</th>
            <th scope="col">{i18n.t("coop.recorded")}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr>
              <td>{partialDate(i18n, h.on)}</td>
              <td>
                {h.from ? `${label(h.from)} → ` : ""}
                {label(h.to)}
              </td>
              <td>
                {h.reason in SYSTEM_REASON ? (
                  i18n.t(SYSTEM_REASON[h.reason as keyof typeof SYSTEM_REASON])
                ) : (
                  <span lang={/[\u0400-\u04FF]/.test(h.reason) ? undefined : "en"}>{h.reason}</span>
                )}
              </td>
              <td class="muted">
                {i18n.date(h.recordedAt, "short")}
                {h.by ? ` · ${h.by}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
