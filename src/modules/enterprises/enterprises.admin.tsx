import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { AdminMenu } from "../../views/admin-menu.tsx";
import { PageHeader, Pagination } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import type { OptionalText } from "../cooperation/cooperation.schemas.ts";
import { isStaffActor } from "./enterprises.policy.ts";
import {
  type Enterprise,
  INTRODUCTION_STATUSES,
  type Introduction,
  type IntroductionStatus,
  OrgIdParam,
  PUBLICATIONS,
  type REQUEST_KINDS,
  SIDES,
  SIZE_BANDS,
  TEXT_LANGUAGES,
} from "./enterprises.schemas.ts";
import { NACE_CLASSES, naceShortName } from "./nace.ts";

/**
 * The back office of the directory: enterprises (list, edit, verify), the moderation queue of
 * public text (approved → pending, approve or reject with a reason) and the introductions queue
 * (status, age, the stale flag; accept or decline with a reason). Failed forms keep what was typed.
 */

type Values = Record<string, string | string[]>;

export const SIZE_LABEL: Record<(typeof SIZE_BANDS)[number], MessageKey> = {
  micro: "enterprises.size.micro",
  small: "enterprises.size.small",
  medium: "enterprises.size.medium",
  large: "enterprises.size.large",
};
export const SIDE_LABEL: Record<(typeof SIDES)[number], MessageKey> = {
  home: "enterprises.side.home",
  partner: "enterprises.side.partner",
};
export const PUBLICATION_LABEL: Record<(typeof PUBLICATIONS)[number], MessageKey> = {
  draft: "enterprises.publication.draft",
  published: "enterprises.publication.published",
  hidden: "enterprises.publication.hidden",
};
export const KIND_LABEL: Record<(typeof REQUEST_KINDS)[number], MessageKey> = {
  supply: "enterprises.kind.supply",
  buy: "enterprises.kind.buy",
  contract_manufacturing: "enterprises.kind.contract_manufacturing",
  joint_venture: "enterprises.kind.joint_venture",
  investment_sought: "enterprises.kind.investment_sought",
  investment_offered: "enterprises.kind.investment_offered",
  technology: "enterprises.kind.technology",
  distribution: "enterprises.kind.distribution",
};
export const INTRODUCTION_LABEL: Record<IntroductionStatus, MessageKey> = {
  requested: "enterprises.intro.requested",
  accepted: "enterprises.intro.accepted",
  declined: "enterprises.intro.declined",
  withdrawn: "enterprises.intro.withdrawn",
};
const TRANSLATION_LABEL: Record<"original" | "human" | "machine", MessageKey> = {
  original: "enterprises.translation.original",
  human: "enterprises.translation.human",
  machine: "enterprises.translation.machine",
};
const LANGUAGE_LABEL: Record<(typeof TEXT_LANGUAGES)[number], string> = { kk: "Қазақша", ru: "Русский", zh: "中文", en: "English" };

function actor(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

function idOf(raw: string | undefined): number {
  const parsed = OrgIdParam.safeParse({ id: raw });
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data.id;
}

/** Staff only: the rule the service applies (enterprises.policy.ts). */
function requireStaff(): MiddlewareHandler<AppEnv> {
  return async function requireEnterpriseStaffMiddleware(c, next) {
    const session = c.get("session");
    if (!session) {
      if (c.req.method === "GET" || c.req.method === "HEAD")
        return c.redirect(`/${c.get("locale")}/login?next=${encodeURIComponent(c.req.path)}`, 302);
      throw new AppError("unauthenticated");
    }
    if (!isStaffActor(session.user)) throw new AppError("forbidden");
    await next();
  };
}

const meta = (c: Context<AppEnv>) => ({ requestId: c.get("requestId") });

/** The field a service error belongs to: "sectors.2" → sectors, "products.1.hs" → products, "contacts.email" stays. */
function fieldOf(path: string): string {
  const [first = "_", second] = path.split(".");
  return (first === "description" || first === "contacts" || first === "translations") && second ? `${first}.${second}` : first;
}

function errorsOf(i18n: I18n, details: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details)) out[fieldOf(k)] ??= i18n.tx(String(v));
  return out;
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function bodyValues(body: Record<string, unknown>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

/** The form's strings → the service's input; what does not parse is passed on for the schema to refuse. */
function profileInputOf(v: Values): Record<string, unknown> {
  const year = str(v.yearFounded).trim();
  const text = (prefix: string) =>
    Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, str(v[`${prefix}.${l}`]).trim() || null])) as Record<string, string | null>;
  const translations: Record<string, string> = {};
  for (const l of TEXT_LANGUAGES) {
    const s = str(v[`translations.${l}`]);
    if (s) translations[l] = s;
  }
  return {
    publication: str(v.publication) || "published",
    sizeBand: str(v.sizeBand) || null,
    yearFounded: year === "" ? null : Number.isFinite(Number(year)) ? Number(year) : year,
    description: text("description"),
    translations,
    sectors: list(v.sectors).filter(Boolean),
    products: lines(str(v.products)).map((l) => {
      const m = /^(\d{2,6})\s+(.+)$/.exec(l);
      return m ? { hs: m[1], name: m[2] } : { hs: null, name: l };
    }),
    exportMarkets: str(v.exportMarkets)
      .split(/[\s,;]+/)
      .filter(Boolean),
    certifications: lines(str(v.certifications)),
    contacts: {
      person: str(v["contacts.person"]) || null,
      email: str(v["contacts.email"]) || null,
      phone: str(v["contacts.phone"]) || null,
      address: str(v["contacts.address"]) || null,
    },
  };
}

function valuesOf(e: Enterprise | null): Values {
  if (!e) return { publication: "published" };
  const v: Values = {
    publication: e.publication,
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
    const state = e.translations[l];
    v[`translations.${l}`] = state === "missing" ? "" : state;
  }
  if (e.contacts) for (const [k, val] of Object.entries(e.contacts)) v[`contacts.${k}`] = val ?? "";
  return v;
}

const AdminPage: FC<{ ctx: PageContext; c: Context<AppEnv>; title: string; children?: unknown }> = ({ ctx, c, title, children }) => (
  <Layout
    ctx={ctx}
    title={title}
    section="admin"
    noindex
    crumbs={[
      { label: ctx.i18n.t("admin.title"), href: href(ctx, "/admin") },
      { label: ctx.i18n.t("enterprises.admin_title"), href: href(ctx, "/admin/enterprises") },
      { label: title },
    ]}
    aside={<AdminMenu ctx={ctx} current="enterprises" isAdmin={c.get("session")?.user.role === "admin"} />}
  >
    {children as never}
  </Layout>
);

const ErrorText: FC<{ id: string; error?: string }> = ({ id, error }) =>
  error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;

const TextField: FC<{
  id: string;
  name: string;
  label: string;
  values: Values;
  errors: Record<string, string>;
  hint?: string;
  area?: boolean;
}> = ({ id, name, label, values, errors, hint, area }) => {
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
      {area ? (
        <textarea id={id} name={name} rows={4} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy}>
          {str(values[name])}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          type="text"
          value={str(values[name])}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
};

const Select: FC<{
  id: string;
  name: string;
  label: string;
  values: Values;
  errors: Record<string, string>;
  options: { value: string; label: string }[];
  empty?: string;
  multiple?: boolean;
}> = ({ id, name, label, values, errors, options, empty, multiple }) => {
  const error = errors[name];
  const chosen = new Set(list(values[name]));
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      <ErrorText id={id} error={error} />
      <select
        id={id}
        name={name}
        multiple={multiple}
        size={multiple ? 10 : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={chosen.has(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

const Texts: FC<{ i18n: I18n; text: OptionalText | null }> = ({ i18n, text }) =>
  text ? (
    <dl class="texts">
      {TEXT_LANGUAGES.filter((l) => text[l]).map((l) => (
        <>
          <dt>{LANGUAGE_LABEL[l]}</dt>
          <dd lang={l}>{text[l]}</dd>
        </>
      ))}
    </dl>
  ) : (
    <p class="muted">{i18n.t("enterprises.no_text")}</p>
  );

export function enterprisesAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/:locale/admin/enterprises", requireStaff());
  app.use("/:locale/admin/enterprises/*", requireStaff());

  // The list: every profile (drafts and hidden ones too), the queues' counts, companies without a profile

  app.get("/:locale/admin/enterprises", async (c) => {
    const s = c.get("services").enterprises;
    const who = actor(c);
    const q = c.req.query();
    const [page, queue, stale, without] = await Promise.all([
      s.adminDirectory(who, { q: q.q, side: SIDES.includes(q.side as never) ? q.side : undefined, page: q.page }),
      s.moderationQueue(who),
      s.staleIntroductions(),
      s.organisationsWithoutProfile(who),
    ]);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const query = new URLSearchParams({ ...(q.q ? { q: q.q } : {}), ...(q.side ? { side: q.side } : {}) }).toString();
    return render(
      c,
      <AdminPage ctx={ctx} c={c} title={t("enterprises.admin_title")}>
        <PageHeader title={t("enterprises.admin_title")} lead={t("enterprises.admin_lead")} />
        <ul class="cards">
          <li class="card">
            <h2>
              <a href={href(ctx, "/admin/enterprises/moderation")}>{t("enterprises.moderation_title")}</a>
            </h2>
            <p>{t("enterprises.moderation_count", { count: queue.length })}</p>
          </li>
          <li class="card">
            <h2>
              <a href={href(ctx, "/admin/enterprises/introductions")}>{t("enterprises.introductions_title")}</a>
            </h2>
            <p>
              {t("enterprises.stale_count", { count: stale })}
              {stale > 0 ? <span class="stale-flag">{t("enterprises.stale")}</span> : null}
            </p>
          </li>
        </ul>
        <form method="get" action={href(ctx, "/admin/enterprises")} class="form form-row">
          <div class="field">
            <label for="q">{t("enterprises.search_label")}</label>
            <input id="q" name="q" type="search" value={q.q ?? ""} />
          </div>
          <div class="field">
            <label for="side">{t("enterprises.f.side")}</label>
            <select id="side" name="side">
              <option value="">{t("enterprises.any")}</option>
              {SIDES.map((sd) => (
                <option value={sd} selected={q.side === sd}>
                  {t(SIDE_LABEL[sd])}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit" class="button">
              {t("enterprises.filter")}
            </button>
          </p>
        </form>
        <div class="table-wrap">
          <table>
            <caption>{t("enterprises.count", { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("enterprises.f.name")}</th>
                <th scope="col">{t("enterprises.f.side")}</th>
                <th scope="col">{t("enterprises.f.territory")}</th>
                <th scope="col">{t("enterprises.f.sectors")}</th>
                <th scope="col">{t("enterprises.f.verified")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr>
                  <td>
                    <a href={href(ctx, `/admin/enterprises/${e.id}/edit`)}>{i18n.pick(e.name).text}</a>
                    {e.nameOriginal ? <span class="muted"> · {e.nameOriginal}</span> : null}
                    {e.illustrative ? <span class="tag-illustrative">{t("enterprises.illustrative")}</span> : null}
                  </td>
                  <td>{t(SIDE_LABEL[e.side])}</td>
                  <td>{e.territory ? i18n.pick(e.territory.name).text : "—"}</td>
                  <td>{e.sectors.join(", ")}</td>
                  <td>{e.verifiedOn ? i18n.date(e.verifiedOn, "short") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination i18n={i18n} page={page.page} pages={page.pages} baseHref={href(ctx, `/admin/enterprises${query ? `?${query}` : ""}`)} />
        {without.length > 0 ? (
          <section class="panel">
            <h2>{t("enterprises.without_profile")}</h2>
            <ul>
              {without.map((o) => (
                <li>
                  <a href={href(ctx, `/admin/enterprises/${o.id}/edit`)}>{i18n.pick(o.name).text}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </AdminPage>,
    );
  });

  // Edit (or create) a profile; verify

  const formPage = async (
    c: Context<AppEnv>,
    id: number,
    values: Values | null,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const s = c.get("services").enterprises;
    const who = actor(c);
    const brief = await s.organisationBrief(id);
    const existing = await s.get(id, who).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") return null;
      throw error;
    });
    const v = values ?? valuesOf(existing);
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const title = i18n.pick(brief.name).text;
    const placed = new Set([
      "publication",
      "sizeBand",
      "yearFounded",
      "sectors",
      "products",
      "exportMarkets",
      "certifications",
      ...TEXT_LANGUAGES.flatMap((l) => [`description.${l}`, `translations.${l}`]),
      ...["person", "email", "phone", "address"].map((k) => `contacts.${k}`),
    ]);
    const unplaced = Object.entries(errors).filter(([k]) => !placed.has(k));
    const source = i18n.locale === "kk-latn" ? "kk" : i18n.locale;
    return render(
      c,
      <AdminPage ctx={ctx} c={c} title={title}>
        <PageHeader title={title} lead={brief.nameOriginal ?? undefined} />
        {existing?.verified ? (
          <p class="verification">
            {t("enterprises.verified_by_on", { who: existing.verified.by ?? "—", date: i18n.date(existing.verified.on) })}
          </p>
        ) : existing ? (
          <p class="verification verification-stale">{t("enterprises.not_verified")}</p>
        ) : (
          <p class="muted">{t("enterprises.no_profile_yet")}</p>
        )}
        {existing?.pending ? (
          <p class="flash flash-info">
            {t("enterprises.pending_note")} <a href={href(ctx, "/admin/enterprises/moderation")}>{t("enterprises.moderation_title")}</a>
          </p>
        ) : null}
        <form method="post" action={href(ctx, `/admin/enterprises/${id}/edit`)} class="form admin-form" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          {Object.keys(errors).length > 0 ? (
            <div class="flash flash-error" role="alert">
              {t("enterprises.form_has_errors", { count: Object.keys(errors).length })}
              {unplaced.length > 0 ? (
                <ul>
                  {unplaced.map(([, message]) => (
                    <li>{message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <fieldset class="panel">
            <legend>{t("enterprises.f.profile")}</legend>
            <Select
              id="publication"
              name="publication"
              label={t("enterprises.f.publication")}
              values={v}
              errors={errors}
              options={PUBLICATIONS.map((p) => ({ value: p, label: t(PUBLICATION_LABEL[p]) }))}
            />
            <Select
              id="sizeBand"
              name="sizeBand"
              label={t("enterprises.f.size")}
              values={v}
              errors={errors}
              empty={t("enterprises.unknown")}
              options={SIZE_BANDS.map((b) => ({ value: b, label: t(SIZE_LABEL[b]) }))}
            />
            <TextField id="yearFounded" name="yearFounded" label={t("enterprises.f.year_founded")} values={v} errors={errors} />
            <Select
              id="sectors"
              name="sectors"
              label={t("enterprises.f.sectors")}
              values={v}
              errors={errors}
              multiple
              options={NACE_CLASSES.map((n) => ({ value: n.code, label: `${n.code} ${naceShortName(n.code, i18n.locale)}` }))}
            />
            <TextField
              id="products"
              name="products"
              label={t("enterprises.f.products")}
              hint={t("enterprises.hint_products")}
              values={v}
              errors={errors}
              area
            />
            <TextField
              id="exportMarkets"
              name="exportMarkets"
              label={t("enterprises.f.export_markets")}
              hint={t("enterprises.hint_markets")}
              values={v}
              errors={errors}
            />
            <TextField
              id="certifications"
              name="certifications"
              label={t("enterprises.f.certifications")}
              values={v}
              errors={errors}
              area
            />
          </fieldset>
          <fieldset class="panel">
            <legend>{t("enterprises.f.description")}</legend>
            {TEXT_LANGUAGES.map((l) => (
              <div class="form-row">
                <TextField id={`description-${l}`} name={`description.${l}`} label={LANGUAGE_LABEL[l]} values={v} errors={errors} area />
                <Select
                  id={`translations-${l}`}
                  name={`translations.${l}`}
                  label={t("enterprises.f.translation")}
                  values={v}
                  errors={errors}
                  empty={t("enterprises.unknown")}
                  options={(["original", "human", "machine"] as const).map((s) => ({ value: s, label: t(TRANSLATION_LABEL[s]) }))}
                />
              </div>
            ))}
          </fieldset>
          <fieldset class="panel">
            <legend>{t("enterprises.f.contacts")}</legend>
            <p class="hint">{t("enterprises.hint_contacts")}</p>
            <TextField id="contacts-person" name="contacts.person" label={t("enterprises.f.contact_person")} values={v} errors={errors} />
            <TextField id="contacts-email" name="contacts.email" label={t("enterprises.f.email")} values={v} errors={errors} />
            <TextField id="contacts-phone" name="contacts.phone" label={t("enterprises.f.phone")} values={v} errors={errors} />
            <TextField id="contacts-address" name="contacts.address" label={t("enterprises.f.address")} values={v} errors={errors} />
          </fieldset>
          <p>
            <button type="submit" class="button">
              {t("enterprises.save")}
            </button>
          </p>
        </form>
        {existing ? (
          <form method="post" action={href(ctx, `/admin/enterprises/${id}/logo`)} enctype="multipart/form-data" class="form panel upload">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <h2>{t("enterprises.logo")}</h2>
            {existing.logo ? (
              <p>
                <img class="logo" src={existing.logo} alt={t("enterprises.logo_alt", { name: title })} width={160} />
              </p>
            ) : (
              <p class="muted">{t("enterprises.no_logo")}</p>
            )}
            <div class="field">
              <label for="logo-file">{t("enterprises.logo_file")}</label>
              <p class="hint" id="logo-hint">
                {t("enterprises.logo_hint")}
              </p>
              <input id="logo-file" name="file" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="logo-hint" />
            </div>
            <p>
              <button type="submit" class="button button-quiet">
                {t("enterprises.logo_upload")}
              </button>
            </p>
          </form>
        ) : null}
        {existing ? (
          <form method="post" action={href(ctx, `/admin/enterprises/${id}/verify`)} class="form panel" novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <h2>{t("enterprises.verify_title")}</h2>
            <p class="hint">{t("enterprises.verify_hint")}</p>
            <p>
              <button type="submit" class="button button-quiet">
                {t("enterprises.verify")}
              </button>
            </p>
          </form>
        ) : null}
        <p class="muted" lang={source}>
          <a href={href(ctx, `/admin/organisations/${id}/edit`)}>{t("enterprises.edit_names")}</a>
        </p>
      </AdminPage>,
      status,
    );
  };

  app.get("/:locale/admin/enterprises/:id/edit", (c) => formPage(c, idOf(c.req.param("id")), null, {}));
  app.post("/:locale/admin/enterprises/:id/edit", async (c) => {
    const id = idOf(c.req.param("id"));
    const values = bodyValues(await c.req.parseBody({ all: true }));
    try {
      await c.get("services").enterprises.saveProfile(actor(c), id, profileInputOf(values), meta(c));
      setFlash(c, "success", "enterprises.saved");
      return c.redirect(`/${c.get("locale")}/admin/enterprises/${id}/edit`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      return formPage(c, id, values, errorsOf(c.get("i18n"), error.details ?? {}), 422);
    }
  });
  app.post("/:locale/admin/enterprises/:id/logo", async (c) => {
    const id = idOf(c.req.param("id"));
    const file = (await c.req.parseBody()).file;
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
    try {
      await c.get("services").enterprises.setLogo(actor(c), id, bytes, meta(c));
      setFlash(c, "success", "enterprises.logo_saved");
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      const [key = "upload.empty"] = Object.values(error.details ?? {}).map(String);
      setFlash(c, "error", key as MessageKey);
    }
    return c.redirect(`/${c.get("locale")}/admin/enterprises/${id}/edit`, 303);
  });
  app.post("/:locale/admin/enterprises/:id/verify", async (c) => {
    const id = idOf(c.req.param("id"));
    await c.get("services").enterprises.verifyProfile(actor(c), id, meta(c));
    setFlash(c, "success", "enterprises.verified_now");
    return c.redirect(`/${c.get("locale")}/admin/enterprises/${id}/edit`, 303);
  });

  // Moderation: approved text beside the pending text, approve or reject with a reason

  const moderationPage = async (
    c: Context<AppEnv>,
    failed: { key: string; errors: Record<string, string>; values: Values } | null = null,
    status: 200 | 422 = 200,
  ) => {
    const queue = await c.get("services").enterprises.moderationQueue(actor(c));
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    return render(
      c,
      <AdminPage ctx={ctx} c={c} title={t("enterprises.moderation_title")}>
        <PageHeader title={t("enterprises.moderation_title")} lead={t("enterprises.moderation_lead")} />
        {queue.length === 0 ? <p class="muted">{t("enterprises.moderation_empty")}</p> : null}
        {queue.map((item) => {
          const key = `${item.type}-${item.id}`;
          const errors = failed?.key === key ? failed.errors : {};
          const values = failed?.key === key ? failed.values : {};
          return (
            <article class="panel" id={key} data-moderation={key}>
              <h2>
                {i18n.pick(item.organisation.name).text}
                {" · "}
                {item.type === "profile" ? t("enterprises.f.description") : item.kind ? t(KIND_LABEL[item.kind]) : ""}
              </h2>
              <p class="muted">
                {t("enterprises.submitted_at", { date: i18n.dateTime(item.submittedAt) })}
                {item.firstPublication ? ` · ${t("enterprises.first_publication")}` : ""}
              </p>
              <div class="grid-2">
                <section>
                  <h3>{t("enterprises.old_text")}</h3>
                  {item.type === "request" ? <Texts i18n={i18n} text={item.old.title} /> : null}
                  <Texts i18n={i18n} text={item.old.description} />
                </section>
                <section>
                  <h3>{t("enterprises.new_text")}</h3>
                  {item.type === "request" ? <Texts i18n={i18n} text={item.new.title} /> : null}
                  <Texts i18n={i18n} text={item.new.description} />
                </section>
              </div>
              <form method="post" action={href(ctx, `/admin/enterprises/moderation/${item.type}/${item.id}`)} class="form" novalidate>
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <TextField id={`reason-${key}`} name="reason" label={t("enterprises.reason_reject")} values={values} errors={errors} />
                <ErrorText id={`decision-${key}`} error={errors.decision} />
                <p>
                  <button type="submit" name="decision" value="approve" class="button">
                    {t("enterprises.approve")}
                  </button>{" "}
                  <button type="submit" name="decision" value="reject" class="button button-danger">
                    {t("enterprises.reject")}
                  </button>
                </p>
              </form>
            </article>
          );
        })}
      </AdminPage>,
      status,
    );
  };
  app.get("/:locale/admin/enterprises/moderation", (c) => moderationPage(c));
  for (const type of ["profile", "request"] as const) {
    app.post(`/:locale/admin/enterprises/moderation/${type}/:id`, async (c) => {
      const id = idOf(c.req.param("id"));
      const values = bodyValues(await c.req.parseBody());
      const decision = { decision: str(values.decision), reason: str(values.reason) || null };
      const s = c.get("services").enterprises;
      try {
        if (type === "profile") await s.moderateProfile(actor(c), id, decision, meta(c));
        else await s.moderateRequest(actor(c), id, decision, meta(c));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
        return moderationPage(c, { key: `${type}-${id}`, errors: errorsOf(c.get("i18n"), error.details ?? {}), values }, 422);
      }
      setFlash(c, "success", decision.decision === "approve" ? "enterprises.approved" : "enterprises.rejected");
      return c.redirect(`/${c.get("locale")}/admin/enterprises/moderation`, 303);
    });
  }

  // Introductions: status, age, the stale flag; accept or decline with a reason

  const introductionsPage = async (
    c: Context<AppEnv>,
    failed: { id: number; errors: Record<string, string>; values: Values } | null = null,
    status: 200 | 422 = 200,
  ) => {
    const s = c.get("services").enterprises;
    const wanted = c.req.query("status");
    const filter = INTRODUCTION_STATUSES.includes(wanted as never) ? (wanted as IntroductionStatus) : undefined;
    const items = await s.introductionQueue(actor(c), { status: filter });
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const row = (i: Introduction) => {
      const errors = failed?.id === i.id ? failed.errors : {};
      const values = failed?.id === i.id ? failed.values : {};
      return (
        <tr data-introduction={i.id}>
          <td>
            <a href={href(ctx, `/admin/enterprises/${i.from.id}/edit`)}>{i18n.pick(i.from.name).text}</a>
            {" → "}
            <a href={href(ctx, `/admin/enterprises/${i.to.id}/edit`)}>{i18n.pick(i.to.name).text}</a>
            {i.message ? <p class="muted">{i.message}</p> : null}
            {i.requestedBy ? <p class="muted">{t("enterprises.requested_by", { who: i.requestedBy })}</p> : null}
          </td>
          <td>
            {t(INTRODUCTION_LABEL[i.status])}
            {i.stale ? <span class="stale-flag">{t("enterprises.stale")}</span> : null}
            {i.reason ? <p class="muted">{i.reason}</p> : null}
          </td>
          <td>{t("enterprises.age_days", { count: i.ageDays })}</td>
          <td>
            {i.status === "requested" ? (
              <form method="post" action={href(ctx, `/admin/enterprises/introductions/${i.id}`)} class="form" novalidate>
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <TextField id={`reason-${i.id}`} name="reason" label={t("enterprises.reason_decline")} values={values} errors={errors} />
                <ErrorText id={`decision-${i.id}`} error={errors.decision} />
                <p>
                  <button type="submit" name="decision" value="accept" class="button button-small">
                    {t("enterprises.accept")}
                  </button>{" "}
                  <button type="submit" name="decision" value="decline" class="button button-danger button-small">
                    {t("enterprises.decline")}
                  </button>
                </p>
              </form>
            ) : i.decidedAt ? (
              <p class="muted">{t("enterprises.decided", { who: i.decidedBy ?? "—", date: i18n.date(i.decidedAt, "short") })}</p>
            ) : null}
          </td>
        </tr>
      );
    };
    return render(
      c,
      <AdminPage ctx={ctx} c={c} title={t("enterprises.introductions_title")}>
        <PageHeader title={t("enterprises.introductions_title")} lead={t("enterprises.introductions_lead")} />
        <p>
          <a href={href(ctx, "/admin/enterprises/introductions")} aria-current={filter ? undefined : "page"}>
            {t("enterprises.any")}
          </a>
          {INTRODUCTION_STATUSES.map((st) => (
            <>
              {" · "}
              <a href={href(ctx, `/admin/enterprises/introductions?status=${st}`)} aria-current={filter === st ? "page" : undefined}>
                {t(INTRODUCTION_LABEL[st])}
              </a>
            </>
          ))}
        </p>
        <div class="table-wrap">
          <table>
            <caption>{t("enterprises.introductions_count", { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("enterprises.f.parties")}</th>
                <th scope="col">{t("enterprises.f.status")}</th>
                <th scope="col">{t("enterprises.f.age")}</th>
                <th scope="col">{t("enterprises.f.decision")}</th>
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </div>
      </AdminPage>,
      status,
    );
  };
  app.get("/:locale/admin/enterprises/introductions", (c) => introductionsPage(c));
  app.post("/:locale/admin/enterprises/introductions/:id", async (c) => {
    const id = idOf(c.req.param("id"));
    const values = bodyValues(await c.req.parseBody());
    const decision = { decision: str(values.decision), reason: str(values.reason) || null };
    try {
      await c.get("services").enterprises.decideIntroduction(actor(c), id, decision, meta(c));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      return introductionsPage(c, { id, errors: errorsOf(c.get("i18n"), error.details ?? {}), values }, 422);
    }
    setFlash(c, "success", decision.decision === "accept" ? "enterprises.intro_accepted_flash" : "enterprises.intro_declined_flash");
    return c.redirect(`/${c.get("locale")}/admin/enterprises/introductions`, 303);
  });

  return app;
}
