import assert from "node:assert/strict";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { after, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { zipFile } from "../../../test/support/zip.ts";
import { ReadError, readXlsx, type SheetRow } from "./io.read.ts";

const dir = mkdtempSync(path.join(tmpdir(), "jibek-read-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const next = () => path.join(dir, `f${++n}.xlsx`);

async function rows(file: string): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of readXlsx(file)) out.push(row);
  return out;
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);

/** A workbook whose first sheet is "Data" in xl/worksheets/sheet2.xml, stored before the shared strings. */
function handMade(sheetXml: string, shared: string): string {
  return zipFile(next(), [
    {
      name: "xl/worksheets/sheet1.xml",
      data: xml(`<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>99</v></c></row></sheetData></worksheet>`),
    },
    { name: "xl/worksheets/sheet2.xml", data: xml(sheetXml) },
    { name: "xl/sharedStrings.xml", data: xml(`<sst ${MAIN}>${shared}</sst>`) },
    {
      name: "xl/workbook.xml",
      data: xml(
        `<workbook ${MAIN} ${REL}><sheets><sheet name="Data" sheetId="2" r:id="rId7"/><sheet name="Help" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      ),
    },
  ]);
}

describe("XLSX reader", () => {
  it("reads the workbook's first sheet, whatever order the zip stores its parts in", async () => {
    const file = handMade(
      `<worksheet ${MAIN}><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
        <row r="3"><c r="B3" t="inlineStr"><is><t>inline &amp; escaped</t></is></c><c r="D3" t="b"><v>1</v></c></row>
        <row><c t="str"><f>A1&amp;"x"</f><v>Коды x</v></c><c><f>1+1</f><v>2</v></c><c><f>NOW()</f></c><c t="e"><v>#N/A</v></c></row>
        <row r="9"><c r="A9"><v>1200.5</v></c><c r="B9" t="s"><v>2</v></c><c r="C9" t="s"><v>3</v></c></row>
      </sheetData></worksheet>`,
      `<si><t>Коды</t></si><si><r><rPr><b/></rPr><t>Бос </t></r><r><t xml:space="preserve">жер</t></r><rPh><t>ignored</t></rPh></si><si><t>工业园</t></si><si><t/></si>`,
    );
    assert.deepEqual(await rows(file), [
      { number: 1, cells: ["Коды", null, "Бос жер"] },
      { number: 3, cells: [null, "inline & escaped", null, true] },
      { number: 4, cells: ["Коды x", 2, null, "#N/A"] },
      { number: 9, cells: [1200.5, "工业园", null] },
    ]);
  });

  it("reads exceljs's streaming writer's files the same on every read (sheets stored before the shared strings)", async () => {
    const file = next();
    const out = createWriteStream(file);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["Коды", "Аймақ", "面积"]).commit();
    for (let i = 0; i < 500; i++) sheet.addRow([`P-${i}`, "Түркістан", i + 0.5]).commit();
    sheet.commit();
    workbook.addWorksheet("Help").addRow(["help"]).commit();
    await workbook.commit();
    await finished(out);
    // exceljs's own streaming reader returned {sharedString: n} objects on some of these reads.
    for (let round = 0; round < 20; round++) {
      const read = await rows(file);
      assert.equal(read.length, 501);
      assert.deepEqual(read[0]?.cells, ["Коды", "Аймақ", "面积"]);
      assert.deepEqual(read[500]?.cells, ["P-499", "Түркістан", 499.5]);
    }
  });

  it("reads rich text and formulas as exceljs's workbook writer stores them", async () => {
    const file = next();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow([
      { richText: [{ text: "Turan " }, { font: { bold: true }, text: "SEZ" }] },
      { formula: "2*3", result: 6 },
      true,
      "=not a formula",
    ]);
    await workbook.xlsx.writeFile(file);
    assert.deepEqual(await rows(file), [{ number: 1, cells: ["Turan SEZ", 6, true, "=not a formula"] }]);
  });

  it("refuses a file that is not a workbook as invalid", async () => {
    const notXml = zipFile(next(), [{ name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet><sheetData><row>") }]);
    await assert.rejects(rows(notXml), (e: unknown) => e instanceof ReadError && e.key === "io.err.xlsx_invalid");
    const noSheet = zipFile(next(), [{ name: "docProps/app.xml", data: xml("<Properties/>") }]);
    await assert.rejects(rows(noSheet), (e: unknown) => e instanceof ReadError && e.key === "io.err.xlsx_invalid");
  });
});
