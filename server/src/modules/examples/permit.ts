import { z } from "zod";
import type { CaseTypeDecl } from "../../engines/case/declare.ts";
import { maskName, redactText } from "../../kernel/masking.ts";
import { formatChineseDate } from "../../platform/documents/official.ts";

/**
 * A worked example of a case type (not a module of the report): a licence application
 * shaped on the 行政许可法, to show every engine feature in a small space. The real
 * licensing module declares its own.
 */
const Person = z.object({
  name: z
    .string()
    .trim()
    .min(1, "required")
    .meta({ label: { zh: "姓名或名称", en: "Name" } }),
  idNumber: z
    .string()
    .trim()
    .optional()
    .meta({ label: { zh: "身份证号", en: "ID number" } }),
  phone: z
    .string()
    .trim()
    .optional()
    .meta({ label: { zh: "联系电话", en: "Phone" } }),
});

const PermitFields = z.object({
  applicant: Person.meta({ label: { zh: "申请人", en: "Applicant" } }),
  item: z
    .string()
    .trim()
    .min(1, "required")
    .max(200)
    .meta({ label: { zh: "许可事项", en: "Licensed item" } }),
  category: z.enum(["general", "market"]).meta({
    label: { zh: "类别", en: "Category" },
    enumLabels: {
      general: { zh: "一般事项", en: "General" },
      market: { zh: "市场监管事项", en: "Market regulation" },
    },
  }),
  reviewPassed: z.boolean().optional(),
  decisionSummary: z.string().optional(),
});
type Permit = z.infer<typeof PermitFields>;

export const permitCaseType: CaseTypeDecl<Permit> = {
  code: "example_permit",
  label: { zh: "示例：许可申请", en: "Example: licence application" },
  module: "examples",
  fields: PermitFields,
  title: (f) => `${f.item}（${f.applicant.name}）`,
  states: {
    received: { label: { zh: "已收件", en: "Received" } },
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    decided: { label: { zh: "已决定", en: "Decided" }, terminal: true },
    rejected: { label: { zh: "不予受理", en: "Rejected" }, terminal: true },
    revoked: { label: { zh: "已撤销", en: "Revoked" }, terminal: true },
  },
  initial: "received",
  numbers: [
    {
      kind: "acceptance",
      label: { zh: "受理号", en: "Acceptance number" },
      prefix: () => "武隆许受",
    },
    {
      kind: "decision",
      label: { zh: "决定书文号", en: "Decision number" },
      // Separate issuers, separate sequences.
      prefix: (c) => (c.fields.category === "market" ? "武隆市监许" : "武隆府许"),
    },
  ],
  transitions: [
    {
      action: "accept",
      label: { zh: "受理", en: "Accept" },
      from: ["received"],
      to: "accepted",
      issues: ["acceptance"],
    },
    {
      action: "schedule_hearing",
      label: { zh: "安排听证", en: "Schedule a hearing" },
      from: ["accepted"],
      to: "accepted",
      input: z.object({
        hearingDate: z.iso.date().meta({ label: { zh: "听证日期", en: "Hearing date" } }),
      }),
      setsFields: [],
      // 行政许可法 art. 48(1): notify the applicant 7 days before the hearing.
      leadTimes: [
        {
          field: "hearingDate",
          period: { n: 7, unit: "working_day" },
          legalBasis: "行政许可法 art. 48(1)",
        },
      ],
    },
    {
      action: "support_opinion",
      label: { zh: "提出协办意见", en: "Give the supporting opinion" },
      from: ["accepted"],
      to: "accepted",
      input: z.object({
        opinion: z
          .string()
          .trim()
          .min(1, "required")
          .meta({ label: { zh: "协办意见", en: "Opinion" } }),
      }),
      actor: { participantRole: "supporting" },
    },
    {
      action: "review",
      label: { zh: "审查", en: "Review" },
      from: ["accepted"],
      to: "accepted",
      input: z.object({
        reviewPassed: z.boolean().meta({ label: { zh: "审查通过", en: "Review passed" } }),
      }),
      setsFields: ["reviewPassed"],
      permission: "legal_review.sign",
    },
    {
      action: "decide",
      label: { zh: "作出决定", en: "Decide" },
      from: ["accepted"],
      to: "decided",
      input: z.object({
        decisionSummary: z
          .string()
          .trim()
          .min(1, "required")
          .meta({ label: { zh: "决定内容", en: "Decision" } }),
      }),
      setsFields: ["decisionSummary"],
      issues: ["decision"],
      guards: [
        ({ case: c }) =>
          c.fields.reviewPassed === true
            ? undefined
            : { message: "no decision before a passed review (示例：审查通过后方可作出决定)" },
      ],
    },
    {
      action: "reject",
      label: { zh: "不予受理", en: "Reject" },
      from: ["received", "accepted"],
      to: "rejected",
      sensitive: true,
    },
    {
      action: "revoke",
      label: { zh: "撤销", en: "Revoke" },
      from: ["decided"],
      to: "revoked",
      sensitive: true,
      permission: "unit.lead",
    },
  ],
  clocks: [
    {
      code: "decision",
      label: { zh: "许可决定期限", en: "Time limit for the decision" },
      // A setting, to show how a rule that differs by region is declared (default: the law's 20).
      period: (_c, settings) => ({
        n: settings<number>("examples.decision_working_days"),
        unit: "working_day",
      }),
      legalBasis: "行政许可法 art. 42(1), art. 82",
      startOn: { action: "accept" },
      stopOn: [{ action: "decide" }, { action: "reject" }],
    },
    {
      code: "respond",
      label: { zh: "复议答复期限", en: "Time limit for the reply to a review" },
      period: { n: 10, unit: "working_day" },
      legalBasis: "行政复议法(2023) art. 48, art. 88",
      startOn: { action: "accept", viaLink: "reviews" },
      stopOn: [{ action: "decide", viaLink: "reviews" }],
    },
  ],
  suspension: {
    clocks: ["decision"],
    legalBasis: "行政许可法 art. 45 (听证、检验、检测、专家评审不计入期限)",
  },
  extensions: [
    {
      clock: "decision",
      max: { n: 10, unit: "working_day" },
      legalBasis: "行政许可法 art. 42(1): 经本行政机关负责人批准，可以延长十日",
    },
  ],
  links: ["reviews"],
  participantRoles: { supporting: { zh: "协办单位", en: "Supporting unit" } },
  people: [{ field: "applicant", role: "applicant", idField: "idNumber", phoneField: "phone" }],
  documents: [
    {
      code: "decision",
      label: { zh: "准予行政许可决定书", en: "Decision granting the licence" },
      states: ["decided", "revoked"],
      build: (c, ctx) => ({
        issuerMark: `${ctx.regionName}${ctx.unitName}`,
        number: c.numbers.decision,
        title: "准予行政许可决定书",
        addressee: c.fields.applicant.name,
        body: [
          `你（单位）于${formatChineseDate(c.openedOn)}提出的${c.fields.item}申请，本机关已于受理后依法进行了审查。`,
          `经审查，该申请符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定如下：${c.fields.decisionSummary ?? ""}。`,
          "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。",
        ],
        issuer: ctx.unitName,
        date: c.closedOn ?? ctx.today,
        seal: true,
      }),
    },
  ],
  publicStates: ["decided"],
  publicLabels: {
    number: { zh: "决定书文号", en: "Decision number" },
    item: { zh: "许可事项", en: "Licensed item" },
    applicant: { zh: "申请人", en: "Applicant" },
    decidedOn: { zh: "决定日期", en: "Decided on" },
    summary: { zh: "决定内容", en: "Decision" },
  },
  public: (c) =>
    c.state === "decided"
      ? {
          number: c.numbers.decision,
          item: c.fields.item,
          applicant: maskName(c.fields.applicant.name),
          decidedOn: c.closedOn,
          // Free text may quote the applicant: redact before publishing.
          summary: redactText(c.fields.decisionSummary ?? "", [c.fields.applicant]),
        }
      : undefined,
};

/** The other side of a link: a request for review of a decision. */
export const reviewCaseType: CaseTypeDecl<{ grounds: string }> = {
  code: "example_review",
  label: { zh: "示例：复核申请", en: "Example: request for review" },
  module: "examples",
  fields: z.object({ grounds: z.string().trim().min(1, "required") }),
  title: (f) => `复核：${f.grounds.slice(0, 40)}`,
  states: {
    received: { label: { zh: "已收件", en: "Received" } },
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    decided: { label: { zh: "已决定", en: "Decided" }, terminal: true },
  },
  initial: "received",
  transitions: [
    { action: "accept", label: { zh: "受理", en: "Accept" }, from: ["received"], to: "accepted" },
    {
      action: "decide",
      label: { zh: "作出决定", en: "Decide" },
      from: ["accepted"],
      to: "decided",
    },
  ],
  links: ["reviews"],
};

/** Sub-cases: one intake, several units processing in parallel. */
export const jointCaseType: CaseTypeDecl<{ subject: string }> = {
  code: "example_joint",
  label: { zh: "示例：联合办理", en: "Example: joint processing" },
  module: "examples",
  fields: z.object({ subject: z.string().trim().min(1, "required") }),
  title: (f) => f.subject,
  states: {
    open: { label: { zh: "办理中", en: "In progress" } },
    concluded: { label: { zh: "已办结", en: "Concluded" }, terminal: true },
  },
  initial: "open",
  transitions: [
    { action: "conclude", label: { zh: "办结", en: "Conclude" }, from: ["open"], to: "concluded" },
  ],
  subCases: { caseType: "example_joint_part", onAllClosed: "conclude" },
};

export const jointPartCaseType: CaseTypeDecl<{ task: string }> = {
  code: "example_joint_part",
  label: { zh: "示例：分办件", en: "Example: part of a joint case" },
  module: "examples",
  fields: z.object({ task: z.string().trim().min(1, "required") }),
  title: (f) => f.task,
  states: {
    open: { label: { zh: "办理中", en: "In progress" } },
    done: { label: { zh: "已办结", en: "Done" }, terminal: true },
  },
  initial: "open",
  transitions: [
    { action: "finish", label: { zh: "办结", en: "Finish" }, from: ["open"], to: "done" },
  ],
};
