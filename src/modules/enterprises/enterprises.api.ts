import type { Context, Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { type ApiRegistry, localizeFieldErrors } from "../../http/openapi.ts";
import { canEditEnterprise, isStaffActor } from "./enterprises.policy.ts";
import {
  DirectoryPage,
  DirectoryQuery,
  Enterprise,
  Introduction,
  IntroductionDecision,
  IntroductionInput,
  MAX_LOGO_BYTES,
  MatchInput,
  MatchResult,
  ModerationDecision,
  ModerationItem,
  Notice,
  OrgIdParam,
  RequestInput,
  RequestOut,
  RequestsPage,
  RequestsQuery,
  StaffProfileInput,
} from "./enterprises.schemas.ts";

const Ok = z.object({ ok: z.boolean() });
const IntroductionsQuery = z.object({ status: z.enum(["requested", "accepted", "declined", "withdrawn"]).optional() });

function actor(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}
const meta = (c: Context<AppEnv>) => ({ requestId: c.get("requestId") });

/** CSV with a BOM (Excel reads the Cyrillic right) and formula-looking cells escaped (QUALITY S7). */
export function toCsv(rows: string[][]): string {
  const cell = (value: string) => {
    let s = value;
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/**
 * Own organisation or staff, checked before the body is read: a representative of another
 * organisation gets 403 whatever they sent, and learns nothing from validation.
 */
function ownerOnly(organisationOf: (c: Context<AppEnv>) => Promise<number>): MiddlewareHandler<AppEnv> {
  return async function ownerOnlyMiddleware(c, next) {
    if (!["POST", "PUT", "PATCH", "DELETE"].includes(c.req.method)) return next();
    const user = actor(c);
    if (!canEditEnterprise(user, await organisationOf(c))) throw new AppError("forbidden");
    await next();
  };
}

const orgParam = (c: Context<AppEnv>) => {
  const parsed = OrgIdParam.safeParse({ id: c.req.param("id") });
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data.id;
};

export function enterprisesApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  const services = (c: Context<AppEnv>) => c.get("services").enterprises;

  for (const path of ["/api/v1/enterprises/*", "/api/v1/enterprise-requests/*", "/api/v1/introductions", "/api/v1/introductions/*"])
    app.use(path, localizeFieldErrors);
  app.use(
    "/api/v1/enterprises/:id/profile",
    ownerOnly(async (c) => orgParam(c)),
  );
  app.use(
    "/api/v1/enterprises/:id/requests",
    ownerOnly(async (c) => orgParam(c)),
  );
  // The owner check comes first; then no more than a logo's worth of body is read. (A form body
  // has already been read by the CSRF check, looking for its token; it is no image anyway.)
  const logoLimit = bodyLimit({
    maxSize: MAX_LOGO_BYTES + 64 * 1024,
    onError: () => {
      throw new AppError("payload_too_large");
    },
  });
  app.use(
    "/api/v1/enterprises/:id/logo",
    ownerOnly(async (c) => orgParam(c)),
    async function logoBodyLimit(c, next) {
      if (c.req.raw.bodyUsed || c.req.raw.body?.locked) return next();
      return logoLimit(c, next);
    },
  );
  app.use(
    "/api/v1/enterprise-requests/:id",
    ownerOnly(async (c) => services(c).requestOwner(orgParam(c))),
  );
  app.use(
    "/api/v1/enterprise-requests/:id/close",
    ownerOnly(async (c) => services(c).requestOwner(orgParam(c))),
  );

  // The directory's CSV: approved text only, never contacts. A plain route, documented in the registry.
  api.operations.push({
    method: "get",
    path: "/api/v1/enterprises.csv",
    summary: "The enterprise directory as CSV (published profiles, approved text, no contacts)",
    tags: ["enterprises"],
    access: "public",
    response: z.string().describe("CSV file"),
  });
  app.get("/api/v1/enterprises.csv", async (c) => {
    const rows = await services(c).exportDirectory();
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="jibek-enterprises-${new Date().toISOString().slice(0, 10)}.csv"`);
    c.header("Cache-Control", "no-cache");
    if (c.req.method === "HEAD") return c.body(null);
    return c.body(toCsv(rows));
  });

  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/enterprises",
      summary: "The directory of enterprises of both regions: filters, pages, names searched in any script",
      tags: ["enterprises"],
      access: "public",
      query: DirectoryQuery,
      response: DirectoryPage,
    },
    async (c, { query }) => services(c).directory(query),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/enterprises/:id",
      summary: "An enterprise's profile; contacts only for staff and its own representatives",
      tags: ["enterprises"],
      access: "public",
      params: OrgIdParam,
      response: Enterprise,
    },
    async (c, { params }) => services(c).get(params.id, c.get("session")?.user),
  );
  api.serviceValidatedRoute(
    app,
    {
      method: "put",
      path: "/api/v1/enterprises/:id/profile",
      summary: "Create or update the profile (own organisation's representatives, staff); new public text waits for moderation",
      tags: ["enterprises"],
      access: "signed-in",
      params: OrgIdParam,
      // Staff may also set `publication`; a representative's is ignored (the service applies ProfileInput).
      body: StaffProfileInput,
      response: Enterprise,
    },
    async (c, { params, body }) => services(c).saveProfile(actor(c), params.id, body, meta(c)),
  );
  api.operations.push({
    method: "put",
    path: "/api/v1/enterprises/:id/logo",
    summary: "Upload or replace the logo (own organisation's representatives, staff): PNG, JPEG or WebP, at most 2 MB",
    tags: ["enterprises"],
    access: "signed-in",
    params: OrgIdParam,
    upload: {
      types: ["image/png", "image/jpeg", "image/webp"],
      description: "The image itself as the request body; its type is checked by content, not by the header",
    },
    response: Enterprise,
  });
  app.put("/api/v1/enterprises/:id/logo", async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await services(c).setLogo(actor(c), orgParam(c), bytes, meta(c)));
  });
  api.serviceValidatedRoute(
    app,
    {
      method: "post",
      path: "/api/v1/enterprises/:id/requests",
      summary: "Post an offer or a need of the organisation (a draft, or sent to moderation)",
      tags: ["enterprises"],
      access: "signed-in",
      params: OrgIdParam,
      body: RequestInput,
      response: RequestOut,
    },
    async (c, { params, body }) => services(c).createRequest(actor(c), params.id, body, meta(c)),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/enterprises/:id/verify",
      summary: "Mark the profile verified by the signed-in staff member today",
      tags: ["enterprises"],
      access: "staff",
      params: OrgIdParam,
      response: Enterprise,
    },
    async (c, { params }) => services(c).verifyProfile(actor(c), params.id, meta(c)),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/enterprises/:id/moderation",
      summary: "Approve or reject the profile's pending description (a reason is required to reject)",
      tags: ["enterprises"],
      access: "staff",
      params: OrgIdParam,
      body: ModerationDecision,
      response: Ok,
    },
    async (c, { params, body }) => {
      await services(c).moderateProfile(actor(c), params.id, body, meta(c));
      return { ok: true };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/enterprise-requests",
      summary: "Published, unexpired offers and needs",
      tags: ["enterprises"],
      access: "public",
      query: RequestsQuery,
      response: RequestsPage,
    },
    async (c, { query }) => services(c).listRequests(query, c.get("session")?.user),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/enterprise-requests/:id",
      summary: "One offer or need (others than published and unexpired only for its representatives and staff)",
      tags: ["enterprises"],
      access: "public",
      params: OrgIdParam,
      response: RequestOut,
    },
    async (c, { params }) => services(c).getRequest(params.id, c.get("session")?.user),
  );
  api.serviceValidatedRoute(
    app,
    {
      method: "put",
      path: "/api/v1/enterprise-requests/:id",
      summary: "Change an offer or need; changed text waits for moderation while the approved text stays",
      tags: ["enterprises"],
      access: "signed-in",
      params: OrgIdParam,
      body: RequestInput,
      response: RequestOut,
    },
    async (c, { params, body }) => services(c).updateRequest(actor(c), params.id, body, meta(c)),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/enterprise-requests/:id/close",
      summary: "Withdraw an offer or need",
      tags: ["enterprises"],
      access: "signed-in",
      params: OrgIdParam,
      response: RequestOut,
    },
    async (c, { params }) => services(c).closeRequest(actor(c), params.id, meta(c)),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/enterprise-requests/:id/moderation",
      summary: "Approve (publish) or reject a request's pending text",
      tags: ["enterprises"],
      access: "staff",
      params: OrgIdParam,
      body: ModerationDecision,
      response: Ok,
    },
    async (c, { params, body }) => {
      await services(c).moderateRequest(actor(c), params.id, body, meta(c));
      return { ok: true };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/moderation/enterprises",
      summary: "Pending profile and request texts, oldest first, the approved text beside the new",
      tags: ["enterprises"],
      access: "staff",
      response: z.object({ items: z.array(ModerationItem) }),
    },
    async (c) => ({ items: await services(c).moderationQueue(actor(c)) }),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/matching/partners",
      summary: "Rank counterparts of the other region for an enterprise or one of its requests, with reasons and explanations",
      tags: ["matching", "enterprises"],
      access: "public",
      body: MatchInput,
      response: MatchResult,
    },
    async (c, { body }) => services(c).match(body, c.get("session")?.user, c.get("i18n")),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/introductions",
      summary: "Introductions: a representative's own organisation's; every one for staff, with age and the stale flag",
      tags: ["enterprises"],
      access: "signed-in",
      query: IntroductionsQuery,
      response: z.object({ items: z.array(Introduction), stale: z.number().int() }),
    },
    async (c, { query }) => {
      const user = actor(c);
      const s = services(c);
      if (isStaffActor(user)) return { items: await s.introductionQueue(user, query), stale: await s.staleIntroductions() };
      return { items: await s.ownIntroductions(user), stale: 0 };
    },
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/introductions",
      summary: "Ask staff to introduce your enterprise to a counterpart of the other region",
      tags: ["enterprises"],
      access: "signed-in",
      body: IntroductionInput,
      response: Introduction,
    },
    async (c, { body }) => services(c).requestIntroduction(actor(c), body, meta(c)),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/introductions/:id/withdraw",
      summary: "Withdraw your organisation's open introduction request",
      tags: ["enterprises"],
      access: "signed-in",
      params: OrgIdParam,
      response: Introduction,
    },
    async (c, { params }) => services(c).withdrawIntroduction(actor(c), params.id, meta(c)),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/introductions/:id/decision",
      summary: "Staff accept or decline an introduction (a reason is required to decline); both parties are told",
      tags: ["enterprises"],
      access: "staff",
      params: OrgIdParam,
      body: IntroductionDecision,
      response: Introduction,
    },
    async (c, { params, body }) => services(c).decideIntroduction(actor(c), params.id, body, meta(c)),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/notices",
      summary: "In-app notices of your own organisation (expired requests, moderation, introductions)",
      tags: ["enterprises"],
      access: "signed-in",
      response: z.object({ items: z.array(Notice) }),
    },
    async (c) => ({ items: await services(c).notices(actor(c)) }),
  );
}
