import type { Generated } from "kysely";

/** A search an investor saved, with its results at the time; an inquiry can be requested from it. */
export interface SavedSearchesTable {
  id: Generated<number>;
  user_id: number;
  title: string;
  /** JSON: SiteRequirements */
  requirements: string;
  /** JSON: the ranked codes, scores and misses when saved */
  results: string;
  created_at: string | Date;
  inquiry_requested_at: string | Date | null;
  inquiry_message: string | null;
  inquiry_contact: string | null;
}

/**
 * One row (id 1): the catalogue's version, bumped by database triggers in the same transaction as
 * every write to zones, plots, premises or territories (migration 0006). The search index's clock.
 */
export interface CatalogueVersionTable {
  id: number;
  version: number;
}

export interface MatchingTables {
  saved_searches: SavedSearchesTable;
  catalogue_version: CatalogueVersionTable;
}
