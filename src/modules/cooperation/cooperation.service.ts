import type { z } from "zod";
import type { Config } from "../../config/config.ts";
import type { Db, Executor } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";
import { toDate } from "../../lib/time.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import { SitesService } from "../sites/sites.service.ts";
import { scriptOf, searchKey } from "./cooperation.names.ts";
import { canEditRegistry } from "./cooperation.policy.ts";
import * as repo from "./cooperation.repository.ts";
import {
  AGREEMENT_STATUSES,
  type Agreement,
  type AgreementData,
  AgreementInput,
  type AgreementRef,
  type Alias,
  ChangeInput,
  type Delegation,
  type DelegationData,
  DelegationInput,
  type FollowUp,
  type HistoryEntry,
  type Indicator,
  type IndicatorData,
  IndicatorInput,
  type LocalText,
  type OptionalText,
  type Organisation,
  type OrganisationData,
  OrganisationInput,
  type OrganisationRef,
  type Person,
  type PersonData,
  PersonInput,
  type PersonRef,
  PIPELINE,
  PROJECT_STAGES,
  type Project,
  type ProjectData,
  ProjectInput,
  type ProjectRef,
  type ProjectStage,
  projectCrossChecks,
  type SearchHit,
  type TerritoryRef,
  type Tie,
  type TieData,
  TieInput,
} from "./cooperation.schemas.ts";
import { computeStatistics, type RegistryStatistics } from "./cooperation.stats.ts";

type LocalTextStored = { kk: string; ru: string; zh: string | null; en: string };

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};
const local = (json: string): LocalText => {
  const t = parseJson<LocalTextStored>(json, { kk: "", ru: "", zh: null, en: "" });
  return { kk: t.kk, kkLatn: toKazakhLatin(t.kk), ru: t.ru, zh: t.zh ?? null, en: t.en };
};
const optional = (json: string | null): OptionalText | null => {
  const t = parseJson<Partial<OptionalText> | null>(json, null);
  if (!t) return null;
  return { kk: t.kk ?? null, ru: t.ru ?? null, zh: t.zh ?? null, en: t.en ?? null };
};
const storeOptional = (t: { kk: string | null; ru: string | null; zh: string | null; en: string | null } | null) =>
  t && (t.kk || t.ru || t.zh || t.en) ? JSON.stringify(t) : null;
const isoOf = (v: string | Date) => toDate(v).toISOString();

/** A system actor for the demo seed and reference loads: writes with no user behind them. */
export const SYSTEM_ACTOR: Actor = { id: 0, role: "admin", organisationId: null };

/** Everything that points at other records, resolved once per page. */
interface Lookups {
  territories: Map<number, repo.TerritoryRow>;
  territoryBySlug: Map<string, repo.TerritoryRow>;
  orgs: Map<number, repo.OrganisationRow>;
  people: Map<number, repo.PersonRow>;
}

export interface PartnerOverview {
  territory: TerritoryRef;
  parent: TerritoryRef | null;
  ties: Tie[];
  agreements: AgreementRef[];
  projects: (ProjectRef & { capitalKzt: number | null; capitalUsd: number | null; jobsPlanned: number | null })[];
  delegations: { id: number; title: LocalText; startsOn: string | null; endsOn: string | null; direction: "outbound" | "inbound" }[];
}

export interface FollowUpDue extends FollowUp {
  delegation: { id: number; title: LocalText };
  overdue: boolean;
}

export class CooperationService {
  private readonly sites: SitesService;

  constructor(
    protected readonly db: Db,
    protected readonly config: Config,
  ) {
    // The catalogue is reached only through its service (zones and plots a project stands on).
    this.sites = new SitesService(db, { staleDays: config.sitesStaleDays });
  }

  // Presenting

  private territoryRef(row: repo.TerritoryRow | undefined): TerritoryRef | null {
    if (!row) return null;
    return {
      slug: row.slug,
      country: row.country,
      name: { kk: row.name_kk, kkLatn: toKazakhLatin(row.name_kk), ru: row.name_ru, zh: row.name_zh, en: row.name_en },
    };
  }

  private orgRef(row: repo.OrganisationRow | undefined): OrganisationRef | null {
    return row ? { id: row.id, kind: row.kind as OrganisationRef["kind"], name: local(row.name), nameOriginal: row.name_original } : null;
  }

  private personRef(row: repo.PersonRow | undefined): PersonRef | null {
    return row ? { id: row.id, name: local(row.name), nameOriginal: row.name_original } : null;
  }

  private async lookups(executor: Executor, need: { orgIds?: (number | null)[]; personIds?: (number | null)[] }): Promise<Lookups> {
    const ids = (list: (number | null)[] | undefined) => [...new Set((list ?? []).filter((v): v is number => v !== null))];
    const territories = await repo.listTerritoryRows(executor);
    const orgIds = ids(need.orgIds);
    const personIds = ids(need.personIds);
    const orgs = orgIds.length > 0 ? await repo.listOrganisationRows(executor, orgIds) : [];
    const people = personIds.length > 0 ? await repo.listPersonRows(executor, personIds) : [];
    return {
      territories: new Map(territories.map((t) => [t.id, t])),
      territoryBySlug: new Map(territories.map((t) => [t.slug, t])),
      orgs: new Map(orgs.map((o) => [o.id, o])),
      people: new Map(people.map((p) => [p.id, p])),
    };
  }

  private history(rows: Awaited<ReturnType<typeof repo.listHistoryRows>>, id: number): HistoryEntry[] {
    return rows
      .filter((h) => h.entity_id === id)
      .map((h) => ({
        from: h.from_value,
        to: h.to_value,
        on: h.effective_on,
        reason: h.reason,
        by: h.actor,
        recordedAt: isoOf(h.recorded_at),
      }));
  }

  private aliases(rows: repo.AliasRow[], id: number): Alias[] {
    return rows.filter((a) => a.entity_id === id).map((a) => ({ alias: a.alias, script: a.script, kind: a.kind as Alias["kind"] }));
  }

  private presentOrganisation(row: repo.OrganisationRow, l: Lookups, aliases: repo.AliasRow[]): Organisation {
    return {
      id: row.id,
      kind: row.kind as Organisation["kind"],
      name: local(row.name),
      nameOriginal: row.name_original,
      territory: row.territory_id ? this.territoryRef(l.territories.get(row.territory_id)) : null,
      country: row.country,
      sectors: parseJson(row.sectors, []),
      website: row.website,
      aliases: this.aliases(aliases, row.id),
      illustrative: row.is_illustrative === 1,
      confidence: row.confidence,
      sources: parseJson(row.sources, []),
      note: row.note,
    };
  }

  private presentTie(row: repo.TieRow, l: Lookups): Tie {
    return {
      id: row.id,
      territory: this.territoryRef(l.territories.get(row.territory_id)) as TerritoryRef,
      partner: this.territoryRef(l.territories.get(row.partner_territory_id)) as TerritoryRef,
      kind: row.kind as Tie["kind"],
      since: row.since,
      document: row.document_title || row.document_url ? { title: row.document_title, url: row.document_url } : null,
      agreementId: row.agreement_id,
      confidence: row.confidence,
      sources: parseJson(row.sources, []),
      note: row.note,
    };
  }

  private agreementRef(row: { id: number; kind: string; title: string; status: string; signed_on: string | null }): AgreementRef {
    return {
      id: row.id,
      kind: row.kind as AgreementRef["kind"],
      title: local(row.title),
      status: row.status as AgreementRef["status"],
      signedOn: row.signed_on,
    };
  }

  private projectRef(row: { id: number; title: string; stage: string }): ProjectRef {
    return { id: row.id, title: local(row.title), stage: row.stage as ProjectStage };
  }

  // Reading: organisations and people

  async listOrganisations(): Promise<Organisation[]> {
    const rows = await repo.listOrganisationRows(this.db);
    const l = await this.lookups(this.db, {});
    const aliases = await repo.listAliasRows(this.db, "organisation");
    return rows.map((r) => this.presentOrganisation(r, l, aliases));
  }

  async getOrganisation(id: number): Promise<Organisation> {
    const [row] = await repo.listOrganisationRows(this.db, [id]);
    if (!row) throw new AppError("not_found");
    const l = await this.lookups(this.db, {});
    return this.presentOrganisation(row, l, await repo.listAliasRows(this.db, "organisation", [id]));
  }

  private async presentPeople(rows: repo.PersonRow[]): Promise<Person[]> {
    const ids = rows.map((r) => r.id);
    const positions = await repo.listPositionRows(this.db, ids);
    const orgs = new Map(
      (
        await repo.listOrganisationRows(
          this.db,
          positions.map((p) => p.organisation_id).filter((v): v is number => v !== null),
        )
      ).map((o) => [o.id, o]),
    );
    const aliases = await repo.listAliasRows(this.db, "person", ids);
    return rows.map((r) => ({
      id: r.id,
      name: local(r.name),
      nameOriginal: r.name_original,
      positions: positions
        .filter((p) => p.person_id === r.id)
        .map((p) => ({
          organisation: p.organisation_id ? this.orgRef(orgs.get(p.organisation_id)) : null,
          title: local(p.title),
          since: p.since,
          until: p.until,
          confidence: p.confidence,
          sources: parseJson(p.sources, []),
        })),
      aliases: this.aliases(aliases, r.id),
      confidence: r.confidence,
      sources: parseJson(r.sources, []),
      note: r.note,
    }));
  }

  async listPeople(): Promise<Person[]> {
    return this.presentPeople(await repo.listPersonRows(this.db));
  }

  async getPerson(id: number): Promise<Person> {
    const rows = await repo.listPersonRows(this.db, [id]);
    if (rows.length === 0) throw new AppError("not_found");
    return (await this.presentPeople(rows))[0] as Person;
  }

  // Reading: ties, agreements, projects, delegations, indicators

  async listTies(): Promise<Tie[]> {
    const rows = await repo.listTieRows(this.db);
    const l = await this.lookups(this.db, {});
    return rows.map((r) => this.presentTie(r, l));
  }

  async getTie(id: number): Promise<Tie> {
    const [row] = await repo.listTieRows(this.db, { ids: [id] });
    if (!row) throw new AppError("not_found");
    return this.presentTie(row, await this.lookups(this.db, {}));
  }

  private async presentAgreements(rows: repo.AgreementRow[]): Promise<Agreement[]> {
    const ids = rows.map((r) => r.id);
    const parties = await repo.listPartyRows(this.db, ids);
    const l = await this.lookups(this.db, {
      orgIds: parties.map((p) => p.organisation_id),
      personIds: parties.map((p) => p.signatory_person_id),
    });
    const projects = await repo.listProjectsOfAgreements(this.db, ids);
    const history = await repo.listHistoryRows(this.db, "agreement", ids);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as Agreement["kind"],
      title: local(r.title),
      subject: optional(r.subject),
      signedOn: r.signed_on,
      place: r.place_territory_id ? this.territoryRef(l.territories.get(r.place_territory_id)) : null,
      placeNote: r.place_note,
      status: r.status as Agreement["status"],
      statusOn: r.status_on,
      parties: parties
        .filter((p) => p.agreement_id === r.id)
        .map((p) => {
          const org = l.orgs.get(p.organisation_id);
          return {
            organisation: {
              ...(this.orgRef(org) as OrganisationRef),
              territory: org?.territory_id ? this.territoryRef(l.territories.get(org.territory_id)) : null,
            },
            signatory: p.signatory_person_id ? this.personRef(l.people.get(p.signatory_person_id)) : null,
            signatoryNote: p.signatory_note,
          };
        }),
      documents: parseJson(r.documents, []),
      delegationId: r.delegation_id,
      projects: projects.filter((p) => p.agreement_id === r.id).map((p) => this.projectRef(p)),
      history: this.history(history, r.id),
      illustrative: r.is_illustrative === 1,
      confidence: r.confidence,
      sources: parseJson(r.sources, []),
      note: r.note,
    }));
  }

  async listAgreements(): Promise<Agreement[]> {
    return this.presentAgreements(await repo.listAgreementRows(this.db));
  }

  async getAgreement(id: number): Promise<Agreement> {
    const rows = await repo.listAgreementRows(this.db, [id]);
    if (rows.length === 0) throw new AppError("not_found");
    return (await this.presentAgreements(rows))[0] as Agreement;
  }

  private async presentProjects(rows: repo.ProjectRow[]): Promise<Project[]> {
    const ids = rows.map((r) => r.id);
    const participants = await repo.listParticipantRows(this.db, ids);
    const l = await this.lookups(this.db, {
      orgIds: [...rows.map((r) => r.investor_organisation_id), ...participants.map((p) => p.organisation_id)],
    });
    const agreements = await repo.listAgreementsOfProjects(this.db, ids);
    const history = await repo.listHistoryRows(this.db, "project", ids);
    return rows.map((r) => ({
      id: r.id,
      title: local(r.title),
      description: optional(r.description),
      investor: r.investor_organisation_id ? this.orgRef(l.orgs.get(r.investor_organisation_id)) : null,
      investorCountry: r.investor_country,
      sector: r.sector,
      territory: r.territory_id ? this.territoryRef(l.territories.get(r.territory_id)) : null,
      site: r.site_kind ? { kind: r.site_kind as "zone", ref: r.site_ref, text: r.site_text } : null,
      capital:
        r.capital_amount !== null && r.capital_currency
          ? {
              amount: r.capital_amount,
              currency: r.capital_currency as "KZT",
              kzt: r.capital_kzt,
              usd: r.capital_usd,
              kztPerUsd: r.fx_kzt_per_usd,
              rateOn: r.fx_on,
              note: r.fx_note,
            }
          : null,
      jobsPlanned: r.jobs_planned,
      jobsCreated: r.jobs_created,
      stage: r.stage as ProjectStage,
      stageOn: r.stage_on,
      agreements: agreements.filter((a) => a.project_id === r.id).map((a) => this.agreementRef(a)),
      participants: participants
        .filter((p) => p.project_id === r.id)
        .map((p) => ({ organisation: this.orgRef(l.orgs.get(p.organisation_id)) as OrganisationRef, role: p.role as "investor" })),
      history: this.history(history, r.id),
      illustrative: r.is_illustrative === 1,
      confidence: r.confidence,
      sources: parseJson(r.sources, []),
      note: r.note,
    }));
  }

  async listProjects(): Promise<Project[]> {
    return this.presentProjects(await repo.listProjectRows(this.db));
  }

  async getProject(id: number): Promise<Project> {
    const rows = await repo.listProjectRows(this.db, [id]);
    if (rows.length === 0) throw new AppError("not_found");
    return (await this.presentProjects(rows))[0] as Project;
  }

  /** The catalogue record a project stands on, for a link with its name (null when free text or gone). */
  async projectSite(project: Project): Promise<{ kind: "zone" | "plot"; ref: string; name: LocalText | null } | null> {
    if (!project.site || project.site.kind === "text" || !project.site.ref) return null;
    const ref = project.site.ref;
    try {
      if (project.site.kind === "zone") {
        const zones = await this.sites.listZones();
        const zone = zones.find((z) => z.slug === ref);
        return zone ? { kind: "zone", ref, name: zone.name } : null;
      }
      const { plot } = await this.sites.getPlot(ref);
      return { kind: "plot", ref: plot.code, name: plot.zone?.name ?? null };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    }
  }

  private async presentDelegations(rows: repo.DelegationRow[]): Promise<Delegation[]> {
    const ids = rows.map((r) => r.id);
    const members = await repo.listMemberRows(this.db, ids);
    const meetings = await repo.listMeetingRows(this.db, ids);
    const visits = await repo.listVisitRows(this.db, ids);
    const followUps = await repo.listFollowUpRows(this.db, { delegationIds: ids });
    const agreements = await repo.listAgreementRowsByDelegation(this.db, ids);
    const l = await this.lookups(this.db, {
      orgIds: [
        ...members.map((m) => m.organisation_id),
        ...meetings.map((m) => m.organisation_id),
        ...visits.map((v) => v.organisation_id),
        ...followUps.map((f) => f.owner_organisation_id),
      ],
      personIds: [
        ...rows.map((r) => r.head_person_id),
        ...members.map((m) => m.person_id),
        ...meetings.map((m) => m.person_id),
        ...followUps.map((f) => f.owner_person_id),
      ],
    });
    const org = (id: number | null) => (id ? this.orgRef(l.orgs.get(id)) : null);
    const person = (id: number | null) => (id ? this.personRef(l.people.get(id)) : null);
    return rows.map((r) => ({
      id: r.id,
      title: local(r.title),
      from: this.territoryRef(l.territories.get(r.from_territory_id)) as TerritoryRef,
      to: this.territoryRef(l.territories.get(r.to_territory_id)) as TerritoryRef,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      head: person(r.head_person_id),
      headNote: r.head_note,
      purpose: optional(r.purpose),
      members: members
        .filter((m) => m.delegation_id === r.id)
        .map((m) => ({ person: person(m.person_id), organisation: org(m.organisation_id), note: m.note })),
      meetings: meetings
        .filter((m) => m.delegation_id === r.id)
        .map((m) => ({ on: m.met_on, person: person(m.person_id), organisation: org(m.organisation_id), summary: optional(m.summary) })),
      visits: visits
        .filter((v) => v.delegation_id === r.id)
        .map((v) => ({ organisation: org(v.organisation_id), description: optional(v.description), sector: v.sector })),
      agreements: agreements.filter((a) => a.delegation_id === r.id).map((a) => this.agreementRef(a)),
      followUps: followUps.filter((f) => f.delegation_id === r.id).map((f) => this.presentFollowUp(f, l)),
      illustrative: r.is_illustrative === 1,
      confidence: r.confidence,
      sources: parseJson(r.sources, []),
      note: r.note,
    }));
  }

  private presentFollowUp(f: Awaited<ReturnType<typeof repo.listFollowUpRows>>[number], l: Lookups): FollowUp {
    return {
      id: f.id,
      delegationId: f.delegation_id,
      description: f.description,
      owner: {
        person: f.owner_person_id ? this.personRef(l.people.get(f.owner_person_id)) : null,
        organisation: f.owner_organisation_id ? this.orgRef(l.orgs.get(f.owner_organisation_id)) : null,
        note: f.owner_note,
      },
      dueOn: f.due_on,
      done: f.done === 1,
      doneOn: f.done_on,
    };
  }

  async listDelegations(): Promise<Delegation[]> {
    return this.presentDelegations(await repo.listDelegationRows(this.db));
  }

  async getDelegation(id: number): Promise<Delegation> {
    const rows = await repo.listDelegationRows(this.db, [id]);
    if (rows.length === 0) throw new AppError("not_found");
    return (await this.presentDelegations(rows))[0] as Delegation;
  }

  async listIndicators(): Promise<Indicator[]> {
    const rows = await repo.listIndicatorRows(this.db);
    const links = await repo.listIndicatorTerritoryRows(this.db);
    const l = await this.lookups(this.db, {});
    return rows.map((r) => this.presentIndicator(r, links, l));
  }

  async getIndicator(id: number): Promise<Indicator> {
    const [row] = await repo.listIndicatorRows(this.db, [id]);
    if (!row) throw new AppError("not_found");
    return this.presentIndicator(row, await repo.listIndicatorTerritoryRows(this.db, [id]), await this.lookups(this.db, {}));
  }

  private presentIndicator(r: repo.IndicatorRow, links: { indicator_id: number; territory_id: number }[], l: Lookups): Indicator {
    return {
      id: r.id,
      code: r.code,
      name: local(r.name),
      unit: r.unit as Indicator["unit"],
      period: r.period,
      value: r.value,
      country: r.country,
      partnerCountry: r.partner_country,
      territories: links
        .filter((x) => x.indicator_id === r.id)
        .map((x) => this.territoryRef(l.territories.get(x.territory_id)))
        .filter((t): t is TerritoryRef => t !== null),
      basis: r.basis as Indicator["basis"],
      basisNote: r.basis_note,
      asOf: r.as_of,
      confidence: r.confidence,
      sources: parseJson(r.sources, []),
      note: r.note,
    };
  }

  // Partners: every partner territory with what links it to the oblast

  /** The partner territories of the records: a fixed number of statements, whatever the registry's size. */
  async partners(onlySlug?: string): Promise<PartnerOverview[]> {
    const territories = await repo.listTerritoryRows(this.db);
    const byId = new Map(territories.map((t) => [t.id, t]));
    const partnerRows = territories.filter((t) => t.is_home === 0 && (!onlySlug || t.slug === onlySlug));
    if (onlySlug && partnerRows.length === 0) throw new AppError("territory_not_found");
    const ties = await repo.listTieRows(this.db);
    const agreements = await repo.listAgreementRows(this.db);
    const parties = await repo.listPartyTerritoryRows(this.db);
    const projects = await repo.listProjectRowsWithInvestorTerritory(this.db);
    const links = await repo.listProjectAgreementRows(this.db);
    const delegations = await repo.listDelegationRows(this.db);
    const l: Lookups = { territories: byId, territoryBySlug: new Map(), orgs: new Map(), people: new Map() };
    const partnersOfAgreement = new Map<number, Set<number>>();
    for (const p of parties) {
      if (p.territory_id && byId.get(p.territory_id)?.is_home === 0) {
        const set = partnersOfAgreement.get(p.agreement_id) ?? new Set<number>();
        set.add(p.territory_id);
        partnersOfAgreement.set(p.agreement_id, set);
      }
    }
    return partnerRows.map((t) => {
      const agreementIds = new Set(agreements.filter((a) => partnersOfAgreement.get(a.id)?.has(t.id)).map((a) => a.id));
      const projectIds = new Set(links.filter((x) => agreementIds.has(x.agreement_id)).map((x) => x.project_id));
      for (const p of projects) if (p.investor_territory_id === t.id) projectIds.add(p.id);
      return {
        territory: this.territoryRef(t) as TerritoryRef,
        parent: t.parent_id ? this.territoryRef(byId.get(t.parent_id)) : null,
        ties: ties.filter((x) => x.partner_territory_id === t.id).map((x) => this.presentTie(x, l)),
        agreements: agreements.filter((a) => agreementIds.has(a.id)).map((a) => this.agreementRef(a)),
        projects: projects
          .filter((p) => projectIds.has(p.id))
          .map((p) => ({ ...this.projectRef(p), capitalKzt: p.capital_kzt, capitalUsd: p.capital_usd, jobsPlanned: p.jobs_planned })),
        delegations: delegations
          .filter((d) => d.to_territory_id === t.id || d.from_territory_id === t.id)
          .map((d) => ({
            id: d.id,
            title: local(d.title),
            startsOn: d.starts_on,
            endsOn: d.ends_on,
            direction: d.to_territory_id === t.id ? ("outbound" as const) : ("inbound" as const),
          })),
      };
    });
  }

  async partner(slug: string): Promise<PartnerOverview> {
    const [one] = await this.partners(slug);
    if (!one) throw new AppError("territory_not_found");
    return one;
  }

  // Statistics derived from the registry, and the indicators

  async statistics(): Promise<RegistryStatistics> {
    const territories = await repo.listTerritoryRows(this.db);
    const projects = await repo.listProjectRows(this.db);
    const agreements = await repo.listAgreementRows(this.db);
    const parties = await repo.listPartyRows(this.db);
    const orgs = await repo.listOrganisationRows(this.db);
    const links = await repo.listProjectAgreementRows(this.db);
    const indicatorRows = await repo.listIndicatorRows(this.db);
    const indicatorLinks = await repo.listIndicatorTerritoryRows(this.db);
    const l: Lookups = {
      territories: new Map(territories.map((t) => [t.id, t])),
      territoryBySlug: new Map(),
      orgs: new Map(),
      people: new Map(),
    };
    return computeStatistics({
      territories: territories.map((t) => ({ id: t.id, isHome: t.is_home === 1, ref: this.territoryRef(t) as TerritoryRef })),
      projects: projects.map((p) => ({
        id: p.id,
        stage: p.stage as ProjectStage,
        investorCountry: p.investor_country,
        territoryId: p.territory_id,
        capitalKzt: p.capital_kzt,
        capitalUsd: p.capital_usd,
        jobsPlanned: p.jobs_planned,
        jobsCreated: p.jobs_created,
      })),
      agreements: agreements.map((a) => ({ id: a.id, kind: a.kind as AgreementRef["kind"], status: a.status as AgreementRef["status"] })),
      parties: parties.map((p) => ({ agreementId: p.agreement_id, organisationId: p.organisation_id })),
      organisations: orgs.map((o) => ({ id: o.id, territoryId: o.territory_id })),
      links: links.map((x) => ({ projectId: x.project_id, agreementId: x.agreement_id })),
      indicators: indicatorRows.map((r) => this.presentIndicator(r, indicatorLinks, l)),
    });
  }

  // Search across scripts

  /** Organisations, people and territories whose name or alias contains the query, in any script. */
  async search(query: string, limit = 30): Promise<SearchHit[]> {
    const key = searchKey(query.slice(0, 200));
    if (key.length < 2) return [];
    const matches = await repo.findAliasesWithNames(this.db, key, limit * 4);
    const territories = await repo.listTerritoryRows(this.db);
    // A territory's own names are matched here; its extra spellings are stored aliases.
    const territoryMatches = new Map<number, string>();
    for (const t of territories) {
      const names = [t.name_kk, t.name_ru, t.name_zh, t.name_en].filter((n): n is string => !!n && searchKey(n).includes(key));
      const best = names.sort((a, b) => searchKey(a).length - searchKey(b).length)[0];
      if (best) territoryMatches.set(t.id, best);
    }
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    for (const m of matches) {
      if (m.entity_type === "territory" && !territoryMatches.has(m.entity_id)) territoryMatches.set(m.entity_id, m.alias);
    }
    for (const t of territories)
      if (territoryMatches.has(t.id))
        hits.push({
          type: "territory",
          id: t.id,
          slug: t.slug,
          name: (this.territoryRef(t) as TerritoryRef).name,
          matched: territoryMatches.get(t.id) ?? "",
        });
    for (const m of matches) {
      const id = `${m.entity_type}:${m.entity_id}`;
      if (seen.has(id)) continue;
      if (m.entity_type === "organisation" && m.organisation_name)
        hits.push({ type: "organisation", id: m.entity_id, slug: null, name: local(m.organisation_name), matched: m.alias });
      else if (m.entity_type === "person" && m.person_name)
        hits.push({ type: "person", id: m.entity_id, slug: null, name: local(m.person_name), matched: m.alias });
      else continue;
      seen.add(id);
    }
    return hits.slice(0, limit);
  }

  // Back office: follow-ups, the pipeline board, the export

  /** Open follow-up actions due by the end of the week that holds `today` (overdue ones included). */
  async followUpsDue(actor: Actor, today = new Date()): Promise<{ until: string; items: FollowUpDue[] }> {
    this.authorize(actor);
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    const untilDate = new Date(day.getTime() + ((7 - ((day.getUTCDay() + 6) % 7) - 1) % 7) * 86_400_000);
    const until = untilDate.toISOString().slice(0, 10);
    const todayIso = day.toISOString().slice(0, 10);
    const rows = await repo.listFollowUpRows(this.db, { openOnly: true, dueBy: until });
    const delegations = await repo.listDelegationRows(this.db, [...new Set(rows.map((r) => r.delegation_id))]);
    const l = await this.lookups(this.db, {
      orgIds: rows.map((r) => r.owner_organisation_id),
      personIds: rows.map((r) => r.owner_person_id),
    });
    const titles = new Map(delegations.map((d) => [d.id, local(d.title)]));
    return {
      until,
      items: rows.map((r) => ({
        ...this.presentFollowUp(r, l),
        delegation: { id: r.delegation_id, title: titles.get(r.delegation_id) as LocalText },
        overdue: r.due_on < todayIso,
      })),
    };
  }

  async setFollowUpDone(actor: Actor, id: number, done: boolean, on = new Date()): Promise<void> {
    this.authorize(actor);
    const changed = await repo.setFollowUpDone(this.db, id, done, on.toISOString().slice(0, 10));
    if (changed === 0) throw new AppError("not_found");
  }

  /** Projects by stage, in pipeline order, for the board. */
  async board(actor: Actor): Promise<{ stage: ProjectStage; projects: Project[] }[]> {
    this.authorize(actor);
    const projects = await this.listProjects();
    return PROJECT_STAGES.map((stage) => ({ stage, projects: projects.filter((p) => p.stage === stage) }));
  }

  /** Everything, for the registry export (staff). */
  async exportRegistry(actor: Actor) {
    this.authorize(actor);
    return {
      organisations: await this.listOrganisations(),
      people: await this.listPeople(),
      ties: await this.listTies(),
      agreements: await this.listAgreements(),
      delegations: await this.listDelegations(),
      projects: await this.listProjects(),
      indicators: await this.listIndicators(),
    };
  }

  // Writing

  private authorize(actor: Actor): void {
    if (!canEditRegistry(actor)) throw new AppError("forbidden");
  }

  /** Parses with the schema; every issue becomes field path → message key (first per field). */
  private validate<S extends z.ZodType>(schema: S, input: unknown, extra: { path: string[]; message: string }[] = []): z.output<S> {
    const parsed = schema.safeParse(input);
    if (parsed.success && extra.length === 0) return parsed.data;
    const issues = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))),
      ...extra,
    ];
    const details: Record<string, string> = {};
    for (const i of issues) details[i.path.join(".") || "_"] ??= i.message.includes(".") ? i.message : "form.invalid";
    throw new AppError("validation_failed", details);
  }

  /** Checks that referenced records exist; collects field → message like the schema does. */
  private async references(
    trx: Executor,
    checks: { field: string; table: "organisations" | "people" | "agreements" | "projects" | "delegations"; id: number | null }[],
  ): Promise<Record<string, string>> {
    const errors: Record<string, string> = {};
    const byTable = new Map<string, number[]>();
    for (const c of checks) if (c.id !== null) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.id]);
    const found = new Map<string, Set<number>>();
    for (const [table, ids] of byTable) found.set(table, await repo.existingIds(trx, table as "people", ids));
    for (const c of checks) if (c.id !== null && !found.get(c.table)?.has(c.id)) errors[c.field] ??= "coop.reference_unknown";
    return errors;
  }

  private territoryIdOf(l: Lookups, slug: string | null, field: string, errors: Record<string, string>): number | null {
    if (!slug) return null;
    const row = l.territoryBySlug.get(slug);
    if (!row) errors[field] = "coop.territory_unknown";
    return row?.id ?? null;
  }

  private fail(errors: Record<string, string>): void {
    if (Object.keys(errors).length > 0) throw new AppError("validation_failed", errors);
  }

  private aliasRows(names: (string | null)[], aliases: { alias: string; kind: string }[]) {
    const seen = new Set<string>();
    const rows: { alias: string; script: string; kind: string; search_key: string }[] = [];
    for (const [alias, kind] of [...names.map((n) => [n, "name"] as const), ...aliases.map((a) => [a.alias, a.kind] as const)]) {
      const text = alias?.trim();
      if (!text || seen.has(text)) continue;
      seen.add(text);
      const key = searchKey(text);
      if (key) rows.push({ alias: text, script: scriptOf(text), kind, search_key: key });
    }
    return rows;
  }

  private async existing(table: repo.RegistryTable, id: number): Promise<void> {
    const rows =
      table === "organisations"
        ? await repo.listOrganisationRows(this.db, [id])
        : table === "people"
          ? await repo.listPersonRows(this.db, [id])
          : table === "territory_ties"
            ? await repo.listTieRows(this.db, { ids: [id] })
            : table === "agreements"
              ? await repo.listAgreementRows(this.db, [id])
              : table === "delegations"
                ? await repo.listDelegationRows(this.db, [id])
                : table === "projects"
                  ? await repo.listProjectRows(this.db, [id])
                  : await repo.listIndicatorRows(this.db, [id]);
    if (rows.length === 0) throw new AppError("not_found");
  }

  async saveOrganisation(actor: Actor, input: unknown, id?: number): Promise<Organisation> {
    this.authorize(actor);
    if (id !== undefined) await this.existing("organisations", id);
    const data: OrganisationData = this.validate(OrganisationInput, input);
    const savedId = await this.db.transaction().execute(async (trx) => {
      const l = await this.lookups(trx, {});
      const errors: Record<string, string> = {};
      const territoryId = this.territoryIdOf(l, data.territorySlug, "territorySlug", errors);
      this.fail(errors);
      const row = {
        kind: data.kind,
        name: JSON.stringify(data.name),
        name_original: data.nameOriginal,
        territory_id: territoryId,
        country: data.country ?? (territoryId ? (l.territories.get(territoryId)?.country ?? null) : null),
        sectors: JSON.stringify(data.sectors),
        website: data.website,
        confidence: data.confidence,
        sources: JSON.stringify(data.sources),
        note: data.note,
        is_illustrative: data.illustrative ? 1 : 0,
      };
      const orgId = id ?? (await repo.insertOrganisation(trx, row));
      if (id !== undefined) await repo.updateOrganisation(trx, id, row);
      await repo.replaceAliases(
        trx,
        "organisation",
        orgId,
        this.aliasRows([data.name.kk, data.name.ru, data.name.zh, data.name.en, data.nameOriginal], data.aliases),
      );
      return orgId;
    });
    return this.getOrganisation(savedId);
  }

  async savePerson(actor: Actor, input: unknown, id?: number): Promise<Person> {
    this.authorize(actor);
    if (id !== undefined) await this.existing("people", id);
    const data: PersonData = this.validate(PersonInput, input);
    const savedId = await this.db.transaction().execute(async (trx) => {
      this.fail(
        await this.references(
          trx,
          data.positions.map((p, i) => ({ field: `positions.${i}.organisationId`, table: "organisations" as const, id: p.organisationId })),
        ),
      );
      const row = {
        name: JSON.stringify(data.name),
        name_original: data.nameOriginal,
        confidence: data.confidence,
        sources: JSON.stringify(data.sources),
        note: data.note,
      };
      const personId = id ?? (await repo.insertPerson(trx, row));
      if (id !== undefined) await repo.updatePerson(trx, id, row);
      await repo.replacePositions(
        trx,
        personId,
        data.positions.map((p) => ({
          organisation_id: p.organisationId,
          title: JSON.stringify(p.title),
          since: p.since,
          until: p.until,
          confidence: p.confidence,
          sources: JSON.stringify(p.sources),
        })),
      );
      await repo.replaceAliases(
        trx,
        "person",
        personId,
        this.aliasRows([data.name.kk, data.name.ru, data.name.zh, data.name.en, data.nameOriginal], data.aliases),
      );
      return personId;
    });
    return this.getPerson(savedId);
  }

  /** Extra names of a territory (variants, misspellings); its own names are searched as they are. */
  async setTerritoryAliases(actor: Actor, slug: string, aliases: { alias: string; kind: "alias" | "misspelling" }[]): Promise<void> {
    this.authorize(actor);
    const l = await this.lookups(this.db, {});
    const territory = l.territoryBySlug.get(slug);
    if (!territory) throw new AppError("territory_not_found");
    await repo.replaceAliases(this.db, "territory", territory.id, this.aliasRows([], aliases));
  }

  async saveTie(actor: Actor, input: unknown, id?: number): Promise<Tie> {
    this.authorize(actor);
    if (id !== undefined) await this.existing("territory_ties", id);
    const data: TieData = this.validate(TieInput, input);
    const savedId = await this.db.transaction().execute(async (trx) => {
      const l = await this.lookups(trx, {});
      const errors = await this.references(trx, [{ field: "agreementId", table: "agreements", id: data.agreementId }]);
      const territoryId = this.territoryIdOf(l, data.territorySlug, "territorySlug", errors);
      const partnerId = this.territoryIdOf(l, data.partnerSlug, "partnerSlug", errors);
      if (territoryId !== null && territoryId === partnerId) errors.partnerSlug = "coop.tie_same_territory";
      this.fail(errors);
      const row = {
        territory_id: territoryId as number,
        partner_territory_id: partnerId as number,
        kind: data.kind,
        since: data.since,
        document_title: data.documentTitle,
        document_url: data.documentUrl,
        agreement_id: data.agreementId,
        confidence: data.confidence,
        sources: JSON.stringify(data.sources),
        note: data.note,
      };
      if (id !== undefined) {
        await repo.updateTie(trx, id, row);
        return id;
      }
      return repo.insertTie(trx, row);
    });
    return this.getTie(savedId);
  }

  async saveAgreement(actor: Actor, input: unknown, id?: number, options: { reason?: string } = {}): Promise<Agreement> {
    this.authorize(actor);
    if (id !== undefined) await this.existing("agreements", id);
    const raw = (input ?? {}) as Record<string, unknown>;
    const partyCount = Array.isArray(raw.parties) ? raw.parties.length : 0;
    const data: AgreementData = this.validate(
      AgreementInput,
      input,
      partyCount < 2 ? [{ path: ["parties"], message: "coop.parties_min_two" }] : [],
    );
    const savedId = await this.db.transaction().execute(async (trx) => {
      const l = await this.lookups(trx, {});
      const errors = await this.references(trx, [
        ...data.parties.flatMap((p, i) => [
          { field: `parties.${i}.organisationId`, table: "organisations" as const, id: p.organisationId },
          { field: `parties.${i}.signatoryPersonId`, table: "people" as const, id: p.signatoryPersonId },
        ]),
        { field: "delegationId", table: "delegations", id: data.delegationId },
        ...data.projectIds.map((p, i) => ({ field: `projectIds.${i}`, table: "projects" as const, id: p })),
      ]);
      const orgIds = data.parties.map((p) => p.organisationId);
      if (new Set(orgIds).size < orgIds.length) errors.parties ??= "coop.parties_distinct";
      const placeId = this.territoryIdOf(l, data.placeSlug, "placeSlug", errors);
      this.fail(errors);
      const row = {
        kind: data.kind,
        title: JSON.stringify(data.title),
        subject: storeOptional(data.subject),
        signed_on: data.signedOn,
        place_territory_id: placeId,
        place_note: data.placeNote,
        status: data.status,
        status_on: data.statusOn,
        documents: JSON.stringify(data.documents),
        delegation_id: data.delegationId,
        confidence: data.confidence,
        sources: JSON.stringify(data.sources),
        note: data.note,
        is_illustrative: data.illustrative ? 1 : 0,
      };
      let agreementId: number;
      if (id === undefined) {
        agreementId = await repo.insertAgreement(trx, row);
        await repo.insertHistory(trx, {
          entity: "agreement",
          id: agreementId,
          from: null,
          to: data.status,
          on: data.statusOn ?? data.signedOn,
          reason: options.reason ?? "created",
          actorUserId: actor.id || null,
        });
      } else {
        agreementId = id;
        const [before] = await repo.listAgreementRows(trx, [id]);
        await repo.updateAgreement(trx, id, row);
        if (before && before.status !== data.status)
          await repo.insertHistory(trx, {
            entity: "agreement",
            id,
            from: before.status,
            to: data.status,
            on: data.statusOn,
            reason: options.reason ?? "updated",
            actorUserId: actor.id || null,
          });
      }
      await repo.replaceParties(
        trx,
        agreementId,
        data.parties.map((p) => ({
          organisation_id: p.organisationId,
          signatory_person_id: p.signatoryPersonId,
          signatory_note: p.signatoryNote,
        })),
      );
      await repo.replaceProjectAgreements(trx, { agreementId }, data.projectIds);
      return agreementId;
    });
    return this.getAgreement(savedId);
  }

  /** A status change of an agreement with its date and reason, kept as history. */
  async changeAgreementStatus(actor: Actor, id: number, change: unknown): Promise<Agreement> {
    this.authorize(actor);
    const data = this.validate(ChangeInput, change);
    if (!(AGREEMENT_STATUSES as readonly string[]).includes(data.to)) throw new AppError("validation_failed", { to: "form.choose_one" });
    await this.db.transaction().execute(async (trx) => {
      const [row] = await repo.listAgreementRows(trx, [id]);
      if (!row) throw new AppError("not_found");
      if (row.status === data.to) throw new AppError("validation_failed", { to: "coop.same_value" });
      await repo.updateAgreement(trx, id, { status: data.to, status_on: data.on });
      await repo.insertHistory(trx, {
        entity: "agreement",
        id,
        from: row.status,
        to: data.to,
        on: data.on,
        reason: data.reason,
        actorUserId: actor.id || null,
      });
    });
    return this.getAgreement(id);
  }

  async saveDelegation(actor: Actor, input: unknown, id?: number): Promise<Delegation> {
    this.authorize(actor);
    if (id !== undefined) await this.existing("delegations", id);
    const data: DelegationData = this.validate(DelegationInput, input);
    const savedId = await this.db.transaction().execute(async (trx) => {
      const l = await this.lookups(trx, {});
      const errors = await this.references(trx, [
        { field: "headPersonId", table: "people", id: data.headPersonId },
        ...data.members.flatMap((m, i) => [
          { field: `members.${i}.personId`, table: "people" as const, id: m.personId },
          { field: `members.${i}.organisationId`, table: "organisations" as const, id: m.organisationId },
        ]),
        ...data.meetings.flatMap((m, i) => [
          { field: `meetings.${i}.personId`, table: "people" as const, id: m.personId },
          { field: `meetings.${i}.organisationId`, table: "organisations" as const, id: m.organisationId },
        ]),
        ...data.visits.map((v, i) => ({ field: `visits.${i}.organisationId`, table: "organisations" as const, id: v.organisationId })),
        ...data.followUps.flatMap((f, i) => [
          { field: `followUps.${i}.ownerPersonId`, table: "people" as const, id: f.ownerPersonId },
          { field: `followUps.${i}.ownerOrganisationId`, table: "organisations" as const, id: f.ownerOrganisationId },
        ]),
      ]);
      const fromId = this.territoryIdOf(l, data.fromSlug, "fromSlug", errors);
      const toId = this.territoryIdOf(l, data.toSlug, "toSlug", errors);
      if (fromId !== null && fromId === toId) errors.toSlug = "coop.tie_same_territory";
      if (data.startsOn && data.endsOn && data.endsOn < data.startsOn) errors.endsOn = "coop.ends_before_start";
      data.visits.forEach((v, i) => {
        if (v.organisationId === null && !storeOptional(v.description))
          errors[`visits.${i}.description`] ??= "coop.visit_needs_description";
      });
      this.fail(errors);
      const row = {
        title: JSON.stringify(data.title),
        from_territory_id: fromId as number,
        to_territory_id: toId as number,
        starts_on: data.startsOn,
        ends_on: data.endsOn,
        head_person_id: data.headPersonId,
        head_note: data.headNote,
        purpose: storeOptional(data.purpose),
        confidence: data.confidence,
        sources: JSON.stringify(data.sources),
        note: data.note,
        is_illustrative: data.illustrative ? 1 : 0,
      };
      const delegationId = id ?? (await repo.insertDelegation(trx, row));
      if (id !== undefined) await repo.updateDelegation(trx, id, row);
      await repo.replaceDelegationParts(trx, delegationId, {
        members: data.members.map((m) => ({ person_id: m.personId, organisation_id: m.organisationId, note: m.note })),
        meetings: data.meetings.map((m) => ({
          met_on: m.on,
          person_id: m.personId,
          organisation_id: m.organisationId,
          summary: storeOptional(m.summary),
        })),
        visits: data.visits.map((v) => ({
          organisation_id: v.organisationId,
          description: storeOptional(v.description),
          sector: v.sector,
        })),
        followUps: data.followUps.map((f) => ({
          description: f.description,
          owner_person_id: f.ownerPersonId,
          owner_organisation_id: f.ownerOrganisationId,
          owner_note: f.ownerNote,
          due_on: f.dueOn,
          done: f.done ? 1 : 0,
          done_on: f.done ? f.doneOn : null,
        })),
      });
      return delegationId;
    });
    return this.getDelegation(savedId);
  }

  /** Capital in KZT and USD: a figure the source states is kept; the other is converted at the stated rate. */
  private capital(data: ProjectData) {
    if (data.capitalAmount === null || data.capitalCurrency === null)
      return {
        capital_amount: null,
        capital_currency: null,
        capital_kzt: null,
        capital_usd: null,
        fx_kzt_per_usd: null,
        fx_on: null,
        fx_note: data.fxNote,
      };
    const rate = data.fxKztPerUsd;
    let kzt = data.capitalCurrency === "KZT" ? data.capitalAmount : data.capitalKzt;
    let usd = data.capitalCurrency === "USD" ? data.capitalAmount : data.capitalUsd;
    if (rate !== null) {
      if (kzt === null && usd !== null) kzt = usd * rate;
      if (usd === null && kzt !== null) usd = kzt / rate;
    }
    return {
      capital_amount: data.capitalAmount,
      capital_currency: data.capitalCurrency,
      capital_kzt: kzt === null ? null : Math.round(kzt),
      capital_usd: usd === null ? null : Math.round(usd),
      fx_kzt_per_usd: rate,
      fx_on: rate === null ? null : data.fxOn,
      fx_note: data.fxNote,
    };
  }

  /** A zone or plot a project names must exist in the catalogue. */
  private async siteIssues(kind: unknown, ref: unknown): Promise<{ path: string[]; message: string }[]> {
    if (typeof ref !== "string" || !ref.trim() || ref.length > 100) return [];
    if (kind === "zone" && !(await this.sites.zoneIdOf(ref.trim()))) return [{ path: ["siteRef"], message: "coop.zone_unknown" }];
    if (kind === "plot") {
      try {
        await this.sites.getPlot(ref.trim());
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 404) throw error;
        return [{ path: ["siteRef"], message: "coop.plot_unknown" }];
      }
    }
    return [];
  }

  async saveProject(actor: Actor, input: unknown, id?: number, options: { reason?: string } = {}): Promise<Project> {
    this.authorize(actor);
    if (id !== undefined) await this.existing("projects", id);
    const raw = (input ?? {}) as Record<string, unknown>;
    // The catalogue is checked through its service, before the write transaction (SQLite has one writer),
    // and together with the schema, so a form shows every problem at once.
    const data: ProjectData = this.validate(ProjectInput, input, [
      ...projectCrossChecks(raw),
      ...(await this.siteIssues(raw.siteKind, raw.siteRef)),
    ]);
    const errors = await this.references(this.db, [
      { field: "investorOrganisationId", table: "organisations", id: data.investorOrganisationId },
      ...data.agreementIds.map((a, i) => ({ field: `agreementIds.${i}`, table: "agreements" as const, id: a })),
      ...data.participants.map((p, i) => ({
        field: `participants.${i}.organisationId`,
        table: "organisations" as const,
        id: p.organisationId,
      })),
    ]);
    const savedId = await this.db.transaction().execute(async (trx) => {
      const l = await this.lookups(trx, {});
      const territoryId = this.territoryIdOf(l, data.territorySlug, "territorySlug", errors);
      this.fail(errors);
      const row = {
        title: JSON.stringify(data.title),
        description: storeOptional(data.description),
        investor_organisation_id: data.investorOrganisationId,
        investor_country: data.investorCountry,
        sector: data.sector,
        territory_id: territoryId,
        site_kind: data.siteKind,
        site_ref: data.siteKind === "zone" || data.siteKind === "plot" ? data.siteRef : null,
        site_text: data.siteText,
        ...this.capital(data),
        jobs_planned: data.jobsPlanned,
        jobs_created: data.jobsCreated,
        stage: data.stage,
        stage_on: data.stageOn,
        confidence: data.confidence,
        sources: JSON.stringify(data.sources),
        note: data.note,
        is_illustrative: data.illustrative ? 1 : 0,
      };
      let projectId: number;
      if (id === undefined) {
        projectId = await repo.insertProject(trx, row);
        await repo.insertHistory(trx, {
          entity: "project",
          id: projectId,
          from: null,
          to: data.stage,
          on: data.stageOn,
          reason: options.reason ?? "created",
          actorUserId: actor.id || null,
        });
      } else {
        projectId = id;
        const [before] = await repo.listProjectRows(trx, [id]);
        await repo.updateProject(trx, id, row);
        if (before && before.stage !== data.stage)
          await repo.insertHistory(trx, {
            entity: "project",
            id,
            from: before.stage,
            to: data.stage,
            on: data.stageOn,
            reason: options.reason ?? "updated",
            actorUserId: actor.id || null,
          });
      }
      await repo.replaceProjectAgreements(trx, { projectId }, data.agreementIds);
      await repo.replaceParticipants(
        trx,
        projectId,
        data.participants.map((p) => ({ organisation_id: p.organisationId, role: p.role })),
      );
      return projectId;
    });
    return this.getProject(savedId);
  }

  /** Moves a project to another stage (the board's cards): the date it happened and why, kept as history. */
  async moveProject(actor: Actor, id: number, change: unknown): Promise<Project> {
    this.authorize(actor);
    const data = this.validate(ChangeInput, change);
    if (!(PROJECT_STAGES as readonly string[]).includes(data.to)) throw new AppError("validation_failed", { to: "form.choose_one" });
    await this.db.transaction().execute(async (trx) => {
      const [row] = await repo.listProjectRows(trx, [id]);
      if (!row) throw new AppError("not_found");
      if (row.stage === data.to) throw new AppError("validation_failed", { to: "coop.same_value" });
      await repo.updateProject(trx, id, { stage: data.to, stage_on: data.on });
      await repo.insertHistory(trx, {
        entity: "project",
        id,
        from: row.stage,
        to: data.to,
        on: data.on,
        reason: data.reason,
        actorUserId: actor.id || null,
      });
    });
    return this.getProject(id);
  }

  async saveIndicator(actor: Actor, input: unknown, id?: number): Promise<Indicator> {
    this.authorize(actor);
    if (id !== undefined) await this.existing("indicators", id);
    const data: IndicatorData = this.validate(IndicatorInput, input);
    const savedId = await this.db.transaction().execute(async (trx) => {
      const l = await this.lookups(trx, {});
      const errors: Record<string, string> = {};
      const territoryIds = data.territorySlugs.map((s, i) => this.territoryIdOf(l, s, `territorySlugs.${i}`, errors));
      this.fail(errors);
      const row = {
        code: data.code,
        name: JSON.stringify(data.name),
        unit: data.unit,
        period: data.period,
        value: data.value,
        country: data.country,
        partner_country: data.partnerCountry,
        basis: data.basis,
        basis_note: data.basisNote,
        as_of: data.asOf,
        confidence: data.confidence,
        sources: JSON.stringify(data.sources),
        note: data.note,
      };
      const indicatorId = id ?? (await repo.insertIndicator(trx, row));
      if (id !== undefined) await repo.updateIndicator(trx, id, row);
      await repo.replaceIndicatorTerritories(
        trx,
        indicatorId,
        territoryIds.filter((t): t is number => t !== null),
      );
      return indicatorId;
    });
    return this.getIndicator(savedId);
  }

  /** Deletes a record; an organisation or person still referenced elsewhere is refused with a message. */
  async remove(
    actor: Actor,
    type: "organisation" | "person" | "tie" | "agreement" | "delegation" | "project" | "indicator",
    id: number,
  ): Promise<void> {
    this.authorize(actor);
    const table: repo.RegistryTable = (
      {
        organisation: "organisations",
        person: "people",
        tie: "territory_ties",
        agreement: "agreements",
        delegation: "delegations",
        project: "projects",
        indicator: "indicators",
      } as const
    )[type];
    await this.db.transaction().execute(async (trx) => {
      if ((type === "organisation" || type === "person") && (await repo.countReferences(trx, type, id)) > 0)
        throw new AppError("validation_failed", { _: "coop.still_referenced" });
      if (type === "organisation" || type === "person") await repo.replaceAliases(trx, type, id, []);
      if (type === "agreement" || type === "project") await repo.deleteHistory(trx, type, id);
      if ((await repo.deleteRow(trx, table, id)) === 0) throw new AppError("not_found");
    });
  }

  /** The stages a card can move to from here: the neighbours in the pipeline, and cancelled. */
  static nextStages(stage: ProjectStage): { previous: ProjectStage | null; next: ProjectStage | null } {
    if (stage === "cancelled") return { previous: null, next: "idea" };
    const i = PIPELINE.indexOf(stage);
    return { previous: i > 0 ? (PIPELINE[i - 1] ?? null) : null, next: PIPELINE[i + 1] ?? null };
  }
}
