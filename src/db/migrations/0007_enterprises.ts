import { type Kysely, sql } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

/**
 * Enterprises of both regions (issue 6): a profile per organisation of the cooperation registry,
 * its NACE classes, offers and needs, introductions, and in-app notices for representatives.
 * Public text waits in `pending_*` columns until staff approve it; the approved text stays in place.
 */
export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  const ts = dialect === "postgres" ? "timestamptz" : "text";
  const id = (col: any) => (dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  const num = "double precision";
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();

  await db.schema
    .createTable("enterprise_profiles")
    .addColumn("organisation_id", "integer", (c) => c.primaryKey().references("organisations.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull())
    .addColumn("publication", "text", (c) => c.notNull().defaultTo("published"))
    .addColumn("size_band", "text")
    .addColumn("year_founded", "integer")
    .addColumn("description", "text")
    .addColumn("pending_description", "text")
    .addColumn("pending_at", ts)
    .addColumn("pending_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("moderation_note", "text")
    .addColumn("products", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("export_markets", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("certifications", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("logo_file", "text")
    .addColumn("contacts", "text")
    .addColumn("translations", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("text_keys", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("match_data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("verified_at", ts)
    .addColumn("verified_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await index("enterprise_profiles_side_idx", "enterprise_profiles", ["side", "publication"]);
  await index("enterprise_profiles_pending_idx", "enterprise_profiles", ["pending_at"]);

  // One row per class: the directory's sector filter and the matching pre-filter read it by (side, class).
  await db.schema
    .createTable("enterprise_sectors")
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("nace", "text", (c) => c.notNull())
    .addColumn("side", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("enterprise_sectors_pk", ["organisation_id", "nace"])
    .execute();
  await index("enterprise_sectors_side_nace_idx", "enterprise_sectors", ["side", "nace", "organisation_id"]);
  await index("enterprise_sectors_nace_idx", "enterprise_sectors", ["nace", "organisation_id"]);

  await db.schema
    .createTable("enterprise_requests")
    .addColumn("id", "integer", id)
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("sectors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("products", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("quantity", num)
    .addColumn("unit", "text")
    .addColumn("amount", num)
    .addColumn("currency", "text")
    .addColumn("title", "text")
    .addColumn("description", "text")
    .addColumn("pending_text", "text")
    .addColumn("pending_at", ts)
    .addColumn("valid_until", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("moderation_note", "text")
    .addColumn("moderated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("moderated_at", ts)
    .addColumn("reminder_sent_at", ts)
    .addColumn("text_keys", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  // (organisation, status, day): an organisation's live requests without a scan of every published one.
  await index("enterprise_requests_org_idx", "enterprise_requests", ["organisation_id", "status", "valid_until"]);
  await index("enterprise_requests_status_idx", "enterprise_requests", ["status", "valid_until"]);
  await index("enterprise_requests_kind_idx", "enterprise_requests", ["kind", "status", "valid_until"]);
  await index("enterprise_requests_pending_idx", "enterprise_requests", ["pending_at"]);

  // The classes of published requests, for the matching pre-filter (a counterpart may match through
  // what it asks for); rows exist only while the request is published, with its last day.
  await db.schema
    .createTable("enterprise_request_sectors")
    .addColumn("request_id", "integer", (c) => c.notNull().references("enterprise_requests.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("nace", "text", (c) => c.notNull())
    .addColumn("side", "text", (c) => c.notNull())
    .addColumn("valid_until", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("enterprise_request_sectors_pk", ["request_id", "nace"])
    .execute();
  await index("enterprise_request_sectors_side_nace_idx", "enterprise_request_sectors", ["side", "nace", "valid_until", "organisation_id"]);
  await index("enterprise_request_sectors_org_idx", "enterprise_request_sectors", ["organisation_id"]);

  await db.schema
    .createTable("enterprise_introductions")
    .addColumn("id", "integer", id)
    .addColumn("from_organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("requested_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("to_organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("from_request_id", "integer", (c) => c.references("enterprise_requests.id").onDelete("set null"))
    .addColumn("to_request_id", "integer", (c) => c.references("enterprise_requests.id").onDelete("set null"))
    .addColumn("message", "text")
    .addColumn("score", num)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text")
    .addColumn("decided_at", ts)
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await index("enterprise_introductions_status_idx", "enterprise_introductions", ["status", "created_at"]);
  await index("enterprise_introductions_from_idx", "enterprise_introductions", ["from_organisation_id"]);
  await index("enterprise_introductions_to_idx", "enterprise_introductions", ["to_organisation_id"]);
  // One open request per pair: a double click or a second representative cannot ask twice.
  await sql`create unique index enterprise_introductions_open_idx on enterprise_introductions (from_organisation_id, to_organisation_id) where status = 'requested'`.execute(
    db,
  );

  await db.schema
    .createTable("enterprise_notices")
    .addColumn("id", "integer", id)
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("read_at", ts)
    .execute();
  await index("enterprise_notices_org_idx", "enterprise_notices", ["organisation_id", "created_at"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "enterprise_notices",
    "enterprise_introductions",
    "enterprise_requests",
    "enterprise_sectors",
    "enterprise_profiles",
  ])
    await db.schema.dropTable(table).execute();
}
