import type { Expected } from "./roles.ts";

/** Permission rows of the cooperation routes. */
export const PERMISSIONS: Record<string, Expected> = {};
