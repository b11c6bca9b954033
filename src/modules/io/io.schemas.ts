import { z } from "zod";
import type { MessageKey, MessageValues } from "../../i18n/i18n.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { PlotFilters, PremisesFilters } from "../sites/sites.schemas.ts";

export const IMPORT_KINDS = ["plots", "premises", "zones"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an import refuses before it parses a byte of content (QUALITY S7). */
export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number;
  /** XLSX only: parts inside the zip, their unpacked total, and the highest compression ratio of a part. */
  maxZipEntries: number;
  maxUnpackedBytes: number;
  maxCompressionRatio: number;
  /** Errors kept for the report; the rest are counted. */
  maxErrors: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxZipEntries: 1_000,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxErrors: 500,
};

/** The multipart body of the import form may be this much larger than the file itself. */
export const UPLOAD_OVERHEAD_BYTES = 64 * 1024;

/** One problem in an import: where (spreadsheet row or GeoJSON feature, header or property) and a message key. */
export interface ImportIssue {
  /** Spreadsheet row (header = 1), GeoJSON feature number (first = 1), or null for the whole file. */
  row: number | null;
  /** The header text as written in the file (or the column's label in the user's language), or a GeoJSON property. */
  column: string | null;
  message: MessageKey;
  values?: MessageValues;
}

export interface ImportReport {
  kind: ImportKind;
  format: "csv" | "xlsx" | "geojson" | null;
  /** Data rows (or features) read. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  /** Errors found beyond `maxErrors`. */
  moreErrors: number;
  /** True when the database was written. */
  applied: boolean;
}

export type ProgressFn = (phase: "read" | "save", done: number, total: number) => void;

export const ImportForm = z.object({
  kind: z.enum(IMPORT_KINDS, "form.choose_one"),
});

export const ApplyForm = z.object({
  kind: z.enum(IMPORT_KINDS, "form.choose_one"),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "io.expired"),
});

const localeParam = z.enum(LOCALES).catch("en").default("en").describe("Language of the column headers");

/** The list filters without paging, plus the header language. */
export const PlotExportQuery = PlotFilters.omit({ page: true, perPage: true, sort: true }).extend({ locale: localeParam });
export const PremisesExportQuery = PremisesFilters.omit({ page: true, perPage: true, sort: true }).extend({ locale: localeParam });

export const TemplateQuery = z.object({
  kind: z.enum(["plots", "premises"]).catch("plots").default("plots"),
  format: z.enum(EXPORT_FORMATS).catch("xlsx").default("xlsx"),
  locale: localeParam,
});
