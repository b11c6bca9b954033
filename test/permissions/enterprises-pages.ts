import { all, type Expected, signedIn } from "./roles.ts";

/**
 * Permission rows of the directory's public pages and the representative's own pages (issue 6).
 * `:id` of an enterprise is the demo's Turkistan spinning mill, whose representative is
 * "enterpriseOwn"; "enterpriseOther" represents the Kentau garment factory; the partner-city
 * representative has no organisation. `:id` of a request is one of the mill's published requests
 * (closed by its own representative in the close row, which runs after every GET). Empty forms:
 * the owner gets the inline errors (422) and nothing is written; everyone else is refused before
 * the body is read.
 */

/** This very organisation's representatives; staff open profiles in the back office (GET → 303). */
const ownOrganisationOnly = (own: number, anonymous: number, staff = 403): Expected => ({
  ...signedIn(own, anonymous),
  enterpriseOther: 403,
  partner: 403,
  manager: staff,
  editor: staff,
  admin: staff,
});

/** Any representative of an organisation, on their own organisation's pages. */
const representatives = (ok: number, anonymous: number): Expected => ({
  ...signedIn(ok, anonymous),
  partner: 403,
  manager: 403,
  editor: 403,
  admin: 403,
});

export const PERMISSIONS: Record<string, Expected> = {
  "GET /:locale/enterprises": all(200),
  "GET /:locale/enterprises/:id": all(200),
  "GET /:locale/enterprises/:id/partners": all(200),
  "GET /:locale/requests": all(200),
  "GET /:locale/requests/:id": all(200),
  "GET /:locale/enterprises/:id/edit": ownOrganisationOnly(200, 302, 303),
  "POST /:locale/enterprises/:id/edit": ownOrganisationOnly(422, 401),
  // An empty form: the owner gets "choose a file" at the field; staff upload in the back office.
  "POST /:locale/enterprises/:id/logo": ownOrganisationOnly(422, 401),
  "GET /:locale/requests/:id/edit": ownOrganisationOnly(200, 302),
  "POST /:locale/requests/:id/edit": ownOrganisationOnly(422, 401),
  "POST /:locale/requests/:id/close": ownOrganisationOnly(303, 401),
  "GET /:locale/requests/:id/partners": ownOrganisationOnly(200, 302),
  "GET /:locale/my/enterprise": representatives(200, 302),
  "GET /:locale/my/enterprise/requests/new": representatives(200, 302),
  "POST /:locale/my/enterprise/requests": representatives(422, 401),
  "POST /:locale/my/enterprise/introductions": representatives(422, 401),
  // No introduction of theirs has this id.
  "POST /:locale/my/enterprise/introductions/:id/withdraw": representatives(404, 401),
  "POST /:locale/my/enterprise/notices/read": representatives(303, 401),
};
