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

export interface MatchingTables {
  saved_searches: SavedSearchesTable;
}
