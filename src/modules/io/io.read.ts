import { createReadStream } from "node:fs";
import type { Row } from "exceljs";
import type { CellValue } from "./io.columns.ts";

/** One spreadsheet row as read: its number as the spreadsheet shows it (header = 1) and its cells. */
export interface SheetRow {
  number: number;
  cells: CellValue[];
}

export class ReadError extends Error {
  constructor(readonly key: "io.err.encoding" | "io.err.csv_quote" | "io.err.xlsx_invalid") {
    super(key);
  }
}

/** Streams a UTF-8 CSV file (comma, semicolon or tab separated; RFC 4180 quoting) row by row. */
export async function* readCsv(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let delimiter: string | null = null;
  let field = "";
  let row: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let pendingCr = false;
  let number = 0;
  let first = true;
  const out: SheetRow[] = [];

  const endRow = () => {
    row.push(field);
    field = "";
    number++;
    out.push({ number, cells: row.map((c) => (c === "" ? null : c)) });
    row = [];
  };

  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const consume = (input: string) => {
    let text = input;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (delimiter === null) delimiter = detectDelimiter(text);
    const delim = delimiter.charCodeAt(0);
    // Characters are copied by slices between special characters, not one by one.
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (ch === LF) {
          start = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (ch === QUOTE) {
          field += text.slice(start, i);
          start = i + 1;
          quoted = false;
          afterQuote = true;
        }
        continue;
      }
      if (ch === QUOTE) {
        field += text.slice(start, i);
        start = i + 1;
        // A doubled quote inside a quoted field reopens it with a literal quote.
        if (afterQuote) field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (ch === delim) {
        row.push(field + text.slice(start, i));
        field = "";
        start = i + 1;
      } else if (ch === LF || ch === CR) {
        field += text.slice(start, i);
        start = i + 1;
        if (ch === CR) pendingCr = true;
        endRow();
      }
    }
    field += text.slice(start);
  };

  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new ReadError("io.err.encoding");
      }
      onBytes?.((chunk as Buffer).length);
      consume(text);
      while (out.length > 0) yield out.shift() as SheetRow;
    }
    try {
      consume(decoder.decode());
    } catch {
      throw new ReadError("io.err.encoding");
    }
  } finally {
    stream.destroy();
  }
  if (quoted) throw new ReadError("io.err.csv_quote");
  if (field !== "" || row.length > 0) endRow();
  while (out.length > 0) yield out.shift() as SheetRow;
}

function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", ";", "\t"]) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === candidate) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** The value a cell shows: formulas give their cached result, rich text its plain text. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("result" in v) return cellValue(v.result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if (typeof v.text === "string") return v.text;
    if ("error" in v) return String(v.error);
  }
  return String(value);
}

/** Streams the first worksheet of an XLSX file (the file's zip must have been inspected first). */
export async function* readXlsx(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  // Loaded on first use: exceljs weighs ~100 MB of resident memory the server need not carry.
  const { default: ExcelJS } = await import("exceljs");
  const source = createReadStream(file);
  if (onBytes) source.on("data", (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const rows of sheet as unknown as AsyncIterable<Row | Row[]>) {
        if (sheets > 1) continue;
        for (const r of Array.isArray(rows) ? rows : [rows]) {
          const values = r.values as unknown[];
          const cells: CellValue[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
          yield { number: r.number, cells };
        }
      }
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError("io.err.xlsx_invalid");
  } finally {
    source.destroy();
  }
}
