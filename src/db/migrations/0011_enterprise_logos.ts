import type { Kysely } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

/** Enterprise logos are served under /files/<stored name>: the name finds its profile through this index. */
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await db.schema.createIndex("enterprise_profiles_logo_idx").on("enterprise_profiles").column("logo_file").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("enterprise_profiles_logo_idx").execute();
}
