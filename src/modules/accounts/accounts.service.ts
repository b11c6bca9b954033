import type { Db, Executor } from "../../db/database.ts";
import { AppError } from "../../http/errors.ts";
import { dummyHash, hashPassword, randomToken, sha256, verifyPassword } from "../../lib/crypto.ts";
import { iso, MINUTE, toDate } from "../../lib/time.ts";
import { type Action, type Actor, can, isRole, type Role, sessionLimits } from "./accounts.policy.ts";
import * as repo from "./accounts.repository.ts";
import { UserCreate, type UserPublic } from "./accounts.schemas.ts";

export const LOGIN_LIMIT = 5;
export const LOGIN_WINDOW_MS = 15 * MINUTE;
const TOUCH_EVERY_MS = MINUTE;

export interface RequestMeta {
  requestId?: string;
}

export type AuditSink = (event: {
  action: string;
  actorUserId: number | null;
  subjectType?: string;
  subjectId?: string;
  requestId?: string;
}) => void;

export interface CurrentUser extends Actor {
  email: string;
  displayName: string;
}

export interface SessionContext {
  user: CurrentUser;
  idHash: string;
}

export type LoginResult = { ok: true; token: string; user: CurrentUser } | { ok: false; reason: "invalid" | "locked" };

/**
 * The lockout key: trimmed, NFKC, lower-cased, inner spaces removed. Varying case or spacing
 * of the same e-mail lands on the same budget.
 */
export function accountKey(email: string): string {
  return email.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function present(row: repo.UserRow): UserPublic {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: isRole(row.role) ? row.role : "enterprise",
    status: row.status === "suspended" ? "suspended" : "active",
    organisationId: row.organisation_id,
    createdAt: toDate(row.created_at).toISOString(),
    lastLoginAt: row.last_login_at ? toDate(row.last_login_at).toISOString() : null,
  };
}

export class AccountsService {
  /** Verified against when the account does not exist, so unknown accounts take as long as known ones. */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly db: Db,
    private readonly options: { scryptCost: number; audit: AuditSink },
  ) {
    this.dummyHash = dummyHash(options.scryptCost);
  }

  private async audit(executor: Executor, event: Parameters<typeof repo.insertAuditEvent>[1]): Promise<void> {
    await repo.insertAuditEvent(executor, event);
    this.options.audit(event);
  }

  async createUser(input: UserCreate, meta: RequestMeta = {}, actor: Actor | null = null): Promise<UserPublic> {
    const data = UserCreate.parse(input);
    const passwordHash = await hashPassword(data.password, this.options.scryptCost);
    return this.db.transaction().execute(async (trx) => {
      const key = accountKey(data.email);
      if (await repo.findUserByEmailKey(trx, key)) throw new AppError("validation_failed", { email: "form.email_taken" });
      const id = await repo.insertUser(trx, {
        email: data.email.trim(),
        emailKey: key,
        displayName: data.displayName,
        passwordHash,
        role: data.role,
        organisationId: data.organisationId ?? null,
      });
      await this.audit(trx, {
        action: "user.created",
        actorUserId: actor?.id ?? null,
        subjectType: "user",
        subjectId: String(id),
        requestId: meta.requestId,
        details: { role: data.role },
      });
      return present((await repo.findUserById(trx, id)) as repo.UserRow);
    });
  }

  /**
   * Spends one attempt of the account's budget before checking the password, in one atomic
   * statement: under any number of parallel attempts at most LOGIN_LIMIT reach the check.
   */
  async login(email: string, password: string, meta: RequestMeta = {}): Promise<LoginResult> {
    const key = accountKey(email);
    const now = new Date();
    await repo.ensureThrottleRow(this.db, key, now);
    await repo.restartExpiredWindow(this.db, key, now, new Date(now.getTime() - LOGIN_WINDOW_MS));
    const user = await repo.findUserByEmailKey(this.db, key);
    const taken = await repo.takeAttempt(this.db, key, LOGIN_LIMIT);
    if (taken === undefined) {
      // Same work as a real check, so a locked account answers in the same time.
      await verifyPassword(password, await this.dummyHash);
      await this.audit(this.db, {
        action: "auth.login_refused_locked",
        actorUserId: user?.id ?? null,
        subjectType: "account",
        subjectId: sha256(key).slice(0, 16),
        requestId: meta.requestId,
      });
      return { ok: false, reason: "locked" };
    }
    const valid = await verifyPassword(password, user?.password_hash ?? (await this.dummyHash));
    if (!user || !valid || user.status !== "active") {
      await this.audit(this.db, {
        action: "auth.login_failed",
        actorUserId: user?.id ?? null,
        subjectType: "account",
        subjectId: sha256(key).slice(0, 16),
        requestId: meta.requestId,
      });
      if (taken === LOGIN_LIMIT) {
        await this.audit(this.db, {
          action: "auth.lockout",
          actorUserId: user?.id ?? null,
          subjectType: "account",
          subjectId: sha256(key).slice(0, 16),
          requestId: meta.requestId,
        });
      }
      return { ok: false, reason: "invalid" };
    }
    const token = randomToken();
    const limits = sessionLimits(isRole(user.role) ? user.role : "enterprise");
    await this.db.transaction().execute(async (trx) => {
      await repo.clearAttempts(trx, key);
      await repo.deleteExpiredSessions(trx, now);
      await repo.insertSession(trx, {
        idHash: sha256(token),
        userId: user.id,
        now,
        expiresAt: new Date(now.getTime() + limits.absoluteMs),
      });
      await repo.updateUser(trx, user.id, { last_login_at: iso(now) });
      await this.audit(trx, {
        action: "auth.login",
        actorUserId: user.id,
        subjectType: "user",
        subjectId: String(user.id),
        requestId: meta.requestId,
      });
    });
    const p = present(user);
    return {
      ok: true,
      token,
      user: { id: p.id, role: p.role, organisationId: p.organisationId, email: p.email, displayName: p.displayName },
    };
  }

  /** The session behind a cookie's token, or null when absent, expired (idle or absolute) or suspended. */
  async resolveSession(token: string, now = new Date()): Promise<SessionContext | null> {
    if (!token || token.length > 100) return null;
    const idHash = sha256(token);
    const row = await repo.findSessionWithUser(this.db, idHash);
    if (!row) return null;
    const role: Role = isRole(row.role) ? row.role : "enterprise";
    const limits = sessionLimits(role);
    const lastSeen = toDate(row.last_seen_at).getTime();
    const expired =
      toDate(row.expires_at).getTime() <= now.getTime() ||
      toDate(row.created_at).getTime() + limits.absoluteMs <= now.getTime() ||
      lastSeen + limits.idleMs <= now.getTime();
    // Expired rows are left for the purge at the next login: a refused request writes nothing.
    if (expired || row.status !== "active") return null;
    if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) await repo.touchSession(this.db, idHash, now);
    return {
      idHash,
      user: { id: row.user_id, role, organisationId: row.organisation_id, email: row.email, displayName: row.display_name },
    };
  }

  async logout(session: SessionContext, meta: RequestMeta = {}): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, session.idHash);
      await this.audit(trx, {
        action: "auth.logout",
        actorUserId: session.user.id,
        subjectType: "user",
        subjectId: String(session.user.id),
        requestId: meta.requestId,
      });
    });
  }

  private authorize(actor: Actor, action: Action): void {
    if (!can(actor, action)) throw new AppError("forbidden");
  }

  async listUsers(actor: Actor, page: number, perPage = 20): Promise<{ users: UserPublic[]; total: number; page: number; pages: number }> {
    this.authorize(actor, "users:list");
    const { rows, total } = await repo.listUsers(this.db, { limit: perPage, offset: (page - 1) * perPage });
    return { users: rows.map(present), total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
  }

  async getUser(actor: Actor, id: number): Promise<UserPublic> {
    this.authorize(actor, "users:list");
    const row = await repo.findUserById(this.db, id);
    if (!row) throw new AppError("user_not_found");
    return present(row);
  }

  async changeRole(actor: Actor, userId: number, role: Role, meta: RequestMeta = {}): Promise<UserPublic> {
    this.authorize(actor, "users:change-role");
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.findUserById(trx, userId);
      if (!row) throw new AppError("user_not_found");
      if (row.role === role) return present(row);
      if (row.role === "admin" && (await repo.countAdmins(trx)) <= 1) {
        throw new AppError("validation_failed", { role: "users.last_admin" });
      }
      await repo.updateUser(trx, userId, { role });
      // A new role means new permissions: make the user sign in again.
      await repo.deleteSessionsOfUser(trx, userId);
      await this.audit(trx, {
        action: "user.role_changed",
        actorUserId: actor.id,
        subjectType: "user",
        subjectId: String(userId),
        requestId: meta.requestId,
        details: { from: row.role, to: role },
      });
      return present((await repo.findUserById(trx, userId)) as repo.UserRow);
    });
  }

  /** Suspension ends every session of the user at once. */
  async setSuspended(actor: Actor, userId: number, suspended: boolean, meta: RequestMeta = {}): Promise<UserPublic> {
    this.authorize(actor, "users:suspend");
    if (userId === actor.id) throw new AppError("validation_failed", { status: "users.cannot_suspend_self" });
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.findUserById(trx, userId);
      if (!row) throw new AppError("user_not_found");
      await repo.updateUser(trx, userId, { status: suspended ? "suspended" : "active" });
      if (suspended) await repo.deleteSessionsOfUser(trx, userId);
      await this.audit(trx, {
        action: suspended ? "user.suspended" : "user.reactivated",
        actorUserId: actor.id,
        subjectType: "user",
        subjectId: String(userId),
        requestId: meta.requestId,
      });
      return present((await repo.findUserById(trx, userId)) as repo.UserRow);
    });
  }

  /** A password change ends every other session of the user. */
  async changePassword(session: SessionContext, current: string, next: string, meta: RequestMeta = {}): Promise<void> {
    const row = await repo.findUserById(this.db, session.user.id);
    if (!row || !(await verifyPassword(current, row.password_hash))) {
      throw new AppError("validation_failed", { current: "account.password_wrong" });
    }
    if (next.length < 12) throw new AppError("validation_failed", { next: "form.password_too_short" });
    const hash = await hashPassword(next, this.options.scryptCost);
    await this.db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, row.id, { password_hash: hash, password_changed_at: iso() });
      await repo.deleteSessionsOfUser(trx, row.id, session.idHash);
      await this.audit(trx, {
        action: "user.password_changed",
        actorUserId: row.id,
        subjectType: "user",
        subjectId: String(row.id),
        requestId: meta.requestId,
      });
    });
  }

  /**
   * First run: an administrator from ADMIN_EMAIL/ADMIN_PASSWORD, or one with a random password
   * returned once for the console. Does nothing when an administrator exists.
   */
  async ensureFirstAdmin(admin: { email: string; password: string } | undefined): Promise<{ email: string; password: string } | null> {
    if ((await repo.countAdmins(this.db)) > 0) return null;
    const credentials = admin ?? { email: "admin@jibek.local", password: randomToken(15) };
    await this.createUser({ email: credentials.email, displayName: "Administrator", password: credentials.password, role: "admin" });
    return admin ? null : credentials;
  }

  /** An audit event from another module (imports, exports, moderation): one row, one log line. */
  async recordAudit(event: {
    action: string;
    actorUserId: number | null;
    subjectType?: string;
    subjectId?: string;
    requestId?: string;
    details?: Record<string, unknown>;
  }): Promise<void> {
    await this.audit(this.db, event);
  }

  listAudit(actor: Actor, page: number, perPage = 50) {
    this.authorize(actor, "audit:read");
    return repo.listAuditEvents(this.db, { limit: perPage, offset: (page - 1) * perPage });
  }

  /** For tests and the CLI: how many sessions a user holds. */
  countSessions(userId: number): Promise<number> {
    return repo.countSessionsOfUser(this.db, userId);
  }
}
