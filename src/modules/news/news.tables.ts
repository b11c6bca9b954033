import type { Generated } from "kysely";

/** Tables of the news module (migration 0004_news). Timestamps: ISO text on SQLite, Date on PostgreSQL. */
export interface NewsArticlesTable {
  id: Generated<number>;
  slug: string;
  /** draft, in_review, scheduled, published, archived. */
  status: string;
  /** kk, ru, zh or en: the language the story was written in. */
  original_locale: string;
  author_user_id: number | null;
  /** The byline as printed. */
  author_name: string;
  /** JSON array of tag keys, in the editor's order (news_article_tags holds them for filtering). */
  tags: string;
  cover_name: string | null;
  cover_type: string | null;
  cover_sha256: string | null;
  cover_bytes: number | null;
  /** When a scheduled story goes public (it is public from then on, no job needed). */
  publish_at: string | Date | null;
  published_at: string | Date | null;
  /** Only ever changed by `views = views + 1` (QUALITY D2). */
  views: number;
  revision: number;
  is_illustrative: number;
  created_at: string | Date;
  updated_at: string | Date;
}

export interface NewsTranslationsTable {
  article_id: number;
  locale: string;
  /** original or translated; a language without a row is missing. */
  status: string;
  title: string;
  lead: string;
  /** Markdown; rendered without raw HTML. */
  body: string;
  cover_alt: string | null;
  updated_at: string | Date;
}

export interface NewsArticleTagsTable {
  article_id: number;
  tag: string;
}

export interface NewsRevisionsTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  status: string;
  /** What happened: saved, submitted, published … */
  note: string;
  /** JSON of the article and its translations as they were. */
  snapshot: string;
  actor_user_id: number | null;
  at: string | Date;
}

export interface NewsViewsTable {
  article_id: number;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** HMAC of the visitor with a secret and the day: not reversible, not linkable across days. */
  visitor: string;
}

export interface NewsCommentsTable {
  id: Generated<number>;
  article_id: number;
  locale: string;
  author_name: string;
  /** Kept for the moderators; never shown, never in the API or a log. */
  author_email: string | null;
  body: string;
  body_hash: string;
  visitor: string;
  /** pending, approved, rejected, spam. */
  status: string;
  created_at: string | Date;
  moderated_at: string | Date | null;
  moderated_by: number | null;
}

export interface NewsRateLimitsTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface NewsEntityLinksTable {
  article_id: number;
  /** territory, zone, organisation, person, agreement. */
  entity_type: string;
  entity_key: string;
  /** JSON LocalizedText of the entity's name when it was linked. */
  label: string;
  /** The words of the story that matched. */
  matched: string;
  /** suggested, confirmed, rejected. */
  status: string;
  updated_at: string | Date;
}

export interface SearchDocumentsTable {
  id: Generated<number>;
  doc_type: string;
  doc_key: string;
  /** JSON LocalizedText. */
  title: string;
  /** JSON LocalizedText. */
  summary: string;
  /** Path after the locale, e.g. /news/some-story. */
  path: string;
  terms_title: string;
  terms_body: string;
  published_at: string | Date | null;
  updated_at: string | Date;
}

export interface NewsTables {
  news_articles: NewsArticlesTable;
  news_translations: NewsTranslationsTable;
  news_article_tags: NewsArticleTagsTable;
  news_revisions: NewsRevisionsTable;
  news_views: NewsViewsTable;
  news_comments: NewsCommentsTable;
  news_rate_limits: NewsRateLimitsTable;
  news_entity_links: NewsEntityLinksTable;
  search_documents: SearchDocumentsTable;
}
