import type { Expected } from "./roles.ts";

/** Permission rows of the matching routes. */
export const PERMISSIONS: Record<string, Expected> = {};
