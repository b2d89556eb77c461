/**
 * Chinese from end to end (issue 11): a penalty case walked from filing to closure in
 * Chinese — the officers it needs registered first, then 立案 → 调查取证 → 调查终结 → 告知 →
 * 当事人放弃权利 → 法制审核 (the reviewer) → 作出决定 (the leader) → 送达 → 缴纳罚款 → 结案 —
 * then the warning list, the audit trail and the security log. Every page and every
 * dialog of the walk is scanned (support/chinese.ts) for Latin-letter keys, English
 * messages and values, codes where a name belongs and English citations; the test fails
 * listing every one it met.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { loginAs, openMenu, shanghaiDate, uniqueName } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { latinFaults } from "./support/chinese.ts";
import { baseUrl, test } from "./support/fixture.ts";
import { certificateNo, choose, fill, fillDate, recordTyped, tags } from "./support/forms.ts";
import { registerOfficer as registerNewOfficer } from "./support/officers.ts";

const HANDLER = "wl.scjgj.handler";
const REVIEWER = "wl.scjgj.reviewer";
const LEADER = "wl.scjgj.leader";
const AUDITOR = "wl.auditadmin";
const TODAY = shanghaiDate(0);
const FINE = 2000; // SCJG-JG-001, 一般: 1 000–3 000 yuan

/** What the test typed: shown back on the pages, and not the platform's to translate. */
const typed: string[] = [];
/** Page → the faults met on it. */
const faults: Record<string, string[]> = {};

async function scan(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd settle (animations, late labels)
  const found = await latinFaults(page, typed);
  if (found.length > 0) {
    faults[name] = found;
    process.stdout.write(`chinese: ${name}: ${found.join(" | ")}\n`);
    await screenshot(page, `chinese-${name}`);
  }
  // reported at once, and the walk goes on to the next page
  expect.soft(found, `Latin keys or codes on the page "${name}"`).toEqual([]);
}

recordTyped((text) => typed.push(text));

/** Open a step's dialog and scan it. */
async function openStep(page: Page, action: string): Promise<Locator> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("action-form").waitFor();
  await scan(page, `step-${action}`);
  return dialog;
}
async function submitStep(page: Page, dialog: Locator, state: string, name: string) {
  await fillDate(dialog.getByTestId("action-date"), TODAY);
  await page.getByTestId("action-submit").click();
  await dialog.waitFor({ state: "hidden" }).catch(async (e) => {
    await screenshot(page, `chinese-stuck-${name}`);
    throw e;
  });
  await expect.poll(() => page.getByTestId("case-state").textContent()).toBe(state);
  await page.getByTestId("case-timeline").waitFor();
  await scan(page, `case-after-${name}`);
}

async function registerOfficer(
  page: Page,
  o: { name: string; cert: string; reviewer?: boolean },
  scanForm = false,
) {
  await registerNewOfficer(
    page,
    {
      ...o,
      qualified: o.reviewer,
      validFrom: shanghaiDate(-365),
      validTo: shanghaiDate(5 * 365),
    },
    scanForm ? () => scan(page, "officer-form") : undefined,
  );
}

test("a penalty case from filing to closure shows only Chinese", { timeout: 600_000 }, async ({
  page,
}) => {
  const party = uniqueName("武隆区芙蓉街道便利店");
  typed.push(party);
  const officerA = { name: uniqueName("执法甲"), cert: certificateNo() };
  const officerB = { name: uniqueName("执法乙"), cert: certificateNo() };
  const reviewer = { name: uniqueName("法审丙"), cert: certificateNo(), reviewer: true };

  // a long walk on a busy machine: wait longer than the default for each page
  page.context().setDefaultTimeout(60_000);
  page.context().setDefaultNavigationTimeout(90_000);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-submit").waitFor();
  await scan(page, "login");

  // ── The officers, on the 执法人员 register (the body chosen by name).
  await loginAs(page, baseUrl, HANDLER);
  await scan(page, "home-handler");
  await openMenu(page, "执法人员");
  await page.getByTestId("register-table").locator("tbody tr.ant-table-row").first().waitFor();
  await scan(page, "register-officers");
  await registerOfficer(page, officerA, true);
  await registerOfficer(page, officerB);
  await registerOfficer(page, reviewer);
  await scan(page, "register-officers-after");

  // ── 立案: required fields are checked in the browser, in Chinese, before sending.
  await openMenu(page, "行政处罚（普通程序）");
  await page.getByTestId("case-table").waitFor();
  await scan(page, "case-list");
  await page.getByTestId("case-new").click();
  const form = page.getByTestId("case-new-form");
  await form.waitFor();
  await page.waitForTimeout(300);
  await scan(page, "case-new-form");
  await page.getByTestId("case-new-submit").click();
  const causeError = form
    .locator(".ant-form-item-has-error")
    .filter({ has: page.getByTestId("field-fields.cause") })
    .locator(".ant-form-item-explain");
  await causeError.getByText("请填写案由").waitFor();
  await scan(page, "case-new-form-required");
  await choose(page, form.getByTestId("field-fields.party.kind"), "其他组织");
  await fill(form.getByTestId("field-fields.party.name"), party);
  await fill(form.getByTestId("field-fields.party.address"), "重庆市武隆区芙蓉街道芙蓉中路88号");
  await fill(form.getByTestId("field-fields.party.phone"), "023-77721234");
  await fill(form.getByTestId("field-fields.cause"), "不执行明码标价规定");
  // corrected: the field's message goes at once
  await causeError.waitFor({ state: "detached" });
  await choose(page, form.getByTestId("field-fields.category"), "市场监管");
  await choose(page, form.getByTestId("field-fields.source"), "检查发现");
  await fillDate(form.getByTestId("field-fields.violationOn"), TODAY);
  await fillDate(form.getByTestId("field-fields.discoveredOn"), TODAY);
  await page.getByTestId("case-new-submit").click();
  // the handler lands on the new case
  await page.waitForURL(/\/cases\/penalty_general\/\d+$/, { timeout: 60_000 }).catch(async (e) => {
    await screenshot(page, "chinese-case-new-stuck");
    throw e;
  });
  const caseUrl = page.url();
  await page.getByTestId("case-title").getByText(party).waitFor();
  await page.getByTestId("case-deadlines").waitFor();
  await scan(page, "case-filed");
  // the legal basis of a clock in Chinese form
  expect(await page.getByTestId("deadline-decision_limit").textContent()).toContain(
    "《中华人民共和国行政处罚法》第六十条",
  );

  // ── 调查取证, 调查终结 (the five questions that decide 重大执法决定 and 集体讨论, labelled).
  let dialog = await openStep(page, "investigate");
  await tags(dialog.getByTestId("field-input.officers"), [officerA.cert, officerB.cert]);
  await choose(page, dialog.getByTestId("field-input.kind"), "现场检查（勘验）");
  await fill(
    dialog.getByTestId("field-input.summary"),
    "现场检查经营场所：货架上12种商品未标明价格",
  );
  await submitStep(page, dialog, "调查取证中", "investigate");

  dialog = await openStep(page, "conclude_investigation");
  expect(await dialog.textContent()).toContain("涉及重大公共利益");
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
  await submitStep(page, dialog, "调查终结", "conclude");

  // ── 告知, then the party waives statement and hearing.
  dialog = await openStep(page, "notify");
  await fill(dialog.getByTestId("field-input.intendedPenalty"), `警告，并处罚款${FINE}元`);
  await choose(page, dialog.getByTestId("field-input.intendedPenalties"), "警告", "罚款");
  await dialog.getByText("拟作出的行政处罚", { exact: true }).click();
  await fill(dialog.getByTestId("field-input.intendedFine"), String(FINE));
  await dialog.getByTestId("field-input.hearingRight").check();
  await submitStep(page, dialog, "已告知（陈述申辩）", "notify");

  dialog = await openStep(page, "waive_rights");
  await dialog.getByTestId("field-input.statementWaived").check();
  await dialog.getByTestId("field-input.hearingWaived").check();
  await fill(dialog.getByTestId("field-input.signedBy"), "王某（负责人）");
  await page.getByTestId("action-submit").click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("case-timeline").locator('[data-action="waive_rights"]').waitFor();
  await scan(page, "case-after-waive");

  // ── 法制审核, by the reviewer.
  await loginAs(page, baseUrl, REVIEWER);
  await scan(page, "home-reviewer");
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(party).waitFor();
  await scan(page, "case-reviewer");
  dialog = await openStep(page, "legal_review");
  await fill(dialog.getByTestId("field-input.reviewerCertificateNo"), reviewer.cert);
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
  await fill(
    dialog.getByTestId("field-input.opinion"),
    "事实清楚，证据确凿，程序合法，同意拟处罚意见",
  );
  await submitStep(page, dialog, "已法制审核", "review");
  // the review reads as one line, not as broken bullets
  const reviewed = page.getByTestId("case-timeline").locator('[data-action="legal_review"]');
  expect(await reviewed.locator("li").count()).toBe(0);
  expect(await reviewed.textContent()).toContain("执法程序合法：通过");

  // ── 作出决定, by the leader.
  await loginAs(page, baseUrl, LEADER);
  await scan(page, "home-leader");
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(party).waitFor();
  dialog = await openStep(page, "decide");
  await choose(page, dialog.getByTestId("field-input.decisionKind"), "给予行政处罚");
  await choose(page, dialog.getByTestId("field-input.penalties"), "警告", "罚款");
  await dialog.getByText("决定类型").click();
  await fill(dialog.getByTestId("field-input.fineAmount"), String(FINE));
  await fill(
    dialog.getByTestId("field-input.decisionContent"),
    `责令改正，给予警告，并处罚款${FINE}元`,
  );
  await submitStep(page, dialog, "已作出决定", "decide");

  // ── 送达, 缴纳罚款, 结案, by the handler.
  await loginAs(page, baseUrl, HANDLER);
  await page.goto(caseUrl);
  await page.getByTestId("case-title").getByText(party).waitFor();
  dialog = await openStep(page, "serve");
  // the method's select can re-render under the first click: choose until it shows
  for (let i = 0; i < 3; i++) {
    await choose(page, dialog.getByTestId("field-input.serviceMethod"), "直接送达");
    await page.waitForTimeout(300);
    if ((await dialog.locator(".ant-select-selection-item", { hasText: "直接送达" }).count()) > 0)
      break;
  }
  await fill(dialog.getByTestId("field-input.servedTo"), "王某（负责人）");
  await dialog.getByTestId("field-input.publicationNotified").check();
  await submitStep(page, dialog, "已送达（执行中）", "serve");

  dialog = await openStep(page, "record_payment");
  await fill(dialog.getByTestId("field-input.amountPaid"), String(FINE));
  await fill(dialog.getByTestId("field-input.collector"), "中国农业银行重庆武隆支行");
  await fill(dialog.getByTestId("field-input.receiptNo"), uniqueName("NS").toUpperCase());
  await submitStep(page, dialog, "已执行", "payment");

  dialog = await openStep(page, "close");
  await fill(dialog.getByTestId("field-input.summary"), "处罚决定已执行完毕，予以结案");
  await submitStep(page, dialog, "已结案", "close");
  // derived data as a summary: no nested lists in the case's fields
  expect(await page.getByTestId("case-fields").locator("li").count()).toBe(0);
  await screenshot(page, "chinese-closed");

  // ── The warning list.
  await openMenu(page, "预警");
  await page.getByTestId("warnings-table").waitFor();
  await page.waitForTimeout(1500);
  await scan(page, "warnings");

  // ── The audit trail and the security log (the audit administrator).
  await loginAs(page, baseUrl, AUDITOR);
  await openMenu(page, "审计日志");
  const audit = page.getByTestId("audit-table");
  await audit.locator("tbody tr.ant-table-row").first().waitFor();
  await audit.locator(".ant-table-row-expand-icon").first().click();
  await page.getByTestId("audit-changes").first().waitFor();
  await scan(page, "audit");
  await page.goto(`${baseUrl}/security-log`);
  await page.getByTestId("security-table").locator("tbody tr.ant-table-row").first().waitFor();
  await scan(page, "security-log");

  expect(faults).toEqual({});
});
