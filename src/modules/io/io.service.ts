import { open, readFile, stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import { AppError } from "../../http/errors.ts";
import { CATALOGS, i18nFor, type MessageKey } from "../../i18n/i18n.ts";
import type { Locale } from "../../i18n/locales.ts";
import { readAhead } from "../../lib/read-ahead.ts";
import { type Actor, can } from "../accounts/accounts.policy.ts";
import {
  type PlotData,
  type PlotFilters,
  PlotInput,
  type PremisesData,
  type PremisesFilters,
  PremisesInput,
  type Zone,
} from "../sites/sites.schemas.ts";
import type { SitesService } from "../sites/sites.service.ts";
import type { TerritoriesService } from "../territories/territories.service.ts";
import { type ColumnDef, columnsOf, headerMap, headerOf, normalizeHeader, parseCell, RecordBuilder, type SheetKind } from "./io.columns.ts";
import { centreOf, parseZones, type ZoneDraft } from "./io.geojson.ts";
import { ReadError, readCsv, readXlsx, type SheetRow } from "./io.read.ts";
import {
  DEFAULT_LIMITS,
  type ExportFormat,
  type ImportIssue,
  type ImportKind,
  type ImportLimits,
  type ImportReport,
  type ProgressFn,
} from "./io.schemas.ts";
import { type ReferenceRow, writeCsv, writeXlsx } from "./io.write.ts";
import { inspectZip } from "./io.zip.ts";

type FileFormat = "csv" | "xlsx" | "geojson";

export interface ImportOptions {
  dryRun: boolean;
  /** Language for labels of columns that are not in the file. */
  locale?: Locale;
  onProgress?: ProgressFn;
}

type ZoneRecord = Parameters<SitesService["upsertZoneRecord"]>[0];

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Spreadsheet column letters for a header cell left empty: A, B, …, AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Import and export of the catalogue. Files are checked against the limits before they are
 * parsed; rows are validated with the same zod schemas as the forms; the write is the sites
 * service's one transaction (all or nothing).
 */
export class IoService {
  constructor(
    private readonly sites: SitesService,
    private readonly territories: TerritoriesService,
    readonly limits: ImportLimits = DEFAULT_LIMITS,
  ) {}

  private authorize(actor: Actor): void {
    if (!can(actor, "sites:edit")) throw new AppError("forbidden");
  }

  /** The format from the first bytes, never from the name (QUALITY S7). */
  private async sniff(file: string): Promise<FileFormat | null> {
    const handle = await open(file, "r");
    try {
      const head = Buffer.alloc(8192);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const bytes = head.subarray(0, bytesRead);
      if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return "xlsx";
      if (bytes.includes(0)) return null;
      const text = bytes
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .trimStart();
      if (text.startsWith("{")) return "geojson";
      return "csv";
    } finally {
      await handle.close();
    }
  }

  async importFile(actor: Actor, kind: ImportKind, file: string, options: ImportOptions): Promise<ImportReport> {
    this.authorize(actor);
    const report: ImportReport = {
      kind,
      format: null,
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [],
      moreErrors: 0,
      applied: false,
    };
    const refuse = (message: MessageKey, values?: Record<string, string | number>) => {
      report.errors.push({ row: null, column: null, message, ...(values ? { values } : {}) });
      return report;
    };
    const { size } = await stat(file);
    if (size > this.limits.maxFileBytes)
      return refuse("io.err.limit_size", { size: megabytes(size), max: megabytes(this.limits.maxFileBytes) });
    const format = await this.sniff(file);
    report.format = format;
    if (!format) return refuse("io.err.format");
    if (kind === "zones") {
      if (format !== "geojson") return refuse("io.err.format_for_kind", { expected: "GeoJSON" });
      return this.importZones(report, file, options);
    }
    if (format === "geojson") return refuse("io.err.format_for_kind", { expected: "XLSX / CSV" });
    if (format === "xlsx") {
      const verdict = await inspectZip(file, this.limits);
      if (!verdict.ok) {
        if (verdict.reason === "entries")
          return refuse("io.err.limit_entries", { count: verdict.count ?? 0, max: this.limits.maxZipEntries });
        if (verdict.reason === "unpacked")
          return refuse("io.err.limit_unpacked", { size: megabytes(verdict.size ?? 0), max: megabytes(this.limits.maxUnpackedBytes) });
        if (verdict.reason === "ratio") return refuse("io.err.limit_ratio");
        return refuse("io.err.zip_invalid");
      }
    }
    return this.importSheet(actor, report, kind, format, file, size, options);
  }

  private async importSheet(
    actor: Actor,
    report: ImportReport,
    kind: SheetKind,
    format: "csv" | "xlsx",
    file: string,
    size: number,
    options: ImportOptions,
  ): Promise<ImportReport> {
    const i18n = i18nFor(options.locale ?? "en");
    const errors = report.errors;
    const push = (issue: ImportIssue) => {
      if (errors.length < this.limits.maxErrors) errors.push(issue);
      else report.moreErrors++;
    };
    let bytes = 0;
    const onBytes = (n: number) => {
      bytes += n;
      options.onProgress?.("read", Math.min(bytes, size), size);
    };
    const rows: AsyncGenerator<SheetRow> = format === "csv" ? readCsv(file, onBytes) : readXlsx(file, onBytes);
    const byHeader = headerMap(kind);
    let columns: (ColumnDef | null)[] | null = null;
    let headerText: string[] = [];
    const rowNumbers: number[] = [];
    const schema = kind === "plots" ? PlotInput : PremisesInput;
    const columnName = (key: string): string => {
      const index = columns?.findIndex((c) => c?.key === key) ?? -1;
      if (index >= 0) return headerText[index] ?? key;
      const column = columnsOf(kind).find((c) => c.key === key);
      return column ? headerOf(column, i18n) : key;
    };

    // Rows are validated while they stream in and handed to the service in batches inside its one
    // transaction (the next batch is read while the database writes this one: readAhead); rows with errors are left out, the rest still reach the service so that unknown
    // zones and duplicate codes are reported with the parse errors, and it all rolls back.
    const limits = this.limits;
    let halted = false;
    const valid = async function* (): AsyncGenerator<(PlotData | PremisesData)[]> {
      let batch: (PlotData | PremisesData)[] = [];
      for await (const row of rows) {
        if (!columns) {
          if (row.cells.every((c) => c === null)) continue;
          headerText = row.cells.map((c) => (c === null ? "" : String(c).trim()));
          const firstIndex = new Map<string, number>();
          columns = headerText.map((text, index) => {
            if (text === "") return null;
            const column = byHeader.get(normalizeHeader(text));
            if (!column) {
              push({ row: row.number, column: text, message: "io.err.column_unknown" });
              return null;
            }
            if (firstIndex.has(column.key)) {
              push({ row: row.number, column: text, message: "io.err.column_duplicate" });
              return null;
            }
            firstIndex.set(column.key, index);
            return column;
          });
          for (const column of columnsOf(kind))
            if (column.required && !firstIndex.has(column.key))
              push({ row: row.number, column: headerOf(column, i18n), message: "io.err.column_missing" });
          if (errors.length > 0) {
            halted = true;
            return;
          }
          continue;
        }
        if (row.cells.every((c) => c === null)) continue;
        report.rows++;
        if (report.rows > limits.maxRows) {
          errors.length = 0;
          report.moreErrors = 0;
          push({ row: null, column: null, message: "io.err.limit_rows", values: { max: limits.maxRows } });
          halted = true;
          return;
        }
        const record = new RecordBuilder();
        const problemKeys = new Set<string>();
        let bad = false;
        for (let index = 0; index < columns.length; index++) {
          const column = columns[index];
          if (!column) continue;
          const parsed = parseCell(column, row.cells[index] ?? null);
          if ("problem" in parsed) {
            push({
              row: row.number,
              column: headerText[index] ?? column.key,
              message: parsed.problem.message,
              values: parsed.problem.values,
            });
            problemKeys.add(column.key);
            bad = true;
          } else if (parsed.value !== null) record.set(column.key, parsed.value);
          else if (column.required) {
            push({ row: row.number, column: headerText[index] ?? column.key, message: "form.required" });
            problemKeys.add(column.key);
            bad = true;
          }
        }
        // Data under a column without a header would be lost silently.
        for (let index = 0; index < row.cells.length; index++) {
          if (row.cells[index] !== null && !columns[index] && (headerText[index] ?? "") === "") {
            push({ row: row.number, column: columnLetter(index), message: "io.err.column_unknown" });
            bad = true;
          }
        }
        // Fields with a cell error are reported already; the rest of the row is still checked.
        const result = schema.safeParse(record.build(kind));
        if (!result.success) {
          const seen = new Set<string>();
          for (const issue of result.error.issues) {
            const key = issue.path.map(String).join(".");
            if (seen.has(key) || problemKeys.has(key)) continue;
            seen.add(key);
            const message = (issue.message in CATALOGS.en ? issue.message : "form.invalid") as MessageKey;
            push({ row: row.number, column: columnName(key), message });
          }
          continue;
        }
        if (bad) continue;
        batch.push(result.data);
        rowNumbers.push(row.number);
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    };
    const upsertOptions = {
      dryRun: () => Boolean(options.dryRun) || errors.length > 0 || report.moreErrors > 0,
      onProgress: (done: number) => options.onProgress?.("save", done, report.rows),
    };
    let outcome: Awaited<ReturnType<SitesService["upsertPlots"]>>;
    try {
      outcome =
        kind === "plots"
          ? await this.sites.upsertPlots(actor, readAhead(valid()) as AsyncIterable<PlotData[]>, upsertOptions)
          : await this.sites.upsertPremises(actor, readAhead(valid()) as AsyncIterable<PremisesData[]>, upsertOptions);
    } catch (error) {
      if (error instanceof ReadError) {
        errors.length = 0;
        report.moreErrors = 0;
        push({ row: null, column: null, message: error.key });
        return report;
      }
      throw error;
    }
    if (halted) return report;
    if (!columns) {
      push({ row: null, column: null, message: "io.err.no_header" });
      return report;
    }
    if (report.rows === 0) {
      push({ row: null, column: null, message: "io.err.no_rows" });
      return report;
    }
    for (const e of outcome.errors)
      push({
        row: rowNumbers[e.row] ?? null,
        column: columnName(e.field),
        message: (e.message in CATALOGS.en ? e.message : "form.invalid") as MessageKey,
      });
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (errors.length === 0) {
      report.created = outcome.created;
      report.updated = outcome.updated;
      report.unchanged = outcome.unchanged;
      report.applied = !options.dryRun;
    }
    return report;
  }

  // Zones

  private async importZones(report: ImportReport, file: string, options: ImportOptions): Promise<ImportReport> {
    const text = await readFile(file, "utf8");
    options.onProgress?.("read", 1, 1);
    const { drafts, issues } = parseZones(text, this.limits.maxRows);
    report.rows = drafts.length + new Set(issues.map((i) => i.feature).filter((f) => f !== null)).size;
    const push = (issue: ImportIssue) => {
      if (report.errors.length < this.limits.maxErrors) report.errors.push(issue);
      else report.moreErrors++;
    };
    for (const i of issues) push({ row: i.feature, column: i.property, message: i.message, ...(i.values ? { values: i.values } : {}) });

    const existing = new Map((await this.sites.listZones()).map((z) => [z.slug, z]));
    const inFile = new Set(drafts.map((d) => d.slug));
    const territoryIds = new Map<string, number>();
    for (const d of drafts) {
      if (!territoryIds.has(d.territorySlug)) {
        const id = await this.sites.territoryIdOf(d.territorySlug);
        if (id) territoryIds.set(d.territorySlug, id);
      }
      if (!territoryIds.has(d.territorySlug)) push({ row: d.feature, column: "territory", message: "sites.territory_unknown" });
      if (d.parentSlug && !existing.has(d.parentSlug) && !inFile.has(d.parentSlug))
        push({ row: d.feature, column: "parent", message: "io.err.parent_unknown" });
      if (d.parentSlug && d.parentSlug === d.slug) push({ row: d.feature, column: "parent", message: "io.err.parent_unknown" });
    }
    report.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (report.errors.length > 0) return report;

    const plans = drafts.map((d) => ({ draft: d, before: existing.get(d.slug) }));
    for (const { draft, before } of plans) {
      if (!before) report.created++;
      else if (zoneChanged(before, draft)) report.updated++;
      else report.unchanged++;
    }
    if (options.dryRun) return report;

    // Parents before children, so a new parent's id exists when its child is written.
    const ordered = orderByParent(plans);
    let done = 0;
    for (const { draft, before } of ordered) {
      if (!before || zoneChanged(before, draft)) {
        const territoryId = territoryIds.get(draft.territorySlug) as number;
        const parentSlug = draft.parentSlug === undefined ? (before?.parent?.slug ?? null) : draft.parentSlug;
        const parentId = parentSlug ? ((await this.sites.zoneIdOf(parentSlug)) ?? null) : null;
        await this.sites.upsertZoneRecord(zoneRecord(draft, before, territoryId, parentId));
      }
      options.onProgress?.("save", ++done, ordered.length);
    }
    report.applied = true;
    return report;
  }

  // Export

  async export(
    kind: SheetKind,
    format: ExportFormat,
    filters: Partial<PlotFilters> | Partial<PremisesFilters>,
    locale: Locale,
    out: Writable,
    onRows?: (rows: number) => void,
  ): Promise<number> {
    const batches =
      kind === "plots"
        ? this.sites.exportPlots(filters as Partial<PlotFilters>)
        : this.sites.exportPremises(filters as Partial<PremisesFilters>);
    return format === "csv" ? writeCsv(kind, locale, batches, out, onRows) : writeXlsx(kind, locale, batches, out, { onRows });
  }

  /** How many records an export will hold, for a progress bar. */
  async count(kind: SheetKind, filters: Partial<PlotFilters> | Partial<PremisesFilters>): Promise<number> {
    const base = { sort: "code" as const, page: 1, perPage: 1 };
    return kind === "plots"
      ? (await this.sites.listPlots({ ...(filters as Partial<PlotFilters>), ...base })).total
      : (await this.sites.listPremises({ ...(filters as Partial<PremisesFilters>), ...base })).total;
  }

  /** An empty file with the headers in the locale; the XLSX explains every column and lists the valid keys. */
  async template(kind: SheetKind, format: ExportFormat, locale: Locale, out: Writable): Promise<void> {
    const none = (async function* () {})();
    if (format === "csv") {
      await writeCsv(kind, locale, none, out);
      return;
    }
    const i18n = i18nFor(locale);
    const reference: ReferenceRow[] = [
      ...(await this.territories.list()).map((t) => ({ kind: "territory" as const, slug: t.slug, name: i18n.pick(t.name).text })),
      ...(await this.sites.listZones()).map((z) => ({ kind: "zone" as const, slug: z.slug, name: i18n.pick(z.name).text })),
    ];
    await writeXlsx(kind, locale, none, out, { reference });
  }
}

function sameGeometry(a: unknown, b: ZoneDraft["geometry"]): boolean {
  const g = a as { type?: unknown; coordinates?: unknown } | null;
  return Boolean(g) && JSON.stringify({ type: g?.type, coordinates: g?.coordinates }) === JSON.stringify(b);
}

function zoneChanged(before: Zone, d: ZoneDraft): boolean {
  const keep = <T>(next: T | undefined, current: T) => (next === undefined ? current : next);
  return (
    before.kind !== d.kind ||
    before.status !== d.status ||
    before.territory.slug !== d.territorySlug ||
    (before.parent?.slug ?? null) !== keep(d.parentSlug, before.parent?.slug ?? null) ||
    before.name.kk !== d.name.kk ||
    before.name.ru !== d.name.ru ||
    (before.name.zh ?? null) !== d.name.zh ||
    before.name.en !== d.name.en ||
    before.operator !== keep(d.operator, before.operator) ||
    before.totalAreaHa !== keep(d.totalAreaHa, before.totalAreaHa) ||
    before.freeAreaHa !== keep(d.freeAreaHa, before.freeAreaHa) ||
    !sameGeometry(before.geometry, d.geometry) ||
    (d.centre !== undefined && (before.centre?.lat !== d.centre.lat || before.centre?.lon !== d.centre.lon))
  );
}

function orderByParent<T extends { draft: ZoneDraft }>(plans: T[]): T[] {
  const bySlug = new Map(plans.map((p) => [p.draft.slug, p]));
  const out: T[] = [];
  const placed = new Set<string>();
  const visit = (p: T, depth: number) => {
    if (placed.has(p.draft.slug) || depth > plans.length) return;
    const parent = p.draft.parentSlug ? bySlug.get(p.draft.parentSlug) : undefined;
    if (parent && parent !== p) visit(parent, depth + 1);
    placed.add(p.draft.slug);
    out.push(p);
  };
  for (const p of plans) visit(p, 0);
  return out;
}

/** The stored row of a zone: the file's fields, and whatever the file does not carry kept as it was. */
function zoneRecord(d: ZoneDraft, before: Zone | undefined, territoryId: number, parentId: number | null): ZoneRecord {
  const geometryChanged = !before || !sameGeometry(before.geometry, d.geometry);
  const centre = d.centre ?? (geometryChanged || !before?.centre ? centreOf(d.geometry) : before.centre);
  return {
    slug: d.slug,
    kind: d.kind,
    parent_zone_id: parentId,
    territory_id: territoryId,
    name_kk: d.name.kk,
    name_ru: d.name.ru,
    name_zh: d.name.zh,
    name_en: d.name.en,
    status: d.status,
    operator_name: d.operator === undefined ? (before?.operator ?? null) : d.operator,
    total_area_ha: d.totalAreaHa === undefined ? (before?.totalAreaHa ?? null) : d.totalAreaHa,
    free_area_ha: d.freeAreaHa === undefined ? (before?.freeAreaHa ?? null) : d.freeAreaHa,
    centre_lat: centre.lat,
    centre_lon: centre.lon,
    geometry: JSON.stringify(d.geometry),
    regime_kk: before?.regime?.kk ?? null,
    regime_ru: before?.regime?.ru ?? null,
    regime_zh: before?.regime?.zh ?? null,
    regime_en: before?.regime?.en ?? null,
    incentives: JSON.stringify(before?.incentives ?? []),
    customs_regime: before?.customsRegime ?? null,
    land_terms: before?.landTerms ?? null,
    sectors: JSON.stringify(before?.sectors ?? []),
    contact_phone: before?.contacts.phone ?? null,
    contact_email: before?.contacts.email ?? null,
    website: before?.contacts.website ?? null,
    facts: JSON.stringify(before?.facts ?? []),
    confidence: before?.confidence ?? "unverified",
    is_illustrative: before?.illustrative ? 1 : 0,
    verified_at: before?.verification.at ?? null,
    verified_by: before?.verification.by ?? null,
  };
}

const services = new WeakMap<object, IoService>();

/** The io service of an app's services (built once; services.ts may provide it as `io`). */
export function ioServiceOf(all: { sites: SitesService; territories: TerritoriesService; io?: IoService }): IoService {
  if (all.io) return all.io;
  let io = services.get(all);
  if (!io) {
    io = new IoService(all.sites, all.territories);
    services.set(all, io);
  }
  return io;
}
