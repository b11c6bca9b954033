import { type Insertable, PostgresAdapter, type Selectable, sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import type {
  NewsArticlesTable,
  NewsCommentsTable,
  NewsEntityLinksTable,
  NewsRevisionsTable,
  NewsTranslationsTable,
  SearchDocumentsTable,
} from "./news.tables.ts";

export type ArticleRow = Selectable<NewsArticlesTable> & { comments: number };
export type TranslationRow = Selectable<NewsTranslationsTable>;
export type CommentRow = Selectable<NewsCommentsTable>;
export type LinkRow = Selectable<NewsEntityLinksTable>;
export type QueuedCommentRow = CommentRow & { article_slug: string; article_original_locale: string };
export type RevisionRow = Selectable<NewsRevisionsTable> & { actor_name: string | null };
export type SearchRow = Selectable<SearchDocumentsTable> & { total: number };

/**
 * Full-text search is the one thing the two engines do differently (FTS5 virtual table versus a
 * tsvector column), so the search functions below ask which engine they talk to; nothing else here does.
 */
function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Stories a reader may see: published, or scheduled with the time passed. */
function publicOnly(now: string) {
  return sql<boolean>`(a.status = 'published' or (a.status = 'scheduled' and a.publish_at <= ${now}))`;
}

function articlesWithCounts(db: Executor) {
  return db
    .selectFrom("news_articles as a")
    .selectAll("a")
    .select((eb) =>
      eb
        .selectFrom("news_comments as c")
        .whereRef("c.article_id", "=", "a.id")
        .where("c.status", "=", "approved")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("comments"),
    );
}

const normalise = <T extends { comments: number | string | null }>(r: T): T => ({ ...r, comments: Number(r.comments ?? 0) });

export async function findArticleRow(db: Executor, slug: string): Promise<ArticleRow | undefined> {
  const row = await articlesWithCounts(db).where("a.slug", "=", slug).executeTakeFirst();
  return row ? (normalise(row) as ArticleRow) : undefined;
}

export async function findArticleId(
  db: Executor,
  slug: string,
): Promise<{ id: number; status: string; publish_at: string | Date | null } | undefined> {
  return db.selectFrom("news_articles").select(["id", "status", "publish_at"]).where("slug", "=", slug).executeTakeFirst();
}

export interface ArticleListFilter {
  /** Only what readers may see at `now`. */
  publicAt?: string;
  status?: string;
  tag?: string;
  limit: number;
  offset: number;
}

export async function listArticleRows(db: Executor, f: ArticleListFilter): Promise<{ rows: ArticleRow[]; total: number }> {
  let q = articlesWithCounts(db).select(sql<number>`count(*) over ()`.as("total"));
  if (f.publicAt) q = q.where(publicOnly(f.publicAt));
  if (f.status) q = q.where("a.status", "=", f.status);
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("news_article_tags as t").whereRef("t.article_id", "=", "a.id").where("t.tag", "=", tag).select("t.tag")),
    );
  }
  const rows = await q
    .orderBy(sql`coalesce(a.published_at, a.publish_at, a.updated_at)`, "desc")
    .orderBy("a.id", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = rows.length > 0 ? Number(rows[0]?.total ?? 0) : 0;
  return { rows: rows.map((r) => normalise(r) as ArticleRow), total };
}

/** Every public story, newest first, for the sitemap (no bodies). */
export async function listPublicSlugs(db: Executor, now: string, limit: number) {
  return db
    .selectFrom("news_articles as a")
    .select(["a.id", "a.slug", "a.updated_at", "a.original_locale"])
    .where(publicOnly(now))
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}

export async function translationsOf(db: Executor, articleIds: number[]): Promise<TranslationRow[]> {
  if (articleIds.length === 0) return [];
  return db.selectFrom("news_translations").selectAll().where("article_id", "in", articleIds).execute();
}

export async function insertArticle(db: Executor, row: Insertable<NewsArticlesTable>): Promise<number> {
  const r = await db.insertInto("news_articles").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateArticle(db: Executor, id: number, row: Partial<Insertable<NewsArticlesTable>>): Promise<void> {
  await db.updateTable("news_articles").set(row).where("id", "=", id).execute();
}

export async function replaceTranslations(db: Executor, articleId: number, rows: Insertable<NewsTranslationsTable>[]): Promise<void> {
  await db.deleteFrom("news_translations").where("article_id", "=", articleId).execute();
  if (rows.length > 0) await db.insertInto("news_translations").values(rows).execute();
}

export async function replaceTags(db: Executor, articleId: number, tags: string[]): Promise<void> {
  await db.deleteFrom("news_article_tags").where("article_id", "=", articleId).execute();
  if (tags.length > 0)
    await db
      .insertInto("news_article_tags")
      .values(tags.map((tag) => ({ article_id: articleId, tag })))
      .execute();
}

/** Tags of public stories with how many stories carry each. */
export async function tagCounts(db: Executor, now: string, limit: number): Promise<{ tag: string; n: number }[]> {
  const rows = await db
    .selectFrom("news_article_tags as t")
    .innerJoin("news_articles as a", "a.id", "t.article_id")
    .where(publicOnly(now))
    .select(["t.tag", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("t.tag")
    .orderBy("n", "desc")
    .orderBy("t.tag", "asc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ tag: r.tag, n: Number(r.n) }));
}

export async function insertRevision(db: Executor, row: Insertable<NewsRevisionsTable>): Promise<void> {
  await db.insertInto("news_revisions").values(row).execute();
}

export async function listRevisions(db: Executor, articleId: number): Promise<RevisionRow[]> {
  return db
    .selectFrom("news_revisions as r")
    .leftJoin("users as u", "u.id", "r.actor_user_id")
    .selectAll("r")
    .select("u.display_name as actor_name")
    .where("r.article_id", "=", articleId)
    .orderBy("r.revision", "desc")
    .execute();
}

// Views (QUALITY D2)

/**
 * One view per article, day and visitor: the primary key decides, inside the same transaction as
 * the increment, so concurrent requests can neither lose an increment nor count a visitor twice.
 */
export async function recordView(db: Executor, articleId: number, day: string, visitor: string): Promise<boolean> {
  // A returning reader (most requests) costs one read and no write lock; a race between two first
  // views of the same reader still ends at the primary key below.
  const seen = await db
    .selectFrom("news_views")
    .select("day")
    .where("article_id", "=", articleId)
    .where("day", "=", day)
    .where("visitor", "=", visitor)
    .executeTakeFirst();
  if (seen) return false;
  const insert = async (trx: Executor) => {
    const r = await trx
      .insertInto("news_views")
      .values({ article_id: articleId, day, visitor })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx
      .updateTable("news_articles")
      .set((eb) => ({ views: eb("views", "+", 1) }))
      .where("id", "=", articleId)
      .execute();
    return true;
  };
  return db.isTransaction ? insert(db) : db.transaction().execute(insert);
}

export async function viewsOf(db: Executor, articleId: number): Promise<number> {
  const r = await db.selectFrom("news_articles").select("views").where("id", "=", articleId).executeTakeFirst();
  return Number(r?.views ?? 0);
}

export async function pruneViews(db: Executor, beforeDay: string): Promise<void> {
  await db.deleteFrom("news_views").where("day", "<", beforeDay).execute();
}

// Comments

export async function insertComment(db: Executor, row: Insertable<NewsCommentsTable>): Promise<number> {
  const r = await db.insertInto("news_comments").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function approvedComments(db: Executor, articleId: number, limit: number): Promise<CommentRow[]> {
  return db
    .selectFrom("news_comments")
    .selectAll()
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .limit(limit)
    .execute();
}

export async function duplicateExists(db: Executor, articleId: number, bodyHash: string, since: string): Promise<boolean> {
  const r = await db
    .selectFrom("news_comments")
    .select("id")
    .where("article_id", "=", articleId)
    .where("body_hash", "=", bodyHash)
    .where("created_at", ">=", since)
    .where("status", "!=", "rejected")
    .executeTakeFirst();
  return r !== undefined;
}

export async function commentQueue(
  db: Executor,
  status: string,
  limit: number,
  offset: number,
): Promise<{ rows: QueuedCommentRow[]; total: number }> {
  const rows = await db
    .selectFrom("news_comments as c")
    .innerJoin("news_articles as a", "a.id", "c.article_id")
    .selectAll("c")
    .select(["a.slug as article_slug", "a.original_locale as article_original_locale", sql<number>`count(*) over ()`.as("total")])
    .where("c.status", "=", status)
    .orderBy("c.created_at", status === "pending" ? "asc" : "desc")
    .orderBy("c.id", "asc")
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: rows.length > 0 ? Number(rows[0]?.total ?? 0) : 0 };
}

export async function commentCounts(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("news_comments")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Sets the status of the comments not already in it; returns those that changed. */
export async function moderateComments(
  db: Executor,
  ids: number[],
  status: string,
  actorId: number,
  at: string,
): Promise<{ id: number; article_id: number }[]> {
  return db
    .updateTable("news_comments")
    .set({ status, moderated_at: at, moderated_by: actorId })
    .where("id", "in", ids)
    .where("status", "!=", status)
    .returning(["id", "article_id"])
    .execute();
}

/** A fixed-window counter: returns the hits in the window including this one. */
export async function hitRateLimit(db: Executor, key: string, windowStart: string): Promise<number> {
  await db.deleteFrom("news_rate_limits").where("key", "=", key).where("window_start", "<", windowStart).execute();
  const r = await db
    .insertInto("news_rate_limits")
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(["key", "window_start"]).doUpdateSet((eb) => ({ hits: eb("news_rate_limits.hits", "+", 1) })))
    .returning("hits")
    .executeTakeFirstOrThrow();
  return Number(r.hits);
}

// Entity links

export async function linksOf(db: Executor, articleIds: number[], onlyConfirmed: boolean): Promise<LinkRow[]> {
  if (articleIds.length === 0) return [];
  let q = db.selectFrom("news_entity_links").selectAll().where("article_id", "in", articleIds);
  if (onlyConfirmed) q = q.where("status", "=", "confirmed");
  return q.orderBy("entity_type").orderBy("entity_key").execute();
}

/** New suggestions replace old ones; what an editor confirmed or rejected stays as decided. */
export async function replaceSuggestions(db: Executor, articleId: number, rows: Insertable<NewsEntityLinksTable>[]): Promise<void> {
  await db.deleteFrom("news_entity_links").where("article_id", "=", articleId).where("status", "=", "suggested").execute();
  const kept = await db.selectFrom("news_entity_links").select(["entity_type", "entity_key"]).where("article_id", "=", articleId).execute();
  const decided = new Set(kept.map((k) => `${k.entity_type}:${k.entity_key}`));
  const fresh = rows.filter((r) => !decided.has(`${r.entity_type}:${r.entity_key}`));
  if (fresh.length > 0) await db.insertInto("news_entity_links").values(fresh).execute();
}

export async function setLinkStatus(
  db: Executor,
  articleId: number,
  type: string,
  key: string,
  status: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable("news_entity_links")
    .set({ status, updated_at: at })
    .where("article_id", "=", articleId)
    .where("entity_type", "=", type)
    .where("entity_key", "=", key)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function articlesMentioning(db: Executor, type: string, key: string, now: string, limit: number): Promise<ArticleRow[]> {
  const rows = await articlesWithCounts(db)
    .where(publicOnly(now))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("news_entity_links as l")
          .whereRef("l.article_id", "=", "a.id")
          .where("l.entity_type", "=", type)
          .where("l.entity_key", "=", key)
          .where("l.status", "=", "confirmed")
          .select("l.article_id"),
      ),
    )
    .orderBy(sql`coalesce(a.published_at, a.publish_at)`, "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => normalise(r) as ArticleRow);
}

// Audit: the platform's one audit log (accounts owns the table; moderation writes its events in the same transaction).

export async function insertAuditEvent(
  db: Executor,
  e: { at: string; action: string; actorUserId: number; subjectType: string; subjectId: string; requestId: string | null; details: string },
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      at: e.at,
      action: e.action,
      actor_user_id: e.actorUserId,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      request_id: e.requestId,
      details: e.details,
    })
    .execute();
}

// Search

export async function upsertSearchDocument(db: Executor, doc: Insertable<SearchDocumentsTable>): Promise<void> {
  const postgres = isPostgres(db);
  const existing = await db
    .selectFrom("search_documents")
    .select("id")
    .where("doc_type", "=", doc.doc_type)
    .where("doc_key", "=", doc.doc_key)
    .executeTakeFirst();
  let id: number;
  if (existing) {
    id = Number(existing.id);
    await db.updateTable("search_documents").set(doc).where("id", "=", id).execute();
  } else {
    id = Number((await db.insertInto("search_documents").values(doc).returning("id").executeTakeFirstOrThrow()).id);
  }
  if (postgres) {
    await sql`update search_documents set tsv = setweight(to_tsvector('simple', ${doc.terms_title}), 'A') || setweight(to_tsvector('simple', ${doc.terms_body}), 'B') where id = ${id}`.execute(
      db,
    );
  } else {
    await sql`delete from search_fts where rowid = ${id}`.execute(db);
    await sql`insert into search_fts (rowid, terms_title, terms_body) values (${id}, ${doc.terms_title}, ${doc.terms_body})`.execute(db);
  }
}

export async function deleteSearchDocument(db: Executor, type: string, key: string): Promise<void> {
  const existing = await db
    .selectFrom("search_documents")
    .select("id")
    .where("doc_type", "=", type)
    .where("doc_key", "=", key)
    .executeTakeFirst();
  if (!existing) return;
  if (!isPostgres(db)) await sql`delete from search_fts where rowid = ${existing.id}`.execute(db);
  await db.deleteFrom("search_documents").where("id", "=", existing.id).execute();
}

export async function searchDocumentsOfType(db: Executor, type: string) {
  return db.selectFrom("search_documents").select(["doc_key", "title", "path", "terms_title"]).where("doc_type", "=", type).execute();
}

/**
 * Ranked search. `groups`: one entry per query word, each a list of alternatives; an alternative
 * with spaces means all of its parts. Terms contain letters and digits only (see queryGroups).
 */
export async function searchDocuments(db: Executor, groups: string[][], now: string, limit: number, offset: number): Promise<SearchRow[]> {
  if (groups.length === 0) return [];
  if (isPostgres(db)) {
    const alt = (a: string) =>
      a.includes(" ")
        ? `(${a
            .split(" ")
            .map((p) => `${p}:*`)
            .join(" & ")})`
        : `${a}:*`;
    const query = groups.map((g) => `(${g.map(alt).join(" | ")})`).join(" & ");
    const r = await sql<SearchRow>`
      select d.id, d.doc_type, d.doc_key, d.title, d.summary, d.path, d.published_at, d.updated_at,
             '' as terms_title, '' as terms_body, count(*) over () as total
      from search_documents d, to_tsquery('simple', ${query}) q
      where d.tsv @@ q and (d.doc_type <> 'article' or d.published_at <= ${now})
      order by ts_rank(d.tsv, q) desc, d.published_at desc nulls last, d.id
      limit ${limit} offset ${offset}`.execute(db);
    return r.rows;
  }
  const alt = (a: string) =>
    a.includes(" ")
      ? `(${a
          .split(" ")
          .map((p) => `"${p}"*`)
          .join(" AND ")})`
      : `"${a}"*`;
  const match = groups.map((g) => `(${g.map(alt).join(" OR ")})`).join(" AND ");
  const r = await sql<SearchRow>`
    select d.id, d.doc_type, d.doc_key, d.title, d.summary, d.path, d.published_at, d.updated_at,
           '' as terms_title, '' as terms_body, count(*) over () as total
    from (select rowid, bm25(search_fts, 8.0, 1.0) as rank from search_fts where search_fts match ${match}) f
    join search_documents d on d.id = f.rowid
    where d.doc_type <> 'article' or d.published_at <= ${now}
    order by f.rank, d.published_at desc, d.id
    limit ${limit} offset ${offset}`.execute(db);
  return r.rows;
}
