import type { Config } from "../../config/config.ts";
import type { Db, Executor } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { hmac, safeEqual, sha256 } from "../../lib/crypto.ts";
import { DAY, iso, MINUTE, toDate } from "../../lib/time.ts";
import type { Services } from "../../services.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import { markdownToText } from "./news.markdown.ts";
import { canEdit, canNews, canTransition } from "./news.policy.ts";
import * as repo from "./news.repository.ts";
import {
  type Article,
  ArticleInput,
  type ArticleStatus,
  type ArticleSummary,
  type CommentInput,
  CommentInput as CommentSchema,
  type CommentStatus,
  type CoverUpload,
  type EntityLink,
  Moderation,
  NEWS_LOCALES,
  type NewsLocale,
  type PublicComment,
  type QueuedComment,
  type Revision,
  type SearchHit,
  Transition,
  type Translation,
  type TranslationStatus,
} from "./news.schemas.ts";
import {
  type CatalogEntry,
  type EntityCatalog,
  type EntityName,
  type EntityType,
  findMentions,
  indexTerms,
  queryGroups,
} from "./news.search.ts";

/** Public comment form: the rules QUALITY S6 asks for. */
export const COMMENT_RULES = {
  /** A person takes longer than this to read and write; a bot posting at once is refused. */
  minFillMs: 3_000,
  /** A form older than this is refused (reload the page). */
  maxFormAgeMs: DAY,
  /** Comments per visitor per window. */
  perVisitor: 5,
  /** Comments per network address per window (several readers may share one). */
  perNetwork: 30,
  windowMs: 10 * MINUTE,
  maxLinks: 2,
  duplicateWindowMs: 7 * DAY,
} as const;

export const PER_PAGE = 10;

export type LocalizedText = { kk: string; ru: string; zh: string | null; en: string };

/** Why a comment was not taken: field → message key, with the HTTP status to answer. */
export type CommentResult = { ok: true; id: number } | { ok: false; status: 422 | 429; errors: Record<string, string> };

export interface CommentMeta {
  locale: NewsLocale;
  /** Who is posting: a stable per-browser value (hashed here before it is stored). */
  visitor: string;
  /** The network address, when known: a second limit that clearing cookies does not reset. */
  network?: string;
  /** The form's signed timestamp (see commentFormToken). */
  formToken: string;
  /** The honeypot field: people leave it empty. */
  honeypot: string;
  now?: Date;
}

export interface RequestMeta {
  requestId?: string;
}

const toIso = (v: string | Date | null) => (v ? toDate(v).toISOString() : null);
const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** Kazakh, Russian, Chinese, English: the language an article is read in for a URL locale. */
export function newsLocaleOf(locale: string): NewsLocale {
  return locale === "kk-latn" ? "kk" : (NEWS_LOCALES as readonly string[]).includes(locale) ? (locale as NewsLocale) : "kk";
}

/**
 * The text a reader gets: their language if the story has it, else the original with a notice.
 * Kazakh Latin readers get the Kazakh text (the page transliterates it).
 */
export function pickTranslation(article: Article, locale: string): { locale: NewsLocale; translation: Translation; fallback: boolean } {
  const wanted = newsLocaleOf(locale);
  const own = article.translations[wanted];
  if (own) return { locale: wanted, translation: own, fallback: false };
  const original = article.translations[article.originalLocale] as Translation;
  return { locale: article.originalLocale, translation: original, fallback: true };
}

/** The signed timestamp a comment form carries: the server can tell how long the form was open. */
export function commentFormToken(secret: string, slug: string, at: number = Date.now()): string {
  return `${at}.${hmac(secret, `comment-form:${slug}:${at}`)}`;
}

function countLinks(text: string): number {
  return (text.match(/(https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|ru|kz|cn|info|xyz|top|io)\b)/gi) ?? []).length;
}

/** The registry's records a story can name: territories, zones, and cooperation's organisations, people and agreements. */
export async function entityCatalog(services: Pick<Services, "territories" | "sites" | "cooperation">): Promise<EntityCatalog> {
  const [territories, zones, organisations, people, agreements] = await Promise.all([
    services.territories.list(),
    services.sites.listZones(),
    services.cooperation.listOrganisations(),
    services.cooperation.listPeople(),
    services.cooperation.listAgreements(),
  ]);
  const entries: CatalogEntry[] = [];
  for (const t of territories) {
    const aliases = [t.name.kkLatn];
    if (t.slug === "turkistan-oblast") aliases.push("Turkistan oblast", "Туркестанская обл.", "突厥斯坦州", "Оңтүстік Қазақстан облысы");
    if (t.centre && t.kind !== "oblast" && t.kind !== "province")
      aliases.push(t.centre.kk, t.centre.ru, t.centre.en, ...(t.centre.zh ? [t.centre.zh] : []));
    entries.push({
      type: "territory",
      key: t.slug,
      name: { kk: t.name.kk, ru: t.name.ru, zh: t.name.zh, en: t.name.en },
      aliases: [...new Set(aliases.filter(Boolean))],
      path: `/territories/${t.slug}`,
    });
  }
  for (const z of zones) {
    const aliases = [z.name.kkLatn];
    if (z.slug === "turan-sez")
      aliases.push("СЭЗ «Turkistan»", "SEZ Turkistan", "«Түркістан» АЭА", "СЭЗ «Туран»", "Turan SEZ", "«Turan» АЭА");
    entries.push({
      type: "zone",
      key: z.slug,
      name: { kk: z.name.kk, ru: z.name.ru, zh: z.name.zh, en: z.name.en },
      aliases,
      path: `/zones/${z.slug}`,
    });
  }
  const named = (
    type: "organisation" | "person",
    r: { id: number; name: EntityName; nameOriginal: string | null; aliases: { alias: string }[] },
  ) => ({
    type,
    key: String(r.id),
    name: { kk: r.name.kk, ru: r.name.ru, zh: r.name.zh, en: r.name.en },
    aliases: [...new Set([r.nameOriginal ?? "", ...r.aliases.map((a) => a.alias)].filter(Boolean))],
    path: null,
  });
  for (const o of organisations) entries.push(named("organisation", o));
  for (const p of people) entries.push(named("person", p));
  for (const a of agreements)
    entries.push({
      type: "agreement",
      key: String(a.id),
      name: { kk: a.title.kk, ru: a.title.ru, zh: a.title.zh, en: a.title.en },
      aliases: [],
      path: `/agreements/${a.id}`,
    });
  return { entries };
}

/** The portal page of a registry record, where it has one. */
function linkPath(type: string, key: string): string | null {
  if (type === "territory") return `/territories/${key}`;
  if (type === "zone") return `/zones/${key}`;
  if (type === "agreement") return `/agreements/${key}`;
  return null;
}

export class NewsService {
  constructor(
    protected readonly db: Db,
    protected readonly config: Config,
  ) {}

  // Presenting

  private present(row: repo.ArticleRow, translations: repo.TranslationRow[], links: repo.LinkRow[], now: Date): Article {
    const byLocale = new Map(translations.filter((t) => t.article_id === row.id).map((t) => [t.locale, t]));
    const tr = (l: NewsLocale): Translation | null => {
      const t = byLocale.get(l);
      return t
        ? { status: t.status === "original" ? "original" : "translated", title: t.title, lead: t.lead, body: t.body, coverAlt: t.cover_alt }
        : null;
    };
    const status = row.status as ArticleStatus;
    const effective: ArticleStatus = status === "scheduled" && row.publish_at && toDate(row.publish_at) <= now ? "published" : status;
    const lang = (l: NewsLocale): TranslationStatus =>
      byLocale.has(l) ? (l === row.original_locale ? "original" : "translated") : "missing";
    return {
      slug: row.slug,
      status: effective,
      originalLocale: row.original_locale as NewsLocale,
      authorName: row.author_name,
      tags: parseJson<string[]>(row.tags, []),
      cover: row.cover_name && row.cover_type ? { url: `/media/news/${row.cover_name}`, contentType: row.cover_type } : null,
      publishAt: toIso(row.publish_at),
      publishedAt: toIso(row.published_at),
      updatedAt: toIso(row.updated_at) ?? "",
      views: Number(row.views),
      comments: Number(row.comments),
      illustrative: row.is_illustrative === 1,
      revision: Number(row.revision),
      languages: { kk: lang("kk"), ru: lang("ru"), zh: lang("zh"), en: lang("en") },
      translations: { kk: tr("kk"), ru: tr("ru"), zh: tr("zh"), en: tr("en") },
      links: links
        .filter((l) => l.article_id === row.id)
        .map((l) => ({
          type: l.entity_type as EntityLink["type"],
          key: l.entity_key,
          name: parseJson<LocalizedText>(l.label, { kk: l.entity_key, ru: l.entity_key, zh: null, en: l.entity_key }),
          matched: l.matched,
          status: l.status as EntityLink["status"],
          path: linkPath(l.entity_type, l.entity_key),
        })),
    };
  }

  /** Title and lead per language, the original standing in for a missing translation. */
  static summarize(article: Article): ArticleSummary {
    const { translations, links: _links, ...rest } = article;
    const original = translations[article.originalLocale] as Translation;
    const text = (f: "title" | "lead"): LocalizedText => ({
      kk: translations.kk?.[f] ?? original[f],
      ru: translations.ru?.[f] ?? original[f],
      zh: translations.zh?.[f] ?? original[f],
      en: translations.en?.[f] ?? original[f],
    });
    return { ...rest, title: text("title"), lead: text("lead") };
  }

  private async presentRows(rows: repo.ArticleRow[], now: Date, confirmedLinksOnly: boolean): Promise<Article[]> {
    const ids = rows.map((r) => r.id);
    const [translations, links] = await Promise.all([repo.translationsOf(this.db, ids), repo.linksOf(this.db, ids, confirmedLinksOnly)]);
    return rows.map((r) => this.present(r, translations, links, now));
  }

  // Reading (public)

  /** Published stories, newest first, with the tags readers can filter by. */
  async list(query: { page: number; tag?: string | undefined; perPage?: number }, now = new Date()) {
    const perPage = query.perPage ?? PER_PAGE;
    const { rows, total } = await repo.listArticleRows(this.db, {
      publicAt: iso(now),
      tag: query.tag,
      limit: perPage,
      offset: (query.page - 1) * perPage,
    });
    const items = (await this.presentRows(rows, now, true)).map(NewsService.summarize);
    return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / perPage)) };
  }

  async tags(now = new Date(), limit = 30): Promise<{ tag: string; count: number }[]> {
    return (await repo.tagCounts(this.db, iso(now), limit)).map((t) => ({ tag: t.tag, count: t.n }));
  }

  /** A public story with its approved comments; unpublished ones do not exist for readers. */
  async read(slug: string, now = new Date()): Promise<{ article: Article; comments: PublicComment[]; id: number }> {
    const row = await repo.findArticleRow(this.db, slug);
    if (!row) throw new AppError("not_found");
    const [article] = await this.presentRows([row], now, true);
    if (article?.status !== "published") throw new AppError("not_found");
    const comments = (await repo.approvedComments(this.db, row.id, 500)).map((c) => ({
      id: Number(c.id),
      name: c.author_name,
      body: c.body,
      createdAt: toIso(c.created_at) ?? "",
      locale: c.locale,
    }));
    return { article, comments, id: row.id };
  }

  /** Any story as its readers would see it, for staff: drafts included, comments left out. */
  async preview(actor: Actor, slug: string, now = new Date()): Promise<Article> {
    if (!canNews(actor, "news:preview")) throw new AppError("forbidden");
    const row = await repo.findArticleRow(this.db, slug);
    if (!row) throw new AppError("not_found");
    const [article] = await this.presentRows([row], now, true);
    if (!article) throw new AppError("not_found");
    return article;
  }

  /**
   * Counts a view (QUALITY D2): at most once per visitor per day, decided by a unique key on a
   * salted hash inside the increment's transaction. Returns whether this one counted.
   */
  async countView(articleId: number, visitor: string, now = new Date()): Promise<boolean> {
    const day = iso(now).slice(0, 10);
    const key = hmac(this.config.sessionSecret, `view:${day}:${visitor}`);
    return repo.recordView(this.db, articleId, day, key);
  }

  async views(slug: string): Promise<number> {
    const row = await repo.findArticleId(this.db, slug);
    if (!row) throw new AppError("not_found");
    return repo.viewsOf(this.db, row.id);
  }

  /** Stories for feeds: public, newest first, with their texts. */
  async feed(limit = 30, now = new Date()): Promise<Article[]> {
    const { rows } = await repo.listArticleRows(this.db, { publicAt: iso(now), limit, offset: 0 });
    return this.presentRows(rows, now, true);
  }

  async sitemap(now = new Date(), limit = 5000): Promise<{ slug: string; updatedAt: string }[]> {
    return (await repo.listPublicSlugs(this.db, iso(now), limit)).map((r) => ({ slug: r.slug, updatedAt: toIso(r.updated_at) ?? "" }));
  }

  /** Public stories that name a registry record (confirmed by an editor), for that record's page. */
  async storiesMentioning(type: EntityType, key: string, limit = 10, now = new Date()): Promise<ArticleSummary[]> {
    const rows = await repo.articlesMentioning(this.db, type, key, iso(now), limit);
    const ids = rows.map((r) => r.id);
    const translations = await repo.translationsOf(this.db, ids);
    return rows.map((r) => NewsService.summarize(this.present(r, translations, [], now)));
  }

  async findCover(name: string): Promise<{ contentType: string; sha256: string } | null> {
    const row = await this.db
      .selectFrom("news_articles")
      .select(["cover_type", "cover_sha256"])
      .where("cover_name", "=", name)
      .executeTakeFirst();
    return row?.cover_type && row.cover_sha256 ? { contentType: row.cover_type, sha256: row.cover_sha256 } : null;
  }

  // Comments

  /** Takes a reader's comment for moderation, or says what to fix. Nothing is shown until approved. */
  async postComment(slug: string, input: CommentInput, meta: CommentMeta): Promise<CommentResult> {
    const now = meta.now ?? new Date();
    const parsed = CommentSchema.safeParse(input);
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0] ?? "body")] ??= i.message;
    const article = await repo.findArticleId(this.db, slug);
    const isPublic =
      article &&
      (article.status === "published" || (article.status === "scheduled" && article.publish_at && toDate(article.publish_at) <= now));
    if (!article || !isPublic) throw new AppError("not_found");

    // Bots: a filled honeypot or a form sent faster than a person types. The same vague answer for both.
    const [at = "", signature = ""] = meta.formToken.split(".");
    const openedAt = Number(at);
    const signed = /^\d{10,16}$/.test(at) && safeEqual(signature, hmac(this.config.sessionSecret, `comment-form:${slug}:${at}`));
    if (meta.honeypot.trim() !== "") return { ok: false, status: 422, errors: { _: "news.comment_refused" } };
    if (!signed || now.getTime() - openedAt > COMMENT_RULES.maxFormAgeMs)
      return { ok: false, status: 422, errors: { _: "news.comment_form_expired" } };
    if (now.getTime() - openedAt < COMMENT_RULES.minFillMs) return { ok: false, status: 422, errors: { _: "news.comment_too_fast" } };
    if (!parsed.success) return { ok: false, status: 422, errors };
    const data = parsed.data;
    if (countLinks(data.body) > COMMENT_RULES.maxLinks) return { ok: false, status: 422, errors: { body: "news.comment_too_many_links" } };

    const visitor = hmac(this.config.sessionSecret, `visitor:${meta.visitor}`);
    const window = Math.floor(now.getTime() / COMMENT_RULES.windowMs) * COMMENT_RULES.windowMs;
    const windowStart = iso(new Date(window));
    const hits = await repo.hitRateLimit(this.db, `comment:${visitor}`, windowStart);
    const networkHits = meta.network
      ? await repo.hitRateLimit(this.db, `comment-net:${hmac(this.config.sessionSecret, `net:${meta.network}`)}`, windowStart)
      : 0;
    if (hits > COMMENT_RULES.perVisitor || networkHits > COMMENT_RULES.perNetwork)
      return { ok: false, status: 429, errors: { _: "news.comment_rate_limited" } };

    const bodyHash = sha256(data.body.normalize("NFKC").toLowerCase().replace(/\s+/g, " "));
    if (await repo.duplicateExists(this.db, article.id, bodyHash, iso(new Date(now.getTime() - COMMENT_RULES.duplicateWindowMs))))
      return { ok: false, status: 422, errors: { body: "news.comment_duplicate" } };

    const id = await repo.insertComment(this.db, {
      article_id: article.id,
      locale: meta.locale,
      author_name: data.name,
      author_email: data.email || null,
      body: data.body,
      body_hash: bodyHash,
      visitor,
      status: "pending",
      created_at: iso(now),
      moderated_at: null,
      moderated_by: null,
    });
    return { ok: true, id };
  }

  async moderationQueue(actor: Actor, status: CommentStatus, page: number, perPage = 50) {
    if (!canNews(actor, "news:moderate")) throw new AppError("forbidden");
    const { rows, total } = await repo.commentQueue(this.db, status, perPage, (page - 1) * perPage);
    const translations = await repo.translationsOf(this.db, [...new Set(rows.map((r) => r.article_id))]);
    const title = (articleId: number, original: string): LocalizedText => {
      const mine = translations.filter((t) => t.article_id === articleId);
      const orig = mine.find((t) => t.locale === original)?.title ?? "";
      const get = (l: string) => mine.find((t) => t.locale === l)?.title ?? orig;
      return { kk: get("kk"), ru: get("ru"), zh: get("zh"), en: get("en") };
    };
    const items: QueuedComment[] = rows.map((r) => ({
      id: Number(r.id),
      name: r.author_name,
      email: r.author_email,
      body: r.body,
      locale: r.locale,
      createdAt: toIso(r.created_at) ?? "",
      status: r.status as CommentStatus,
      moderatedAt: toIso(r.moderated_at),
      article: { slug: r.article_slug, title: title(r.article_id, r.article_original_locale) },
    }));
    return { items, total, page, pages: Math.max(1, Math.ceil(total / perPage)), counts: await repo.commentCounts(this.db) };
  }

  /** Approve, reject or mark as spam, one or many; each change is audited once. */
  async moderate(actor: Actor, input: { ids: number[]; action: string }, meta: RequestMeta = {}): Promise<number> {
    if (!canNews(actor, "news:moderate")) throw new AppError("forbidden");
    const parsed = Moderation.safeParse(input);
    if (!parsed.success) throw new AppError("validation_failed", { ids: "news.choose_comments" });
    const status = ({ approve: "approved", reject: "rejected", spam: "spam" } as const)[parsed.data.action];
    const at = iso();
    return this.db.transaction().execute(async (trx) => {
      const changed = await repo.moderateComments(trx, [...new Set(parsed.data.ids)], status, actor.id, at);
      for (const c of changed)
        await repo.insertAuditEvent(trx, {
          at,
          action: `news.comment_${parsed.data.action}`,
          actorUserId: actor.id,
          subjectType: "news_comment",
          subjectId: String(c.id),
          requestId: meta.requestId ?? null,
          details: JSON.stringify({ status }),
        });
      return changed.length;
    });
  }

  // Writing (staff)

  async adminList(actor: Actor, filter: { status?: ArticleStatus | undefined; page: number }, now = new Date()) {
    if (!canNews(actor, "news:write")) throw new AppError("forbidden");
    const perPage = 30;
    const { rows, total } = await repo.listArticleRows(this.db, {
      status: filter.status,
      limit: perPage,
      offset: (filter.page - 1) * perPage,
    });
    const items = (await this.presentRows(rows, now, false)).map(NewsService.summarize);
    return {
      items,
      total,
      page: filter.page,
      pages: Math.max(1, Math.ceil(total / perPage)),
      pendingComments: (await repo.commentCounts(this.db)).pending ?? 0,
    };
  }

  async getForEdit(actor: Actor, slug: string, now = new Date()): Promise<{ article: Article; revisions: Revision[] }> {
    if (!canNews(actor, "news:write")) throw new AppError("forbidden");
    const row = await repo.findArticleRow(this.db, slug);
    if (!row) throw new AppError("not_found");
    const [article] = await this.presentRows([row], now, false);
    if (!article) throw new AppError("not_found");
    const revisions = (await repo.listRevisions(this.db, row.id)).map((r) => ({
      revision: Number(r.revision),
      status: r.status,
      note: r.note,
      by: r.actor_name,
      at: toIso(r.at) ?? "",
    }));
    return { article, revisions };
  }

  private translationRows(articleId: number, input: ArticleInput, at: string) {
    return NEWS_LOCALES.flatMap((l) => {
      const t = input.translations[l];
      if (!t) return [];
      return [
        {
          article_id: articleId,
          locale: l,
          status: l === input.originalLocale ? "original" : "translated",
          title: t.title,
          lead: t.lead,
          body: t.body,
          cover_alt: t.coverAlt || null,
          updated_at: at,
        },
      ];
    });
  }

  private validate(input: unknown, cover: { present: boolean }): ArticleInput {
    const parsed = ArticleInput.safeParse(input);
    const errors: Record<string, string> = {};
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const path = i.path.filter((p) => p !== "translations").join(".");
        errors[path || "_"] ??= i.message.includes(".") ? i.message : "form.invalid";
      }
      throw new AppError("validation_failed", errors);
    }
    const data = parsed.data;
    // A cover needs words for readers who cannot see it (in the original language at least).
    if (cover.present && !data.translations[data.originalLocale]?.coverAlt)
      throw new AppError("validation_failed", { [`${data.originalLocale}.coverAlt`]: "news.cover_alt_required" });
    return { ...data, tags: [...new Set(data.tags)] };
  }

  private async snapshot(trx: Executor, articleId: number, note: string, actor: Actor | null, at: string): Promise<void> {
    const row = await trx.selectFrom("news_articles").selectAll().where("id", "=", articleId).executeTakeFirstOrThrow();
    const translations = await repo.translationsOf(trx, [articleId]);
    await repo.insertRevision(trx, {
      article_id: articleId,
      revision: row.revision,
      status: row.status,
      note,
      snapshot: JSON.stringify({ article: row, translations }),
      actor_user_id: actor?.id ?? null,
      at,
    });
  }

  /** Suggests links to the registry records the story names, keeping what an editor already decided. */
  private async suggestLinks(trx: Executor, articleId: number, input: ArticleInput, catalog: EntityCatalog, at: string) {
    const text = NEWS_LOCALES.map((l) => {
      const t = input.translations[l];
      return t ? `${t.title}\n${t.lead}\n${markdownToText(t.body)}` : "";
    }).join("\n");
    const mentions = findMentions(text, catalog);
    await repo.replaceSuggestions(
      trx,
      articleId,
      mentions.map((m) => ({
        article_id: articleId,
        entity_type: m.type,
        entity_key: m.key,
        label: JSON.stringify(m.name),
        matched: m.matched.slice(0, 200),
        status: "suggested",
        updated_at: at,
      })),
    );
  }

  private async indexArticle(trx: Executor, articleId: number): Promise<void> {
    const row = await repo.findArticleRow(
      trx,
      (await trx.selectFrom("news_articles").select("slug").where("id", "=", articleId).executeTakeFirstOrThrow()).slug,
    );
    if (!row) return;
    if (row.status !== "published" && row.status !== "scheduled") {
      await repo.deleteSearchDocument(trx, "article", row.slug);
      return;
    }
    const article = this.present(row, await repo.translationsOf(trx, [articleId]), [], new Date());
    const summary = NewsService.summarize(article);
    const texts = NEWS_LOCALES.map((l) => article.translations[l]).filter((t): t is Translation => t !== null);
    await repo.upsertSearchDocument(trx, {
      doc_type: "article",
      doc_key: row.slug,
      title: JSON.stringify(summary.title),
      summary: JSON.stringify(summary.lead),
      path: `/news/${row.slug}`,
      terms_title: indexTerms(texts.map((t) => t.title).join("\n")),
      terms_body: indexTerms([...texts.map((t) => `${t.lead}\n${markdownToText(t.body)}`), article.tags.join(" ")].join("\n")),
      published_at: toIso(row.publish_at ?? row.published_at),
      updated_at: iso(),
    });
  }

  async create(actor: Actor, input: unknown, cover: CoverUpload | null, catalog: EntityCatalog, meta: RequestMeta = {}): Promise<Article> {
    if (!canNews(actor, "news:write")) throw new AppError("forbidden");
    const data = this.validate(input, { present: cover !== null });
    const at = iso();
    const slug = await this.db.transaction().execute(async (trx) => {
      if (await repo.findArticleId(trx, data.slug)) throw new AppError("validation_failed", { slug: "news.slug_taken" });
      const id = await repo.insertArticle(trx, {
        slug: data.slug,
        status: "draft",
        original_locale: data.originalLocale,
        author_user_id: actor.id,
        author_name: data.authorName,
        tags: JSON.stringify(data.tags),
        cover_name: cover?.storedName ?? null,
        cover_type: cover?.contentType ?? null,
        cover_sha256: cover?.sha256 ?? null,
        cover_bytes: cover?.sizeBytes ?? null,
        publish_at: null,
        published_at: null,
        views: 0,
        revision: 1,
        is_illustrative: data.illustrative ? 1 : 0,
        created_at: at,
        updated_at: at,
      });
      await repo.replaceTranslations(trx, id, this.translationRows(id, data, at));
      await repo.replaceTags(trx, id, data.tags);
      await this.suggestLinks(trx, id, data, catalog, at);
      await this.indexRegistry(catalog, trx);
      await this.snapshot(trx, id, "created", actor, at);
      await this.audit(trx, actor, "news.article_create", data.slug, meta, at);
      return data.slug;
    });
    return (await this.getForEdit(actor, slug)).article;
  }

  /** Saves a new version; `expectedRevision` guards against overwriting someone else's edit. */
  async update(
    actor: Actor,
    slug: string,
    input: unknown,
    options: { cover: CoverUpload | null; removeCover?: boolean; expectedRevision?: number; catalog: EntityCatalog },
    meta: RequestMeta = {},
  ): Promise<Article> {
    if (!canNews(actor, "news:write")) throw new AppError("forbidden");
    const at = iso();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("news_articles").selectAll().where("slug", "=", slug).executeTakeFirst();
      if (!row) throw new AppError("not_found");
      if (!canEdit(actor, row.status as ArticleStatus)) throw new AppError("forbidden");
      const keepsCover = row.cover_name !== null && !options.removeCover;
      const data = this.validate({ ...(input as object), slug }, { present: options.cover !== null || keepsCover });
      if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision)
        throw new AppError("validation_failed", { _: "news.edited_elsewhere" });
      const cover = options.cover
        ? {
            cover_name: options.cover.storedName,
            cover_type: options.cover.contentType,
            cover_sha256: options.cover.sha256,
            cover_bytes: options.cover.sizeBytes,
          }
        : options.removeCover
          ? { cover_name: null, cover_type: null, cover_sha256: null, cover_bytes: null }
          : {};
      await repo.updateArticle(trx, row.id, {
        original_locale: data.originalLocale,
        author_name: data.authorName,
        tags: JSON.stringify(data.tags),
        is_illustrative: data.illustrative ? 1 : 0,
        revision: row.revision + 1,
        updated_at: at,
        ...cover,
      });
      await repo.replaceTranslations(trx, row.id, this.translationRows(row.id, data, at));
      await repo.replaceTags(trx, row.id, data.tags);
      await this.suggestLinks(trx, row.id, data, options.catalog, at);
      await this.indexRegistry(options.catalog, trx);
      await this.snapshot(trx, row.id, "saved", actor, at);
      await this.indexArticle(trx, row.id);
      await this.audit(trx, actor, "news.article_update", slug, meta, at);
    });
    return (await this.getForEdit(actor, slug)).article;
  }

  /** Moves a story along the workflow (draft → in review → scheduled → published → archived). */
  async transition(actor: Actor, slug: string, input: unknown, meta: RequestMeta = {}, now = new Date()): Promise<Article> {
    if (!canNews(actor, "news:write")) throw new AppError("forbidden");
    const parsed = Transition.safeParse(input);
    if (!parsed.success) throw new AppError("validation_failed", { to: "form.choose_one" });
    const { to, publishAt } = parsed.data;
    const at = iso(now);
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("news_articles").selectAll().where("slug", "=", slug).executeTakeFirst();
      if (!row) throw new AppError("not_found");
      const from = row.status as ArticleStatus;
      if (from === to) return;
      if (!canTransition(actor, from, to)) {
        // A step that exists but needs more rights is forbidden; one that does not exist is invalid.
        if (canTransition({ ...actor, role: "admin" }, from, to)) throw new AppError("forbidden");
        throw new AppError("validation_failed", { to: "news.transition_invalid" });
      }
      const changes: Parameters<typeof repo.updateArticle>[2] = { status: to, revision: row.revision + 1, updated_at: at };
      if (to === "scheduled") {
        if (!publishAt || new Date(publishAt) <= now) throw new AppError("validation_failed", { publishAt: "news.publish_at_future" });
        changes.publish_at = iso(new Date(publishAt));
        changes.published_at = iso(new Date(publishAt));
      }
      if (to === "published") {
        changes.publish_at = at;
        if (!row.published_at || from === "scheduled") changes.published_at = at;
      }
      await repo.updateArticle(trx, row.id, changes);
      await this.snapshot(trx, row.id, to, actor, at);
      await this.indexArticle(trx, row.id);
      await this.audit(trx, actor, `news.article_${to}`, slug, meta, at);
    });
    return (await this.getForEdit(actor, slug, now)).article;
  }

  /** An editor confirms or rejects a suggested link (or takes back a decision). */
  async setLink(actor: Actor, slug: string, link: { type: string; key: string; status: string }): Promise<void> {
    if (!canNews(actor, "news:write")) throw new AppError("forbidden");
    if (!["suggested", "confirmed", "rejected"].includes(link.status))
      throw new AppError("validation_failed", { status: "form.choose_one" });
    const row = await repo.findArticleId(this.db, slug);
    if (!row) throw new AppError("not_found");
    if (!canEdit(actor, row.status as ArticleStatus)) throw new AppError("forbidden");
    const n = await repo.setLinkStatus(this.db, row.id, link.type, link.key, link.status, iso());
    if (n === 0) throw new AppError("not_found");
  }

  private async audit(trx: Executor, actor: Actor, action: string, slug: string, meta: RequestMeta, at: string) {
    await repo.insertAuditEvent(trx, {
      at,
      action,
      actorUserId: actor.id,
      subjectType: "news_article",
      subjectId: slug,
      requestId: meta.requestId ?? null,
      details: "{}",
    });
  }

  // Search

  /** Keeps the registry's records in the site search; unchanged ones are left alone. */
  async indexRegistry(catalog: EntityCatalog, executor?: Executor): Promise<number> {
    let changed = 0;
    const run = async (trx: Executor) => {
      for (const type of ["territory", "zone", "organisation", "person", "agreement"] as const) {
        const entries = catalog.entries.filter((e) => e.type === type);
        const stored = new Map((await repo.searchDocumentsOfType(trx, type)).map((d) => [d.doc_key, d]));
        const existing = new Set(stored.keys());
        for (const e of entries) {
          const names = [e.name.kk, e.name.ru, e.name.en, e.name.zh ?? "", ...e.aliases].join("\n");
          const title = JSON.stringify({ kk: e.name.kk, ru: e.name.ru, zh: e.name.zh ?? null, en: e.name.en });
          const terms = indexTerms(names);
          const old = stored.get(e.key);
          existing.delete(e.key);
          if (old && old.title === title && old.terms_title === terms && old.path === (e.path ?? "")) continue;
          await repo.upsertSearchDocument(trx, {
            doc_type: type,
            doc_key: e.key,
            title,
            summary: JSON.stringify({ kk: "", ru: "", zh: null, en: "" }),
            path: e.path ?? "",
            terms_title: terms,
            terms_body: "",
            published_at: null,
            updated_at: iso(),
          });
          changed++;
        }
        for (const gone of existing) await repo.deleteSearchDocument(trx, type, gone);
      }
    };
    if (executor) await run(executor);
    else await this.db.transaction().execute(run);
    return changed;
  }

  /** Site-wide search: stories and registry records, ranked, whatever script the query is in. */
  async search(
    q: string,
    page = 1,
    perPage = 20,
    now = new Date(),
  ): Promise<{ items: SearchHit[]; total: number; page: number; pages: number }> {
    const groups = queryGroups(q);
    if (groups.length === 0) return { items: [], total: 0, page: 1, pages: 1 };
    const rows = await repo.searchDocuments(this.db, groups, iso(now), perPage, (page - 1) * perPage);
    const total = rows.length > 0 ? Number(rows[0]?.total ?? 0) : 0;
    const empty: LocalizedText = { kk: "", ru: "", zh: null, en: "" };
    return {
      items: rows.map((r) => ({
        type: r.doc_type,
        key: r.doc_key,
        title: parseJson<LocalizedText>(r.title, empty),
        summary: parseJson<LocalizedText>(r.summary, empty),
        path: r.path,
        publishedAt: toIso(r.published_at),
      })),
      total,
      page,
      pages: Math.max(1, Math.ceil(total / perPage)),
    };
  }

  // Demo

  /** Writes a story straight into a status, for the demo seed (no actor, no workflow). */
  async seedStory(
    story: { input: ArticleInput; status: ArticleStatus; publishedAt: string; views: number },
    catalog: EntityCatalog,
  ): Promise<void> {
    const data = this.validate(story.input, { present: false });
    await this.db.transaction().execute(async (trx) => {
      const at = story.publishedAt;
      const id = await repo.insertArticle(trx, {
        slug: data.slug,
        status: story.status,
        original_locale: data.originalLocale,
        author_user_id: null,
        author_name: data.authorName,
        tags: JSON.stringify(data.tags),
        cover_name: null,
        cover_type: null,
        cover_sha256: null,
        cover_bytes: null,
        publish_at: at,
        published_at: at,
        views: story.views,
        revision: 1,
        is_illustrative: data.illustrative ? 1 : 0,
        created_at: at,
        updated_at: at,
      });
      await repo.replaceTranslations(trx, id, this.translationRows(id, data, at));
      await repo.replaceTags(trx, id, data.tags);
      await this.suggestLinks(trx, id, data, catalog, at);
      // The demo's links are what an editor would confirm: every suggestion.
      await trx.updateTable("news_entity_links").set({ status: "confirmed" }).where("article_id", "=", id).execute();
      await this.snapshot(trx, id, "seeded", null, at);
      await this.indexArticle(trx, id);
    });
  }
}
