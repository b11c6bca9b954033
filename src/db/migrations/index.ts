import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_sites.ts";

/** Every migration in order. Add a line per new file; never reorder or rename. */
export const MIGRATIONS = { "0001_foundation": m0001, "0002_sites": m0002 } as const;
