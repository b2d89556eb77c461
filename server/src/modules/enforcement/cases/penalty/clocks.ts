import type { CaseTypeDecl, ClockDecl } from "../../../../engines/case/index.ts";
import { joinBasis } from "../../../../kernel/citation.ts";
import type { Category } from "../common.ts";
import { COMPULSION } from "../rules.ts";
import { decisionDays } from "../settings.ts";
import { type PenaltyCase, rulesOf } from "./fields.ts";

// ────────────────────────────────────────────────────────────────────────── clocks

export const PENALTY_CLOCKS: ClockDecl<PenaltyCase>[] = [
  {
    code: "decision_limit",
    label: { zh: "作出处罚决定期限", en: "Time limit for the decision" },
    period: (c, s) =>
      rulesOf(c).decisionLimit
        ? { n: decisionDays(s, c.fields.category as Category), unit: "calendar_day" }
        : undefined,
    legalBasis: {
      cites: [{ law: "行政处罚法", version: "2021", article: 60 }],
      note: "行政处罚法(2021) art. 60: 立案之日起九十日内 (a setting per area where a law, regulation or rule provides otherwise); no limit under the 2017 text",
    },
    startOn: { action: "create" },
    stopOn: [{ action: "decide" }, { action: "drop" }],
  },
  {
    code: "service",
    label: { zh: "送达期限", en: "Time limit for service" },
    period: (c) => rulesOf(c).service.value,
    legalBasis: {
      cites: [
        { law: "行政处罚法", version: "2021", article: 61 },
        { law: "行政处罚法", version: "2021", article: 85 },
        { law: "行政处罚法", version: "2017", article: 40 },
      ],
      note: "行政处罚法(2021) art. 61 and art. 85: 当事人不在场的，七日（工作日）内送达; 2017 text art. 40: 七日内",
    },
    startOn: { action: "decide" },
    stopOn: [{ action: "serve" }, { action: "alter_decision" }],
  },
  {
    code: "payment",
    label: { zh: "缴纳罚款期限", en: "Time limit for paying the fine" },
    period: (c) => (Number(c.fields.fineAmount ?? 0) > 0 ? rulesOf(c).payment.value : undefined),
    legalBasis: {
      cites: [
        { law: "行政处罚法", version: "2021", article: 67, paragraph: 3 },
        { law: "行政处罚法", version: "2017", article: 46, paragraph: 3 },
        { law: "行政处罚法", version: "2021", article: 72 },
      ],
      note: "行政处罚法(2021) art. 67 para. 3 (2017 text art. 46 para. 3): 收到决定书之日起十五日内缴纳; 到期不缴纳的每日加处3%罚款 (art. 72)",
    },
    // From the day service took effect (an announcement: 30 or 60 days after it).
    startOn: { action: "serve", dateFrom: "field.servedOn" },
    stopOn: [
      { action: "defer_payment" },
      { action: "record_payment" },
      { action: "apply_court" },
      { action: "close" },
      { action: "alter_decision" },
    ],
  },
  {
    code: "court_application",
    label: { zh: "申请法院强制执行期限", en: "Time limit for applying to the court" },
    // Three months from the end of the party's periods to challenge the decision
    // (execution.ts: each end rolled to the next working day).
    period: (c) =>
      Number(c.fields.fineAmount ?? 0) > 0 ? COMPULSION.courtApplication.value : undefined,
    legalBasis: joinBasis(COMPULSION.courtApplication.basis),
    startOn: { action: "serve", dateFrom: "field.courtWindowFrom" },
    stopOn: [
      { action: "defer_payment" },
      { action: "record_payment" },
      { action: "apply_court" },
      { action: "close" },
      { action: "alter_decision" },
    ],
    dueSoon: { n: 20, unit: "working_day" },
  },
  // Issue 10 part B: after a deferral or instalments the court window runs from its end
  // (行政处罚法(2021) art. 72 para. 2); a later deferral starts it again.
  {
    code: "court_application_deferred",
    label: {
      zh: "申请法院强制执行期限（暂缓、分期缴纳后）",
      en: "Time limit for applying to the court (after a deferral)",
    },
    period: COMPULSION.courtApplication.value,
    legalBasis: joinBasis(COMPULSION.courtApplication.basis, {
      cites: [{ law: "行政处罚法", version: "2021", article: 72, paragraph: 2 }],
    }),
    startOn: { action: "defer_payment", dateFrom: "field.courtWindowFrom" },
    restartable: true,
    stopOn: [
      { action: "record_payment" },
      { action: "apply_court" },
      { action: "close" },
      { action: "alter_decision" },
    ],
    dueSoon: { n: 20, unit: "working_day" },
  },
];

export const PENALTY_SUSPENSION: NonNullable<CaseTypeDecl<PenaltyCase>["suspension"]> = {
  clocks: ["decision_limit"],
  // Only the 90-day decision limit (2021 art. 60): the payment period (art. 67), the court
  // window (行政强制法 art. 53) and stopped clocks never move (issue 10 fault 6).
  legalBasis: {
    cites: [
      { law: "行政处罚法", version: "2021", article: 60 },
      { law: "市场监督管理行政处罚程序规定", article: 64 },
    ],
    note: "行政处罚法(2021) art. 60 (the decision limit only), on the grounds a law, regulation or rule leaves out of it — 市场监督管理行政处罚程序规定 art. 64: 中止、听证、公告送达和检测、检验、检疫、鉴定等期间不计入 [R]",
  },
};
