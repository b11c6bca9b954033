import type { Generated } from "kysely";

export interface UsersTable {
  id: Generated<number>;
  email: string;
  /** Trimmed, NFKC, lower-cased e-mail: the unique key and the lockout key. */
  email_key: string;
  display_name: string;
  password_hash: string;
  role: string;
  status: string;
  organisation_id: number | null;
  created_at: string | Date;
  updated_at: string | Date;
  password_changed_at: string | Date;
  last_login_at: string | Date | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a leaked table does not hand out sessions. */
  id_hash: string;
  user_id: number;
  created_at: string | Date;
  last_seen_at: string | Date;
  expires_at: string | Date;
}

export interface LoginThrottleTable {
  account_key: string;
  window_start: string | Date;
  failures: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string | Date;
  action: string;
  actor_user_id: number | null;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  details: string | null;
}

export interface AccountsTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
}
