import { all, type Expected, staffOnly } from "./roles.ts";

/** Permission rows of the io routes. */
export const PERMISSIONS: Record<string, Expected> = {
  // Downloads of the public catalogue.
  "GET /api/v1/plots.csv": all(200),
  "GET /api/v1/plots.xlsx": all(200),
  "GET /api/v1/premises.csv": all(200),
  "GET /api/v1/premises.xlsx": all(200),
  // Back office: catalogue editors (admin, editor, manager).
  "GET /:locale/admin/import": staffOnly(200, 302),
  // An empty form: no file to check, the form comes back with its error.
  "POST /:locale/admin/import": staffOnly(422, 401),
  // No token of a checked file: "upload it again".
  "POST /:locale/admin/import/apply": staffOnly(422, 401),
  "GET /:locale/admin/import/template": staffOnly(200, 302),
  "GET /:locale/admin/export": staffOnly(200, 302),
};
