import { all, type Expected } from "./roles.ts";

/** Permission rows of the passport routes: public documents, like the pages they print. */
export const PERMISSIONS: Record<string, Expected> = {
  "GET /:locale/plots/:code/passport": all(200),
  "GET /:locale/plots/:code/passport.pdf": all(200),
  "GET /:locale/zones/:slug/passport": all(200),
  "GET /:locale/zones/:slug/passport.pdf": all(200),
  "GET /static/passport.css": all(200),
};
