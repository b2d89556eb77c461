/**
 * The fields and step inputs of a major decision (labelled once, on the schemas).
 */
import { z } from "zod";
import { zt } from "../../kernel/issue-text.ts";
import {
  ASSESSOR_KIND_LABELS,
  L,
  labelledEnum,
  MATTER_LABELS,
  RISK_LEVEL_LABELS,
  zCount,
  zDate,
  zEntryId,
  zText,
  zUnitCode,
} from "./common.ts";

const optText = (max: number) => z.string().trim().max(max).optional();

/** At the start (决策启动, arts. 10–13): whether each conditional step applies, with its reason. */
export const decisionFields = z.object({
  title: L(zText(200), "决策事项名称", "Decision matter"),
  matter: labelledEnum(MATTER_LABELS, "事项类别", "Kind of matter"),
  catalogueItem: L(optText(100), "目录事项序号", "Catalogue item"),
  source: labelledEnum(
    {
      leadership: { zh: "决策机关领导人员提出", en: "Proposed by the organ's leaders" },
      department: {
        zh: "政府部门、下级政府提出",
        en: "Proposed by a department or lower government",
      },
      deputies_public: {
        zh: "人大代表、政协委员、公民等提出",
        en: "Proposed by deputies, members or citizens",
      },
    },
    "决策建议来源",
    "Proposed by",
  ),
  draftSummary: L(zText(4000), "决策草案及说明", "Draft and explanation"),
  technical: L(z.boolean(), "专业性、技术性较强", "Highly professional or technical"),
  technicalReason: L(
    zText(1000),
    "是否需要专家论证的理由",
    "Why expert argumentation does (not) apply",
  ),
  stabilityRisk: L(
    z.boolean(),
    "可能对社会稳定、公共安全等造成不利影响",
    "May affect social stability or public safety",
  ),
  stabilityRiskReason: L(
    zText(1000),
    "是否需要风险评估的理由",
    "Why risk assessment does (not) apply",
  ),
});

/** Art. 15: publishing the draft for comment. Named as the consultation engine expects. */
export const openCommentInput = z.object({
  commentFrom: L(zDate, "征求意见起始日期", "Comments from"),
  commentTo: L(zDate, "征求意见截止日期", "Comments until"),
  shortPeriodReason: L(optText(1000), "缩短征求意见期限的理由", "Reason for a shorter period"),
  channel: L(zText(300), "公布途径", "Published through"),
  howToComment: L(zText(500), "提出意见的方式", "How to comment"),
});

export const closeCommentInput = z.object({
  received: L(zCount, "收到意见数", "Comments received"),
  adoption: L(zText(4000), "意见研究采纳情况", "How the comments were adopted"),
});

/** Art. 16 para. 3: the hearing announced, the participants' list published, materials served. */
export const scheduleHearingInput = z.object({
  hearingOn: L(zDate, "听证会日期", "Hearing on"),
  place: L(zText(200), "听证地点", "Place"),
  participants: L(z.array(zText(100)).min(1).max(200), "听证参加人", "Participants"),
  listPublishedOn: L(zDate, "参加人名单公布日期", "Participant list published on"),
  selection: L(zText(1000), "参加人遴选办法", "How participants were selected"),
});

export const holdHearingInput = z.object({
  record: L(zText(20000), "听证会记录", "Hearing record"),
  signedByParticipants: L(
    z.literal(true, zt("听证参加人应当确认听证会记录并签字", "participants must sign the record")),
    "参加人已确认记录并签字",
    "Participants signed the record",
  ),
});

/** Arts. 19–20: experts from the pool, recusals, signed opinions. */
export const argueInput = z.object({
  method: labelledEnum(
    {
      meeting: { zh: "论证会", en: "Argumentation meeting" },
      written: { zh: "书面咨询", en: "Written consultation" },
      commissioned: { zh: "委托咨询论证", en: "Commissioned argumentation" },
    },
    "论证方式",
    "Method",
  ),
  experts: L(
    z
      .array(
        z.object({
          expertId: L(zEntryId, "专家", "Expert"),
          opinion: L(zText(4000), "论证意见", "Opinion"),
          signed: L(z.boolean(), "已署名", "Signed"),
          directInterest: L(
            z.boolean(),
            "与决策事项有直接利害关系",
            "Direct interest in the matter",
          ),
        }),
      )
      .min(1)
      .max(50),
    "论证专家",
    "Experts",
  ),
  recused: L(
    z
      .array(
        z.object({
          expertId: L(zEntryId, "专家", "Expert"),
          reason: L(zText(500), "回避理由", "Reason"),
        }),
      )
      .max(50)
      .default([]),
    "回避专家",
    "Recused experts",
  ),
  adoption: L(zText(4000), "专家论证意见研究采纳情况", "How the experts' opinions were adopted"),
});

/** Arts. 22–24: the social-stability risk assessment and its report. */
export const assessRiskInput = z.object({
  assessorKind: labelledEnum(ASSESSOR_KIND_LABELS, "评估主体", "Assessed by"),
  assessorId: L(zEntryId.optional(), "第三方评估机构", "Third-party assessor"),
  riskPoints: L(zText(4000), "风险点", "Risks"),
  measures: L(zText(4000), "风险防范措施", "Preventive measures"),
  plan: L(zText(4000), "处置预案", "Contingency plan"),
  consulted: L(zText(1000), "听取意见的有关部门", "Departments consulted"),
  riskLevel: labelledEnum(RISK_LEVEL_LABELS, "风险等级", "Risk level"),
  controllable: L(z.boolean(), "风险可控", "Risk controllable"),
  filedWith: L(zText(100), "备案机关", "Filed with"),
});

/** Art. 26: the draft, its legal bases and the account of the procedures performed. */
export const submitReviewInput = z.object({
  legalBases: L(zText(4000), "法律、法规、规章等依据", "Legal bases"),
  procedures: L(zText(4000), "履行决策法定程序的说明", "Account of the procedures performed"),
});

export const REVIEW_RESULT_LABELS = {
  lawful: { zh: "合法", en: "Lawful" },
  lawful_with_changes: { zh: "修改后合法", en: "Lawful after changes" },
  unlawful: { zh: "不合法", en: "Unlawful" },
} as const;

/** Arts. 27–28: the review's result and the advisers' legal opinions. */
export const reviewInput = z.object({
  result: labelledEnum(REVIEW_RESULT_LABELS, "审查结论", "Result"),
  opinion: L(zText(8000), "合法性审查意见", "Review opinion"),
  advisers: L(
    z
      .array(
        z.object({
          adviserId: L(zEntryId, "法律顾问或公职律师", "Adviser"),
          opinion: L(zText(4000), "法律意见", "Legal opinion"),
        }),
      )
      .min(1, zt("应当组织法律顾问、公职律师提出法律意见", "legal advisers' opinions are required"))
      .max(20),
    "法律顾问、公职律师意见",
    "Advisers' opinions",
  ),
});

export const HEAD_DECISION_LABELS = {
  adopt: { zh: "通过", en: "Adopt" },
  adopt_amended: { zh: "修改后通过", en: "Adopt as amended" },
  not_adopt: { zh: "不予通过", en: "Not adopt" },
} as const;

/** Art. 30: discussed at the executive or plenary meeting; every view and the dissent recorded. */
export const decideInput = z.object({
  meeting: L(zText(200), "会议名称", "Meeting"),
  meetingKind: labelledEnum(
    {
      executive: { zh: "常务会议", en: "Executive meeting" },
      plenary: { zh: "全体会议", en: "Plenary meeting" },
    },
    "会议类型",
    "Kind of meeting",
  ),
  attendees: L(z.array(zText(50)).min(1).max(100), "出席人员", "Attendees"),
  views: L(
    z
      .array(
        z.object({
          member: L(zText(50), "会议组成人员", "Member"),
          position: labelledEnum(
            {
              agree: { zh: "同意", en: "Agree" },
              disagree: { zh: "不同意", en: "Disagree" },
              abstain: { zh: "弃权或保留", en: "Abstain" },
            },
            "意见",
            "Position",
          ),
          opinion: L(zText(4000), "发表的意见", "What was said"),
        }),
      )
      .min(1)
      .max(100),
    "会议组成人员意见（含不同意见）",
    "Members' views, dissent included",
  ),
  headDecision: labelledEnum(HEAD_DECISION_LABELS, "行政首长决定", "The head's decision"),
  headReasons: L(
    optText(4000),
    "与多数意见不一致的理由",
    "Reasons for departing from the majority",
  ),
  minutes: L(zText(20000), "会议记录", "Minutes"),
});

/** Art. 31. */
export const reportPartyInput = z.object({
  reportKind: labelledEnum(
    { request: { zh: "请示", en: "Request" }, report: { zh: "报告", en: "Report" } },
    "报告方式",
    "Kind",
  ),
  reportNo: L(optText(100), "文号", "Document number"),
  reply: L(optText(2000), "党委意见", "The committee's reply"),
});

export const reportNpcInput = z.object({
  reportNo: L(optText(100), "文号", "Document number"),
  receipt: L(zText(1000), "人大常委会回执", "The standing committee's receipt"),
});

/** Art. 32. */
export const publishInput = z.object({
  documentNo: L(zText(100), "决策文号", "Document number"),
  decisionText: L(zText(20000), "决策内容", "The decision"),
  opinionsExplanation: L(
    zText(8000),
    "公众意见、专家论证意见采纳情况说明",
    "How the public's and experts' opinions were adopted",
  ),
  channels: L(z.array(zText(100)).min(1).max(10), "公布途径", "Published through"),
  interpretation: L(optText(2000), "宣传解读", "Explanation to the public"),
});

/** Art. 34. */
export const implementationInput = z.object({
  executingUnit: L(zUnitCode, "决策执行单位", "Executing unit"),
  report: L(zText(8000), "执行情况", "How it is carried out"),
});

/** Art. 36. */
export const postEvaluateInput = z.object({
  trigger: labelledEnum(
    {
      below_expectation: { zh: "实施后明显未达到预期效果", en: "Clearly below expectations" },
      many_opinions: {
        zh: "公民、法人或者其他组织提出较多意见",
        en: "Many opinions from the public",
      },
      necessary: { zh: "决策机关认为有必要", en: "The organ thinks it necessary" },
    },
    "评估情形",
    "Why evaluated",
  ),
  evaluatorKind: labelledEnum(
    {
      unit: { zh: "决策机关确定的单位", en: "A unit named by the organ" },
      third_party: { zh: "委托第三方", en: "A third party" },
    },
    "评估主体",
    "Evaluated by",
  ),
  evaluatorUnit: L(zUnitCode.optional(), "承担评估的单位", "Evaluating unit"),
  evaluatorId: L(zEntryId.optional(), "第三方评估机构", "Third-party evaluator"),
  publicViews: L(zText(4000), "听取社会公众意见情况", "Public views heard"),
  participants: L(zText(1000), "人大代表、政协委员等参与情况", "Deputies and members taking part"),
  conclusion: L(zText(8000), "评估结论", "Conclusion"),
});

export const closeInput = z.object({
  summary: L(zText(2000), "归档说明", "Archiving note"),
});
