import {
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  type Indicator,
  PROJECT_STAGES,
  type ProjectStage,
  type TerritoryRef,
} from "./cooperation.schemas.ts";

/**
 * Figures derived from the registry (docs/decisions/010). A pure function of the records, so a
 * test can compute the same numbers by hand on a small data set.
 *
 * Conversion, per partner territory P: the agreements with a party whose organisation is in P;
 * how many of them are followed by at least one project that is not cancelled; those projects
 * (distinct); their capital (KZT and USD where known, with the count of projects whose capital is
 * unknown) and their jobs (planned, created).
 */

export interface StatsInput {
  territories: { id: number; isHome: boolean; ref: TerritoryRef }[];
  projects: {
    id: number;
    stage: ProjectStage;
    investorCountry: string | null;
    territoryId: number | null;
    capitalKzt: number | null;
    capitalUsd: number | null;
    jobsPlanned: number | null;
    jobsCreated: number | null;
  }[];
  agreements: { id: number; kind: AgreementKind; status: AgreementStatus }[];
  parties: { agreementId: number; organisationId: number }[];
  organisations: { id: number; territoryId: number | null }[];
  links: { projectId: number; agreementId: number }[];
  indicators: Indicator[];
}

export interface Totals {
  projects: number;
  capitalKzt: number;
  capitalUsd: number;
  unknownCapital: number;
  jobsPlanned: number;
  jobsCreated: number;
}

export interface ConversionRow extends Totals {
  partner: TerritoryRef;
  agreements: number;
  memoranda: number;
  agreementsWithProjects: number;
}

export interface RegistryStatistics {
  projectsByStage: { stage: ProjectStage; count: number }[];
  agreementsByStatus: { status: AgreementStatus; count: number }[];
  byCountry: ({ country: string | null } & Totals)[];
  byTerritory: ({ territory: TerritoryRef | null } & Totals)[];
  conversion: ConversionRow[];
  indicators: Indicator[];
}

function totals(projects: StatsInput["projects"]): Totals {
  const sum = (pick: (p: StatsInput["projects"][number]) => number | null) => projects.reduce((s, p) => s + (pick(p) ?? 0), 0);
  return {
    projects: projects.length,
    capitalKzt: sum((p) => p.capitalKzt),
    capitalUsd: sum((p) => p.capitalUsd),
    unknownCapital: projects.filter((p) => p.capitalKzt === null && p.capitalUsd === null).length,
    jobsPlanned: sum((p) => p.jobsPlanned),
    jobsCreated: sum((p) => p.jobsCreated),
  };
}

function groupBy<K, T>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

export function computeStatistics(input: StatsInput): RegistryStatistics {
  const live = input.projects.filter((p) => p.stage !== "cancelled");
  const territory = new Map(input.territories.map((t) => [t.id, t]));
  const orgTerritory = new Map(input.organisations.map((o) => [o.id, o.territoryId]));

  const byCountry = [...groupBy(live, (p) => p.investorCountry)].map(([country, list]) => ({ country, ...totals(list) }));
  byCountry.sort((a, b) => b.capitalKzt - a.capitalKzt || b.projects - a.projects);
  const byTerritory = [...groupBy(live, (p) => p.territoryId)].map(([id, list]) => ({
    territory: id === null ? null : (territory.get(id)?.ref ?? null),
    ...totals(list),
  }));
  byTerritory.sort((a, b) => b.capitalKzt - a.capitalKzt || b.projects - a.projects);

  const liveIds = new Set(live.map((p) => p.id));
  const conversion: ConversionRow[] = [];
  for (const t of input.territories.filter((x) => !x.isHome)) {
    const agreementIds = new Set(input.parties.filter((p) => orgTerritory.get(p.organisationId) === t.id).map((p) => p.agreementId));
    const agreements = input.agreements.filter((a) => agreementIds.has(a.id));
    if (agreements.length === 0) continue;
    const links = input.links.filter((l) => agreementIds.has(l.agreementId) && liveIds.has(l.projectId));
    const projectIds = new Set(links.map((l) => l.projectId));
    conversion.push({
      partner: t.ref,
      agreements: agreements.length,
      memoranda: agreements.filter((a) => a.kind === "memorandum").length,
      agreementsWithProjects: new Set(links.map((l) => l.agreementId)).size,
      ...totals(live.filter((p) => projectIds.has(p.id))),
    });
  }

  return {
    projectsByStage: PROJECT_STAGES.map((stage) => ({ stage, count: input.projects.filter((p) => p.stage === stage).length })),
    agreementsByStatus: AGREEMENT_STATUSES.map((status) => ({ status, count: input.agreements.filter((a) => a.status === status).length })),
    byCountry,
    byTerritory,
    conversion,
    indicators: input.indicators,
  };
}

/** The data sets the statistics page draws, each downloadable as CSV beside its chart. */
export const DATASETS = [
  "projects-by-stage",
  "agreements-by-status",
  "capital-by-country",
  "capital-by-territory",
  "conversion",
  "indicators",
] as const;
export type Dataset = (typeof DATASETS)[number];
