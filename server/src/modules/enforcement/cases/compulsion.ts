/**
 * 行政强制措施·查封扣押 (seal-up and seizure) under the 行政强制法 [P] (issue 10 fault 10):
 * - approved beforehand by the body's leader — the approving user holds the leader's
 *   role and takes the `approve` step (art. 18 (一)); in an emergency imposed on the spot
 *   and approved within 24 hours after the fact, the approval recorded; a leader who
 *   disapproves has it lifted at once (art. 19);
 * - carried out by two officers with certificates, the decision and list handed over on
 *   the spot (arts. 18, 24); limited to what concerns the violation (art. 23);
 * - 30 days, extendable once by at most 30 with the leader's approval, the extension
 *   counted from the original end (the term is one period of 30 + n days, rolled once)
 *   and decided before the term ends, its decision served on the party in writing
 *   (art. 25 paras. 1–2); testing periods do not count (art. 25 para. 3);
 * - a handling decision within the term (art. 27); at the term's end without one the
 *   measure must be lifted (art. 28 (四)) — the term clock is overdue on the warning list
 *   until it is; confiscation only by a penalty decision (行政处罚法(2021) art. 9 (三)):
 *   the items go to the penalty case, not confiscated as a handling outcome.
 */
import { z } from "zod";
import type { CaseTypeDecl, GuardContext } from "../../../engines/case/index.ts";
import { basisEn, basisZh, joinBasis } from "../../../kernel/citation.ts";
import { t } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import {
  addDays,
  addPeriod,
  compareLocalDate,
  type LocalDate,
} from "../../../kernel/time/index.ts";
import {
  checkOfficers,
  L,
  labelledEnum,
  MODULE,
  PARTY_PEOPLE,
  Party,
  zCategory,
  zDay,
  zOfficers,
} from "./common.ts";
import {
  COMPULSION_DOCUMENTS,
  RELEASE_GROUND_LABELS,
  type ReleaseGround,
} from "./compulsion-documents.ts";
import { bodyName } from "./penalty/publication.ts";
import { COMPULSION } from "./rules.ts";

export const COMPULSION_TYPE = "administrative_compulsion";

const MEASURE_LABELS = {
  seal_up: { zh: "查封", en: "Seal-up" },
  seizure: { zh: "扣押", en: "Seizure" },
} as const;

export const HANDLING_LABELS = {
  penalty_case: {
    zh: "转入行政处罚程序（没收由处罚决定作出）",
    en: "To the penalty case (confiscation by its decision)",
  },
  confiscated: { zh: "依法没收", en: "Confiscated" },
  destroyed: { zh: "依法销毁", en: "Destroyed" },
  released: { zh: "解除查封、扣押", en: "Released" },
  transferred: { zh: "移送有关机关", en: "Transferred" },
} as const;

const BASIS = {
  urgent:
    "行政强制法 art. 19: 情况紧急，需要当场实施的，应当在二十四小时内向行政机关负责人报告，并补办批准手续；负责人认为不应当采取的，应当立即解除",
  notice: "行政强制法 art. 25 para. 2: 延长查封、扣押的决定应当及时书面告知当事人，并说明理由",
  lift: "行政强制法 art. 28 para. 1 (四): 查封、扣押期限已经届满的，应当及时作出解除查封、扣押决定",
  confiscation:
    "行政处罚法(2021) art. 9 (三): 没收违法所得、没收非法财物是行政处罚，依行政处罚程序作出; 行政强制法 art. 27",
} as const;

export const CompulsionFields = z.object({
  party: Party,
  category: zCategory,
  measure: labelledEnum(MEASURE_LABELS, "强制措施", "Measure"),
  items: L(
    z.array(z.string().trim().min(1).max(200)).min(1, zt("请列出物品", "list the items")).max(200),
    "查封、扣押清单",
    "Items",
  ),
  place: L(z.string().trim().min(1, "required").max(200), "地点", "Place"),
  reason: L(z.string().trim().min(1, "required").max(2000), "理由", "Reason"),
  legalBasis: L(z.string().trim().min(1, "required").max(1000), "依据", "Legal basis"),
});

interface Approver {
  onDate: LocalDate;
  userId: number;
  name: string;
}

export interface CompulsionCase extends z.infer<typeof CompulsionFields> {
  approval?: Approver;
  urgent?: boolean;
  urgencyReason?: string;
  imposedOn?: LocalDate;
  urgentApproval?: Approver & { approved: boolean; withinTime: boolean; opinion: string };
  extensionDays?: number;
  extension?: Approver & {
    days: number;
    reason: string;
    noticeNo: string;
    noticeServedOn: LocalDate;
    termEnd: LocalDate;
  };
  handling?: keyof typeof HANDLING_LABELS;
  /** The body's full name (bodies register), recorded when the measure is imposed. */
  decidingBody?: string;
  /** The release's ground (行政强制法 第二十八条第一款), its note and date (the release decision). */
  releaseGround?: ReleaseGround;
  handlingNote?: string;
  handledOn?: LocalDate;
}

type Ctx = GuardContext<CompulsionCase>;

const approver = (ctx: Ctx): Approver => ({
  onDate: ctx.onDate,
  userId: ctx.w.actor.userId,
  name: ctx.w.actor.displayName,
});

/** The term's last day: 30 days (+ the extension) from the day imposed, rolled once. */
export const termEnd = (ctx: Ctx, extra = ctx.case.fields.extensionDays ?? 0): LocalDate =>
  addPeriod(ctx.calendar, ctx.case.fields.imposedOn as LocalDate, {
    n: COMPULSION.term.value.n + extra,
    unit: "calendar_day",
  }).due;

const Decision = z.object({
  opinion: L(z.string().trim().min(1, "required").max(2000), "负责人意见", "Leader's opinion"),
});

export const compulsionCaseType: CaseTypeDecl<CompulsionCase> = {
  code: COMPULSION_TYPE,
  label: { zh: "行政强制措施（查封、扣押）", en: "Administrative compulsion (seal-up, seizure)" },
  module: MODULE,
  fields: CompulsionFields,
  title: (f) =>
    `${MEASURE_LABELS[f.measure].zh}：${f.items.slice(0, 3).join("、")}（${f.party.name}）`,
  states: {
    proposed: { label: { zh: "拟实施", en: "Proposed" } },
    approved: { label: { zh: "负责人已批准", en: "Approved by the leader" } },
    in_force: { label: { zh: "实施中", en: "In force" } },
    handled: { label: { zh: "已作出处理决定", en: "Handled" }, terminal: true },
  },
  initial: "proposed",
  transitions: [
    {
      action: "approve",
      label: { zh: "负责人批准", en: "Approve (the leader)" },
      from: ["proposed"],
      to: "approved",
      // 行政强制法 art. 18 (一): 实施前须向行政机关负责人报告并经批准.
      permission: "unit.lead",
      input: Decision,
      derive: (ctx) => ({ approval: approver(ctx) }),
    },
    {
      action: "impose",
      label: { zh: "实施查封、扣押", en: "Seal up or seize" },
      from: ["approved", "proposed"],
      to: "in_force",
      input: z.object({
        officers: zOfficers,
        listHandedOver: L(z.boolean(), "决定书和清单当场交付", "Decision and list handed over"),
        urgent: L(
          z.boolean().default(false),
          "情况紧急，当场实施（二十四小时内补办批准）",
          "Urgent: imposed on the spot (approval within 24 hours)",
        ),
        urgencyReason: L(z.string().trim().max(1000).optional(), "紧急情况", "Why urgent"),
      }),
      setsFields: ["urgent", "urgencyReason"],
      guards: [
        (ctx) => {
          if (ctx.case.state === "approved") return undefined;
          if (ctx.input.urgent === true && String(ctx.input.urgencyReason ?? "").trim())
            return undefined;
          return {
            field: ctx.input.urgent === true ? "urgencyReason" : "urgent",
            message: t(
              `实施前须经行政机关负责人批准；情况紧急当场实施的，应当写明紧急情况并在二十四小时内补办批准手续${basisZh(`${COMPULSION.approval}; ${BASIS.urgent}`)}`,
              `the leader approves before the measure is imposed; an urgent measure on the spot states why and is approved within 24 hours${basisEn(`${COMPULSION.approval}; ${BASIS.urgent}`)}`,
            ),
          };
        },
        (ctx) =>
          checkOfficers(
            ctx,
            ctx.input.officers as string[],
            COMPULSION.officers.value,
            COMPULSION.officers.basis,
          ),
        (ctx) =>
          ctx.input.listHandedOver === true
            ? undefined
            : {
                field: "listHandedOver",
                message: t(
                  "查封、扣押决定书和清单应当当场交付当事人（依据《中华人民共和国行政强制法》第二十四条）",
                  "the decision and the list of items are handed over on the spot (行政强制法 art. 24)",
                ),
              },
      ],
      // The body's full name from the bodies register, for the instruments (as a decision).
      derive: async (ctx) => ({
        imposedOn: ctx.onDate,
        decidingBody: await bodyName(ctx.w, ctx.case.unitId, ctx.case.regionCode),
      }),
    },
    {
      action: "approve_urgent",
      label: { zh: "补办批准手续", en: "Approve the urgent measure after the fact" },
      from: ["in_force"],
      to: "in_force",
      permission: "unit.lead",
      input: Decision.extend({
        approved: L(z.boolean(), "批准", "Approved"),
      }),
      guards: [
        (ctx) =>
          ctx.case.fields.urgent && !ctx.case.fields.urgentApproval
            ? undefined
            : {
                message: t(
                  "只有当场实施的紧急措施需要补办批准手续，且只补办一次",
                  "only an urgent measure imposed on the spot is approved after the fact, once",
                ),
              },
      ],
      derive: (ctx) => ({
        urgentApproval: {
          ...approver(ctx),
          approved: ctx.input.approved === true,
          // Dates only: within 24 hours means on the day imposed or the next.
          withinTime:
            compareLocalDate(ctx.onDate, addDays(ctx.case.fields.imposedOn as LocalDate, 1)) <= 0,
          opinion: ctx.input.opinion,
        },
      }),
    },
    {
      action: "extend_term",
      label: { zh: "延长查封、扣押期限", en: "Extend the term" },
      from: ["in_force"],
      to: "in_force",
      permission: "unit.lead",
      input: z.object({
        days: L(z.number().int().min(1), "延长天数", "Days"),
        reason: L(z.string().trim().min(1, "required").max(2000), "延长理由（情况复杂）", "Why"),
        noticeNo: L(
          z.string().trim().min(1, "required").max(100),
          "延长查封、扣押决定书文号",
          "Number of the extension decision",
        ),
        noticeServedOn: L(zDay, "书面告知当事人日期", "Served on the party in writing on"),
      }),
      guards: [extensionGuard],
      derive: (ctx) => {
        const days = Number(ctx.input.days);
        return {
          extensionDays: days,
          extension: {
            ...approver(ctx),
            days,
            reason: ctx.input.reason,
            noticeNo: ctx.input.noticeNo,
            noticeServedOn: ctx.input.noticeServedOn,
            termEnd: termEnd(ctx, days),
          },
        };
      },
    },
    {
      action: "decide_handling",
      label: { zh: "作出处理决定", en: "Decide how to handle the items" },
      from: ["in_force"],
      to: "handled",
      input: z.object({
        handling: labelledEnum(HANDLING_LABELS, "处理结果", "Handling"),
        releaseGround: labelledEnum(
          RELEASE_GROUND_LABELS,
          "解除的情形（解除时）",
          "Ground of the release",
        ).optional(),
        note: L(z.string().trim().max(2000).optional(), "说明", "Note"),
      }),
      setsFields: ["handling"],
      guards: [handlingGuard],
      // The release decision states its ground (行政强制法 第二十八条): as chosen, or the
      // term's end when the measure is lifted after it, else "no longer needed" (五).
      derive: (ctx) => {
        if (ctx.input.handling !== "released") {
          return { handledOn: ctx.onDate, handlingNote: ctx.input.note };
        }
        const end = ctx.case.fields.imposedOn ? termEnd(ctx) : undefined;
        const lapsed = end !== undefined && compareLocalDate(ctx.onDate, end) > 0;
        return {
          handledOn: ctx.onDate,
          handlingNote: ctx.input.note,
          releaseGround: (ctx.input.releaseGround ??
            (lapsed ? "term_ended" : "other")) as ReleaseGround,
        };
      },
    },
  ],
  clocks: [
    {
      code: "term",
      label: { zh: "查封、扣押期限", en: "Term of the seal-up or seizure" },
      // One period of 30 days plus the extension: the extension runs from the original
      // (nominal) end, not from a holiday-rolled one.
      period: (c) => ({
        n: COMPULSION.term.value.n + Number(c.fields.extensionDays ?? 0),
        unit: "calendar_day",
      }),
      legalBasis: joinBasis(
        COMPULSION.term.basis,
        COMPULSION.extension.basis,
        COMPULSION.handling,
        BASIS.lift,
      ),
      startOn: { action: "impose" },
      stopOn: [{ action: "decide_handling" }],
    },
    {
      code: "urgent_approval",
      label: { zh: "补办批准手续期限", en: "Approval of an urgent measure" },
      period: (c) => (c.fields.urgent ? { n: 24, unit: "hour" } : undefined),
      legalBasis: joinBasis(BASIS.urgent),
      startOn: { action: "impose" },
      stopOn: [{ action: "approve_urgent" }, { action: "decide_handling" }],
    },
  ],
  suspension: { clocks: ["term"], legalBasis: joinBasis(COMPULSION.testing) },
  documents: COMPULSION_DOCUMENTS,
  people: PARTY_PEOPLE.map((p) => ({ ...p })),
};

function extensionGuard(ctx: Ctx) {
  const f = ctx.case.fields;
  const basis = COMPULSION.extension.basis;
  if (f.extension) {
    return {
      message: t(
        `查封、扣押期限已于 ${f.extension.onDate} 延长过一次，不得再次延长${basisZh(basis)}`,
        `the term was extended on ${f.extension.onDate}; it can be extended only once${basisEn(basis)}`,
      ),
    };
  }
  const max = COMPULSION.extension.value.n;
  if (Number(ctx.input.days) > max) {
    return {
      field: "days",
      message: t(
        `延长期限不得超过${max}日${basisZh(basis)}`,
        `an extension is at most ${max} days${basisEn(basis)}`,
      ),
    };
  }
  const end = termEnd(ctx, 0);
  if (compareLocalDate(ctx.onDate, end) > 0) {
    return {
      message: t(
        `查封、扣押期限已于 ${end} 届满：不得再延长，应当作出处理决定或者解除${basisZh(`${basis}; ${BASIS.lift}`)}`,
        `the term ended on ${end}: it cannot be extended any more; decide or lift the measure${basisEn(`${basis}; ${BASIS.lift}`)}`,
      ),
    };
  }
  if (compareLocalDate(ctx.input.noticeServedOn as LocalDate, ctx.onDate) < 0) {
    return {
      field: "noticeServedOn",
      message: t(
        `书面告知不能早于延长决定（${ctx.onDate}）${basisZh(BASIS.notice)}`,
        `the written notice cannot precede the extension decision of ${ctx.onDate}${basisEn(BASIS.notice)}`,
      ),
    };
  }
  return undefined;
}

function handlingGuard(ctx: Ctx) {
  const f = ctx.case.fields;
  if (ctx.input.handling === "confiscated") {
    return {
      field: "handling",
      message: t(
        `没收是行政处罚，只能由行政处罚决定作出：请选择"转入行政处罚程序"，在处罚决定中决定没收${basisZh(BASIS.confiscation)}`,
        `confiscation is a penalty, decided only by a penalty decision: hand the items to the penalty case and decide it there${basisEn(BASIS.confiscation)}`,
      ),
    };
  }
  if (f.urgentApproval?.approved === false && ctx.input.handling !== "released") {
    return {
      field: "handling",
      message: t(
        `负责人 ${f.urgentApproval.onDate} 未批准该紧急措施：应当立即解除${basisZh(BASIS.urgent)}`,
        `the leader did not approve the urgent measure on ${f.urgentApproval.onDate}: it must be lifted at once${basisEn(BASIS.urgent)}`,
      ),
    };
  }
  const end = f.imposedOn ? termEnd(ctx) : undefined;
  if (end && compareLocalDate(ctx.onDate, end) > 0 && ctx.input.handling !== "released") {
    return {
      field: "handling",
      message: t(
        `查封、扣押期限已于 ${end} 届满，未在期限内作出处理决定的，应当解除${basisZh(`${COMPULSION.handling}; ${BASIS.lift}`)}`,
        `the term ended on ${end} without a decision: the measure must be lifted${basisEn(`${COMPULSION.handling}; ${BASIS.lift}`)}`,
      ),
    };
  }
  return undefined;
}
