import { type Actor, can } from "../accounts/accounts.policy.ts";

/**
 * Who may do what with an enterprise: its own representatives keep its profile and requests,
 * never another organisation's; staff keep all of them and moderate. Pure functions, checked in
 * the service and shown to views (buttons hide by the same rules).
 */

export function isStaffActor(actor: Actor | null | undefined): boolean {
  return can(actor, "enterprises:moderate");
}

/** A representative of this very organisation. */
export function isOwnRepresentative(actor: Actor | null | undefined, organisationId: number): boolean {
  return can(actor, "enterprises:edit-own") && actor?.organisationId === organisationId;
}

export function canEditEnterprise(actor: Actor | null | undefined, organisationId: number): boolean {
  return isStaffActor(actor) || isOwnRepresentative(actor, organisationId);
}

/** Contacts are private: signed-in staff and the organisation's own representatives only. */
export function canSeeContacts(actor: Actor | null | undefined, organisationId: number): boolean {
  return canEditEnterprise(actor, organisationId);
}
