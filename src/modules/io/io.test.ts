import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { DIALECTS } from "../../../test/support/test-db.ts";
import { zipFile } from "../../../test/support/zip.ts";
import { i18nFor } from "../../i18n/i18n.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { createProgress } from "../../lib/progress.ts";
import type { Actor } from "../accounts/accounts.policy.ts";
import { type CellValue, columnsOf, headerMap, headerOf, normalizeHeader } from "./io.columns.ts";
import { readCsv, type SheetRow } from "./io.read.ts";
import { DEFAULT_LIMITS, type ImportIssue, type ImportKind, type ImportReport } from "./io.schemas.ts";
import { IoService, ioServiceOf } from "./io.service.ts";
import { csvLine } from "./io.write.ts";

const ADMIN: Actor = { id: 0, role: "admin", organisationId: null };
const en = i18nFor("en");

/** Every row of every table (or of the catalogue's), as text per table. */
async function dump(t: TestApp, only?: readonly string[]): Promise<Record<string, string>> {
  // The test's own tables only: scanning every schema races with other test files dropping theirs.
  const names =
    t.database.dialect === "sqlite"
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            t.database.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = ${t.database.location} and table_type = 'BASE TABLE'`.execute(
            t.database.db,
          )
        ).rows;
  const tables = names
    .map((r) => r.name)
    .filter((name) => !only || only.includes(name))
    .sort();
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = await t.database.db
      .selectFrom(table as "plots")
      .selectAll()
      .execute();
    out[table] = rows
      .map((r) => JSON.stringify(r))
      .sort()
      .join("\n");
  }
  return out;
}

const CATALOGUE = ["zones", "plots", "premises", "site_status_history", "site_files"] as const;

/** "The database did not change": names the tables that did, instead of printing them. */
function assertSame(after: Record<string, string>, before: Record<string, string>, message: string): void {
  const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  assert.deepEqual(changed, [], message);
}

/** A spreadsheet written with exceljs (not the code under test). */
async function xlsxFile(file: string, rows: CellValue[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Data");
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

function csvFile(file: string, rows: CellValue[][]): string {
  writeFileSync(file, `\uFEFF${rows.map(csvLine).join("")}`);
  return file;
}

const pick = (errors: ImportIssue[]) => errors.map((e) => ({ row: e.row, column: e.column, message: e.message }));

describe("spreadsheet columns", () => {
  it("every header of every language names exactly one column of its kind", () => {
    for (const kind of ["plots", "premises"] as const) {
      for (const column of columnsOf(kind)) {
        for (const locale of LOCALES) {
          const found = headerMap(kind).get(normalizeHeader(headerOf(column, i18nFor(locale))));
          assert.equal(found?.key, column.key, `${kind} ${locale} ${column.key}`);
        }
        assert.equal(headerMap(kind).get(normalizeHeader(column.key))?.key, column.key);
      }
    }
  });

  it("reads CSV with semicolons, quoted line breaks and doubled quotes, numbering rows as a spreadsheet does", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jibek-csv-"));
    try {
      const file = path.join(dir, "a.csv");
      writeFileSync(file, '\uFEFFcode;notes\r\nA;"two\r\nlines"\r\n\r\nB;"say ""hi""; ok"\nC;\n');
      const rows: SheetRow[] = [];
      for await (const row of readCsv(file)) rows.push(row);
      assert.deepEqual(rows, [
        { number: 1, cells: ["code", "notes"] },
        { number: 2, cells: ["A", "two\r\nlines"] },
        { number: 3, cells: [null] },
        { number: 4, cells: ["B", 'say "hi"; ok'] },
        { number: 5, cells: ["C", null] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the progress bar redraws in place on a terminal and prints plain lines elsewhere", () => {
    const tty: string[] = [];
    const bar = createProgress("Reading", 100, { write: (s: string) => tty.push(s), isTTY: true, columns: 100 }, { minIntervalMs: 0 });
    for (let i = 0; i <= 100; i += 10) bar.update(i);
    bar.finish("done");
    assert.ok(tty.every((s) => s.startsWith("\r") || s === "done\n"));
    assert.match(tty.join(""), /100% 100\/100/);
    const plain: string[] = [];
    const lines = createProgress("Reading", 1000, { write: (s: string) => plain.push(s), isTTY: false });
    for (let i = 0; i <= 1000; i++) lines.update(i);
    lines.finish();
    assert.ok(plain.length <= 12, `${plain.length} lines`);
    assert.ok(plain.every((s) => !s.includes("\r") && s.endsWith("\n")));
  });
});

for (const dialect of DIALECTS) {
  describe(`import and export [${dialect}]`, () => {
    let t: TestApp;
    let io: IoService;
    let dir: string;
    let zone: { slug: string; territory: string };
    let file = 0;
    const next = (ext: string) => path.join(dir, `f${++file}.${ext}`);

    async function exported(kind: "plots" | "premises", format: "csv" | "xlsx", locale: (typeof LOCALES)[number]): Promise<string> {
      const target = next(format);
      const out = createWriteStream(target);
      await io.export(kind, format, {}, locale, out);
      await finished(out);
      return target;
    }

    async function refusedWithoutChange(kind: ImportKind, target: string, service = io): Promise<ImportReport> {
      const before = await dump(t);
      const report = await service.importFile(ADMIN, kind, target, { dryRun: false, locale: "en" });
      assert.equal(report.applied, false);
      assert.ok(report.errors.length > 0, "the import was expected to be refused");
      assertSame(await dump(t), before, "a refused import changed the database");
      return report;
    }

    before(async () => {
      t = await createTestApp(dialect);
      io = ioServiceOf(t.services);
      dir = mkdtempSync(path.join(tmpdir(), "jibek-io-"));
      const z = (await t.services.sites.listZones()).find((x) => x.slug === "turan-sez") ?? (await t.services.sites.listZones())[0];
      assert.ok(z);
      zone = { slug: z.slug, territory: z.territory.slug };
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await t.close();
    });

    it("export → import changes nothing, for CSV and XLSX, with the headers of every language", async () => {
      const counts = { plots: (await io.count("plots", {})) as number, premises: (await io.count("premises", {})) as number };
      assert.ok(counts.plots > 50 && counts.premises > 0);
      for (const kind of ["plots", "premises"] as const) {
        for (const format of ["csv", "xlsx"] as const) {
          for (const locale of LOCALES) {
            const target = await exported(kind, format, locale);
            const before = await dump(t);
            const report = await io.importFile(ADMIN, kind, target, { dryRun: false });
            assert.deepEqual(pick(report.errors), [], `${kind} ${format} ${locale}`);
            assert.deepEqual(
              { created: report.created, updated: report.updated, unchanged: report.unchanged },
              { created: 0, updated: 0, unchanged: counts[kind] },
              `${kind} ${format} ${locale}`,
            );
            assertSame(await dump(t), before, `${kind} ${format} ${locale} changed the database`);
          }
        }
      }
    });

    it("exports carry the headers of the chosen language and a UTF-8 BOM in CSV", async () => {
      const csv = readFileSync(await exported("plots", "csv", "ru"), "utf8");
      assert.ok(csv.startsWith("\uFEFFКод,Зона,Район или город"));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await exported("premises", "xlsx", "zh"));
      const [data, help] = workbook.worksheets;
      assert.equal(data?.getRow(1).getCell(1).value, "编码");
      assert.equal(help?.getRow(1).getCell(1).value, "列");
      assert.equal(help?.getRow(2).getCell(2).value, "code");
    });

    it("a malformed file (bad rows first, in the middle and last) changes nothing and names the row and column of every error", async () => {
      const header = ["Code", "Zone", "District or city", "Area, ha", "Status", "Latitude", "Longitude", "Reserved until"];
      const rows: CellValue[][] = [
        header,
        ["BAD-1", zone.slug, zone.territory, "abc", "free", null, null, null],
        ["NEW-1", zone.slug, zone.territory, 2, "free", 42.3, 68.2, null],
        ["NEW-2", null, "nowhere-district", 3, "free", null, null, null],
        ["NEW-3", zone.slug, zone.territory, 4, "reserved", null, null, null],
        ["NEW-1", zone.slug, zone.territory, 5, "free", null, null, null],
        ["NEW-4", zone.slug, zone.territory, 6, "free", 95, 68.2, null],
        ["NEW-5", "no-such-zone", zone.territory, 7, "sold", 99, 68.2, null],
        ["NEW-6", "no-such-zone", zone.territory, 7, "free", 42.1, null, null],
      ];
      const expected = [
        { row: 2, column: "Area, ha", message: "io.err.number" },
        { row: 4, column: "District or city", message: "sites.territory_unknown" },
        { row: 5, column: "Reserved until", message: "sites.reserved_needs_date" },
        { row: 6, column: "Code", message: "sites.code_duplicate" },
        { row: 7, column: "Latitude", message: "sites.lat_out_of_range" },
        { row: 8, column: "Status", message: "io.err.choice" },
        { row: 8, column: "Latitude", message: "sites.lat_out_of_range" },
        { row: 9, column: "Longitude", message: "sites.coordinates_pair" },
      ];
      for (const target of [csvFile(next("csv"), rows), await xlsxFile(next("xlsx"), rows)]) {
        const report = await refusedWithoutChange("plots", target);
        assert.deepEqual(pick(report.errors), expected, target);
      }
      // The same file with only the unknown zone left wrong: the service's reference check names it.
      const onlyZone = rows.slice(0, 1).concat([["NEW-7", "no-such-zone", zone.territory, 1, "free", null, null, null]]);
      const report = await refusedWithoutChange("plots", csvFile(next("csv"), onlyZone));
      assert.deepEqual(pick(report.errors), [{ row: 2, column: "Zone", message: "sites.zone_unknown" }]);
    });

    it("errors come in the user's language with the header as written in the file", async () => {
      const rows: CellValue[][] = [
        ["Код", "Район или город", "Площадь, га", "Статус"],
        ["RU-1", zone.territory, "двадцать", "free"],
      ];
      const report = await io.importFile(ADMIN, "plots", csvFile(next("csv"), rows), { dryRun: true, locale: "ru" });
      assert.deepEqual(pick(report.errors), [{ row: 2, column: "Площадь, га", message: "io.err.number" }]);
      assert.equal(i18nFor("ru").tx(report.errors[0]?.message ?? ""), "Укажите число, например 12,5 или 12.5.");
    });

    it("unknown, duplicate and missing columns are reported on the header row", async () => {
      const rows: CellValue[][] = [
        ["code", "Colour", "Площадь, га", "Area, ha", "District or city"],
        ["X-1", "red", 1, 1, zone.territory],
      ];
      for (const target of [csvFile(next("csv"), rows), await xlsxFile(next("xlsx"), rows)]) {
        const report = await refusedWithoutChange("plots", target);
        assert.deepEqual(pick(report.errors), [
          { row: 1, column: "Colour", message: "io.err.column_unknown" },
          { row: 1, column: "Area, ha", message: "io.err.column_duplicate" },
          { row: 1, column: headerOf(columnsOf("plots").find((c) => c.key === "status") as never, en), message: "io.err.column_missing" },
        ]);
      }
    });

    it("a new plot with Chinese headers, comma decimals and 是/否 is created, and importing it again changes nothing", async () => {
      const zh = i18nFor("zh");
      const col = (key: string) => headerOf(columnsOf("plots").find((c) => c.key === key) as never, zh);
      const rows: CellValue[][] = [
        [
          col("code"),
          col("territorySlug"),
          col("areaHa"),
          col("status"),
          col("railSiding"),
          col("roadAccess"),
          col("utilities.power.provider"),
          col("utilities.power.connectMonths"),
          col("reservedUntil"),
        ],
        ["ZH-NEW-1", zone.territory, "12,5", "已预留", "是", "否", "KEGOC", "6", "31.12.2027"],
      ];
      const target = csvFile(next("csv"), rows);
      const first = await io.importFile(ADMIN, "plots", target, { dryRun: false, locale: "zh" });
      assert.deepEqual(pick(first.errors), []);
      assert.equal(first.created, 1);
      const { plot } = await t.services.sites.getPlot("ZH-NEW-1");
      assert.equal(plot.areaHa, 12.5);
      assert.equal(plot.status, "reserved");
      assert.equal(plot.reservedUntil, "2027-12-31");
      assert.equal(plot.infrastructure.railSiding, true);
      assert.equal(plot.infrastructure.roadAccess, false);
      assert.equal(plot.infrastructure.details.power?.provider, "KEGOC");
      assert.equal(plot.infrastructure.details.power?.connectMonths, 6);
      const before = await dump(t);
      const again = await io.importFile(ADMIN, "plots", target, { dryRun: false });
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 1]);
      assertSame(await dump(t), before, "an identical import changed the database");
    });

    it("formula-looking text is escaped on export (CSV apostrophe, XLSX text cell) and imports back as typed", async () => {
      const notes = '=HYPERLINK("http://evil.example","x")';
      const rows: CellValue[][] = [
        ["code", "territorySlug", "areaHa", "status", "notes", "permittedUse", "reservedFor"],
        ["FORMULA-1", zone.territory, 1, "free", notes, "+1 logistics", "@sum"],
      ];
      const created = await io.importFile(ADMIN, "plots", csvFile(next("csv"), rows), { dryRun: false });
      assert.deepEqual(pick(created.errors), []);
      assert.equal((await t.services.sites.getPlot("FORMULA-1")).plot.notes, notes);

      const csv = readFileSync(await exported("plots", "csv", "en"), "utf8");
      const line = csv.split("\r\n").find((l) => l.startsWith("FORMULA-1,")) ?? "";
      assert.ok(line.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`), line);
      assert.ok(line.includes(",'+1 logistics,"), line);
      assert.ok(!/,[=+\-@]/.test(line.replace(/,-?\d/g, ",0")), line);

      const xlsxPath = await exported("plots", "xlsx", "en");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsxPath);
      const sheet = workbook.worksheets[0];
      assert.ok(sheet);
      let found = false;
      sheet.eachRow((row) => {
        if (row.getCell(1).value !== "FORMULA-1") return;
        found = true;
        row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula));
        const notesCell = row.getCell(columnsOf("plots").findIndex((c) => c.key === "notes") + 1);
        assert.equal(notesCell.type, ExcelJS.ValueType.String);
        assert.equal(notesCell.value, notes);
      });
      assert.ok(found);
      for (const target of [xlsxPath]) {
        const report = await io.importFile(ADMIN, "plots", target, { dryRun: true });
        assert.deepEqual([report.errors.length, report.updated, report.created], [0, 0, 0]);
      }
    });

    it("refuses an oversized file, too many rows and a zip bomb before parsing", async () => {
      const small = new IoService(t.services.sites, t.services.territories, {
        ...DEFAULT_LIMITS,
        maxFileBytes: 4096,
        maxRows: 3,
        maxZipEntries: 5,
      });
      const big = csvFile(next("csv"), [["code"], ...Array.from({ length: 400 }, (_, i) => [`BIG-${i}-${"x".repeat(10)}`])]);
      assert.deepEqual(pick((await refusedWithoutChange("plots", big, small)).errors), [
        { row: null, column: null, message: "io.err.limit_size" },
      ]);

      const many = csvFile(next("csv"), [
        ["code", "territorySlug", "areaHa", "status"],
        ...Array.from({ length: 4 }, (_, i) => [`MANY-${i}`, zone.territory, 1, "free"]),
      ]);
      const rowsReport = await refusedWithoutChange("plots", many, small);
      assert.deepEqual(pick(rowsReport.errors), [{ row: null, column: null, message: "io.err.limit_rows" }]);
      assert.equal(
        en.tx(rowsReport.errors[0]?.message ?? "", rowsReport.errors[0]?.values),
        "The file has more than 3 rows. Split it into several files.",
      );

      // 50 MB of zeros deflate to about 50 KB: far above any real spreadsheet's ratio.
      const bomb = zipFile(next("xlsx"), [{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(50 * 1024 * 1024) }]);
      assert.deepEqual(pick((await refusedWithoutChange("plots", bomb)).errors), [
        { row: null, column: null, message: "io.err.limit_ratio" },
      ]);

      // A header that lies about the size: the capped inflate notices.
      const liar = zipFile(next("xlsx"), [{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(900 * 1024, 65), declaredSize: 1000 }]);
      assert.deepEqual(pick((await refusedWithoutChange("plots", liar)).errors), [
        { row: null, column: null, message: "io.err.limit_unpacked" },
      ]);

      const parts = zipFile(
        next("xlsx"),
        Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.from("<a/>") })),
      );
      assert.deepEqual(pick((await refusedWithoutChange("plots", parts, small)).errors), [
        { row: null, column: null, message: "io.err.limit_entries" },
      ]);

      const broken = next("xlsx");
      writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(100, 1)]));
      assert.deepEqual(pick((await refusedWithoutChange("plots", broken)).errors), [
        { row: null, column: null, message: "io.err.zip_invalid" },
      ]);

      const capped = new IoService(t.services.sites, t.services.territories, { ...DEFAULT_LIMITS, maxErrors: 3 });
      const noisy = csvFile(next("csv"), [
        ["code", "territorySlug", "areaHa", "status"],
        ...Array.from({ length: 5 }, (_, i) => [`N-${i}`, zone.territory, "x", "free"]),
      ]);
      const cappedReport = await refusedWithoutChange("plots", noisy, capped);
      assert.deepEqual([cappedReport.errors.length, cappedReport.moreErrors], [3, 2]);

      const latin1 = next("csv");
      writeFileSync(latin1, Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xc4, 0xe0, 0x0a]));
      assert.deepEqual(pick((await refusedWithoutChange("plots", latin1)).errors), [
        { row: null, column: null, message: "io.err.encoding" },
      ]);
    });

    it("premises: an unknown plot and a bad kind are reported; a good file is created", async () => {
      const header = ["Code", "District or city", "Plot code", "Type", "Floor area, m²", "Status"];
      const bad = csvFile(next("csv"), [
        header,
        ["B-1", zone.territory, "NO-SUCH-PLOT", "warehouse", "1 200,5", "free"],
        ["B-2", zone.territory, null, "castle", 10, "free"],
      ]);
      const report = await refusedWithoutChange("premises", bad);
      assert.deepEqual(pick(report.errors), [
        { row: 2, column: "Plot code", message: "sites.plot_unknown" },
        { row: 3, column: "Type", message: "io.err.choice" },
      ]);
      const good = await xlsxFile(next("xlsx"), [header, ["B-1", zone.territory, "ZH-NEW-1", "Склад", "1 200,5", "free"]]);
      const created = await io.importFile(ADMIN, "premises", good, { dryRun: false });
      assert.deepEqual(pick(created.errors), []);
      const { premises } = await t.services.sites.getPremises("B-1");
      assert.deepEqual([premises.kind, premises.floorAreaM2, premises.plotCode], ["warehouse", 1200.5, "ZH-NEW-1"]);
    });

    it("zones from GeoJSON: bad coordinates, open rings and unknown references change nothing; a good file creates and updates", async () => {
      const square = (lon: number, lat: number) => [
        [
          [lon, lat],
          [lon + 0.01, lat],
          [lon + 0.01, lat + 0.01],
          [lon, lat + 0.01],
          [lon, lat],
        ],
      ];
      const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: "Feature", properties, geometry });
      const base = {
        kind: "industrial_park",
        status: "planned",
        territory: zone.territory,
        name_kk: "Жаңа парк",
        name_ru: "Новый парк",
        name_en: "New park",
      };
      const bad = next("geojson");
      writeFileSync(
        bad,
        JSON.stringify({
          type: "FeatureCollection",
          features: [
            feature({ ...base, slug: "geo-ok" }, { type: "Polygon", coordinates: square(68.2, 42.3) }),
            feature({ ...base, slug: "geo-swapped" }, { type: "Polygon", coordinates: square(42.3, 68.2) }),
            feature({ ...base, slug: "geo-open" }, { type: "Polygon", coordinates: [square(68.2, 42.3)[0]?.slice(0, 4)] }),
            feature({ ...base, slug: "geo-point" }, { type: "Point", coordinates: [68.2, 42.3] }),
            feature({ ...base, slug: "Bad Slug", territory: "nowhere" }, { type: "Polygon", coordinates: square(68.2, 42.3) }),
            feature(
              { ...base, slug: "geo-orphan", territory: "nowhere", parent: "no-parent" },
              { type: "MultiPolygon", coordinates: [square(68.2, 42.3)] },
            ),
          ],
        }),
      );
      const report = await refusedWithoutChange("zones", bad);
      assert.deepEqual(pick(report.errors), [
        { row: 2, column: "geometry.coordinates[0][0]", message: "io.err.coordinates_range" },
        { row: 3, column: "geometry.coordinates[0]", message: "io.err.ring_open" },
        { row: 4, column: "geometry.type", message: "io.err.geometry_type" },
        { row: 5, column: "slug", message: "io.err.slug" },
        { row: 6, column: "territory", message: "sites.territory_unknown" },
        { row: 6, column: "parent", message: "io.err.parent_unknown" },
      ]);

      const good = next("geojson");
      const existing = (await t.services.sites.getZone(zone.slug)).zone;
      writeFileSync(
        good,
        JSON.stringify({
          type: "FeatureCollection",
          features: [
            feature({ ...base, slug: "geo-child", parent: "geo-new" }, { type: "Polygon", coordinates: square(68.3, 42.4) }),
            feature({ ...base, slug: "geo-new", names: { zh: "新园区" } }, { type: "MultiPolygon", coordinates: [square(68.2, 42.3)] }),
            feature(
              {
                slug: existing.slug,
                kind: existing.kind,
                status: existing.status,
                territory: existing.territory.slug,
                name_kk: existing.name.kk,
                name_ru: existing.name.ru,
                name_zh: existing.name.zh,
                name_en: `${existing.name.en} (renamed)`,
              },
              existing.geometry,
            ),
          ],
        }),
      );
      const dry = await io.importFile(ADMIN, "zones", good, { dryRun: true });
      assert.deepEqual([dry.errors.length, dry.created, dry.updated, dry.unchanged, dry.applied], [0, 2, 1, 0, false]);
      const applied = await io.importFile(ADMIN, "zones", good, { dryRun: false });
      assert.equal(applied.applied, true);
      const child = await t.services.sites.getZone("geo-child");
      assert.equal(child.zone.parent?.slug, "geo-new");
      assert.equal((await t.services.sites.getZone("geo-new")).zone.name.zh, "新园区");
      const renamed = (await t.services.sites.getZone(zone.slug)).zone;
      assert.equal(renamed.name.en, `${existing.name.en} (renamed)`);
      assert.deepEqual(renamed.incentives, existing.incentives, "what the file does not carry is kept");
      assert.deepEqual(renamed.facts, existing.facts);
      const before = await dump(t);
      const again = await io.importFile(ADMIN, "zones", good, { dryRun: false });
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 3]);
      assertSame(await dump(t), before, "an identical zone import changed the database");
    });

    it("the admin page checks an upload, keeps it, and applies it; a bad upload shows the error table", async () => {
      const { client } = await t.signIn("editor");
      const page = await client.get("/ru/admin/import");
      assert.equal(page.status, 200);
      assert.match(await page.text(), /enctype="multipart\/form-data"/);

      const upload = async (locale: string, name: string, body: string, kind = "plots") => {
        const form = new FormData();
        form.set("_csrf", client.csrfToken());
        form.set("kind", kind);
        form.set("file", new Blob([body]), name);
        return client.request(`/${locale}/admin/import`, { method: "POST", body: form });
      };

      const before = await dump(t, CATALOGUE);
      const bad = await upload("ru", "плохой.csv", `code,territorySlug,areaHa,status\nWEB-1,${zone.territory},-3,free\n`);
      assert.equal(bad.status, 422);
      const badHtml = await bad.text();
      assert.match(badHtml, /<td>2<\/td><td>areaHa<\/td><td>Значение должно быть больше нуля\.<\/td>/);
      assert.match(badHtml, /плохой\.csv/);
      assertSame(await dump(t, CATALOGUE), before, "the catalogue changed");

      const good = await upload(
        "en",
        "new.csv",
        `code,territorySlug,areaHa,status\nWEB-1,${zone.territory},3,free\nWEB-2,${zone.territory},4,idle\n`,
      );
      assert.equal(good.status, 200);
      const html = await good.text();
      assert.match(html, /New: 2, to update: 0, unchanged: 0\./);
      assertSame(await dump(t, CATALOGUE), before, "the check wrote nothing");
      const token = /name="token" value="([A-Za-z0-9_-]+)"/.exec(html)?.[1];
      assert.ok(token);

      // Another user cannot apply someone else's upload.
      const other = (await t.signIn("manager")).client;
      const stolen = await other.form("/en/admin/import/apply", { kind: "plots", token });
      assert.equal(stolen.status, 422);
      assertSame(await dump(t, CATALOGUE), before, "the catalogue changed");

      const applied = await client.form("/en/admin/import/apply", { kind: "plots", token });
      assert.equal(applied.status, 303);
      assert.equal((await t.services.sites.getPlot("WEB-2")).plot.status, "idle");
      const flash = await (await client.get("/en/admin/import")).text();
      assert.match(flash, /Import saved\. New: 2, updated: 0, unchanged: 0\./);
      const again = await client.form("/en/admin/import/apply", { kind: "plots", token });
      assert.equal(again.status, 422, "a file is applied once");

      const empty = await client.form("/en/admin/import", { kind: "plots" });
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /Choose a file\./);
    });

    it("the template downloads with the headers of the page's language, a help sheet and the reference lists", async () => {
      const { client } = await t.signIn("manager");
      const res = await client.get("/kk/admin/import/template?kind=plots&format=xlsx");
      assert.equal(res.status, 200);
      const target = next("xlsx");
      writeFileSync(target, Buffer.from(await res.arrayBuffer()));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(target);
      const [data, help, reference] = workbook.worksheets;
      const kk = i18nFor("kk");
      assert.deepEqual(
        ((data?.getRow(1).values ?? []) as unknown[]).slice(1),
        columnsOf("plots").map((c) => headerOf(c, kk)),
      );
      assert.equal(help?.getRow(1).getCell(4).value, kk.t("io.help.type"));
      const statusRow = columnsOf("plots").findIndex((c) => c.key === "status") + 2;
      assert.ok(String(help?.getRow(statusRow).getCell(5).value).includes(`reserved — ${kk.t("plot.status.reserved")}`));
      let slugs = 0;
      reference?.eachRow((row) => {
        if (row.getCell(2).value === zone.slug || row.getCell(2).value === zone.territory) slugs++;
      });
      assert.equal(slugs, 2);
      const empty = await io.importFile(ADMIN, "plots", target, { dryRun: true });
      assert.deepEqual(pick(empty.errors), [{ row: null, column: null, message: "io.err.no_rows" }]);

      const csv = await client.get("/zh/admin/import/template?kind=premises&format=csv");
      assert.match(Buffer.from(await csv.arrayBuffer()).toString("utf8"), /^\uFEFF编码,园区,地块编码/);
    });

    it("the API serves CSV and XLSX downloads with the list's filters and documents them", async () => {
      const csv = await t.app.request(`/api/v1/plots.csv?locale=en&zone=${zone.slug}`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
      assert.match(csv.headers.get("content-disposition") ?? "", /attachment; filename="jibek-plots-/);
      const lines = Buffer.from(await csv.arrayBuffer())
        .toString("utf8")
        .trimEnd()
        .split("\r\n");
      assert.ok(lines[0]?.startsWith("\uFEFFCode,Zone,"));
      const expected = await io.count("plots", { zone: zone.slug });
      assert.equal(lines.length - 1, expected);
      assert.ok(lines.slice(1).every((l) => l.split(",")[1] === zone.slug));

      const xlsx = await t.app.request("/api/v1/premises.xlsx?locale=kk&status=free");
      assert.equal(xlsx.status, 200);
      const bytes = Buffer.from(await xlsx.arrayBuffer());
      assert.equal(bytes.readUInt32LE(0), 0x04034b50);

      const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
      for (const p of ["/api/v1/plots.csv", "/api/v1/plots.xlsx", "/api/v1/premises.csv", "/api/v1/premises.xlsx"])
        assert.ok(p in doc.paths, p);
    });

    it("staff without the catalogue permission cannot import through the service", async () => {
      const target = csvFile(next("csv"), [["code"], ["X"]]);
      await assert.rejects(
        io.importFile({ id: 1, role: "enterprise", organisationId: null }, "plots", target, { dryRun: true }),
        /forbidden/,
      );
    });
  });
}

describe("jibek import and export commands", { skip: !DIALECTS.includes("sqlite") }, () => {
  let dir: string;
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "", LOG_LEVEL: "error", NODE_ENV: "test", SCRYPT_COST: "1024" },
      encoding: "utf8",
    });
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), "jibek-cli-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("exports, re-imports unchanged, and refuses a bad file with its rows and columns and a non-zero exit code", () => {
    assert.equal(cli(["seed"]).status, 0);
    const out = path.join(dir, "plots.xlsx");
    const exported = cli(["export", "plots", "--format", "xlsx", "--out", out, "--locale", "ru"]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stderr, /Exporting .*100%/);
    const again = cli(["import", "plots", out, "--dry-run"]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /New: 0, to update: 0, unchanged: \d+\./);

    const bad = csvFile(path.join(dir, "bad.csv"), [
      ["Код", "Район или город", "Площадь, га", "Статус"],
      ["CLI-1", "nowhere", 1, "free"],
      ["CLI-2", "nowhere", "много", "free"],
    ]);
    const refused = cli(["import", "plots", bad, "--locale", "ru"]);
    assert.equal(refused.status, 65);
    assert.match(refused.stderr, /Строка 2, Столбец «Район или город»: Такого района или города нет\./);
    assert.match(refused.stderr, /Строка 3, Столбец «Площадь, га»: Укажите число/);

    const usage = cli(["import", "castles", bad]);
    assert.equal(usage.status, 64);
  });
});
