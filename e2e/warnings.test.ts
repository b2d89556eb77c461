/**
 * Warnings: a licence application received and accepted two months ago (legal dates in
 * the past) has an overdue decision clock: red on the case page, listed on the warnings
 * page (filtered by level and "mine", leading to the case) and counted on the home card.
 */
import { expect } from "vitest";
import { loginAs, openMenu, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";
import { chooseShown } from "./support/forms.ts";

type Page = Parameters<typeof loginAs>[0];
type Locator = ReturnType<Page["locator"]>;

/** The warnings are paged on the server, most urgent first: page on until the row shows. */
async function pageUntil(page: Page, row: Locator) {
  for (let n = 1; n <= 60; n++) {
    await page.getByTestId("warnings-pager").getByText(`第 ${n} 页`).waitFor();
    // The page's rows arrive after its label: give them a moment before paging on.
    const shown = await row
      .waitFor({ timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    const next = page.getByTestId("warnings-next");
    if (await next.isDisabled()) break;
    await next.click();
  }
  await row.waitFor({ timeout: 1000 });
}

test("an overdue clock shows on the case, the warnings page and the home card", async ({
  page,
}) => {
  const item = uniqueName("逾期示例-");
  const longAgo = shanghaiDate(-60);
  await loginAs(page, baseUrl, "wl.scjgj.handler");
  await openMenu(page, "示例：许可申请");
  await page.waitForURL(`${baseUrl}/cases/example_permit`);

  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.getByTestId("field-fields.applicant.name").fill("李四");
  await form.getByTestId("field-fields.item").fill(item);
  await chooseShown(page, form.getByTestId("field-fields.category"), "一般事项");
  const opened = form.getByTestId("case-new-date");
  await opened.click();
  await opened.fill(longAgo);
  await opened.press("Enter");
  await page.getByTestId("case-new-submit").click();
  // The handler lands on the new case, opened on the date given.
  await page.waitForURL(/\/cases\/example_permit\/\d+$/);
  await page.getByTestId("case-title").getByText(item).waitFor();
  expect(await page.getByTestId("case-page").textContent()).toContain(longAgo);
  const caseUrl = page.url();

  await page.getByTestId("action-accept").click();
  const date = page.getByRole("dialog").getByTestId("action-date");
  await date.click();
  await date.fill(longAgo);
  await date.press("Enter");
  await page.getByTestId("action-submit").click();
  const clock = page.getByTestId("deadline-decision");
  await clock.locator('[data-warning="overdue"]').waitFor();
  expect(await clock.textContent()).toContain("已超期");
  await screenshot(page, "case-overdue");

  await openMenu(page, "预警");
  await page.waitForURL(`${baseUrl}/warnings`);
  const table = page.getByTestId("warnings-table");
  const warning = table.locator("tr", { hasText: item });
  await pageUntil(page, warning);
  expect(await warning.textContent()).toContain("许可决定期限");
  expect(await warning.textContent()).toContain("已超期");

  // Due soon only: the overdue case is not listed; mine and overdue: it is.
  await page.getByTestId("warnings-level").getByText("即将到期").click();
  await warning.waitFor({ state: "detached" });
  await page.getByTestId("warnings-level").getByText("已超期").click();
  await page.getByTestId("warnings-mine").check();
  await pageUntil(page, warning);
  await screenshot(page, "warnings");
  await warning.getByRole("link", { name: item }).click();
  await page.waitForURL(caseUrl);

  await page.goto(`${baseUrl}/`);
  // The home card counts it (and lists the most urgent few, which may be others').
  const count = page.getByTestId("warnings-card").getByTestId("warnings-overdue-count");
  await expect
    .poll(async () => Number((await count.textContent())?.replace(/\D/g, "") || 0))
    .toBeGreaterThan(0);
});
