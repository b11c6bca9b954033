import type { Expected } from "./roles.ts";

/** Permission rows of the map routes. */
export const PERMISSIONS: Record<string, Expected> = {};
