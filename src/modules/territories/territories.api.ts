import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import { Territory, TerritoryList, TerritorySlugParam } from "./territories.schemas.ts";

export function territoryApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/territories",
      summary: "List the oblast, its districts and cities, and partner territories",
      tags: ["territories"],
      access: "public",
      response: TerritoryList,
    },
    async (c) => {
      const items = await c.get("services").territories.list();
      return { items, total: items.length };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/territories/:slug",
      summary: "One territory",
      tags: ["territories"],
      access: "public",
      params: TerritorySlugParam,
      response: Territory,
    },
    async (c, { params }) => (await c.get("services").territories.get(params.slug)).territory,
  );
}
