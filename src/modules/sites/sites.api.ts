import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import {
  Plot,
  PlotFilters,
  PlotInput,
  Premises,
  PremisesFilters,
  PremisesInput,
  StatusChange,
  StatusHistoryEntry,
  Zone,
  ZoneFilters,
} from "./sites.schemas.ts";

const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pages: z.number().int() });
const CodeParam = z.object({ code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/) });
const SlugParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });
const Ok = z.object({ ok: z.literal(true) });

function staff(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

export function siteApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/zones",
      summary: "Zones and parks",
      tags: ["sites"],
      access: "public",
      query: ZoneFilters,
      response: z.object({ items: z.array(Zone), total: z.number().int() }),
    },
    async (c, { query }) => {
      const items = await c.get("services").sites.listZones(query);
      return { items, total: items.length };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/zones/:slug",
      summary: "One zone with its subzones and status history",
      tags: ["sites"],
      access: "public",
      params: SlugParam,
      response: z.object({ zone: Zone, subzones: z.array(Zone), history: z.array(StatusHistoryEntry) }),
    },
    async (c, { params }) => c.get("services").sites.getZone(params.slug),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/plots",
      summary: "Land plots, filtered, sorted and paged",
      tags: ["sites"],
      access: "public",
      query: PlotFilters,
      response: Page(Plot),
    },
    async (c, { query }) => c.get("services").sites.listPlots(query),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/plots/:code",
      summary: "One land plot with its status history",
      tags: ["sites"],
      access: "public",
      params: CodeParam,
      response: z.object({ plot: Plot, history: z.array(StatusHistoryEntry) }),
    },
    async (c, { params }) => {
      const { plot, history } = await c.get("services").sites.getPlot(params.code);
      return { plot, history };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/premises",
      summary: "Ready premises, filtered, sorted and paged",
      tags: ["sites"],
      access: "public",
      query: PremisesFilters,
      response: Page(Premises),
    },
    async (c, { query }) => c.get("services").sites.listPremises(query),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/premises/:code",
      summary: "One premises with its status history",
      tags: ["sites"],
      access: "public",
      params: CodeParam,
      response: z.object({ premises: Premises, history: z.array(StatusHistoryEntry) }),
    },
    async (c, { params }) => {
      const { premises, history } = await c.get("services").sites.getPremises(params.code);
      return { premises, history };
    },
  );

  // Writes: staff only (the service checks `sites:edit`), cookie sessions send X-CSRF-Token.
  // Plots and premises are validated by the service, as the back-office forms are: every problem in one 422.
  api.serviceValidatedRoute(
    app,
    {
      method: "post",
      path: "/api/v1/plots",
      summary: "Create a land plot",
      tags: ["sites"],
      access: "staff",
      body: PlotInput,
      response: Plot,
    },
    async (c, { body }) => c.get("services").sites.savePlot(staff(c), body, "create"),
  );
  api.serviceValidatedRoute(
    app,
    {
      method: "put",
      path: "/api/v1/plots/:code",
      summary: "Replace a land plot's data",
      tags: ["sites"],
      access: "staff",
      params: CodeParam,
      body: PlotInput,
      response: Plot,
    },
    async (c, { params, body }) => c.get("services").sites.savePlot(staff(c), body, "update", params.code),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/plots/:code/status",
      summary: "Change a plot's status, with the reason kept as history",
      tags: ["sites"],
      access: "staff",
      params: CodeParam,
      body: StatusChange,
      response: Ok,
    },
    async (c, { params, body }) => {
      await c.get("services").sites.changeStatus(staff(c), "plot", params.code, body);
      return { ok: true as const };
    },
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/plots/:code/verify",
      summary: "Mark a plot's data as verified today by the caller",
      tags: ["sites"],
      access: "staff",
      params: CodeParam,
      response: Ok,
    },
    async (c, { params }) => {
      await c.get("services").sites.verify(staff(c), "plot", params.code);
      return { ok: true as const };
    },
  );
  api.serviceValidatedRoute(
    app,
    {
      method: "post",
      path: "/api/v1/premises",
      summary: "Create premises",
      tags: ["sites"],
      access: "staff",
      body: PremisesInput,
      response: Premises,
    },
    async (c, { body }) => c.get("services").sites.savePremises(staff(c), body, "create"),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/sites/stale",
      summary: "Records not verified within the configured number of days",
      tags: ["sites"],
      access: "staff",
      response: z.object({
        zones: z.array(z.object({ key: z.string(), verifiedAt: z.string().nullable(), verifiedBy: z.string().nullable() })),
        plots: z.array(z.object({ key: z.string(), verifiedAt: z.string().nullable(), verifiedBy: z.string().nullable() })),
        premises: z.array(z.object({ key: z.string(), verifiedAt: z.string().nullable(), verifiedBy: z.string().nullable() })),
        totals: z.object({ zones: z.number(), plots: z.number(), premises: z.number() }),
        staleDays: z.number(),
      }),
    },
    async (c) => c.get("services").sites.stale(staff(c)),
  );
}
