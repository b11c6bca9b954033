import type { Selectable } from "kysely";
import type { Executor } from "../../db/database.ts";
import { iso } from "../../lib/time.ts";
import type { UsersTable } from "./accounts.tables.ts";

export type UserRow = Selectable<UsersTable>;

export async function insertUser(
  db: Executor,
  row: { email: string; emailKey: string; displayName: string; passwordHash: string; role: string; organisationId: number | null },
): Promise<number> {
  const now = iso();
  const inserted = await db
    .insertInto("users")
    .values({
      email: row.email,
      email_key: row.emailKey,
      display_name: row.displayName,
      password_hash: row.passwordHash,
      role: row.role,
      status: "active",
      organisation_id: row.organisationId,
      created_at: now,
      updated_at: now,
      password_changed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export function findUserByEmailKey(db: Executor, emailKey: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email_key", "=", emailKey).executeTakeFirst();
}

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listUsers(db: Executor, page: { limit: number; offset: number }): Promise<{ rows: UserRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.selectFrom("users").selectAll().orderBy("email_key").limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countAdmins(db: Executor): Promise<number> {
  const r = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateUser(
  db: Executor,
  id: number,
  patch: Partial<Pick<UserRow, "role" | "status" | "password_hash" | "display_name" | "last_login_at" | "password_changed_at">>,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...patch, updated_at: iso() })
    .where("id", "=", id)
    .execute();
}

// Sessions

export async function insertSession(db: Executor, row: { idHash: string; userId: number; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id_hash: row.idHash,
      user_id: row.userId,
      created_at: iso(row.now),
      last_seen_at: iso(row.now),
      expires_at: iso(row.expiresAt),
    })
    .execute();
}

export function findSessionWithUser(db: Executor, idHash: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id_hash",
      "sessions.created_at",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.id as user_id",
      "users.email",
      "users.display_name",
      "users.role",
      "users.status",
      "users.organisation_id",
    ])
    .where("sessions.id_hash", "=", idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: iso(now) })
    .where("id_hash", "=", idHash)
    .execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", iso(now)).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number, exceptIdHash?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptIdHash) q = q.where("id_hash", "!=", exceptIdHash);
  await q.execute();
}

export async function countSessionsOfUser(db: Executor, userId: number): Promise<number> {
  const r = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// Login throttle: every step is one atomic statement, so 100 parallel attempts cannot slip past the limit.

export async function ensureThrottleRow(db: Executor, accountKey: string, now: Date): Promise<void> {
  await db
    .insertInto("login_throttle")
    .values({ account_key: accountKey, window_start: iso(now), failures: 0 })
    .onConflict((oc) => oc.column("account_key").doNothing())
    .execute();
}

export async function restartExpiredWindow(db: Executor, accountKey: string, now: Date, windowStartBefore: Date): Promise<void> {
  await db
    .updateTable("login_throttle")
    .set({ failures: 0, window_start: iso(now) })
    .where("account_key", "=", accountKey)
    .where("window_start", "<", iso(windowStartBefore))
    .execute();
}

/** Takes one attempt from the budget; undefined when the budget is spent (locked). */
export async function takeAttempt(db: Executor, accountKey: string, limit: number): Promise<number | undefined> {
  const row = await db
    .updateTable("login_throttle")
    .set((eb) => ({ failures: eb("failures", "+", 1) }))
    .where("account_key", "=", accountKey)
    .where("failures", "<", limit)
    .returning("failures")
    .executeTakeFirst();
  return row?.failures;
}

export async function clearAttempts(db: Executor, accountKey: string): Promise<void> {
  await db.updateTable("login_throttle").set({ failures: 0 }).where("account_key", "=", accountKey).execute();
}

// Audit

export async function insertAuditEvent(
  db: Executor,
  row: {
    action: string;
    actorUserId: number | null;
    subjectType?: string;
    subjectId?: string;
    requestId?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      at: iso(),
      action: row.action,
      actor_user_id: row.actorUserId,
      subject_type: row.subjectType ?? null,
      subject_id: row.subjectId ?? null,
      request_id: row.requestId ?? null,
      details: row.details ? JSON.stringify(row.details) : null,
    })
    .execute();
}

export function listAuditEvents(db: Executor, page: { limit: number; offset: number; action?: string }) {
  let q = db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_user_id")
    .select([
      "audit_events.id",
      "audit_events.at",
      "audit_events.action",
      "audit_events.subject_type",
      "audit_events.subject_id",
      "audit_events.request_id",
      "audit_events.details",
      "users.email as actor_email",
    ]);
  if (page.action) q = q.where("audit_events.action", "=", page.action);
  return q.orderBy("audit_events.id", "desc").limit(page.limit).offset(page.offset).execute();
}
