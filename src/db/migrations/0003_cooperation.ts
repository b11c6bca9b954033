import type { Kysely } from "kysely";
import type { MigrationContext } from "./context.ts";

// Frozen once it ships: never edit after that; add a new migration instead.

/** The cooperation registry: organisations, people, aliases, ties, agreements, delegations, projects, indicators. */
export async function up(db: Kysely<any>, { dialect }: MigrationContext): Promise<void> {
  const ts = dialect === "postgres" ? "timestamptz" : "text";
  const id = (col: any) => (dialect === "postgres" ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  const num = "double precision";
  const sourced = (t: any) =>
    t
      .addColumn("confidence", "text", (c: any) => c.notNull().defaultTo("unverified"))
      .addColumn("sources", "text", (c: any) => c.notNull().defaultTo("[]"))
      .addColumn("note", "text");
  const stamped = (t: any) => t.addColumn("created_at", ts, (c: any) => c.notNull()).addColumn("updated_at", ts, (c: any) => c.notNull());
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();

  await stamped(
    sourced(
      db.schema
        .createTable("organisations")
        .addColumn("id", "integer", id)
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_original", "text")
        .addColumn("territory_id", "integer", (c) => c.references("territories.id").onDelete("restrict"))
        .addColumn("country", "text")
        .addColumn("sectors", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("website", "text"),
    ).addColumn("is_illustrative", "integer", (c: any) => c.notNull().defaultTo(0)),
  ).execute();
  await index("organisations_territory_idx", "organisations", ["territory_id"]);

  await stamped(
    sourced(
      db.schema
        .createTable("people")
        .addColumn("id", "integer", id)
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_original", "text"),
    ),
  ).execute();

  await db.schema
    .createTable("person_positions")
    .addColumn("id", "integer", id)
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id").onDelete("restrict"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("since", "text")
    .addColumn("until", "text")
    .addColumn("confidence", "text", (c) => c.notNull().defaultTo("unverified"))
    .addColumn("sources", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await index("person_positions_person_idx", "person_positions", ["person_id"]);
  await index("person_positions_org_idx", "person_positions", ["organisation_id"]);

  await db.schema
    .createTable("name_aliases")
    .addColumn("id", "integer", id)
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("script", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("search_key", "text", (c) => c.notNull())
    .execute();
  await index("name_aliases_key_idx", "name_aliases", ["search_key"]);
  await index("name_aliases_entity_idx", "name_aliases", ["entity_type", "entity_id"]);

  await stamped(
    sourced(
      db.schema
        .createTable("delegations")
        .addColumn("id", "integer", id)
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("from_territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
        .addColumn("to_territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
        .addColumn("starts_on", "text")
        .addColumn("ends_on", "text")
        .addColumn("head_person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
        .addColumn("head_note", "text")
        .addColumn("purpose", "text"),
    ).addColumn("is_illustrative", "integer", (c: any) => c.notNull().defaultTo(0)),
  ).execute();
  await index("delegations_to_idx", "delegations", ["to_territory_id"]);
  await index("delegations_from_idx", "delegations", ["from_territory_id"]);

  await stamped(
    sourced(
      db.schema
        .createTable("agreements")
        .addColumn("id", "integer", id)
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("subject", "text")
        .addColumn("signed_on", "text")
        .addColumn("place_territory_id", "integer", (c) => c.references("territories.id").onDelete("restrict"))
        .addColumn("place_note", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("status_on", "text")
        .addColumn("documents", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("delegation_id", "integer", (c) => c.references("delegations.id").onDelete("set null")),
    ).addColumn("is_illustrative", "integer", (c: any) => c.notNull().defaultTo(0)),
  ).execute();
  await index("agreements_status_idx", "agreements", ["status"]);
  await index("agreements_delegation_idx", "agreements", ["delegation_id"]);

  await db.schema
    .createTable("agreement_parties")
    .addColumn("id", "integer", id)
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreements.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("signatory_person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("signatory_note", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await index("agreement_parties_agreement_idx", "agreement_parties", ["agreement_id"]);
  await index("agreement_parties_org_idx", "agreement_parties", ["organisation_id"]);

  await stamped(
    sourced(
      db.schema
        .createTable("territory_ties")
        .addColumn("id", "integer", id)
        .addColumn("territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
        .addColumn("partner_territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("since", "text")
        .addColumn("document_title", "text")
        .addColumn("document_url", "text")
        .addColumn("agreement_id", "integer", (c) => c.references("agreements.id").onDelete("set null")),
    ),
  ).execute();
  await index("territory_ties_partner_idx", "territory_ties", ["partner_territory_id"]);

  await db.schema
    .createTable("registry_history")
    .addColumn("id", "integer", id)
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("from_value", "text")
    .addColumn("to_value", "text", (c) => c.notNull())
    .addColumn("effective_on", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("recorded_at", ts, (c) => c.notNull())
    .execute();
  await index("registry_history_entity_idx", "registry_history", ["entity_type", "entity_id"]);

  await db.schema
    .createTable("delegation_members")
    .addColumn("id", "integer", id)
    .addColumn("delegation_id", "integer", (c) => c.notNull().references("delegations.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("note", "text")
    .execute();
  await index("delegation_members_delegation_idx", "delegation_members", ["delegation_id"]);

  await db.schema
    .createTable("delegation_meetings")
    .addColumn("id", "integer", id)
    .addColumn("delegation_id", "integer", (c) => c.notNull().references("delegations.id").onDelete("cascade"))
    .addColumn("met_on", "text")
    .addColumn("person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("summary", "text")
    .execute();
  await index("delegation_meetings_delegation_idx", "delegation_meetings", ["delegation_id"]);

  await db.schema
    .createTable("delegation_visits")
    .addColumn("id", "integer", id)
    .addColumn("delegation_id", "integer", (c) => c.notNull().references("delegations.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("description", "text")
    .addColumn("sector", "text")
    .execute();
  await index("delegation_visits_delegation_idx", "delegation_visits", ["delegation_id"]);

  await stamped(
    db.schema
      .createTable("follow_up_actions")
      .addColumn("id", "integer", id)
      .addColumn("delegation_id", "integer", (c) => c.notNull().references("delegations.id").onDelete("cascade"))
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("owner_person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .addColumn("owner_organisation_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
      .addColumn("owner_note", "text")
      .addColumn("due_on", "text", (c) => c.notNull())
      .addColumn("done", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("done_on", "text"),
  ).execute();
  await index("follow_up_actions_due_idx", "follow_up_actions", ["done", "due_on"]);
  await index("follow_up_actions_delegation_idx", "follow_up_actions", ["delegation_id"]);

  await stamped(
    sourced(
      db.schema
        .createTable("projects")
        .addColumn("id", "integer", id)
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("investor_organisation_id", "integer", (c) => c.references("organisations.id").onDelete("restrict"))
        .addColumn("investor_country", "text")
        .addColumn("sector", "text")
        .addColumn("territory_id", "integer", (c) => c.references("territories.id").onDelete("restrict"))
        .addColumn("site_kind", "text")
        .addColumn("site_ref", "text")
        .addColumn("site_text", "text")
        .addColumn("capital_amount", num)
        .addColumn("capital_currency", "text")
        .addColumn("capital_kzt", num)
        .addColumn("capital_usd", num)
        .addColumn("fx_kzt_per_usd", num)
        .addColumn("fx_on", "text")
        .addColumn("fx_note", "text")
        .addColumn("jobs_planned", "integer")
        .addColumn("jobs_created", "integer")
        .addColumn("stage", "text", (c) => c.notNull())
        .addColumn("stage_on", "text"),
    ).addColumn("is_illustrative", "integer", (c: any) => c.notNull().defaultTo(0)),
  ).execute();
  await index("projects_stage_idx", "projects", ["stage"]);
  await index("projects_investor_idx", "projects", ["investor_organisation_id"]);

  await db.schema
    .createTable("project_agreements")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("agreement_id", "integer", (c) => c.notNull().references("agreements.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("project_agreements_pk", ["project_id", "agreement_id"])
    .execute();
  await index("project_agreements_agreement_idx", "project_agreements", ["agreement_id"]);

  await db.schema
    .createTable("project_organisations")
    .addColumn("id", "integer", id)
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("role", "text", (c) => c.notNull())
    .execute();
  await index("project_organisations_project_idx", "project_organisations", ["project_id"]);

  await stamped(
    sourced(
      db.schema
        .createTable("indicators")
        .addColumn("id", "integer", id)
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("unit", "text", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("value", num, (c) => c.notNull())
        .addColumn("country", "text")
        .addColumn("partner_country", "text")
        .addColumn("basis", "text", (c) => c.notNull())
        .addColumn("basis_note", "text")
        .addColumn("as_of", "text"),
    ),
  ).execute();
  await index("indicators_code_idx", "indicators", ["code", "period"]);

  await db.schema
    .createTable("indicator_territories")
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id").onDelete("cascade"))
    .addColumn("territory_id", "integer", (c) => c.notNull().references("territories.id").onDelete("restrict"))
    .addPrimaryKeyConstraint("indicator_territories_pk", ["indicator_id", "territory_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "indicator_territories",
    "indicators",
    "project_organisations",
    "project_agreements",
    "projects",
    "follow_up_actions",
    "delegation_visits",
    "delegation_meetings",
    "delegation_members",
    "registry_history",
    "territory_ties",
    "agreement_parties",
    "agreements",
    "delegations",
    "name_aliases",
    "person_positions",
    "people",
    "organisations",
  ])
    await db.schema.dropTable(table).execute();
}
