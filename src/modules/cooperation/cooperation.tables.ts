import type { Generated } from "kysely";

type Timestamp = string | Date;

/**
 * Tables of the cooperation registry (migration 0003). Texts in several languages are JSON
 * `{kk, ru, zh, en}`; lists of sources are JSON string arrays; dates that may be known only to the
 * month or year ("August 2025") are text `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
export interface OrganisationsTable {
  id: Generated<number>;
  kind: string;
  /** JSON LocalText */
  name: string;
  name_original: string | null;
  territory_id: number | null;
  country: string | null;
  /** JSON: NACE Rev. 2 codes */
  sectors: string;
  website: string | null;
  confidence: string;
  /** JSON: string[] */
  sources: string;
  note: string | null;
  is_illustrative: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  name_original: string | null;
  confidence: string;
  sources: string;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonPositionsTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number | null;
  /** JSON LocalText */
  title: string;
  since: string | null;
  until: string | null;
  confidence: string;
  sources: string;
}

/** Every name of an organisation, person or territory, in every script, with its ASCII search key. */
export interface NameAliasesTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  alias: string;
  script: string;
  /** name (one of the record's own names), alias, or misspelling */
  kind: string;
  search_key: string;
}

export interface TerritoryTiesTable {
  id: Generated<number>;
  territory_id: number;
  partner_territory_id: number;
  kind: string;
  since: string | null;
  document_title: string | null;
  document_url: string | null;
  agreement_id: number | null;
  confidence: string;
  sources: string;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementsTable {
  id: Generated<number>;
  kind: string;
  title: string;
  /** JSON LocalText or null */
  subject: string | null;
  signed_on: string | null;
  place_territory_id: number | null;
  place_note: string | null;
  status: string;
  status_on: string | null;
  /** JSON: {title, url}[] */
  documents: string;
  delegation_id: number | null;
  confidence: string;
  sources: string;
  note: string | null;
  is_illustrative: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreementPartiesTable {
  id: Generated<number>;
  agreement_id: number;
  organisation_id: number;
  signatory_person_id: number | null;
  signatory_note: string | null;
  sort_order: number;
}

/** Dated history of agreement statuses and project stages. */
export interface RegistryHistoryTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  from_value: string | null;
  to_value: string;
  effective_on: string | null;
  reason: string;
  actor_user_id: number | null;
  recorded_at: Timestamp;
}

export interface DelegationsTable {
  id: Generated<number>;
  title: string;
  from_territory_id: number;
  to_territory_id: number;
  starts_on: string | null;
  ends_on: string | null;
  head_person_id: number | null;
  head_note: string | null;
  purpose: string | null;
  confidence: string;
  sources: string;
  note: string | null;
  is_illustrative: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DelegationMembersTable {
  id: Generated<number>;
  delegation_id: number;
  person_id: number | null;
  organisation_id: number | null;
  note: string | null;
}

export interface DelegationMeetingsTable {
  id: Generated<number>;
  delegation_id: number;
  met_on: string | null;
  person_id: number | null;
  organisation_id: number | null;
  /** JSON LocalText or null */
  summary: string | null;
}

export interface DelegationVisitsTable {
  id: Generated<number>;
  delegation_id: number;
  organisation_id: number | null;
  /** JSON LocalText: what kind of company, when its name is not known */
  description: string | null;
  sector: string | null;
}

export interface FollowUpActionsTable {
  id: Generated<number>;
  delegation_id: number;
  description: string;
  owner_person_id: number | null;
  owner_organisation_id: number | null;
  owner_note: string | null;
  due_on: string;
  done: number;
  done_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectsTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  investor_organisation_id: number | null;
  investor_country: string | null;
  sector: string | null;
  territory_id: number | null;
  site_kind: string | null;
  site_ref: string | null;
  site_text: string | null;
  capital_amount: number | null;
  capital_currency: string | null;
  capital_kzt: number | null;
  capital_usd: number | null;
  fx_kzt_per_usd: number | null;
  fx_on: string | null;
  fx_note: string | null;
  jobs_planned: number | null;
  jobs_created: number | null;
  stage: string;
  stage_on: string | null;
  confidence: string;
  sources: string;
  note: string | null;
  is_illustrative: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectAgreementsTable {
  project_id: number;
  agreement_id: number;
}

export interface ProjectOrganisationsTable {
  id: Generated<number>;
  project_id: number;
  organisation_id: number;
  role: string;
}

export interface IndicatorsTable {
  id: Generated<number>;
  /** Series key: figures of one code are comparable over periods and bases. */
  code: string;
  name: string;
  unit: string;
  period: string;
  value: number;
  country: string | null;
  partner_country: string | null;
  basis: string;
  basis_note: string | null;
  as_of: string | null;
  confidence: string;
  sources: string;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IndicatorTerritoriesTable {
  indicator_id: number;
  territory_id: number;
}

export interface CooperationTables {
  organisations: OrganisationsTable;
  people: PeopleTable;
  person_positions: PersonPositionsTable;
  name_aliases: NameAliasesTable;
  territory_ties: TerritoryTiesTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  registry_history: RegistryHistoryTable;
  delegations: DelegationsTable;
  delegation_members: DelegationMembersTable;
  delegation_meetings: DelegationMeetingsTable;
  delegation_visits: DelegationVisitsTable;
  follow_up_actions: FollowUpActionsTable;
  projects: ProjectsTable;
  project_agreements: ProjectAgreementsTable;
  project_organisations: ProjectOrganisationsTable;
  indicators: IndicatorsTable;
  indicator_territories: IndicatorTerritoriesTable;
}
