import { type Actor, STAFF_ROLES } from "../accounts/accounts.policy.ts";

/**
 * Who may write the cooperation registry: the investment staff (managers), editors and admins,
 * like the site catalogue. Reads of public fields are open to everyone.
 */
export function canEditRegistry(actor: Actor | null | undefined): boolean {
  return actor ? STAFF_ROLES.includes(actor.role) : false;
}
