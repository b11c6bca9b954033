import { all, type Expected, staffOnly } from "./roles.ts";

/**
 * Permission rows of the cooperation registry and its statistics: public reads, staff writes.
 * `:id` is 1 in the matrix: the first record of every type in the demo (the memorandum, the
 * Wenzhou park project, the August 2025 delegation …). The matrix sends empty forms and bodies, so
 * staff get the validation answer (422) and nothing is written; deletes need a ticked
 * confirmation, so they refuse too.
 */
const TYPES = ["organisations", "people", "ties", "agreements", "delegations", "projects", "indicators"] as const;
const DATASETS = [
  "projects-by-stage",
  "agreements-by-status",
  "capital-by-country",
  "capital-by-territory",
  "conversion",
  "indicators",
] as const;

const rows: Record<string, Expected> = {
  "GET /:locale/partners": all(200),
  "GET /:locale/partners/:slug": all(200),
  "GET /:locale/agreements/:id": all(200),
  "GET /:locale/projects/:id": all(200),
  "GET /:locale/delegations/:id": all(200),
  "GET /:locale/statistics": all(200),
  "GET /api/v1/partners": all(200),
  "GET /api/v1/partners/:slug": all(200),
  // Without `q` the query is invalid for everyone.
  "GET /api/v1/registry/search": all(422),
  "GET /api/v1/statistics": all(200),
  "POST /api/v1/agreements/:id/status": staffOnly(422, 401),
  "POST /api/v1/projects/:id/stage": staffOnly(422, 401),
  "GET /:locale/admin/registry": staffOnly(200, 302),
  "GET /:locale/admin/registry.xlsx": staffOnly(200, 302),
  "GET /:locale/admin/follow-ups": staffOnly(200, 302),
  "POST /:locale/admin/follow-ups/:id/done": staffOnly(422, 401),
  "GET /:locale/admin/projects/board": staffOnly(200, 302),
  "POST /:locale/admin/projects/:id/stage": staffOnly(422, 401),
  "POST /:locale/admin/agreements/:id/status": staffOnly(422, 401),
};

for (const dataset of DATASETS) rows[`GET /:locale/statistics/${dataset}.csv`] = all(200);

for (const type of TYPES) {
  rows[`GET /api/v1/${type}`] = all(200);
  rows[`GET /api/v1/${type}/:id`] = all(200);
  rows[`POST /api/v1/${type}`] = staffOnly(422, 401);
  rows[`PUT /api/v1/${type}/:id`] = staffOnly(422, 401);
  rows[`GET /:locale/admin/${type}`] = staffOnly(200, 302);
  rows[`GET /:locale/admin/${type}/new`] = staffOnly(200, 302);
  rows[`POST /:locale/admin/${type}/new`] = staffOnly(422, 401);
  rows[`GET /:locale/admin/${type}/:id/edit`] = staffOnly(200, 302);
  rows[`POST /:locale/admin/${type}/:id/edit`] = staffOnly(422, 401);
  rows[`POST /:locale/admin/${type}/:id/delete`] = staffOnly(422, 401);
}

export const PERMISSIONS: Record<string, Expected> = rows;
