/**
 * (c) Register import with a bad row, as the government office's case handler (who may
 * edit the meetings register in the own unit): export the register for its layout, add
 * one good and one bad row, import through the page and see the row-level report (row,
 * column, reason) with nothing imported; then import the good row alone and see it listed.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect } from "vitest";
import { loginAs, openMenu, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

let dir = "";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-e2e-xlsx-"));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** The export plus rows given by field code (the export's hidden row 2 names the fields). */
async function withRows(exported: string, rows: Record<string, string>[], name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("the export has no sheet");
  const codes = (ws.getRow(2).values as unknown[]).map((v) => (v === undefined ? "" : String(v)));
  const first = ws.rowCount + 1;
  for (const r of rows) {
    // row.values is 1-based: index 0 is empty
    ws.addRow(codes.slice(1).map((code) => r[code] ?? null));
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return { file, first };
}

test("an import with a bad row shows the row, column and reason, and imports nothing", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.zfb.handler");
  await openMenu(page, "会议");
  await page.waitForURL(`${baseUrl}/registers/meeting`);
  const table = page.getByTestId("register-table");
  await table.waitFor();

  // The export gives the layout: labels in row 1, field codes in row 2.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("register-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const exported = path.join(dir, "export.xlsx");
  await download.saveAs(exported);

  const good = `${uniqueName("2026年第")}次`;
  const bad = `${uniqueName("2026年第")}次`;
  const { file, first } = await withRows(
    exported,
    [
      { body: "区政府常务会议", number: good, date: "2026-03-05", chair: "张文" },
      { body: "区政府常务会议", number: bad, date: "2026-02-30", chair: "张文" },
    ],
    "bad.xlsx",
  );
  const badRow = first + 1;

  await page.locator('input[type="file"]').setInputFiles(file);
  const report = page.getByTestId("import-report");
  await report.waitFor();
  const cells = report.locator("tbody tr.ant-table-row");
  await expect.poll(() => cells.count()).toBeGreaterThan(0);
  const texts = await cells.allInnerTexts();
  const dateRow = texts.find((t) => t.includes("会议日期"));
  expect(dateRow, texts.join("\n")).toBeDefined();
  expect(dateRow).toMatch(new RegExp(`^\\s*${badRow}\\s`));
  expect(dateRow).toContain("2026-02-30");
  // only the bad row is named
  expect(texts.every((t) => t.trim().startsWith(String(badRow)))).toBe(true);
  await page.getByText("未导入任何数据").waitFor();
  await screenshot(page, "register-import-report");
  await page
    .getByTestId("import-failure")
    .getByRole("button", { name: /确\s*定/ })
    .click();

  // Nothing was imported: not even the good row.
  await page.getByLabel("关键词").fill(good);
  await page.getByRole("button", { name: "查询" }).click();
  await expect
    .poll(() => table.locator("tbody tr.ant-table-row").count(), { timeout: 5000 })
    .toBe(0);

  // The good row alone imports, and is listed with the enum's label.
  const { file: goodFile } = await withRows(
    exported,
    [{ body: "区政府常务会议", number: good, date: "2026-03-05", chair: "张文" }],
    "good.xlsx",
  );
  await page.locator('input[type="file"]').setInputFiles(goodFile);
  await page.getByText("导入完成").waitFor();
  const row = table.locator("tbody tr.ant-table-row", { hasText: good });
  await row.waitFor();
  expect(await row.textContent()).toContain("区政府常务会议");
  expect(await row.textContent()).toContain("2026-03-05");

  // Its history: one version, created by this user.
  await row.getByRole("button", { name: "修改记录" }).click();
  const versions = page.getByTestId("entry-versions");
  await versions.locator("tbody tr.ant-table-row").first().waitFor();
  expect(await versions.textContent()).toContain("曾建文");
  await screenshot(page, "register-imported");
});
