import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import type { ApiRegistry } from "../../http/openapi.ts";
import {
  Agreement,
  AgreementInput,
  AgreementRef,
  ChangeInput,
  Delegation,
  DelegationInput,
  IdParam,
  Indicator,
  IndicatorInput,
  LocalText,
  Organisation,
  OrganisationInput,
  Person,
  PersonInput,
  Project,
  ProjectInput,
  ProjectRef,
  SearchHit,
  TerritoryRef,
  Tie,
  TieInput,
} from "./cooperation.schemas.ts";
import type { CooperationService } from "./cooperation.service.ts";

const List = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
const SlugParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });

const Partner = z.object({
  territory: TerritoryRef,
  parent: TerritoryRef.nullable(),
  ties: z.array(Tie),
  agreements: z.array(AgreementRef),
  projects: z.array(
    ProjectRef.extend({ capitalKzt: z.number().nullable(), capitalUsd: z.number().nullable(), jobsPlanned: z.number().nullable() }),
  ),
  delegations: z.array(
    z.object({
      id: z.number().int(),
      title: LocalText,
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      direction: z.enum(["outbound", "inbound"]),
    }),
  ),
});

const TotalsShape = {
  projects: z.number(),
  capitalKzt: z.number(),
  capitalUsd: z.number(),
  unknownCapital: z.number().describe("Projects whose capital is not published"),
  jobsPlanned: z.number(),
  jobsCreated: z.number(),
};
const Statistics = z.object({
  projectsByStage: z.array(z.object({ stage: z.string(), count: z.number() })),
  agreementsByStatus: z.array(z.object({ status: z.string(), count: z.number() })),
  byCountry: z.array(z.object({ country: z.string().nullable(), ...TotalsShape })),
  byTerritory: z.array(z.object({ territory: TerritoryRef.nullable(), ...TotalsShape })),
  conversion: z
    .array(
      z.object({
        partner: TerritoryRef,
        agreements: z.number(),
        memoranda: z.number(),
        agreementsWithProjects: z.number(),
        ...TotalsShape,
      }),
    )
    .describe("Per partner territory: agreements with a party there → projects behind them → capital → jobs (docs/decisions/010)"),
  indicators: z.array(Indicator),
});

function staff(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

type Resource = {
  path: string;
  tag: string;
  one: string;
  item: z.ZodType;
  input: z.ZodType;
  list: (s: CooperationService) => Promise<unknown[]>;
  get: (s: CooperationService, id: number) => Promise<unknown>;
  save: (s: CooperationService, actor: ReturnType<typeof staff>, input: unknown, id?: number) => Promise<unknown>;
};

const RESOURCES: Resource[] = [
  {
    path: "organisations",
    tag: "cooperation",
    one: "organisation",
    item: Organisation,
    input: OrganisationInput,
    list: (s) => s.listOrganisations(),
    get: (s, id) => s.getOrganisation(id),
    save: (s, a, i, id) => s.saveOrganisation(a, i, id),
  },
  {
    path: "people",
    tag: "cooperation",
    one: "person with positions and aliases",
    item: Person,
    input: PersonInput,
    list: (s) => s.listPeople(),
    get: (s, id) => s.getPerson(id),
    save: (s, a, i, id) => s.savePerson(a, i, id),
  },
  {
    path: "ties",
    tag: "cooperation",
    one: "tie between territories",
    item: Tie,
    input: TieInput,
    list: (s) => s.listTies(),
    get: (s, id) => s.getTie(id),
    save: (s, a, i, id) => s.saveTie(a, i, id),
  },
  {
    path: "agreements",
    tag: "cooperation",
    one: "agreement or memorandum with its parties, projects and status history",
    item: Agreement,
    input: AgreementInput,
    list: (s) => s.listAgreements(),
    get: (s, id) => s.getAgreement(id),
    save: (s, a, i, id) => s.saveAgreement(a, i, id),
  },
  {
    path: "delegations",
    tag: "cooperation",
    one: "delegation or visit with meetings, visits, agreements and follow-up actions",
    item: Delegation,
    input: DelegationInput,
    list: (s) => s.listDelegations(),
    get: (s, id) => s.getDelegation(id),
    save: (s, a, i, id) => s.saveDelegation(a, i, id),
  },
  {
    path: "projects",
    tag: "cooperation",
    one: "investment project with its stage history",
    item: Project,
    input: ProjectInput,
    list: (s) => s.listProjects(),
    get: (s, id) => s.getProject(id),
    save: (s, a, i, id) => s.saveProject(a, i, id),
  },
  {
    path: "indicators",
    tag: "statistics",
    one: "indicator with its basis and source",
    item: Indicator,
    input: IndicatorInput,
    list: (s) => s.listIndicators(),
    get: (s, id) => s.getIndicator(id),
    save: (s, a, i, id) => s.saveIndicator(a, i, id),
  },
];

/** JSON API of the cooperation registry: public reads of every record type, staff writes. */
export function cooperationApi(app: Hono<AppEnv>, api: ApiRegistry): void {
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/partners",
      summary: "Every partner territory with its ties, agreements, projects and delegations",
      tags: ["cooperation"],
      access: "public",
      response: List(Partner),
    },
    async (c) => {
      const items = await c.get("services").cooperation.partners();
      return { items, total: items.length };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/partners/:slug",
      summary: "One partner territory with its ties, agreements, projects and delegations",
      tags: ["cooperation"],
      access: "public",
      params: SlugParam,
      response: Partner,
    },
    async (c, { params }) => c.get("services").cooperation.partner(params.slug),
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/registry/search",
      summary: "Organisations, people and territories by any of their names or aliases, in any script (Қозыбеков, 温州, Вэньчжоу)",
      tags: ["cooperation"],
      access: "public",
      query: z.object({ q: z.string().trim().min(1, "form.required").max(200, "form.too_long").describe("A name in any script") }),
      response: List(SearchHit),
    },
    async (c, { query }) => {
      const items = await c.get("services").cooperation.search(query.q);
      return { items, total: items.length };
    },
  );
  api.route(
    app,
    {
      method: "get",
      path: "/api/v1/statistics",
      summary:
        "Figures derived from the registry (projects by stage, capital and jobs by country and territory, agreements by status, conversion per partner) and the indicators with their basis",
      tags: ["statistics"],
      access: "public",
      response: Statistics,
    },
    async (c) => c.get("services").cooperation.statistics(),
  );

  for (const r of RESOURCES) {
    api.route(
      app,
      {
        method: "get",
        path: `/api/v1/${r.path}`,
        summary: `Every ${r.one.split(" ")[0]} (public fields)`,
        tags: [r.tag],
        access: "public",
        response: List(r.item),
      },
      async (c) => {
        const items = await r.list(c.get("services").cooperation);
        return { items, total: items.length };
      },
    );
    api.route(
      app,
      {
        method: "get",
        path: `/api/v1/${r.path}/:id`,
        summary: `One ${r.one}`,
        tags: [r.tag],
        access: "public",
        params: IdParam,
        response: r.item,
      },
      async (c, { params }) => (await r.get(c.get("services").cooperation, params.id)) as never,
    );
    // Writes: staff only (checked before validation by the registry, and again by the service).
    api.route(
      app,
      {
        method: "post",
        path: `/api/v1/${r.path}`,
        summary: `Create a ${r.one.split(" ")[0]}`,
        tags: [r.tag],
        access: "staff",
        body: r.input,
        response: r.item,
      },
      async (c, { body }) => (await r.save(c.get("services").cooperation, staff(c), body)) as never,
    );
    api.route(
      app,
      {
        method: "put",
        path: `/api/v1/${r.path}/:id`,
        summary: `Replace a ${r.one.split(" ")[0]}'s data`,
        tags: [r.tag],
        access: "staff",
        params: IdParam,
        body: r.input,
        response: r.item,
      },
      async (c, { params, body }) => (await r.save(c.get("services").cooperation, staff(c), body, params.id)) as never,
    );
  }

  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/agreements/:id/status",
      summary: "Change an agreement's status, with the date and reason kept as history",
      tags: ["cooperation"],
      access: "staff",
      params: IdParam,
      body: ChangeInput,
      response: Agreement,
    },
    async (c, { params, body }) => c.get("services").cooperation.changeAgreementStatus(staff(c), params.id, body),
  );
  api.route(
    app,
    {
      method: "post",
      path: "/api/v1/projects/:id/stage",
      summary: "Move a project to another stage, with the date and reason kept as history",
      tags: ["cooperation"],
      access: "staff",
      params: IdParam,
      body: ChangeInput,
      response: Project,
    },
    async (c, { params, body }) => c.get("services").cooperation.moveProject(staff(c), params.id, body),
  );
}
