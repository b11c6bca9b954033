import { all, type Expected, signedIn, staffOnly } from "./roles.ts";

/** Permission rows of site selection: public search, saving for the signed-in, inquiries for staff. */
export const PERMISSIONS: Record<string, Expected> = {
  "GET /:locale/match": all(200),
  "GET /:locale/compare": all(200),
  // No zone given: every caller gets the same "no such zone".
  "GET /:locale/match/incentives": all(404),
  // An empty form has nothing to save: signed-in users are sent back with a message.
  "POST /:locale/match/save": signedIn(303, 401),
  "GET /:locale/account/searches": signedIn(200, 302),
  "POST /:locale/account/searches/:id/inquiry": signedIn(404, 401),
  "POST /api/v1/matching/sites": all(422),
  "GET /api/v1/matching/estimate": all(422),
  "GET /:locale/admin/matching/inquiries": staffOnly(200, 302),
};
