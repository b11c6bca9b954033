import type { Generated } from "kysely";

type Timestamp = string | Date;

/** JSON columns are text on both engines; the repository parses them. */
export interface ZonesTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  parent_zone_id: number | null;
  territory_id: number;
  name_kk: string;
  name_ru: string;
  name_zh: string | null;
  name_en: string;
  status: string;
  operator_name: string | null;
  total_area_ha: number | null;
  free_area_ha: number | null;
  centre_lat: number | null;
  centre_lon: number | null;
  /** GeoJSON geometry (Polygon or MultiPolygon), WGS 84. */
  geometry: string | null;
  regime_kk: string | null;
  regime_ru: string | null;
  regime_zh: string | null;
  regime_en: string | null;
  /** JSON: Incentive[] */
  incentives: string;
  customs_regime: string | null;
  land_terms: string | null;
  /** JSON: NACE Rev. 2 codes */
  sectors: string;
  contact_phone: string | null;
  contact_email: string | null;
  website: string | null;
  /** JSON: SourcedFact[]: figures with their confidence and source */
  facts: string;
  confidence: string;
  is_illustrative: number;
  verified_at: Timestamp | null;
  verified_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlotsTable {
  id: Generated<number>;
  code: string;
  zone_id: number | null;
  territory_id: number;
  cadastral_number: string | null;
  area_ha: number;
  land_category: string | null;
  permitted_use: string | null;
  status: string;
  reserved_until: string | null;
  reserved_for: string | null;
  price_amount: number | null;
  price_currency: string | null;
  price_unit: string | null;
  lat: number | null;
  lon: number | null;
  geometry: string | null;
  power_kw: number | null;
  power_kv: number | null;
  gas_m3h: number | null;
  water_m3d: number | null;
  sewage_m3d: number | null;
  heat_gcalh: number | null;
  rail_siding: number | null;
  road_access: number | null;
  /** JSON: per utility, who confirmed it when, and the time and cost to connect. */
  utilities: string;
  dist_rail_km: number | null;
  dist_airport_km: number | null;
  dist_border_km: number | null;
  dist_centre_km: number | null;
  notes: string | null;
  is_illustrative: number;
  verified_at: Timestamp | null;
  verified_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PremisesTable {
  id: Generated<number>;
  code: string;
  zone_id: number | null;
  plot_id: number | null;
  territory_id: number;
  kind: string;
  floor_area_m2: number;
  ceiling_m: number | null;
  floor_load_t_m2: number | null;
  crane_t: number | null;
  power_kw: number | null;
  status: string;
  price_kzt_m2_month: number | null;
  lat: number | null;
  lon: number | null;
  notes: string | null;
  is_illustrative: number;
  verified_at: Timestamp | null;
  verified_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SiteStatusHistoryTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  from_status: string | null;
  to_status: string;
  reason: string;
  actor_user_id: number | null;
  at: Timestamp;
}

export interface SiteFilesTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  kind: string;
  title: string;
  stored_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface SitesTables {
  zones: ZonesTable;
  plots: PlotsTable;
  premises: PremisesTable;
  site_status_history: SiteStatusHistoryTable;
  site_files: SiteFilesTable;
}
