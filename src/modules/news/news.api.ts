import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import { isStoredName } from "../../lib/uploads.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import { type SitemapPage, sitemapXml } from "./news.feeds.ts";
import {
  ARTICLE_STATUSES,
  Article,
  ArticleSummary,
  COMMENT_STATUSES,
  MODERATION_ACTIONS,
  NewsListQuery,
  PublicComment,
  QueuedComment,
  SearchHit,
  SLUG,
  Transition,
  TranslationInput,
} from "./news.schemas.ts";
import { entityCatalog } from "./news.service.ts";

const SlugParam = z.object({ slug: z.string().regex(SLUG) });
const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pages: z.number().int() });

/** The JSON body of a story: the form's fields, without the cover (covers are uploaded in the back office). */
const ArticleBody = z.object({
  slug: z.string().describe("Address of the story: lower-case Latin letters, digits and hyphens"),
  originalLocale: z.enum(["kk", "ru", "zh", "en"]),
  authorName: z.string(),
  tags: z.array(z.string()),
  translations: z.object({
    kk: TranslationInput.nullable(),
    ru: TranslationInput.nullable(),
    zh: TranslationInput.nullable(),
    en: TranslationInput.nullable(),
  }),
  illustrative: z.boolean().default(false),
});
const ArticleUpdateBody = ArticleBody.omit({ slug: true }).extend({
  revision: z.number().int().optional().describe("The revision the change is based on; a newer one on the server refuses the change"),
});

function user(c: Context<AppEnv>): Actor {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

/** JSON API of the news module, plus the sitemap and story covers (routes that sit before the locale pages). */
export function newsApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  // Not under /{locale}/…: registered here because the API's routes come before the locale middleware.
  app.get("/sitemap.xml", async (c) => {
    const services = c.get("services");
    const [territories, zones, agreements, stories] = await Promise.all([
      services.territories.list(),
      services.sites.listZones(),
      services.cooperation.listAgreements(),
      services.news.sitemap(),
    ]);
    const pages: SitemapPage[] = [
      { path: "" },
      { path: "/territories" },
      ...territories.map((t) => ({ path: `/territories/${t.slug}` })),
      { path: "/zones" },
      ...zones.map((z) => ({ path: `/zones/${z.slug}`, lastmod: z.verification.at })),
      { path: "/plots" },
      { path: "/premises" },
      { path: "/map" },
      { path: "/partners" },
      { path: "/statistics" },
      ...agreements.map((a) => ({ path: `/agreements/${a.id}` })),
      { path: "/news" },
      ...stories.map((s) => ({ path: `/news/${s.slug}`, lastmod: s.updatedAt })),
    ];
    c.header("Content-Type", "application/xml; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(sitemapXml(c.get("config").publicUrl.origin, pages));
  });

  app.get("/media/news/:name", async (c) => {
    const name = c.req.param("name");
    if (!isStoredName(name)) throw new AppError("file_not_found");
    const cover = await c.get("services").news.findCover(name);
    if (!cover?.contentType.startsWith("image/")) throw new AppError("file_not_found");
    const bytes = await readFile(path.join(c.get("config").storageDir, name)).catch(() => null);
    if (!bytes) throw new AppError("file_not_found");
    c.header("Content-Type", cover.contentType);
    c.header("Content-Disposition", "inline");
    c.header("Cache-Control", "public, max-age=86400");
    c.header("ETag", `"${cover.sha256}"`);
    return c.body(new Uint8Array(bytes));
  });

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/news",
      summary: "Published stories, newest first; the original language stands in for a missing translation",
      tags: ["news"],
      access: "public",
      query: NewsListQuery,
      response: Page(ArticleSummary),
    },
    async (c, { query }) => c.get("services").news.list(query),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/search",
      summary: "Site-wide search over stories and the registry, ranked, in any script",
      tags: ["news"],
      access: "public",
      query: z.object({
        q: z.string().max(200).default("").describe("Words in any language or script"),
        page: z.coerce.number().int().min(1).max(500).default(1),
      }),
      response: Page(SearchHit),
    },
    async (c, { query }) => c.get("services").news.search(query.q, query.page),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/news/comments",
      summary: "The moderation queue: comments in one status (moderators only)",
      tags: ["news"],
      access: "staff",
      query: z.object({ status: z.enum(COMMENT_STATUSES).default("pending"), page: z.coerce.number().int().min(1).default(1) }),
      response: Page(QueuedComment).extend({ counts: z.record(z.string(), z.number().int()) }),
    },
    async (c, { query }) => c.get("services").news.moderationQueue(user(c), query.status, query.page),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/news/comments/moderate",
      summary: "Approve, reject or mark comments as spam, one or many (moderators only)",
      tags: ["news"],
      access: "staff",
      body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(200), action: z.enum(MODERATION_ACTIONS) }),
      response: z.object({ changed: z.number().int() }),
    },
    async (c, { body }) => ({ changed: await c.get("services").news.moderate(user(c), body, { requestId: c.get("requestId") }) }),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/news/:slug",
      summary: "One published story in every language it has, with its approved comment count",
      tags: ["news"],
      access: "public",
      params: SlugParam,
      response: Article,
    },
    async (c, { params }) => (await c.get("services").news.read(params.slug)).article,
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/news/:slug/comments",
      summary: "Approved comments of a published story (nothing unapproved is ever listed)",
      tags: ["news"],
      access: "public",
      params: SlugParam,
      response: z.object({ items: z.array(PublicComment), total: z.number().int() }),
    },
    async (c, { params }) => {
      const { comments } = await c.get("services").news.read(params.slug);
      return { items: comments, total: comments.length };
    },
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/news",
      summary: "Create a draft story (managers, editors, admins)",
      tags: ["news"],
      access: "staff",
      body: ArticleBody,
      response: Article,
    },
    async (c, { body }) => {
      const services = c.get("services");
      return services.news.create(user(c), body, null, await entityCatalog(services), { requestId: c.get("requestId") });
    },
  );
  api.route(
    app,
    {
      method: "put",
      path: "/api/v1/news/:slug",
      summary: "Save a new version of a story (writers until it is scheduled, then editors and admins)",
      tags: ["news"],
      access: "staff",
      params: SlugParam,
      body: ArticleUpdateBody,
      response: Article,
    },
    async (c, { params, body }) => {
      const services = c.get("services");
      const { revision, ...input } = body;
      return services.news.update(
        user(c),
        params.slug,
        input,
        { cover: null, expectedRevision: revision, catalog: await entityCatalog(services) },
        { requestId: c.get("requestId") },
      );
    },
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/news/:slug/status",
      summary: `Move a story along the workflow (${ARTICLE_STATUSES.join(" → ")}); only editors and admins publish`,
      tags: ["news"],
      access: "staff",
      params: SlugParam,
      body: Transition,
      response: Article,
    },
    async (c, { params, body }) => c.get("services").news.transition(user(c), params.slug, body, { requestId: c.get("requestId") }),
  );
}
