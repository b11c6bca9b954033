import type { Expected } from "./roles.ts";

/** Permission rows of the sites routes. */
export const PERMISSIONS: Record<string, Expected> = {};
