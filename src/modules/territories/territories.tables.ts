import type { Generated } from "kysely";

/** Rows as stored. Timestamps are ISO-8601 strings on write; PostgreSQL hands back Date on read. */
export interface TerritoriesTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  parent_id: number | null;
  country: string;
  /** 1 for Turkistan oblast and its units, 0 for partner territories (integers: SQLite has no boolean). */
  is_home: number;
  name_kk: string;
  name_ru: string;
  name_zh: string | null;
  name_en: string;
  centre_kk: string | null;
  centre_ru: string | null;
  centre_zh: string | null;
  centre_en: string | null;
  centre_lat: number | null;
  centre_lon: number | null;
  coord_confidence: string | null;
  coord_source: string | null;
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  sort_order: number;
  created_at: string | Date;
  updated_at: string | Date;
}

export interface TerritoriesTables {
  territories: TerritoriesTable;
}
