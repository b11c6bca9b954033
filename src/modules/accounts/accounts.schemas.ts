import { z } from "zod";
import { ROLES } from "./accounts.policy.ts";

/** Error messages are message keys; the form renders them in the user's language. */
export const LoginForm = z.object({
  email: z.string().trim().min(1, "form.required").max(254, "form.too_long").describe("The account's e-mail"),
  password: z.string().min(1, "form.required").max(1024, "form.too_long").describe("The account's password"),
  next: z.string().optional().describe("Where to go after signing in (a path on this site)"),
});
export type LoginForm = z.infer<typeof LoginForm>;

export const Role = z.enum(ROLES).describe("admin, editor, manager, enterprise or partner");

export const UserCreate = z.object({
  email: z.email("form.email_invalid").max(254, "form.too_long"),
  displayName: z.string().trim().min(1, "form.required").max(200, "form.too_long"),
  password: z.string().min(12, "form.password_too_short").max(1024, "form.too_long"),
  role: Role,
  organisationId: z.number().int().positive().nullable().default(null),
});
export type UserCreate = z.input<typeof UserCreate>;

export const RoleChangeForm = z.object({ role: z.enum(ROLES, "form.choose_one") });
export const UsersQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

/** What the API and pages show of a user: never the hash. */
export const UserPublic = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  status: z.enum(["active", "suspended"]),
  organisationId: z.number().int().nullable(),
  createdAt: z.string().describe("ISO-8601"),
  lastLoginAt: z.string().nullable().describe("ISO-8601"),
});
export type UserPublic = z.infer<typeof UserPublic>;

export const SessionInfo = z.object({
  authenticated: z.boolean(),
  user: UserPublic.pick({ id: true, email: true, displayName: true, role: true }).nullable(),
});
