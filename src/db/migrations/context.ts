/** What a migration may know about where it runs. Migrations import nothing else. */
export interface MigrationContext {
  dialect: "sqlite" | "postgres";
}
