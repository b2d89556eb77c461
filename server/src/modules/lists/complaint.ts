/**
 * Complaints and reports about fees and prices (收费、价格投诉举报), received through the
 * 12315 line (the 12358 price line was merged into it in 2019) or other channels.
 *
 * - A complaint (投诉: the complainant asks for their own dispute to be handled) is
 *   accepted or refused, and the complainant told, within 7 working days of receipt
 *   (市场监督管理投诉举报处理暂行办法 (2019, SAMR order 20, amended 2022) art. 14).
 * - A report (举报: a lead on a violation) is verified and the decision whether to open a
 *   case taken within 15 working days of receipt (市场监督管理行政处罚程序规定 (2021)
 *   art. 18 para. 1; the named reporter is told within 5 working days of the decision,
 *   暂行办法 art. 31).
 *
 * Both periods are settings (national defaults; a province may shorten them), read on
 * the day the clock starts. The reply clock runs from the day of receipt (the case's
 * opening) and stops at the first answer: accepted, refused, a case opened, or no case.
 * A reply after the due day counts as late (the indicator `complaints_replied_on_time`
 * leaves it out; the warning list shows it overdue while unanswered).
 *
 * "Open a case" (立案查处) opens a general-procedure penalty case (`penalty_general`, the
 * enforcement module) in the same unit through the case engine's `openCase`, linked
 * `opened_from` this complaint: the penalty case shows where it came from, the complaint
 * shows the case it opened (a link reads both ways). The penalty case's own fields are
 * validated by its own schema (a bad field is named and nothing is written).
 */
import { z } from "zod";
import type { CaseTypeDecl } from "../../engines/case/index.ts";
import { L, labelledEnum } from "../../engines/labels.ts";
import type { SettingDecl } from "../../engines/settings.ts";
import { zUscc } from "../../kernel/codes/uscc.ts";
import { t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { MODULE, optText, text, zDate } from "./common.ts";

export const COMPLAINT_TYPE = "complaint";
export const PENALTY_TYPE = "penalty_general";

export const SETTING_COMPLAINT_REPLY = "lists.complaint_reply_working_days";
export const SETTING_REPORT_DECISION = "lists.report_decision_working_days";

const days = z.number().int().min(1).max(60);

export const complaintSettings: SettingDecl[] = [
  {
    code: SETTING_COMPLAINT_REPLY,
    label: {
      zh: "投诉受理答复期限（工作日）",
      en: "Complaints: accept or refuse within (working days)",
    },
    module: MODULE,
    schema: days,
    default: 7,
    basis: {
      cites: [{ law: "市场监督管理投诉举报处理暂行办法", article: 14 }],
      note: "市场监督管理投诉举报处理暂行办法 (2019, amended 2022) art. 14: 自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人.",
    },
  },
  {
    code: SETTING_REPORT_DECISION,
    label: {
      zh: "举报核查立案期限（工作日）",
      en: "Reports: decide whether to open a case within (working days)",
    },
    module: MODULE,
    schema: days,
    default: 15,
    basis: {
      cites: [{ law: "市场监督管理行政处罚程序规定", article: 18, paragraph: 1 }],
      note: "市场监督管理行政处罚程序规定 (2021) art. 18 para. 1: 自发现线索或者收到材料之日起十五个工作日内予以核查，由市场监督管理部门负责人决定是否立案.",
    },
  },
];

export const CHANNEL_LABELS = {
  hotline_12315: { zh: "12315热线", en: "12315 hotline" },
  platform_12315: { zh: "全国12315平台", en: "12315 online platform" },
  letter: { zh: "信函", en: "Letter" },
  visit: { zh: "来访", en: "Visit" },
  transferred: { zh: "上级交办或其他部门转办", en: "Transferred" },
  other: { zh: "其他", en: "Other" },
} as const;

export const COMPLAINT_KIND_LABELS = {
  complaint: { zh: "投诉", en: "Complaint" },
  report: { zh: "举报", en: "Report" },
} as const;

export const SUBJECT_LABELS = {
  fee: { zh: "收费", en: "Fees" },
  price: { zh: "价格", en: "Prices" },
} as const;

export const RESPONDENT_KIND_LABELS = {
  legal_person: { zh: "法人", en: "Legal person" },
  other_organisation: { zh: "其他组织", en: "Other organisation" },
} as const;

const Respondent = z
  .object({
    kind: labelledEnum(RESPONDENT_KIND_LABELS, "被投诉举报人类别", "Kind"),
    name: text("被投诉举报人名称", "Name", 200),
    uscc: L(zUscc.optional(), "统一社会信用代码", "Unified social credit code"),
    address: text("住所或经营场所", "Address", 300),
  })
  .superRefine((r, ctx) => {
    if (r.kind === "legal_person" && !r.uscc) {
      ctx.addIssue({
        code: "custom",
        path: ["uscc"],
        message: zt("法人须填写", "required for a legal person"),
      });
    }
  });

const Complainant = z.object({
  name: optText("投诉举报人姓名（匿名举报可不填）", "Name (optional for anonymous reports)", 100),
  phone: L(
    z
      .string()
      .trim()
      .regex(
        /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/,
        zt("应为手机号码或固定电话号码", "a mobile or landline number"),
      )
      .optional(),
    "联系电话",
    "Phone",
  ),
});

export const complaintFields = z
  .object({
    channel: labelledEnum(CHANNEL_LABELS, "受理渠道", "Channel"),
    kind: labelledEnum(COMPLAINT_KIND_LABELS, "类别", "Kind"),
    subject: labelledEnum(SUBJECT_LABELS, "涉及事项", "Subject"),
    registrationNo: optText("登记编号（12315工单号）", "Registration number", 64),
    respondent: Respondent,
    complainant: Complainant,
    matter: text("投诉举报内容", "What is complained of", 4000),
  })
  .superRefine((f, ctx) => {
    // A complaint asks for the complainant's own dispute: the complainant is named (暂行办法 art. 9).
    if (f.kind === "complaint" && !f.complainant.name) {
      ctx.addIssue({
        code: "custom",
        path: ["complainant", "name"],
        message: zt("投诉须提供投诉人姓名", "a complaint names the complainant"),
      });
    }
  });
export type ComplaintFields = z.infer<typeof complaintFields>;

const PENALTY_CATEGORY = "market_regulation";

/** The penalty case's opening facts, as the handler states them when opening it. */
const OpenCaseInput = z.object({
  cause: text("案由", "Cause of the case", 200),
  violationOn: L(zDate, "违法行为发生日期", "Date of the violation"),
  decisionNote: optText("立案审批意见", "Approval note", 1000),
});

const reason = (zh: string, en: string) => z.object({ reason: text(zh, en, 2000) });

export const complaintCaseType: CaseTypeDecl<ComplaintFields> = {
  code: COMPLAINT_TYPE,
  label: { zh: "收费价格投诉举报", en: "Fee and price complaints and reports" },
  module: MODULE,
  fields: complaintFields,
  title: (f) =>
    `${f.kind === "report" ? "举报" : "投诉"}：${f.respondent.name}（${f.subject === "fee" ? "收费" : "价格"}）`,
  states: {
    received: { label: { zh: "已登记", en: "Received" } },
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    refused: { label: { zh: "不予受理", en: "Refused" }, terminal: true },
    case_opened: { label: { zh: "已立案查处", en: "Case opened" }, terminal: true },
    no_case: { label: { zh: "不予立案", en: "No case opened" }, terminal: true },
    closed: { label: { zh: "已办结", en: "Closed" }, terminal: true },
  },
  initial: "received",
  transitions: [
    {
      action: "accept",
      label: { zh: "受理并告知", en: "Accept and inform" },
      from: ["received"],
      to: "accepted",
      input: z.object({ note: optText("告知内容", "What the complainant was told", 2000) }),
      guards: [
        (ctx) =>
          ctx.case.fields.kind === "complaint"
            ? undefined
            : {
                message: t(
                  "举报不作受理决定：请核查后决定是否立案（《市场监督管理行政处罚程序规定》第十八条）",
                  "a report is not accepted as a complaint: verify it and decide whether to open a case",
                ),
              },
      ],
    },
    {
      action: "refuse",
      label: { zh: "不予受理并告知", en: "Refuse and inform" },
      from: ["received"],
      to: "refused",
      input: reason("不予受理理由", "Reason"),
    },
    {
      action: "open_case",
      label: { zh: "立案查处", en: "Open a penalty case" },
      from: ["received", "accepted"],
      to: "case_opened",
      permission: "unit.lead",
      input: OpenCaseInput,
      effect: async (ctx) => {
        const f = ctx.case.fields;
        await ctx.openCase(PENALTY_TYPE, {
          fields: {
            party: {
              kind: f.respondent.kind,
              name: f.respondent.name,
              ...(f.respondent.uscc ? { uscc: f.respondent.uscc } : {}),
              address: f.respondent.address,
            },
            cause: ctx.input.cause,
            category: PENALTY_CATEGORY,
            source: "complaint",
            violationOn: ctx.input.violationOn,
            discoveredOn: ctx.case.openedOn,
          },
          link: "opened_from",
        });
      },
    },
    {
      action: "no_case",
      label: { zh: "不予立案并告知", en: "Decide not to open a case" },
      from: ["received", "accepted"],
      to: "no_case",
      permission: "unit.lead",
      input: reason("不予立案理由", "Reason"),
    },
    {
      action: "conclude",
      label: { zh: "办结（调解或处理结果告知）", en: "Conclude" },
      from: ["accepted"],
      to: "closed",
      input: z.object({
        outcome: labelledEnum(
          {
            mediated: { zh: "调解成功", en: "Settled by mediation" },
            mediation_ended: { zh: "终止调解", en: "Mediation ended" },
            handled: { zh: "已处理并告知", en: "Handled and informed" },
          },
          "办理结果",
          "Outcome",
        ),
        note: optText("办理情况", "Note", 2000),
      }),
    },
  ],
  clocks: [
    {
      code: "reply",
      label: { zh: "答复期限", en: "Reply deadline" },
      period: (c, s) => ({
        n: s<number>(
          c.fields.kind === "report" ? SETTING_REPORT_DECISION : SETTING_COMPLAINT_REPLY,
        ),
        unit: "working_day",
      }),
      legalBasis: {
        cites: [
          { law: "市场监督管理投诉举报处理暂行办法", article: 14 },
          { law: "市场监督管理行政处罚程序规定", article: 18 },
        ],
        note: "市场监督管理投诉举报处理暂行办法 art. 14 (complaints: 7 working days); 市场监督管理行政处罚程序规定 art. 18 (reports: 15 working days); settings lists.complaint_reply_working_days, lists.report_decision_working_days",
      },
      startOn: { action: "create" },
      stopOn: [
        { action: "accept" },
        { action: "refuse" },
        { action: "open_case" },
        { action: "no_case" },
      ],
      dueSoon: { n: 2, unit: "working_day" },
    },
  ],
  links: [
    {
      code: "complaint_case",
      label: { zh: "投诉举报引发的处罚案件", en: "Penalty case arising from it" },
      targets: [PENALTY_TYPE],
    },
  ],
  people: [{ field: "complainant", role: "complainant", phoneField: "phone" }],
  reads: { settings: [SETTING_COMPLAINT_REPLY, SETTING_REPORT_DECISION] },
  search: { fields: ["matter", "registrationNo"] },
};
