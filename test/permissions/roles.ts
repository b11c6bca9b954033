/**
 * Roles of the permission matrix (QUALITY S1): anonymous; enterprise representatives of the
 * organisation in question and of another one; a partner-city representative; manager; editor;
 * admin; a suspended user and an expired session (both must be treated as anonymous).
 */
export const MATRIX_ROLES = [
  "anonymous",
  "enterpriseOwn",
  "enterpriseOther",
  "partner",
  "manager",
  "editor",
  "admin",
  "suspended",
  "expired",
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export type Expected = Record<MatrixRole, number>;

export const all = (status: number): Expected => Object.fromEntries(MATRIX_ROLES.map((r) => [r, status])) as Expected;

/** Signed-out visitors are sent to the login page (GET) or refused (other methods). */
export function signedIn(ok: number, anonymous: number): Expected {
  return { ...all(ok), anonymous, suspended: anonymous, expired: anonymous };
}

export function staffOnly(ok: number, anonymous: number): Expected {
  return { ...signedIn(ok, anonymous), enterpriseOwn: 403, enterpriseOther: 403, partner: 403 };
}

export function adminOnly(ok: number, anonymous: number): Expected {
  return { ...staffOnly(ok, anonymous), manager: 403, editor: 403 };
}
