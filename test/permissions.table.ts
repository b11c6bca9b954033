/**
 * QUALITY S1: the expected answer of every route × role × method. The test lists routes from
 * the router itself; a route missing here fails it. Each module adds its rows.
 *
 * Roles: anonymous; enterprise representatives of the organisation in question and of another
 * one; a partner-city representative; manager; editor; admin; a suspended user and an expired
 * session (both must be treated as anonymous).
 */
import { PERMISSIONS as COOPERATION } from "./permissions/cooperation.ts";
import { PERMISSIONS as ENTERPRISES } from "./permissions/enterprises.ts";
import { PERMISSIONS as ENTERPRISE_PAGES } from "./permissions/enterprises-pages.ts";
import { PERMISSIONS as IO } from "./permissions/io.ts";
import { PERMISSIONS as MAP } from "./permissions/map.ts";
import { PERMISSIONS as MATCHING } from "./permissions/matching.ts";
import { PERMISSIONS as NEWS } from "./permissions/news.ts";
import { PERMISSIONS as PASSPORT } from "./permissions/passport.ts";
import { adminOnly, all, type Expected, signedIn, staffOnly } from "./permissions/roles.ts";
import { PERMISSIONS as SITES } from "./permissions/sites.ts";

export { MATRIX_ROLES, type MatrixRole } from "./permissions/roles.ts";

const FOUNDATION: Record<string, Expected> = {
  "GET /": all(302),
  "GET /healthz": all(200),
  "GET /readyz": all(200),
  "GET /robots.txt": all(200),
  "GET /static/app.css": all(200),
  "GET /static/jibek.svg": all(200),
  "GET /api/v1/territories": all(200),
  "GET /api/v1/territories/:slug": all(200),
  "GET /api/v1/session": all(200),
  "GET /api/v1/openapi.json": all(200),
  "GET /api/v1/users": adminOnly(200, 401),
  "GET /:locale": all(200),
  "GET /:locale/territories": all(200),
  "GET /:locale/territories/:slug": all(200),
  "GET /:locale/api": all(200),
  "GET /:locale/login": signedIn(303, 200),
  // An empty form: every caller gets the inline errors.
  "POST /:locale/login": all(422),
  "POST /:locale/logout": all(303),
  "GET /:locale/account/password": signedIn(200, 302),
  "POST /:locale/account/password": signedIn(422, 401),
  "GET /:locale/admin": staffOnly(200, 302),
  "GET /:locale/admin/users": adminOnly(200, 302),
  "GET /:locale/admin/audit": adminOnly(200, 302),
  "POST /:locale/admin/users/:id/role": adminOnly(303, 401),
  "POST /:locale/admin/users/:id/suspend": adminOnly(303, 401),
  "POST /:locale/admin/users/:id/reactivate": adminOnly(303, 401),
};

/** Every module's rows; a key defined twice is a mistake the test reports. */
export const PERMISSIONS: Record<string, Expected> = {
  ...FOUNDATION,
  ...SITES,
  ...IO,
  ...MAP,
  ...PASSPORT,
  ...MATCHING,
  ...COOPERATION,
  ...NEWS,
  ...ENTERPRISES,
  ...ENTERPRISE_PAGES,
};
export const PERMISSION_SOURCES = [FOUNDATION, SITES, IO, MAP, PASSPORT, MATCHING, COOPERATION, NEWS, ENTERPRISES, ENTERPRISE_PAGES];
