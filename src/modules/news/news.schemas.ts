import { z } from "zod";
import { ENTITY_TYPES } from "./news.search.ts";

/** The languages a story can be written in; Kazakh Latin is derived from Kazakh. */
export const NEWS_LOCALES = ["kk", "ru", "zh", "en"] as const;
export type NewsLocale = (typeof NEWS_LOCALES)[number];

export const ARTICLE_STATUSES = ["draft", "in_review", "scheduled", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const COMMENT_STATUSES = ["pending", "approved", "rejected", "spam"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const MODERATION_ACTIONS = ["approve", "reject", "spam"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const TRANSLATION_STATUSES = ["original", "translated", "missing"] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;
export const ArticleSlug = z.string().regex(SLUG, { message: "news.slug_invalid" });

const text = (max: number) => z.string().trim().max(max, { message: "form.too_long" });

export const TranslationInput = z.object({
  title: text(200).min(1, { message: "form.required" }).describe("Headline"),
  lead: text(600).describe("One or two sentences under the headline"),
  body: text(50_000).describe("Markdown; raw HTML is shown as text"),
  coverAlt: text(300).nullable().describe("What the cover shows, for readers who cannot see it"),
});
export type TranslationInput = z.infer<typeof TranslationInput>;

export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40, { message: "news.tag_invalid" })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, { message: "news.tag_invalid" });

export const ArticleInput = z
  .object({
    slug: ArticleSlug.describe("Address of the story: lower-case Latin letters, digits and hyphens"),
    originalLocale: z.enum(NEWS_LOCALES, { message: "form.choose_one" }).describe("The language the story was written in"),
    authorName: text(120).min(1, { message: "form.required" }).describe("Byline"),
    tags: z.array(Tag).max(12, { message: "news.too_many_tags" }).describe("Topic tags"),
    translations: z
      .object({
        kk: TranslationInput.nullable(),
        ru: TranslationInput.nullable(),
        zh: TranslationInput.nullable(),
        en: TranslationInput.nullable(),
      })
      .describe("One text per language; null where the story is not (yet) translated"),
    illustrative: z.boolean().describe("A generated demo story, not real news"),
  })
  .superRefine((a, ctx) => {
    if (!a.translations[a.originalLocale]) {
      ctx.addIssue({ code: "custom", path: [`${a.originalLocale}.title`], message: "news.original_required" });
    }
  });
export type ArticleInput = z.infer<typeof ArticleInput>;

export const CoverUpload = z.object({
  storedName: z.string(),
  contentType: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
});
export type CoverUpload = z.infer<typeof CoverUpload>;

export const Transition = z.object({
  to: z.enum(ARTICLE_STATUSES, { message: "form.choose_one" }).describe("The status to move the story to"),
  publishAt: z.iso
    .datetime({ offset: true, message: "news.publish_at_invalid" })
    .nullable()
    .optional()
    .describe("For scheduled: when the story goes public (ISO 8601)"),
});
export type Transition = z.infer<typeof Transition>;

export const CommentInput = z.object({
  name: z.string().trim().min(1, { message: "form.required" }).max(80, { message: "form.too_long" }),
  email: z
    .string()
    .trim()
    .max(200, { message: "form.too_long" })
    .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: "form.email_invalid" }),
  body: z.string().trim().min(2, { message: "form.required" }).max(3000, { message: "news.comment_too_long" }),
});
export type CommentInput = z.infer<typeof CommentInput>;

export const Moderation = z.object({
  ids: z.array(z.number().int().positive()).min(1, { message: "news.choose_comments" }).max(200),
  action: z.enum(MODERATION_ACTIONS, { message: "form.choose_one" }),
});
export type Moderation = z.infer<typeof Moderation>;

export const LocalizedText = z.object({ kk: z.string(), ru: z.string(), zh: z.string().nullable(), en: z.string() });

export const Translation = z.object({
  status: z.enum(["original", "translated"]),
  title: z.string(),
  lead: z.string(),
  body: z.string().describe("Markdown"),
  coverAlt: z.string().nullable(),
});
export type Translation = z.infer<typeof Translation>;

export const Cover = z.object({ url: z.string(), contentType: z.string() });

export const EntityLink = z.object({
  type: z.enum(ENTITY_TYPES),
  key: z.string(),
  name: LocalizedText,
  matched: z.string().describe("The words of the story that named it"),
  status: z.enum(["suggested", "confirmed", "rejected"]),
  path: z.string().nullable(),
});
export type EntityLink = z.infer<typeof EntityLink>;

export const Article = z.object({
  slug: z.string(),
  status: z.enum(ARTICLE_STATUSES).describe("scheduled stories read as published once publishAt has passed"),
  originalLocale: z.enum(NEWS_LOCALES),
  authorName: z.string(),
  tags: z.array(z.string()),
  cover: Cover.nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  views: z.number().int(),
  comments: z.number().int().describe("Approved comments only"),
  illustrative: z.boolean(),
  revision: z.number().int(),
  languages: z.object({
    kk: z.enum(TRANSLATION_STATUSES),
    ru: z.enum(TRANSLATION_STATUSES),
    zh: z.enum(TRANSLATION_STATUSES),
    en: z.enum(TRANSLATION_STATUSES),
  }),
  translations: z.object({
    kk: Translation.nullable(),
    ru: Translation.nullable(),
    zh: Translation.nullable(),
    en: Translation.nullable(),
  }),
  links: z.array(EntityLink).describe("Registry records the story names (confirmed ones on public channels)"),
});
export type Article = z.infer<typeof Article>;

export const ArticleSummary = Article.omit({ translations: true, links: true }).extend({
  title: LocalizedText.describe("Headline per language; the original where a translation is missing"),
  lead: LocalizedText,
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const PublicComment = z.object({
  id: z.number().int(),
  name: z.string(),
  body: z.string(),
  createdAt: z.string(),
  locale: z.string(),
});
export type PublicComment = z.infer<typeof PublicComment>;

export const QueuedComment = PublicComment.extend({
  status: z.enum(COMMENT_STATUSES),
  email: z.string().nullable().describe("Shown to moderators only"),
  article: z.object({ slug: z.string(), title: LocalizedText }),
  moderatedAt: z.string().nullable(),
});
export type QueuedComment = z.infer<typeof QueuedComment>;

export const Revision = z.object({
  revision: z.number().int(),
  status: z.string(),
  note: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});
export type Revision = z.infer<typeof Revision>;

export const NewsListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  tag: Tag.optional().catch(undefined),
});
export type NewsListQuery = z.infer<typeof NewsListQuery>;

export const SearchHit = z.object({
  type: z.string().describe("article, territory or zone"),
  key: z.string(),
  title: LocalizedText,
  summary: LocalizedText,
  path: z.string().describe("After the locale: /news/…, /territories/…, /zones/…"),
  publishedAt: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;
