import { type Context, Hono } from "hono";
import type { Child, FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { requirePermission } from "../../http/middleware/roles.ts";
import { pageContext, render } from "../../http/render.ts";
import { LOCALE_NAME } from "../../i18n/locales.ts";
import { storeUpload } from "../../lib/uploads.ts";
import { AdminMenu, type AdminSection } from "../../views/admin-menu.tsx";
import { PageHeader, Pagination } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import type { Actor } from "../accounts/accounts.policy.ts";
import { ArticleView, LANGUAGE_LABEL, NEWS_CSS, STATUS_LABEL, TRANSLATION_LABEL } from "./news.pages.tsx";
import { canEdit, canNews, TRANSITIONS } from "./news.policy.ts";
import {
  ARTICLE_STATUSES,
  type Article,
  type ArticleStatus,
  COMMENT_STATUSES,
  type CommentStatus,
  type CoverUpload,
  NEWS_LOCALES,
  type Revision,
  SLUG,
} from "./news.schemas.ts";
import { entityCatalog } from "./news.service.ts";

// The admin menu has no news entry yet (the lead adds it); until then no entry is marked current.
const MENU_CURRENT: AdminSection = "news";

const COMMENT_STATUS_LABEL: Record<
  CommentStatus,
  "news.comment_status_pending" | "news.comment_status_approved" | "news.comment_status_rejected" | "news.comment_status_spam"
> = {
  pending: "news.comment_status_pending",
  approved: "news.comment_status_approved",
  rejected: "news.comment_status_rejected",
  spam: "news.comment_status_spam",
};
const TRANSITION_LABEL: Record<
  ArticleStatus,
  "news.to_draft" | "news.to_in_review" | "news.to_scheduled" | "news.to_published" | "news.to_archived"
> = {
  draft: "news.to_draft",
  in_review: "news.to_in_review",
  scheduled: "news.to_scheduled",
  published: "news.to_published",
  archived: "news.to_archived",
};

function actor(c: Context<AppEnv>): Actor {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

function isAdmin(c: Context<AppEnv>): boolean {
  return c.get("session")?.user.role === "admin";
}

function adminLayout(
  c: Context<AppEnv>,
  ctx: PageContext,
  title: string,
  crumbs: { label: string; href?: string }[],
  body: Child,
  status: 200 | 422 = 200,
) {
  const t = ctx.i18n.t;
  return render(
    c,
    <Layout
      ctx={ctx}
      title={title}
      section="admin"
      noindex
      crumbs={[{ label: t("admin.title"), href: href(ctx, "/admin") }, ...crumbs]}
      aside={<AdminMenu ctx={ctx} current={MENU_CURRENT} isAdmin={isAdmin(c)} />}
    >
      <link rel="stylesheet" href={NEWS_CSS} />
      {body}
    </Layout>,
    status,
  );
}

/** Form values of a stored story, as the form shows them. */
function valuesOf(a: Article): Record<string, string> {
  const v: Record<string, string> = {
    slug: a.slug,
    originalLocale: a.originalLocale,
    authorName: a.authorName,
    tags: a.tags.join(", "),
    illustrative: a.illustrative ? "yes" : "",
    revision: String(a.revision),
  };
  for (const l of NEWS_LOCALES) {
    const tr = a.translations[l];
    v[`${l}.title`] = tr?.title ?? "";
    v[`${l}.lead`] = tr?.lead ?? "";
    v[`${l}.body`] = tr?.body ?? "";
    v[`${l}.coverAlt`] = tr?.coverAlt ?? "";
  }
  return v;
}

/** The submitted form as the service's input: a language counts only if something was written in it. */
function inputFrom(body: Record<string, string>): Record<string, unknown> {
  const translations: Record<string, unknown> = {};
  for (const l of NEWS_LOCALES) {
    const get = (f: string) => (body[`${l}.${f}`] ?? "").trim();
    const any = ["title", "lead", "body", "coverAlt"].some((f) => get(f) !== "");
    translations[l] = any ? { title: get("title"), lead: get("lead"), body: get("body"), coverAlt: get("coverAlt") || null } : null;
  }
  return {
    slug: (body.slug ?? "").trim(),
    originalLocale: body.originalLocale ?? "",
    authorName: body.authorName ?? "",
    tags: (body.tags ?? "")
      .split(/[,;#]/)
      .map((t) => t.trim())
      .filter(Boolean),
    translations,
    illustrative: body.illustrative === "yes",
  };
}

const TextInput: FC<{
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  readonly?: boolean;
}> = ({ ctx, name, label, value, error, hint, readonly }) => {
  const id = `f-${name.replace(/\./g, "-")}`;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {ctx.i18n.tx(error)}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        readonly={readonly}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
};

const ArticleForm: FC<{
  ctx: PageContext;
  mode: "create" | "update";
  values: Record<string, string>;
  errors: Record<string, string>;
  hasCover: boolean;
}> = ({ ctx, mode, values, errors, hasCover }) => {
  const t = ctx.i18n.t;
  const action = mode === "create" ? href(ctx, "/admin/news/new") : href(ctx, `/admin/news/${values.slug}/edit`);
  const e = (k: string) => errors[k];
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="form admin-form" novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="revision" value={values.revision ?? ""} />
      {Object.keys(errors).length > 0 ? (
        <div class="flash flash-error" role="alert">
          {errors._ ? ctx.i18n.tx(errors._) : t("news.form_has_errors", { count: Object.keys(errors).length })}
        </div>
      ) : null}
      <fieldset class="panel">
        <legend>{t("news.story")}</legend>
        <div class="form-grid">
          <TextInput
            ctx={ctx}
            name="slug"
            label={t("news.slug")}
            value={values.slug ?? ""}
            error={e("slug")}
            hint={t("news.slug_hint")}
            readonly={mode === "update"}
          />
          <div class={e("originalLocale") ? "field field-invalid" : "field"}>
            <label for="f-originalLocale">{t("news.original_language")}</label>
            {e("originalLocale") ? <p class="field-error">{ctx.i18n.tx(e("originalLocale") ?? "")}</p> : null}
            <select id="f-originalLocale" name="originalLocale">
              {NEWS_LOCALES.map((l) => (
                <option value={l} selected={values.originalLocale === l}>
                  {t(LANGUAGE_LABEL[l])}
                </option>
              ))}
            </select>
          </div>
          <TextInput ctx={ctx} name="authorName" label={t("news.author")} value={values.authorName ?? ""} error={e("authorName")} />
          <TextInput
            ctx={ctx}
            name="tags"
            label={t("news.tags")}
            value={values.tags ?? ""}
            error={e("tags") ?? e("tags.0")}
            hint={t("news.tags_hint")}
          />
        </div>
        <div class="form-grid">
          <div class={e("cover") ? "field field-invalid" : "field"}>
            <label for="f-cover">{t("news.cover")}</label>
            <p class="hint">{t("news.cover_hint")}</p>
            {e("cover") ? <p class="field-error">{ctx.i18n.tx(e("cover") ?? "")}</p> : null}
            <input id="f-cover" name="cover" type="file" accept="image/jpeg,image/png,image/webp" />
            {hasCover ? (
              <label class="check">
                <input type="checkbox" name="removeCover" value="yes" /> {t("news.remove_cover")}
              </label>
            ) : null}
          </div>
          <label class="check">
            <input type="checkbox" name="illustrative" value="yes" checked={values.illustrative === "yes"} /> {t("news.mark_illustrative")}
          </label>
        </div>
      </fieldset>
      {NEWS_LOCALES.map((l) => (
        <fieldset class="panel lang-fieldset" lang={l === "zh" ? "zh-Hans" : l}>
          <legend>
            {t(LANGUAGE_LABEL[l])} · {LOCALE_NAME[l]}
          </legend>
          <p class="hint">{t("news.language_hint")}</p>
          <TextInput
            ctx={ctx}
            name={`${l}.title`}
            label={t("news.field_title")}
            value={values[`${l}.title`] ?? ""}
            error={e(`${l}.title`)}
          />
          <TextInput ctx={ctx} name={`${l}.lead`} label={t("news.field_lead")} value={values[`${l}.lead`] ?? ""} error={e(`${l}.lead`)} />
          <div class={e(`${l}.body`) ? "field field-invalid" : "field"}>
            <label for={`f-${l}-body`}>{t("news.field_body")}</label>
            <p class="hint">{t("news.body_hint")}</p>
            {e(`${l}.body`) ? <p class="field-error">{ctx.i18n.tx(e(`${l}.body`) ?? "")}</p> : null}
            <textarea id={`f-${l}-body`} name={`${l}.body`} rows={14}>
              {values[`${l}.body`] ?? ""}
            </textarea>
          </div>
          <TextInput
            ctx={ctx}
            name={`${l}.coverAlt`}
            label={t("news.cover_alt")}
            value={values[`${l}.coverAlt`] ?? ""}
            error={e(`${l}.coverAlt`)}
          />
        </fieldset>
      ))}
      <p>
        <button type="submit" class="button">
          {mode === "create" ? t("news.create") : t("news.save")}
        </button>
      </p>
    </form>
  );
};

const Workflow: FC<{ ctx: PageContext; article: Article; who: Actor }> = ({ ctx, article, who }) => {
  const t = ctx.i18n.t;
  const stored: ArticleStatus = article.status;
  const steps = Object.entries(TRANSITIONS[stored]).filter(([, needs]) => needs && canNews(who, needs)) as [ArticleStatus, string][];
  return (
    <section class="panel workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t("news.workflow")}</h2>
      <p>
        {t("news.status")}: <strong>{t(STATUS_LABEL[article.status])}</strong>
        {article.publishAt && article.status === "scheduled" ? <> · {ctx.i18n.dateTime(article.publishAt)}</> : null}
      </p>
      {steps.length === 0 ? <p class="muted">{t("news.no_steps")}</p> : null}
      {steps.map(([to]) => (
        <form method="post" action={href(ctx, `/admin/news/${article.slug}/status`)} class="form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="to" value={to} />
          {to === "scheduled" ? (
            <div class="field">
              <label for="f-publishAt">{t("news.publish_at")}</label>
              <p class="hint">{t("news.publish_at_hint")}</p>
              <input id="f-publishAt" name="publishAt" type="datetime-local" required />
            </div>
          ) : null}
          <button type="submit" class={to === "archived" || to === "draft" ? "button button-quiet" : "button"}>
            {t(TRANSITION_LABEL[to])}
          </button>
        </form>
      ))}
      <p>
        <a href={href(ctx, `/admin/news/${article.slug}/preview`)}>{t("news.preview")}</a>
        {article.status === "published" ? (
          <>
            {" · "}
            <a href={href(ctx, `/news/${article.slug}`)}>{t("news.open_public")}</a>
          </>
        ) : null}
      </p>
    </section>
  );
};

const Links: FC<{ ctx: PageContext; article: Article; editable: boolean }> = ({ ctx, article, editable }) => {
  const t = ctx.i18n.t;
  const LABEL = { suggested: "news.link_suggested", confirmed: "news.link_confirmed", rejected: "news.link_rejected" } as const;
  return (
    <section class="panel" aria-labelledby="links-title">
      <h2 id="links-title">{t("news.links")}</h2>
      <p class="hint">{t("news.links_hint")}</p>
      {article.links.length === 0 ? (
        <p class="muted">{t("news.no_links")}</p>
      ) : (
        <ul class="link-list">
          {article.links.map((l) => (
            <li>
              <strong>{ctx.i18n.pick(l.name).text}</strong> <span class="muted">«{l.matched}»</span> · {t(LABEL[l.status])}
              {editable ? (
                <div class="moderation-actions">
                  {(["confirmed", "rejected"] as const)
                    .filter((s) => s !== l.status)
                    .map((s) => (
                      <form method="post" action={href(ctx, `/admin/news/${article.slug}/links`)}>
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <input type="hidden" name="type" value={l.type} />
                        <input type="hidden" name="key" value={l.key} />
                        <input type="hidden" name="status" value={s} />
                        <button type="submit" class="button button-small button-quiet">
                          {s === "confirmed" ? t("news.link_confirm") : t("news.link_reject")}
                        </button>
                      </form>
                    ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const Revisions: FC<{ ctx: PageContext; revisions: Revision[] }> = ({ ctx, revisions }) => (
  <section class="panel" aria-labelledby="revisions-title">
    <h2 id="revisions-title">{ctx.i18n.t("news.revisions")}</h2>
    <ol class="plain">
      {revisions.map((r) => (
        <li>
          #{r.revision} · {ctx.i18n.dateTime(r.at)} · {r.note}
          {r.by ? ` · ${r.by}` : ""}
        </li>
      ))}
    </ol>
  </section>
);

/** Stores an uploaded cover (allow-list by content, random name) or says why not. */
async function coverFrom(c: Context<AppEnv>, body: Record<string, unknown>): Promise<CoverUpload | null | { rejected: string }> {
  const file = body.cover;
  if (!(file instanceof File) || file.size === 0) return null;
  const stored = storeUpload(c.get("config").storageDir, new Uint8Array(await file.arrayBuffer()));
  if ("rejected" in stored) return { rejected: stored.rejected };
  if (stored.kind !== "photo") return { rejected: "news.cover_not_image" };
  return { storedName: stored.storedName, contentType: stored.contentType, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
}

function strings(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v;
  return out;
}

/** Back-office pages of the news module. */
export function newsAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("/:locale/admin/news", requirePermission("backoffice:enter"));
  app.use("/:locale/admin/news/*", requirePermission("backoffice:enter"));

  app.get("/:locale/admin/news", async (c) => {
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const raw = c.req.query("status");
    const status = ARTICLE_STATUSES.find((s) => s === raw);
    const page = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const who = actor(c);
    const list = await c.get("services").news.adminList(who, { status, page });
    return adminLayout(
      c,
      ctx,
      t("news.admin_title"),
      [{ label: t("news.admin_title") }],
      <>
        <PageHeader
          title={t("news.admin_title")}
          lead={t("news.admin_lead")}
          actions={
            <>
              <a class="button" href={href(ctx, "/admin/news/new")}>
                {t("news.new_story")}
              </a>{" "}
              {canNews(who, "news:moderate") ? (
                <a class="button button-quiet" href={href(ctx, "/admin/news/comments")}>
                  {t("news.moderation_link", { count: list.pendingComments })}
                </a>
              ) : null}
            </>
          }
        />
        <nav class="tabs" aria-label={t("news.status")}>
          <ul>
            <li>
              <a href={href(ctx, "/admin/news")} aria-current={status ? undefined : "page"}>
                {t("news.all_statuses")}
              </a>
            </li>
            {ARTICLE_STATUSES.map((s) => (
              <li>
                <a href={`${href(ctx, "/admin/news")}?status=${s}`} aria-current={status === s ? "page" : undefined}>
                  {t(STATUS_LABEL[s])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="table-wrap">
          <table>
            <caption>{t("news.count", { count: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("news.field_title")}</th>
                <th scope="col">{t("news.status")}</th>
                <th scope="col">{t("news.languages")}</th>
                <th scope="col">{t("news.updated")}</th>
                <th scope="col">{t("news.views_column")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((a) => (
                <tr>
                  <td>
                    <a href={href(ctx, `/admin/news/${a.slug}/edit`)}>{i18n.pick(a.title).text}</a>
                  </td>
                  <td>{t(STATUS_LABEL[a.status])}</td>
                  <td>
                    {NEWS_LOCALES.map((l) => (
                      <span class={`lang-status lang-${a.languages[l]}`} title={t(TRANSLATION_LABEL[a.languages[l]])}>
                        {l.toUpperCase()}
                        {a.languages[l] === "original" ? "*" : a.languages[l] === "missing" ? "—" : ""}{" "}
                      </span>
                    ))}
                  </td>
                  <td>{i18n.dateTime(a.updatedAt)}</td>
                  <td>{i18n.number(a.views)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="hint">{t("news.languages_legend")}</p>
        <Pagination
          i18n={i18n}
          page={list.page}
          pages={list.pages}
          baseHref={status ? `${href(ctx, "/admin/news")}?status=${status}` : href(ctx, "/admin/news")}
        />
        <form method="post" action={href(ctx, "/admin/news/reindex")} class="inline-form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit" class="button button-quiet button-small">
            {t("news.reindex")}
          </button>
        </form>
      </>,
    );
  });

  const editPage = async (
    c: Context<AppEnv>,
    mode: "create" | "update",
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const ctx = pageContext(c);
    const t = ctx.i18n.t;
    const who = actor(c);
    const title = mode === "create" ? t("news.new_story") : t("news.edit_story");
    const current = mode === "update" && values.slug ? await c.get("services").news.getForEdit(who, values.slug) : null;
    const editable = current ? canEdit(who, current.article.status) : true;
    return adminLayout(
      c,
      ctx,
      title,
      [{ label: t("news.admin_title"), href: href(ctx, "/admin/news") }, { label: title }],
      <>
        <PageHeader title={title} lead={current ? ctx.i18n.pick(NewsTitle(current.article)).text : t("news.new_lead")} />
        <div class="news-edit">
          <div>
            {editable ? (
              <ArticleForm ctx={ctx} mode={mode} values={values} errors={errors} hasCover={Boolean(current?.article.cover)} />
            ) : (
              <p class="flash flash-info">{t("news.read_only")}</p>
            )}
          </div>
          {current ? (
            <div>
              <Workflow ctx={ctx} article={current.article} who={who} />
              <Links ctx={ctx} article={current.article} editable={editable} />
              <Revisions ctx={ctx} revisions={current.revisions} />
            </div>
          ) : null}
        </div>
      </>,
      status,
    );
  };

  app.get("/:locale/admin/news/new", (c) => {
    if (!canNews(actor(c), "news:write")) throw new AppError("forbidden");
    const session = c.get("session");
    return editPage(
      c,
      "create",
      { originalLocale: c.get("locale") === "kk-latn" ? "kk" : c.get("locale"), authorName: session?.user.displayName ?? "" },
      {},
    );
  });

  app.post("/:locale/admin/news/new", async (c) => {
    const who = actor(c);
    if (!canNews(who, "news:write")) throw new AppError("forbidden");
    const body = await c.req.parseBody();
    const values = strings(body);
    const cover = await coverFrom(c, body);
    if (cover && "rejected" in cover) return editPage(c, "create", values, { cover: cover.rejected }, 422);
    try {
      const services = c.get("services");
      const article = await services.news.create(who, inputFrom(values), cover, await entityCatalog(services), {
        requestId: c.get("requestId"),
      });
      setFlash(c, "success", "news.saved");
      return c.redirect(href(pageContext(c), `/admin/news/${article.slug}/edit`), 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed")
        return editPage(c, "create", values, (error.details ?? {}) as Record<string, string>, 422);
      throw error;
    }
  });

  app.get("/:locale/admin/news/comments", async (c) => {
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const raw = c.req.query("status");
    const status: CommentStatus = COMMENT_STATUSES.find((s) => s === raw) ?? "pending";
    const page = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const queue = await c.get("services").news.moderationQueue(actor(c), status, page);
    return adminLayout(
      c,
      ctx,
      t("news.moderation_title"),
      [{ label: t("news.admin_title"), href: href(ctx, "/admin/news") }, { label: t("news.moderation_title") }],
      <>
        <PageHeader title={t("news.moderation_title")} lead={t("news.moderation_lead")} />
        <nav class="tabs" aria-label={t("news.status")}>
          <ul>
            {COMMENT_STATUSES.map((s) => (
              <li>
                <a href={`${href(ctx, "/admin/news/comments")}?status=${s}`} aria-current={s === status ? "page" : undefined}>
                  {t(COMMENT_STATUS_LABEL[s])} ({i18n.number(queue.counts[s] ?? 0)})
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {queue.items.length === 0 ? (
          <p class="empty">{t("news.queue_empty")}</p>
        ) : (
          <form method="post" action={`${href(ctx, "/admin/news/comments")}?status=${status}`} class="moderation">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <ol class="comment-list">
              {queue.items.map((cm) => (
                <li class="comment moderation-item" id={`comment-${cm.id}`}>
                  <input
                    type="checkbox"
                    name="ids"
                    value={String(cm.id)}
                    id={`pick-${cm.id}`}
                    aria-label={t("news.pick_comment", { name: cm.name })}
                  />
                  <div>
                    <p class="comment-meta">
                      <strong class="comment-author">{cm.name}</strong>
                      {cm.email ? <> · {cm.email}</> : null} · <time datetime={cm.createdAt}>{i18n.dateTime(cm.createdAt)}</time> ·{" "}
                      <a href={href(ctx, `/admin/news/${cm.article.slug}/edit`)}>{i18n.pick(cm.article.title).text}</a>
                    </p>
                    <div class="comment-body">
                      {cm.body.split(/\n{2,}/).map((p) => (
                        <p>{p}</p>
                      ))}
                    </div>
                    <div class="moderation-actions">
                      {status !== "approved" ? (
                        <button type="submit" name="one" value={`${cm.id}:approve`} class="button button-small">
                          {t("news.approve")}
                        </button>
                      ) : null}
                      {status !== "rejected" ? (
                        <button type="submit" name="one" value={`${cm.id}:reject`} class="button button-small button-quiet">
                          {t("news.reject")}
                        </button>
                      ) : null}
                      {status !== "spam" ? (
                        <button type="submit" name="one" value={`${cm.id}:spam`} class="button button-small button-danger">
                          {t("news.mark_spam")}
                        </button>
                      ) : null}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
            <div class="bulk-actions">
              <span>{t("news.bulk")}</span>
              <button type="submit" name="action" value="approve" class="button">
                {t("news.approve_selected")}
              </button>
              <button type="submit" name="action" value="reject" class="button button-quiet">
                {t("news.reject_selected")}
              </button>
              <button type="submit" name="action" value="spam" class="button button-danger">
                {t("news.spam_selected")}
              </button>
            </div>
          </form>
        )}
        <Pagination i18n={i18n} page={queue.page} pages={queue.pages} baseHref={`${href(ctx, "/admin/news/comments")}?status=${status}`} />
      </>,
    );
  });

  app.post("/:locale/admin/news/comments", async (c) => {
    const who = actor(c);
    if (!canNews(who, "news:moderate")) throw new AppError("forbidden");
    const body = await c.req.parseBody({ all: true });
    const one = typeof body.one === "string" ? body.one : "";
    let ids: number[];
    let action: string;
    if (one) {
      const [id = "", act = ""] = one.split(":");
      ids = [Number(id)];
      action = act;
    } else {
      const picked = Array.isArray(body.ids) ? body.ids : body.ids === undefined ? [] : [body.ids];
      ids = picked.filter((v): v is string => typeof v === "string").map(Number);
      action = typeof body.action === "string" ? body.action : "";
    }
    const back = `${href(pageContext(c), "/admin/news/comments")}${c.req.query("status") ? `?status=${encodeURIComponent(c.req.query("status") ?? "")}` : ""}`;
    try {
      const n = await c
        .get("services")
        .news.moderate(who, { ids: ids.filter((i) => Number.isInteger(i) && i > 0), action }, { requestId: c.get("requestId") });
      setFlash(c, "success", "news.moderated", { count: n });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      setFlash(c, "error", "news.choose_comments");
    }
    return c.redirect(back, 303);
  });

  app.post("/:locale/admin/news/reindex", async (c) => {
    if (!canNews(actor(c), "news:publish")) throw new AppError("forbidden");
    const services = c.get("services");
    const n = await services.news.indexRegistry(await entityCatalog(services));
    setFlash(c, "success", "news.reindexed", { count: n });
    return c.redirect(href(pageContext(c), "/admin/news"), 303);
  });

  app.get("/:locale/admin/news/:slug/edit", async (c) => {
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("not_found");
    const { article } = await c.get("services").news.getForEdit(actor(c), slug);
    return editPage(c, "update", valuesOf(article), {});
  });

  app.post("/:locale/admin/news/:slug/edit", async (c) => {
    const who = actor(c);
    if (!canNews(who, "news:write")) throw new AppError("forbidden");
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("not_found");
    const body = await c.req.parseBody();
    const values: Record<string, string> = { ...strings(body), slug };
    const cover = await coverFrom(c, body);
    if (cover && "rejected" in cover) return editPage(c, "update", values, { cover: cover.rejected }, 422);
    try {
      const services = c.get("services");
      const revision = Number.parseInt(values.revision ?? "", 10);
      await services.news.update(
        who,
        slug,
        inputFrom(values),
        {
          cover,
          removeCover: values.removeCover === "yes",
          expectedRevision: Number.isInteger(revision) ? revision : undefined,
          catalog: await entityCatalog(services),
        },
        { requestId: c.get("requestId") },
      );
      setFlash(c, "success", "news.saved");
      return c.redirect(href(pageContext(c), `/admin/news/${slug}/edit`), 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed")
        return editPage(c, "update", values, (error.details ?? {}) as Record<string, string>, 422);
      throw error;
    }
  });

  app.post("/:locale/admin/news/:slug/status", async (c) => {
    const who = actor(c);
    if (!canNews(who, "news:write")) throw new AppError("forbidden");
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("not_found");
    const body = strings(await c.req.parseBody());
    // The date field has no zone: it is read as Almaty time (UTC+5), the oblast's clock.
    const local = (body.publishAt ?? "").trim();
    const publishAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+05:00` : local || null;
    try {
      await c.get("services").news.transition(who, slug, { to: body.to, publishAt }, { requestId: c.get("requestId") });
      setFlash(c, "success", "news.status_changed");
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      const detail = Object.values(error.details ?? {})[0];
      setFlash(
        c,
        "error",
        detail === "news.publish_at_future"
          ? "news.publish_at_future"
          : detail === "news.transition_invalid"
            ? "news.transition_invalid"
            : "form.choose_one",
      );
    }
    return c.redirect(href(pageContext(c), `/admin/news/${slug}/edit`), 303);
  });

  app.post("/:locale/admin/news/:slug/links", async (c) => {
    const who = actor(c);
    if (!canNews(who, "news:write")) throw new AppError("forbidden");
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("not_found");
    const body = strings(await c.req.parseBody());
    await c.get("services").news.setLink(who, slug, { type: body.type ?? "", key: body.key ?? "", status: body.status ?? "" });
    setFlash(c, "success", "news.link_saved");
    return c.redirect(href(pageContext(c), `/admin/news/${slug}/edit`), 303);
  });

  app.get("/:locale/admin/news/:slug/preview", async (c) => {
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("not_found");
    const article = await c.get("services").news.preview(actor(c), slug);
    const ctx = pageContext(c);
    const t = ctx.i18n.t;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("news.preview")}
        noindex
        section="admin"
        crumbs={[
          { label: t("admin.title"), href: href(ctx, "/admin") },
          { label: t("news.admin_title"), href: href(ctx, "/admin/news") },
          { label: t("news.preview") },
        ]}
      >
        <ArticleView ctx={ctx} article={article} comments={null} form={null} formToken="" qr="" preview />
      </Layout>,
    );
  });

  return app;
}

function NewsTitle(a: Article) {
  const original = a.translations[a.originalLocale];
  const get = (l: "kk" | "ru" | "zh" | "en") => a.translations[l]?.title ?? original?.title ?? a.slug;
  return { kk: get("kk"), ru: get("ru"), zh: get("zh"), en: get("en") };
}
