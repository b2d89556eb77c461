/**
 * (d) The indicators page renders for the district's rule-of-law office (regions from
 * the directory, the year, the table, the chart; the records behind a figure when any
 * figure is declared).
 */
import { expect } from "vitest";
import { loginAs, openMenu } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

test("the indicators page shows the figures of a region and a year", async ({ page }) => {
  await loginAs(page, baseUrl, "wl.yfzqb.office");
  await openMenu(page, "指标");
  await page.waitForURL(`${baseUrl}/indicators`);
  await page.getByTestId("indicators-page").waitFor();
  const table = page.getByTestId("indicators-table");
  await table.waitFor();
  await page.getByTestId("indicator-chart").waitFor();
  await expect.poll(() => page.getByTestId("ind-region").textContent()).toContain("武隆区");
  expect(await page.getByTestId("ind-year").textContent()).toMatch(/\d{4} 年/);
  await page.getByText(/统计期间：\d{4}-01-01 至 \d{4}-12-31/).waitFor();

  // Another year re-reads the figures for that year.
  const lastYear = new Date().getFullYear() - 1;
  await page.getByTestId("ind-year").click();
  await page.locator(".ant-select-item-option", { hasText: `${lastYear} 年` }).click();
  await page.getByText(`统计期间：${lastYear}-01-01 至 ${lastYear}-12-31`).waitFor();

  const rows = table.locator("tbody tr.ant-table-row");
  if ((await rows.count()) > 0) {
    await rows.first().getByRole("button", { name: "明细" }).click();
    await page.getByTestId("drill-table").waitFor();
    await screenshot(page, "indicators-drill");
    await page.locator(".ant-drawer-close").click();
    await page.getByTestId("drill-table").waitFor({ state: "hidden" });
  } else {
    await table.getByText("暂无已声明的指标").waitFor();
  }
  await screenshot(page, "indicators");
});
