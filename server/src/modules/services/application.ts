/**
 * 办件: an application for one item of the catalogue (行政许可法 第三章第一节至第三节).
 *
 * received ─notify_completion→ awaiting_completion ─accept→ accepted ─review→ reviewed
 *   ─decide→ decided ─deliver→ delivered;   received | awaiting_completion ─reject→ not_accepted;
 *   (before the decision) ─withdraw→ withdrawn;   delivered | not_accepted ─rate→ (好差评)
 *
 * - Intake by channel (window, online, express mail); the case opens on the day the
 *   materials were received.
 * - 第三十二条: the notice to complete the materials (一次告知) within 5 working days of
 *   receipt, else the application counts as accepted from the day of receipt: a later
 *   notice is refused, and a later acceptance dates the time limits from the receipt.
 *   Acceptance issues the dated acceptance number (the written voucher).
 * - The credit check on intake (`credit.check`): recorded on the acceptance; it refuses
 *   only where the setting says so.
 * - 第四十二条第一款: the decision within the item's legal limit (20 working days unless a
 *   law provides otherwise; the item's own figure), extended once by at most 10 working
 *   days with the head's approval (the engine's extension, with the notice to the
 *   applicant); the promised limit (≤ legal) is a second clock that warns and marks the
 *   application late against the promise, without moving the legal one.
 * - 第四十五条: hearings, testing, expert review and the like are not counted
 *   (suspensions stop both clocks); the applicant is told in writing how long they take.
 * - 第三十四条第三款: on-site verification by at least two staff.
 * - 第三十八条第二款: a refusal gives its reasons. 第四十四条: a grant's licence is issued
 *   or served within 10 working days of the decision.
 */
import { z } from "zod";
import { type CaseTypeDecl, STAY } from "../../engines/case/index.ts";
import { t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import {
  APPLICATION,
  CHANNEL_LABELS,
  ITEM_REGISTER,
  L,
  labelledEnum,
  MODULE,
  zDate,
  zItemCode,
} from "./common.ts";
import {
  Applicant,
  type ApplicantData,
  acceptedFrom,
  COMPLETION_BASIS,
  COMPLETION_NOTICE_WORKING_DAYS,
  CreditDerived,
  type CreditResult,
  completionNoticeInTime,
  creditOf,
  creditRefusal,
  findItem,
  itemRefusal,
} from "./intake.ts";
import { S_REFUSE_BLACK_LISTED } from "./settings.ts";
import { conclusionFacts } from "./timing.ts";

export const OUTCOME_LABELS = {
  granted: { zh: "准予", en: "Granted" },
  refused: { zh: "不予准予", en: "Refused" },
} as const;

/** 好差评 (国办发〔2019〕51号): five grades. */
export const RATING_LABELS = {
  very_satisfied: { zh: "非常满意", en: "Very satisfied" },
  satisfied: { zh: "满意", en: "Satisfied" },
  basic: { zh: "基本满意", en: "Fairly satisfied" },
  unsatisfied: { zh: "不满意", en: "Unsatisfied" },
  very_unsatisfied: { zh: "非常不满意", en: "Very unsatisfied" },
} as const;

/** 第四十五条: procedures whose time is not counted. */
export const EXCLUDED_LABELS = {
  hearing: { zh: "听证", en: "Hearing" },
  tender: { zh: "招标、拍卖", en: "Tender or auction" },
  testing: { zh: "检验、检测、检疫", en: "Inspection, testing, quarantine" },
  appraisal: { zh: "鉴定", en: "Appraisal" },
  expert_review: { zh: "专家评审", en: "Expert review" },
  completion: { zh: "申请人补正材料", en: "The applicant completing materials" },
} as const;

const DELIVERY_LABELS = {
  window: { zh: "窗口领取", en: "Collected at the window" },
  mail: { zh: "邮寄送达", en: "By mail" },
  electronic: { zh: "电子证照", en: "Electronic licence" },
} as const;

const days = (zh: string, en: string) => L(z.number().int().min(0).max(720).optional(), zh, en);

export const ApplicationFields = z.object({
  itemCode: L(zItemCode, "申请事项（编码）", "Item (code)"),
  applicant: Applicant,
  channel: labelledEnum(CHANNEL_LABELS, "申请方式", "Channel"),
  matter: L(z.string().trim().max(500).optional(), "申请内容", "What is applied for"),
  // Set by the steps (from the catalogue and the history; never given at opening):
  itemName: L(z.string().max(200).optional(), "事项名称", "Item"),
  legalDays: days("法定办结时限（工作日）", "Legal time limit (working days)"),
  promisedDays: days("承诺办结时限（工作日）", "Promised time limit (working days)"),
  acceptedFrom: L(zDate.optional(), "受理日期（期限起算）", "Accepted from (limits run from)"),
  deemedAccepted: L(z.boolean().optional(), "逾期未告知补正视为受理", "Deemed accepted"),
  credit: CreditDerived.optional(),
  completionItems: L(z.string().max(2000).optional(), "补正材料", "Materials to complete"),
  rejectionReasons: L(z.string().max(2000).optional(), "不予受理理由", "Reasons for not accepting"),
  reviewOpinion: L(z.string().max(2000).optional(), "审查意见", "Review opinion"),
  outcome: labelledEnum(OUTCOME_LABELS, "决定结果", "Outcome").optional(),
  reasons: L(z.string().max(2000).optional(), "不予准予的理由", "Reasons for refusal"),
  workingDaysUsed: days("实际办理用时（工作日）", "Working days used"),
  extensionDays: days("延长期限（工作日）", "Extended by (working days)"),
  onTime: L(z.boolean().optional(), "在法定时限内办结", "Concluded within the legal limit"),
  withinPromise: L(z.boolean().optional(), "在承诺时限内办结", "Concluded within the promise"),
  rating: labelledEnum(RATING_LABELS, "办事评价", "Rating").optional(),
});

export interface ApplicationCase {
  itemCode: string;
  applicant: ApplicantData;
  channel: keyof typeof CHANNEL_LABELS;
  matter?: string;
  itemName?: string;
  legalDays?: number;
  promisedDays?: number;
  acceptedFrom?: string;
  deemedAccepted?: boolean;
  credit?: CreditResult;
  outcome?: keyof typeof OUTCOME_LABELS;
  rating?: string;
  [k: string]: unknown;
}

const DERIVED_AT_ACCEPT = [
  "itemName",
  "legalDays",
  "promisedDays",
  "acceptedFrom",
  "deemedAccepted",
  "credit",
] as const;
const DERIVED_AT_DECISION = [
  "workingDaysUsed",
  "extensionDays",
  "onTime",
  "withinPromise",
] as const;

const reasonText = (zh: string, en: string) =>
  L(z.string().trim().min(1, "required").max(2000), zh, en);

export const applicationCaseType: CaseTypeDecl<ApplicationCase> = {
  code: APPLICATION,
  label: { zh: "政务服务办件", en: "Service application" },
  module: MODULE,
  fields: ApplicationFields,
  title: (f) => `${f.itemName ?? f.itemCode}（${f.applicant.name}）`,
  states: {
    received: { label: { zh: "已收件", en: "Received" } },
    awaiting_completion: { label: { zh: "待补正", en: "Awaiting completion" } },
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    reviewed: { label: { zh: "已审查", en: "Reviewed" } },
    decided: { label: { zh: "已办结（待送达）", en: "Decided (to deliver)" } },
    delivered: { label: { zh: "已送达", en: "Delivered" }, terminal: true },
    not_accepted: { label: { zh: "不予受理", en: "Not accepted" }, terminal: true },
    withdrawn: { label: { zh: "申请人撤回", en: "Withdrawn" }, terminal: true },
  },
  initial: "received",
  stepFields: [...DERIVED_AT_ACCEPT, ...DERIVED_AT_DECISION],
  reads: { settings: [S_REFUSE_BLACK_LISTED] },
  numbers: [
    {
      kind: "acceptance",
      label: { zh: "受理凭证编号", en: "Acceptance number" },
      prefix: () => "武隆政务受",
    },
    {
      kind: "decision",
      label: { zh: "决定书编号", en: "Decision number" },
      prefix: () => "武隆政务决",
    },
  ],
  transitions: [
    {
      action: "notify_completion",
      label: { zh: "一次性告知补正", en: "Notify the materials to complete" },
      from: ["received"],
      to: "awaiting_completion",
      input: z.object({
        completionItems: reasonText("需补正的全部内容", "Everything to complete"),
      }),
      setsFields: ["completionItems"],
      guards: [completionNoticeInTime],
    },
    {
      action: "accept",
      label: { zh: "受理", en: "Accept" },
      from: ["received", "awaiting_completion"],
      to: "accepted",
      issues: ["acceptance"],
      reads: { settings: [S_REFUSE_BLACK_LISTED], registers: [ITEM_REGISTER] },
      guards: [itemRefusal, creditRefusal],
      derive: async (ctx) => {
        const item = (await findItem(ctx.w, ctx.case.regionCode, ctx.case.fields.itemCode))!;
        const from = acceptedFrom(ctx);
        return {
          itemName: item.name,
          legalDays: item.legalDays,
          promisedDays: item.promisedDays,
          acceptedFrom: from.date,
          deemedAccepted: from.deemed,
          credit: await creditOf(ctx),
        };
      },
    },
    {
      action: "reject",
      label: { zh: "不予受理", en: "Do not accept" },
      from: ["received", "awaiting_completion"],
      to: "not_accepted",
      input: z.object({
        rejectionReasons: reasonText("不予受理的理由", "Reasons"),
      }),
      setsFields: ["rejectionReasons"],
    },
    {
      action: "notify_excluded_time",
      label: { zh: "书面告知不计时程序", en: "Notify a procedure not counted" },
      from: ["accepted", "reviewed"],
      to: STAY,
      allowedWhileSuspended: true,
      occasional: true,
      input: z.object({
        procedure: labelledEnum(EXCLUDED_LABELS, "程序", "Procedure"),
        expectedDays: L(z.number().int().min(1).max(365), "所需时间（日）", "Time needed (days)"),
        notice: reasonText("告知内容", "Notice"),
      }),
    },
    {
      action: "review",
      label: { zh: "审查", en: "Review" },
      from: ["accepted"],
      to: "reviewed",
      input: z
        .object({
          reviewOpinion: reasonText("审查意见", "Opinion"),
          onSiteVerification: L(z.boolean().default(false), "实地核查", "On-site verification"),
          reviewers: L(
            z.array(z.string().trim().min(1).max(50)).max(10).optional(),
            "核查人员",
            "Staff verifying",
          ),
        })
        .superRefine((v, c) => {
          // 第三十四条第三款: 应当指派两名以上工作人员进行核查.
          if (v.onSiteVerification && (v.reviewers?.length ?? 0) < 2) {
            c.addIssue({
              code: "custom",
              path: ["reviewers"],
              message: zt(
                "实地核查应当指派两名以上工作人员（《中华人民共和国行政许可法》第三十四条第三款）",
                "on-site verification needs at least two staff (art. 34(3))",
              ),
            });
          }
        }),
      setsFields: ["reviewOpinion"],
    },
    {
      action: "decide",
      label: { zh: "作出决定", en: "Decide" },
      from: ["reviewed"],
      to: "decided",
      issues: ["decision"],
      input: z
        .object({
          outcome: labelledEnum(OUTCOME_LABELS, "决定结果", "Outcome"),
          reasons: L(
            z.string().trim().max(2000).optional(),
            "不予准予的理由",
            "Reasons for refusal",
          ),
        })
        .superRefine((v, c) => {
          // 第三十八条第二款: 不予行政许可的书面决定应当说明理由.
          if (v.outcome === "refused" && !v.reasons) {
            c.addIssue({
              code: "custom",
              path: ["reasons"],
              message: zt(
                "不予准予的决定应当说明理由（《中华人民共和国行政许可法》第三十八条第二款）",
                "a refusal gives its reasons (art. 38(2))",
              ),
            });
          }
        }),
      setsFields: ["outcome", "reasons"],
      derive: (ctx) => {
        const f = ctx.case.fields;
        return conclusionFacts({
          calendar: ctx.calendar,
          start: (f.acceptedFrom ?? ctx.case.openedOn) as LocalDate,
          end: ctx.onDate,
          history: ctx.history,
          legalDays: f.legalDays ?? 20,
          promisedDays: f.promisedDays || f.legalDays,
          clock: "legal",
        }) as unknown as Record<string, unknown>;
      },
    },
    {
      action: "deliver",
      label: { zh: "送达", en: "Deliver" },
      from: ["decided"],
      to: "delivered",
      input: z.object({
        method: labelledEnum(DELIVERY_LABELS, "送达方式", "How delivered"),
      }),
    },
    {
      action: "withdraw",
      label: { zh: "申请人撤回申请", en: "Withdrawn by the applicant" },
      from: ["received", "awaiting_completion", "accepted", "reviewed"],
      to: "withdrawn",
      occasional: true,
      allowedWhileSuspended: true,
      input: z.object({ note: reasonText("撤回说明", "Note") }),
    },
    {
      action: "rate",
      label: { zh: "登记办事评价（好差评）", en: "Record the applicant's rating" },
      from: ["delivered", "not_accepted"],
      to: STAY,
      occasional: true,
      input: z.object({
        rating: labelledEnum(RATING_LABELS, "办事评价", "Rating"),
        comment: L(z.string().trim().max(1000).optional(), "评价意见", "Comment"),
      }),
      setsFields: ["rating"],
      guards: [
        (ctx) =>
          ctx.case.fields.rating
            ? { message: t("该办件已有评价", "this application has been rated already") }
            : undefined,
      ],
    },
  ],
  clocks: [
    {
      code: "completeness",
      label: { zh: "补正告知期限", en: "Time to notify missing materials" },
      period: { n: COMPLETION_NOTICE_WORKING_DAYS, unit: "working_day" },
      legalBasis: COMPLETION_BASIS,
      startOn: { action: "create" },
      stopOn: [
        { action: "notify_completion" },
        { action: "accept" },
        { action: "reject" },
        { action: "withdraw" },
      ],
      dueSoon: { n: 1, unit: "working_day" },
    },
    {
      code: "legal",
      label: { zh: "法定办结时限", en: "Legal time limit" },
      period: (c) =>
        c.fields.legalDays ? { n: c.fields.legalDays, unit: "working_day" } : undefined,
      legalBasis: "《中华人民共和国行政许可法》第四十二条第一款、第八十二条",
      startOn: { action: "accept", dateFrom: "field.acceptedFrom" },
      stopOn: [{ action: "decide" }, { action: "withdraw" }],
    },
    {
      code: "promised",
      label: { zh: "承诺办结时限", en: "Promised time limit" },
      period: (c) =>
        c.fields.promisedDays ? { n: c.fields.promisedDays, unit: "working_day" } : undefined,
      legalBasis: "《优化营商环境条例》第三十六条第二款",
      startOn: { action: "accept", dateFrom: "field.acceptedFrom" },
      stopOn: [{ action: "decide" }, { action: "withdraw" }],
      dueSoon: { n: 2, unit: "working_day" },
    },
    {
      code: "delivery",
      label: { zh: "颁发、送达许可证件期限", en: "Time to issue and serve the licence" },
      period: (c) => (c.fields.outcome === "granted" ? { n: 10, unit: "working_day" } : undefined),
      legalBasis: "《中华人民共和国行政许可法》第四十四条、第八十二条",
      startOn: { action: "decide" },
      stopOn: [{ action: "deliver" }],
    },
  ],
  suspension: {
    clocks: ["legal", "promised"],
    legalBasis: "《中华人民共和国行政许可法》第四十五条",
  },
  extensions: [
    {
      clock: "legal",
      max: { n: 10, unit: "working_day" },
      maxCount: 1,
      legalBasis: "《中华人民共和国行政许可法》第四十二条第一款",
      permission: "unit.lead",
    },
  ],
  people: [{ field: "applicant", role: "applicant", idField: "idNumber", phoneField: "phone" }],
  search: { fields: ["itemCode", "itemName", "matter"] },
};
