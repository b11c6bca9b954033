import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { migrateToLatest } from "../../db/migrate.ts";
import { openDatabase } from "../../db/open.ts";
import { isLocale } from "../../i18n/locales.ts";
import { createProgress } from "../../lib/progress.ts";
import { EXPORT_FORMATS, type ExportFormat, PlotExportQuery, PremisesExportQuery } from "../../modules/io/io.schemas.ts";
import { ioServiceOf } from "../../modules/io/io.service.ts";
import { createServices } from "../../services.ts";
import type { CliContext } from "../context.ts";

export const summary = "export <plots|premises> --format csv|xlsx --out FILE [--locale xx]  export the catalogue";

const USAGE = `jibek export <plots|premises> --format csv|xlsx --out FILE [--locale kk|kk-latn|ru|zh|en] [--district SLUG] [--zone SLUG] [--status a,b]

Writes every plot or premises matching the filters in the import template's column layout, with
the headers in --locale (default en). Exported files import back unchanged.
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        out: { type: "string" },
        locale: { type: "string" },
        district: { type: "string" },
        zone: { type: "string" },
        status: { type: "string" },
        help: { type: "boolean", default: false },
      },
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
  const [kind] = positionals;
  const format = values.format as string | undefined;
  const out = values.out as string | undefined;
  if ((kind !== "plots" && kind !== "premises") || positionals.length !== 1 || !format || !out) {
    process.stderr.write(USAGE);
    return 64;
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    process.stderr.write("--format must be csv or xlsx\n");
    return 64;
  }
  const locale = (values.locale as string | undefined) ?? "en";
  if (!isLocale(locale)) {
    process.stderr.write("--locale must be one of kk, kk-latn, ru, zh, en\n");
    return 64;
  }
  const query = (kind === "plots" ? PlotExportQuery : PremisesExportQuery).parse({
    district: values.district,
    zone: values.zone,
    status: values.status,
  });
  const { locale: _ignored, ...filters } = query;
  // Migrations only: the reference data is loaded by `jibek seed` or the server's start, and
  // a full boot here would cost time and memory an import does not need.
  const database = openDatabase(ctx.config.database);
  await migrateToLatest(database.db, database.dialect);
  // Written beside the target and renamed at the end: a failed export leaves no half file.
  const partial = `${out}.partial`;
  try {
    const io = ioServiceOf(createServices(database.db, ctx.config, ctx.logger));
    const total = await io.count(kind, filters);
    const progress = createProgress("Exporting", total, process.stderr);
    const stream = createWriteStream(partial);
    const rows = await io.export(kind, format as ExportFormat, filters, locale, stream, (n) => progress.update(n));
    await finished(stream);
    await rename(partial, out);
    progress.finish(`Wrote ${rows.toLocaleString("en")} ${kind} to ${out}`);
    ctx.logger.info({ audit: "export", kind, format, rows }, "audit");
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await database.db.destroy();
  }
}
