import { all, type Expected, staffOnly } from "./roles.ts";

/**
 * Permission rows of the news routes. `:slug` is the published demo story of the Turkistan–Wenzhou
 * meeting. Moderation, publishing and editing a published story are for editors and admins;
 * managers write drafts only.
 */
const moderators = (ok: number, anonymous: number): Expected => ({ ...staffOnly(ok, anonymous), manager: 403 });

export const PERMISSIONS: Record<string, Expected> = {
  "GET /static/news.css": all(200),
  "GET /static/share.js": all(200),
  "GET /sitemap.xml": all(200),
  // The sample name is not a stored cover: every caller gets the same 404.
  "GET /media/news/:name": all(404),
  "GET /:locale/news": all(200),
  "GET /:locale/news/rss.xml": all(200),
  "GET /:locale/news/atom.xml": all(200),
  "GET /:locale/news/:slug": all(200),
  // An empty comment form: everyone gets the inline errors, nothing is stored.
  "POST /:locale/news/:slug/comments": all(422),
  "GET /:locale/search": all(200),
  "GET /api/v1/news": all(200),
  "GET /api/v1/search": all(200),
  "GET /api/v1/news/:slug": all(200),
  "GET /api/v1/news/:slug/comments": all(200),
  "GET /api/v1/news/comments": moderators(200, 401),
  // Empty bodies: staff get the validation error, everyone else is refused first.
  "POST /api/v1/news/comments/moderate": staffOnly(422, 401),
  "POST /api/v1/news": staffOnly(422, 401),
  "PUT /api/v1/news/:slug": staffOnly(422, 401),
  "POST /api/v1/news/:slug/status": staffOnly(422, 401),
  "GET /:locale/admin/news": staffOnly(200, 302),
  "GET /:locale/admin/news/new": staffOnly(200, 302),
  "POST /:locale/admin/news/new": staffOnly(422, 401),
  "GET /:locale/admin/news/comments": moderators(200, 302),
  // An empty selection: moderators are sent back with a message, nothing changes.
  "POST /:locale/admin/news/comments": moderators(303, 401),
  "POST /:locale/admin/news/reindex": moderators(303, 401),
  "GET /:locale/admin/news/:slug/edit": staffOnly(200, 302),
  "POST /:locale/admin/news/:slug/edit": { ...staffOnly(422, 401), manager: 403 },
  // No target status: staff are sent back with a message.
  "POST /:locale/admin/news/:slug/status": staffOnly(303, 401),
  "POST /:locale/admin/news/:slug/links": staffOnly(422, 401),
  "GET /:locale/admin/news/:slug/preview": staffOnly(200, 302),
};
