/**
 * 权责清单 (power_item), a published list, on the demo district:
 *
 *   the rule-of-law office adds an item to the power list (through the API: the form is
 *   the generic register form, tested elsewhere), opens 发布版本 on the register's page,
 *   publishes a new version with today's document number through the dialog, sees it in
 *   force, and sees the change list against the version before (the item added);
 *   then a citizen opens the portal's 权责清单 and asks for the list in force on
 *   2020-06-01: the first version of 2020 (武隆府办发〔2020〕15号), its 74 items, not today's.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

const OFFICE = "wl.yfzqb.office";
const TODAY = shanghaiDate(0);
const YEAR = TODAY.slice(0, 4);

/** A slow machine (eight test runs on two cores): the first load of a page may take a while. */
const SLOW = { timeout: 60_000 };

test("the office publishes a new version of the power list; the portal shows a past day's list", async ({
  page,
}) => {
  try {
    await scenario(page);
  } catch (e) {
    await screenshot(page, "lists-failure").catch(() => undefined);
    throw e;
  }
}, 300_000);

async function scenario(page: Page) {
  await loginAs(page, baseUrl, OFFICE);

  // An item added to the list today (not yet published).
  const name = uniqueName("对违反价格法规定的行政处罚");
  const session = await (await page.request.get(`${baseUrl}/api/auth/session`)).json();
  const created = await page.request.post(`${baseUrl}/api/registers/power_item/entries`, {
    headers: { "x-csrf-token": session.csrfToken },
    data: {
      data: {
        code: `500156-QL-E2E-${Date.now() % 100000}`,
        name,
        kind: "penalty",
        unitCode: "scjgj",
        basis: "《中华人民共和国价格法》第四十条",
        responsibilities: "立案责任、调查责任、决定责任",
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`${baseUrl}/registers/power_item`);
  await page.getByTestId("register-table").waitFor(SLOW);
  await page.getByTestId("list-versions").click();
  const drawer = page.getByTestId("versions-drawer");
  await drawer.getByText("武隆府办发〔2020〕48号").waitFor(SLOW);

  // Publish through the dialog.
  const number = `武隆府办发〔${YEAR}〕${90 + (Date.now() % 9)}号`;
  await drawer.getByTestId("version-publish").click();
  await page.locator("#number").fill(number);
  for (const id of ["#publishedOn", "#inForceFrom"]) {
    await page.locator(id).click();
    await page.locator(id).fill(TODAY);
    await page.locator(id).press("Enter");
  }
  await page.getByTestId("version-publish-submit").click();
  const row = drawer.getByTestId("versions-table").locator("tr").filter({ hasText: number });
  await row.waitFor(SLOW);
  await row.getByText("现行").waitFor();

  // The change list from the version before to the new one: the item added.
  const before = drawer.getByTestId("versions-table").locator("tr").filter({
    hasText: "武隆府办发〔2020〕48号",
  });
  await before.getByRole("button", { name: "变更对照" }).click();
  const diff = drawer.getByTestId("version-diff");
  await diff.getByTestId("diff-added").getByText(name).waitFor(SLOW);
  expect(await diff.getByTestId("diff-removed").locator("li").count()).toBe(0);
  await screenshot(page, "lists-version-diff");

  // The portal: the list in force on 2020-06-01, chosen with the form.
  await page.goto(`${baseUrl}/public/500156/sections/power_list`);
  const main = page.locator("main");
  await main.getByText(number).waitFor(SLOW);
  await page.locator("#on").fill("2020-06-01");
  await page.getByRole("button", { name: "查看" }).click();
  await page.waitForURL(/on=2020-06-01/);
  await main.getByText("武隆府办发〔2020〕15号").waitFor(SLOW);
  const text = (await main.textContent()) ?? "";
  expect(text).toContain("2020年4月1日起施行");
  expect(text).toContain("共 74 条");
  expect(text).not.toContain(number);
  expect(text).not.toContain(name);
  await screenshot(page, "lists-portal-past-day");
}
