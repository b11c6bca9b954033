import type { Kysely } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen: never edit after it ships; add a new migration instead.

export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  const ts = dialect === "postgres" ? "timestamptz" : "text";
  const id = (col: any) => (dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  const num = "double precision";

  await db.schema
    .createTable("zones")
    .addColumn("id", "integer", id)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("parent_zone_id", "integer", (c) => c.references("zones.id").onDelete("restrict"))
    .addColumn("territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
    .addColumn("name_kk", "text", (c) => c.notNull())
    .addColumn("name_ru", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("operator_name", "text")
    .addColumn("total_area_ha", num)
    .addColumn("free_area_ha", num)
    .addColumn("centre_lat", num)
    .addColumn("centre_lon", num)
    .addColumn("geometry", "text")
    .addColumn("regime_kk", "text")
    .addColumn("regime_ru", "text")
    .addColumn("regime_zh", "text")
    .addColumn("regime_en", "text")
    .addColumn("incentives", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("customs_regime", "text")
    .addColumn("land_terms", "text")
    .addColumn("sectors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("contact_phone", "text")
    .addColumn("contact_email", "text")
    .addColumn("website", "text")
    .addColumn("facts", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("confidence", "text", (c) => c.notNull().defaultTo("unverified"))
    .addColumn("is_illustrative", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("verified_at", ts)
    .addColumn("verified_by", "text")
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("zones_territory_idx").on("zones").column("territory_id").execute();
  await db.schema.createIndex("zones_kind_idx").on("zones").columns(["kind", "status"]).execute();

  await db.schema
    .createTable("plots")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("zone_id", "integer", (c) => c.references("zones.id").onDelete("restrict"))
    .addColumn("territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
    .addColumn("cadastral_number", "text")
    .addColumn("area_ha", num, (c) => c.notNull())
    .addColumn("land_category", "text")
    .addColumn("permitted_use", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reserved_until", "text")
    .addColumn("reserved_for", "text")
    .addColumn("price_amount", num)
    .addColumn("price_currency", "text")
    .addColumn("price_unit", "text")
    .addColumn("lat", num)
    .addColumn("lon", num)
    .addColumn("geometry", "text")
    .addColumn("power_kw", num)
    .addColumn("power_kv", num)
    .addColumn("gas_m3h", num)
    .addColumn("water_m3d", num)
    .addColumn("sewage_m3d", num)
    .addColumn("heat_gcalh", num)
    .addColumn("rail_siding", "integer")
    .addColumn("road_access", "integer")
    .addColumn("utilities", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("dist_rail_km", num)
    .addColumn("dist_airport_km", num)
    .addColumn("dist_border_km", num)
    .addColumn("dist_centre_km", num)
    .addColumn("notes", "text")
    .addColumn("is_illustrative", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("verified_at", ts)
    .addColumn("verified_by", "text")
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ["plots_zone_idx", ["zone_id"]],
    ["plots_territory_idx", ["territory_id", "status"]],
    ["plots_status_area_idx", ["status", "area_ha"]],
    ["plots_power_idx", ["power_kw"]],
    ["plots_area_idx", ["area_ha"]],
    ["plots_latlon_idx", ["lat", "lon"]],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on("plots")
      .columns([...cols])
      .execute();
  }

  await db.schema
    .createTable("premises")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("zone_id", "integer", (c) => c.references("zones.id").onDelete("restrict"))
    .addColumn("plot_id", "integer", (c) => c.references("plots.id").onDelete("restrict"))
    .addColumn("territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("floor_area_m2", num, (c) => c.notNull())
    .addColumn("ceiling_m", num)
    .addColumn("floor_load_t_m2", num)
    .addColumn("crane_t", num)
    .addColumn("power_kw", num)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("price_kzt_m2_month", num)
    .addColumn("lat", num)
    .addColumn("lon", num)
    .addColumn("notes", "text")
    .addColumn("is_illustrative", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("verified_at", ts)
    .addColumn("verified_by", "text")
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("premises_zone_idx").on("premises").column("zone_id").execute();
  await db.schema.createIndex("premises_territory_idx").on("premises").columns(["territory_id", "status"]).execute();

  await db.schema
    .createTable("site_status_history")
    .addColumn("id", "integer", id)
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("site_status_history_entity_idx").on("site_status_history").columns(["entity_type", "entity_id"]).execute();

  await db.schema
    .createTable("site_files")
    .addColumn("id", "integer", id)
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("stored_name", "text", (c) => c.notNull().unique())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("site_files_entity_idx").on("site_files").columns(["entity_type", "entity_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["site_files", "site_status_history", "premises", "plots", "zones"]) await db.schema.dropTable(table).execute();
}
