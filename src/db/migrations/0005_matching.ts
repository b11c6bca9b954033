import type { Kysely } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  const ts = dialect === "postgres" ? "timestamptz" : "text";
  const id = (col: any) => (dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "integer", id)
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("requirements", "text", (c) => c.notNull())
    .addColumn("results", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("inquiry_requested_at", ts)
    .addColumn("inquiry_message", "text")
    .addColumn("inquiry_contact", "text")
    .execute();
  await db.schema.createIndex("saved_searches_user_idx").on("saved_searches").columns(["user_id", "created_at"]).execute();
  await db.schema.createIndex("saved_searches_inquiry_idx").on("saved_searches").column("inquiry_requested_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("saved_searches").execute();
}
