import type { Selectable } from "kysely";
import type { Executor } from "../../db/database.ts";
import { iso } from "../../lib/time.ts";
import type { SavedSearchesTable } from "./matching.tables.ts";

export type SavedSearchRow = Selectable<SavedSearchesTable>;

export async function insertSavedSearch(
  db: Executor,
  row: { userId: number; title: string; requirements: string; results: string },
): Promise<number> {
  return (
    await db
      .insertInto("saved_searches")
      .values({ user_id: row.userId, title: row.title, requirements: row.requirements, results: row.results, created_at: iso() })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

export function listSavedSearches(db: Executor, userId: number): Promise<SavedSearchRow[]> {
  return db.selectFrom("saved_searches").selectAll().where("user_id", "=", userId).orderBy("id", "desc").limit(100).execute();
}

export function findSavedSearch(db: Executor, id: number): Promise<SavedSearchRow | undefined> {
  return db.selectFrom("saved_searches").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markInquiryRequested(db: Executor, id: number, message: string, contact: string): Promise<void> {
  await db
    .updateTable("saved_searches")
    .set({ inquiry_requested_at: iso(), inquiry_message: message, inquiry_contact: contact })
    .where("id", "=", id)
    .execute();
}

/** Searches turned into inquiries, newest first, with who asked: the inquiries module picks them up. */
export function listRequestedInquiries(db: Executor, limit: number) {
  return db
    .selectFrom("saved_searches as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.title",
      "s.requirements",
      "s.results",
      "s.inquiry_requested_at",
      "s.inquiry_message",
      "s.inquiry_contact",
      "u.display_name",
      "u.email",
    ])
    .where("s.inquiry_requested_at", "is not", null)
    .orderBy("s.inquiry_requested_at", "desc")
    .limit(limit)
    .execute();
}

/** The catalogue's version stamp: one primary-key read per search. */
export async function catalogueVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom("catalogue_version").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}
