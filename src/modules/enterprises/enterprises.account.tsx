import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Child, FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { requirePermission } from "../../http/middleware/roles.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { DAY } from "../../lib/time.ts";
import { PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import type { Actor } from "../accounts/accounts.policy.ts";
import { idOf, renderEnterprisePartners } from "./enterprises.pages.tsx";
import { isOwnRepresentative, isStaffActor } from "./enterprises.policy.ts";
import {
  type CooperationRequest,
  CURRENCIES,
  type Enterprise,
  type Introduction,
  type Notice,
  REQUEST_KINDS,
  SIZE_BANDS,
  TEXT_LANGUAGES,
  type TextLanguage,
} from "./enterprises.schemas.ts";
import {
  EnterpriseLogo,
  EnterpriseName,
  enterprisePath,
  type FailedIntroduction,
  INTRODUCTION_LABEL,
  IntroductionAction,
  KIND_LABEL,
  languageName,
  localTitle,
  NOTICE_LABEL,
  PartnerList,
  RequestCard,
  readerLanguage,
  SectorOptionsMulti,
  SIZE_LABEL,
  TRANSLATION_STATE_LABEL,
} from "./enterprises.views.tsx";

/**
 * The representative's own pages (issue 6): their enterprise's profile, offers and needs with
 * their moderation status, partners for each request with a form to ask for an introduction,
 * introductions with status and age, and notices. A representative keeps their own organisation
 * and nothing else: another organisation's edit URL answers 403 before anything is read or written.
 * Failed forms come back with what was typed and the errors in the reader's language.
 */

type Values = Record<string, string | string[]>;

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const meta = (c: Context<AppEnv>) => ({ requestId: c.get("requestId") });

function bodyValues(body: Record<string, unknown>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

/** A number as typed ("1 500 000", "2,5"); what does not parse goes on as text for the schema to refuse. */
function numberOf(raw: string): number | string | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return null;
  const n = Number(/^\d+,\d+$/.test(s) ? s.replace(",", ".") : s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : raw;
}

const texts = (v: Values, prefix: string) =>
  Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, str(v[`${prefix}.${l}`]).trim() || null])) as Record<TextLanguage, string | null>;

const productsOf = (v: string) =>
  lines(v).map((l) => {
    const m = /^(\d{2,6})\s+(.+)$/.exec(l);
    return m ? { hs: m[1], name: m[2] } : { hs: null, name: l };
  });

/** The field a service error belongs to: "sectors.2" → sectors, "products.1.hs" → products, "description.kk" stays. */
function fieldOf(path: string): string {
  const [first = "_", second] = path.split(".");
  return ["description", "title", "contacts", "translations"].includes(first) && second && !/^\d+$/.test(second)
    ? `${first}.${second}`
    : first;
}

function errorsOf(i18n: I18n, error: unknown): Record<string, string> {
  if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.details ?? {})) out[fieldOf(k)] ??= i18n.tx(String(v));
  if (Object.keys(out).length === 0) out._ = i18n.t("error.validation_failed");
  return out;
}

function actorOf(c: Context<AppEnv>): Actor {
  const user = c.get("session")?.user;
  if (!user) throw new AppError("unauthenticated");
  return user;
}

function ownOrganisationOf(actor: Actor): number {
  if (actor.organisationId === null || !isOwnRepresentative(actor, actor.organisationId)) throw new AppError("forbidden");
  return actor.organisationId;
}

const toLogin = (c: Context<AppEnv>) => c.redirect(`/${c.get("locale")}/login?next=${encodeURIComponent(c.req.path)}`, 302);
const isRead = (c: Context<AppEnv>) => c.req.method === "GET" || c.req.method === "HEAD";

/**
 * A representative of this very organisation, checked before a body is read: anonymous visitors
 * go to the login page (GET) or get 401; anyone else 403. Staff keep profiles in the back office.
 */
function ownEnterpriseOnly(): MiddlewareHandler<AppEnv> {
  return async function ownEnterpriseOnlyMiddleware(c, next) {
    const user = c.get("session")?.user;
    if (!user) {
      if (isRead(c)) return toLogin(c);
      throw new AppError("unauthenticated");
    }
    const id = idOf(c.req.param("id"));
    if (isStaffActor(user) && isRead(c)) return c.redirect(`/${c.get("locale")}/admin/enterprises/${id}/edit`, 303);
    if (!isOwnRepresentative(user, id)) throw new AppError("forbidden");
    await next();
  };
}

/** The same for an offer or need: its organisation's representatives only. */
function ownRequestOnly(): MiddlewareHandler<AppEnv> {
  return async function ownRequestOnlyMiddleware(c, next) {
    const user = c.get("session")?.user;
    if (!user) {
      if (isRead(c)) return toLogin(c);
      throw new AppError("unauthenticated");
    }
    const owner = await c.get("services").enterprises.requestOwner(idOf(c.req.param("id")));
    if (!isOwnRepresentative(user, owner)) throw new AppError("forbidden");
    await next();
  };
}

// Form pieces

const ErrorText: FC<{ id: string; error?: string }> = ({ id, error }) =>
  error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

const Input: FC<{
  name: string;
  label: string;
  values: Values;
  errors: Record<string, string>;
  hint?: string;
  type?: string;
  area?: boolean;
  required?: boolean;
  lang?: string;
  inputmode?: "numeric" | "decimal";
  autocomplete?: string;
}> = ({ name, label, values, errors, hint, type = "text", area, required, lang, inputmode, autocomplete }) => {
  const id = `f-${name.replace(/\./g, "-")}`;
  const error = errors[name];
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>
        {label}
        {required ? (
          <span class="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
      {area ? (
        <textarea
          id={id}
          name={name}
          rows={4}
          lang={lang}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(id, hint, error)}
        >
          {str(values[name])}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          value={str(values[name])}
          lang={lang}
          inputmode={inputmode}
          autocomplete={autocomplete}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      )}
    </div>
  );
};

const Choice: FC<{
  name: string;
  label: string;
  values: Values;
  errors: Record<string, string>;
  options: [string, string][];
  empty?: string;
  required?: boolean;
}> = ({ name, label, values, errors, options, empty, required }) => {
  const id = `f-${name.replace(/\./g, "-")}`;
  const error = errors[name];
  const chosen = str(values[name]);
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>
        {label}
        {required ? (
          <span class="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <ErrorText id={id} error={error} />
      <select id={id} name={name} aria-invalid={error ? "true" : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([v, l]) => (
          <option value={v} selected={chosen === v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
};

const SectorsField: FC<{ i18n: I18n; values: Values; errors: Record<string, string>; required?: boolean; hint: string }> = ({
  i18n,
  values,
  errors,
  required,
  hint,
}) => {
  const error = errors.sectors;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for="f-sectors">
        {i18n.t("enterprises.f.sectors")}
        {required ? (
          <span class="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <p class="hint" id="f-sectors-hint">
        {hint}
      </p>
      <ErrorText id="f-sectors" error={error} />
      <select
        id="f-sectors"
        name="sectors"
        multiple
        size={8}
        class="sector-select"
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy("f-sectors", hint, error)}
      >
        <SectorOptionsMulti i18n={i18n} selected={list(values.sectors)} />
      </select>
    </div>
  );
};

const FormErrors: FC<{ i18n: I18n; errors: Record<string, string>; placed: string[] }> = ({ i18n, errors, placed }) => {
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  const unplaced = Object.entries(errors).filter(([k]) => !placed.includes(k));
  return (
    <div class="flash flash-error" role="alert">
      {i18n.t("enterprises.form_has_errors", { count })}
      {unplaced.length > 0 ? (
        <ul>
          {unplaced.map(([, message]) => (
            <li>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

const MyPage: FC<{ ctx: PageContext; title: string; crumbs?: { label: string; href?: string }[]; children?: Child }> = ({
  ctx,
  title,
  crumbs = [],
  children,
}) => (
  <Layout
    ctx={ctx}
    title={title}
    section="enterprises"
    noindex
    crumbs={[{ label: ctx.i18n.t("enterprises.my_title"), href: href(ctx, "/my/enterprise") }, ...crumbs, { label: title }]}
  >
    {children}
  </Layout>
);

// The profile form

const PROFILE_FIELDS = [
  "sizeBand",
  "yearFounded",
  "sectors",
  "products",
  "exportMarkets",
  "certifications",
  ...TEXT_LANGUAGES.flatMap((l) => [`description.${l}`, `translations.${l}`]),
  ...["person", "email", "phone", "address"].map((k) => `contacts.${k}`),
];

function profileInputOf(v: Values): Record<string, unknown> {
  const year = numberOf(str(v.yearFounded));
  const translations: Record<string, string> = {};
  for (const l of TEXT_LANGUAGES) {
    const s = str(v[`translations.${l}`]);
    if (s) translations[l] = s;
  }
  return {
    sizeBand: str(v.sizeBand) || null,
    yearFounded: year,
    description: texts(v, "description"),
    translations,
    sectors: list(v.sectors).filter(Boolean),
    products: productsOf(str(v.products)),
    exportMarkets: str(v.exportMarkets)
      .split(/[\s,;]+/)
      .filter(Boolean),
    certifications: lines(str(v.certifications)),
    contacts: {
      person: str(v["contacts.person"]).trim() || null,
      email: str(v["contacts.email"]).trim() || null,
      phone: str(v["contacts.phone"]).trim() || null,
      address: str(v["contacts.address"]).trim() || null,
    },
  };
}

function profileValues(e: Enterprise | null): Values {
  if (!e) return {};
  const v: Values = {
    sizeBand: e.sizeBand ?? "",
    yearFounded: e.yearFounded ? String(e.yearFounded) : "",
    sectors: e.sectors,
    products: e.products.map((p) => (p.hs ? `${p.hs} ${p.name}` : p.name)).join("\n"),
    exportMarkets: e.exportMarkets.join(" "),
    certifications: e.certifications.join("\n"),
  };
  const description = e.pending?.description ?? e.description;
  for (const l of TEXT_LANGUAGES) {
    v[`description.${l}`] = description?.[l] ?? "";
    v[`translations.${l}`] = e.translations[l] === "missing" ? "" : e.translations[l];
  }
  if (e.contacts) for (const [k, val] of Object.entries(e.contacts)) v[`contacts.${k}`] = val ?? "";
  return v;
}

const LANG_ATTR: Record<TextLanguage, string> = { kk: "kk", ru: "ru", zh: "zh-Hans", en: "en" };

/** The reader's own language first, then the others in the usual order. */
const languagesFor = (i18n: I18n): TextLanguage[] => {
  const mine = readerLanguage(i18n);
  return [mine, ...TEXT_LANGUAGES.filter((l) => l !== mine)];
};

async function profileForm(c: Context<AppEnv>, id: number, values: Values | null, errors: Record<string, string>, status: 200 | 422 = 200) {
  const s = c.get("services").enterprises;
  const actor = actorOf(c);
  const [brief, existing] = await Promise.all([s.organisationBrief(id), s.ownProfile(actor)]);
  const v = values ?? profileValues(existing);
  const ctx = pageContext(c);
  const { i18n } = ctx;
  const t = i18n.t;
  const name = i18n.pick(brief.name).text;
  return render(
    c,
    <MyPage ctx={ctx} title={t("enterprises.edit_profile")}>
      <PageHeader title={t("enterprises.edit_profile")} lead={name} />
      {existing?.pending ? (
        <p class="flash flash-info" data-pending="profile">
          {t("enterprises.description_pending", { date: i18n.date(existing.pending.submittedAt) })}
        </p>
      ) : null}
      {existing?.moderationNote ? (
        <p class="flash flash-error">{t("enterprises.description_rejected", { reason: existing.moderationNote })}</p>
      ) : null}
      <p class="flash flash-info">{t("enterprises.moderation_explained")}</p>
      <form method="post" action={href(ctx, `/enterprises/${id}/edit`)} class="form enterprise-form" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <FormErrors i18n={i18n} errors={errors} placed={PROFILE_FIELDS} />
        <fieldset class="panel">
          <legend>{t("enterprises.f.profile")}</legend>
          <div class="form-row">
            <Choice
              name="sizeBand"
              label={t("enterprises.f.size")}
              values={v}
              errors={errors}
              empty={t("enterprises.unknown")}
              options={SIZE_BANDS.map((b) => [b, t(SIZE_LABEL[b])])}
            />
            <Input name="yearFounded" label={t("enterprises.f.year_founded")} values={v} errors={errors} inputmode="numeric" />
          </div>
          <SectorsField i18n={i18n} values={v} errors={errors} required hint={t("enterprises.hint_sectors")} />
          <Input
            name="products"
            label={t("enterprises.f.products")}
            hint={t("enterprises.hint_products")}
            values={v}
            errors={errors}
            area
          />
          <Input
            name="exportMarkets"
            label={t("enterprises.f.export_markets")}
            hint={t("enterprises.hint_markets")}
            values={v}
            errors={errors}
          />
          <Input name="certifications" label={t("enterprises.f.certifications")} values={v} errors={errors} area />
        </fieldset>
        <fieldset class="panel">
          <legend>{t("enterprises.f.description")}</legend>
          <p class="hint">{t("enterprises.hint_description")}</p>
          {languagesFor(i18n).map((l) => (
            <div class="form-row description-row">
              <Input name={`description.${l}`} label={languageName(i18n, l)} values={v} errors={errors} area lang={LANG_ATTR[l]} />
              <Choice
                name={`translations.${l}`}
                label={t("enterprises.f.translation_of", { language: languageName(i18n, l) })}
                values={v}
                errors={errors}
                empty={t("enterprises.unknown")}
                options={(["original", "human", "machine"] as const).map((st) => [st, t(TRANSLATION_STATE_LABEL[st])])}
              />
            </div>
          ))}
        </fieldset>
        <fieldset class="panel">
          <legend>{t("enterprises.f.contacts")}</legend>
          <p class="hint">{t("enterprises.hint_contacts")}</p>
          <div class="form-row">
            <Input name="contacts.person" label={t("enterprises.f.contact_person")} values={v} errors={errors} autocomplete="name" />
            <Input name="contacts.email" label={t("enterprises.f.email")} values={v} errors={errors} type="email" autocomplete="email" />
            <Input name="contacts.phone" label={t("enterprises.f.phone")} values={v} errors={errors} type="tel" autocomplete="tel" />
          </div>
          <Input name="contacts.address" label={t("enterprises.f.address")} values={v} errors={errors} />
        </fieldset>
        <p>
          <button type="submit" class="button">
            {t("enterprises.save")}
          </button>{" "}
          <a href={href(ctx, "/my/enterprise")}>{t("enterprises.cancel")}</a>
        </p>
      </form>
    </MyPage>,
    status,
  );
}

// The request form

const REQUEST_FIELDS = [
  "kind",
  "sectors",
  "products",
  "quantity",
  "unit",
  "amount",
  "currency",
  "validUntil",
  "title",
  ...TEXT_LANGUAGES.flatMap((l) => [`title.${l}`, `description.${l}`]),
];

function requestInputOf(v: Values): Record<string, unknown> {
  return {
    kind: str(v.kind) || undefined,
    sectors: list(v.sectors).filter(Boolean),
    products: productsOf(str(v.products)),
    quantity: numberOf(str(v.quantity)),
    unit: str(v.unit).trim() || null,
    amount: numberOf(str(v.amount)),
    currency: str(v.currency) || null,
    title: texts(v, "title"),
    description: texts(v, "description"),
    validUntil: str(v.validUntil).trim(),
    submit: str(v.intent) !== "draft",
  };
}

function requestValues(r: CooperationRequest): Values {
  const v: Values = {
    kind: r.kind,
    sectors: r.sectors,
    products: r.products.map((p) => (p.hs ? `${p.hs} ${p.name}` : p.name)).join("\n"),
    quantity: r.quantity !== null ? String(r.quantity) : "",
    unit: r.unit ?? "",
    amount: r.amount !== null ? String(r.amount) : "",
    currency: r.currency ?? "",
    validUntil: r.validUntil,
  };
  const title = r.pending?.title ?? r.title;
  const description = r.pending ? r.pending.description : r.description;
  for (const l of TEXT_LANGUAGES) {
    v[`title.${l}`] = title?.[l] ?? "";
    v[`description.${l}`] = description?.[l] ?? "";
  }
  return v;
}

const dayAhead = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function requestForm(
  c: Context<AppEnv>,
  existing: CooperationRequest | null,
  values: Values | null,
  errors: Record<string, string>,
  status: 200 | 422 = 200,
) {
  const ctx = pageContext(c);
  const { i18n } = ctx;
  const t = i18n.t;
  const v = values ?? (existing ? requestValues(existing) : { validUntil: dayAhead(90) });
  const title = existing ? t("enterprises.edit_request") : t("enterprises.new_request");
  const action = existing ? `/requests/${existing.id}/edit` : "/my/enterprise/requests";
  const titleError = errors.title;
  return render(
    c,
    <MyPage ctx={ctx} title={title}>
      <PageHeader title={title} lead={t("enterprises.request_form_lead")} />
      {existing?.status === "published" ? <p class="flash flash-info">{t("enterprises.request_edit_published")}</p> : null}
      {existing?.moderationNote ? (
        <p class="flash flash-error">{t("enterprises.request_rejected_note", { reason: existing.moderationNote })}</p>
      ) : null}
      <form method="post" action={href(ctx, action)} class="form enterprise-form request-form" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <FormErrors i18n={i18n} errors={errors} placed={REQUEST_FIELDS} />
        <fieldset class="panel">
          <legend>{t("enterprises.f.what")}</legend>
          <div class="form-row">
            <Choice
              name="kind"
              label={t("enterprises.f.kind")}
              values={v}
              errors={errors}
              empty={t("enterprises.choose")}
              required
              options={REQUEST_KINDS.map((k) => [k, t(KIND_LABEL[k])])}
            />
            <Input
              name="validUntil"
              label={t("enterprises.f.valid_until")}
              hint={t("enterprises.hint_valid_until")}
              values={v}
              errors={errors}
              type="date"
              required
            />
          </div>
          <SectorsField i18n={i18n} values={v} errors={errors} hint={t("enterprises.hint_request_sectors")} />
          <Input
            name="products"
            label={t("enterprises.f.products")}
            hint={t("enterprises.hint_products")}
            values={v}
            errors={errors}
            area
          />
          <div class="form-row">
            <Input name="quantity" label={t("enterprises.f.quantity")} values={v} errors={errors} inputmode="decimal" />
            <Input name="unit" label={t("enterprises.f.unit")} hint={t("enterprises.hint_unit")} values={v} errors={errors} />
            <Input name="amount" label={t("enterprises.f.amount")} values={v} errors={errors} inputmode="decimal" />
            <Choice
              name="currency"
              label={t("enterprises.f.currency")}
              values={v}
              errors={errors}
              empty={t("enterprises.unknown")}
              options={CURRENCIES.map((cur) => [cur, cur])}
            />
          </div>
        </fieldset>
        <fieldset class={titleError ? "panel field-invalid" : "panel"} aria-describedby={titleError ? "f-title-error" : "f-title-hint"}>
          <legend>
            {t("enterprises.f.title_and_description")}
            <span class="required" aria-hidden="true">
              {" "}
              *
            </span>
          </legend>
          <p class="hint" id="f-title-hint">
            {t("enterprises.hint_request_text")}
          </p>
          <ErrorText id="f-title" error={titleError} />
          {languagesFor(i18n).map((l) => (
            <div class="local-text-group">
              <Input
                name={`title.${l}`}
                label={t("enterprises.f.title_in", { language: languageName(i18n, l) })}
                values={v}
                errors={errors}
                lang={LANG_ATTR[l]}
              />
              <Input
                name={`description.${l}`}
                label={t("enterprises.f.description_in", { language: languageName(i18n, l) })}
                values={v}
                errors={errors}
                area
                lang={LANG_ATTR[l]}
              />
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit" name="intent" value="send" class="button">
            {t("enterprises.send_for_moderation")}
          </button>{" "}
          <button type="submit" name="intent" value="draft" class="button button-quiet">
            {t("enterprises.save_draft")}
          </button>{" "}
          <a href={href(ctx, "/my/enterprise")}>{t("enterprises.cancel")}</a>
        </p>
      </form>
    </MyPage>,
    status,
  );
}

// Partners of one of the representative's own requests

async function requestPartnersPage(c: Context<AppEnv>, id: number, failed: FailedIntroduction | null = null, status: 200 | 422 = 200) {
  const s = c.get("services").enterprises;
  const actor = actorOf(c);
  const ctx = pageContext(c);
  const [request, result, introductions] = await Promise.all([
    s.getRequest(id, actor),
    s.match({ requestId: id, limit: 10 }, actor, ctx.i18n),
    s.ownIntroductions(actor),
  ]);
  const { i18n } = ctx;
  const t = i18n.t;
  const title = localTitle(i18n, request.title ?? request.pending?.title ?? null);
  return render(
    c,
    <MyPage ctx={ctx} title={t("enterprises.partners_for_request")} crumbs={[{ label: title.text, href: href(ctx, `/requests/${id}`) }]}>
      <PageHeader title={t("enterprises.partners_for_request")} lead={t("enterprises.partners_for_request_lead")} />
      <ul class="cards request-cards single">
        <RequestCard ctx={ctx} r={request} showOrganisation={false} status />
      </ul>
      <p class="muted">{t("enterprises.candidates_considered", { count: result.candidatesConsidered })}</p>
      {result.items.length === 0 ? (
        <p class="empty">{t("enterprises.no_partners")}</p>
      ) : (
        <PartnerList
          ctx={ctx}
          items={result.items}
          action={(m) => (
            <IntroductionAction
              ctx={ctx}
              introductions={introductions}
              to={m.enterprise}
              fromRequestId={id}
              toRequestId={m.request?.id ?? null}
              back={`/requests/${id}/partners`}
              failed={failed}
            />
          )}
        />
      )}
    </MyPage>,
    status,
  );
}

// The logo

/**
 * The organisation's logo and a form to upload or replace it. It is no text to moderate: a saved
 * logo shows at once. A refused file comes back as an error at the field.
 */
const LogoForm: FC<{ ctx: PageContext; orgId: number; profile: Enterprise; error: string | null }> = ({ ctx, orgId, profile, error }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const hint = t("enterprises.logo_hint");
  return (
    <form
      method="post"
      action={href(ctx, `/enterprises/${orgId}/logo`)}
      enctype="multipart/form-data"
      class="form logo-form"
      id="logo"
      aria-labelledby="logo-title"
      novalidate
    >
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <h3 id="logo-title">{t("enterprises.logo")}</h3>
      <p class="muted">{t("enterprises.logo_shown_at_once")}</p>
      {profile.logo ? <EnterpriseLogo i18n={i18n} e={profile} size={96} /> : <p class="muted">{t("enterprises.no_logo")}</p>}
      <div class={error ? "field field-invalid" : "field"}>
        <label for="f-logo">{t("enterprises.logo_file")}</label>
        <p class="hint" id="f-logo-hint">
          {hint}
        </p>
        <ErrorText id="f-logo" error={error ?? undefined} />
        <input
          id="f-logo"
          name="file"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy("f-logo", hint, error ?? undefined)}
        />
      </div>
      <p>
        <button type="submit" class="button button-quiet">
          {profile.logo ? t("enterprises.logo_replace") : t("enterprises.logo_upload")}
        </button>
      </p>
    </form>
  );
};

// The representative's overview

const NoticeItem: FC<{ ctx: PageContext; n: Notice }> = ({ ctx, n }) => {
  const { i18n } = ctx;
  const reason = typeof n.details.reason === "string" && n.details.reason ? n.details.reason : null;
  const link =
    n.subjectType === "enterprise_request"
      ? href(ctx, `/requests/${n.subjectId}`)
      : n.subjectType === "enterprise_introduction"
        ? "#introductions"
        : null;
  return (
    <li class={n.readAt ? "notice" : "notice notice-unread"} data-notice={n.kind}>
      {n.readAt ? null : <span class="tag-new">{i18n.t("enterprises.new")}</span>}{" "}
      {link ? <a href={link}>{i18n.t(NOTICE_LABEL[n.kind])}</a> : i18n.t(NOTICE_LABEL[n.kind])}{" "}
      <span class="muted">{i18n.dateTime(n.createdAt)}</span>
      {reason ? <p class="muted notice-reason">{i18n.t("enterprises.reason_given", { reason })}</p> : null}
    </li>
  );
};

const IntroductionRow: FC<{ ctx: PageContext; i: Introduction; orgId: number }> = ({ ctx, i, orgId }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const outgoing = i.from.id === orgId;
  const other = outgoing ? i.to : i.from;
  return (
    <li class="card introduction-card" data-introduction={i.id} data-status={i.status}>
      <p>
        <span class={`status intro-status-${i.status}`}>{t(INTRODUCTION_LABEL[i.status])}</span>{" "}
        <span class="muted">{i.ageDays === 0 ? t("enterprises.age_today") : t("enterprises.age_days", { count: i.ageDays })}</span>
      </p>
      <h3>
        {outgoing ? t("enterprises.introduction_to") : t("enterprises.introduction_from")}{" "}
        <a href={href(ctx, enterprisePath(other))}>
          <EnterpriseName i18n={i18n} name={other.name} />
        </a>
      </h3>
      {i.message ? <p class="introduction-message">{i.message}</p> : null}
      {i.reason ? <p class="muted">{t("enterprises.reason_given", { reason: i.reason })}</p> : null}
      {i.status === "accepted" ? <p class="muted">{t("enterprises.introduction_accepted_next")}</p> : null}
      {outgoing && i.status === "requested" ? (
        <form method="post" action={href(ctx, `/my/enterprise/introductions/${i.id}/withdraw`)} class="inline-form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit" class="button button-quiet button-small">
            {t("enterprises.withdraw")}
          </button>
        </form>
      ) : null}
    </li>
  );
};

const CloseForm: FC<{ ctx: PageContext; id: number }> = ({ ctx, id }) => (
  <form method="post" action={href(ctx, `/requests/${id}/close`)} class="inline-form">
    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
    <button type="submit" class="button button-danger button-small">
      {ctx.i18n.t("enterprises.close_request")}
    </button>
  </form>
);

/**
 * The representative's overview; `logoError` when an upload was refused: the page comes back with
 * it at the field and at the top, where the other outcomes' messages show (the form sits lower).
 */
async function myEnterprisePage(c: Context<AppEnv>, logoError: string | null = null, status: 200 | 422 = 200) {
  if (logoError) c.set("flash", { kind: "error", message: logoError });
  const s = c.get("services").enterprises;
  const actor = actorOf(c);
  const orgId = ownOrganisationOf(actor);
  const [brief, profile, requests, introductions, notices] = await Promise.all([
    s.organisationBrief(orgId),
    s.ownProfile(actor),
    s.ownRequests(actor),
    s.ownIntroductions(actor),
    s.notices(actor),
  ]);
  const ctx = pageContext(c);
  const { i18n } = ctx;
  const t = i18n.t;
  const name = i18n.pick(brief.name);
  const unread = notices.filter((n) => !n.readAt).length;
  return render(
    c,
    <Layout ctx={ctx} title={t("enterprises.my_title")} section="enterprises" noindex crumbs={[{ label: t("enterprises.my_title") }]}>
      <PageHeader
        title={t("enterprises.my_title")}
        lead={name.text}
        actions={
          profile ? (
            <>
              <a class="button" href={href(ctx, "/my/enterprise/requests/new")}>
                {t("enterprises.new_request")}
              </a>{" "}
              <a class="button button-quiet" href={href(ctx, `${enterprisePath(brief)}/partners`)}>
                {t("enterprises.find_partners")}
              </a>
            </>
          ) : undefined
        }
      />
      <section class="panel my-profile" aria-labelledby="my-profile">
        <h2 id="my-profile">{t("enterprises.f.profile")}</h2>
        {profile ? (
          <>
            <p>
              <a href={href(ctx, enterprisePath(brief))}>{t("enterprises.public_profile")}</a>
              {" · "}
              <a href={href(ctx, `/enterprises/${orgId}/edit`)}>{t("enterprises.edit_profile")}</a>
            </p>
            {profile.pending ? (
              <p class="flash flash-info" data-pending="profile">
                {t("enterprises.description_pending", { date: i18n.date(profile.pending.submittedAt) })}
              </p>
            ) : null}
            {profile.moderationNote ? (
              <p class="flash flash-error">{t("enterprises.description_rejected", { reason: profile.moderationNote })}</p>
            ) : null}
            {profile.publication !== "published" ? <p class="flash flash-info">{t("enterprises.not_public")}</p> : null}
            <LogoForm ctx={ctx} orgId={orgId} profile={profile} error={logoError} />
          </>
        ) : (
          <>
            <p>{t("enterprises.no_profile_own")}</p>
            <p>
              <a class="button" href={href(ctx, `/enterprises/${orgId}/edit`)}>
                {t("enterprises.fill_profile")}
              </a>
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="notices" id="notices-section">
        <h2 id="notices">
          {t("enterprises.notices_title")}
          {unread > 0 ? <span class="tag-new">{t("enterprises.unread", { count: unread })}</span> : null}
        </h2>
        {notices.length === 0 ? (
          <p class="muted">{t("enterprises.no_notices")}</p>
        ) : (
          <>
            <ul class="fact-list notices">
              {notices.slice(0, 20).map((n) => (
                <NoticeItem ctx={ctx} n={n} />
              ))}
            </ul>
            {unread > 0 ? (
              <form method="post" action={href(ctx, "/my/enterprise/notices/read")} class="inline-form">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit" class="button button-quiet button-small">
                  {t("enterprises.mark_read")}
                </button>
              </form>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="my-requests">
        <h2 id="my-requests">{t("enterprises.my_requests")}</h2>
        {requests.length === 0 ? (
          <p class="empty">{t("enterprises.no_own_requests")}</p>
        ) : (
          <ul class="cards request-cards">
            {requests.map((r) => (
              <RequestCard
                ctx={ctx}
                r={r}
                showOrganisation={false}
                status
                actions={
                  <>
                    <a class="button button-small" href={href(ctx, `/requests/${r.id}/partners`)}>
                      {t("enterprises.find_partners")}
                    </a>{" "}
                    {r.status !== "closed" ? (
                      <>
                        <a class="button button-quiet button-small" href={href(ctx, `/requests/${r.id}/edit`)}>
                          {t("enterprises.edit")}
                        </a>{" "}
                        <CloseForm ctx={ctx} id={r.id} />
                      </>
                    ) : null}
                  </>
                }
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="introductions" id="introductions-section">
        <h2 id="introductions">{t("enterprises.my_introductions")}</h2>
        {introductions.length === 0 ? (
          <p class="muted">{t("enterprises.no_introductions")}</p>
        ) : (
          <ul class="cards introduction-cards">
            {introductions.map((i) => (
              <IntroductionRow ctx={ctx} i={i} orgId={orgId} />
            ))}
          </ul>
        )}
      </section>
    </Layout>,
    status,
  );
}

/** Back to the page the introduction was asked from: only our own partner pages. */
function backPath(raw: string): string | null {
  return /^\/(enterprises\/\d{1,10}(-[a-z0-9-]{0,100})?|requests\/\d{1,10})\/partners$/.test(raw) ? raw : null;
}

export function enterpriseAccountPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const own = requirePermission("enterprises:edit-own");
  app.use("/:locale/my/enterprise", own);
  app.use("/:locale/my/enterprise/*", own);
  app.use("/:locale/enterprises/:id/edit", ownEnterpriseOnly());
  app.use("/:locale/enterprises/:id/logo", ownEnterpriseOnly());
  for (const path of ["/:locale/requests/:id/edit", "/:locale/requests/:id/close", "/:locale/requests/:id/partners"])
    app.use(path, ownRequestOnly());

  app.get("/:locale/my/enterprise", (c) => myEnterprisePage(c));

  // The profile

  app.get("/:locale/enterprises/:id/edit", (c) => profileForm(c, idOf(c.req.param("id")), null, {}));
  app.post("/:locale/enterprises/:id/edit", async (c) => {
    const id = idOf(c.req.param("id"));
    const values = bodyValues(await c.req.parseBody({ all: true }));
    try {
      const saved = await c.get("services").enterprises.saveProfile(actorOf(c), id, profileInputOf(values), meta(c));
      setFlash(c, "success", saved.pending ? "enterprises.profile_saved_pending" : "enterprises.profile_saved");
      return c.redirect(`/${c.get("locale")}/my/enterprise`, 303);
    } catch (error) {
      return profileForm(c, id, values, errorsOf(c.get("i18n"), error), 422);
    }
  });

  // The logo: the same service call as the API's and the back office's, so the same checks apply

  app.post("/:locale/enterprises/:id/logo", async (c) => {
    const id = idOf(c.req.param("id"));
    const file = (await c.req.parseBody()).file;
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
    try {
      await c.get("services").enterprises.setLogo(actorOf(c), id, bytes, meta(c));
    } catch (error) {
      const errors = errorsOf(c.get("i18n"), error);
      return myEnterprisePage(c, Object.values(errors)[0] ?? null, 422);
    }
    setFlash(c, "success", "enterprises.logo_saved");
    return c.redirect(`/${c.get("locale")}/my/enterprise`, 303);
  });

  // Offers and needs

  app.get("/:locale/my/enterprise/requests/new", (c) => requestForm(c, null, null, {}));
  app.post("/:locale/my/enterprise/requests", async (c) => {
    const actor = actorOf(c);
    const orgId = ownOrganisationOf(actor);
    const values = bodyValues(await c.req.parseBody({ all: true }));
    try {
      const created = await c.get("services").enterprises.createRequest(actor, orgId, requestInputOf(values), meta(c));
      setFlash(c, "success", created.status === "draft" ? "enterprises.request_saved_draft" : "enterprises.request_sent");
      return c.redirect(`/${c.get("locale")}/requests/${created.id}/partners`, 303);
    } catch (error) {
      return requestForm(c, null, values, errorsOf(c.get("i18n"), error), 422);
    }
  });

  app.get("/:locale/requests/:id/edit", async (c) => {
    const existing = await c.get("services").enterprises.getRequest(idOf(c.req.param("id")), actorOf(c));
    return requestForm(c, existing, null, {});
  });
  app.post("/:locale/requests/:id/edit", async (c) => {
    const id = idOf(c.req.param("id"));
    const actor = actorOf(c);
    const values = bodyValues(await c.req.parseBody({ all: true }));
    const s = c.get("services").enterprises;
    try {
      const saved = await s.updateRequest(actor, id, requestInputOf(values), meta(c));
      setFlash(
        c,
        "success",
        saved.status === "draft"
          ? "enterprises.request_saved_draft"
          : saved.pending
            ? "enterprises.request_sent"
            : "enterprises.request_saved",
      );
      return c.redirect(`/${c.get("locale")}/my/enterprise#my-requests`, 303);
    } catch (error) {
      const errors = errorsOf(c.get("i18n"), error);
      return requestForm(c, await s.getRequest(id, actor), values, errors, 422);
    }
  });
  app.post("/:locale/requests/:id/close", async (c) => {
    await c.get("services").enterprises.closeRequest(actorOf(c), idOf(c.req.param("id")), meta(c));
    setFlash(c, "success", "enterprises.request_closed");
    return c.redirect(`/${c.get("locale")}/my/enterprise#my-requests`, 303);
  });
  app.get("/:locale/requests/:id/partners", (c) => requestPartnersPage(c, idOf(c.req.param("id"))));

  // Introductions and notices

  app.post("/:locale/my/enterprise/introductions", async (c) => {
    const actor = actorOf(c);
    const orgId = ownOrganisationOf(actor);
    const v = bodyValues(await c.req.parseBody());
    const id = (raw: string) => (/^\d{1,10}$/.test(raw) ? Number(raw) : null);
    const input = {
      toOrganisationId: id(str(v.toOrganisationId)) ?? undefined,
      fromRequestId: id(str(v.fromRequestId)),
      toRequestId: id(str(v.toRequestId)),
      message: str(v.message).trim() || null,
    };
    try {
      await c.get("services").enterprises.requestIntroduction(actor, input, meta(c));
    } catch (error) {
      const errors = errorsOf(c.get("i18n"), error);
      const failed: FailedIntroduction = {
        to: input.toOrganisationId ?? 0,
        message: str(v.message),
        error: Object.values(errors)[0] ?? "",
      };
      if (input.fromRequestId !== null) {
        const owner = await c
          .get("services")
          .enterprises.requestOwner(input.fromRequestId)
          .catch(() => null);
        if (owner === orgId) return requestPartnersPage(c, input.fromRequestId, failed, 422);
      }
      return renderEnterprisePartners(c, orgId, failed, 422);
    }
    setFlash(c, "success", "enterprises.introduction_sent");
    const back = backPath(str(v.back));
    return c.redirect(`/${c.get("locale")}${back ?? "/my/enterprise#introductions"}`, 303);
  });
  app.post("/:locale/my/enterprise/introductions/:id/withdraw", async (c) => {
    await c.get("services").enterprises.withdrawIntroduction(actorOf(c), idOf(c.req.param("id")), meta(c));
    setFlash(c, "success", "enterprises.introduction_withdrawn");
    return c.redirect(`/${c.get("locale")}/my/enterprise#introductions`, 303);
  });
  app.post("/:locale/my/enterprise/notices/read", async (c) => {
    await c.get("services").enterprises.markNoticesRead(actorOf(c));
    return c.redirect(`/${c.get("locale")}/my/enterprise#notices`, 303);
  });

  return app;
}
