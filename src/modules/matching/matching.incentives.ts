/**
 * What a regime's structured terms could save over N years: a pure, transparent estimate.
 * Every assumption is an input with a default the reader sees and may change; nothing here is
 * a legal promise (the page says so, and shows the regime's source).
 */
import { z } from "zod";
import type { Incentive } from "../sites/sites.schemas.ts";

export const EstimateInput = z.object({
  investmentKzt: z.coerce.number().positive().max(1e15).default(5_000_000_000).describe("Total investment, KZT"),
  equipmentShare: z.coerce.number().min(0).max(1).default(0.6).describe("Share of the investment spent on imported equipment"),
  buildingShare: z.coerce.number().min(0).max(1).default(0.3).describe("Share spent on buildings (property tax base)"),
  annualProfitKzt: z.coerce.number().min(0).max(1e15).default(600_000_000).describe("Expected taxable profit per year, KZT"),
  areaHa: z.coerce.number().min(0).max(100_000).default(10),
  years: z.coerce.number().int().min(1).max(30).default(10),
  citRatePct: z.coerce.number().min(0).max(100).default(20).describe("Standard corporate income tax rate (assumed)"),
  vatRatePct: z.coerce.number().min(0).max(100).default(16).describe("Standard VAT rate on imports (assumed; check the Tax Code in force)"),
  customsRatePct: z.coerce.number().min(0).max(100).default(5).describe("Average customs duty on the equipment (assumed)"),
  propertyRatePct: z.coerce.number().min(0).max(100).default(1.5).describe("Corporate property tax rate (assumed)"),
  landTaxKztPerHa: z.coerce.number().min(0).max(1e9).default(50_000).describe("Land tax per ha per year (illustrative assumption)"),
});
export type EstimateInput = z.infer<typeof EstimateInput>;

export interface EstimateLine {
  tax: Incentive["tax"];
  /** KZT saved over the period */
  savingKzt: number;
  yearsApplied: number;
  /** The arithmetic, with numbers, for the reader to check */
  formula: string;
  note: string | null;
}

export interface Estimate {
  lines: EstimateLine[];
  totalKzt: number;
  years: number;
  assumptions: EstimateInput;
}

const round = (x: number) => Math.round(x);

export function estimateSavings(incentives: Incentive[], input: EstimateInput): Estimate {
  const lines: EstimateLine[] = [];
  const equipment = input.investmentKzt * input.equipmentShare;
  const building = input.investmentKzt * input.buildingShare;
  for (const inc of incentives) {
    const rate = inc.ratePct;
    const years = Math.min(inc.years ?? input.years, input.years);
    switch (inc.tax) {
      case "cit": {
        if (rate === null) break;
        const perYear = (input.annualProfitKzt * Math.max(0, input.citRatePct - rate)) / 100;
        lines.push({
          tax: "cit",
          savingKzt: round(perYear * years),
          yearsApplied: years,
          formula: `${input.annualProfitKzt} × (${input.citRatePct}% − ${rate}%) × ${years}`,
          note: inc.note,
        });
        break;
      }
      case "property_tax": {
        const perYear = (building * Math.max(0, input.propertyRatePct - (rate ?? input.propertyRatePct))) / 100;
        lines.push({
          tax: "property_tax",
          savingKzt: round(perYear * years),
          yearsApplied: years,
          formula: `${round(building)} × (${input.propertyRatePct}% − ${rate ?? input.propertyRatePct}%) × ${years}`,
          note: inc.note,
        });
        break;
      }
      case "land_tax": {
        const relief = rate === null ? 0 : rate === 0 ? 1 : 0;
        const perYear = input.areaHa * input.landTaxKztPerHa * relief;
        lines.push({
          tax: "land_tax",
          savingKzt: round(perYear * years),
          yearsApplied: years,
          formula: `${input.areaHa} ha × ${input.landTaxKztPerHa} × ${relief} × ${years}`,
          note: inc.note,
        });
        break;
      }
      case "vat": {
        // One-off: VAT on imported equipment not paid.
        const saving = rate === null ? 0 : (equipment * Math.max(0, input.vatRatePct - rate)) / 100;
        lines.push({
          tax: "vat",
          savingKzt: round(saving),
          yearsApplied: 0,
          formula: `${round(equipment)} × (${input.vatRatePct}% − ${rate ?? input.vatRatePct}%)`,
          note: inc.note,
        });
        break;
      }
      case "customs": {
        const saving = rate === null ? 0 : (equipment * Math.max(0, input.customsRatePct - rate)) / 100;
        lines.push({
          tax: "customs",
          savingKzt: round(saving),
          yearsApplied: 0,
          formula: `${round(equipment)} × (${input.customsRatePct}% − ${rate ?? input.customsRatePct}%)`,
          note: inc.note,
        });
        break;
      }
      default:
        break;
    }
  }
  return { lines, totalKzt: lines.reduce((s, l) => s + l.savingKzt, 0), years: input.years, assumptions: input };
}
