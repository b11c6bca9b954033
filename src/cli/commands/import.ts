import { parseArgs } from "node:util";
import { migrateToLatest } from "../../db/migrate.ts";
import { openDatabase } from "../../db/open.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { isLocale, type Locale } from "../../i18n/locales.ts";
import { createProgress, type Progress } from "../../lib/progress.ts";
import type { Actor } from "../../modules/accounts/accounts.policy.ts";
import { IMPORT_KINDS, type ImportKind, type ImportReport } from "../../modules/io/io.schemas.ts";
import { ioServiceOf } from "../../modules/io/io.service.ts";
import { createServices } from "../../services.ts";
import type { CliContext } from "../context.ts";

export const summary = "import <plots|premises|zones> <file> [--dry-run] [--locale xx]  import XLSX, CSV or GeoJSON";

const USAGE = `jibek import <plots|premises|zones> <file> [--dry-run] [--locale kk|kk-latn|ru|zh|en]

Imports plots or premises from XLSX or CSV (headers in any language, as in the template), or
zones from a GeoJSON FeatureCollection. Every row is checked first; if any row is wrong nothing
is written and each error is printed with its row and column. --dry-run checks and counts only.
--locale sets the language of the messages (default en).
`;

/** The command line acts as the system administrator. */
const SYSTEM: Actor = { id: 0, role: "admin", organisationId: null };

export function printReport(report: ImportReport, locale: Locale, dryRun: boolean, out = process.stdout, err = process.stderr): void {
  const i18n = i18nFor(locale);
  const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
  if (report.errors.length === 0) {
    out.write(`${i18n.t(dryRun ? "io.counts" : "io.applied", counts)}\n`);
    if (dryRun) out.write(`${i18n.t("io.ready")}\n`);
    return;
  }
  err.write(`${i18n.t("io.refused", { count: report.errors.length + report.moreErrors })}\n`);
  const rowLabel = report.kind === "zones" ? i18n.t("io.feature") : i18n.t("io.row");
  const columnLabel = report.kind === "zones" ? i18n.t("io.property") : i18n.t("io.column");
  for (const e of report.errors) {
    const where = [e.row === null ? null : `${rowLabel} ${e.row}`, e.column === null ? null : `${columnLabel} «${e.column}»`]
      .filter(Boolean)
      .join(", ");
    err.write(`  ${where ? `${where}: ` : ""}${i18n.tx(e.message, e.values)}\n`);
  }
  if (report.moreErrors > 0) err.write(`  ${i18n.t("io.errors_more", { count: report.moreErrors })} ${i18n.t("io.err.too_many_errors")}\n`);
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let values: { "dry-run"?: boolean; locale?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { "dry-run": { type: "boolean", default: false }, locale: { type: "string" }, help: { type: "boolean", default: false } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 64;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [kind, file] = positionals;
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind) || !file || positionals.length > 2) {
    process.stderr.write(USAGE);
    return 64;
  }
  const locale = values.locale ?? "en";
  if (!isLocale(locale)) {
    process.stderr.write(`--locale must be one of kk, kk-latn, ru, zh, en\n`);
    return 64;
  }
  const dryRun = values["dry-run"] ?? false;
  // Migrations only: the reference data is loaded by `jibek seed` or the server's start, and
  // a full boot here would cost time and memory an import does not need.
  const database = openDatabase(ctx.config.database);
  await migrateToLatest(database.db, database.dialect);
  let progress: Progress | null = null;
  try {
    const io = ioServiceOf(createServices(database.db, ctx.config, ctx.logger));
    let phase: string | null = null;
    const report = await io.importFile(SYSTEM, kind as ImportKind, file, {
      dryRun,
      locale,
      onProgress(next, done, total) {
        if (next !== phase) {
          progress?.finish();
          phase = next;
          progress = createProgress(next === "read" ? "Reading" : "Saving ", total, process.stderr, {
            unit: next === "read" ? "bytes" : undefined,
          });
        }
        progress?.update(done, total);
      },
    });
    (progress as Progress | null)?.finish();
    ctx.logger.info({ audit: dryRun ? "import.check" : "import.apply", kind, rows: report.rows, errors: report.errors.length }, "audit");
    printReport(report, locale, dryRun);
    return report.errors.length > 0 ? 65 : 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`No such file: ${file}\n`);
      return 66;
    }
    throw error;
  } finally {
    await database.db.destroy();
  }
}
