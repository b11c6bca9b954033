import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { DIALECTS } from "../../test/support/test-db.ts";
import { progressPrinter } from "../cli/commands/synthetic.ts";
import { withStatementCounter } from "../db/statement-counter.ts";
import { PlotFilters, PlotInput } from "../modules/sites/sites.schemas.ts";
import { countSynthetic, deleteSynthetic, OBLAST_BBOX, SyntheticDataSet, seedSynthetic, syntheticUnits } from "./synthetic.ts";

const SMALL = { zones: 20, plots: 500, premises: 50, seed: 7, asOf: new Date("2026-11-26T00:00:00Z") };
const ROOT = path.resolve(import.meta.dirname, "../..");

const inBox = (lat: number | null, lon: number | null) =>
  lat === null ||
  lon === null ||
  (lat >= OBLAST_BBOX.south && lat <= OBLAST_BBOX.north && lon >= OBLAST_BBOX.west && lon <= OBLAST_BBOX.east);

/** The synthetic rows by natural key, without ids: what two databases seeded alike must share. */
async function snapshot(t: TestApp) {
  const db = t.database.db;
  const zones = await db
    .selectFrom("zones as z")
    .innerJoin("territories as t", "t.id", "z.territory_id")
    .leftJoin("zones as pz", "pz.id", "z.parent_zone_id")
    .selectAll("z")
    .select(["t.slug as territory_slug", "pz.slug as parent_slug"])
    .where("z.slug", "like", "syn-zone-%")
    .orderBy("z.slug")
    .execute();
  const plots = await db
    .selectFrom("plots as p")
    .innerJoin("territories as t", "t.id", "p.territory_id")
    .leftJoin("zones as z", "z.id", "p.zone_id")
    .selectAll("p")
    .select(["t.slug as territory_slug", "z.slug as zone_slug"])
    .where("p.code", "like", "SYN-P%")
    .orderBy("p.code")
    .execute();
  const premises = await db
    .selectFrom("premises as b")
    .innerJoin("territories as t", "t.id", "b.territory_id")
    .leftJoin("zones as z", "z.id", "b.zone_id")
    .leftJoin("plots as p", "p.id", "b.plot_id")
    .selectAll("b")
    .select(["t.slug as territory_slug", "z.slug as zone_slug", "p.code as plot_code"])
    .where("b.code", "like", "SYN-B%")
    .orderBy("b.code")
    .execute();
  const strip = <T extends Record<string, unknown>>(rows: T[]) =>
    rows.map(
      ({ id: _id, zone_id: _z, territory_id: _t, plot_id: _p, parent_zone_id: _pz, ...rest }): Record<string, unknown> =>
        // PostgreSQL hands back Dates, SQLite the ISO text that went in.
        Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
    );
  return { zones: strip(zones), plots: strip(plots), premises: strip(premises) };
}

describe("synthetic data set generator", () => {
  const units = [
    { slug: "a-district", lat: 42.3, lon: 68.2 },
    { slug: "b-city", lat: 43.3, lon: 68.27 },
    { slug: "c-district", lat: 40.8, lon: 68.4 },
  ];

  it("gives identical rows for the same seed and different rows for another", () => {
    const first = new SyntheticDataSet(SMALL, units).hash();
    assert.equal(new SyntheticDataSet(SMALL, [...units].reverse()).hash(), first);
    assert.notEqual(new SyntheticDataSet({ ...SMALL, seed: 8 }, units).hash(), first);
  });

  it("makes the asked numbers of rows with unique keys, names marked synthetic in every language", () => {
    const set = new SyntheticDataSet(SMALL, units);
    const plots = [...set.plots()];
    const premises = [...set.premises()];
    assert.equal(set.zones.length, 20);
    assert.equal(plots.length, 500);
    assert.equal(premises.length, 50);
    assert.equal(new Set(plots.map((p) => p.code)).size, 500);
    for (const z of set.zones) {
      assert.match(z.name_kk, /синтетикалық/);
      assert.match(z.name_ru, /синтетические/);
      assert.match(z.name_zh ?? "", /合成数据/);
      assert.match(z.name_en, /synthetic/);
    }
  });

  it("spreads every column: statuses, unknown power, rail on about 30 %, prices, verification dates", () => {
    const set = new SyntheticDataSet({ ...SMALL, zones: 200, plots: 5000 }, units);
    const plots = [...set.plots()];
    const share = (f: (p: (typeof plots)[number]) => boolean) => plots.filter(f).length / plots.length;
    assert.equal(new Set(plots.map((p) => p.status)).size, 6);
    assert.ok(share((p) => p.power_kw === null) > 0.1 && share((p) => p.power_kw === null) < 0.2);
    assert.ok(plots.every((p) => (p.power_kw ?? 0) >= 0 && (p.power_kw ?? 0) <= 20_000));
    assert.ok(share((p) => (p.power_kw ?? 0) > 10_000) > 0.01);
    assert.ok(Math.abs(share((p) => p.rail_siding === 1) - 0.3) < 0.03);
    assert.ok(share((p) => p.price_amount !== null) > 0.6);
    assert.ok(share((p) => p.zoneSlug === null) > 0.05);
    assert.ok(plots.every((p) => p.status !== "reserved" || p.reserved_until));
    const verified = plots.flatMap((p) => (p.verified_at ? [new Date(p.verified_at).getTime()] : []));
    const staleShare = verified.filter((v) => SMALL.asOf.getTime() - v > 180 * 86_400_000).length / verified.length;
    assert.ok(staleShare > 0.2 && staleShare < 0.5, `stale share ${staleShare}`);
    assert.ok(plots.every((p) => inBox(p.lat ?? null, p.lon ?? null)));
  });
});

for (const dialect of DIALECTS) {
  describe(`synthetic seeding [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await seedSynthetic(t.database.db, t.services, SMALL);
    });
    after(() => t.close());

    it("fills zones, plots and premises with the asked counts, every row illustrative", async () => {
      assert.deepEqual(await countSynthetic(t.database.db), { zones: 20, plots: 500, premises: 50 });
      const db = t.database.db;
      for (const [table, key] of [
        ["zones", "slug"],
        ["plots", "code"],
        ["premises", "code"],
      ] as const) {
        const notIllustrative = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where(key, "like", table === "zones" ? "syn-zone-%" : "SYN-%")
          .where("is_illustrative", "<>", 1)
          .executeTakeFirstOrThrow();
        assert.equal(Number(notIllustrative.n), 0, table);
      }
    });

    it("puts every record in one of the oblast's 17 districts and cities, inside the oblast's box", async () => {
      const units = new Set((await syntheticUnits(t.services)).map((u) => u.slug));
      assert.equal(units.size, 17);
      const { zones, plots, premises } = await snapshot(t);
      for (const row of [...zones, ...plots, ...premises]) assert.ok(units.has(String(row.territory_slug)), String(row.territory_slug));
      for (const z of zones) assert.ok(inBox(z.centre_lat as number | null, z.centre_lon as number | null));
      for (const r of [...plots, ...premises]) assert.ok(inBox(r.lat as number | null, r.lon as number | null), String(r.code));
    });

    it("links plots and premises to zones and plots that exist, with subzones under their SEZ", async () => {
      const { zones, plots, premises } = await snapshot(t);
      const zoneSlugs = new Set(zones.map((z) => z.slug));
      const zoned = plots.filter((p) => p.zone_slug !== null);
      assert.ok(zoned.length > 400, `${zoned.length} of 500 plots in a zone`);
      for (const p of zoned) assert.ok(zoneSlugs.has(p.zone_slug), String(p.code));
      const onPlots = premises.filter((b) => b.plot_code !== null);
      assert.ok(onPlots.length > 15);
      const plotZone = new Map(plots.map((p) => [p.code, p.zone_slug]));
      for (const b of onPlots) assert.equal(b.zone_slug, plotZone.get(String(b.plot_code)), String(b.code));
      for (const z of zones.filter((z) => z.parent_slug !== null))
        assert.equal(zones.find((p) => p.slug === z.parent_slug)?.kind, "sez", String(z.slug));
    });

    it("gives the same rows in a second database seeded with the same seed", async () => {
      const other = await createTestApp(dialect);
      try {
        await seedSynthetic(other.database.db, other.services, SMALL);
        assert.deepEqual(await snapshot(other), await snapshot(t));
      } finally {
        await other.close();
      }
    });

    it("lists plots over the synthetic set in a bounded number of statements", async () => {
      const filters = PlotFilters.parse({ status: "free,reserved", powerMin: "500", sort: "-area", perPage: "100" });
      const { result, counter } = withStatementCounter(() => t.services.sites.listPlots(filters));
      const list = await result;
      assert.ok(list.total > 0 && list.items.length > 0);
      assert.ok(counter.statements <= 10, `${counter.statements} statements`);
    });

    // Pages that do not exist yet answer 404 and are skipped, with the reason in the report.
    for (const page of [
      "/en/plots?status=free&powerMin=500&sort=-area",
      "/en/plots/SYN-P000001",
      "/en/zones",
      "/en/premises",
      "/en/territories",
      "/api/v1/territories",
    ]) {
      it(`serves ${page} over the synthetic set in at most 10 SQL statements`, async (ctx) => {
        const { result, counter } = withStatementCounter(() => t.app.request(page));
        const res = await result;
        await res.arrayBuffer();
        if (res.status === 404) return ctx.skip(`${page} does not exist yet (404)`);
        assert.equal(res.status, 200);
        assert.ok(counter.statements <= 10, `${page}: ${counter.statements} statements`);
      });
    }

    it("removes the synthetic records and leaves real ones alone, even one whose code looks alike", async () => {
      const plots = async () =>
        Number(
          (
            await t.database.db
              .selectFrom("plots")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      // SQLite's LIKE ignores ASCII case: the removal must not.
      const admin = { id: 0, role: "admin" as const, organisationId: null };
      const lookalike = PlotInput.parse({ code: "syn-p000001", territorySlug: "arys-city", areaHa: 2, status: "free" });
      assert.equal((await t.services.sites.upsertPlots(admin, [lookalike])).created, 1);
      const before = await plots();
      assert.deepEqual(await deleteSynthetic(t.database.db), { zones: 20, plots: 500, premises: 50 });
      assert.deepEqual(await countSynthetic(t.database.db), { zones: 0, plots: 0, premises: 0 });
      assert.equal(await plots(), before - 500);
      assert.equal((await t.services.sites.getPlot("syn-p000001")).plot.areaHa, 2);
    });
  });
}

describe("jibek synthetic", () => {
  // The command opens the configured database, which the environment names; SQLite keeps it in a directory.
  const dir = mkdtempSync(path.join(tmpdir(), "jibek-synthetic-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/index.ts", "synthetic", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dir, DEMO_DATA: "false", LOG_LEVEL: "warn", DATABASE_URL: "", NODE_ENV: "test" },
    });
  const small = ["--zones", "5", "--plots", "40", "--premises", "6", "--enterprises", "0", "--as-of", "2026-11-26"];

  it("loads the data set, prints plain progress and a summary off a terminal", () => {
    const run = cli(...small);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^plots +40\/40 \(100%\)/m);
    assert.match(run.stdout, /total +51 /);
    assert.ok(!run.stdout.includes("\u001b["), "no terminal escape codes");
  });

  it("refuses a database that already holds synthetic records unless --force", () => {
    const refused = cli(...small);
    assert.equal(refused.status, 65);
    assert.match(refused.stderr, /already holds synthetic records \(5 zones, 40 plots, 6 premises\).*\n.*--force/);
    const forced = cli(...small, "--force");
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /Removed 5 zones, 40 plots and 6 premises/);
  });

  it("draws one updating progress bar per phase on a terminal", () => {
    let written = "";
    const terminal = {
      isTTY: true,
      write(s: string) {
        written += s;
        return true;
      },
    } as unknown as NodeJS.WriteStream;
    const progress = progressPrinter(terminal);
    progress.update({ phase: "plots", done: 0, total: 100 });
    progress.update({ phase: "plots", done: 50, total: 100 });
    progress.update({ phase: "plots", done: 100, total: 100 });
    progress.update({ phase: "premises", done: 10, total: 10 });
    progress.done();
    const screen = written.replaceAll("\u001b[2K", "<clear>");
    assert.match(screen, /\r<clear> {2}plots +█{15}░{15} +50% {2}50\/100/u);
    assert.match(screen, /█{30} 100% {2}100\/100/u);
    assert.equal(written.split("\n").length, 3, "a line per phase, then the end");
  });

  it("says what to fix on a bad number", () => {
    const run = cli("--plots", "many");
    assert.equal(run.status, 64);
    assert.match(run.stderr, /--plots must be a whole number from 0 to 10,000,000, got "many"/);
  });
});
