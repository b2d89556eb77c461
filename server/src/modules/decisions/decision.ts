/**
 * The major administrative decision (重大行政决策, case type `major_decision`), each step
 * from its clause of 《重大行政决策程序暂行条例》(国务院令第713号):
 *
 *   start (arts. 10–13: whether expert argumentation, art. 19, and risk assessment, art. 22,
 *   apply — each with its reason)
 *   → public participation: open_comment / close_comment (arts. 14, 15, 18; ≥ 30 days or a
 *     recorded reason), schedule_hearing / hold_hearing (arts. 16–17: materials ≥ 7 days
 *     before, the participant list published first)
 *   → argue (arts. 19–20: pool experts, recusal, signed opinions)
 *   → assess_risk (arts. 22–24: by the unit or a listed third party, a level, controllable
 *     or not; filed in the filings register)
 *   → submit_review / review (arts. 25–28: ≥ 7 working days, a setting; advisers' opinions)
 *   → decide (arts. 29–30: every required step done, risk controllable, review not
 *     unlawful; every view and the dissent recorded; the head's reasons when departing
 *     from the majority)
 *   → report_party (art. 31), report_npc (where the district requires it: a setting)
 *   → publish (art. 32, with how the opinions were adopted)
 *   → report_implementation (art. 34), post_evaluate (art. 36, optional; not by the
 *     pre-decision assessor) → close (art. 33: the dossier archived).
 *
 * The preparation steps are record steps in `drafting` (their order is the law's only
 * where it says so); the collective decision checks that each required one was taken.
 */
import { z } from "zod";
import type { CaseTypeDecl, GuardContext } from "../../engines/case/index.ts";
import { STAY } from "../../engines/case/index.ts";
import { createEntry } from "../../engines/register/index.ts";
import { DECISION_TYPE, L, labelledEnum, MODULE, RISK_LEVEL_LABELS } from "./common.ts";
import { decisionDocuments } from "./documents.ts";
import {
  adoptedGate,
  assessorGate,
  closeCommentGate,
  collectiveDecisionGate,
  commentDays,
  commentPeriodGate,
  type DecisionFields,
  entryOf,
  expertGate,
  hearingScheduleGate,
  holdHearingGate,
  notAdoptedGate,
  postEvaluatorGate,
  publicationGate,
  reviewGate,
} from "./gates.ts";
import {
  argueInput,
  assessRiskInput,
  closeCommentInput,
  closeInput,
  decideInput,
  decisionFields,
  HEAD_DECISION_LABELS,
  holdHearingInput,
  implementationInput,
  openCommentInput,
  postEvaluateInput,
  publishInput,
  REVIEW_RESULT_LABELS,
  reportNpcInput,
  reportPartyInput,
  reviewInput,
  scheduleHearingInput,
  submitReviewInput,
} from "./inputs.ts";
import {
  ADVISERS,
  ASSESSORS,
  adviserRegister,
  assessorRegister,
  EXPERTS,
  expertRegister,
  FILINGS,
  filingRegister,
} from "./registers.ts";
import { SETTING_NPC_REPORT, SETTING_REVIEW_DAYS } from "./settings.ts";

type Ctx = GuardContext<DecisionFields>;

const BASIS = "重大行政决策程序暂行条例";

async function unitName(ctx: Ctx, id: number): Promise<string> {
  const u = await ctx.w.trx
    .selectFrom("unit")
    .select("name_zh")
    .where("id", "=", id)
    .executeTakeFirst();
  return u?.name_zh ?? "";
}

async function unitCode(ctx: Ctx, id: number): Promise<string | undefined> {
  const u = await ctx.w.trx
    .selectFrom("unit")
    .select("code")
    .where("id", "=", id)
    .executeTakeFirst();
  return u?.code;
}

/** The fields the steps compute, labelled for the web. */
const derived = z.object({
  commentFrom: L(z.string(), "征求意见起始日期", "Comments from"),
  commentTo: L(z.string(), "征求意见截止日期", "Comments until"),
  commentDays: L(z.number(), "征求意见期限（日）", "Comment period (days)"),
  shortPeriodReason: L(z.string(), "缩短征求意见期限的理由", "Reason for a shorter period"),
  experts: L(z.array(z.string()), "论证专家", "Experts"),
  riskAssessorKind: L(z.string(), "风险评估主体", "Risk assessed by"),
  riskAssessorId: L(z.number(), "第三方评估机构", "Third-party assessor"),
  riskAssessorName: L(z.string(), "风险评估单位", "Risk assessor"),
  riskLevel: labelledEnum(RISK_LEVEL_LABELS, "风险等级", "Risk level"),
  riskControllable: L(z.boolean(), "风险可控", "Risk controllable"),
  legalityResult: labelledEnum(REVIEW_RESULT_LABELS, "合法性审查结论", "Legality review"),
  headDecision: labelledEnum(HEAD_DECISION_LABELS, "行政首长决定", "The head's decision"),
  meeting: L(z.string(), "会议名称", "Meeting"),
  documentNo: L(z.string(), "决策文号", "Document number"),
  decisionText: L(z.string(), "决策内容", "The decision"),
  opinionsExplanation: L(z.string(), "意见采纳情况说明", "How opinions were adopted"),
  publishedOn: L(z.string(), "公布日期", "Published on"),
});

const PREP = ["drafting"] as const;

export const decisionCaseType: CaseTypeDecl<DecisionFields> = {
  code: DECISION_TYPE,
  label: { zh: "重大行政决策", en: "Major decision" },
  module: MODULE,
  fields: decisionFields,
  title: (f) => f.title,
  states: {
    drafting: { label: { zh: "决策草案拟订中", en: "Drafting" } },
    decided: { label: { zh: "已集体讨论决定", en: "Decided" } },
    published: { label: { zh: "已公布实施", en: "Published" } },
    not_adopted: { label: { zh: "未予通过", en: "Not adopted" }, terminal: true },
    closed: { label: { zh: "已归档", en: "Archived" }, terminal: true },
  },
  initial: "drafting",
  stepFields: Object.keys(derived.shape),
  derived,
  // Public participation on the portal (engines/consultation): citizens comment on the
  // draft between commentFrom and commentTo, each comment is answered, and the adoption
  // report is published with the decision. The period (≥ 30 days, 第十五条) is this case
  // type's own guard (commentPeriodGate).
  consultation: {
    opensOn: "open_comment",
    closesOn: "close_comment",
    fromField: "commentFrom",
    toField: "commentTo",
    draftField: "draftSummary",
    legalBasis: { cites: [{ law: BASIS, article: 15 }] },
  },
  transitions: [
    {
      action: "open_comment",
      label: { zh: "公开征求意见", en: "Open for public comment" },
      from: PREP,
      to: STAY,
      input: openCommentInput,
      guards: [commentPeriodGate],
      derive: (ctx) => {
        const i = ctx.input as {
          commentFrom: string;
          commentTo: string;
          shortPeriodReason?: string;
        };
        return {
          commentFrom: i.commentFrom,
          commentTo: i.commentTo,
          commentDays: commentDays(i.commentFrom, i.commentTo),
          ...(i.shortPeriodReason?.trim() ? { shortPeriodReason: i.shortPeriodReason.trim() } : {}),
        };
      },
    },
    {
      action: "close_comment",
      label: { zh: "结束征求意见并研究采纳", en: "Close the comment period" },
      from: PREP,
      to: STAY,
      input: closeCommentInput,
      guards: [closeCommentGate],
    },
    {
      action: "schedule_hearing",
      label: { zh: "安排听证会", en: "Schedule a hearing" },
      from: PREP,
      to: STAY,
      occasional: true,
      input: scheduleHearingInput,
      guards: [hearingScheduleGate],
      leadTimes: [
        {
          field: "hearingOn",
          period: { n: 7, unit: "calendar_day" },
          legalBasis: { cites: [{ law: BASIS, article: 16, paragraph: 3 }] },
        },
      ],
    },
    {
      action: "hold_hearing",
      label: { zh: "举行听证会", en: "Hold the hearing" },
      from: PREP,
      to: STAY,
      occasional: true,
      input: holdHearingInput,
      guards: [holdHearingGate],
    },
    {
      action: "argue",
      label: { zh: "专家论证", en: "Expert argumentation" },
      from: PREP,
      to: STAY,
      input: argueInput,
      reads: { registers: [EXPERTS] },
      guards: [(ctx) => expertGate(ctx, expertRegister)],
      derive: async (ctx) => {
        const i = ctx.input as { experts: { expertId: number }[] };
        const names: string[] = [];
        for (const e of i.experts)
          names.push((await entryOf(ctx, expertRegister, e.expertId))?.title ?? "");
        return { experts: names };
      },
    },
    {
      action: "assess_risk",
      label: { zh: "风险评估", en: "Risk assessment" },
      from: PREP,
      to: STAY,
      input: assessRiskInput,
      reads: { registers: [ASSESSORS, FILINGS] },
      guards: [(ctx) => assessorGate(ctx, assessorRegister)],
      derive: async (ctx) => {
        const i = ctx.input as {
          assessorKind: "unit" | "third_party";
          assessorId?: number;
          riskLevel: string;
          controllable: boolean;
        };
        const name =
          i.assessorKind === "third_party" && i.assessorId !== undefined
            ? ((await entryOf(ctx, assessorRegister, i.assessorId))?.title ?? "")
            : await unitName(ctx, ctx.case.unitId);
        return {
          riskAssessorKind: i.assessorKind,
          ...(i.assessorId !== undefined ? { riskAssessorId: i.assessorId } : {}),
          riskAssessorName: name,
          riskLevel: i.riskLevel,
          riskControllable: i.controllable,
        };
      },
      // Art. 22 and the district's filing rule: every assessment is filed.
      effect: async (ctx) => {
        const i = ctx.input as {
          assessorKind: string;
          riskLevel: string;
          controllable: boolean;
          filedWith: string;
        };
        await createEntry(ctx.w, filingRegister, {
          data: {
            subject: ctx.case.fields.title,
            kind: "major_decision",
            assessorKind: i.assessorKind,
            assessorName: ctx.next.fields.riskAssessorName,
            riskLevel: i.riskLevel,
            controllable: i.controllable,
            assessedOn: ctx.onDate,
            filedOn: ctx.onDate,
            filedWith: i.filedWith,
            caseId: ctx.case.id,
          },
          unitId: ctx.case.unitId,
        });
      },
    },
    {
      action: "submit_review",
      label: { zh: "送请合法性审查", en: "Submit for legality review" },
      from: PREP,
      to: STAY,
      input: submitReviewInput,
    },
    {
      action: "review",
      label: { zh: "出具合法性审查意见", en: "Give the legality review" },
      from: PREP,
      to: STAY,
      input: reviewInput,
      reads: { settings: [SETTING_REVIEW_DAYS], registers: [ADVISERS] },
      guards: [(ctx) => reviewGate(ctx, adviserRegister)],
      derive: (ctx) => ({ legalityResult: (ctx.input as { result: string }).result }),
    },
    {
      action: "decide",
      label: { zh: "集体讨论决定", en: "Collective decision" },
      from: PREP,
      to: "decided",
      permission: "unit.lead",
      input: decideInput,
      guards: [collectiveDecisionGate],
      derive: (ctx) => {
        const i = ctx.input as { headDecision: string; meeting: string };
        return { headDecision: i.headDecision, meeting: i.meeting };
      },
    },
    {
      action: "report_party",
      label: { zh: "向党委请示报告", en: "Report to the Party committee" },
      from: ["decided"],
      to: STAY,
      input: reportPartyInput,
      guards: [adoptedGate],
    },
    {
      action: "report_npc",
      label: { zh: "向人大常委会报告", en: "Report to the people's congress standing committee" },
      from: ["decided"],
      to: STAY,
      input: reportNpcInput,
      guards: [adoptedGate],
    },
    {
      action: "publish",
      label: { zh: "公布决策", en: "Publish the decision" },
      from: ["decided"],
      to: "published",
      input: publishInput,
      reads: { settings: [SETTING_NPC_REPORT] },
      guards: [publicationGate],
      derive: (ctx) => {
        const i = ctx.input as {
          documentNo: string;
          decisionText: string;
          opinionsExplanation: string;
        };
        return {
          documentNo: i.documentNo,
          decisionText: i.decisionText,
          opinionsExplanation: i.opinionsExplanation,
          publishedOn: ctx.onDate,
        };
      },
    },
    {
      action: "not_adopted",
      label: { zh: "不予通过办结", en: "Close as not adopted" },
      from: ["decided"],
      to: "not_adopted",
      guards: [notAdoptedGate],
    },
    {
      action: "report_implementation",
      label: { zh: "报告执行情况", en: "Report on implementation" },
      from: ["published"],
      to: STAY,
      input: implementationInput,
    },
    {
      action: "post_evaluate",
      label: { zh: "决策后评估", en: "Post-evaluation" },
      from: ["published"],
      to: STAY,
      occasional: true,
      input: postEvaluateInput,
      reads: { registers: [ASSESSORS] },
      guards: [(ctx) => postEvaluatorGate(ctx, assessorRegister, (id) => unitCode(ctx, id))],
    },
    {
      action: "close",
      label: { zh: "归档", en: "Archive" },
      from: ["published"],
      to: "closed",
      input: closeInput,
    },
  ],
  publicStates: ["published", "closed"],
  // Every published or closed decision is shown: the portal pages in SQL.
  publicFilter: (eb) => eb.lit(true),
  public: (c) => {
    if (c.state !== "published" && c.state !== "closed") return undefined;
    const f = c.fields;
    return {
      title: f.title,
      matter: f.matter,
      documentNo: f.documentNo,
      publishedOn: f.publishedOn,
      decisionText: f.decisionText,
      opinionsExplanation: f.opinionsExplanation,
      commentFrom: f.commentFrom,
      commentTo: f.commentTo,
      commentDays: f.commentDays,
    };
  },
  publicLabels: {
    title: { zh: "决策事项", en: "Decision" },
    matter: { zh: "事项类别", en: "Kind of matter" },
    documentNo: { zh: "决策文号", en: "Document number" },
    publishedOn: { zh: "公布日期", en: "Published on" },
    decisionText: { zh: "决策内容", en: "The decision" },
    opinionsExplanation: {
      zh: "公众意见、专家论证意见采纳情况",
      en: "How the public's and experts' opinions were adopted",
    },
    commentFrom: { zh: "征求意见起始日期", en: "Comments from" },
    commentTo: { zh: "征求意见截止日期", en: "Comments until" },
    commentDays: { zh: "征求意见期限（日）", en: "Comment period (days)" },
  },
  documents: decisionDocuments,
  // The published decision as public .docx and PDF attachments on the portal (art. 32).
  publicFiles: [{ document: "decision_publication", on: "publish" }],
  dossier: {
    label: { zh: "决策档案", en: "Decision dossier" },
    legalBasis: { cites: [{ law: BASIS, article: 33 }] },
  },
  search: {
    kind: "document",
    fields: ["title", "draftSummary", "documentNo", "decisionText", "opinionsExplanation"],
  },
};
