import type { Expected } from "./roles.ts";

/** Permission rows of the passport routes. */
export const PERMISSIONS: Record<string, Expected> = {};
