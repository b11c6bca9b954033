import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import { EstimateInput } from "./matching.incentives.ts";
import { MatchResponse, SiteRequirements } from "./matching.schemas.ts";

const EstimateQuery = EstimateInput.extend({
  zone: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .describe("Zone slug whose regime to apply"),
});
const EstimateResponse = z.object({
  zone: z.string(),
  regimeZone: z.string().describe("The zone whose terms apply (a subzone uses its parent's)"),
  lines: z.array(
    z.object({ tax: z.string(), savingKzt: z.number(), yearsApplied: z.number(), formula: z.string(), note: z.string().nullable() }),
  ),
  totalKzt: z.number(),
  years: z.number(),
  assumptions: z.record(z.string(), z.number()),
  disclaimer: z.string(),
});

export function matchingApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/matching/sites",
      summary: "Rank plots or premises against an investor's requirements, with an explanation per criterion",
      tags: ["matching"],
      access: "public",
      body: SiteRequirements,
      response: MatchResponse,
    },
    async (c, { body }) => c.get("services").matching.match(body, c.get("i18n")),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/matching/estimate",
      summary: "Estimate what a zone's regime could save on an investment (an estimate, every assumption returned)",
      tags: ["matching"],
      access: "public",
      query: EstimateQuery,
      response: EstimateResponse,
    },
    async (c, { query }) => {
      const { zone, ...input } = query;
      const services = c.get("services");
      const found = (await services.sites.getZone(zone)).zone;
      const regimeZone = found.incentives.length === 0 && found.parent ? (await services.sites.getZone(found.parent.slug)).zone : found;
      const estimate = services.matching.estimate(regimeZone.incentives, input);
      return {
        zone,
        regimeZone: regimeZone.slug,
        lines: estimate.lines,
        totalKzt: estimate.totalKzt,
        years: estimate.years,
        assumptions: estimate.assumptions,
        disclaimer: c.get("i18n").t("matching.estimate_disclaimer"),
      };
    },
  );
}
