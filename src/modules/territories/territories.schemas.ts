import { z } from "zod";

export const LocalizedName = z
  .object({
    kk: z.string(),
    kkLatn: z.string().describe("Derived from kk by the 2021 Latin alphabet"),
    ru: z.string(),
    zh: z.string().nullable().describe("null where no Chinese name is recorded"),
    en: z.string(),
  })
  .describe("A name in every language of the portal");

export const TerritoryKind = z.enum(["oblast", "city", "district", "province", "prefecture_city", "autonomous_prefecture"]);

export const Territory = z.object({
  slug: z.string().describe("Stable identifier used in URLs"),
  kind: TerritoryKind,
  country: z.enum(["KZ", "CN"]),
  isHome: z.boolean().describe("True for Turkistan oblast and its units; false for partner territories"),
  parentSlug: z.string().nullable(),
  name: LocalizedName,
  centre: LocalizedName.nullable().describe("Administrative centre"),
  coordinates: z
    .object({
      lat: z.number(),
      lon: z.number(),
      confidence: z.string().describe("verified, single-source, estimated …"),
      source: z.string().nullable(),
    })
    .nullable(),
  population: z.object({ value: z.number().int(), year: z.number().int().nullable(), source: z.string().nullable() }).nullable(),
});
export type Territory = z.infer<typeof Territory>;

export const TerritoryList = z.object({ items: z.array(Territory), total: z.number().int() });
export const TerritorySlugParam = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/),
});
