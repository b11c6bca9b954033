import { parseArgs } from "node:util";
import { prepareDatabase } from "../../boot.ts";
import {
  countSynthetic,
  countSyntheticEnterprises,
  deleteSynthetic,
  deleteSyntheticEnterprises,
  type SeedProgress,
  SYNTHETIC_DEFAULTS,
  type SyntheticOptions,
  seedSynthetic,
} from "../../seed/synthetic.ts";
import { createServices } from "../../services.ts";
import type { CliContext } from "../context.ts";

export const summary =
  "synthetic [--plots N] [--premises N] [--zones N] [--enterprises N] [--seed N] [--as-of YYYY-MM-DD] [--force]  load the synthetic data set";

const USAGE = `jibek synthetic [options]

Loads the synthetic data set of QUALITY.md (Speed and scale) into the configured database:
zones, plots and premises spread over the oblast's districts and cities, all marked
illustrative and named as synthetic. The same seed and date give the same rows.

  --zones N        zones to generate (default ${SYNTHETIC_DEFAULTS.zones})
  --plots N        plots (default ${SYNTHETIC_DEFAULTS.plots})
  --premises N     premises (default ${SYNTHETIC_DEFAULTS.premises})
  --enterprises N  enterprises of both regions with offers and needs (default ${SYNTHETIC_DEFAULTS.enterprises})
  --seed N         generator seed (default 1)
  --as-of DATE     "today" for generated dates, YYYY-MM-DD (default: today, UTC)
  --force          replace synthetic records already in the database
`;

const fmt = new Intl.NumberFormat("en");
const LIMIT = 10_000_000;

function count(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 0 || n > LIMIT)
    throw new UsageError(`--${name} must be a whole number from 0 to ${fmt.format(LIMIT)}, got "${raw}"`);
  return n;
}

class UsageError extends Error {}

function parse(args: string[]): SyntheticOptions & { force: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      zones: { type: "string" },
      plots: { type: "string" },
      premises: { type: "string" },
      enterprises: { type: "string" },
      seed: { type: "string" },
      "as-of": { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) throw new UsageError("");
  const zones = count("zones", values.zones, SYNTHETIC_DEFAULTS.zones);
  const plots = count("plots", values.plots, SYNTHETIC_DEFAULTS.plots);
  const premises = count("premises", values.premises, SYNTHETIC_DEFAULTS.premises);
  const enterprises = count("enterprises", values.enterprises, SYNTHETIC_DEFAULTS.enterprises);
  const seed = count("seed", values.seed, 1);
  const today = new Date().toISOString().slice(0, 10);
  const asOfText = values["as-of"] ?? today;
  const asOf = new Date(`${asOfText}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText) || Number.isNaN(asOf.getTime()))
    throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got "${asOfText}"`);
  if (zones === 0 && plots > 0) process.stderr.write("Note: --zones 0 puts every plot outside any zone.\n");
  return { zones, plots, premises, enterprises, seed, asOf, force: values.force };
}

/** A progress bar on a terminal; one plain line per batch otherwise (logs, CI). */
export function progressPrinter(out: NodeJS.WriteStream = process.stdout): { update(p: SeedProgress): void; done(): void } {
  const tty = Boolean(out.isTTY);
  let phase: string | null = null;
  let phaseStart = performance.now();
  const width = 30;
  return {
    update(p) {
      if (p.phase !== phase) {
        if (phase && tty) out.write("\n");
        phase = p.phase;
        phaseStart = performance.now();
      }
      const share = p.total === 0 ? 1 : p.done / p.total;
      const seconds = (performance.now() - phaseStart) / 1000;
      const rate = seconds > 0 && p.done > 0 ? `${fmt.format(Math.round(p.done / seconds))} rows/s` : "";
      const label = p.phase.padEnd(9);
      const numbers = `${fmt.format(p.done)}/${fmt.format(p.total)}`;
      if (tty) {
        const filled = Math.round(share * width);
        const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
        out.write(`\r\x1b[2K  ${label} ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${numbers}  ${rate}`);
      } else if (p.done > 0 || p.total === 0) out.write(`${label} ${numbers} (${Math.round(share * 100)}%)${rate ? `, ${rate}` : ""}\n`);
    },
    done() {
      if (tty && phase) out.write("\n");
    },
  };
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(args);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      const message = (error as Error).message;
      process.stderr.write(message ? `${message}\n\n${USAGE}` : USAGE);
      return message ? 64 : 0;
    }
    throw error;
  }

  const started = performance.now();
  const database = await prepareDatabase(ctx.config, ctx.logger);
  try {
    const services = createServices(database.db, ctx.config, ctx.logger);
    const where = ctx.config.database.dialect === "sqlite" ? `SQLite ${ctx.config.database.file}` : "PostgreSQL";
    const existing = await countSynthetic(database.db);
    const existingEnterprises = await countSyntheticEnterprises(database.db);
    const already = existing.zones + existing.plots + existing.premises + existingEnterprises;
    if (already > 0 && !options.force) {
      process.stderr.write(
        `The database already holds synthetic records (${fmt.format(existing.zones)} zones, ${fmt.format(existing.plots)} plots, ${fmt.format(existing.premises)} premises${existingEnterprises ? `, ${fmt.format(existingEnterprises)} enterprises` : ""}).\n` +
          "Run again with --force to replace them.\n",
      );
      return 65;
    }
    let removedMs = 0;
    if (already > 0) {
      const t0 = performance.now();
      const removed = await deleteSynthetic(database.db);
      const removedEnterprises = await deleteSyntheticEnterprises(database.db);
      removedMs = performance.now() - t0;
      process.stdout.write(
        `Removed ${fmt.format(removed.zones)} zones, ${fmt.format(removed.plots)} plots and ${fmt.format(removed.premises)} premises${removedEnterprises ? ` (and ${fmt.format(removedEnterprises)} enterprises)` : ""} from an earlier run (${(removedMs / 1000).toFixed(1)} s).\n`,
      );
    }
    const asOf = options.asOf.toISOString().slice(0, 10);
    process.stdout.write(`Synthetic data set, seed ${options.seed}, as of ${asOf}, into ${where}\n`);
    const progress = progressPrinter();
    const result = await seedSynthetic(database.db, services, options, progress.update);
    progress.done();
    const rows = result.zones + result.plots + result.premises + result.enterprises;
    const seeding = result.timings.zones + result.timings.plots + result.timings.premises + result.timings.enterprises;
    const line = (name: string, n: number, ms: number) =>
      `  ${name.padEnd(9)} ${fmt.format(n).padStart(10)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${ms > 0 ? fmt.format(Math.round((n / ms) * 1000)).padStart(9) : "-".padStart(9)} rows/s\n`;
    process.stdout.write(
      `Done.\n${line("zones", result.zones, result.timings.zones)}${line("plots", result.plots, result.timings.plots)}${line("premises", result.premises, result.timings.premises)}${result.enterprises ? line("enterprises", result.enterprises, result.timings.enterprises) : ""}${line("total", rows, seeding)}` +
        `  wall time ${((performance.now() - started) / 1000).toFixed(2)} s (with start-up, migrations${removedMs ? " and the removal" : ""})\n`,
    );
    return 0;
  } finally {
    await database.db.destroy();
  }
}
