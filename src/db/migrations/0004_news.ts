import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  const ts = dialect === "postgres" ? "timestamptz" : "text";
  const id = (col: any) => (dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());

  await db.schema
    .createTable("news_articles")
    .addColumn("id", "integer", id)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("original_locale", "text", (c) => c.notNull())
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("cover_name", "text")
    .addColumn("cover_type", "text")
    .addColumn("cover_sha256", "text")
    .addColumn("cover_bytes", "integer")
    .addColumn("publish_at", ts)
    .addColumn("published_at", ts)
    .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("is_illustrative", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("news_articles_status_idx").on("news_articles").columns(["status", "publish_at"]).execute();

  await db.schema
    .createTable("news_translations")
    .addColumn("article_id", "integer", (c) => c.notNull().references("news_articles.id").onDelete("cascade"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("lead", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("cover_alt", "text")
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("news_translations_pk", ["article_id", "locale"])
    .execute();

  await db.schema
    .createTable("news_article_tags")
    .addColumn("article_id", "integer", (c) => c.notNull().references("news_articles.id").onDelete("cascade"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("news_article_tags_pk", ["article_id", "tag"])
    .execute();
  await db.schema.createIndex("news_article_tags_tag_idx").on("news_article_tags").columns(["tag", "article_id"]).execute();

  await db.schema
    .createTable("news_revisions")
    .addColumn("id", "integer", id)
    .addColumn("article_id", "integer", (c) => c.notNull().references("news_articles.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("at", ts, (c) => c.notNull())
    .addUniqueConstraint("news_revisions_article_revision_uq", ["article_id", "revision"])
    .execute();

  // QUALITY D2: one row per article, day and salted visitor hash; the primary key is the dedupe.
  await db.schema
    .createTable("news_views")
    .addColumn("article_id", "integer", (c) => c.notNull().references("news_articles.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("visitor", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("news_views_pk", ["article_id", "day", "visitor"])
    .execute();
  await db.schema.createIndex("news_views_day_idx").on("news_views").column("day").execute();

  await db.schema
    .createTable("news_comments")
    .addColumn("id", "integer", id)
    .addColumn("article_id", "integer", (c) => c.notNull().references("news_articles.id").onDelete("cascade"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("author_email", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("body_hash", "text", (c) => c.notNull())
    .addColumn("visitor", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("moderated_at", ts)
    .addColumn("moderated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("news_comments_article_idx").on("news_comments").columns(["article_id", "status", "created_at"]).execute();
  await db.schema.createIndex("news_comments_status_idx").on("news_comments").columns(["status", "created_at"]).execute();
  await db.schema.createIndex("news_comments_hash_idx").on("news_comments").columns(["article_id", "body_hash"]).execute();

  // Fixed-window counters for public forms: the app is stateless, so the window lives here.
  await db.schema
    .createTable("news_rate_limits")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("news_rate_limits_pk", ["key", "window_start"])
    .execute();

  await db.schema
    .createTable("news_entity_links")
    .addColumn("article_id", "integer", (c) => c.notNull().references("news_articles.id").onDelete("cascade"))
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_key", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("matched", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("news_entity_links_pk", ["article_id", "entity_type", "entity_key"])
    .execute();
  await db.schema
    .createIndex("news_entity_links_entity_idx")
    .on("news_entity_links")
    .columns(["entity_type", "entity_key", "status"])
    .execute();

  // Site-wide search: one document per article or registry record. `terms` is the text already
  // folded, segmented (Chinese) and romanised (pinyin, Kazakh Latin) by the application.
  await db.schema
    .createTable("search_documents")
    .addColumn("id", "integer", id)
    .addColumn("doc_type", "text", (c) => c.notNull())
    .addColumn("doc_key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("terms_title", "text", (c) => c.notNull())
    .addColumn("terms_body", "text", (c) => c.notNull())
    .addColumn("published_at", ts)
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addUniqueConstraint("search_documents_doc_uq", ["doc_type", "doc_key"])
    .execute();
  if (dialect === "sqlite") {
    // FTS5 keeps its own copy of the terms; rowid = search_documents.id.
    await sql`create virtual table search_fts using fts5(terms_title, terms_body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    // The `simple` configuration: no stemming (there is no Kazakh one); the terms are prepared in the app.
    await sql`alter table search_documents add column tsv tsvector`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists search_fts`.execute(db);
  for (const table of [
    "search_documents",
    "news_entity_links",
    "news_rate_limits",
    "news_comments",
    "news_views",
    "news_revisions",
    "news_article_tags",
    "news_translations",
    "news_articles",
  ])
    await db.schema.dropTable(table).execute();
}
