/**
 * (a) A market-regulation case handler opens the example licence applications from the
 * menu, opens a case through the generated form, accepts it (acceptance number, timeline
 * entry, a running decision clock), is told where a hearing date is too early, and is
 * refused a decision before the legal review (the guard's message).
 * (b) The unit's legal reviewer passes the review; the handler then decides and sees the
 * decision number.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, openMenu, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";
import { chooseShown } from "./support/forms.ts";

const HANDLER = "wl.scjgj.handler";
const REVIEWER = "wl.scjgj.reviewer";
let caseUrl = "";
const item = uniqueName("食品经营许可-");

/** Open a step's modal, fill it with `fill`, submit. */
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

test("a handler accepts a licence application and may not decide before the review", async ({
  page,
}) => {
  await loginAs(page, baseUrl, HANDLER);

  await openMenu(page, "示例：许可申请");
  await page.waitForURL(`${baseUrl}/cases/example_permit`);
  await page.getByTestId("case-table").waitFor();

  // A new case through the form generated from the type's JSON Schema.
  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.waitFor();
  // The fields a later step sets (the review's result, the decision) are not asked here.
  expect(await form.getByTestId("field-fields.reviewPassed").count()).toBe(0);
  await form.getByTestId("field-fields.applicant.name").fill("张三");
  await form.getByTestId("field-fields.item").fill(item);
  await chooseShown(page, form.getByTestId("field-fields.category"), "市场监管事项");
  await page.getByTestId("case-new-submit").click();

  // The user lands on the new case, which says what comes next.
  await page.waitForURL(/\/cases\/example_permit\/\d+$/);
  caseUrl = page.url();
  await page.getByTestId("case-state").getByText("已收件").waitFor();
  expect(await page.getByTestId("case-next").textContent()).toContain("受理");
  await page.getByTestId("case-title").getByText(item).waitFor();

  // 受理: the acceptance number, the timeline entry, the decision clock starts.
  await takeStep(page, "accept");
  const numbers = page.getByTestId("case-numbers");
  await numbers.waitFor();
  expect(await numbers.textContent()).toMatch(/武隆许受〔\d{4}〕\d+号/);
  expect(await page.getByTestId("case-state").textContent()).toBe("已受理");
  const accepted = page.getByTestId("case-timeline").locator('[data-action="accept"]');
  await accepted.waitFor();
  expect(await accepted.textContent()).toContain("受理");
  expect(await accepted.textContent()).toMatch(/已收件\s*→\s*已受理/);
  expect(await accepted.textContent()).toMatch(/武隆许受〔\d{4}〕\d+号/);
  const clock = page.getByTestId("deadline-decision");
  await clock.waitFor();
  expect(await clock.getAttribute("data-state")).toBe("running");
  expect(await clock.textContent()).toContain("许可决定期限");
  expect(await clock.textContent()).toContain("正常");
  expect(await clock.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(await clock.textContent()).toContain("行政许可法");
  await screenshot(page, "case-accepted");

  // A hearing date too early: the server's lead-time rule lands on the date field.
  await takeStep(page, "schedule_hearing", async (dialog) => {
    const date = dialog.getByTestId("field-input.hearingDate");
    await date.click();
    await date.fill(shanghaiDate(1));
    await date.press("Enter");
  });
  const dateError = page
    .getByRole("dialog")
    .locator(".ant-form-item-has-error")
    .filter({ has: page.getByTestId("field-input.hearingDate") });
  await dateError.getByText(/至少 7 个工作日/).waitFor();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /取\s*消/ })
    .click();
  await page.getByRole("dialog").waitFor({ state: "hidden" });

  // 作出决定 before the review: the guard's refusal, as the server words it.
  await takeStep(page, "decide", async (dialog) => {
    await dialog.getByTestId("field-input.decisionSummary").fill("准予许可");
  });
  const alert = page.getByRole("dialog").getByTestId("error-alert");
  await alert.getByText("no decision before a passed review").waitFor();
  expect(await alert.textContent()).toContain("审查通过后方可作出决定");
  await screenshot(page, "case-decide-refused");
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /取\s*消/ })
    .click();
  expect(await page.getByTestId("case-state").textContent()).toBe("已受理");
});

test("the legal reviewer passes the review, then the handler decides", async ({ page }) => {
  expect(caseUrl).not.toBe("");
  await loginAs(page, baseUrl, REVIEWER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(item).waitFor();

  await takeStep(page, "review", async (dialog) => {
    const passed = dialog.getByTestId("field-input.reviewPassed");
    await passed.check();
    expect(await passed.isChecked()).toBe(true);
  });
  const reviewed = page.getByTestId("case-timeline").locator('[data-action="review"]');
  await reviewed.waitFor();
  expect(await reviewed.textContent()).toContain("审查");

  await loginAs(page, baseUrl, HANDLER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(item).waitFor();
  await takeStep(page, "decide", async (dialog) => {
    await dialog.getByTestId("field-input.decisionSummary").fill("准予许可");
  });
  await expect.poll(() => page.getByTestId("case-state").textContent()).toBe("已决定");
  expect(await page.getByTestId("case-numbers").textContent()).toMatch(/武隆市监许〔\d{4}〕\d+号/);
  const decided = page.getByTestId("case-timeline").locator('[data-action="decide"]');
  expect(await decided.textContent()).toMatch(/武隆市监许〔\d{4}〕\d+号/);
  // The clock stopped with the decision; no step is left but revocation (for the leader).
  expect(await page.getByTestId("deadline-decision").getAttribute("data-state")).toBe("stopped");
  expect(await page.getByTestId("action-decide").count()).toBe(0);
  await screenshot(page, "case-decided");
});

test("suspending in one tab makes the other tab's version stale; resume and extend", async ({
  page,
  context,
}) => {
  await loginAs(page, baseUrl, HANDLER);
  const other = uniqueName("中止示例-");
  await page.goto(`${baseUrl}/cases/example_permit`);
  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.getByTestId("field-fields.applicant.name").fill("王五");
  await form.getByTestId("field-fields.item").fill(other);
  await chooseShown(page, form.getByTestId("field-fields.category"), "一般事项");
  await page.getByTestId("case-new-submit").click();
  await page.waitForURL(/\/cases\/example_permit\/\d+$/);
  await page.getByTestId("case-title").getByText(other).waitFor();
  await takeStep(page, "accept");
  await page.getByTestId("deadline-decision").waitFor();
  const dueBefore = await page
    .getByTestId("deadline-decision")
    .getByTestId("deadline-due-date")
    .textContent();

  // A second tab suspends the clocks (a reason is required).
  const tab = await context.newPage();
  await tab.bringToFront();
  await tab.goto(page.url());
  await tab.getByTestId("case-title").waitFor();
  await tab.getByTestId("clock-suspend").click();
  await tab.getByRole("dialog").getByLabel("理由").waitFor();
  await tab.getByTestId("clock-op-submit").click();
  await tab.getByText("此操作须填写理由").waitFor();
  await tab.getByRole("dialog").getByLabel("理由").fill("组织听证，听证时间不计入期限");
  await tab.getByTestId("clock-op-submit").click();
  await tab.getByTestId("case-suspended").waitFor();
  expect(await tab.getByTestId("deadline-decision").getAttribute("data-state")).toBe("suspended");
  await tab.close();
  await page.bringToFront();

  // This tab still holds the old version: the server's 409 and a reload button.
  await takeStep(page, "decide", async (dialog) => {
    await dialog.getByTestId("field-input.decisionSummary").fill("准予许可");
  });
  const conflict = page.getByTestId("conflict-alert");
  await conflict.waitFor();
  expect(await conflict.textContent()).toContain("刷新");
  await screenshot(page, "case-conflict");
  await page.getByTestId("conflict-reload").click();
  await page.getByTestId("case-suspended").waitFor();
  expect(await page.getByTestId("action-decide").count()).toBe(0);

  await page.getByTestId("clock-resume").click();
  await page.getByTestId("clock-op-submit").click();
  await page.getByTestId("case-suspended").waitFor({ state: "detached" });
  await page.locator('[data-action="resume"]').waitFor();

  // Only the unit's leader approves an extension: the handler has no button for it.
  expect(await page.getByTestId("clock-extend").count()).toBe(0);
  const url = page.url();
  await loginAs(page, baseUrl, "wl.scjgj.leader");
  await page.goto(url);
  await page.getByTestId("clock-extend").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("spinbutton").fill("10");
  // The approver is the signed-in leader; the notice to the party is recorded.
  // Today in Shanghai (the UTC date is a day behind after 16:00 UTC).
  await dialog.getByLabel("告知当事人日期").fill(shanghaiDate(0));
  await dialog.getByLabel("告知当事人日期").press("Enter");
  await dialog.getByLabel("告知内容").fill("延长许可期限告知书：情况复杂，延长十日");
  await dialog.getByLabel("理由").fill("情况复杂，经负责人批准延长十日");
  await page.getByTestId("clock-op-submit").click();
  const extended = page.getByTestId("case-timeline").locator('[data-action="extend"]');
  await extended.waitFor();
  await expect
    .poll(() =>
      page.getByTestId("deadline-decision").getByTestId("deadline-due-date").textContent(),
    )
    .not.toBe(dueBefore);
  await screenshot(page, "case-extended");
});
