/** Roles and what each may do: one file to review, pure functions to test. */
export const ROLES = ["admin", "editor", "manager", "enterprise", "partner"] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ["admin", "editor", "manager"];

export interface Actor {
  id: number;
  role: Role;
  organisationId: number | null;
}

export type Action =
  | "backoffice:enter"
  | "users:list"
  | "users:change-role"
  | "users:suspend"
  | "audit:read"
  | "sites:edit"
  | "enterprises:edit-own"
  | "enterprises:moderate";

const RULES: Record<Action, (actor: Actor) => boolean> = {
  "backoffice:enter": (a) => STAFF_ROLES.includes(a.role),
  "users:list": (a) => a.role === "admin",
  "users:change-role": (a) => a.role === "admin",
  "users:suspend": (a) => a.role === "admin",
  "audit:read": (a) => a.role === "admin",
  /** Managers, editors and admins keep the site catalogue (issue: site catalogue, back office). */
  "sites:edit": (a) => STAFF_ROLES.includes(a.role),
  /** Enterprise and partner-city representatives keep their own organisation's profile and requests (never another's). */
  "enterprises:edit-own": (a) => (a.role === "enterprise" || a.role === "partner") && a.organisationId !== null,
  /** Staff edit any enterprise, moderate public text, verify profiles and decide introductions. */
  "enterprises:moderate": (a) => STAFF_ROLES.includes(a.role),
};

export function can(actor: Actor | null | undefined, action: Action): boolean {
  return actor ? RULES[action](actor) : false;
}

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Staff sessions: 30 minutes idle, 12 hours absolute (QUALITY S4). Others: a day idle, 30 days absolute. */
export function sessionLimits(role: Role): { idleMs: number; absoluteMs: number } {
  return isStaff(role) ? { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 } : { idleMs: 24 * 3_600_000, absoluteMs: 30 * 24 * 3_600_000 };
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
