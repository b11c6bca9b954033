import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import type { CellValue } from "./io.columns.ts";
import { openZipPart, type ZipPart, zipParts } from "./io.zip.ts";

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

/** Reads a whole (small) part as text; null when the zip has no such part. */
async function partText(file: string, parts: Map<string, ZipPart>, name: string): Promise<string | null> {
  const part = parts.get(name);
  if (!part) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of openZipPart(file, part)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Feeds an XML part through a SAX parser, yielding after each chunk whatever `drain` collected. */
async function* saxStream<T>(source: AsyncIterable<Buffer>, parser: SaxesParser, drain: () => T[]): AsyncGenerator<T> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for await (const chunk of source) {
    parser.write(decoder.decode(chunk, { stream: true }));
    yield* drain();
  }
  parser.write(decoder.decode());
  parser.close();
  yield* drain();
}

/** The first worksheet's part name, as the workbook orders its sheets (not as the zip stores them). */
async function firstSheetPart(file: string, parts: Map<string, ZipPart>): Promise<string> {
  const workbook = await partText(file, parts, "xl/workbook.xml");
  const rels = await partText(file, parts, "xl/_rels/workbook.xml.rels");
  let relId: string | null = null;
  const targets = new Map<string, string>();
  // One parser per document: a SAX parser takes one XML declaration.
  for (const text of [workbook, rels]) {
    if (!text) continue;
    const parser = new SaxesParser();
    parser.on("opentag", (tag) => {
      const attributes = tag.attributes as Record<string, string>;
      if (tag.name === "sheet" && relId === null) relId = attributes["r:id"] ?? null;
      if (tag.name === "Relationship" && attributes.Id && attributes.Target) targets.set(attributes.Id, attributes.Target);
    });
    parser.write(text).close();
  }
  const target = relId ? targets.get(relId) : undefined;
  if (target) {
    const name = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    if (parts.has(name)) return name;
  }
  const sheets = [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  sheets.sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]));
  if (!sheets[0]) throw new ReadError("io.err.xlsx_invalid");
  return sheets[0];
}

/** The shared strings table: rich text runs joined, phonetic guides left out. */
async function sharedStrings(file: string, parts: Map<string, ZipPart>, onBytes?: (bytes: number) => void): Promise<string[]> {
  const part = parts.get("xl/sharedStrings.xml");
  if (!part) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    if (tag.name === "si") current = "";
    else if (tag.name === "rPh") phonetic++;
    else if (tag.name === "t" && current !== null && phonetic === 0) inText = !tag.isSelfClosing;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "si" && current !== null) {
      strings.push(current);
      current = null;
    } else if (tag.name === "rPh") phonetic--;
    else if (tag.name === "t") inText = false;
  });
  const onText = (text: string) => {
    if (inText && current !== null) current += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  for await (const _ of saxStream(openZipPart(file, part, onBytes), parser, () => [])) {
    // Only the table is wanted; the stream is read for its side effects.
  }
  return strings;
}

/** A cell reference's column as a zero-based index: "A1" → 0, "AB7" → 27; -1 when there is none. */
function columnIndex(ref: string | undefined): number {
  if (!ref) return -1;
  let index = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return i === 0 ? -1 : index - 1;
}

/** The value a cell shows: shared or inline text, a formula's cached result, a number, a boolean. */
function cellValue(type: string, raw: string, inline: string, strings: string[]): CellValue {
  let value: CellValue;
  switch (type) {
    case "s":
      value = raw === "" ? null : (strings[Number(raw)] ?? null);
      break;
    case "inlineStr":
      value = inline;
      break;
    case "str":
    case "e":
    case "d":
      value = raw;
      break;
    case "b":
      value = raw === "" ? null : Number(raw) !== 0;
      break;
    default:
      value = raw.trim() === "" ? null : Number(raw);
      if (typeof value === "number" && Number.isNaN(value)) value = raw;
  }
  return value === "" ? null : value;
}

/**
 * Streams the first worksheet of an XLSX file (the file's zip must have been inspected first).
 * The parts are found through the zip's central directory, so the order a writer stored them in
 * does not matter (exceljs's own streaming reader loses the shared strings now and then when the
 * sheets come first, as its streaming writer puts them: exceljs/exceljs#683).
 */
export async function* readXlsx(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  let source: Readable | null = null;
  try {
    const parts = await zipParts(file);
    const sheetName = await firstSheetPart(file, parts);
    const strings = await sharedStrings(file, parts, onBytes);
    const sheet = parts.get(sheetName);
    if (!sheet) throw new ReadError("io.err.xlsx_invalid");

    const done: SheetRow[] = [];
    let row: SheetRow | null = null;
    let lastRow = 0;
    let nextColumn = 0;
    let cell: { column: number; type: string; raw: string; inline: string } | null = null;
    let inValue = false;
    let inInline = false;
    let phonetic = 0;
    const parser = new SaxesParser();
    parser.on("opentag", (tag) => {
      const attributes = tag.attributes as Record<string, string>;
      switch (tag.name) {
        case "row":
          lastRow = Number(attributes.r) || lastRow + 1;
          row = { number: lastRow, cells: [] };
          nextColumn = 0;
          break;
        case "c": {
          const column = columnIndex(attributes.r);
          cell = { column: column < 0 ? nextColumn : column, type: attributes.t ?? "n", raw: "", inline: "" };
          break;
        }
        case "v":
          inValue = cell !== null && !tag.isSelfClosing;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          inInline = cell !== null && phonetic === 0 && !tag.isSelfClosing;
          break;
      }
    });
    parser.on("closetag", (tag) => {
      switch (tag.name) {
        case "v":
          inValue = false;
          break;
        case "t":
          inInline = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c":
          if (row && cell) {
            const cells = row.cells;
            while (cells.length < cell.column) cells.push(null);
            cells[cell.column] = cellValue(cell.type, cell.raw, cell.inline, strings);
            nextColumn = cell.column + 1;
          }
          cell = null;
          break;
        case "row":
          if (row) done.push(row);
          row = null;
          break;
      }
    });
    const onText = (text: string) => {
      if (!cell) return;
      if (inValue) cell.raw += text;
      else if (inInline) cell.inline += text;
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    source = openZipPart(file, sheet, onBytes);
    yield* saxStream(source, parser, () => done.splice(0));
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError("io.err.xlsx_invalid");
  } finally {
    source?.destroy();
  }
}
