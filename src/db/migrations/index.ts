import * as m0001 from "./0001_foundation.ts";

/** Every migration in order. Add a line per new file; never reorder or rename. */
export const MIGRATIONS = { "0001_foundation": m0001 } as const;
