import type { Expected } from "./roles.ts";

/** Permission rows of the io routes. */
export const PERMISSIONS: Record<string, Expected> = {};
