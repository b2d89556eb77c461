/**
 * A major decision from its start to its publication in the browser, in Chinese: the
 * undertaking unit starts it (no expert argumentation or risk assessment, each with its
 * reason), holds a 36-day public comment and closes it, submits it for the legality
 * review; the rule-of-law office reviews it with a legal adviser's opinion; the unit's
 * leader records the collective decision; the unit reports to the Party committee and
 * publishes it — and the portal shows the decision with its text as PDF.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";
import { chooseShown, fill } from "./support/forms.ts";

const HANDLER = "wl.sthjj.handler";
const LEADER = "wl.sthjj.leader";
const OFFICE = "wl.yfzqb.office";
const T = "major_decision";
const title = uniqueName("武隆区乡镇污水处理设施运营管理办法-");

async function openStep(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-form").waitFor();
  await page.waitForTimeout(300); // the modal's opening animation
  return dialog;
}
async function date(page: Page, testId: string, value: string) {
  const d = page.getByRole("dialog").getByTestId(testId);
  await d.click();
  await d.fill(value);
  await d.press("Enter");
}
/** Choose an option of an enum select in the open dialog (forms.ts `chooseShown`). */
const choose = (page: Page, testId: string, label: string) =>
  chooseShown(page, page.getByRole("dialog").getByTestId(testId), label);
async function typeTags(page: Page, testId: string, items: string[]) {
  await page.getByRole("dialog").getByTestId(testId).click();
  for (const item of items) {
    await page.keyboard.type(item);
    await page.keyboard.press("Enter");
  }
}
async function submitStep(page: Page, action: string) {
  await page.getByTestId("action-submit").click();
  await page
    .getByRole("dialog")
    .waitFor({ state: "hidden", timeout: 60_000 })
    .catch(async (e) => {
      await screenshot(page, `decision-${action}-stuck`);
      // Name what the dialog says (the server's message, the fields' errors).
      const said = await page
        .getByRole("dialog")
        .locator('[role="alert"], .ant-form-item-explain-error')
        .allTextContents();
      throw new Error(`${action}: ${said.join(" | ")}`, { cause: e });
    });
  await page.getByTestId("case-timeline").locator(`[data-action="${action}"]`).first().waitFor();
}
async function openCase(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId("case-title").getByText(title).waitFor({ timeout: 60_000 });
}

test("a decision from its start to its publication, the PDF on the portal", async ({ page }) => {
  await page.goto(`${baseUrl}/`);
  await loginAs(page, baseUrl, HANDLER);
  await page.goto(`${baseUrl}/cases/${T}`);
  await page.getByTestId("case-table").waitFor({ timeout: 60_000 });
  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.waitFor();
  await form.getByTestId("field-fields.title").fill(title);
  await page.getByTestId("field-fields.matter").click();
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: "重大公共政策和措施",
    })
    .first()
    .click();
  await page.getByTestId("field-fields.source").click();
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: "政府部门、下级政府提出",
    })
    .first()
    .click();
  await form
    .getByTestId("field-fields.draftSummary")
    .fill("规范乡镇污水处理设施的运营、维护和监管。");
  await form.getByTestId("field-fields.technicalReason").fill("沿用已有技术标准，无须专家论证");
  await form.getByTestId("field-fields.stabilityRiskReason").fill("不涉及群众切身利益调整");
  const opened = form.getByTestId("case-new-date");
  await opened.click();
  await opened.fill(shanghaiDate(-60));
  await opened.press("Enter");
  await page.getByTestId("case-new-submit").click();
  await page.waitForURL(/\/cases\/major_decision\/\d+$/, { timeout: 60_000 });
  const url = page.url();

  let d = await openStep(page, "open_comment");
  await date(page, "field-input.commentFrom", shanghaiDate(-55));
  await date(page, "field-input.commentTo", shanghaiDate(-20));
  await d.getByTestId("field-input.channel").fill("武隆区人民政府网站");
  await d.getByTestId("field-input.howToComment").fill("电子邮件、信函");
  await date(page, "action-date", shanghaiDate(-55));
  await submitStep(page, "open_comment");
  d = await openStep(page, "close_comment");
  await fill(d.getByTestId("field-input.received"), "0");
  await d.getByTestId("field-input.adoption").fill("征求意见期间未收到意见。");
  await date(page, "action-date", shanghaiDate(-19));
  await submitStep(page, "close_comment");
  d = await openStep(page, "submit_review");
  await d.getByTestId("field-input.legalBases").fill("《中华人民共和国水污染防治法》");
  await d.getByTestId("field-input.procedures").fill("已公开征求意见三十六日。");
  await date(page, "action-date", shanghaiDate(-15));
  await submitStep(page, "submit_review");

  // The rule-of-law office reviews it, with a legal adviser's opinion.
  await loginAs(page, baseUrl, OFFICE);
  // The demo's advisers were engaged for 2020–2021: the office engages a public lawyer now.
  const session = await (await page.request.get(`${baseUrl}/api/auth/session`)).json();
  const created = await page.request.post(`${baseUrl}/api/registers/legal_adviser/entries`, {
    headers: { "x-csrf-token": session.csrfToken },
    data: {
      data: {
        name: uniqueName("公职律师"),
        kind: "public_lawyer",
        firm: "武隆区司法局",
        engagedFrom: shanghaiDate(-30),
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const adviserId = (await created.json()).id as number;
  await openCase(page, url);
  d = await openStep(page, "review");
  await choose(page, "field-input.result", "合法");
  await d.getByTestId("field-input.opinion").fill("决策草案符合法律规定。");
  await d.getByTestId("field-input.advisers").getByRole("button").last().click();
  await fill(d.getByTestId("field-input.advisers.0.adviserId"), String(adviserId));
  await d.getByTestId("field-input.advisers.0.opinion").fill("同意。");
  await submitStep(page, "review");

  await loginAs(page, baseUrl, LEADER);
  await openCase(page, url);
  d = await openStep(page, "decide");
  await d.getByTestId("field-input.meeting").fill("区政府第130次常务会议");
  await choose(page, "field-input.meetingKind", "常务会议");
  await typeTags(page, "field-input.attendees", ["卢红"]);
  await d.getByTestId("field-input.views").getByRole("button").last().click();
  await d.getByTestId("field-input.views.0.member").fill("卢红");
  await choose(page, "field-input.views.0.position", "同意");
  await d.getByTestId("field-input.views.0.opinion").fill("同意。");
  await choose(page, "field-input.headDecision", "通过");
  await d.getByTestId("field-input.minutes").fill("会议讨论通过。");
  await submitStep(page, "decide");

  await loginAs(page, baseUrl, HANDLER);
  await openCase(page, url);
  d = await openStep(page, "report_party");
  await choose(page, "field-input.reportKind", "报告");
  await submitStep(page, "report_party");
  d = await openStep(page, "publish");
  await d.getByTestId("field-input.documentNo").fill("武隆府发〔2026〕90号");
  await d
    .getByTestId("field-input.decisionText")
    .fill("一、乡镇污水处理设施由区生态环境局统一监管。");
  await d.getByTestId("field-input.opinionsExplanation").fill("征求意见期间未收到意见。");
  await typeTags(page, "field-input.channels", ["武隆区人民政府网站"]);
  await submitStep(page, "publish");
  await page.getByTestId("case-state").getByText("已公布实施").waitFor();

  const id = url.split("/").pop();
  await page.goto(`${baseUrl}/public/500156/sections/published_decisions/${id}`);
  await page.getByText("一、乡镇污水处理设施由区生态环境局统一监管。").first().waitFor();
  const link = page.getByRole("link", { name: /\.pdf$/ });
  const pdf = await page.request.get(`${baseUrl}${await link.getAttribute("href")}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await screenshot(page, "decision-portal-pdf");
}, 400_000);
