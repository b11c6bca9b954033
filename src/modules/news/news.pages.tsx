import type { IncomingMessage } from "node:http";
import { type Context, Hono } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { readCookie } from "../../http/cookies.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { CSRF_COOKIE } from "../../http/middleware/csrf.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { LOCALE_NAME, LOCALE_TAG, type Locale } from "../../i18n/locales.ts";
import { qrSvg } from "../../lib/qr.ts";
import { ASSETS, STATIC_FILES } from "../../views/assets.ts";
import { PageHeader, Pagination } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { atomXml, rssXml } from "./news.feeds.ts";
import { renderMarkdown } from "./news.markdown.ts";
import {
  type Article,
  type ArticleSummary,
  NEWS_LOCALES,
  NewsListQuery,
  type NewsLocale,
  type PublicComment,
  SLUG,
} from "./news.schemas.ts";
import { commentFormToken, type LocalizedText, newsLocaleOf, pickTranslation } from "./news.service.ts";

export const NEWS_CSS = STATIC_FILES.find((f) => f.name === "news.css")?.url ?? ASSETS.css;
export const SHARE_JS = STATIC_FILES.find((f) => f.name === "share.js")?.url ?? "";

export const LANGUAGE_LABEL: Record<NewsLocale, MessageKey> = {
  kk: "news.lang_kk",
  ru: "news.lang_ru",
  zh: "news.lang_zh",
  en: "news.lang_en",
};
const ENTITY_LABEL: Record<string, MessageKey> = {
  territory: "news.entity_territory",
  zone: "news.entity_zone",
  organisation: "news.entity_organisation",
  person: "news.entity_person",
  agreement: "news.entity_agreement",
};

/** The URL locale that shows a story language (kk for Kazakh, whichever script the reader chose). */
function urlLocaleFor(reader: Locale, lang: NewsLocale): Locale {
  return lang === "kk" && reader === "kk-latn" ? "kk-latn" : lang;
}

/** Crawlers, link previewers and monitors: their requests are not readers. */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|quora link|whatsapp|telegram|vkshare|preview|monitor|pingdom|curl\/|wget|python-requests|httpclient|go-http-client/i;

/** Whether a GET is a person reading: not HEAD, not a prefetch or prerender, not a known bot. */
export function isReaderRequest(c: Context<AppEnv>): boolean {
  if (c.req.method !== "GET") return false;
  const purpose = `${c.req.header("sec-purpose") ?? ""} ${c.req.header("purpose") ?? ""} ${c.req.header("x-purpose") ?? ""} ${c.req.header("x-moz") ?? ""}`;
  if (/prefetch|preview|prerender/i.test(purpose)) return false;
  return !BOT.test(c.req.header("user-agent") ?? "");
}

/** The reader's network address, when the app is served by @hono/node-server. */
function remoteAddress(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "";
}

/**
 * Who a reader is, for counting and rate limits: the browser's random CSRF seed when it sent one
 * back (a returning browser), else address and user agent. Hashed with a secret before storing.
 */
export function visitorOf(c: Context<AppEnv>): string {
  const seed = readCookie(c, CSRF_COOKIE);
  if (seed && seed === c.get("csrfSeed")) return `b:${seed}`;
  return `a:${remoteAddress(c)}|${c.req.header("user-agent") ?? ""}`;
}

export const Tags: FC<{ ctx: PageContext; tags: string[] }> = ({ ctx, tags }) =>
  tags.length === 0 ? null : (
    <ul class="news-tags" aria-label={ctx.i18n.t("news.tags")}>
      {tags.map((tag) => (
        <li>
          <a href={`${href(ctx, "/news")}?tag=${encodeURIComponent(tag)}`}>#{ctx.i18n.script(tag)}</a>
        </li>
      ))}
    </ul>
  );

const Counters: FC<{ i18n: I18n; views: number; comments: number }> = ({ i18n, views, comments }) => (
  <span class="news-counters">
    <span class="news-views">{i18n.t("news.views", { count: views })}</span>
    <span class="news-comment-count">{i18n.t("news.comment_count", { count: comments })}</span>
  </span>
);

/** A title or lead in the reader's language (the original stands in for a missing one), transliterated for kk-latn. */
function localized(i18n: I18n, text: LocalizedText): { text: string; lang: string } {
  const lang = newsLocaleOf(i18n.locale);
  const value = lang === "zh" ? (text.zh ?? text.en) : text[lang];
  return { text: i18n.script(value), lang: i18n.tag };
}

/** "In the news": the articles that mention a record, under its page (territory, zone). */
export const MentionedIn: FC<{ ctx: PageContext; stories: ArticleSummary[] }> = ({ ctx, stories }) =>
  stories.length > 0 ? (
    <section aria-labelledby="stories">
      <h2 id="stories">{ctx.i18n.t("news.mentioned_in")}</h2>
      <ul class="cards">
        {stories.map((story) => (
          <StoryCard ctx={ctx} story={story} heading="h3" />
        ))}
      </ul>
    </section>
  ) : null;

export const StoryCard: FC<{ ctx: PageContext; story: ArticleSummary; heading?: "h2" | "h3" }> = ({ ctx, story, heading = "h2" }) => {
  const { i18n } = ctx;
  const lang = newsLocaleOf(ctx.locale);
  const missing = story.languages[lang] === "missing";
  const shownLang = missing ? LOCALE_TAG[story.originalLocale] : i18n.tag;
  const title = localized(i18n, story.title).text;
  const lead = localized(i18n, story.lead).text;
  const H = heading;
  return (
    <li class="card news-card">
      {story.publishedAt ? (
        <p class="news-date">
          <time datetime={story.publishedAt}>{i18n.date(story.publishedAt)}</time>
        </p>
      ) : null}
      <H lang={shownLang === i18n.tag ? undefined : shownLang}>
        <a href={href(ctx, `/news/${story.slug}`)}>{title}</a>
      </H>
      <p lang={shownLang === i18n.tag ? undefined : shownLang}>{lead}</p>
      {missing ? (
        <p class="news-missing-note">{i18n.t("news.only_in", { language: i18n.t(LANGUAGE_LABEL[story.originalLocale]) })}</p>
      ) : null}
      <p class="news-meta">
        <Counters i18n={i18n} views={story.views} comments={story.comments} />
      </p>
      <Tags ctx={ctx} tags={story.tags} />
    </li>
  );
};

interface ShareTarget {
  key: string;
  label: string;
  url: string;
}

function shareTargets(i18n: I18n, url: string, title: string): ShareTarget[] {
  const u = encodeURIComponent(url);
  const tt = encodeURIComponent(title);
  return [
    { key: "telegram", label: "Telegram", url: `https://t.me/share/url?url=${u}&text=${tt}` },
    { key: "whatsapp", label: "WhatsApp", url: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { key: "facebook", label: "Facebook", url: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: "vk", label: "VK", url: `https://vk.com/share.php?url=${u}&title=${tt}` },
    { key: "x", label: "X", url: `https://x.com/intent/post?url=${u}&text=${tt}` },
    { key: "email", label: i18n.t("news.share_email"), url: `mailto:?subject=${tt}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
  ];
}

/** Share links built here (no third-party script), a QR code for WeChat, and the browser's own share sheet. */
const Share: FC<{ ctx: PageContext; url: string; title: string; lead: string; qr: string }> = ({ ctx, url, title, lead, qr }) => {
  const t = ctx.i18n.t;
  return (
    <section class="news-share panel" aria-labelledby="share-title">
      <h2 id="share-title">{t("news.share")}</h2>
      <ul class="share-links">
        {shareTargets(ctx.i18n, url, title).map((s) => (
          <li>
            <a
              class={`share share-${s.key}`}
              href={s.url}
              rel="noopener noreferrer nofollow"
              target={s.key === "email" ? undefined : "_blank"}
            >
              {s.label}
            </a>
          </li>
        ))}
        <li>
          <button type="button" class="button button-quiet share-native" hidden data-title={title} data-text={lead} data-url={url}>
            {t("news.share_native")}
          </button>
        </li>
      </ul>
      <details class="share-wechat">
        <summary>{t("news.share_wechat")}</summary>
        <p class="hint">{t("news.share_wechat_hint")}</p>
        <div class="qr-box" dangerouslySetInnerHTML={{ __html: qr }} />
        <p class="share-url">
          <input type="text" readonly value={url} aria-label={t("news.share_link")} />
        </p>
      </details>
    </section>
  );
};

export interface CommentFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

const CommentForm: FC<{ ctx: PageContext; slug: string; token: string; state: CommentFormState | null }> = ({
  ctx,
  slug,
  token,
  state,
}) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const v = state?.values ?? {};
  const e = state?.errors ?? {};
  const err = (k: string) => (e[k] ? i18n.tx(e[k]) : undefined);
  const general = e._ ? i18n.tx(e._) : null;
  return (
    <form method="post" action={href(ctx, `/news/${slug}/comments`)} class="form panel comment-form" id="comment-form" novalidate>
      <h3>{t("news.write_comment")}</h3>
      <p class="hint">{t("news.comment_premoderated")}</p>
      {general ? (
        <div class="flash flash-error" role="alert">
          {general}
        </div>
      ) : null}
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="started" value={token} />
      <div class="hp" aria-hidden="true">
        <label for="c-website">{t("news.comment_leave_empty")}</label>
        <input id="c-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
      <div class={err("name") ? "field field-invalid" : "field"}>
        <label for="c-name">{t("news.comment_name")}</label>
        {err("name") ? (
          <p class="field-error" id="c-name-error">
            {err("name")}
          </p>
        ) : null}
        <input
          id="c-name"
          name="name"
          type="text"
          maxlength={80}
          required
          autocomplete="name"
          value={v.name ?? ""}
          aria-invalid={err("name") ? "true" : undefined}
          aria-describedby={err("name") ? "c-name-error" : undefined}
        />
      </div>
      <div class={err("email") ? "field field-invalid" : "field"}>
        <label for="c-email">{t("news.comment_email")}</label>
        <p class="hint" id="c-email-hint">
          {t("news.comment_email_hint")}
        </p>
        {err("email") ? (
          <p class="field-error" id="c-email-error">
            {err("email")}
          </p>
        ) : null}
        <input
          id="c-email"
          name="email"
          type="email"
          maxlength={200}
          autocomplete="email"
          value={v.email ?? ""}
          aria-invalid={err("email") ? "true" : undefined}
          aria-describedby={err("email") ? "c-email-hint c-email-error" : "c-email-hint"}
        />
      </div>
      <div class={err("body") ? "field field-invalid" : "field"}>
        <label for="c-body">{t("news.comment_text")}</label>
        <p class="hint" id="c-body-hint">
          {t("news.comment_text_hint")}
        </p>
        {err("body") ? (
          <p class="field-error" id="c-body-error">
            {err("body")}
          </p>
        ) : null}
        <textarea
          id="c-body"
          name="body"
          rows={5}
          maxlength={3000}
          required
          aria-invalid={err("body") ? "true" : undefined}
          aria-describedby={err("body") ? "c-body-hint c-body-error" : "c-body-hint"}
        >
          {v.body ?? ""}
        </textarea>
      </div>
      <p>
        <button type="submit" class="button">
          {t("news.comment_send")}
        </button>
      </p>
    </form>
  );
};

const Comments: FC<{ ctx: PageContext; comments: PublicComment[]; count: number }> = ({ ctx, comments, count }) => {
  const { i18n } = ctx;
  return (
    <>
      <h2 id="comments-title">{i18n.t("news.comments_title", { count })}</h2>
      {comments.length === 0 ? (
        <p class="muted">{i18n.t("news.no_comments")}</p>
      ) : (
        <ol class="comment-list">
          {comments.map((c) => (
            <li class="comment" id={`comment-${c.id}`}>
              <p class="comment-meta">
                <strong class="comment-author">{c.name}</strong> · <time datetime={c.createdAt}>{i18n.dateTime(c.createdAt)}</time>
              </p>
              <div class="comment-body">
                {c.body.split(/\n{2,}/).map((para) => (
                  <p>{para}</p>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
};

/** Open Graph and Twitter card tags, rendered in <head> through the Layout's `head` slot. */
const SocialMeta: FC<{
  ctx: PageContext;
  url: string;
  title: string;
  description: string;
  image: string | null;
  alt: string | null;
  published: string | null;
}> = ({ ctx, url, title, description, image, alt, published }) => (
  <>
    <meta property="og:type" content="article" />
    <meta property="og:site_name" content={ctx.i18n.t("site.name")} />
    <meta property="og:title" content={title} />
    <meta property="og:description" content={description} />
    <meta property="og:url" content={url} />
    <meta property="og:locale" content={ctx.i18n.tag.replace("-", "_")} />
    {image ? <meta property="og:image" content={image} /> : null}
    {image && alt ? <meta property="og:image:alt" content={alt} /> : null}
    {published ? <meta property="article:published_time" content={published} /> : null}
    <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
    <meta name="twitter:title" content={title} />
    <meta name="twitter:description" content={description} />
    {image ? <meta name="twitter:image" content={image} /> : null}
  </>
);

/** The story's stylesheet and its Open Graph / Twitter tags, for the Layout's <head>. */
export const ArticleHead: FC<{ ctx: PageContext; article: Article }> = ({ ctx, article }) => {
  const shown = pickTranslation(article, ctx.locale);
  const tr = shown.translation;
  const image = article.cover ? `${ctx.publicUrl}${article.cover.url}` : null;
  const alt = tr.coverAlt ?? article.translations[article.originalLocale]?.coverAlt ?? null;
  return (
    <>
      <link rel="stylesheet" href={NEWS_CSS} />
      <SocialMeta
        ctx={ctx}
        url={`${ctx.publicUrl}/${ctx.locale}/news/${article.slug}`}
        title={ctx.i18n.script(tr.title)}
        description={ctx.i18n.script(tr.lead)}
        image={image}
        alt={alt}
        published={article.publishedAt}
      />
    </>
  );
};

export interface ArticleViewProps {
  ctx: PageContext;
  article: Article;
  comments: PublicComment[] | null;
  form: CommentFormState | null;
  formToken: string;
  qr: string;
  preview?: boolean;
}

/** A story as readers see it; the back office's preview uses the same view. */
export const ArticleView: FC<ArticleViewProps> = ({ ctx, article, comments, form, formToken, qr, preview }) => {
  const { i18n } = ctx;
  const t = i18n.t;
  const shown = pickTranslation(article, ctx.locale);
  const tr = shown.translation;
  const title = i18n.script(tr.title);
  const lead = i18n.script(tr.lead);
  const shownTag = urlLocaleFor(ctx.locale, shown.locale) === ctx.locale ? i18n.tag : LOCALE_TAG[shown.locale];
  const langAttr = shownTag === i18n.tag ? undefined : shownTag;
  const url = `${ctx.publicUrl}/${ctx.locale}/news/${article.slug}`;
  const alt = tr.coverAlt ?? article.translations[article.originalLocale]?.coverAlt ?? null;
  const available = NEWS_LOCALES.filter((l) => article.languages[l] !== "missing");
  return (
    <>
      <article class="news-article" aria-labelledby="story-title">
        {preview ? (
          <p class="flash flash-info" role="status">
            {t("news.preview_banner", { status: t(STATUS_LABEL[article.status]) })}
          </p>
        ) : null}
        {article.illustrative ? <p class="illustrative-banner">{t("news.illustrative")}</p> : null}
        {shown.fallback ? (
          <div class="news-fallback flash flash-info" role="note">
            <p>
              {t("news.fallback_notice", {
                wanted: t(LANGUAGE_LABEL[newsLocaleOf(ctx.locale)]),
                original: t(LANGUAGE_LABEL[shown.locale]),
              })}
            </p>
            <p>
              {t("news.available_in")}{" "}
              {available.map((l, i) => (
                <>
                  {i > 0 ? ", " : ""}
                  <a href={`/${urlLocaleFor(ctx.locale, l)}/news/${article.slug}`} hreflang={LOCALE_TAG[l]} lang={LOCALE_TAG[l]}>
                    {LOCALE_NAME[l]}
                  </a>
                </>
              ))}
            </p>
          </div>
        ) : null}
        <header class="news-header" lang={langAttr}>
          <Tags ctx={ctx} tags={article.tags} />
          <h1 id="story-title">{title}</h1>
          <p class="lead">{lead}</p>
        </header>
        <p class="news-meta">
          {article.publishedAt ? <time datetime={article.publishedAt}>{i18n.date(article.publishedAt)}</time> : null}
          <span class="news-author">{t("news.by", { author: article.authorName })}</span>
          <Counters i18n={i18n} views={article.views} comments={article.comments} />
        </p>
        <nav class="news-languages" aria-label={t("news.languages")}>
          <span>{t("news.languages")}:</span>
          <ul>
            {NEWS_LOCALES.map((l) => (
              <li>
                {article.languages[l] === "missing" ? (
                  <span class="lang-missing" title={t("news.translation_missing")}>
                    {LOCALE_NAME[l]} <span class="visually-hidden">({t("news.translation_missing")})</span>
                  </span>
                ) : (
                  <a
                    href={`/${urlLocaleFor(ctx.locale, l)}/news/${article.slug}`}
                    hreflang={LOCALE_TAG[l]}
                    lang={LOCALE_TAG[l]}
                    aria-current={l === shown.locale ? "true" : undefined}
                  >
                    {LOCALE_NAME[l]}
                  </a>
                )}{" "}
                <span class="lang-status">{t(TRANSLATION_LABEL[article.languages[l]])}</span>
              </li>
            ))}
          </ul>
        </nav>
        {article.cover ? (
          <figure class="news-cover">
            <img src={article.cover.url} alt={alt ? i18n.script(alt) : ""} loading="lazy" />
          </figure>
        ) : null}
        <div class="news-body" lang={langAttr} dangerouslySetInnerHTML={{ __html: renderMarkdown(i18n.script(tr.body)) }} />
        {article.links.filter((l) => l.status === "confirmed").length > 0 ? (
          <section class="news-mentions" aria-labelledby="mentions-title">
            <h2 id="mentions-title">{t("news.mentions")}</h2>
            <ul>
              {article.links
                .filter((l) => l.status === "confirmed")
                .map((l) => (
                  <li>
                    <span class="muted">{t(ENTITY_LABEL[l.type] ?? "news.entity_territory")}:</span>{" "}
                    {l.path ? <a href={href(ctx, l.path)}>{i18n.pick(l.name).text}</a> : <span>{i18n.pick(l.name).text}</span>}
                  </li>
                ))}
            </ul>
          </section>
        ) : null}
      </article>
      {preview ? null : <Share ctx={ctx} url={url} title={title} lead={lead} qr={qr} />}
      {comments ? (
        <section class="news-comments" id="comments" aria-labelledby="comments-title">
          <Comments ctx={ctx} comments={comments} count={article.comments} />
          <CommentForm ctx={ctx} slug={article.slug} token={formToken} state={form} />
        </section>
      ) : null}
      {SHARE_JS && !preview ? <script src={SHARE_JS} defer /> : null}
    </>
  );
};

export const STATUS_LABEL: Record<Article["status"], MessageKey> = {
  draft: "news.status_draft",
  in_review: "news.status_in_review",
  scheduled: "news.status_scheduled",
  published: "news.status_published",
  archived: "news.status_archived",
};
export const TRANSLATION_LABEL: Record<Article["languages"]["kk"], MessageKey> = {
  original: "news.translation_original",
  translated: "news.translation_translated",
  missing: "news.translation_missing",
};

const SEARCH_TYPE_LABEL: Record<string, MessageKey> = {
  article: "news.search_type_article",
  territory: "news.entity_territory",
  zone: "news.entity_zone",
  organisation: "news.entity_organisation",
  person: "news.entity_person",
  agreement: "news.entity_agreement",
};

async function articlePage(c: Context<AppEnv>, slug: string, form: CommentFormState | null, status: 200 | 422 | 429 = 200) {
  if (!SLUG.test(slug)) throw new AppError("not_found");
  const services = c.get("services");
  const { article, comments, id } = await services.news.read(slug);
  // QUALITY D2: counted in this request (two statements), never for HEAD, prefetch or bots.
  if (status === 200 && isReaderRequest(c) && (await services.news.countView(id, visitorOf(c)))) article.views += 1;
  const ctx = pageContext(c);
  const { t } = ctx.i18n;
  const shown = pickTranslation(article, ctx.locale);
  const url = `${ctx.publicUrl}/${ctx.locale}/news/${article.slug}`;
  const qr = await qrSvg(url, t("news.share_qr_label"));
  const title = ctx.i18n.script(shown.translation.title);
  return render(
    c,
    <Layout
      ctx={ctx}
      title={title}
      description={ctx.i18n.script(shown.translation.lead)}
      section="news"
      crumbs={[{ label: t("news.title"), href: href(ctx, "/news") }, { label: title }]}
      head={<ArticleHead ctx={ctx} article={article} />}
    >
      <ArticleView
        ctx={ctx}
        article={article}
        comments={comments}
        form={form}
        formToken={commentFormToken(c.get("config").sessionSecret, article.slug)}
        qr={qr}
      />
    </Layout>,
    status,
  );
}

/** Public pages of the news module. */
export function newsPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Feeds first: their paths would otherwise match /news/:slug.
  for (const kind of ["rss", "atom"] as const) {
    app.get(`/:locale/news/${kind}.xml`, async (c) => {
      const ctx = pageContext(c);
      const articles = await c.get("services").news.feed(30);
      const feedCtx = {
        origin: ctx.publicUrl,
        locale: ctx.locale,
        i18n: ctx.i18n,
        title: `${ctx.i18n.t("site.name")} · ${ctx.i18n.t("news.title")}`,
        description: ctx.i18n.t("news.lead"),
      };
      c.header("Content-Type", kind === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
      c.header("Cache-Control", "public, max-age=300");
      return c.body(kind === "rss" ? rssXml(feedCtx, articles) : atomXml(feedCtx, articles));
    });
  }

  app.get("/:locale/news", async (c) => {
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const query = NewsListQuery.parse({ page: c.req.query("page") ?? undefined, tag: c.req.query("tag") ?? undefined });
    const news = c.get("services").news;
    const [list, tags] = [await news.list(query), await news.tags()];
    const base = query.tag ? `${href(ctx, "/news")}?tag=${encodeURIComponent(query.tag)}` : href(ctx, "/news");
    return render(
      c,
      <Layout
        ctx={ctx}
        title={t("news.title")}
        description={t("news.lead")}
        section="news"
        crumbs={[{ label: t("news.title") }]}
        head={
          <>
            <link rel="stylesheet" href={NEWS_CSS} />
            <link rel="alternate" type="application/rss+xml" title="RSS" href={href(ctx, "/news/rss.xml")} />
            <link rel="alternate" type="application/atom+xml" title="Atom" href={href(ctx, "/news/atom.xml")} />
          </>
        }
      >
        <PageHeader
          title={query.tag ? t("news.tagged", { tag: i18n.script(query.tag) }) : t("news.title")}
          lead={t("news.lead")}
          actions={
            <p class="feeds">
              <a href={href(ctx, "/news/rss.xml")} type="application/rss+xml">
                RSS
              </a>{" "}
              ·{" "}
              <a href={href(ctx, "/news/atom.xml")} type="application/atom+xml">
                Atom
              </a>
            </p>
          }
        />
        <form method="get" action={href(ctx, "/search")} class="news-search">
          <label for="news-q" class="visually-hidden">
            {t("news.search_label")}
          </label>
          <input id="news-q" name="q" type="search" placeholder={t("news.search_placeholder")} />
          <button type="submit" class="button">
            {t("news.search_submit")}
          </button>
        </form>
        <div class="news-layout">
          <div>
            <p class="result-count">{t("news.count", { count: list.total })}</p>
            {list.items.length === 0 ? (
              <p class="empty">{t("news.none")}</p>
            ) : (
              <ul class="news-list">
                {list.items.map((s) => (
                  <StoryCard ctx={ctx} story={s} />
                ))}
              </ul>
            )}
            <Pagination i18n={i18n} page={list.page} pages={list.pages} baseHref={base} />
          </div>
          {tags.length > 0 ? (
            <aside class="news-aside panel" aria-labelledby="tags-title">
              <h2 id="tags-title">{t("news.tags")}</h2>
              <ul class="news-tags">
                {query.tag ? (
                  <li>
                    <a href={href(ctx, "/news")}>{t("news.all_tags")}</a>
                  </li>
                ) : null}
                {tags.map((tg) => (
                  <li>
                    <a
                      href={`${href(ctx, "/news")}?tag=${encodeURIComponent(tg.tag)}`}
                      aria-current={tg.tag === query.tag ? "page" : undefined}
                    >
                      #{i18n.script(tg.tag)} <span class="muted">{i18n.number(tg.count)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </aside>
          ) : null}
        </div>
      </Layout>,
    );
  });

  app.get("/:locale/news/:slug", (c) => articlePage(c, c.req.param("slug"), null));

  app.post("/:locale/news/:slug/comments", async (c) => {
    const slug = c.req.param("slug");
    if (!SLUG.test(slug)) throw new AppError("not_found");
    const body = await c.req.parseBody();
    const s = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const values = { name: s("name"), email: s("email"), body: s("body") };
    const result = await c.get("services").news.postComment(slug, values, {
      locale: newsLocaleOf(c.get("locale")),
      visitor: visitorOf(c),
      network: remoteAddress(c),
      formToken: s("started"),
      honeypot: s("website"),
    });
    if (result.ok) {
      setFlash(c, "success", "news.comment_received");
      return c.redirect(`/${c.get("locale")}/news/${slug}#comments`, 303);
    }
    // The reader keeps what they wrote; the errors say what to fix.
    return articlePage(c, slug, { values, errors: result.errors }, result.status);
  });

  app.get("/:locale/search", async (c) => {
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const page = Math.min(500, Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const result = q.trim() ? await c.get("services").news.search(q, page) : null;
    return render(
      c,
      <Layout
        ctx={ctx}
        title={q ? t("news.search_results_for", { q }) : t("news.search_title")}
        section="search"
        crumbs={[{ label: t("news.search_title") }]}
        head={<link rel="stylesheet" href={NEWS_CSS} />}
      >
        <PageHeader title={t("news.search_title")} lead={t("news.search_lead")} />
        <form method="get" action={href(ctx, "/search")} class="news-search">
          <label for="search-q" class="visually-hidden">
            {t("news.search_label")}
          </label>
          <input id="search-q" name="q" type="search" value={q} placeholder={t("news.search_placeholder")} />
          <button type="submit" class="button">
            {t("news.search_submit")}
          </button>
        </form>
        {result ? (
          <>
            <p class="result-count" role="status">
              {t("news.search_count", { count: result.total, q })}
            </p>
            {result.items.length === 0 ? (
              <p class="empty">{t("news.search_none")}</p>
            ) : (
              <ol class="search-results">
                {result.items.map((hit) => {
                  const title = i18n.pick(hit.title).text;
                  const summary = hit.type === "article" ? localized(i18n, hit.summary).text : "";
                  return (
                    <li class="search-hit">
                      <p class="search-type">{t(SEARCH_TYPE_LABEL[hit.type] ?? "news.search_type_article")}</p>
                      <h2>
                        {hit.path ? (
                          <a href={href(ctx, hit.path)}>{hit.type === "article" ? localized(i18n, hit.title).text : title}</a>
                        ) : (
                          title
                        )}
                      </h2>
                      {summary ? <p>{summary}</p> : null}
                      {hit.publishedAt && hit.type === "article" ? (
                        <p class="news-date">
                          <time datetime={hit.publishedAt}>{i18n.date(hit.publishedAt)}</time>
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
            <Pagination
              i18n={i18n}
              page={result.page}
              pages={result.pages}
              baseHref={`${href(ctx, "/search")}?q=${encodeURIComponent(q)}`}
            />
          </>
        ) : null}
      </Layout>,
    );
  });

  return app;
}
