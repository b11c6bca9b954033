import { all, type Expected, signedIn, staffOnly } from "./roles.ts";

/**
 * Permission rows of the enterprise directory (issue 6). `:id` of an enterprise is the demo's
 * Turkistan spinning mill, whose representative is "enterpriseOwn"; "enterpriseOther" represents
 * another Turkistan enterprise; the partner-city representative has no organisation. `:id` of a
 * request is one of the mill's published requests. Empty bodies: the owner and staff get the
 * validation answer (nothing is written), a representative of another organisation gets 403
 * before the body is read.
 */
const ownOnly = (own: number): Expected => ({
  ...signedIn(own, 401),
  enterpriseOther: 403,
  partner: 403,
});

/** The actor's own organisation: staff and the partner-city representative (no organisation) have none. */
const ownOrganisation = (status: number): Expected => ({ ...signedIn(status, 401), partner: 403, manager: 403, editor: 403, admin: 403 });

export const PERMISSIONS: Record<string, Expected> = {
  "GET /api/v1/enterprises": all(200),
  "GET /api/v1/enterprises.csv": all(200),
  "GET /api/v1/enterprises/:id": all(200),
  "PUT /api/v1/enterprises/:id/profile": ownOnly(422),
  // A form body is no image: the owner and staff are told so; nothing is stored.
  "PUT /api/v1/enterprises/:id/logo": ownOnly(422),
  "POST /api/v1/enterprises/:id/requests": ownOnly(422),
  "POST /api/v1/enterprises/:id/verify": staffOnly(200, 401),
  "POST /api/v1/enterprises/:id/moderation": staffOnly(422, 401),
  "GET /api/v1/enterprise-requests": all(200),
  "GET /api/v1/enterprise-requests/:id": all(200),
  "PUT /api/v1/enterprise-requests/:id": ownOnly(422),
  // Closing needs no body: the owner and staff close it (the GET row above runs first).
  "POST /api/v1/enterprise-requests/:id/close": ownOnly(200),
  "POST /api/v1/enterprise-requests/:id/moderation": staffOnly(422, 401),
  "GET /api/v1/moderation/enterprises": staffOnly(200, 401),
  "POST /api/v1/matching/partners": all(422),
  // Staff see every introduction; a representative their own organisation's.
  "GET /api/v1/introductions": { ...signedIn(200, 401), partner: 403 },
  "POST /api/v1/introductions": signedIn(422, 401),
  // No introduction of theirs has this id.
  "POST /api/v1/introductions/:id/withdraw": ownOrganisation(404),
  "POST /api/v1/introductions/:id/decision": staffOnly(422, 401),
  "GET /api/v1/notices": ownOrganisation(200),
  "GET /:locale/admin/enterprises": staffOnly(200, 302),
  "GET /:locale/admin/enterprises/:id/edit": staffOnly(200, 302),
  "POST /:locale/admin/enterprises/:id/edit": staffOnly(422, 401),
  "POST /:locale/admin/enterprises/:id/verify": staffOnly(303, 401),
  // No file: staff are sent back to the edit page with the message.
  "POST /:locale/admin/enterprises/:id/logo": staffOnly(303, 401),
  "GET /:locale/admin/enterprises/moderation": staffOnly(200, 302),
  "POST /:locale/admin/enterprises/moderation/profile/:id": staffOnly(422, 401),
  "POST /:locale/admin/enterprises/moderation/request/:id": staffOnly(422, 401),
  "GET /:locale/admin/enterprises/introductions": staffOnly(200, 302),
  "POST /:locale/admin/enterprises/introductions/:id": staffOnly(422, 401),
};
