/**
 * A market-regulation window clerk takes an application from intake to delivery as the
 * users would: opens it from the menu for a catalogue item (the demo's 食品经营许可 item
 * XK-0001), accepts it (the dated acceptance number, the legal and promised clocks
 * running), is refused a refusal without reasons, reviews, decides to grant (decision
 * number; the legal clock stops, the 10-working-day delivery clock starts) and delivers.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, openMenu, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

const HANDLER = "wl.scjgj.handler";
const applicant = uniqueName("冉");

async function takeStep(
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-form").waitFor();
  await page.waitForTimeout(300); // the modal's opening animation
  if (fill) await fill(dialog);
  await page.getByTestId("action-submit").click();
}

async function choose(page: Page, field: string, option: string) {
  await page.getByTestId(field).click();
  await page.locator(".ant-select-item-option", { hasText: option }).first().click();
}

test("an application from intake to delivery", async ({ page }) => {
  await loginAs(page, baseUrl, HANDLER);
  await openMenu(page, "政务服务办件");
  await page.waitForURL(`${baseUrl}/cases/service_application`);
  await page.getByTestId("case-table").waitFor();

  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.waitFor();
  // What the steps record (the item's limits, the days used) is never asked at intake.
  expect(await form.getByTestId("field-fields.legalDays").count()).toBe(0);
  expect(await form.getByTestId("field-fields.workingDaysUsed").count()).toBe(0);
  await form.getByTestId("field-fields.itemCode").fill("XK-0001");
  await choose(page, "field-fields.applicant.kind", "自然人");
  await form.getByTestId("field-fields.applicant.name").fill(applicant);
  await choose(page, "field-fields.channel", "窗口受理");
  await page.getByTestId("case-new-submit").click();

  await page.waitForURL(/\/cases\/service_application\/\d+$/, { timeout: 60_000 });
  await page.getByTestId("case-state").getByText("已收件").waitFor();
  // The five working days to ask for missing materials run from receipt.
  await page.getByTestId("deadline-completeness").waitFor();

  await takeStep(page, "accept");
  await expect.poll(() => page.getByTestId("case-state").textContent()).toBe("已受理");
  expect(await page.getByTestId("case-numbers").textContent()).toMatch(/武隆政务受〔\d{4}〕\d+号/);
  const legal = page.getByTestId("deadline-legal");
  await legal.waitFor();
  expect(await legal.getAttribute("data-state")).toBe("running");
  expect(await legal.textContent()).toContain("法定办结时限");
  expect(await legal.textContent()).toContain("行政许可法");
  // The title is the one given at intake (the item's code and the applicant).
  expect(await page.getByTestId("case-title").textContent()).toContain(applicant);
  await screenshot(page, "service-accepted");

  await takeStep(page, "review", async (dialog) => {
    await dialog.getByTestId("field-input.reviewOpinion").fill("材料齐全，符合法定条件");
  });
  await expect.poll(() => page.getByTestId("case-state").textContent()).toBe("已审查");

  // A refusal without its reasons: refused, the field named (第三十八条第二款).
  await takeStep(page, "decide", async () => {
    await choose(page, "field-input.outcome", "不予准予");
  });
  await page
    .getByRole("dialog")
    .locator(".ant-form-item-has-error")
    .filter({ has: page.getByTestId("field-input.reasons") })
    .waitFor();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /取\s*消/ })
    .click();
  await page.getByRole("dialog").waitFor({ state: "hidden" });
  expect(await page.getByTestId("case-state").textContent()).toBe("已审查");

  await takeStep(page, "decide", async () => {
    await choose(page, "field-input.outcome", "准予");
  });
  await expect.poll(() => page.getByTestId("case-state").textContent()).toBe("已办结（待送达）");
  expect(await page.getByTestId("case-numbers").textContent()).toMatch(/武隆政务决〔\d{4}〕\d+号/);
  expect(await page.getByTestId("deadline-legal").getAttribute("data-state")).toBe("stopped");
  expect(await page.getByTestId("deadline-delivery").getAttribute("data-state")).toBe("running");

  await takeStep(page, "deliver", async () => {
    await choose(page, "field-input.method", "电子证照");
  });
  await expect.poll(() => page.getByTestId("case-state").textContent()).toBe("已送达");
  await screenshot(page, "service-delivered");
});
