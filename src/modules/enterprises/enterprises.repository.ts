import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { Db, Executor } from "../../db/database.ts";
import { iso } from "../../lib/time.ts";
import type { NameAliasesTable, OrganisationsTable } from "../cooperation/cooperation.tables.ts";
import type {
  EnterpriseIntroductionsTable,
  EnterpriseNoticesTable,
  EnterpriseProfilesTable,
  EnterpriseRequestsTable,
} from "./enterprises.tables.ts";

/**
 * Every query of the enterprise directory. Names, territory and aliases are read from the
 * cooperation registry's `organisations` and `name_aliases` (the directory is a view of the same
 * organisations, not a copy). Lists read in batches by id: one statement per table and page.
 */

export type ProfileRow = Selectable<EnterpriseProfilesTable>;
export type RequestRow = Selectable<EnterpriseRequestsTable>;
export type IntroductionRow = Selectable<EnterpriseIntroductionsTable>;
export type NoticeRow = Selectable<EnterpriseNoticesTable>;

// Territories (reference table, read for names and the territory filter)

export function listTerritoryRows(db: Executor) {
  return db
    .selectFrom("territories")
    .select(["id", "slug", "country", "is_home", "parent_id", "name_kk", "name_ru", "name_zh", "name_en"])
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}
export type TerritoryRow = Awaited<ReturnType<typeof listTerritoryRows>>[number];

// Organisations with their profile

const ORG_COLUMNS = [
  "o.id",
  "o.kind",
  "o.name",
  "o.name_original",
  "o.territory_id",
  "o.country",
  "o.website",
  "o.confidence",
  "o.sources",
  "o.is_illustrative",
] as const;

/** Organisations by id with their profile (null columns when they have none) and the verifier's name. */
export async function listEnterpriseRows(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("organisations as o")
    .leftJoin("enterprise_profiles as p", "p.organisation_id", "o.id")
    .leftJoin("users as v", "v.id", "p.verified_by")
    .select(ORG_COLUMNS)
    .select([
      "p.organisation_id as profile_id",
      "p.side",
      "p.publication",
      "p.size_band",
      "p.year_founded",
      "p.description",
      "p.pending_description",
      "p.pending_at",
      "p.moderation_note",
      "p.products",
      "p.export_markets",
      "p.certifications",
      "p.logo_file",
      "p.contacts",
      "p.translations",
      "p.text_keys",
      "p.verified_at",
      "v.display_name as verified_by_name",
      "p.updated_at",
    ])
    .where("o.id", "in", [...new Set(ids)])
    .execute();
}
export type EnterpriseRow = Awaited<ReturnType<typeof listEnterpriseRows>>[number];

export interface DirectoryFilter {
  side?: string;
  territoryIds?: number[];
  /** exact NACE class */
  nace?: string;
  /** a group or division: classes starting with this */
  nacePrefix?: string;
  size?: string;
  lookingFor?: string;
  /** ASCII search key (cooperation.names searchKey) */
  searchKey?: string;
  /** YYYY-MM-DD: requests valid until before this day are expired */
  today: string;
  /** staff lists include drafts and hidden profiles */
  includeUnpublished?: boolean;
  limit: number;
  offset: number;
}

/** One page of the directory with the total in the same statement (a window count). */
export async function listDirectoryRows(db: Executor, f: DirectoryFilter) {
  let q = db
    .selectFrom("enterprise_profiles as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select(ORG_COLUMNS)
    .select([
      "p.side",
      "p.publication",
      "p.size_band",
      "p.logo_file",
      "p.verified_at",
      "p.pending_at",
      sql<number>`count(*) over ()`.as("total"),
    ]);
  if (!f.includeUnpublished) q = q.where("p.publication", "=", "published");
  if (f.side) q = q.where("p.side", "=", f.side);
  if (f.size) q = q.where("p.size_band", "=", f.size);
  if (f.territoryIds) q = q.where("o.territory_id", "in", f.territoryIds.length > 0 ? f.territoryIds : [-1]);
  if (f.nace) {
    const nace = f.nace;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("enterprise_sectors as s")
          .select(sql`1`.as("one"))
          .whereRef("s.organisation_id", "=", "p.organisation_id")
          .where("s.nace", "=", nace),
      ),
    );
  }
  if (f.nacePrefix) {
    const pattern = `${f.nacePrefix.replace(/[%_\\]/g, "")}%`;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("enterprise_sectors as s")
          .select(sql`1`.as("one"))
          .whereRef("s.organisation_id", "=", "p.organisation_id")
          .where("s.nace", "like", pattern),
      ),
    );
  }
  if (f.lookingFor) {
    const kind = f.lookingFor;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("enterprise_requests as r")
          .select(sql`1`.as("one"))
          .whereRef("r.organisation_id", "=", "p.organisation_id")
          .where("r.kind", "=", kind)
          .where("r.status", "=", "published")
          .where("r.valid_until", ">=", f.today),
      ),
    );
  }
  if (f.searchKey) {
    const pattern = `%${f.searchKey.replace(/[%_\\]/g, "")}%`;
    q = q.where("o.id", "in", (sub) =>
      sub
        .selectFrom("name_aliases as a")
        .select("a.entity_id")
        .where("a.entity_type", "=", "organisation")
        .where("a.search_key", "like", pattern),
    );
  }
  return q.orderBy("o.is_illustrative").orderBy("o.id").limit(f.limit).offset(f.offset).execute();
}
export type DirectoryRow = Awaited<ReturnType<typeof listDirectoryRows>>[number];

export async function listSectorRows(db: Executor, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("enterprise_sectors")
    .select(["organisation_id", "nace"])
    .where("organisation_id", "in", [...new Set(orgIds)])
    .orderBy("organisation_id")
    .orderBy("nace")
    .execute();
}

/** The kinds of published, unexpired requests per organisation. */
export async function listLookingForRows(db: Executor, orgIds: readonly number[], today: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("enterprise_requests")
    .select(["organisation_id", "kind"])
    .distinct()
    .where("organisation_id", "in", [...new Set(orgIds)])
    .where("status", "=", "published")
    .where("valid_until", ">=", today)
    .orderBy("organisation_id")
    .orderBy("kind")
    .execute();
}

export async function findProfile(db: Executor, orgId: number): Promise<ProfileRow | undefined> {
  return db.selectFrom("enterprise_profiles").selectAll().where("organisation_id", "=", orgId).executeTakeFirst();
}

export async function insertProfile(
  db: Executor,
  row: Omit<Insertable<EnterpriseProfilesTable>, "created_at" | "updated_at">,
): Promise<void> {
  const now = iso();
  await db
    .insertInto("enterprise_profiles")
    .values({ ...row, created_at: now, updated_at: now })
    .execute();
}

/** Whether a stored file name is some profile's logo (the enterprise_profiles_logo_idx index). */
export async function isLogo(db: Executor, storedName: string): Promise<boolean> {
  const row = await db.selectFrom("enterprise_profiles").select("organisation_id").where("logo_file", "=", storedName).executeTakeFirst();
  return row !== undefined;
}

export async function updateProfile(db: Executor, orgId: number, row: Updateable<EnterpriseProfilesTable>): Promise<number> {
  const result = await db
    .updateTable("enterprise_profiles")
    .set({ ...row, updated_at: iso() })
    .where("organisation_id", "=", orgId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function replaceSectors(db: Executor, orgId: number, side: string, classes: readonly string[]): Promise<void> {
  await db.deleteFrom("enterprise_sectors").where("organisation_id", "=", orgId).execute();
  if (classes.length > 0)
    await db
      .insertInto("enterprise_sectors")
      .values([...new Set(classes)].map((nace) => ({ organisation_id: orgId, nace, side })))
      .execute();
}

export async function setSectorSide(db: Executor, orgId: number, side: string): Promise<void> {
  await db.updateTable("enterprise_sectors").set({ side }).where("organisation_id", "=", orgId).execute();
  await db.updateTable("enterprise_request_sectors").set({ side }).where("organisation_id", "=", orgId).execute();
}

/** Puts a request's classes in the pre-filter while it is published; takes them out otherwise. */
export async function syncRequestSectors(db: Executor, requestId: number): Promise<void> {
  await db.deleteFrom("enterprise_request_sectors").where("request_id", "=", requestId).execute();
  const row = await db
    .selectFrom("enterprise_requests as r")
    .innerJoin("enterprise_profiles as p", "p.organisation_id", "r.organisation_id")
    .select(["r.organisation_id", "r.sectors", "r.status", "r.valid_until", "p.side"])
    .where("r.id", "=", requestId)
    .executeTakeFirst();
  if (row?.status !== "published") return;
  const classes = [...new Set(JSON.parse(row.sectors) as string[])];
  if (classes.length > 0)
    await db
      .insertInto("enterprise_request_sectors")
      .values(
        classes.map((nace) => ({
          request_id: requestId,
          organisation_id: row.organisation_id,
          nace,
          side: row.side,
          valid_until: row.valid_until,
        })),
      )
      .execute();
}

/** Organisations without a profile yet (the back office offers to create one), and every company. */
export function listOrganisationsWithoutProfile(db: Executor) {
  return db
    .selectFrom("organisations as o")
    .leftJoin("enterprise_profiles as p", "p.organisation_id", "o.id")
    .select(["o.id", "o.kind", "o.name", "o.name_original", "o.territory_id"])
    .where("p.organisation_id", "is", null)
    .orderBy("o.id")
    .execute();
}

// Requests

export interface RequestFilter {
  ids?: number[];
  orgIds?: number[];
  statuses?: string[];
  kind?: string;
  side?: string;
  nacePrefix?: string;
  /** only requests valid on this day or later */
  validFrom?: string;
  /** only published profiles' requests */
  publishedProfiles?: boolean;
  limit?: number;
  offset?: number;
}

export async function listRequestRows(db: Executor, f: RequestFilter) {
  if (f.ids?.length === 0 || f.orgIds?.length === 0 || f.statuses?.length === 0) return [];
  let q = db
    .selectFrom("enterprise_requests as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .leftJoin("enterprise_profiles as p", "p.organisation_id", "r.organisation_id")
    .selectAll("r")
    .select([
      "o.name as org_name",
      "o.name_original as org_name_original",
      "o.territory_id as org_territory_id",
      "o.is_illustrative",
      "p.side",
    ])
    .select(f.limit !== undefined ? sql<number>`count(*) over ()`.as("total") : sql<number>`0`.as("total"));
  if (f.ids) q = q.where("r.id", "in", [...new Set(f.ids)]);
  if (f.orgIds) q = q.where("r.organisation_id", "in", [...new Set(f.orgIds)]);
  if (f.statuses) q = q.where("r.status", "in", f.statuses);
  if (f.kind) q = q.where("r.kind", "=", f.kind);
  if (f.side) q = q.where("p.side", "=", f.side);
  if (f.validFrom) q = q.where("r.valid_until", ">=", f.validFrom);
  if (f.publishedProfiles) q = q.where("p.publication", "=", "published");
  if (f.nacePrefix) {
    // Classes are stored as a JSON array of strings: a class or a prefix of one sits right after a quote.
    q = q.where("r.sectors", "like", `%"${f.nacePrefix.replace(/[%_\\"]/g, "")}%`);
  }
  q = q.orderBy("r.valid_until", "desc").orderBy("r.id", "desc");
  if (f.limit !== undefined) q = q.limit(f.limit).offset(f.offset ?? 0);
  return q.execute();
}
export type RequestWithOrgRow = Awaited<ReturnType<typeof listRequestRows>>[number];

export async function findRequest(db: Executor, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom("enterprise_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertRequest(
  db: Executor,
  row: Omit<Insertable<EnterpriseRequestsTable>, "created_at" | "updated_at">,
): Promise<number> {
  const now = iso();
  return (
    await db
      .insertInto("enterprise_requests")
      .values({ ...row, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateRequest(db: Executor, id: number, row: Updateable<EnterpriseRequestsTable>): Promise<number> {
  const result = await db
    .updateTable("enterprise_requests")
    .set({ ...row, updated_at: iso() })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Marks published requests whose last day is before `today` expired, then claims the reminder of
 * every expired request not yet reminded. Each claim is an UPDATE … WHERE reminder_sent_at IS NULL
 * RETURNING: of two processes running at once, only one gets a row (one notice, ever).
 */
export async function expireRequests(db: Executor, today: string, at: string) {
  const expired = await db
    .updateTable("enterprise_requests")
    .set({ status: "expired", updated_at: at })
    .where("status", "=", "published")
    .where("valid_until", "<", today)
    .returning("id")
    .execute();
  const reminded = await db
    .updateTable("enterprise_requests")
    .set({ reminder_sent_at: at })
    .where("status", "=", "expired")
    .where("reminder_sent_at", "is", null)
    .returning(["id", "organisation_id", "title", "kind", "valid_until"])
    .execute();
  return { expired: expired.length, reminded };
}

// Moderation

export function listPendingProfiles(db: Executor) {
  return db
    .selectFrom("enterprise_profiles as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select(["p.organisation_id", "p.side", "p.description", "p.pending_description", "p.pending_at", "o.name", "o.name_original"])
    .where("p.pending_description", "is not", null)
    .orderBy("p.pending_at")
    .execute();
}

export function listPendingRequests(db: Executor) {
  return db
    .selectFrom("enterprise_requests as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .leftJoin("enterprise_profiles as p", "p.organisation_id", "r.organisation_id")
    .select([
      "r.id",
      "r.organisation_id",
      "r.kind",
      "r.status",
      "r.title",
      "r.description",
      "r.pending_text",
      "r.pending_at",
      "p.side",
      "o.name",
      "o.name_original",
    ])
    .where("r.pending_text", "is not", null)
    .where("r.status", "in", ["pending", "published"])
    .orderBy("r.pending_at")
    .execute();
}

// Introductions

export async function insertIntroduction(db: Executor, row: Omit<Insertable<EnterpriseIntroductionsTable>, "created_at">, at: string) {
  return (
    await db
      .insertInto("enterprise_introductions")
      .values({ ...row, created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export interface IntroductionFilter {
  ids?: number[];
  /** either side of the introduction */
  orgId?: number;
  statuses?: string[];
  limit?: number;
}

export async function listIntroductionRows(db: Executor, f: IntroductionFilter) {
  let q = db
    .selectFrom("enterprise_introductions as i")
    .innerJoin("organisations as fo", "fo.id", "i.from_organisation_id")
    .innerJoin("organisations as tor", "tor.id", "i.to_organisation_id")
    .leftJoin("enterprise_profiles as fp", "fp.organisation_id", "i.from_organisation_id")
    .leftJoin("enterprise_profiles as tp", "tp.organisation_id", "i.to_organisation_id")
    .leftJoin("users as ru", "ru.id", "i.requested_by")
    .leftJoin("users as du", "du.id", "i.decided_by")
    .selectAll("i")
    .select([
      "fo.name as from_name",
      "fo.name_original as from_name_original",
      "fp.side as from_side",
      "tor.name as to_name",
      "tor.name_original as to_name_original",
      "tp.side as to_side",
      "ru.display_name as requested_by_name",
      "du.display_name as decided_by_name",
    ]);
  if (f.ids) q = q.where("i.id", "in", f.ids.length > 0 ? f.ids : [-1]);
  if (f.orgId !== undefined) {
    const orgId = f.orgId;
    q = q.where((eb) => eb.or([eb("i.from_organisation_id", "=", orgId), eb("i.to_organisation_id", "=", orgId)]));
  }
  if (f.statuses) q = q.where("i.status", "in", f.statuses.length > 0 ? f.statuses : ["-"]);
  q = q.orderBy("i.created_at", "desc").orderBy("i.id", "desc");
  if (f.limit !== undefined) q = q.limit(f.limit);
  return q.execute();
}
export type IntroductionWithNamesRow = Awaited<ReturnType<typeof listIntroductionRows>>[number];

/** Decides an open introduction; 0 when it was no longer open (someone decided first). */
export async function decideIntroduction(
  db: Executor,
  id: number,
  change: { status: string; decided_by: number | null; reason: string | null; decided_at: string },
): Promise<number> {
  const result = await db
    .updateTable("enterprise_introductions")
    .set(change)
    .where("id", "=", id)
    .where("status", "=", "requested")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countStaleIntroductions(db: Executor, before: string): Promise<number> {
  const row = await db
    .selectFrom("enterprise_introductions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "requested")
    .where("created_at", "<", before)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Notices

export async function insertNotices(db: Executor, rows: Omit<Insertable<EnterpriseNoticesTable>, "id">[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("enterprise_notices").values(rows).execute();
}

export function listNoticeRows(db: Executor, orgId: number, limit: number) {
  return db
    .selectFrom("enterprise_notices")
    .selectAll()
    .where("organisation_id", "=", orgId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function markNoticesRead(db: Executor, orgId: number, at: string): Promise<void> {
  await db
    .updateTable("enterprise_notices")
    .set({ read_at: at })
    .where("organisation_id", "=", orgId)
    .where("read_at", "is", null)
    .execute();
}

// Matching

/** The directory's version stamp (migration 0010): partner matching's in-memory index is rebuilt when it moves. */
export async function enterpriseVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom("enterprise_version").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Profiles as partner matching's index holds them (what the rules read and what a result shows), a page at a time in id order. */
export function listIndexRows(db: Executor, afterId: number, limit: number) {
  return db
    .selectFrom("enterprise_profiles as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select(["p.organisation_id", "p.side", "p.publication", "p.match_data", "p.size_band", "p.verified_at", "p.logo_file"])
    .select(["o.name", "o.name_original", "o.territory_id", "o.is_illustrative"])
    .where("p.organisation_id", ">", afterId)
    .orderBy("p.organisation_id")
    .limit(limit)
    .execute();
}

/** What presenting a request reads of the request itself (enterprises.service presentRequest); its organisation comes beside it. */
export type PresentableRequestRow = Pick<
  RequestWithOrgRow,
  | "id"
  | "organisation_id"
  | "kind"
  | "sectors"
  | "products"
  | "quantity"
  | "unit"
  | "amount"
  | "currency"
  | "title"
  | "description"
  | "pending_text"
  | "pending_at"
  | "valid_until"
  | "status"
  | "moderation_note"
  | "created_at"
  | "updated_at"
>;

/** Requests by id with the columns a result presents, without joins: the index knows their enterprises. */
export async function listRequestRowsById(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("enterprise_requests")
    .select([
      "id",
      "organisation_id",
      "kind",
      "sectors",
      "products",
      "quantity",
      "unit",
      "amount",
      "currency",
      "title",
      "description",
      "pending_text",
      "pending_at",
      "valid_until",
      "status",
      "moderation_note",
      "created_at",
      "updated_at",
    ])
    .where("id", "in", [...new Set(ids)])
    .execute();
}

/**
 * The SQL pre-filter partner matching used before its in-memory index (partners.index.ts), kept
 * as the reference the index is tested against: enterprises of `side` with one of `classes` among
 * their own classes or those of a published, unexpired request; most hits first, at most `limit`.
 * Reads only the covering (side, nace, …) indexes of both sector tables.
 */
export function prefilterCandidates(db: Executor, side: string, classes: readonly string[], exclude: number, today: string, limit: number) {
  if (classes.length === 0) return Promise.resolve([] as { organisation_id: number; hits: number }[]);
  const fromProfiles = db
    .selectFrom("enterprise_sectors as s")
    .select("s.organisation_id")
    .where("s.side", "=", side)
    .where("s.nace", "in", [...classes]);
  const fromRequests = db
    .selectFrom("enterprise_request_sectors as rs")
    .select("rs.organisation_id")
    .where("rs.side", "=", side)
    .where("rs.nace", "in", [...classes])
    .where("rs.valid_until", ">=", today);
  // Publication is checked when the candidates' profiles are read: joining the wide profile rows
  // here would cost a row read per hit.
  return db
    .selectFrom(fromProfiles.unionAll(fromRequests).as("h"))
    .select(["h.organisation_id", (eb) => eb.fn.countAll<number>().as("hits")])
    .where("h.organisation_id", "<>", exclude)
    .groupBy("h.organisation_id")
    .orderBy("hits", "desc")
    .orderBy("h.organisation_id")
    .limit(limit)
    .execute();
}

/** Live (published, unexpired) requests of organisations, without joins: the (organisation, status, day) index. */
export async function listLiveRequestRows(db: Executor, orgIds: readonly number[], today: string): Promise<RequestRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("enterprise_requests")
    .selectAll()
    .where("organisation_id", "in", [...new Set(orgIds)])
    .where("status", "=", "published")
    .where("valid_until", ">=", today)
    .execute();
}

/** Profiles as the rules read them, one narrow row each (with prefilterCandidates, the reference path in tests). */
export async function listMatchDataRows(db: Executor, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("enterprise_profiles")
    .select(["organisation_id", "side", "publication", "match_data"])
    .where("organisation_id", "in", [...new Set(orgIds)])
    .execute();
}

export async function listProfileIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom("enterprise_profiles").select("organisation_id").orderBy("organisation_id").execute()).map(
    (r) => r.organisation_id,
  );
}

export async function setMatchData(db: Executor, orgId: number, json: string): Promise<void> {
  await db.updateTable("enterprise_profiles").set({ match_data: json }).where("organisation_id", "=", orgId).execute();
}

// Bulk writes for the synthetic data set. Its organisations are registry rows marked by their
// note ("synthetic:SYN-E…"); deleting them cascades to profiles, sectors, requests and notices.

export const SYNTHETIC_NOTE = "synthetic:";

export async function insertOrganisationsBulk(
  db: Executor,
  rows: Omit<Insertable<OrganisationsTable>, "id">[],
): Promise<{ id: number; note: string | null }[]> {
  const ids: { id: number; note: string | null }[] = [];
  for (let i = 0; i < rows.length; i += 500)
    ids.push(
      ...(await db
        .insertInto("organisations")
        .values(rows.slice(i, i + 500))
        .returning(["id", "note"])
        .execute()),
    );
  return ids;
}

export async function insertAliasesBulk(db: Executor, rows: Omit<Insertable<NameAliasesTable>, "id">[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("name_aliases")
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function countSyntheticEnterprises(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("note", "like", `${SYNTHETIC_NOTE}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteSyntheticEnterprises(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("name_aliases")
      .where("entity_type", "=", "organisation")
      .where("entity_id", "in", (sub) => sub.selectFrom("organisations").select("id").where("note", "like", `${SYNTHETIC_NOTE}%`))
      .execute();
    const result = await trx.deleteFrom("organisations").where("note", "like", `${SYNTHETIC_NOTE}%`).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

export async function insertProfilesBulk(db: Executor, rows: Insertable<EnterpriseProfilesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("enterprise_profiles")
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function insertSectorsBulk(db: Executor, rows: { organisation_id: number; nace: string; side: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("enterprise_sectors")
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function insertRequestsBulk(db: Executor, rows: Insertable<EnterpriseRequestsTable>[]): Promise<{ id: number }[]> {
  const ids: { id: number }[] = [];
  for (let i = 0; i < rows.length; i += 300)
    ids.push(
      ...(await db
        .insertInto("enterprise_requests")
        .values(rows.slice(i, i + 300))
        .returning("id")
        .execute()),
    );
  return ids;
}

export async function insertRequestSectorsBulk(
  db: Executor,
  rows: { request_id: number; organisation_id: number; nace: string; side: string; valid_until: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("enterprise_request_sectors")
      .values(rows.slice(i, i + 1000))
      .execute();
}
