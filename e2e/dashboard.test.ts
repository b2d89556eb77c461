/**
 * The role homes' figures (docs/dashboards.md): the district office's home shows its
 * figures for a year against the year before, with a chart per area; a figure opens the
 * records behind it; the per-unit comparison table exports as .xlsx; the city's home
 * shows its districts side by side.
 */
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

/** Choose the demo's year (2020) on the dashboard and wait for its figures. */
async function year2020(page: Page) {
  const card = page.getByTestId("dashboard-card");
  await card.waitFor();
  await page.getByTestId("dashboard-year").click();
  await page.locator(".ant-select-item-option", { hasText: "2020年" }).click();
  await card.getByRole("columnheader", { name: "2019年" }).first().waitFor({ timeout: 120_000 });
  return card;
}

test("the office's home: figures against the year before, a chart, the records, the units compared", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.yfzqb.office");
  const card = await year2020(page);
  expect(await card.locator(".ant-card-head-title").textContent()).toBe("本地区指标概览");
  // One tab per area, in Chinese; the first area's chart is drawn.
  const tabs = await card.locator(".ant-tabs-tab").allTextContents();
  expect(tabs.length).toBeGreaterThan(1);
  for (const tab of tabs) expect(tab).toMatch(/[\u4e00-\u9fff]/);
  await card.getByTestId("dashboard-echart").first().locator("canvas").waitFor();
  // No field key, code or English on the card.
  expect(await card.textContent()).not.toMatch(/[a-z]+_[a-z]+|undefined|null/);

  // A figure that is not zero (in the first area that has one) opens the records behind it.
  const panel = card.getByRole("tabpanel"); // the shown tab's (hidden panels are skipped)
  const figures = panel.getByTestId("dashboard-figure");
  let i = -1;
  for (let tab = 0; tab < tabs.length && i < 0; tab++) {
    await card.locator(".ant-tabs-tab").nth(tab).click();
    await figures.first().waitFor();
    // A count (a whole number), so that it groups by unit too (an average would not).
    i = (await figures.allTextContents()).findIndex((x) => /^[1-9][\d,]*$/.test(x));
  }
  expect(i, "a figure of 2020 that is not zero").toBeGreaterThanOrEqual(0);
  await figures.nth(i).click();
  const drawer = page.getByTestId("drill-drawer");
  const rows = page.getByTestId("drill-table").locator("tbody tr.ant-table-row");
  await rows.first().waitFor();
  expect(await drawer.textContent()).toContain("2020-01-01 — 2020-12-31");
  await screenshot(page, "dashboard-drill");
  await page.locator(".ant-drawer-close").click();
  await page.getByTestId("drill-table").waitFor({ state: "hidden" });

  // The same figure per unit: a sortable table, exported as .xlsx.
  const byUnitButtons = panel.getByTestId("dashboard-by-unit");
  await byUnitButtons.nth(i).click();
  const table = page.getByTestId("by-unit-table");
  await table.locator("tbody tr.ant-table-row").first().waitFor();
  expect(await table.textContent()).toContain("武隆区");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("by-unit-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/分单位-2020\.xlsx$/);
  const file = path.join(os.tmpdir(), `by-unit-${process.pid}.xlsx`);
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const header = wb.worksheets[0]!.getRow(1).values as unknown[];
  expect(header.slice(1, 4)).toEqual(["序号", "单位", "地区"]);
  expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(1);
  await screenshot(page, "dashboard-by-unit");
});

test("the city's home: its districts side by side", async ({ page }) => {
  await loginAs(page, baseUrl, "cq.sfj.office");
  const card = await year2020(page);
  expect(await card.locator(".ant-card-head-title").textContent()).toBe("本市及各区县指标概览");
  await card.getByRole("tab", { name: "各区县对比" }).click();
  const table = page.getByTestId("dashboard-districts-table");
  await table.locator("tbody tr.ant-table-row").first().waitFor();
  expect(await table.textContent()).toContain("武隆区");
  await screenshot(page, "dashboard-city");
});
