/**
 * The normative document (行政规范性文件) as a case type: drafting → public comment
 * (engines/consultation) → fair-competition review for documents closely related to
 * market actors → legality review → collective deliberation (refused unless the latest
 * legality review passed) → registration and numbering → publication → filing (报备)
 * within the filing period → in force until the validity ends, with clean-up and
 * post-evaluation on the way. docs/rules.md names each rule's clause.
 */
import { z } from "zod";
import type {
  CaseTypeDecl,
  GuardContext,
  GuardRefusal,
  StepEvent,
} from "../../engines/case/index.ts";
import { type ConsultationDecl, commentPeriodGuard } from "../../engines/consultation/index.ts";
import { L, labelledEnum } from "../../engines/labels.ts";
import { can } from "../../kernel/access.ts";
import { t } from "../../kernel/errors.ts";
import { addDays, countWorkingDays, type LocalDate } from "../../kernel/time/index.ts";
import { DOCUMENT_TYPE, MODULE, zDate, zText } from "./common.ts";
import {
  S_COMMENT_MARKET,
  S_COMMENT_WD,
  S_FILING_DAYS,
  S_REVIEW_MAX,
  S_REVIEW_MIN,
  S_VALIDITY_YEARS,
} from "./settings.ts";
import { TEXT_DOCUMENT, textDocument } from "./text-document.ts";

export interface DocumentFields {
  title: string;
  issuer: "government" | "department";
  numberPrefix: string;
  marketRelated: boolean;
  draftText?: string;
  commentFrom?: string;
  commentTo?: string;
  publishedOn?: string;
  effectiveFrom?: string;
  expiresOn?: string;
  text?: string;
  channel?: string;
  websiteUrl?: string;
  cleanupResult?: string;
  lastCleanupReason?: string;
}

export const REVIEW_RESULTS = {
  passed: { zh: "合法，同意提交审议", en: "Passed" },
  passed_after_changes: { zh: "修改后合法", en: "Passed after changes" },
  not_passed: { zh: "不合法", en: "Not passed" },
};
export const CLEANUP_RESULTS = {
  remain_valid: { zh: "继续有效", en: "Remains valid" },
  amend: { zh: "修改", en: "To be amended" },
  repeal: { zh: "废止", en: "To be repealed" },
  declare_invalid: { zh: "宣布失效", en: "Declared invalid" },
};
const CHANNELS = {
  website: { zh: "区政府门户网站", en: "Government website" },
  gazette: { zh: "政府公报", en: "Government gazette" },
  media: { zh: "政务新媒体", en: "Government new media" },
};

const IN_FORCE = ["published", "filed", "filing_reviewed"] as const;

const CONSULTATION: ConsultationDecl = {
  opensOn: "open_comment",
  closesOn: "close_comment",
  fromField: "commentFrom",
  toField: "commentTo",
  draftField: "draftText",
  // 优化营商环境条例 art. 62: ≥ 30 days for documents closely related to market actors;
  // otherwise the provincial minimum (national default 7 working days, 国办发〔2018〕37号).
  minPeriod: (c, s) =>
    c.fields.marketRelated
      ? { n: s<number>(S_COMMENT_MARKET), unit: "calendar_day" }
      : { n: s<number>(S_COMMENT_WD), unit: "working_day" },
  legalBasis: {
    cites: [{ law: "优化营商环境条例", article: 62 }],
    docs: ["国办发〔2018〕37号"],
    note: "优化营商环境条例 art. 62; 国办发〔2018〕37号",
  },
};

/** Events of one action since the latest of another (e.g. reviews since the last submission). */
function since(history: StepEvent[], action: string, after: string): StepEvent[] {
  let start = -1;
  history.forEach((e, i) => {
    if (e.action === after) start = i;
  });
  return history.slice(start + 1).filter((e) => e.action === action);
}

const inputOf = (e: StepEvent | undefined) =>
  ((e?.data as { input?: Record<string, unknown> } | undefined)?.input ?? {}) as Record<
    string,
    unknown
  >;

/**
 * 国办发〔2018〕115号: 未经合法性审核或者经审核不合法的，不得提交集体审议 — the latest legality
 * review of the latest submission must have passed (with or without changes).
 */
export function latestReviewPassed(
  ctx: Pick<GuardContext<DocumentFields>, "history">,
): GuardRefusal | undefined {
  const reviews = since(ctx.history, "legality_review", "submit_review");
  const last = reviews.at(-1);
  const result = inputOf(last).result;
  if (result === "passed" || result === "passed_after_changes") return undefined;
  return {
    message: last
      ? t(
          "合法性审核结论为不合法，不得提交集体审议（国办发〔2018〕115号）；请修改后重新送审",
          "the latest legality review did not pass: the document cannot go to collective deliberation",
        )
      : t(
          "未经合法性审核，不得提交集体审议（国办发〔2018〕115号）",
          "the document has not passed a legality review: it cannot go to collective deliberation",
        ),
  };
}

/**
 * Who reviews (国办发〔2018〕115号 审核主体): a document issued in the name of the district
 * government by the government's reviewing body (here the region's rule-of-law office);
 * a department's own document by the department's legal body (a legal reviewer of the
 * drafting unit).
 */
function reviewerGuard(ctx: GuardContext<DocumentFields>): GuardRefusal | undefined {
  const a = ctx.w.actor;
  if (ctx.case.fields.issuer === "government") {
    if (a.scope === "region" && can(a, "region.oversee")) return undefined;
    return {
      message: t(
        "以区政府名义制发的规范性文件，由区政府合法性审核机构（法治办）审核",
        "a district-government document is reviewed by the government's reviewing body (the rule-of-law office)",
      ),
    };
  }
  if (a.unitId === ctx.case.unitId && can(a, "legal_review.sign")) return undefined;
  return {
    message: t(
      "部门制发的规范性文件，由本部门法制审核机构（法制审核人员）审核",
      "a department's document is reviewed by its own legal body (a legal reviewer of the unit)",
    ),
  };
}

/** 国办发〔2018〕115号: 审核时间一般不少于5个工作日 (a setting). */
function reviewMinimum(ctx: GuardContext<DocumentFields>): GuardRefusal | undefined {
  const submitted = [...ctx.history].reverse().find((e) => e.action === "submit_review");
  if (!submitted) return undefined;
  const min = ctx.settings<number>(S_REVIEW_MIN);
  const n = countWorkingDays(ctx.calendar.probe(), submitted.onDate, ctx.onDate);
  if (n >= min) return undefined;
  return {
    message: t(
      `合法性审核时间不得少于${min}个工作日（自送审之日起，现为${n}个工作日；国办发〔2018〕115号）`,
      `a legality review takes at least ${min} working days from submission (it has been ${n})`,
    ),
  };
}

/** 优化营商环境条例 art. 63: a fair-competition review first, for documents related to market actors. */
function fairCompetitionDone(ctx: GuardContext<DocumentFields>): GuardRefusal | undefined {
  if (!ctx.case.fields.marketRelated) return undefined;
  if (since(ctx.history, "fair_competition_review", "open_comment").length > 0) return undefined;
  return {
    message: t(
      "与市场主体生产经营活动密切相关的文件，送审前应当进行公平竞争审查（《优化营商环境条例》第六十三条）",
      "a document related to market actors needs a fair-competition review before the legality review",
    ),
  };
}

export const documentCaseType: CaseTypeDecl<DocumentFields> = {
  code: DOCUMENT_TYPE,
  label: { zh: "行政规范性文件", en: "Normative document" },
  module: MODULE,
  fields: z.object({
    title: L(zText(200), "文件名称", "Title"),
    issuer: labelledEnum(
      {
        government: { zh: "区人民政府（含区政府办公室）", en: "District government" },
        department: { zh: "区政府部门", en: "Government department" },
      },
      "制定机关",
      "Issuing body",
    ),
    numberPrefix: L(zText(20), "发文字号代字", "Number prefix"),
    marketRelated: L(
      z.boolean().default(false),
      "与市场主体生产经营活动密切相关",
      "Closely related to market actors",
    ),
    draftText: L(z.string().trim().max(50_000).optional(), "征求意见稿", "Draft for comment"),
  }),
  title: (f) => f.title,
  states: {
    drafting: { label: { zh: "起草", en: "Drafting" } },
    commenting: { label: { zh: "公开征求意见", en: "Public comment" } },
    commented: { label: { zh: "征求意见结束", en: "Comment closed" } },
    reviewing: { label: { zh: "合法性审核", en: "Legality review" } },
    deliberated: { label: { zh: "已集体审议", en: "Deliberated" } },
    registered: { label: { zh: "已登记编号", en: "Registered" } },
    published: { label: { zh: "已公布施行", en: "Published, in force" } },
    filed: { label: { zh: "已报备", en: "Filed" } },
    filing_reviewed: { label: { zh: "备案审查通过", en: "Filing reviewed" } },
    ended: { label: { zh: "已废止或失效", en: "Repealed or expired" }, terminal: true },
    withdrawn: { label: { zh: "停止制定", en: "Withdrawn" }, terminal: true },
  },
  initial: "drafting",
  stepFields: [
    "commentFrom",
    "commentTo",
    "publishedOn",
    "effectiveFrom",
    "expiresOn",
    "text",
    "channel",
    "websiteUrl",
    "cleanupResult",
    "lastCleanupReason",
  ],
  derived: z.object({
    publishedOn: L(zDate, "公布日期", "Published on"),
    expiresOn: L(zDate, "有效期至", "Valid until"),
    cleanupResult: labelledEnum(CLEANUP_RESULTS, "最近清理结果", "Latest clean-up result"),
  }),
  reads: { settings: [S_FILING_DAYS, S_VALIDITY_YEARS, S_REVIEW_MAX] },
  consultation: CONSULTATION,
  transitions: [
    {
      action: "open_comment",
      label: { zh: "公开征求意见", en: "Open for public comment" },
      from: ["drafting"],
      to: "commenting",
      input: z.object({
        commentFrom: L(zDate, "征求意见起始日", "First day of comment"),
        commentTo: L(zDate, "征求意见截止日", "Last day of comment"),
      }),
      setsFields: ["commentFrom", "commentTo"],
      reads: { settings: [S_COMMENT_WD, S_COMMENT_MARKET] },
      guards: [
        (ctx) =>
          ctx.case.fields.draftText
            ? undefined
            : {
                message: t("请先填写征求意见稿", "the draft's text is needed before comment opens"),
              },
        commentPeriodGuard({ consultation: CONSULTATION }),
      ],
    },
    {
      action: "close_comment",
      label: { zh: "结束征求意见", en: "Close public comment" },
      from: ["commenting"],
      to: "commented",
      input: z.object({
        marketViews: L(
          z.string().trim().max(2000).optional(),
          "市场主体、行业协会商会意见听取情况",
          "Views of market actors and trade associations",
        ),
      }),
      guards: [
        (ctx) =>
          ctx.case.fields.commentTo && ctx.onDate <= ctx.case.fields.commentTo
            ? {
                message: t(
                  `征求意见期限至${ctx.case.fields.commentTo}，期满后方可结束`,
                  `the comment period runs until ${ctx.case.fields.commentTo}`,
                ),
              }
            : undefined,
        // 优化营商环境条例 art. 62: 充分听取市场主体、行业协会商会的意见.
        (ctx) =>
          ctx.case.fields.marketRelated && !String(ctx.input.marketViews ?? "").trim()
            ? {
                field: "marketViews",
                message: t(
                  "与市场主体生产经营活动密切相关的文件，应当听取市场主体、行业协会商会的意见（《优化营商环境条例》第六十二条）",
                  "record the views of market actors and trade associations (优化营商环境条例 art. 62)",
                ),
              }
            : undefined,
      ],
    },
    {
      action: "fair_competition_review",
      label: { zh: "公平竞争审查", en: "Fair-competition review" },
      from: ["commented"],
      to: "=",
      input: z.object({
        result: labelledEnum(
          {
            compliant: { zh: "不排除、限制竞争", en: "No restriction of competition" },
            revised: { zh: "已修改排除、限制竞争的内容", en: "Restrictions removed" },
          },
          "审查结论",
          "Conclusion",
        ),
        opinion: L(zText(2000), "审查意见", "Opinion"),
      }),
    },
    {
      action: "submit_review",
      label: { zh: "送交合法性审核", en: "Submit for legality review" },
      from: ["commented"],
      to: "reviewing",
      input: z.object({
        materials: L(
          zText(1000),
          "送审材料（起草说明、制定依据、征求意见及采纳情况）",
          "Materials submitted",
        ),
      }),
      guards: [fairCompetitionDone],
    },
    {
      action: "legality_review",
      label: { zh: "出具合法性审核意见", en: "Legality review opinion" },
      from: ["reviewing"],
      to: "=",
      input: z.object({
        result: labelledEnum(REVIEW_RESULTS, "审核结论", "Result"),
        opinion: L(zText(5000), "审核意见", "Opinion"),
      }),
      // Imported history keeps the result, which `deliberate` reads (latestReviewPassed).
      importsInput: ["result", "opinion"],
      reads: { settings: [S_REVIEW_MIN] },
      guards: [reviewerGuard, reviewMinimum],
    },
    {
      action: "revise",
      label: { zh: "修改后重新送审", en: "Revise and resubmit" },
      from: ["reviewing"],
      to: "commented",
      input: z.object({ changes: L(zText(2000), "修改情况", "Changes made") }),
      guards: [
        (ctx) =>
          since(ctx.history, "legality_review", "submit_review").length > 0
            ? undefined
            : { message: t("尚无审核意见，无须修改", "there is no review opinion to answer yet") },
      ],
    },
    {
      action: "deliberate",
      label: { zh: "集体审议", en: "Collective deliberation" },
      from: ["reviewing"],
      to: "deliberated",
      input: z.object({
        meeting: L(zText(200), "审议会议", "Meeting"),
        minutes: L(zText(2000), "会议纪要（审议意见）", "Minutes"),
      }),
      guards: [latestReviewPassed],
    },
    {
      action: "register",
      label: { zh: "统一登记、编号", en: "Register and number" },
      from: ["deliberated"],
      to: "registered",
      issues: ["document"],
    },
    {
      action: "publish",
      label: { zh: "公布", en: "Publish" },
      from: ["registered"],
      to: "published",
      input: z.object({
        channel: labelledEnum(CHANNELS, "公布载体", "Published in"),
        websiteUrl: L(z.string().trim().max(500).optional(), "网站地址", "Web address"),
        effectiveFrom: L(zDate, "施行日期", "In force from"),
        text: L(zText(100_000), "正式文本", "Text"),
      }),
      setsFields: ["channel", "websiteUrl", "effectiveFrom", "text"],
      derive: (ctx) => {
        const from = String(ctx.input.effectiveFrom);
        const years = ctx.settings<number>(S_VALIDITY_YEARS);
        const y = Number(from.slice(0, 4)) + years;
        return {
          publishedOn: ctx.onDate,
          expiresOn: addDays(`${y}${from.slice(4)}` as LocalDate, -1),
        };
      },
      reads: { settings: [S_VALIDITY_YEARS] },
      guards: [
        (ctx) =>
          String(ctx.input.effectiveFrom) < ctx.onDate
            ? {
                field: "effectiveFrom",
                message: t(
                  "施行日期不得早于公布日期；未经公布的不得作为行政管理依据（《优化营商环境条例》第六十四条）",
                  "a document cannot take effect before it is published",
                ),
              }
            : undefined,
      ],
    },
    {
      action: "file",
      label: { zh: "报备", en: "File" },
      from: ["published"],
      to: "filed",
      input: z.object({
        filedWith: L(zText(200), "报备机关", "Filed with"),
        npcReceipt: L(
          z.string().trim().max(100).optional(),
          "区人大常委会备案回执",
          "Receipt of the people's congress standing committee",
        ),
      }),
      guards: [
        (ctx) =>
          ctx.case.fields.issuer === "government" && !String(ctx.input.npcReceipt ?? "").trim()
            ? {
                field: "npcReceipt",
                message: t(
                  "区政府规范性文件应当同时报区人大常委会备案，请填写备案回执",
                  "a district-government document is also filed with the people's congress standing committee: give its receipt",
                ),
              }
            : undefined,
      ],
    },
    {
      action: "filing_feedback",
      label: { zh: "备案审查反馈", en: "Filing review feedback" },
      from: ["filed"],
      to: "filing_reviewed",
      viaLink: ["reviews"],
      input: z.object({
        result: labelledEnum(
          {
            no_problem: { zh: "未发现问题", en: "No problem found" },
            correction_required: { zh: "责令纠正", en: "Correction required" },
          },
          "审查结论",
          "Conclusion",
        ),
        opinion: L(zText(2000), "审查意见", "Opinion"),
      }),
    },
    {
      action: "cleanup",
      label: { zh: "清理", en: "Clean-up result" },
      from: [...IN_FORCE],
      to: "=",
      input: z.object({
        campaign: L(zText(200), "清理活动", "Clean-up campaign"),
        cleanupResult: labelledEnum(CLEANUP_RESULTS, "清理结果", "Result"),
        lastCleanupReason: L(zText(1000), "理由", "Reason"),
      }),
      setsFields: ["cleanupResult", "lastCleanupReason"],
    },
    {
      action: "evaluate",
      label: { zh: "评估", en: "Post-evaluation" },
      from: [...IN_FORCE],
      to: "=",
      input: z.object({
        conclusion: labelledEnum(
          {
            continue: { zh: "继续实施", en: "Continue" },
            amend: { zh: "修改", en: "Amend" },
            repeal: { zh: "废止", en: "Repeal" },
          },
          "评估结论",
          "Conclusion",
        ),
        report: L(zText(5000), "评估报告", "Report"),
      }),
    },
    {
      action: "end",
      label: { zh: "废止或失效", en: "Repeal or expire" },
      from: [...IN_FORCE],
      to: "ended",
      sensitive: true,
      occasional: true,
      input: z.object({
        ground: labelledEnum(
          {
            repealed: { zh: "废止", en: "Repealed" },
            declared_invalid: { zh: "宣布失效", en: "Declared invalid" },
            expired: { zh: "有效期届满", en: "Validity ended" },
          },
          "原因",
          "Ground",
        ),
      }),
    },
    {
      action: "withdraw",
      label: { zh: "停止制定", en: "Withdraw" },
      from: ["drafting", "commenting", "commented", "reviewing", "deliberated"],
      to: "withdrawn",
      sensitive: true,
      occasional: true,
    },
  ],
  clocks: [
    {
      code: "legality_review",
      label: { zh: "合法性审核期限", en: "Legality review" },
      period: (_c, s) => ({ n: s<number>(S_REVIEW_MAX), unit: "working_day" }),
      legalBasis: "国办发〔2018〕115号",
      // The reviewing body's period ends with its opinion (115号: 审核时间…最长不超过15个工作日).
      startOn: { action: "submit_review" },
      stopOn: [
        { action: "legality_review" },
        { action: "deliberate" },
        { action: "revise" },
        { action: "withdraw" },
      ],
      restartable: true,
    },
    {
      code: "filing",
      label: { zh: "报备期限", en: "Filing deadline" },
      period: (_c, s) => ({ n: s<number>(S_FILING_DAYS), unit: "calendar_day" }),
      legalBasis: {
        cites: [{ law: "法规规章备案审查条例", article: 4 }],
        docs: ["国办发〔2018〕37号"],
        note: "国办发〔2018〕37号; 法规规章备案审查条例 art. 4",
      },
      startOn: { action: "publish" },
      stopOn: [{ action: "file" }, { action: "end" }],
    },
    {
      code: "validity",
      label: { zh: "有效期", en: "Validity" },
      period: (_c, s) => ({ n: s<number>(S_VALIDITY_YEARS) * 12, unit: "month" }),
      legalBasis: "国办发〔2018〕37号",
      startOn: { action: "publish", dateFrom: "input.effectiveFrom" },
      stopOn: [{ action: "end" }],
      dueSoon: { n: 6, unit: "month" },
    },
  ],
  numbers: [
    {
      kind: "document",
      label: { zh: "发文字号", en: "Document number" },
      prefix: (c) => c.fields.numberPrefix,
    },
  ],
  links: [
    "amends",
    "repeals",
    { code: "replaces", label: { zh: "替代", en: "Replaces" }, targets: [DOCUMENT_TYPE] },
  ],
  publicStates: [...IN_FORCE, "ended"],
  // Shown once published (the projection's condition): the portal pages in SQL.
  publicFilter: (eb, f) => eb(f.text("publishedOn"), "<>", ""),
  publicLabels: {
    number: { zh: "发文字号", en: "Number" },
    title: { zh: "文件名称", en: "Title" },
    publishedOn: { zh: "公布日期", en: "Published on" },
    effectiveFrom: { zh: "施行日期", en: "In force from" },
    expiresOn: { zh: "有效期至", en: "Valid until" },
    status: { zh: "效力状态", en: "Status" },
    procedure: { zh: "制定程序", en: "Procedure" },
    text: { zh: "正文", en: "Text" },
  },
  public: (c) =>
    c.fields.publishedOn
      ? {
          number: c.numbers.document ?? "",
          title: c.fields.title,
          publishedOn: c.fields.publishedOn,
          effectiveFrom: c.fields.effectiveFrom ?? "",
          expiresOn: c.fields.expiresOn ?? "",
          status: c.state === "ended" ? "已废止或失效" : "现行有效",
          procedure: "本规范性文件经公开征求意见、合法性审核、集体审议，统一登记、统一编号后公布",
          text: c.fields.text ?? "",
        }
      : undefined,
  search: { kind: "document", fields: ["title", "text", "draftText"] },
  documents: [textDocument],
  // The published text as public .docx and PDF attachments on the portal.
  publicFiles: [{ document: TEXT_DOCUMENT, on: "publish" }],
};
