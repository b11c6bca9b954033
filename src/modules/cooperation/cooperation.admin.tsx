import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { FC } from "hono/jsx";
import type { AppEnv } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { setFlash } from "../../http/flash.ts";
import { pageContext, render } from "../../http/render.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { AdminMenu } from "../../views/admin-menu.tsx";
import { PageHeader } from "../../views/components.tsx";
import { href, type PageContext } from "../../views/context.ts";
import { Layout } from "../../views/layout.tsx";
import { registryWorkbook } from "./cooperation.export.ts";
import { bodyValues, type Choices, compact, FormField, type FormValues, flatten, type Spec, toInput } from "./cooperation.forms.tsx";
import { canEditRegistry } from "./cooperation.policy.ts";
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type Agreement,
  CAPITAL_CURRENCIES,
  CONFIDENCES,
  type Delegation,
  IdParam,
  INDICATOR_BASES,
  INDICATOR_UNITS,
  type Indicator,
  ORGANISATION_KINDS,
  type Organisation,
  type Person,
  PROJECT_ROLES,
  PROJECT_STAGES,
  type Project,
  SITE_KINDS,
  TIE_KINDS,
  type Tie,
} from "./cooperation.schemas.ts";
import { CooperationService } from "./cooperation.service.ts";
import {
  AGREEMENT_KIND_LABEL,
  AGREEMENT_STATUS_LABEL,
  BASIS_LABEL,
  bigMoney,
  ORG_KIND_LABEL,
  partialDate,
  ROLE_LABEL,
  SITE_KIND_LABEL,
  STAGE_LABEL,
  TIE_KIND_LABEL,
  UNIT_LABEL,
} from "./cooperation.views.tsx";

type TypeKey = "organisations" | "people" | "ties" | "agreements" | "delegations" | "projects" | "indicators";

const CONFIDENCE_LABEL: Record<(typeof CONFIDENCES)[number], MessageKey> = {
  verified: "confidence.verified",
  "single-source": "confidence.single_source",
  "article-only": "confidence.article_only",
  conflicting: "confidence.conflicting",
  estimated: "confidence.estimated",
  unverified: "confidence.unverified",
};

const sourcing: Spec[] = [
  { kind: "select", name: "confidence", label: "coop.col_confidence", options: "confidences" },
  { kind: "lines", name: "sources", label: "coop.sources", hint: "coop.hint_sources" },
  { kind: "textarea", name: "note", label: "coop.f.note" },
];
const aliasFields: Spec[] = [
  { kind: "lines", name: "aliasList", label: "coop.f.aliases", hint: "coop.hint_aliases" },
  { kind: "lines", name: "misspellings", label: "coop.f.misspellings", hint: "coop.hint_misspellings" },
];
const illustrative: Spec = { kind: "checkbox", name: "illustrative", label: "coop.f.illustrative" };
const org = (name: string, label: MessageKey = "coop.f.organisation"): Spec => ({
  kind: "select",
  name,
  label,
  options: "orgs",
  numeric: true,
});
const person = (name: string, label: MessageKey = "coop.f.person"): Spec => ({
  kind: "select",
  name,
  label,
  options: "people",
  numeric: true,
});
const territory = (name: string, label: MessageKey = "coop.f.territory"): Spec => ({ kind: "select", name, label, options: "territories" });

/** Each record type: its form, how a stored record fills it, and its list columns. */
const TYPES: Record<TypeKey, { title: MessageKey; one: MessageKey; specs: Spec[] }> = {
  organisations: {
    title: "coop.admin_organisations",
    one: "coop.admin_organisation",
    specs: [
      { kind: "select", name: "kind", label: "coop.f.kind", options: "orgKinds" },
      { kind: "local", name: "name", label: "coop.f.name" },
      { kind: "text", name: "nameOriginal", label: "coop.f.name_original", hint: "coop.hint_name_original" },
      territory("territorySlug"),
      { kind: "text", name: "country", label: "coop.f.country", hint: "coop.hint_country" },
      { kind: "csv", name: "sectors", label: "coop.f.sectors", hint: "coop.hint_nace" },
      { kind: "text", name: "website", label: "coop.f.website" },
      ...aliasFields,
      ...sourcing,
      illustrative,
    ],
  },
  people: {
    title: "coop.admin_people",
    one: "coop.admin_person",
    specs: [
      { kind: "local", name: "name", label: "coop.f.name" },
      { kind: "text", name: "nameOriginal", label: "coop.f.name_original", hint: "coop.hint_name_original" },
      {
        kind: "group",
        name: "positions",
        label: "coop.f.positions",
        fields: [
          org("organisationId"),
          { kind: "local", name: "title", label: "coop.f.position_title" },
          { kind: "pdate", name: "since", label: "coop.f.since", hint: "coop.hint_pdate" },
          { kind: "pdate", name: "until", label: "coop.f.until" },
        ],
      },
      ...aliasFields,
      ...sourcing,
    ],
  },
  ties: {
    title: "coop.admin_ties",
    one: "coop.admin_tie",
    specs: [
      territory("territorySlug"),
      territory("partnerSlug", "coop.f.partner"),
      { kind: "select", name: "kind", label: "coop.f.kind", options: "tieKinds" },
      { kind: "pdate", name: "since", label: "coop.f.since", hint: "coop.hint_pdate" },
      { kind: "text", name: "documentTitle", label: "coop.f.document_title" },
      { kind: "text", name: "documentUrl", label: "coop.f.document_url" },
      { kind: "select", name: "agreementId", label: "coop.f.agreement", options: "agreements", numeric: true },
      ...sourcing,
    ],
  },
  agreements: {
    title: "coop.admin_agreements",
    one: "coop.admin_agreement",
    specs: [
      { kind: "select", name: "kind", label: "coop.f.kind", options: "agreementKinds" },
      { kind: "local", name: "title", label: "coop.f.title" },
      { kind: "optlocal", name: "subject", label: "coop.subject" },
      { kind: "pdate", name: "signedOn", label: "coop.signed_on", hint: "coop.hint_pdate" },
      territory("placeSlug", "coop.place"),
      { kind: "text", name: "placeNote", label: "coop.f.place_note" },
      { kind: "select", name: "status", label: "coop.status", options: "statuses" },
      { kind: "pdate", name: "statusOn", label: "coop.f.status_on" },
      {
        kind: "group",
        name: "parties",
        label: "coop.parties",
        hint: "coop.hint_parties",
        fields: [
          org("organisationId"),
          person("signatoryPersonId", "coop.signatory"),
          { kind: "text", name: "signatoryNote", label: "coop.f.signatory_note" },
        ],
      },
      {
        kind: "group",
        name: "documents",
        label: "coop.documents",
        fields: [
          { kind: "text", name: "title", label: "coop.f.document_title" },
          { kind: "text", name: "url", label: "coop.f.document_url" },
        ],
      },
      { kind: "select", name: "delegationId", label: "coop.signed_during", options: "delegations", numeric: true },
      { kind: "multi", name: "projectIds", label: "coop.projects_covered", options: "projects", numeric: true },
      ...sourcing,
      illustrative,
    ],
  },
  delegations: {
    title: "coop.admin_delegations",
    one: "coop.admin_delegation",
    specs: [
      { kind: "local", name: "title", label: "coop.f.title" },
      territory("fromSlug", "coop.f.from"),
      territory("toSlug", "coop.f.to"),
      { kind: "pdate", name: "startsOn", label: "coop.f.starts_on", hint: "coop.hint_pdate" },
      { kind: "pdate", name: "endsOn", label: "coop.f.ends_on" },
      person("headPersonId", "coop.head"),
      { kind: "text", name: "headNote", label: "coop.f.head_note" },
      { kind: "optlocal", name: "purpose", label: "coop.purpose" },
      {
        kind: "group",
        name: "members",
        label: "coop.members",
        fields: [person("personId"), org("organisationId"), { kind: "text", name: "note", label: "coop.f.note" }],
      },
      {
        kind: "group",
        name: "meetings",
        label: "coop.meetings",
        fields: [
          { kind: "pdate", name: "on", label: "coop.when" },
          person("personId"),
          org("organisationId"),
          { kind: "optlocal", name: "summary", label: "coop.f.summary" },
        ],
      },
      {
        kind: "group",
        name: "visits",
        label: "coop.visits",
        hint: "coop.hint_visits",
        fields: [
          org("organisationId"),
          { kind: "optlocal", name: "description", label: "coop.f.visit_description" },
          { kind: "text", name: "sector", label: "coop.sector" },
        ],
      },
      {
        kind: "group",
        name: "followUps",
        label: "coop.follow_ups",
        fields: [
          { kind: "text", name: "description", label: "coop.f.description" },
          person("ownerPersonId", "coop.f.owner"),
          org("ownerOrganisationId", "coop.f.owner_organisation"),
          { kind: "text", name: "ownerNote", label: "coop.f.owner_note" },
          { kind: "date", name: "dueOn", label: "coop.f.due_on" },
          { kind: "checkbox", name: "done", label: "coop.f.done" },
          { kind: "date", name: "doneOn", label: "coop.f.done_on" },
        ],
      },
      ...sourcing,
      illustrative,
    ],
  },
  projects: {
    title: "coop.admin_projects",
    one: "coop.admin_project",
    specs: [
      { kind: "local", name: "title", label: "coop.f.title" },
      { kind: "optlocal", name: "description", label: "coop.f.description" },
      org("investorOrganisationId", "coop.investor"),
      { kind: "text", name: "investorCountry", label: "coop.investor_country", hint: "coop.hint_country" },
      { kind: "text", name: "sector", label: "coop.sector", hint: "coop.hint_nace" },
      territory("territorySlug", "coop.location"),
      { kind: "select", name: "siteKind", label: "coop.f.site_kind", options: "siteKinds" },
      { kind: "text", name: "siteRef", label: "coop.f.site_ref", hint: "coop.hint_site_ref" },
      { kind: "text", name: "siteText", label: "coop.f.site_text" },
      { kind: "number", name: "capitalAmount", label: "coop.f.capital_amount" },
      { kind: "select", name: "capitalCurrency", label: "coop.f.capital_currency", options: "currencies" },
      { kind: "number", name: "capitalKzt", label: "coop.f.capital_kzt", hint: "coop.hint_capital_stated" },
      { kind: "number", name: "capitalUsd", label: "coop.f.capital_usd" },
      { kind: "number", name: "fxKztPerUsd", label: "coop.f.fx_kzt_per_usd", hint: "coop.hint_rate" },
      { kind: "date", name: "fxOn", label: "coop.f.fx_on" },
      { kind: "text", name: "fxNote", label: "coop.f.fx_note" },
      { kind: "number", name: "jobsPlanned", label: "coop.f.jobs_planned" },
      { kind: "number", name: "jobsCreated", label: "coop.f.jobs_created" },
      { kind: "select", name: "stage", label: "coop.stage", options: "stages" },
      { kind: "pdate", name: "stageOn", label: "coop.f.stage_on", hint: "coop.hint_pdate" },
      { kind: "multi", name: "agreementIds", label: "coop.agreements_behind", options: "agreements", numeric: true },
      {
        kind: "group",
        name: "participants",
        label: "coop.participants",
        fields: [org("organisationId"), { kind: "select", name: "role", label: "coop.f.role", options: "roles" }],
      },
      ...sourcing,
      illustrative,
    ],
  },
  indicators: {
    title: "coop.admin_indicators",
    one: "coop.admin_indicator",
    specs: [
      { kind: "text", name: "code", label: "coop.f.code", hint: "coop.hint_code" },
      { kind: "local", name: "name", label: "coop.f.name" },
      { kind: "select", name: "unit", label: "coop.f.unit", options: "units" },
      { kind: "text", name: "period", label: "coop.col_period", hint: "coop.hint_period" },
      { kind: "number", name: "value", label: "coop.col_value" },
      { kind: "text", name: "country", label: "coop.f.country", hint: "coop.hint_country" },
      { kind: "text", name: "partnerCountry", label: "coop.f.partner_country" },
      { kind: "multi", name: "territorySlugs", label: "coop.f.territories", options: "territories" },
      { kind: "select", name: "basis", label: "coop.col_basis", options: "bases" },
      { kind: "text", name: "basisNote", label: "coop.f.basis_note" },
      { kind: "pdate", name: "asOf", label: "coop.f.as_of" },
      ...sourcing,
    ],
  },
};
const TYPE_KEYS = Object.keys(TYPES) as TypeKey[];

/** Form values of stored records, as the form shows them. */
const local = (n: { kk: string; ru: string; zh: string | null; en: string }) => ({ kk: n.kk, ru: n.ru, zh: n.zh, en: n.en });
const aliasValues = (aliases: Organisation["aliases"]) => ({
  aliasList: aliases
    .filter((a) => a.kind === "alias")
    .map((a) => a.alias)
    .join("\n"),
  misspellings: aliases
    .filter((a) => a.kind === "misspelling")
    .map((a) => a.alias)
    .join("\n"),
});
const sourcingValues = (r: { confidence: string; sources: string[]; note: string | null }) => ({
  confidence: r.confidence,
  sources: r.sources.join("\n"),
  note: r.note,
});

function valuesOf(type: TypeKey, record: unknown): FormValues {
  switch (type) {
    case "organisations": {
      const o = record as Organisation;
      return flatten({
        kind: o.kind,
        name: local(o.name),
        nameOriginal: o.nameOriginal,
        territorySlug: o.territory?.slug,
        country: o.country,
        sectors: o.sectors.join(", "),
        website: o.website,
        ...aliasValues(o.aliases),
        ...sourcingValues(o),
        illustrative: o.illustrative,
      });
    }
    case "people": {
      const p = record as Person;
      return flatten({
        name: local(p.name),
        nameOriginal: p.nameOriginal,
        positions: p.positions.map((x) => ({ organisationId: x.organisation?.id, title: local(x.title), since: x.since, until: x.until })),
        ...aliasValues(p.aliases),
        ...sourcingValues(p),
      });
    }
    case "ties": {
      const x = record as Tie;
      return flatten({
        territorySlug: x.territory.slug,
        partnerSlug: x.partner.slug,
        kind: x.kind,
        since: x.since,
        documentTitle: x.document?.title,
        documentUrl: x.document?.url,
        agreementId: x.agreementId,
        ...sourcingValues(x),
      });
    }
    case "agreements": {
      const a = record as Agreement;
      return flatten({
        kind: a.kind,
        title: local(a.title),
        subject: a.subject,
        signedOn: a.signedOn,
        placeSlug: a.place?.slug,
        placeNote: a.placeNote,
        status: a.status,
        statusOn: a.statusOn,
        parties: a.parties.map((p) => ({
          organisationId: p.organisation.id,
          signatoryPersonId: p.signatory?.id,
          signatoryNote: p.signatoryNote,
        })),
        documents: a.documents,
        delegationId: a.delegationId,
        projectIds: a.projects.map((p) => p.id),
        ...sourcingValues(a),
        illustrative: a.illustrative,
      });
    }
    case "delegations": {
      const d = record as Delegation;
      return flatten({
        title: local(d.title),
        fromSlug: d.from.slug,
        toSlug: d.to.slug,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        headPersonId: d.head?.id,
        headNote: d.headNote,
        purpose: d.purpose,
        members: d.members.map((m) => ({ personId: m.person?.id, organisationId: m.organisation?.id, note: m.note })),
        meetings: d.meetings.map((m) => ({ on: m.on, personId: m.person?.id, organisationId: m.organisation?.id, summary: m.summary })),
        visits: d.visits.map((v) => ({ organisationId: v.organisation?.id, description: v.description, sector: v.sector })),
        followUps: d.followUps.map((f) => ({
          description: f.description,
          ownerPersonId: f.owner.person?.id,
          ownerOrganisationId: f.owner.organisation?.id,
          ownerNote: f.owner.note,
          dueOn: f.dueOn,
          done: f.done,
          doneOn: f.doneOn,
        })),
        ...sourcingValues(d),
        illustrative: d.illustrative,
      });
    }
    case "projects": {
      const p = record as Project;
      const capital = p.capital;
      return flatten({
        title: local(p.title),
        description: p.description,
        investorOrganisationId: p.investor?.id,
        investorCountry: p.investorCountry,
        sector: p.sector,
        territorySlug: p.territory?.slug,
        siteKind: p.site?.kind,
        siteRef: p.site?.ref,
        siteText: p.site?.text,
        capitalAmount: capital?.amount,
        capitalCurrency: capital?.currency,
        capitalKzt: capital && capital.currency !== "KZT" && capital.kztPerUsd === null ? capital.kzt : null,
        capitalUsd: capital && capital.currency !== "USD" && capital.kztPerUsd === null ? capital.usd : null,
        fxKztPerUsd: capital?.kztPerUsd,
        fxOn: capital?.rateOn,
        fxNote: capital?.note,
        jobsPlanned: p.jobsPlanned,
        jobsCreated: p.jobsCreated,
        stage: p.stage,
        stageOn: p.stageOn,
        agreementIds: p.agreements.map((a) => a.id),
        participants: p.participants.map((x) => ({ organisationId: x.organisation.id, role: x.role })),
        ...sourcingValues(p),
        illustrative: p.illustrative,
      });
    }
    case "indicators": {
      const r = record as Indicator;
      return flatten({
        code: r.code,
        name: local(r.name),
        unit: r.unit,
        period: r.period,
        value: r.value,
        country: r.country,
        partnerCountry: r.partnerCountry,
        territorySlugs: r.territories.map((x) => x.slug),
        basis: r.basis,
        basisNote: r.basisNote,
        asOf: r.asOf,
        ...sourcingValues(r),
      });
    }
  }
}

/** Submitted values → the service's input; aliases and position sourcing folded in where the form splits them. */
function inputOf(type: TypeKey, values: FormValues): Record<string, unknown> {
  const input = toInput(TYPES[type].specs, values);
  if (type === "organisations" || type === "people") {
    const list = (input.aliasList as string[]) ?? [];
    const wrong = (input.misspellings as string[]) ?? [];
    input.aliases = [...list.map((alias) => ({ alias, kind: "alias" })), ...wrong.map((alias) => ({ alias, kind: "misspelling" }))];
    delete input.aliasList;
    delete input.misspellings;
  }
  if (type === "people")
    input.positions = ((input.positions as Record<string, unknown>[]) ?? []).map((p) => ({
      ...p,
      confidence: input.confidence ?? undefined,
      sources: input.sources,
    }));
  if (input.confidence === null) delete input.confidence;
  return input;
}

/** Error keys of folded fields land on the fields the form shows. */
function errorsOf(i18n: I18n, details: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details)) {
    const key = k.startsWith("aliases") ? "aliasList" : k.replace(/^positions\.(\d+)\.(confidence|sources).*/, "confidence");
    out[key] ??= i18n.tx(String(v));
  }
  return out;
}

async function choicesFor(c: Context<AppEnv>, i18n: I18n): Promise<Record<string, Choices>> {
  const services = c.get("services");
  const coop = services.cooperation;
  const [territories, orgs, people, agreements, projects, delegations] = [
    await services.territories.list(),
    await coop.listOrganisations(),
    await coop.listPeople(),
    await coop.listAgreements(),
    await coop.listProjects(),
    await coop.listDelegations(),
  ];
  const t = i18n.t;
  const name = (n: { kk: string; kkLatn: string; ru: string; zh: string | null; en: string }) => i18n.pick(n).text;
  return {
    territories: territories.map((x) => [x.slug, `${name(x.name)}${x.isHome ? "" : ` (${x.country})`}`]),
    orgs: orgs.map((o) => [String(o.id), name(o.name)]),
    people: people.map((p) => [String(p.id), name(p.name)]),
    agreements: agreements.map((a) => [String(a.id), `#${a.id} ${name(a.title)}`]),
    projects: projects.map((p) => [String(p.id), `#${p.id} ${name(p.title)}`]),
    delegations: delegations.map((d) => [String(d.id), `#${d.id} ${name(d.title)}`]),
    orgKinds: ORGANISATION_KINDS.map((k) => [k, t(ORG_KIND_LABEL[k])]),
    tieKinds: TIE_KINDS.map((k) => [k, t(TIE_KIND_LABEL[k])]),
    agreementKinds: AGREEMENT_KINDS.map((k) => [k, t(AGREEMENT_KIND_LABEL[k])]),
    statuses: AGREEMENT_STATUSES.map((k) => [k, t(AGREEMENT_STATUS_LABEL[k])]),
    stages: PROJECT_STAGES.map((k) => [k, t(STAGE_LABEL[k])]),
    roles: PROJECT_ROLES.map((k) => [k, t(ROLE_LABEL[k])]),
    siteKinds: SITE_KINDS.map((k) => [k, t(SITE_KIND_LABEL[k])]),
    currencies: CAPITAL_CURRENCIES.map((k) => [k, k]),
    units: INDICATOR_UNITS.map((k) => [k, t(UNIT_LABEL[k], { value: "…" })]),
    bases: INDICATOR_BASES.map((k) => [k, t(BASIS_LABEL[k])]),
    confidences: CONFIDENCES.map((k) => [k, t(CONFIDENCE_LABEL[k])]),
  };
}

function actor(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new AppError("unauthenticated");
  return session.user;
}

function idOf(raw: string | undefined): number {
  const parsed = IdParam.safeParse({ id: raw });
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data.id;
}

/** Staff only: the same rule the service applies (cooperation.policy.ts). */
function requireRegistryStaff(): MiddlewareHandler<AppEnv> {
  return async function requireRegistryStaffMiddleware(c, next) {
    const session = c.get("session");
    if (!session) {
      if (c.req.method === "GET" || c.req.method === "HEAD")
        return c.redirect(`/${c.get("locale")}/login?next=${encodeURIComponent(c.req.path)}`, 302);
      throw new AppError("unauthenticated");
    }
    if (!canEditRegistry(session.user)) throw new AppError("forbidden");
    await next();
  };
}

const AdminPage: FC<{
  ctx: PageContext;
  c: Context<AppEnv>;
  title: string;
  crumbs?: { label: string; href?: string }[];
  children?: unknown;
}> = ({ ctx, c, title, crumbs = [], children }) => (
  <Layout
    ctx={ctx}
    title={title}
    section="admin"
    noindex
    crumbs={[
      { label: ctx.i18n.t("admin.title"), href: href(ctx, "/admin") },
      { label: ctx.i18n.t("coop.admin_registry"), href: href(ctx, "/admin/registry") },
      ...crumbs,
      { label: title },
    ]}
    aside={<AdminMenu ctx={ctx} current="registry" isAdmin={c.get("session")?.user.role === "admin"} />}
  >
    {children as never}
  </Layout>
);

async function getRecord(c: Context<AppEnv>, type: TypeKey, id: number): Promise<unknown> {
  const coop = c.get("services").cooperation;
  switch (type) {
    case "organisations":
      return coop.getOrganisation(id);
    case "people":
      return coop.getPerson(id);
    case "ties":
      return coop.getTie(id);
    case "agreements":
      return coop.getAgreement(id);
    case "delegations":
      return coop.getDelegation(id);
    case "projects":
      return coop.getProject(id);
    case "indicators":
      return coop.getIndicator(id);
  }
}

async function saveRecord(c: Context<AppEnv>, type: TypeKey, input: unknown, id?: number): Promise<{ id: number }> {
  const coop = c.get("services").cooperation;
  const who = actor(c);
  switch (type) {
    case "organisations":
      return coop.saveOrganisation(who, input, id);
    case "people":
      return coop.savePerson(who, input, id);
    case "ties":
      return coop.saveTie(who, input, id);
    case "agreements":
      return coop.saveAgreement(who, input, id);
    case "delegations":
      return coop.saveDelegation(who, input, id);
    case "projects":
      return coop.saveProject(who, input, id);
    case "indicators":
      return coop.saveIndicator(who, input, id);
  }
}

const REMOVE_TYPE = {
  organisations: "organisation",
  people: "person",
  ties: "tie",
  agreements: "agreement",
  delegations: "delegation",
  projects: "project",
  indicators: "indicator",
} as const;

const PUBLIC_PATH: Partial<Record<TypeKey, string>> = { agreements: "agreements", delegations: "delegations", projects: "projects" };

/** A change of status or stage: the new value, the date it happened and the reason. */
const ChangeForm: FC<{
  ctx: PageContext;
  action: string;
  options: Choices;
  current: string;
  errors: Record<string, string>;
  values: FormValues;
  title: string;
  idPrefix: string;
}> = ({ ctx, action, options, current, errors, values, title, idPrefix }) => {
  const t = ctx.i18n.t;
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  return (
    <form method="post" action={action} class="form panel" novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <h2>{title}</h2>
      <div class="form-grid">
        <div class={errors.to ? "field field-invalid" : "field"}>
          <label for={`${idPrefix}-to`}>{t("coop.f.new_value")}</label>
          {errors.to ? <p class="field-error">{errors.to}</p> : null}
          <select id={`${idPrefix}-to`} name="to">
            {options
              .filter(([value]) => value !== current)
              .map(([value, label]) => (
                <option value={value} selected={value === v("to")}>
                  {label}
                </option>
              ))}
          </select>
        </div>
        <div class={errors.on ? "field field-invalid" : "field"}>
          <label for={`${idPrefix}-on`}>{t("coop.when")}</label>
          {errors.on ? <p class="field-error">{errors.on}</p> : null}
          <input id={`${idPrefix}-on`} name="on" type="text" placeholder="2025-09-11" value={v("on")} />
        </div>
      </div>
      <div class={errors.reason ? "field field-invalid" : "field"}>
        <label for={`${idPrefix}-reason`}>{t("coop.reason")}</label>
        {errors.reason ? <p class="field-error">{errors.reason}</p> : null}
        <input id={`${idPrefix}-reason`} name="reason" type="text" value={v("reason")} aria-invalid={errors.reason ? "true" : undefined} />
      </div>
      <button type="submit" class="button">
        {t("coop.record_change")}
      </button>
    </form>
  );
};

export function cooperationAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const path of [
    "/:locale/admin/registry",
    "/:locale/admin/registry.xlsx",
    "/:locale/admin/follow-ups",
    "/:locale/admin/follow-ups/*",
  ])
    app.use(path, requireRegistryStaff());
  for (const type of TYPE_KEYS) {
    app.use(`/:locale/admin/${type}`, requireRegistryStaff());
    app.use(`/:locale/admin/${type}/*`, requireRegistryStaff());
  }

  app.get("/:locale/admin/registry", async (c) => {
    const coop = c.get("services").cooperation;
    const due = await coop.followUpsDue(actor(c));
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const counts: Record<TypeKey, number> = {
      organisations: (await coop.listOrganisations()).length,
      people: (await coop.listPeople()).length,
      ties: (await coop.listTies()).length,
      agreements: (await coop.listAgreements()).length,
      delegations: (await coop.listDelegations()).length,
      projects: (await coop.listProjects()).length,
      indicators: (await coop.listIndicators()).length,
    };
    return render(
      c,
      <AdminPage ctx={ctx} c={c} title={t("coop.admin_registry")}>
        <PageHeader
          title={t("coop.admin_registry")}
          lead={t("coop.admin_registry_lead")}
          actions={
            <>
              <a class="button" href={href(ctx, "/admin/projects/board")}>
                {t("coop.board_title")}
              </a>{" "}
              <a class="button button-quiet" href={href(ctx, "/admin/registry.xlsx")}>
                {t("coop.export_xlsx")}
              </a>
            </>
          }
        />
        <ul class="cards">
          {TYPE_KEYS.map((type) => (
            <li class="card">
              <h2>
                <a href={href(ctx, `/admin/${type}`)}>{t(TYPES[type].title)}</a>
              </h2>
              <p>{t("coop.records_n", { count: counts[type] })}</p>
              <p>
                <a href={href(ctx, `/admin/${type}/new`)}>{t("coop.add_new")}</a>
              </p>
            </li>
          ))}
        </ul>
        <section class="panel" aria-labelledby="due">
          <h2 id="due">{t("coop.due_this_week", { date: partialDate(i18n, due.until) })}</h2>
          {due.items.length === 0 ? (
            <p class="muted">{t("coop.nothing_due")}</p>
          ) : (
            <p>
              <a href={href(ctx, "/admin/follow-ups")}>{t("coop.follow_ups_open_n", { count: due.items.length })}</a>
            </p>
          )}
        </section>
      </AdminPage>,
    );
  });

  app.get("/:locale/admin/registry.xlsx", async (c) => {
    const who = actor(c);
    const registry = await c.get("services").cooperation.exportRegistry(who);
    const body = await registryWorkbook(registry, c.get("i18n"));
    c.get("log").info({ audit: "export", actor: who.id, kind: "registry", format: "xlsx" }, "audit");
    c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    c.header("Content-Disposition", `attachment; filename="jibek-registry-${new Date().toISOString().slice(0, 10)}.xlsx"`);
    c.header("Cache-Control", "no-store");
    return c.body(new Uint8Array(body));
  });

  // Follow-up actions due this week (overdue ones first)

  const followUpsPage = async (c: Context<AppEnv>, error: string | null = null, status: 200 | 422 = 200) => {
    const due = await c.get("services").cooperation.followUpsDue(actor(c));
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    const title = t("coop.due_this_week", { date: partialDate(i18n, due.until) });
    return render(
      c,
      <AdminPage ctx={ctx} c={c} title={title}>
        <PageHeader title={title} lead={t("coop.follow_ups_lead")} />
        {error ? (
          <div class="flash flash-error" role="alert">
            {error}
          </div>
        ) : null}
        {due.items.length === 0 ? (
          <p class="empty">{t("coop.nothing_due")}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("coop.f.due_on")}</th>
                  <th scope="col">{t("coop.f.description")}</th>
                  <th scope="col">{t("coop.f.owner")}</th>
                  <th scope="col">{t("coop.delegation")}</th>
                  <th scope="col">{t("coop.f.done")}</th>
                </tr>
              </thead>
              <tbody>
                {due.items.map((f) => (
                  <tr class={f.overdue ? "overdue" : undefined}>
                    <td>
                      {partialDate(i18n, f.dueOn)}
                      {f.overdue ? <strong class="stale-flag">{t("coop.overdue")}</strong> : null}
                    </td>
                    <td>{f.description}</td>
                    <td>
                      {f.owner.person
                        ? i18n.pick(f.owner.person.name).text
                        : f.owner.organisation
                          ? i18n.pick(f.owner.organisation.name).text
                          : (f.owner.note ?? "—")}
                    </td>
                    <td>
                      <a href={href(ctx, `/admin/delegations/${f.delegation.id}/edit`)}>{i18n.pick(f.delegation.title).text}</a>
                    </td>
                    <td>
                      <form method="post" action={href(ctx, `/admin/follow-ups/${f.id}/done`)}>
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <input type="hidden" name="done" value="yes" />
                        <button type="submit" class="button button-small">
                          {t("coop.mark_done")}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AdminPage>,
      status,
    );
  };
  app.get("/:locale/admin/follow-ups", (c) => followUpsPage(c));
  app.post("/:locale/admin/follow-ups/:id/done", async (c) => {
    const id = idOf(c.req.param("id"));
    const body = bodyValues(await c.req.parseBody());
    const done = body.done === "yes" ? true : body.done === "no" ? false : null;
    if (done === null) return followUpsPage(c, c.get("i18n").t("form.choose_one"), 422);
    await c.get("services").cooperation.setFollowUpDone(actor(c), id, done);
    setFlash(c, "success", "coop.follow_up_updated");
    return c.redirect(`/${c.get("locale")}/admin/follow-ups`, 303);
  });

  // The project pipeline board: a column per stage; each card a small form to move it

  const boardPage = async (
    c: Context<AppEnv>,
    failed: { id: number; errors: Record<string, string>; values: FormValues } | null = null,
    status: 200 | 422 = 200,
  ) => {
    const board = await c.get("services").cooperation.board(actor(c));
    const ctx = pageContext(c);
    const { i18n } = ctx;
    const t = i18n.t;
    return render(
      c,
      <AdminPage ctx={ctx} c={c} title={t("coop.board_title")}>
        <PageHeader
          title={t("coop.board_title")}
          lead={t("coop.board_lead")}
          actions={
            <a class="button" href={href(ctx, "/admin/projects/new")}>
              {t("coop.add_new")}
            </a>
          }
        />
        <div class="cards board">
          {board.map((column) => (
            <section class="card board-column" aria-labelledby={`col-${column.stage}`} data-stage={column.stage}>
              <h2 id={`col-${column.stage}`}>
                {t(STAGE_LABEL[column.stage])} <span class="muted">({i18n.number(column.projects.length)})</span>
              </h2>
              {column.projects.length === 0 ? <p class="muted">{t("coop.board_empty")}</p> : null}
              {column.projects.map((p) => {
                const moves = CooperationService.nextStages(p.stage);
                const errors = failed?.id === p.id ? failed.errors : {};
                const values = failed?.id === p.id ? failed.values : {};
                const reason = typeof values.reason === "string" ? values.reason : "";
                const on = typeof values.on === "string" ? values.on : "";
                return (
                  <article class="panel board-card" data-project={p.id}>
                    <h3>
                      <a href={href(ctx, `/admin/projects/${p.id}/edit`)}>{i18n.pick(p.title).text}</a>
                    </h3>
                    <p class="muted">
                      {p.investorCountry ?? "—"}
                      {p.capital?.kzt ? ` · ${bigMoney(i18n, p.capital.kzt, "KZT")}` : ""}
                      {p.stageOn ? ` · ${partialDate(i18n, p.stageOn)}` : ""}
                    </p>
                    <form method="post" action={href(ctx, `/admin/projects/${p.id}/stage`)} class="form" novalidate>
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <input type="hidden" name="from" value={p.stage} />
                      <div class={errors.reason ? "field field-invalid" : "field"}>
                        <label for={`reason-${p.id}`}>{t("coop.reason")}</label>
                        {errors.reason ? (
                          <p class="field-error" id={`reason-${p.id}-error`}>
                            {errors.reason}
                          </p>
                        ) : null}
                        <input
                          id={`reason-${p.id}`}
                          name="reason"
                          type="text"
                          value={reason}
                          aria-invalid={errors.reason ? "true" : undefined}
                          aria-describedby={errors.reason ? `reason-${p.id}-error` : undefined}
                        />
                      </div>
                      <div class={errors.on ? "field field-invalid" : "field"}>
                        <label for={`on-${p.id}`}>{t("coop.when")}</label>
                        {errors.on ? <p class="field-error">{errors.on}</p> : null}
                        <input id={`on-${p.id}`} name="on" type="text" placeholder="2025-09-11" value={on} />
                      </div>
                      {errors.to ? <p class="field-error">{errors.to}</p> : null}
                      <p class="board-moves">
                        {moves.previous ? (
                          <button type="submit" name="to" value={moves.previous} class="button button-quiet button-small">
                            ← {t(STAGE_LABEL[moves.previous])}
                          </button>
                        ) : null}{" "}
                        {moves.next ? (
                          <button type="submit" name="to" value={moves.next} class="button button-small">
                            {t(STAGE_LABEL[moves.next])} →
                          </button>
                        ) : null}{" "}
                        {p.stage !== "cancelled" ? (
                          <button type="submit" name="to" value="cancelled" class="button button-danger button-small">
                            {t("coop.stage.cancelled")}
                          </button>
                        ) : null}
                      </p>
                    </form>
                  </article>
                );
              })}
            </section>
          ))}
        </div>
      </AdminPage>,
      status,
    );
  };
  app.get("/:locale/admin/projects/board", (c) => boardPage(c));
  app.post("/:locale/admin/projects/:id/stage", async (c) => {
    const id = idOf(c.req.param("id"));
    const body = bodyValues(await c.req.parseBody());
    const change = {
      to: typeof body.to === "string" ? body.to : "",
      on: typeof body.on === "string" && body.on.trim() ? body.on.trim() : null,
      reason: body.reason ?? "",
    };
    try {
      const project = await c.get("services").cooperation.moveProject(actor(c), id, change);
      setFlash(c, "success", "coop.stage_moved", { title: c.get("i18n").pick(project.title).text });
      return c.redirect(`/${c.get("locale")}/admin/projects/board#col-${project.stage}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      return boardPage(c, { id, errors: errorsOf(c.get("i18n"), error.details ?? {}), values: body }, 422);
    }
  });

  // Lists, forms, status changes and deletes of every record type

  for (const type of TYPE_KEYS) {
    const def = TYPES[type];

    app.get(`/:locale/admin/${type}`, async (c) => {
      const coop = c.get("services").cooperation;
      const ctx = pageContext(c);
      const { i18n } = ctx;
      const t = i18n.t;
      const rows: { id: number; name: string; detail: string }[] = [];
      if (type === "organisations")
        for (const o of await coop.listOrganisations())
          rows.push({ id: o.id, name: i18n.pick(o.name).text, detail: t(ORG_KIND_LABEL[o.kind]) });
      if (type === "people")
        for (const p of await coop.listPeople())
          rows.push({ id: p.id, name: i18n.pick(p.name).text, detail: p.positions.map((x) => i18n.pick(x.title).text).join("; ") });
      if (type === "ties")
        for (const x of await coop.listTies())
          rows.push({
            id: x.id,
            name: `${i18n.pick(x.territory.name).text} — ${i18n.pick(x.partner.name).text}`,
            detail: t(TIE_KIND_LABEL[x.kind]),
          });
      if (type === "agreements")
        for (const a of await coop.listAgreements())
          rows.push({
            id: a.id,
            name: i18n.pick(a.title).text,
            detail: `${t(AGREEMENT_STATUS_LABEL[a.status])} · ${partialDate(i18n, a.signedOn)}`,
          });
      if (type === "delegations")
        for (const d of await coop.listDelegations())
          rows.push({ id: d.id, name: i18n.pick(d.title).text, detail: partialDate(i18n, d.startsOn) });
      if (type === "projects")
        for (const p of await coop.listProjects()) rows.push({ id: p.id, name: i18n.pick(p.title).text, detail: t(STAGE_LABEL[p.stage]) });
      if (type === "indicators")
        for (const r of await coop.listIndicators())
          rows.push({ id: r.id, name: `${i18n.pick(r.name).text} ${r.period}`, detail: `${r.value} · ${t(BASIS_LABEL[r.basis])}` });
      return render(
        c,
        <AdminPage ctx={ctx} c={c} title={t(def.title)}>
          <PageHeader
            title={t(def.title)}
            lead={t("coop.records_n", { count: rows.length })}
            actions={
              <a class="button" href={href(ctx, `/admin/${type}/new`)}>
                {t("coop.add_new")}
              </a>
            }
          />
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t(def.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("coop.f.name")}</th>
                  <th scope="col">{t("coop.f.details")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{r.id}</td>
                    <th scope="row">
                      <a href={href(ctx, `/admin/${type}/${r.id}/edit`)}>{r.name}</a>
                    </th>
                    <td>{r.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </AdminPage>,
      );
    });

    const formPage = async (
      c: Context<AppEnv>,
      id: number | null,
      values: FormValues,
      errors: Record<string, string>,
      status: 200 | 422 = 200,
      extra: { changeErrors?: Record<string, string>; changeValues?: FormValues; deleteError?: string } = {},
    ) => {
      const ctx = pageContext(c);
      const { i18n } = ctx;
      const t = i18n.t;
      const record = id === null ? null : await getRecord(c, type, id);
      const title = id === null ? t("coop.new_record", { what: t(def.one) }) : t("coop.edit_record", { what: t(def.one), id });
      const choices = await choicesFor(c, i18n);
      const unplaced = Object.entries(errors).filter(([k]) => !def.specs.some((s) => k === s.name || k.startsWith(`${s.name}.`)));
      const publicPath = PUBLIC_PATH[type];
      return render(
        c,
        <AdminPage ctx={ctx} c={c} title={title} crumbs={[{ label: t(def.title), href: href(ctx, `/admin/${type}`) }]}>
          <PageHeader
            title={title}
            actions={id !== null && publicPath ? <a href={href(ctx, `/${publicPath}/${id}`)}>{t("coop.view_public")}</a> : undefined}
          />
          {type === "agreements" && record ? (
            <ChangeForm
              ctx={ctx}
              action={href(ctx, `/admin/agreements/${id}/status`)}
              options={choices.statuses ?? []}
              current={(record as Agreement).status}
              errors={extra.changeErrors ?? {}}
              values={extra.changeValues ?? {}}
              title={t("coop.change_status")}
              idPrefix="status"
            />
          ) : null}
          {type === "projects" && record ? (
            <ChangeForm
              ctx={ctx}
              action={href(ctx, `/admin/projects/${id}/stage`)}
              options={choices.stages ?? []}
              current={(record as Project).stage}
              errors={{}}
              values={{}}
              title={t("coop.change_stage")}
              idPrefix="stage"
            />
          ) : null}
          <form
            method="post"
            action={href(ctx, id === null ? `/admin/${type}/new` : `/admin/${type}/${id}/edit`)}
            class="form admin-form"
            novalidate
          >
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            {Object.keys(errors).length > 0 ? (
              <div class="flash flash-error" role="alert">
                {t("coop.form_has_errors", { count: Object.keys(errors).length })}
                {unplaced.length > 0 ? (
                  <ul>
                    {unplaced.map(([, message]) => (
                      <li>{message}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <fieldset class="panel">
              <legend>{t(def.one)}</legend>
              {def.specs.map((spec) => (
                <FormField i18n={i18n} spec={spec} prefix="" values={values} errors={errors} choices={choices} />
              ))}
            </fieldset>
            <p>
              <button type="submit" class="button">
                {id === null ? t("coop.create") : t("coop.save")}
              </button>
            </p>
          </form>
          {id !== null ? (
            <form method="post" action={href(ctx, `/admin/${type}/${id}/delete`)} class="form panel" novalidate>
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <h2>{t("coop.delete_title")}</h2>
              {extra.deleteError ? (
                <p class="field-error" role="alert">
                  {extra.deleteError}
                </p>
              ) : null}
              <label class="check" for="confirm-delete">
                <input id="confirm-delete" type="checkbox" name="confirm" value="yes" /> {t("coop.delete_confirm")}
              </label>
              <p>
                <button type="submit" class="button button-danger">
                  {t("coop.delete")}
                </button>
              </p>
            </form>
          ) : null}
        </AdminPage>,
        status,
      );
    };

    app.get(`/:locale/admin/${type}/new`, (c) =>
      formPage(
        c,
        null,
        type === "projects" ? { stage: "idea" } : type === "agreements" ? { kind: "memorandum", status: "signed" } : {},
        {},
      ),
    );
    app.get(`/:locale/admin/${type}/:id/edit`, async (c) => {
      const id = idOf(c.req.param("id"));
      return formPage(c, id, valuesOf(type, await getRecord(c, type, id)), {});
    });

    const save = (mode: "create" | "update") => async (c: Context<AppEnv>) => {
      const id = mode === "update" ? idOf(c.req.param("id")) : undefined;
      if (id !== undefined) await getRecord(c, type, id);
      const values = compact(def.specs, bodyValues(await c.req.parseBody({ all: true })));
      try {
        const saved = await saveRecord(c, type, inputOf(type, values), id);
        setFlash(c, "success", mode === "create" ? "coop.created" : "coop.saved", { id: saved.id });
        return c.redirect(`/${c.get("locale")}/admin/${type}/${saved.id}/edit`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
        return formPage(c, id ?? null, values, errorsOf(c.get("i18n"), error.details ?? {}), 422);
      }
    };
    app.post(`/:locale/admin/${type}/new`, save("create"));
    app.post(`/:locale/admin/${type}/:id/edit`, save("update"));

    app.post(`/:locale/admin/${type}/:id/delete`, async (c) => {
      const id = idOf(c.req.param("id"));
      const record = await getRecord(c, type, id);
      const body = bodyValues(await c.req.parseBody());
      const i18n = c.get("i18n");
      if (body.confirm !== "yes")
        return formPage(c, id, valuesOf(type, record), {}, 422, { deleteError: i18n.t("coop.delete_needs_confirm") });
      try {
        await c.get("services").cooperation.remove(actor(c), REMOVE_TYPE[type], id);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
        return formPage(c, id, valuesOf(type, record), {}, 422, {
          deleteError: i18n.tx(String(Object.values(error.details ?? {})[0] ?? "form.invalid")),
        });
      }
      setFlash(c, "success", "coop.deleted", { id });
      return c.redirect(`/${c.get("locale")}/admin/${type}`, 303);
    });

    if (type === "agreements") {
      app.post("/:locale/admin/agreements/:id/status", async (c) => {
        const id = idOf(c.req.param("id"));
        const body = bodyValues(await c.req.parseBody());
        const change = {
          to: body.to ?? "",
          on: typeof body.on === "string" && body.on.trim() ? body.on.trim() : null,
          reason: body.reason ?? "",
        };
        try {
          await c.get("services").cooperation.changeAgreementStatus(actor(c), id, change);
          setFlash(c, "success", "coop.status_changed");
          return c.redirect(`/${c.get("locale")}/admin/agreements/${id}/edit`, 303);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
          const record = await getRecord(c, "agreements", id);
          return formPage(c, id, valuesOf("agreements", record), {}, 422, {
            changeErrors: errorsOf(c.get("i18n"), error.details ?? {}),
            changeValues: body,
          });
        }
      });
    }
  }

  return app;
}
