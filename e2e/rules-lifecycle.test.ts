/**
 * A normative document's whole lifecycle in the browser, in Chinese, from the demo's draft
 * whose comment period has closed (three citizens' comments through the portal's public
 * path): the office's consultation page — a "not adopted" answer without a reason is
 * refused in the form, hide and restore with the trail shown, the answers published
 * together and shown on the portal, the adoption report published — then submission,
 * deliberation refused before the legality review (the Chinese message shown), the
 * review by the rule-of-law office, deliberation, numbering, publication (the PDF linked
 * on the portal page) and filing.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, shanghaiDate } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";

const DRAFTER = "wl.zfb.handler"; // the district government's office drafts in its name
const OFFICE = "wl.yfzqb.office";
const TITLE = "武隆区住宅小区物业服务管理办法"; // modules/rules/demo-current.ts
const T = "normative_document";
let caseUrl = "";

const ok = (page: Page) => page.getByRole("button", { name: /^确\s*定$/ });

async function openStep(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-form").waitFor();
  await page.waitForTimeout(300); // the modal's opening animation
  return dialog;
}
async function onDate(page: Page, value: string) {
  const date = page.getByRole("dialog").getByTestId("action-date");
  await date.click();
  await date.fill(value);
  await date.press("Enter");
}
async function choose(page: Page, testId: string, option: string) {
  await page.getByRole("dialog").getByTestId(testId).click();
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: option,
    })
    .first()
    .click();
}
async function submitStep(page: Page, action: string) {
  await page.getByTestId("action-submit").click();
  await page.getByRole("dialog").waitFor({ state: "hidden", timeout: 60_000 });
  await page.getByTestId("case-timeline").locator(`[data-action="${action}"]`).first().waitFor();
}

test("the office answers the comments on its page; the answers show on the portal", async ({
  page,
}) => {
  await loginAs(page, baseUrl, DRAFTER);
  const found = await (
    await page.request.get(`${baseUrl}/api/cases/${T}`, { params: { q: TITLE } })
  ).json();
  const id = (found.items as { id: number; title: string }[]).find((c) => c.title === TITLE)?.id;
  expect(id, "the demo's current draft").toBeDefined();
  caseUrl = `${baseUrl}/cases/${T}/${id}`;
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(TITLE).waitFor({ timeout: 60_000 });
  await page.getByTestId("case-consultation").click();
  await page.getByTestId("consultation").waitFor();
  const rows = page.getByTestId("comments").locator("tbody tr.ant-table-row");
  await expect.poll(() => rows.count()).toBe(3);
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row-key")));

  // Not adopted without a reason: refused in the form, in Chinese, nothing sent.
  await page.getByTestId(`answer-${ids[0]}`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("answer-form").waitFor();
  await dialog.getByText("不予采纳", { exact: true }).click();
  await page.getByTestId("answer-submit").click();
  await dialog.getByText("未完全采纳的，请说明理由").waitFor();
  await screenshot(page, "consultation-reason-required");
  await dialog.locator("textarea").fill("备案时限已由上位法规定，本办法不再重复。");
  await page.getByTestId("answer-submit").click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId(`answer-${ids[1]}`).click();
  await dialog.getByTestId("answer-form").waitFor();
  await dialog.getByText("采纳", { exact: true }).click();
  await page.getByTestId("answer-submit").click();
  await dialog.waitFor({ state: "hidden" });

  // Hide the third with a reason, restore it: the trail keeps both.
  // The dialog is open (its form shown) before the empty submit, which is then retried
  // until the form answers: a click during the opening animation may not reach it.
  await page.getByTestId(`moderate-${ids[2]}`).click();
  await dialog.getByTestId("moderate-form").waitFor();
  const reasonRequired = dialog.getByText("请填写理由");
  await expect
    .poll(async () => {
      await page.getByTestId("moderate-submit").click();
      return reasonRequired.isVisible();
    })
    .toBe(true);
  await dialog.locator("textarea").fill("疑似重复提交，待核实");
  await page.getByTestId("moderate-submit").click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("hidden-tag").getByText("疑似重复提交，待核实").waitFor();
  await page.getByTestId(`moderate-${ids[2]}`).click();
  await dialog.getByTestId("moderate-form").waitFor();
  await dialog.locator("textarea").fill("经核实并非重复，恢复显示");
  await page.getByTestId("moderate-submit").click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("hidden-tag").waitFor({ state: "detached" });
  await page.locator(`tr[data-row-key="${ids[2]}"] .ant-table-row-expand-icon`).click();
  const trail = page.getByTestId(`trail-${ids[2]}`);
  await trail.getByText(/疑似重复提交，待核实/).waitFor();
  await trail.getByText(/经核实并非重复，恢复显示/).waitFor();
  await page.getByTestId(`answer-${ids[2]}`).click();
  await dialog.getByTestId("answer-form").waitFor();
  await dialog.getByText("研究中", { exact: true }).click();
  await dialog.locator("textarea").fill("将结合矛盾纠纷多元化解机制建设研究。");
  await page.getByTestId("answer-submit").click();
  await dialog.waitFor({ state: "hidden" });

  // Published together, then the adoption report.
  await page.getByTestId("publish-answers").click();
  await ok(page).click();
  await page.getByText(/已于 .* 公布/).waitFor();
  await page.getByTestId("publish-report").click();
  await page.getByText(/意见采纳情况已于 .* 公布/).waitFor();
  await screenshot(page, "consultation-page");

  const citizen = await page.context().browser()!.newContext();
  const p = await citizen.newPage();
  await p.goto(`${baseUrl}/public/500156`);
  await p.getByRole("link", { name: "草案公开征求意见" }).click();
  await p.getByRole("link", { name: TITLE }).click();
  await p.getByText("答复：不予采纳").waitFor();
  await p.getByText("备案时限已由上位法规定，本办法不再重复。").waitFor();
  await p.getByRole("link", { name: /下载意见采纳情况及理由/ }).waitFor();
  await citizen.close();
}, 300_000);

test("review, deliberation (refused before the review), numbering, publication with its PDF, filing", async ({
  page,
}) => {
  expect(caseUrl).not.toBe("");
  await loginAs(page, baseUrl, DRAFTER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(TITLE).waitFor({ timeout: 60_000 });
  let d = await openStep(page, "submit_review");
  await d.getByTestId("field-input.materials").fill("起草说明、制定依据、征求意见及采纳情况");
  await onDate(page, shanghaiDate(-9));
  await submitStep(page, "submit_review");

  // Deliberation before the review: refused, the message in Chinese.
  d = await openStep(page, "deliberate");
  await d.getByTestId("field-input.meeting").fill("区政府常务会议");
  await d.getByTestId("field-input.minutes").fill("审议住宅小区物业服务管理办法。");
  await page.getByTestId("action-submit").click();
  await d
    .getByTestId("error-alert")
    .getByText(/未经合法性审核，不得提交集体审议/)
    .waitFor();
  await screenshot(page, "rules-deliberation-refused");
  await page.getByRole("button", { name: /^取\s*消$/ }).click();
  await d.waitFor({ state: "hidden" });

  // The rule-of-law office reviews it.
  await loginAs(page, baseUrl, OFFICE);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(TITLE).waitFor({ timeout: 60_000 });
  d = await openStep(page, "legality_review");
  await choose(page, "field-input.result", "合法，同意提交审议");
  await d.getByTestId("field-input.opinion").fill("制定主体、程序和内容合法。");
  await submitStep(page, "legality_review");

  await loginAs(page, baseUrl, DRAFTER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(TITLE).waitFor({ timeout: 60_000 });
  d = await openStep(page, "deliberate");
  await d.getByTestId("field-input.meeting").fill("区政府常务会议");
  await d.getByTestId("field-input.minutes").fill("会议审议通过，按程序印发。");
  await submitStep(page, "deliberate");
  await openStep(page, "register");
  await submitStep(page, "register");
  const number =
    (await page.getByTestId("case-numbers").locator("[data-number]").textContent()) ?? "";
  expect(number).toMatch(/武隆府发〔\d{4}〕\d+号/);
  d = await openStep(page, "publish");
  await choose(page, "field-input.channel", "区政府门户网站");
  const effective = d.getByTestId("field-input.effectiveFrom");
  await effective.click();
  await effective.fill(shanghaiDate(0));
  await effective.press("Enter");
  await d
    .getByTestId("field-input.text")
    .fill("第一条 为规范住宅小区物业服务活动，制定本办法。\n第六条 物业服务收费标准每年公示一次。");
  await submitStep(page, "publish");
  d = await openStep(page, "file");
  await d.getByTestId("field-input.filedWith").fill("重庆市人民政府");
  await d.getByTestId("field-input.npcReceipt").fill("武隆人大常委会备〔2026〕1号");
  await submitStep(page, "file");
  await page.getByTestId("case-state").getByText("已报备").waitFor();

  // The portal: the document's page links its text as PDF.
  const id = caseUrl.split("/").pop();
  await page.goto(`${baseUrl}/public/500156/sections/normative_documents/${id}`);
  await page.getByRole("heading", { name: TITLE }).waitFor();
  await page.getByText("正式文本下载").waitFor();
  const link = page.getByRole("link", { name: /\.pdf$/ });
  const href = await link.getAttribute("href");
  const pdf = await page.request.get(`${baseUrl}${href}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await screenshot(page, "rules-portal-pdf");
}, 300_000);

test("a draft closely related to market actors may not open for comment for under 30 days", async ({
  page,
}) => {
  await page.goto(`${baseUrl}/`); // back in the app from the portal (loginAs logs out there)
  await page.getByTestId("main-menu").waitFor();
  await loginAs(page, baseUrl, DRAFTER);
  await page.goto(`${baseUrl}/cases/${T}`);
  await page.getByTestId("case-table").waitFor({ timeout: 60_000 });
  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.waitFor();
  await form.getByTestId("field-fields.title").fill("武隆区促进民营经济发展若干措施（测试稿）");
  await page.getByTestId("field-fields.issuer").click();
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: "区人民政府（含区政府办公室）",
    })
    .click();
  await form.getByTestId("field-fields.numberPrefix").fill("武隆府发");
  await form.getByTestId("field-fields.marketRelated").check();
  await form.getByTestId("field-fields.draftText").fill("第一条 为促进民营经济发展，制定本措施。");
  await page.getByTestId("case-new-submit").click();
  await page.waitForURL(/\/cases\/normative_document\/\d+$/, { timeout: 60_000 });
  const d = await openStep(page, "open_comment");
  for (const [testId, value] of [
    ["field-input.commentFrom", shanghaiDate(0)],
    ["field-input.commentTo", shanghaiDate(20)],
  ] as const) {
    const date = d.getByTestId(testId);
    await date.click();
    await date.fill(value);
    await date.press("Enter");
  }
  await page.getByTestId("action-submit").click();
  await d
    .locator(".ant-form-item-has-error")
    .filter({ has: page.getByTestId("field-input.commentTo") })
    .getByText(/征求意见期限不得少于30日（现为21日/)
    .waitFor();
  await screenshot(page, "rules-short-period-refused");
  await page.getByRole("button", { name: /^取\s*消$/ }).click();
  expect(await page.getByTestId("case-state").textContent()).toBe("起草");
}, 300_000);
