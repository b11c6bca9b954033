import type { Writable } from "node:stream";
import { type I18n, i18nFor } from "../../i18n/i18n.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Plot, Premises } from "../sites/sites.schemas.ts";
import { type CellValue, type ColumnDef, columnsOf, escapeFormula, headerOf, recordCells, type SheetKind } from "./io.columns.ts";

/** Reference lists for the template's third sheet. */
export interface ReferenceRow {
  kind: "territory" | "zone";
  slug: string;
  name: string;
}

const BOM = "\uFEFF";

function csvField(cell: CellValue): string {
  if (cell === null) return "";
  const text = typeof cell === "string" ? escapeFormula(cell) : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return /[",\r\n;\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: CellValue[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** Writes and waits for the stream to take more when it is full. */
function write(out: Writable, text: string): Promise<void> | undefined {
  if (out.destroyed) throw new Error("export stream closed");
  if (out.write(text)) return undefined;
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off("drain", onDrain);
      out.off("error", onError);
      out.off("close", onDrain);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    out.once("drain", onDrain);
    out.once("error", onError);
    out.once("close", onDrain);
  });
}

export function headers(kind: SheetKind, locale: Locale): string[] {
  const i18n = i18nFor(locale);
  return columnsOf(kind).map((c) => headerOf(c, i18n));
}

/** CSV in UTF-8 with a BOM (Excel reads Cyrillic and Chinese right), headers in the locale. */
export async function writeCsv(
  kind: SheetKind,
  locale: Locale,
  batches: AsyncIterable<(Plot | Premises)[]>,
  out: Writable,
  onRows?: (rows: number) => void,
): Promise<number> {
  let rows = 0;
  await write(out, BOM + csvLine(headers(kind, locale)));
  for await (const batch of batches) {
    let chunk = "";
    for (const record of batch) chunk += csvLine(recordCells(kind, record, locale));
    rows += batch.length;
    await write(out, chunk);
    onRows?.(rows);
  }
  out.end();
  return rows;
}

function typeText(column: ColumnDef, i18n: I18n): string {
  switch (column.type) {
    case "text":
      return i18n.t("io.type.text", { max: column.max });
    case "slug":
      return i18n.t("io.type.slug");
    case "number":
      return i18n.t("io.type.number", { min: column.min, max: column.max });
    case "date":
      return i18n.t("io.type.date");
    case "boolean":
      return i18n.t("io.type.boolean");
    case "choice":
      return i18n.t("io.type.choice");
  }
}

function valuesText(column: ColumnDef, i18n: I18n, hasReference: boolean): string {
  if (column.type === "choice") return column.values.map((v) => (column.labels?.[v] ? `${v} — ${i18n.t(column.labels[v])}` : v)).join("\n");
  if (column.type === "boolean") return i18n.t("io.boolean_values");
  if (column.type === "slug" && hasReference) return i18n.t("io.see_reference", { sheet: i18n.t("io.sheet_reference") });
  return "";
}

/** The second sheet: what each column means, its type and unit, and the values it takes. */
export function helpRows(kind: SheetKind, locale: Locale, hasReference: boolean): string[][] {
  const i18n = i18nFor(locale);
  const rows = [
    [
      i18n.t("io.help.column"),
      i18n.t("io.help.key"),
      i18n.t("io.help.required"),
      i18n.t("io.help.type"),
      i18n.t("io.help.values"),
      i18n.t("io.help.description"),
    ],
  ];
  for (const column of columnsOf(kind)) {
    rows.push([
      headerOf(column, i18n),
      column.key,
      column.required ? i18n.t("common.yes") : "",
      typeText(column, i18n),
      valuesText(column, i18n, hasReference),
      column.description ? i18n.t(column.description) : "",
    ]);
  }
  rows.push([], [i18n.t("io.help.general")]);
  return rows;
}

const SHEET_NAME: Record<SheetKind, "io.kind.plots" | "io.kind.premises"> = { plots: "io.kind.plots", premises: "io.kind.premises" };

/** Excel sheet names: at most 31 characters, none of []:*?/\ */
function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}

/**
 * XLSX through exceljs's streaming writer: the data sheet (strings are always text cells, never
 * formulas), the column help, and for templates the reference lists.
 */
export async function writeXlsx(
  kind: SheetKind,
  locale: Locale,
  batches: AsyncIterable<(Plot | Premises)[]>,
  out: Writable,
  options: { reference?: ReferenceRow[]; onRows?: (rows: number) => void } = {},
): Promise<number> {
  const i18n = i18nFor(locale);
  // Loaded on first use: exceljs weighs ~100 MB of resident memory the server need not carry.
  const { default: ExcelJS } = await import("exceljs");
  // No styles: exceljs would process a style for every cell, which triples the time of a big export.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  workbook.creator = "Jibek";
  const data = workbook.addWorksheet(sheetName(i18n.t(SHEET_NAME[kind])), { views: [{ state: "frozen", ySplit: 1 }] });
  data.addRow(headers(kind, locale)).commit();
  let rows = 0;
  for await (const batch of batches) {
    for (const record of batch) data.addRow(recordCells(kind, record, locale)).commit();
    rows += batch.length;
    options.onRows?.(rows);
  }
  data.commit();
  const help = workbook.addWorksheet(sheetName(i18n.t("io.sheet_help")));
  for (const row of helpRows(kind, locale, Boolean(options.reference))) help.addRow(row).commit();
  help.commit();
  if (options.reference) {
    const ref = workbook.addWorksheet(sheetName(i18n.t("io.sheet_reference")));
    ref.addRow([i18n.t("io.ref.kind"), i18n.t("io.ref.slug"), i18n.t("io.ref.name")]).commit();
    for (const r of options.reference)
      ref.addRow([r.kind === "territory" ? i18n.t("io.ref.territory") : i18n.t("io.ref.zone"), r.slug, r.name]).commit();
    ref.commit();
  }
  await workbook.commit();
  return rows;
}
