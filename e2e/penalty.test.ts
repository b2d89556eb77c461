/**
 * 行政处罚·普通程序 (penalty_general) from filing to closure, through the web UI, as the
 * market regulation bureau (scjgj) works it today, under the 2021 penalty law:
 *
 *   (0) the handler registers the officers this test works with on the 执法人员 register
 *       page (two certified officers, a qualified legal reviewer, one whose certificate
 *       ran out ten days ago);
 *   立案 (the generated form) → 调查取证 (refused with one officer, and with an expired
 *   certificate; done with two) → 调查终结 → 告知 → 当事人放弃陈述申辩和听证 → 法制审核
 *   (the reviewer: refused with an officer who is no legal reviewer; six items passed)
 *   → 作出决定 (the leader; a fine inside the benchmark and below the major-decision
 *   threshold, so no collective discussion) → 送达 → 登记缴纳罚款 → 结案.
 *
 * Along the way: the decision number, the clocks (decision limit, then service, then
 * payment), the timeline in order, and the closed state. Every step goes through the UI.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, openMenu, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { baseUrl, test } from "./support/fixture.ts";
import {
  cancelDialog,
  certificateNo,
  choose,
  fieldError,
  fill,
  fillDate,
  tags,
} from "./support/forms.ts";
import { registerOfficer as registerNewOfficer } from "./support/officers.ts";

const HANDLER = "wl.scjgj.handler";
const REVIEWER = "wl.scjgj.reviewer";
const LEADER = "wl.scjgj.leader";
const TODAY = shanghaiDate(0);
const YEAR = TODAY.slice(0, 4);
const FINE = 2000; // SCJG-JG-001, 一般: 1 000–3 000 yuan; the bureau's major threshold is 50 000

// ───────────────────────────────────────────────────────────────────────── helpers

/** Open a step's modal; returns the dialog. */
async function openStep(page: Page, action: string): Promise<Locator> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-form").waitFor();
  await page.waitForTimeout(300); // the modal's opening animation
  return dialog;
}

/** Submit the open step (dated today through its date field) and wait for the new state. */
async function submitStep(page: Page, dialog: Locator, state: string) {
  await fillDate(dialog.getByTestId("action-date"), TODAY);
  await page.getByTestId("action-submit").click();
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => page.getByTestId("case-state").textContent()).toBe(state);
}

const cancelStep = cancelDialog;

const clock = (page: Page, code: string) => page.getByTestId(`deadline-${code}`);

/** A clock's due date as shown (YYYY-MM-DD). */
async function dueOf(c: Locator): Promise<string> {
  const text = (await c.getByTestId("deadline-due-date").textContent()) ?? "";
  return /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? text;
}

/** A new officer of the bureau, through the 执法人员 register's form. */
async function registerOfficer(
  page: Page,
  o: {
    name: string;
    cert: string;
    reviewer?: boolean;
    qualified?: boolean;
    expiredDaysAgo?: number;
  },
) {
  const end = o.expiredDaysAgo ? -o.expiredDaysAgo : 6 * 365 - 31;
  await registerNewOfficer(page, {
    ...o,
    validFrom: shanghaiDate(end - 6 * 365),
    validTo: shanghaiDate(end),
  });
}

// ──────────────────────────────────────────────────────────────────────────── test

test("a penalty case from filing to closure under the 2021 law", { timeout: 300_000 }, async ({
  page,
}) => {
  const party = uniqueName("武隆区芙蓉街道便利店");
  const officerA = { name: uniqueName("执法甲"), cert: certificateNo() };
  const officerB = { name: uniqueName("执法乙"), cert: certificateNo() };
  const reviewer = {
    name: uniqueName("法审丙"),
    cert: certificateNo(),
    reviewer: true,
    qualified: true,
  };

  // ── (0) This year's officers, on the register page (the handler's own unit).
  await loginAs(page, baseUrl, HANDLER);
  await openMenu(page, "执法人员");
  await page.waitForURL(`${baseUrl}/registers/enforcement_officer`);
  await page.getByTestId("register-table").waitFor();
  for (const o of [officerA, officerB, reviewer]) await registerOfficer(page, o);

  // An officer of the bureau whose certificate ran out ten days ago.
  const lapsed = { name: uniqueName("过期丁"), cert: certificateNo(), expiredDaysAgo: 10 };
  await registerOfficer(page, lapsed);
  const expired = lapsed.cert;

  // ── 立案: menu → list → the form generated from the type's fields.
  await openMenu(page, "行政处罚（普通程序）");
  await page.waitForURL(`${baseUrl}/cases/penalty_general`);
  await page.getByTestId("case-table").waitFor();
  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.waitFor();
  await page.waitForTimeout(300);
  // The flags revised at the end of the investigation are not asked when filing.
  expect(await form.getByTestId("field-fields.complexOrMajorViolation").count()).toBe(0);
  await choose(page, form.getByTestId("field-fields.party.kind"), "其他组织");
  await fill(form.getByTestId("field-fields.party.name"), party);
  await fill(form.getByTestId("field-fields.party.address"), "重庆市武隆区芙蓉街道芙蓉中路88号");
  await fill(form.getByTestId("field-fields.party.phone"), "023-77721234");
  await fill(form.getByTestId("field-fields.cause"), "不执行明码标价规定");
  await choose(page, form.getByTestId("field-fields.category"), "市场监管");
  await choose(page, form.getByTestId("field-fields.source"), "检查发现");
  // The violation's dates (the limitation period, art. 36; the law of the act, art. 37).
  await fillDate(form.getByTestId("field-fields.violationOn"), TODAY);
  await fillDate(form.getByTestId("field-fields.discoveredOn"), TODAY);
  await page.getByTestId("case-new-submit").click();

  // The handler lands on the new case.
  await page.waitForURL(/\/cases\/penalty_general\/\d+$/, { timeout: 60_000 });
  await page.getByTestId("case-state").getByText("已立案").waitFor();
  const caseUrl = page.url();
  await page.getByTestId("case-title").getByText(party).waitFor();
  expect(await page.getByTestId("case-state").textContent()).toBe("已立案");
  expect(await page.getByTestId("case-page").textContent()).toContain(`立案日期${TODAY}`);
  // NOTE: penalty_general issues no filing number (立案号): its only number is the
  // decision's, so there is no number to see after filing (see the report).
  expect(
    await page.getByTestId("case-timeline").locator('[data-action="create"]').textContent(),
  ).toContain("已立案");
  // The decision clock runs from filing: 90 days (2021 law art. 60).
  const limit = clock(page, "decision_limit");
  await limit.waitFor();
  expect(await limit.getAttribute("data-state")).toBe("running");
  expect(await limit.textContent()).toContain("作出处罚决定期限");
  expect(await limit.textContent()).toContain("正常");
  expect(await limit.textContent()).toContain("《中华人民共和国行政处罚法》第六十条");
  expect(await limit.textContent()).toContain("90 日（自然日）");
  // 90 days on, or the next working day when that is a rest day
  expect((await dueOf(limit)).localeCompare(shanghaiDate(90))).toBeGreaterThanOrEqual(0);

  // ── 调查取证: one officer is refused, so is an expired certificate; two valid ones pass.
  let dialog = await openStep(page, "investigate");
  await tags(dialog.getByTestId("field-input.officers"), [officerA.cert]);
  await choose(page, dialog.getByTestId("field-input.kind"), "现场检查（勘验）");
  await fill(dialog.getByTestId("field-input.summary"), "现场检查经营场所，制作现场笔录并拍照");
  await fillDate(dialog.getByTestId("action-date"), TODAY);
  await page.getByTestId("action-submit").click();
  const officersError = fieldError(dialog, "field-input.officers");
  await officersError.getByText(/至少需要 2 名持有效执法证件的执法人员/).waitFor();
  expect(await officersError.textContent()).toContain("现填写 1 名");
  // The basis, cited in Chinese form: 行政处罚法 第四十二条 (执法人员不得少于两人).
  expect(await officersError.textContent()).toContain("第四十二条");
  await screenshot(page, "penalty-investigate-refused");
  await cancelStep(page);
  expect(await page.getByTestId("case-state").textContent()).toBe("已立案");

  dialog = await openStep(page, "investigate");
  await tags(dialog.getByTestId("field-input.officers"), [officerA.cert, String(expired)]);
  await choose(page, dialog.getByTestId("field-input.kind"), "现场检查（勘验）");
  await fill(dialog.getByTestId("field-input.summary"), "现场检查经营场所，制作现场笔录并拍照");
  await fillDate(dialog.getByTestId("action-date"), TODAY);
  await page.getByTestId("action-submit").click();
  await fieldError(dialog, "field-input.officers")
    .getByText(`（${expired}）在 ${TODAY} 不在有效期内`)
    .waitFor();
  await cancelStep(page);

  dialog = await openStep(page, "investigate");
  await tags(dialog.getByTestId("field-input.officers"), [officerA.cert, officerB.cert]);
  await choose(page, dialog.getByTestId("field-input.kind"), "现场检查（勘验）");
  await fill(
    dialog.getByTestId("field-input.summary"),
    "现场检查经营场所：货架上12种商品未标明价格，制作现场笔录并拍照",
  );
  await fill(dialog.getByTestId("field-input.recorder"), "JLY202600001");
  await submitStep(page, dialog, "调查取证中");

  // ── 调查终结.
  dialog = await openStep(page, "conclude_investigation");
  await fill(
    dialog.getByTestId("field-input.facts"),
    "当事人经营场所销售的12种商品未按规定标明价格",
  );
  await fill(dialog.getByTestId("field-input.evidence"), "现场笔录、现场照片、询问笔录");
  await fill(
    dialog.getByTestId("field-input.legalBasis"),
    "《中华人民共和国价格法》第十三条、第四十二条",
  );
  await fill(dialog.getByTestId("field-input.violationCode"), "SCJG-JG-001");
  await choose(page, dialog.getByTestId("field-input.circumstance"), "一般");
  await fill(dialog.getByTestId("field-input.proposedFine"), String(FINE));
  await submitStep(page, dialog, "调查终结");

  // ── 告知 (with the right to a hearing), then the party waives statement and hearing.
  dialog = await openStep(page, "notify");
  await fill(dialog.getByTestId("field-input.intendedPenalty"), `警告，并处罚款${FINE}元`);
  // The intended kinds (the decision may not be heavier, art. 45; the hearing scope follows).
  await choose(page, dialog.getByTestId("field-input.intendedPenalties"), "警告", "罚款");
  await dialog.getByText("拟作出的行政处罚", { exact: true }).click(); // close the list
  await fill(dialog.getByTestId("field-input.intendedFine"), String(FINE));
  await dialog.getByTestId("field-input.hearingRight").check();
  await submitStep(page, dialog, "已告知（陈述申辩）");

  dialog = await openStep(page, "waive_rights");
  await dialog.getByTestId("field-input.statementWaived").check();
  await dialog.getByTestId("field-input.hearingWaived").check();
  await fill(dialog.getByTestId("field-input.signedBy"), "王某（负责人）");
  await page.getByTestId("action-submit").click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("case-timeline").locator('[data-action="waive_rights"]').waitFor();
  expect(await page.getByTestId("case-state").textContent()).toBe("已告知（陈述申辩）");

  // ── 法制审核, by the reviewer: an officer who is no legal reviewer is refused.
  await loginAs(page, baseUrl, REVIEWER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(party).waitFor();
  dialog = await openStep(page, "legal_review");
  await fill(dialog.getByTestId("field-input.reviewerCertificateNo"), officerA.cert);
  for (const item of [
    "competence",
    "procedure",
    "factsEvidence",
    "legalBasis",
    "discretion",
    "documents",
  ]) {
    await dialog.getByTestId(`field-input.${item}.passed`).check();
  }
  await fill(dialog.getByTestId("field-input.discretion.note"), "罚款在裁量基准一般情节幅度内");
  await fill(
    dialog.getByTestId("field-input.opinion"),
    "事实清楚，证据确凿，程序合法，同意拟处罚意见",
  );
  await page.getByTestId("action-submit").click();
  await fieldError(dialog, "field-input.reviewerCertificateNo")
    .getByText("不是法制审核人员")
    .waitFor();
  await fill(dialog.getByTestId("field-input.reviewerCertificateNo"), reviewer.cert);
  await submitStep(page, dialog, "已法制审核");
  const reviewed = page.getByTestId("case-timeline").locator('[data-action="legal_review"]');
  expect(await reviewed.textContent()).toContain(reviewer.cert);

  // ── 作出决定, by the leader: not major, so no collective discussion is asked for.
  await loginAs(page, baseUrl, LEADER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(party).waitFor();
  dialog = await openStep(page, "decide");
  await choose(page, dialog.getByTestId("field-input.decisionKind"), "给予行政处罚");
  // The kinds of penalty are offered by their codes: the labels sit on the list's schema
  // (PenaltyList .meta enumLabels), where the form does not look for them (see the report).
  await choose(page, dialog.getByTestId("field-input.penalties"), "警告", "罚款");
  await dialog.getByText("决定类型").click(); // close the list of penalties
  await fill(dialog.getByTestId("field-input.fineAmount"), String(FINE));
  await fill(
    dialog.getByTestId("field-input.decisionContent"),
    `责令改正，给予警告，并处罚款${FINE}元`,
  );
  await submitStep(page, dialog, "已作出决定");
  const decisionNo = new RegExp(`武隆市监罚〔${YEAR}〕\\d+号`);
  expect(await page.getByTestId("case-numbers").textContent()).toMatch(decisionNo);
  const decided = page.getByTestId("case-timeline").locator('[data-action="decide"]');
  expect(await decided.textContent()).toMatch(decisionNo);
  // The decision clock stopped; the service clock runs (7 working days, art. 61 and 85).
  expect(await limit.getAttribute("data-state")).toBe("stopped");
  expect(await limit.textContent()).toContain(`${TODAY} → ${TODAY}`);
  const service = clock(page, "service");
  await service.waitFor();
  expect(await service.getAttribute("data-state")).toBe("running");
  expect(await service.textContent()).toContain("送达期限");
  expect(await service.textContent()).toContain("正常");
  expect(await service.textContent()).toContain("个工作日");
  expect(await clock(page, "payment").count()).toBe(0);
  await screenshot(page, "penalty-decided");

  // ── 送达, 缴纳罚款, 结案: by the handler.
  await loginAs(page, baseUrl, HANDLER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(party).waitFor();
  dialog = await openStep(page, "serve");
  await choose(page, dialog.getByTestId("field-input.serviceMethod"), "直接送达");
  await fill(dialog.getByTestId("field-input.servedTo"), "王某（负责人）");
  // Market regulation: the party is told in writing that the decision will be published.
  await dialog.getByTestId("field-input.publicationNotified").check();
  await submitStep(page, dialog, "已送达（执行中）");
  expect(await service.getAttribute("data-state")).toBe("stopped");
  const payment = clock(page, "payment");
  await payment.waitFor();
  expect(await payment.getAttribute("data-state")).toBe("running");
  expect(await payment.textContent()).toContain("缴纳罚款期限");
  expect(await payment.textContent()).toContain("正常");
  expect(await payment.textContent()).toContain("15 日（自然日）");
  expect((await dueOf(payment)).localeCompare(shanghaiDate(15))).toBeGreaterThanOrEqual(0);
  await screenshot(page, "penalty-served");

  dialog = await openStep(page, "record_payment");
  await fill(dialog.getByTestId("field-input.amountPaid"), String(FINE));
  await fill(dialog.getByTestId("field-input.collector"), "中国农业银行重庆武隆支行");
  await fill(dialog.getByTestId("field-input.receiptNo"), uniqueName("NS").toUpperCase());
  await submitStep(page, dialog, "已执行");
  expect(await payment.getAttribute("data-state")).toBe("stopped");

  dialog = await openStep(page, "close");
  await fill(dialog.getByTestId("field-input.summary"), "处罚决定已执行完毕，予以结案");
  await submitStep(page, dialog, "已结案");

  // ── The end: closed today, every clock stopped, the timeline in order.
  expect(await page.getByTestId("case-page").textContent()).toContain(`办结日期${TODAY}`);
  // Only the record of a later reconsideration or court ruling is left (alter_decision).
  const left = await page
    .getByTestId("case-actions")
    .locator('[data-testid^="action-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  expect(left).toEqual(["action-alter_decision"]);
  for (const code of ["decision_limit", "service", "payment", "court_application"]) {
    expect(await clock(page, code).getAttribute("data-state")).toBe("stopped");
  }
  const steps = await page
    .getByTestId("case-timeline")
    .getByTestId("timeline-item")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
  expect(steps).toEqual([
    "create",
    "investigate",
    "conclude_investigation",
    "notify",
    "waive_rights",
    "legal_review",
    "decide",
    "serve",
    "record_payment",
    "close",
  ]);
  const timeline = await page.getByTestId("case-timeline").textContent();
  expect(timeline).toContain("已执行 → 已结案");
  expect(timeline?.match(new RegExp(TODAY, "g"))?.length).toBe(steps.length);
  await screenshot(page, "penalty-closed");
});
