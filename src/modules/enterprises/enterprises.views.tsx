import type { Child, FC } from "hono/jsx";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { sourceOf } from "../../i18n/locales.ts";
import { href, type PageContext } from "../../views/context.ts";
import type { LocalText, OptionalText, TerritoryRef } from "../cooperation/cooperation.schemas.ts";
import { pickOptional } from "../cooperation/cooperation.views.tsx";
import { INTRODUCTION_LABEL, KIND_LABEL, SIDE_LABEL, SIZE_LABEL } from "./enterprises.admin.tsx";
import type {
  CooperationRequest,
  EnterpriseSummary,
  Introduction,
  NoticeKind,
  PartnerMatchOut,
  Product,
  RequestStatus,
  TextLanguage,
  TranslationMap,
  TranslationState,
} from "./enterprises.schemas.ts";
import { NACE_CLASSES, NACE_DIVISIONS, naceName, naceShortName } from "./nace.ts";
import type { RequestKind } from "./partners.model.ts";

/**
 * Presentation shared by the directory's public pages and the representative's own pages: names
 * with their original script, NACE classes in the reader's language, offers and needs, ranked
 * partners with their reasons, translation status. Views only: nothing here reads or decides.
 */

export { INTRODUCTION_LABEL, KIND_LABEL, SIDE_LABEL, SIZE_LABEL };

export const REQUEST_STATUS_LABEL: Record<RequestStatus, MessageKey> = {
  draft: "enterprises.status.draft",
  pending: "enterprises.status.pending",
  published: "enterprises.status.published",
  rejected: "enterprises.status.rejected",
  closed: "enterprises.status.closed",
  expired: "enterprises.status.expired",
};

export const NOTICE_LABEL: Record<NoticeKind, MessageKey> = {
  request_expired: "enterprises.notice.request_expired",
  request_approved: "enterprises.notice.request_approved",
  request_rejected: "enterprises.notice.request_rejected",
  profile_text_approved: "enterprises.notice.profile_text_approved",
  profile_text_rejected: "enterprises.notice.profile_text_rejected",
  introduction_requested: "enterprises.notice.introduction_requested",
  introduction_accepted: "enterprises.notice.introduction_accepted",
  introduction_declined: "enterprises.notice.introduction_declined",
};

export const TRANSLATION_STATE_LABEL: Record<TranslationState, MessageKey> = {
  original: "enterprises.translation.original",
  human: "enterprises.translation.human",
  machine: "enterprises.translation.machine",
  missing: "enterprises.translation.missing",
};

const LANG_TAG: Record<TextLanguage, string> = { kk: "kk", ru: "ru", zh: "zh-Hans", en: "en" };

const displayNames = new Map<string, Intl.DisplayNames>();
function names(i18n: I18n, type: "region" | "language"): Intl.DisplayNames {
  const tag = i18n.locale === "kk-latn" ? "kk" : i18n.tag;
  const key = `${tag}:${type}`;
  let d = displayNames.get(key);
  if (!d) {
    d = new Intl.DisplayNames(tag, { type, fallback: "code" });
    displayNames.set(key, d);
  }
  return d;
}

/** "Ресей", "俄罗斯", "Russia": a country code in the reader's language. */
export function countryName(i18n: I18n, code: string): string {
  return i18n.script(names(i18n, "region").of(code) ?? code);
}

const listFormats = new Map<string, Intl.ListFormat>();
/** "Russia, Uzbekistan and China", "俄罗斯、乌兹别克斯坦和中国". */
export function listText(i18n: I18n, items: string[]): string {
  const tag = i18n.locale === "kk-latn" ? "kk" : i18n.tag;
  let format = listFormats.get(tag);
  if (!format) {
    format = new Intl.ListFormat(tag, { type: "conjunction" });
    listFormats.set(tag, format);
  }
  return i18n.script(format.format(items));
}

/** "қазақ тілі", "俄语", "English": a text language in the reader's language. */
export function languageName(i18n: I18n, lang: TextLanguage): string {
  return i18n.script(names(i18n, "language").of(lang) ?? lang);
}

/** The reader's text language ("kk" on kk-latn pages). */
export function readerLanguage(i18n: I18n): TextLanguage {
  return sourceOf(i18n.locale);
}

/** A URL path segment from an English name: "24-turkistan-spinning-mill". */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

export function enterprisePath(e: { id: number; name: LocalText }): string {
  const slug = slugOf(e.name.en);
  return `/enterprises/${e.id}${slug ? `-${slug}` : ""}`;
}

/** The language a stored original name is written in, for its lang attribute. */
function scriptTag(text: string): string | undefined {
  if (/[\u3400-\u9fff]/.test(text)) return "zh-Hans";
  if (/[\u0400-\u04ff]/.test(text)) return /[әіңғүұқөһӘІҢҒҮҰҚӨҺ]/.test(text) ? "kk" : "ru";
  return undefined;
}

/** The name in the page's language, marked with its real language when it falls back. */
export const EnterpriseName: FC<{ i18n: I18n; name: LocalText }> = ({ i18n, name }) => {
  const { text, lang } = i18n.pick(name);
  return <span lang={lang === i18n.tag ? undefined : lang}>{text}</span>;
};

/** The original-script name beside the translated one, when they differ. */
export const OriginalName: FC<{ i18n: I18n; name: LocalText; original: string | null; block?: boolean }> = ({
  i18n,
  name,
  original,
  block,
}) => {
  if (!original) return null;
  const shown = i18n.pick(name).text;
  if (shown === original || shown === i18n.script(original)) return null;
  const lang = scriptTag(original);
  return block ? (
    <p class="original-name" lang={lang}>
      {original}
    </p>
  ) : (
    <span class="original-name" lang={lang}>
      {original}
    </span>
  );
};

/**
 * An enterprise's logo in a square box of `size` pixels, scaled to fit (the box is reserved, so
 * nothing shifts when it loads); nothing at all when there is none. `lazy` only below the fold.
 */
export const EnterpriseLogo: FC<{ i18n: I18n; e: { name: LocalText; logo: string | null }; size: number; lazy?: boolean }> = ({
  i18n,
  e,
  size,
  lazy,
}) =>
  e.logo ? (
    <img
      class="enterprise-logo"
      src={e.logo}
      alt={i18n.t("enterprises.logo_alt", { name: i18n.pick(e.name).text })}
      width={size}
      height={size}
      loading={lazy ? "lazy" : undefined}
      decoding="async"
    />
  ) : null;

export const IllustrativeBadge: FC<{ i18n: I18n }> = ({ i18n }) => (
  <span class="tag-illustrative" title={i18n.t("enterprises.illustrative_note")}>
    {i18n.t("enterprises.illustrative")}
  </span>
);

export const TerritoryLine: FC<{ i18n: I18n; territory: TerritoryRef | null; side: "home" | "partner" | null }> = ({
  i18n,
  territory,
  side,
}) => (
  <>
    {territory ? <EnterpriseName i18n={i18n} name={territory.name} /> : null}
    {territory && side ? " · " : null}
    {side ? i18n.t(SIDE_LABEL[side]) : null}
  </>
);

/** NACE classes with their names in the reader's language. */
export const SectorList: FC<{ i18n: I18n; codes: readonly string[]; short?: boolean }> = ({ i18n, codes, short }) =>
  codes.length === 0 ? null : (
    <ul class="sector-list">
      {codes.map((code) => (
        <li>
          <span class="nace-code">{code}</span> {short ? naceShortName(code, i18n.locale) : naceName(code, i18n.locale)}
        </li>
      ))}
    </ul>
  );

export const KindPill: FC<{ i18n: I18n; kind: RequestKind }> = ({ i18n, kind }) => (
  <span class={`kind kind-${kind}`} data-kind={kind}>
    {i18n.t(KIND_LABEL[kind])}
  </span>
);

export const StatusPill: FC<{ i18n: I18n; status: RequestStatus }> = ({ i18n, status }) => (
  <span class={`status request-status-${status}`} data-status={status}>
    {i18n.t(REQUEST_STATUS_LABEL[status])}
  </span>
);

export const Products: FC<{ i18n: I18n; products: Product[] }> = ({ i18n, products }) =>
  products.length === 0 ? null : (
    <ul class="plain product-list">
      {products.map((p) => (
        <li>
          {p.hs ? (
            <span class="nace-code" title={i18n.t("enterprises.hs_code")}>
              {i18n.t("enterprises.hs_label", { code: p.hs })}
            </span>
          ) : null}{" "}
          <span lang={scriptTag(p.name) ?? "en"}>{p.name}</span>
        </li>
      ))}
    </ul>
  );

/** A text per language picked for the reader; the language it is written in when it falls back. */
export const LocalParagraphs: FC<{ i18n: I18n; text: OptionalText | null }> = ({ i18n, text }) => {
  const picked = pickOptional(i18n, text);
  if (!picked) return null;
  return (
    <div class="prose" lang={picked.lang === i18n.tag ? undefined : picked.lang}>
      {picked.text.split(/\n{2,}/).map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
};

export function localTitle(i18n: I18n, text: OptionalText | null): { text: string; lang: string | undefined } {
  const picked = pickOptional(i18n, text);
  if (!picked) return { text: "—", lang: undefined };
  return { text: picked.text, lang: picked.lang === i18n.tag ? undefined : picked.lang };
}

/** Quantity and amount of an offer or need: "300 t/month", "1 500 000 USD". */
export function quantityText(i18n: I18n, r: Pick<CooperationRequest, "quantity" | "unit" | "amount" | "currency">): string[] {
  const out: string[] = [];
  if (r.quantity !== null) out.push(`${i18n.number(r.quantity)}${r.unit ? ` ${r.unit}` : ""}`);
  if (r.amount !== null)
    out.push(
      r.currency === "KZT" || r.currency === "USD" || r.currency === "CNY"
        ? i18n.money(r.amount, r.currency)
        : `${i18n.number(r.amount)}${r.currency ? ` ${r.currency}` : ""}`,
    );
  return out;
}

/** Which language the description was written in, and how the reader's language came about. */
export const TranslationStatus: FC<{ i18n: I18n; translations: TranslationMap; hasText: boolean }> = ({ i18n, translations, hasText }) => {
  if (!hasText) return null;
  const reader = readerLanguage(i18n);
  const original = (Object.keys(translations) as TextLanguage[]).find((l) => translations[l] === "original");
  const mine = translations[reader];
  const originalName = original ? languageName(i18n, original) : null;
  return (
    <div class="translation-status">
      {mine === "machine" ? (
        <p class="translation-note" data-translation="machine">
          {originalName
            ? i18n.t("enterprises.machine_translation_of", { language: originalName })
            : i18n.t("enterprises.machine_translation")}
        </p>
      ) : mine === "missing" ? (
        <p class="translation-note" data-translation="missing">
          {originalName
            ? i18n.t("enterprises.translation_missing_of", { language: originalName })
            : i18n.t("enterprises.translation_missing")}
        </p>
      ) : null}
      <details>
        <summary>{i18n.t("enterprises.translations_title")}</summary>
        <ul class="plain translation-list">
          {(["kk", "ru", "zh", "en"] as const).map((l) => (
            <li data-language={l} data-state={translations[l]}>
              <span lang={LANG_TAG[l]}>{languageName(i18n, l)}</span>: {i18n.t(TRANSLATION_STATE_LABEL[translations[l]])}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
};

function divisionName(i18n: I18n, d: (typeof NACE_DIVISIONS)[number]): string {
  return i18n.locale === "kk-latn" ? i18n.script(d.name.kk) : d.name[i18n.locale];
}

/** Sector choices: each division, then its classes, names in the reader's language. */
export const SectorOptions: FC<{ i18n: I18n; selected: string | undefined }> = ({ i18n, selected }) => (
  <>
    {NACE_DIVISIONS.map((d) => (
      <optgroup label={`${d.code} ${divisionName(i18n, d)}`}>
        <option value={d.code} selected={selected === d.code}>
          {i18n.t("enterprises.whole_division", { code: d.code, name: divisionName(i18n, d) })}
        </option>
        {NACE_CLASSES.filter((n) => n.division === d.code).map((n) => (
          <option value={n.code} selected={selected === n.code}>
            {`${n.code} ${i18n.locale === "kk-latn" ? i18n.script(n.name.kk) : n.name[i18n.locale]}`}
          </option>
        ))}
      </optgroup>
    ))}
  </>
);

/** Classes only (a profile or request names classes), grouped by division, several chosen. */
export const SectorOptionsMulti: FC<{ i18n: I18n; selected: readonly string[] }> = ({ i18n, selected }) => (
  <>
    {NACE_DIVISIONS.map((d) => (
      <optgroup label={`${d.code} ${divisionName(i18n, d)}`}>
        {NACE_CLASSES.filter((n) => n.division === d.code).map((n) => (
          <option value={n.code} selected={selected.includes(n.code)}>
            {`${n.code} ${i18n.locale === "kk-latn" ? i18n.script(n.name.kk) : n.name[i18n.locale]}`}
          </option>
        ))}
      </optgroup>
    ))}
  </>
);

/** One enterprise of the directory, as a card; its logo small in the corner. */
export const EnterpriseCard: FC<{ ctx: PageContext; e: EnterpriseSummary; lazyLogo?: boolean }> = ({ ctx, e, lazyLogo }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  return (
    <li class="card enterprise-card" data-enterprise={e.id}>
      <EnterpriseLogo i18n={i18n} e={e} size={48} lazy={lazyLogo} />
      <h3>
        <a href={href(ctx, enterprisePath(e))}>
          <EnterpriseName i18n={i18n} name={e.name} />
        </a>
        {e.illustrative ? <IllustrativeBadge i18n={i18n} /> : null}
      </h3>
      <OriginalName i18n={i18n} name={e.name} original={e.nameOriginal} block />
      <p class="muted">
        <TerritoryLine i18n={i18n} territory={e.territory} side={e.side} />
        {e.sizeBand ? ` · ${t(SIZE_LABEL[e.sizeBand])}` : null}
      </p>
      <SectorList i18n={i18n} codes={e.sectors} short />
      {e.lookingFor.length > 0 ? (
        <p class="looking-for">
          <span class="muted">{t("enterprises.looking_for_label")}</span>{" "}
          {e.lookingFor.map((k, i) => (
            <>
              {i > 0 ? " " : null}
              <KindPill i18n={i18n} kind={k} />
            </>
          ))}
        </p>
      ) : null}
      {e.verifiedOn ? <p class="verification">{t("enterprises.verified_on", { date: i18n.date(e.verifiedOn) })}</p> : null}
    </li>
  );
};

/** One offer or need, as a card; `actions` for the owner's buttons. */
export const RequestCard: FC<{
  ctx: PageContext;
  r: CooperationRequest;
  showOrganisation?: boolean;
  status?: boolean;
  actions?: Child;
}> = ({ ctx, r, showOrganisation = true, status, actions }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const title = localTitle(i18n, r.title ?? r.pending?.title ?? null);
  const amounts = quantityText(i18n, r);
  return (
    <li class="card request-card" data-request={r.id}>
      <p class="request-kind">
        <KindPill i18n={i18n} kind={r.kind} />
        {status ? (
          <>
            {" "}
            <StatusPill i18n={i18n} status={r.status} />
          </>
        ) : null}
        {status && r.pending && r.status === "published" ? (
          <span class="status request-status-pending"> {t("enterprises.changes_pending")}</span>
        ) : null}
      </p>
      <h3 lang={title.lang}>
        <a href={href(ctx, `/requests/${r.id}`)}>{title.text}</a>
      </h3>
      {showOrganisation ? (
        <p class="muted">
          <a href={href(ctx, enterprisePath(r.organisation))}>
            <EnterpriseName i18n={i18n} name={r.organisation.name} />
          </a>
          {r.organisation.illustrative ? <IllustrativeBadge i18n={i18n} /> : null}
          {" · "}
          <TerritoryLine i18n={i18n} territory={r.organisation.territory} side={r.organisation.side} />
        </p>
      ) : null}
      <SectorList i18n={i18n} codes={r.sectors} short />
      <p class="request-meta">
        {amounts.length > 0 ? <span>{amounts.join(" · ")} · </span> : null}
        <span>{t("enterprises.valid_until", { date: i18n.date(`${r.validUntil}T12:00:00Z`) })}</span>
      </p>
      {actions ? <div class="request-actions">{actions}</div> : null}
    </li>
  );
};

/** Ranked partners with their score and the reasons as sentences; `action` adds a form per match. */
export const PartnerList: FC<{ ctx: PageContext; items: PartnerMatchOut[]; action?: (m: PartnerMatchOut, rank: number) => Child }> = ({
  ctx,
  items,
  action,
}) => {
  const { i18n } = ctx;
  const t = i18n.t;
  return (
    <ol class="results partner-results">
      {items.map((m, i) => {
        const e = m.enterprise;
        const request = m.request ? localTitle(i18n, m.request.title) : null;
        return (
          <li class="result card" data-partner={e.id}>
            <div class="result-head">
              <span class="rank">{i18n.number(i + 1)}</span>
              <div>
                <h3>
                  <a href={href(ctx, enterprisePath(e))}>
                    <EnterpriseName i18n={i18n} name={e.name} />
                  </a>
                  {e.illustrative ? <IllustrativeBadge i18n={i18n} /> : null}
                </h3>
                <OriginalName i18n={i18n} name={e.name} original={e.nameOriginal} block />
                <p class="muted">
                  <TerritoryLine i18n={i18n} territory={e.territory} side={e.side} />
                </p>
              </div>
              <div class="result-score">
                <span class="score">{i18n.number(m.score, { style: "percent" })}</span>
                <span class="muted score-label">{t("enterprises.score")}</span>
              </div>
            </div>
            <ul class="explanations partner-reasons">
              {m.explanation.map((sentence) => (
                <li>
                  <span class="mark" aria-hidden="true">
                    ✓
                  </span>
                  {sentence}
                </li>
              ))}
            </ul>
            {m.request && request ? (
              <p class="matched-request">
                <span class="muted">{t("enterprises.their_request_label")}</span> <KindPill i18n={i18n} kind={m.request.kind} />{" "}
                <a href={href(ctx, `/requests/${m.request.id}`)} lang={request.lang}>
                  {request.text}
                </a>
              </p>
            ) : null}
            {action ? action(m, i + 1) : null}
          </li>
        );
      })}
    </ol>
  );
};

/** Profile ↔ partners tabs of one enterprise. */
export const EnterpriseTabs: FC<{ ctx: PageContext; e: { id: number; name: LocalText }; current: "profile" | "partners" }> = ({
  ctx,
  e,
  current,
}) => (
  <nav class="tabs" aria-label={ctx.i18n.t("enterprises.tabs")}>
    <ul>
      <li>
        <a href={href(ctx, enterprisePath(e))} aria-current={current === "profile" ? "page" : undefined}>
          {ctx.i18n.t("enterprises.tab_profile")}
        </a>
      </li>
      <li>
        <a href={href(ctx, `${enterprisePath(e)}/partners`)} aria-current={current === "partners" ? "page" : undefined}>
          {ctx.i18n.t("enterprises.tab_partners")}
        </a>
      </li>
    </ul>
  </nav>
);

/** What a failed request for an introduction sent back: the counterpart, the message as typed, the error. */
export interface FailedIntroduction {
  to: number;
  message: string;
  error: string;
}

/**
 * Under one match on the representative's own partner pages: the introduction already asked for
 * (status and age), or a form to ask for one with a message. A failed form comes back open, with
 * the message as typed and the error above it.
 */
export const IntroductionAction: FC<{
  ctx: PageContext;
  introductions: Introduction[];
  to: { id: number; name: LocalText };
  fromRequestId: number | null;
  toRequestId: number | null;
  back: string;
  failed?: FailedIntroduction | null;
}> = ({ ctx, introductions, to, fromRequestId, toRequestId, back, failed }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const existing = introductions.find((x) => x.to.id === to.id && (x.status === "requested" || x.status === "accepted"));
  const error = failed?.to === to.id ? failed.error : undefined;
  if (existing)
    return (
      <p class="introduction-state" data-introduction-status={existing.status}>
        {error ? (
          <span class="field-error" role="alert">
            {error}{" "}
          </span>
        ) : null}
        <span class={`status intro-status-${existing.status}`}>{t(INTRODUCTION_LABEL[existing.status])}</span>{" "}
        <span class="muted">
          {existing.ageDays === 0
            ? t("enterprises.asked_today")
            : t("enterprises.introduction_asked", { age: t("enterprises.age_days", { count: existing.ageDays }) })}
        </span>
      </p>
    );
  const id = `intro-${to.id}-${fromRequestId ?? 0}`;
  return (
    <details class="introduction" open={error ? true : undefined}>
      <summary class="button button-small">{t("enterprises.ask_introduction")}</summary>
      <form method="post" action={href(ctx, "/my/enterprise/introductions")} class="form introduction-form" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="toOrganisationId" value={String(to.id)} />
        {fromRequestId ? <input type="hidden" name="fromRequestId" value={String(fromRequestId)} /> : null}
        {toRequestId ? <input type="hidden" name="toRequestId" value={String(toRequestId)} /> : null}
        <input type="hidden" name="back" value={back} />
        <div class={error ? "field field-invalid" : "field"}>
          <label for={`${id}-message`}>{t("enterprises.introduction_message", { name: i18n.pick(to.name).text })}</label>
          <p class="hint" id={`${id}-hint`}>
            {t("enterprises.introduction_hint")}
          </p>
          {error ? (
            <p class="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          ) : null}
          <textarea
            id={`${id}-message`}
            name="message"
            rows={3}
            maxlength={2000}
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          >
            {failed?.to === to.id ? failed.message : ""}
          </textarea>
        </div>
        <p>
          <button type="submit" class="button">
            {t("enterprises.send_introduction")}
          </button>
        </p>
      </form>
    </details>
  );
};
