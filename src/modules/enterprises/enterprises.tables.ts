import type { Generated } from "kysely";

type Timestamp = string | Date;

/**
 * Tables of the enterprise directory (migration 0007). An enterprise is an organisation of the
 * cooperation registry with a profile; names, territory and aliases stay on `organisations`.
 * Texts in several languages are JSON `{kk, ru, zh, en}` (each may be null). New or changed public
 * text waits in a `pending_*` column until staff approve it; the approved text stays meanwhile.
 */
export interface EnterpriseProfilesTable {
  organisation_id: number;
  /** home (Turkistan oblast) or partner (Wenzhou and the partner provinces) */
  side: string;
  /** draft, published or hidden */
  publication: string;
  size_band: string | null;
  year_founded: number | null;
  /** JSON OptionalText: the approved description */
  description: string | null;
  /** JSON OptionalText awaiting moderation, or null */
  pending_description: string | null;
  pending_at: Timestamp | null;
  pending_by: number | null;
  /** Why the last pending text was rejected */
  moderation_note: string | null;
  /** JSON: {hs: string | null, name: string}[] */
  products: string;
  /** JSON: ISO 3166 alpha-2 codes */
  export_markets: string;
  /** JSON: string[] */
  certifications: string;
  logo_file: string | null;
  /** JSON: {person, email, phone, address}; shown to staff and the organisation's representatives only */
  contacts: string | null;
  /** JSON: {kk, ru, zh, en} → original | human | machine | missing */
  translations: string;
  /** JSON: string[] from buildTextKeys over the approved texts */
  text_keys: string;
  /** JSON MatchData (enterprises.matchdata.ts): what partner matching reads, kept with every write */
  match_data: Generated<string>;
  verified_at: Timestamp | null;
  verified_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnterpriseSectorsTable {
  organisation_id: number;
  /** NACE Rev. 2 class, "13.20" */
  nace: string;
  /** The profile's side, repeated here so the matching pre-filter reads one index */
  side: string;
}

/** A published request's classes with its organisation's side and its last day: the pre-filter's second source. */
export interface EnterpriseRequestSectorsTable {
  request_id: number;
  organisation_id: number;
  nace: string;
  side: string;
  valid_until: string;
}

export interface EnterpriseRequestsTable {
  id: Generated<number>;
  organisation_id: number;
  kind: string;
  /** JSON: NACE classes */
  sectors: string;
  /** JSON: {hs: string | null, name: string}[] */
  products: string;
  quantity: number | null;
  unit: string | null;
  amount: number | null;
  currency: string | null;
  /** JSON OptionalText: the approved title and description */
  title: string | null;
  description: string | null;
  /** JSON {title, description} awaiting moderation, or null */
  pending_text: string | null;
  pending_at: Timestamp | null;
  /** YYYY-MM-DD, inclusive */
  valid_until: string;
  /** draft, pending, published, rejected, closed, expired */
  status: string;
  moderation_note: string | null;
  moderated_by: number | null;
  moderated_at: Timestamp | null;
  /** When the owner was told the request expired: set once */
  reminder_sent_at: Timestamp | null;
  text_keys: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnterpriseIntroductionsTable {
  id: Generated<number>;
  from_organisation_id: number;
  requested_by: number | null;
  to_organisation_id: number;
  from_request_id: number | null;
  to_request_id: number | null;
  message: string | null;
  score: number | null;
  /** requested, accepted, declined, withdrawn */
  status: string;
  decided_by: number | null;
  reason: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}

/** In-app notices for an organisation's representatives. */
export interface EnterpriseNoticesTable {
  id: Generated<number>;
  organisation_id: number;
  kind: string;
  subject_type: string;
  subject_id: number;
  /** JSON */
  details: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/**
 * One row (id 1): the directory's version for partner matching's in-memory index, bumped by
 * database triggers in the same transaction as every write to a profile's side, publication or
 * match_data, and to territories (migration 0010).
 */
export interface EnterpriseVersionTable {
  id: number;
  version: number;
}

export interface EnterprisesTables {
  enterprise_version: EnterpriseVersionTable;
  enterprise_profiles: EnterpriseProfilesTable;
  enterprise_sectors: EnterpriseSectorsTable;
  enterprise_requests: EnterpriseRequestsTable;
  enterprise_request_sectors: EnterpriseRequestSectorsTable;
  enterprise_introductions: EnterpriseIntroductionsTable;
  enterprise_notices: EnterpriseNoticesTable;
}
