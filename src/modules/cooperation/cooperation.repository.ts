import type { Insertable, Selectable } from "kysely";
import type { Executor } from "../../db/database.ts";
import { iso } from "../../lib/time.ts";
import type {
  AgreementsTable,
  DelegationsTable,
  IndicatorsTable,
  NameAliasesTable,
  OrganisationsTable,
  PeopleTable,
  ProjectsTable,
  TerritoryTiesTable,
} from "./cooperation.tables.ts";

/**
 * Every query of the cooperation registry. Reads come in batches by id (one statement per table
 * and page, whatever the list length: QUALITY P5); the service joins them in memory.
 */

export type OrganisationRow = Selectable<OrganisationsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type TieRow = Selectable<TerritoryTiesTable>;
export type AgreementRow = Selectable<AgreementsTable>;
export type DelegationRow = Selectable<DelegationsTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type IndicatorRow = Selectable<IndicatorsTable>;
export type AliasRow = Selectable<NameAliasesTable>;
export type EntityType = "organisation" | "person" | "territory";
export type HistoryEntity = "agreement" | "project";

const some = <T>(ids: readonly T[] | undefined) => ids === undefined || ids.length > 0;

// Territories (the territories module's reference table, read for names)

export function listTerritoryRows(db: Executor) {
  return db
    .selectFrom("territories")
    .select(["id", "slug", "kind", "country", "is_home", "parent_id", "name_kk", "name_ru", "name_zh", "name_en", "sort_order"])
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}
export type TerritoryRow = Awaited<ReturnType<typeof listTerritoryRows>>[number];

// Organisations and people

export async function listOrganisationRows(db: Executor, ids?: readonly number[]): Promise<OrganisationRow[]> {
  if (!some(ids)) return [];
  let q = db.selectFrom("organisations").selectAll();
  if (ids) q = q.where("id", "in", [...ids]);
  return q.orderBy("id").execute();
}

export async function listPersonRows(db: Executor, ids?: readonly number[]): Promise<PersonRow[]> {
  if (!some(ids)) return [];
  let q = db.selectFrom("people").selectAll();
  if (ids) q = q.where("id", "in", [...ids]);
  return q.orderBy("id").execute();
}

export async function listPositionRows(db: Executor, personIds?: readonly number[]) {
  if (!some(personIds)) return [];
  let q = db.selectFrom("person_positions").selectAll();
  if (personIds) q = q.where("person_id", "in", [...personIds]);
  return q.orderBy("person_id").orderBy("since").orderBy("id").execute();
}

export async function insertOrganisation(
  db: Executor,
  row: Omit<Insertable<OrganisationsTable>, "created_at" | "updated_at">,
): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("organisations")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateOrganisation(db: Executor, id: number, row: Partial<Insertable<OrganisationsTable>>): Promise<void> {
  await db
    .updateTable("organisations")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

export async function insertPerson(db: Executor, row: Omit<Insertable<PeopleTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("people")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updatePerson(db: Executor, id: number, row: Partial<Insertable<PeopleTable>>): Promise<void> {
  await db
    .updateTable("people")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

export async function replacePositions(
  db: Executor,
  personId: number,
  rows: {
    organisation_id: number | null;
    title: string;
    since: string | null;
    until: string | null;
    confidence: string;
    sources: string;
  }[],
): Promise<void> {
  await db.deleteFrom("person_positions").where("person_id", "=", personId).execute();
  if (rows.length > 0)
    await db
      .insertInto("person_positions")
      .values(rows.map((r) => ({ ...r, person_id: personId })))
      .execute();
}

// Aliases

export async function replaceAliases(
  db: Executor,
  entityType: EntityType,
  entityId: number,
  rows: { alias: string; script: string; kind: string; search_key: string }[],
): Promise<void> {
  await db.deleteFrom("name_aliases").where("entity_type", "=", entityType).where("entity_id", "=", entityId).execute();
  if (rows.length > 0)
    await db
      .insertInto("name_aliases")
      .values(rows.map((r) => ({ ...r, entity_type: entityType, entity_id: entityId })))
      .execute();
}

export async function listAliasRows(db: Executor, entityType: EntityType, entityIds?: readonly number[]): Promise<AliasRow[]> {
  if (!some(entityIds)) return [];
  let q = db.selectFrom("name_aliases").selectAll().where("entity_type", "=", entityType);
  if (entityIds) q = q.where("entity_id", "in", [...entityIds]);
  return q.orderBy("entity_id").orderBy("id").execute();
}

// Ties

export async function listTieRows(db: Executor, filter: { ids?: number[]; partnerIds?: number[] } = {}): Promise<TieRow[]> {
  if (!some(filter.ids) || !some(filter.partnerIds)) return [];
  let q = db.selectFrom("territory_ties").selectAll();
  if (filter.ids) q = q.where("id", "in", filter.ids);
  if (filter.partnerIds) q = q.where("partner_territory_id", "in", filter.partnerIds);
  return q.orderBy("since").orderBy("id").execute();
}

export async function insertTie(db: Executor, row: Omit<Insertable<TerritoryTiesTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("territory_ties")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateTie(db: Executor, id: number, row: Partial<Insertable<TerritoryTiesTable>>): Promise<void> {
  await db
    .updateTable("territory_ties")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

// Agreements

export async function listAgreementRows(db: Executor, ids?: readonly number[]): Promise<AgreementRow[]> {
  if (!some(ids)) return [];
  let q = db.selectFrom("agreements").selectAll();
  if (ids) q = q.where("id", "in", [...ids]);
  return q.orderBy("signed_on").orderBy("id").execute();
}

export async function listAgreementRowsByDelegation(db: Executor, delegationIds: readonly number[]): Promise<AgreementRow[]> {
  if (delegationIds.length === 0) return [];
  return db
    .selectFrom("agreements")
    .selectAll()
    .where("delegation_id", "in", [...delegationIds])
    .orderBy("id")
    .execute();
}

export async function listPartyRows(db: Executor, agreementIds?: readonly number[]) {
  if (!some(agreementIds)) return [];
  let q = db.selectFrom("agreement_parties").selectAll();
  if (agreementIds) q = q.where("agreement_id", "in", [...agreementIds]);
  return q.orderBy("agreement_id").orderBy("sort_order").orderBy("id").execute();
}

/** Parties with their organisation's territory, for attributing agreements to partners in one statement. */
export function listPartyTerritoryRows(db: Executor) {
  return db
    .selectFrom("agreement_parties as ap")
    .innerJoin("organisations as o", "o.id", "ap.organisation_id")
    .select(["ap.agreement_id", "ap.organisation_id", "o.territory_id"])
    .orderBy("ap.agreement_id")
    .execute();
}

/** Projects with their investor's territory. */
export function listProjectRowsWithInvestorTerritory(db: Executor) {
  return db
    .selectFrom("projects as p")
    .leftJoin("organisations as o", "o.id", "p.investor_organisation_id")
    .selectAll("p")
    .select("o.territory_id as investor_territory_id")
    .orderBy("p.id")
    .execute();
}

/** Aliases matching a key, with the name of the organisation or person they belong to. */
export function findAliasesWithNames(db: Executor, key: string, limit: number) {
  const pattern = `%${key.replace(/[%_\\]/g, "")}%`;
  return db
    .selectFrom("name_aliases as a")
    .leftJoin("organisations as o", (j) => j.onRef("o.id", "=", "a.entity_id").on("a.entity_type", "=", "organisation"))
    .leftJoin("people as p", (j) => j.onRef("p.id", "=", "a.entity_id").on("a.entity_type", "=", "person"))
    .select(["a.entity_type", "a.entity_id", "a.alias", "a.search_key", "o.name as organisation_name", "p.name as person_name"])
    .where("a.search_key", "like", pattern)
    .orderBy("a.id")
    .limit(limit)
    .execute();
}

export async function insertAgreement(db: Executor, row: Omit<Insertable<AgreementsTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("agreements")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateAgreement(db: Executor, id: number, row: Partial<Insertable<AgreementsTable>>): Promise<void> {
  await db
    .updateTable("agreements")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

export async function replaceParties(
  db: Executor,
  agreementId: number,
  rows: { organisation_id: number; signatory_person_id: number | null; signatory_note: string | null }[],
): Promise<void> {
  await db.deleteFrom("agreement_parties").where("agreement_id", "=", agreementId).execute();
  if (rows.length > 0)
    await db
      .insertInto("agreement_parties")
      .values(rows.map((r, i) => ({ ...r, agreement_id: agreementId, sort_order: i })))
      .execute();
}

// Projects and their links to agreements

export async function listProjectRows(db: Executor, ids?: readonly number[]): Promise<ProjectRow[]> {
  if (!some(ids)) return [];
  let q = db.selectFrom("projects").selectAll();
  if (ids) q = q.where("id", "in", [...ids]);
  return q.orderBy("id").execute();
}

export async function listProjectAgreementRows(
  db: Executor,
  filter: { projectIds?: readonly number[]; agreementIds?: readonly number[] } = {},
) {
  if (!some(filter.projectIds) || !some(filter.agreementIds)) return [];
  let q = db.selectFrom("project_agreements").selectAll();
  if (filter.projectIds) q = q.where("project_id", "in", [...filter.projectIds]);
  if (filter.agreementIds) q = q.where("agreement_id", "in", [...filter.agreementIds]);
  return q.orderBy("project_id").orderBy("agreement_id").execute();
}

/** Links with the other side's row, in one statement: the projects of agreements, or the agreements of projects. */
export async function listProjectsOfAgreements(db: Executor, agreementIds: readonly number[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom("project_agreements as pa")
    .innerJoin("projects as p", "p.id", "pa.project_id")
    .select(["pa.agreement_id", "p.id", "p.title", "p.stage"])
    .where("pa.agreement_id", "in", [...agreementIds])
    .orderBy("p.id")
    .execute();
}

export async function listAgreementsOfProjects(db: Executor, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom("project_agreements as pa")
    .innerJoin("agreements as a", "a.id", "pa.agreement_id")
    .select(["pa.project_id", "a.id", "a.kind", "a.title", "a.status", "a.signed_on"])
    .where("pa.project_id", "in", [...projectIds])
    .orderBy("a.signed_on")
    .orderBy("a.id")
    .execute();
}

export async function listParticipantRows(db: Executor, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom("project_organisations")
    .selectAll()
    .where("project_id", "in", [...projectIds])
    .orderBy("project_id")
    .orderBy("id")
    .execute();
}

export async function insertProject(db: Executor, row: Omit<Insertable<ProjectsTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("projects")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateProject(db: Executor, id: number, row: Partial<Insertable<ProjectsTable>>): Promise<void> {
  await db
    .updateTable("projects")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

export async function replaceProjectAgreements(
  db: Executor,
  by: { projectId: number } | { agreementId: number },
  otherIds: readonly number[],
) {
  const unique = [...new Set(otherIds)];
  if ("projectId" in by) {
    await db.deleteFrom("project_agreements").where("project_id", "=", by.projectId).execute();
    if (unique.length > 0)
      await db
        .insertInto("project_agreements")
        .values(unique.map((agreement_id) => ({ project_id: by.projectId, agreement_id })))
        .execute();
  } else {
    await db.deleteFrom("project_agreements").where("agreement_id", "=", by.agreementId).execute();
    if (unique.length > 0)
      await db
        .insertInto("project_agreements")
        .values(unique.map((project_id) => ({ project_id, agreement_id: by.agreementId })))
        .execute();
  }
}

export async function replaceParticipants(db: Executor, projectId: number, rows: { organisation_id: number; role: string }[]) {
  await db.deleteFrom("project_organisations").where("project_id", "=", projectId).execute();
  if (rows.length > 0)
    await db
      .insertInto("project_organisations")
      .values(rows.map((r) => ({ ...r, project_id: projectId })))
      .execute();
}

// History of statuses and stages

export async function insertHistory(
  db: Executor,
  row: {
    entity: HistoryEntity;
    id: number;
    from: string | null;
    to: string;
    on: string | null;
    reason: string;
    actorUserId: number | null;
  },
): Promise<void> {
  await db
    .insertInto("registry_history")
    .values({
      entity_type: row.entity,
      entity_id: row.id,
      from_value: row.from,
      to_value: row.to,
      effective_on: row.on,
      reason: row.reason,
      actor_user_id: row.actorUserId,
      recorded_at: iso(),
    })
    .execute();
}

export async function listHistoryRows(db: Executor, entity: HistoryEntity, ids?: readonly number[]) {
  if (!some(ids)) return [];
  let q = db
    .selectFrom("registry_history as h")
    .leftJoin("users as u", "u.id", "h.actor_user_id")
    .select(["h.entity_id", "h.from_value", "h.to_value", "h.effective_on", "h.reason", "h.recorded_at", "u.display_name as actor"])
    .where("h.entity_type", "=", entity);
  if (ids) q = q.where("h.entity_id", "in", [...ids]);
  return q.orderBy("h.entity_id").orderBy("h.id").execute();
}

// Delegations

export async function listDelegationRows(db: Executor, ids?: readonly number[]): Promise<DelegationRow[]> {
  if (!some(ids)) return [];
  let q = db.selectFrom("delegations").selectAll();
  if (ids) q = q.where("id", "in", [...ids]);
  return q.orderBy("starts_on").orderBy("id").execute();
}

export async function listMemberRows(db: Executor, delegationIds: readonly number[]) {
  if (delegationIds.length === 0) return [];
  return db
    .selectFrom("delegation_members")
    .selectAll()
    .where("delegation_id", "in", [...delegationIds])
    .orderBy("id")
    .execute();
}

export async function listMeetingRows(db: Executor, delegationIds: readonly number[]) {
  if (delegationIds.length === 0) return [];
  return db
    .selectFrom("delegation_meetings")
    .selectAll()
    .where("delegation_id", "in", [...delegationIds])
    .orderBy("met_on")
    .orderBy("id")
    .execute();
}

export async function listVisitRows(db: Executor, delegationIds: readonly number[]) {
  if (delegationIds.length === 0) return [];
  return db
    .selectFrom("delegation_visits")
    .selectAll()
    .where("delegation_id", "in", [...delegationIds])
    .orderBy("id")
    .execute();
}

export async function listFollowUpRows(
  db: Executor,
  filter: { delegationIds?: readonly number[]; dueBy?: string; openOnly?: boolean; ids?: number[] },
) {
  if (!some(filter.delegationIds) || !some(filter.ids)) return [];
  let q = db.selectFrom("follow_up_actions").selectAll();
  if (filter.delegationIds) q = q.where("delegation_id", "in", [...filter.delegationIds]);
  if (filter.ids) q = q.where("id", "in", filter.ids);
  if (filter.openOnly) q = q.where("done", "=", 0);
  if (filter.dueBy) q = q.where("due_on", "<=", filter.dueBy);
  return q.orderBy("due_on").orderBy("id").execute();
}

export async function insertDelegation(
  db: Executor,
  row: Omit<Insertable<DelegationsTable>, "created_at" | "updated_at">,
): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("delegations")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateDelegation(db: Executor, id: number, row: Partial<Insertable<DelegationsTable>>): Promise<void> {
  await db
    .updateTable("delegations")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

/** Replaces members, meetings, visits and follow-up actions of a delegation. */
export async function replaceDelegationParts(
  db: Executor,
  delegationId: number,
  parts: {
    members: { person_id: number | null; organisation_id: number | null; note: string | null }[];
    meetings: { met_on: string | null; person_id: number | null; organisation_id: number | null; summary: string | null }[];
    visits: { organisation_id: number | null; description: string | null; sector: string | null }[];
    followUps: {
      description: string;
      owner_person_id: number | null;
      owner_organisation_id: number | null;
      owner_note: string | null;
      due_on: string;
      done: number;
      done_on: string | null;
    }[];
  },
): Promise<void> {
  const now = iso();
  for (const table of ["delegation_members", "delegation_meetings", "delegation_visits", "follow_up_actions"] as const)
    await db.deleteFrom(table).where("delegation_id", "=", delegationId).execute();
  const withId = <T>(rows: T[]) => rows.map((r) => ({ ...r, delegation_id: delegationId }));
  if (parts.members.length > 0) await db.insertInto("delegation_members").values(withId(parts.members)).execute();
  if (parts.meetings.length > 0) await db.insertInto("delegation_meetings").values(withId(parts.meetings)).execute();
  if (parts.visits.length > 0) await db.insertInto("delegation_visits").values(withId(parts.visits)).execute();
  if (parts.followUps.length > 0)
    await db
      .insertInto("follow_up_actions")
      .values(withId(parts.followUps).map((f) => ({ ...f, created_at: now, updated_at: now })))
      .execute();
}

export async function setFollowUpDone(db: Executor, id: number, done: boolean, on: string | null): Promise<number> {
  const result = await db
    .updateTable("follow_up_actions")
    .set({ done: done ? 1 : 0, done_on: done ? on : null, updated_at: iso() })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// Indicators

export async function listIndicatorRows(db: Executor, ids?: readonly number[]): Promise<IndicatorRow[]> {
  if (!some(ids)) return [];
  let q = db.selectFrom("indicators").selectAll();
  if (ids) q = q.where("id", "in", [...ids]);
  return q.orderBy("code").orderBy("period").orderBy("basis").orderBy("id").execute();
}

export async function listIndicatorTerritoryRows(db: Executor, indicatorIds?: readonly number[]) {
  if (!some(indicatorIds)) return [];
  let q = db.selectFrom("indicator_territories").selectAll();
  if (indicatorIds) q = q.where("indicator_id", "in", [...indicatorIds]);
  return q.execute();
}

export async function insertIndicator(db: Executor, row: Omit<Insertable<IndicatorsTable>, "created_at" | "updated_at">): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("indicators")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateIndicator(db: Executor, id: number, row: Partial<Insertable<IndicatorsTable>>): Promise<void> {
  await db
    .updateTable("indicators")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

export async function replaceIndicatorTerritories(db: Executor, indicatorId: number, territoryIds: readonly number[]): Promise<void> {
  await db.deleteFrom("indicator_territories").where("indicator_id", "=", indicatorId).execute();
  const unique = [...new Set(territoryIds)];
  if (unique.length > 0)
    await db
      .insertInto("indicator_territories")
      .values(unique.map((territory_id) => ({ indicator_id: indicatorId, territory_id })))
      .execute();
}

// Deletes

export type RegistryTable = "organisations" | "people" | "territory_ties" | "agreements" | "delegations" | "projects" | "indicators";

export async function deleteRow(db: Executor, table: RegistryTable, id: number): Promise<number> {
  const result = await db.deleteFrom(table).where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteHistory(db: Executor, entity: HistoryEntity, id: number): Promise<void> {
  await db.deleteFrom("registry_history").where("entity_type", "=", entity).where("entity_id", "=", id).execute();
}

/** How many records point at an organisation or a person; a referenced one cannot be deleted. */
export async function countReferences(db: Executor, entity: "organisation" | "person", id: number): Promise<number> {
  if (entity === "organisation") {
    const rows = await Promise.all([
      db.selectFrom("agreement_parties").select("id").where("organisation_id", "=", id).limit(1).execute(),
      db.selectFrom("projects").select("id").where("investor_organisation_id", "=", id).limit(1).execute(),
      db.selectFrom("project_organisations").select("id").where("organisation_id", "=", id).limit(1).execute(),
      db.selectFrom("person_positions").select("id").where("organisation_id", "=", id).limit(1).execute(),
    ]);
    return rows.reduce((s, r) => s + r.length, 0);
  }
  const rows = await Promise.all([
    db.selectFrom("agreement_parties").select("id").where("signatory_person_id", "=", id).limit(1).execute(),
    db.selectFrom("delegation_members").select("id").where("person_id", "=", id).limit(1).execute(),
  ]);
  return rows.reduce((s, r) => s + r.length, 0);
}

export async function existingIds(
  db: Executor,
  table: "organisations" | "people" | "agreements" | "projects" | "delegations",
  ids: readonly number[],
) {
  if (ids.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom(table)
    .select("id")
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
