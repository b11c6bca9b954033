import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_sites.ts";
import * as m0003 from "./0003_cooperation.ts";
import * as m0004 from "./0004_news.ts";
import * as m0005 from "./0005_matching.ts";
import * as m0006 from "./0006_matching_speed.ts";
import * as m0007 from "./0007_enterprises.ts";
import * as m0008 from "./0008_catalogue_indexes.ts";
import * as m0009 from "./0009_map_index.ts";
import * as m0010 from "./0010_partner_index.ts";
import * as m0011 from "./0011_enterprise_logos.ts";

/** Every migration in order. Add a line per new file; never reorder or rename. */
export const MIGRATIONS = {
  "0001_foundation": m0001,
  "0002_sites": m0002,
  "0003_cooperation": m0003,
  "0004_news": m0004,
  "0005_matching": m0005,
  "0006_matching_speed": m0006,
  "0007_enterprises": m0007,
  "0008_catalogue_indexes": m0008,
  "0009_map_index": m0009,
  "0010_partner_index": m0010,
  "0011_enterprise_logos": m0011,
} as const;
