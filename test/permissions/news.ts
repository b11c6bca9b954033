import type { Expected } from "./roles.ts";

/** Permission rows of the news routes. */
export const PERMISSIONS: Record<string, Expected> = {};
