import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { xlsxRows } from "./sheet-rows.ts";

const TEXT = "归集导入的信用记录，行政许可信息和行政处罚信息";

async function rowsOf(file: Buffer): Promise<string[]> {
  const out: string[] = [];
  for await (const r of xlsxRows(file)) out.push(r.cells.join("|"));
  return out;
}

describe("xlsxRows: Chinese text across the reader's chunks (exceljs #2084)", () => {
  it("keeps every character of inline strings in a large sheet", async () => {
    const filename = path.join(os.tmpdir(), `fazhi-sheet-rows-${process.pid}.xlsx`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false });
    const ws = wb.addWorksheet("s");
    for (let i = 0; i < 3000; i++) ws.addRow([`${TEXT}${i}`, i]).commit();
    await wb.commit();
    const file = await fs.readFile(filename);
    await fs.rm(filename, { force: true });
    const rows = await rowsOf(file);
    expect(rows).toHaveLength(3000);
    expect(rows.filter((r) => r.includes("\uFFFD"))).toEqual([]);
    expect(rows[2999]).toBe(`${TEXT}2999|2999`);
  });

  it("keeps every character of shared strings", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    for (let i = 0; i < 3000; i++) ws.addRow([`${TEXT}${i}`]);
    const rows = await rowsOf(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows.filter((r) => r.includes("\uFFFD"))).toEqual([]);
    expect(rows[1234]).toBe(`${TEXT}1234`);
  });
});
