import type { Kysely } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

/** Reserved: filled in by the work that needs it (see the commit that fills it). */
export async function up(_db: Kysely<any>, _ctx: MigrationContext): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
