/**
 * Major decisions in the browser: (a) a department's handler starts a decision through
 * the generated form and opens it for comment — a 20-day period is refused on the reason's
 * field until the reason is given; the unit's leader is refused the collective decision
 * with the missing steps named. (b) The rule-of-law office downloads the complete demo
 * decision's dossier (a zip with its index and every step), and a citizen finds the
 * published decisions on the portal.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, openMenu, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

const HANDLER = "wl.sthjj.handler";
const LEADER = "wl.sthjj.leader";
const title = uniqueName("武隆区乌江流域生态补偿办法-");
let caseUrl = "";

async function openStep(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-form").waitFor();
  await page.waitForTimeout(300); // the modal's opening animation
  return dialog;
}

async function pickDate(page: Page, testId: string, value: string) {
  const date = page.getByRole("dialog").getByTestId(testId);
  await date.click();
  await date.fill(value);
  await date.press("Enter");
}

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator(".ant-select-item-option", { hasText: option }).first().click();
}

test("a decision is started and opened for comment; a short period needs its reason", async ({
  page,
}) => {
  await loginAs(page, baseUrl, HANDLER);
  // From the menu (its case types are loaded with it), as a user would.
  await openMenu(page, "重大行政决策");
  await page.waitForURL(`${baseUrl}/cases/major_decision`);
  await page.getByTestId("case-table").waitFor({ timeout: 60_000 });
  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.waitFor();
  await form.getByTestId("field-fields.title").fill(title);
  await choose(page, "field-fields.matter", "重大公共政策和措施");
  await choose(page, "field-fields.source", "政府部门、下级政府提出");
  await form.getByTestId("field-fields.draftSummary").fill("建立乌江干流上下游横向生态补偿机制。");
  await form.getByTestId("field-fields.technical").check();
  await form.getByTestId("field-fields.technicalReason").fill("涉及水质监测和补偿标准测算");
  await form.getByTestId("field-fields.stabilityRiskReason").fill("不涉及群众切身利益");
  await page.getByTestId("case-new-submit").click();
  await page.waitForURL(/\/cases\/major_decision\/\d+$/, { timeout: 60_000 }).catch(async (e) => {
    await screenshot(page, "decision-new-stuck");
    throw e;
  });
  caseUrl = page.url();
  await page.getByTestId("case-title").getByText(title).waitFor();
  expect(await page.getByTestId("case-state").textContent()).toBe("决策草案拟订中");

  // 20 days without a reason: refused, on the reason's field (art. 15).
  await openStep(page, "open_comment");
  await pickDate(page, "field-input.commentFrom", shanghaiDate(0));
  await pickDate(page, "field-input.commentTo", shanghaiDate(20));
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("field-input.channel").fill("武隆区人民政府网站");
  await dialog.getByTestId("field-input.howToComment").fill("电子邮件");
  await page.getByTestId("action-submit").click();
  const reasonError = dialog
    .locator(".ant-form-item-has-error")
    .filter({ has: page.getByTestId("field-input.shortPeriodReason") });
  await reasonError.getByText(/不足30日/).waitFor();
  await screenshot(page, "decision-comment-refused");
  await dialog.getByTestId("field-input.shortPeriodReason").fill("汛期前须出台，缩短为20日");
  await page.getByTestId("action-submit").click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("case-timeline").locator('[data-action="open_comment"]').waitFor();
}, 300_000);

test("the leader may not decide: public participation is open, experts and review missing", async ({
  page,
}) => {
  expect(caseUrl).not.toBe("");
  await loginAs(page, baseUrl, LEADER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(title).waitFor({ timeout: 60_000 });
  const d = await openStep(page, "decide");
  await d.getByTestId("field-input.meeting").fill("区政府第120次常务会议");
  await choose(page, "field-input.meetingKind", "常务会议");
  const attendees = d.getByTestId("field-input.attendees");
  await attendees.click();
  await page.keyboard.type("卢红");
  await page.keyboard.press("Enter");
  await d.getByTestId("field-input.views").getByRole("button").last().click();
  await d.getByTestId("field-input.views.0.member").fill("卢红");
  await choose(page, "field-input.views.0.position", "同意");
  await d.getByTestId("field-input.views.0.opinion").fill("同意");
  await choose(page, "field-input.headDecision", "通过");
  await d.getByTestId("field-input.minutes").fill("会议讨论了补偿办法。");
  await page.getByTestId("action-submit").click();
  const alert = d.getByTestId("error-alert");
  await alert.waitFor({ timeout: 60_000 });
  const text = (await alert.textContent()) ?? "";
  expect(text).toContain("不得提交集体讨论决定");
  expect(text).toContain("公众参与");
  expect(text).toContain("专家论证");
  expect(text).toContain("合法性审查");
  expect(text).not.toContain("风险评估");
  await screenshot(page, "decision-decide-refused");
}, 300_000);

test("the office downloads a decision's dossier; the portal shows the published decisions", async ({
  page,
}) => {
  await loginAs(page, baseUrl, "wl.yfzqb.office");
  await openMenu(page, "重大行政决策");
  await page.waitForURL(`${baseUrl}/cases/major_decision`);
  const row = page.getByTestId("case-table").getByText("武隆区城区公共交通线网优化方案").first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.waitForURL(/\/cases\/major_decision\/\d+$/);
  await page.getByTestId("case-state").getByText("已归档").waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("case-dossier").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const file = path.join(os.tmpdir(), `${uniqueName("dossier-")}.zip`);
  await download.saveAs(file);
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const index = strFromU8(files["00-目录.txt"]!);
  for (const step of [
    "公开征求意见",
    "举行听证会",
    "专家论证",
    "风险评估",
    "出具合法性审查意见",
    "集体讨论决定",
    "公布决策",
    "决策后评估",
    "归档",
  ]) {
    expect(index).toContain(step);
  }
  expect(Object.keys(files).some((n) => n.startsWith("文书/"))).toBe(true);

  await page.goto(`${baseUrl}/public/500156/sections/published_decisions`);
  await page.getByText("武隆区城区生活垃圾分类实施方案").first().waitFor();
  expect(await page.content()).not.toContain("武隆区国土空间总体规划");
  await screenshot(page, "decision-portal");
});
