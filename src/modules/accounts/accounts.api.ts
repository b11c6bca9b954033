import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import { SessionInfo, UserPublic, UsersQuery } from "./accounts.schemas.ts";

export function accountApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/session",
      summary: "Who is signed in with this cookie",
      tags: ["accounts"],
      access: "public",
      response: SessionInfo,
    },
    async (c) => {
      const user = c.get("session")?.user;
      return {
        authenticated: Boolean(user),
        user: user ? { id: user.id, email: user.email, displayName: user.displayName, role: user.role } : null,
      };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/users",
      summary: "List user accounts",
      tags: ["accounts"],
      access: "admin",
      query: UsersQuery,
      response: z.object({ items: z.array(UserPublic), total: z.number().int(), page: z.number().int(), pages: z.number().int() }),
    },
    async (c, { query }) => {
      const session = c.get("session");
      if (!session) throw new AppError("unauthenticated");
      const list = await c.get("services").accounts.listUsers(session.user, query.page);
      return { items: list.users, total: list.total, page: list.page, pages: list.pages };
    },
  );
}
