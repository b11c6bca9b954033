import { z } from "zod";
import { CURRENCIES, PRICE_UNITS, ZONE_KINDS } from "../sites/sites.schemas.ts";

/** How much a criterion matters: a must (hard) or a preference with a weight (soft). */
const Importance = {
  hard: z.boolean().default(false).describe("true: a site that misses it is not a full match"),
  weight: z.number().int().min(1).max(5).default(3).describe("Weight of a soft criterion, 1–5"),
};

const Capacity = (unit: string) => z.object({ need: z.number().positive().max(1e8).describe(unit), ...Importance });
const MaxDistance = z.object({ maxKm: z.number().min(0).max(5000), ...Importance });

export const ZoneChoice = z.enum([...ZONE_KINDS, "none"]).describe("Zone kinds accepted; none = a plot outside any zone (general regime)");

/** An investor's requirements. Every criterion is optional; each is hard (must) or soft (weighted). */
export const SiteRequirements = z.object({
  target: z.enum(["plot", "premises"]).default("plot").describe("Land plot or ready premises"),
  sector: z
    .string()
    .regex(/^[A-U](\d{2}(\.\d{1,2})?)?$/, "matching.sector_invalid")
    .optional()
    .describe("NACE Rev. 2 section or class, e.g. C13.20"),
  area: z
    .object({ min: z.number().min(0).max(100_000).optional(), max: z.number().min(0).max(100_000).optional(), ...Importance })
    .optional()
    .describe("Land area in ha (plots) or floor area in m² (premises)"),
  power: Capacity("kW").optional(),
  gas: Capacity("m³/h").optional(),
  water: Capacity("m³/day").optional(),
  sewage: Capacity("m³/day").optional(),
  heat: Capacity("Gcal/h").optional(),
  railSiding: z.object(Importance).optional().describe("A rail siding on the plot"),
  rail: MaxDistance.optional().describe("Distance to a rail station"),
  airport: MaxDistance.optional(),
  border: MaxDistance.optional().describe("Distance to a border crossing"),
  city: MaxDistance.optional().describe("Distance to the oblast centre"),
  zoneKinds: z.object({ accepted: z.array(ZoneChoice).min(1), ...Importance }).optional(),
  citRelief: z.object(Importance).optional().describe("A regime with corporate income tax relief"),
  districts: z.object({ slugs: z.array(z.string().regex(/^[a-z0-9-]{1,100}$/)).min(1), ...Importance }).optional(),
  budget: z
    .object({
      max: z.number().positive(),
      currency: z.enum(CURRENCIES).default("KZT"),
      unit: z.enum([...PRICE_UNITS, "rent_m2_month"]).default("sale_per_ha"),
      ...Importance,
    })
    .optional()
    .describe("Highest price: per ha (sale or yearly lease), per year, or rent per m² per month (premises)"),
  readyBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "form.date_invalid")
    .optional()
    .describe("When production must start (YYYY-MM-DD); utilities that take longer to connect fall short"),
  limit: z.number().int().min(1).max(100).default(20),
  /** Near misses are added when fewer full matches than this are found. */
  nearMissThreshold: z.number().int().min(0).max(100).default(10),
});
export type SiteRequirements = z.infer<typeof SiteRequirements>;
export type SiteRequirementsInput = z.input<typeof SiteRequirements>;

export const CRITERIA = [
  "area",
  "power",
  "gas",
  "water",
  "sewage",
  "heat",
  "railSiding",
  "rail",
  "airport",
  "border",
  "city",
  "zoneKinds",
  "citRelief",
  "districts",
  "budget",
  "availability",
] as const;
export type CriterionKey = (typeof CRITERIA)[number];

export const CriterionResult = z.object({
  criterion: z.enum(CRITERIA),
  hard: z.boolean(),
  weight: z.number(),
  outcome: z.enum(["met", "closable", "short", "unknown"]).describe("closable: not there now, can be connected before the ready-by date"),
  score: z.number().min(0).max(1),
  need: z.number().nullable(),
  have: z.number().nullable(),
  gap: z.number().nullable().describe("How much is missing, in the criterion's unit"),
  unit: z.string().nullable(),
  connect: z.object({ months: z.number().nullable(), capacity: z.number().nullable(), costKzt: z.number().nullable() }).nullable(),
  explanation: z.string().describe("In the reader's language"),
});
export type CriterionResult = z.infer<typeof CriterionResult>;

export const MatchResult = z.object({
  kind: z.enum(["plot", "premises"]),
  code: z.string(),
  rank: z.number().int(),
  score: z.number().min(0).max(1),
  fullMatch: z.boolean().describe("Meets every hard criterion (closable utilities count, with their time and cost)"),
  misses: z.array(z.enum(CRITERIA)).describe("Hard criteria missed or unknown (near misses)"),
  criteria: z.array(CriterionResult),
  site: z.object({ name: z.string(), zone: z.string().nullable(), district: z.string(), areaLabel: z.string(), illustrative: z.boolean() }),
});
export type MatchResult = z.infer<typeof MatchResult>;

export const MatchResponse = z.object({
  results: z.array(MatchResult),
  fullMatches: z.number().int(),
  nearMisses: z.number().int(),
  candidatesConsidered: z
    .number()
    .int()
    .describe("Sites scored: those of an open status inside the area window (±30 %) and the districts and zone kinds asked as musts"),
});
export type MatchResponse = z.infer<typeof MatchResponse>;
