import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen: never edit after it ships; add a new migration instead.

export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  const ts = dialect === "postgres" ? "timestamptz" : "text";
  const id = (col: any) => (dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());

  await db.schema
    .createTable("territories")
    .addColumn("id", "integer", id)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("territories.id").onDelete("restrict"))
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("is_home", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("name_kk", "text", (c) => c.notNull())
    .addColumn("name_ru", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("centre_kk", "text")
    .addColumn("centre_ru", "text")
    .addColumn("centre_zh", "text")
    .addColumn("centre_en", "text")
    .addColumn("centre_lat", "double precision")
    .addColumn("centre_lon", "double precision")
    .addColumn("coord_confidence", "text")
    .addColumn("coord_source", "text")
    .addColumn("population", "integer")
    .addColumn("population_year", "integer")
    .addColumn("population_source", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("territories_parent_idx").on("territories").column("parent_id").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", id)
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("email_key", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("organisation_id", "integer")
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addColumn("password_changed_at", ts, (c) => c.notNull())
    .addColumn("last_login_at", ts)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("last_seen_at", ts, (c) => c.notNull())
    .addColumn("expires_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_throttle")
    .addColumn("account_key", "text", (c) => c.primaryKey())
    .addColumn("window_start", ts, (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "integer", id)
    .addColumn("at", ts, (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("request_id", "text")
    .addColumn("details", "text")
    .execute();
  await db.schema.createIndex("audit_events_at_idx").on("audit_events").column("at").execute();
  await db.schema.createIndex("audit_events_action_idx").on("audit_events").columns(["action", "at"]).execute();
  await sql`select 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_events", "login_throttle", "sessions", "users", "territories"]) {
    await db.schema.dropTable(table).execute();
  }
}
