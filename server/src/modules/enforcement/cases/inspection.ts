/**
 * 行政检查 (administrative inspection) and 行政强制措施·查封扣押 (seal-up and seizure), the
 * lighter enforcement case types.
 *
 * - An inspection is done by at least two officers showing valid certificates
 *   (行政处罚法(2021) arts. 42, 55; 2017 text art. 37); it may order rectification and may
 *   lead to a penalty case (linked from the penalty case as `opened_from`).
 * - A seal-up or seizure is approved by the body's leader, carried out by two officers
 *   with certificates (行政强制法 art. 18), lasts at most 30 days, extendable once by 30
 *   with approval (art. 25 para. 1); testing periods do not count (art. 25 para. 3); it
 *   ends with a handling decision within the term (art. 27).
 */

import { z } from "zod";
import type { CaseTypeDecl } from "../../../engines/case/index.ts";
import { t } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import { compareLocalDate, type LocalDate } from "../../../kernel/time/index.ts";
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
import { COMPULSION, penaltyRulesAt } from "./rules.ts";

export const INSPECTION_TYPE = "administrative_inspection";
export const COMPULSION_TYPE = "administrative_compulsion";

const INSPECTION_KIND_LABELS = {
  routine: { zh: "日常检查", en: "Routine inspection" },
  random: { zh: "双随机抽查", en: "Random inspection" },
  complaint: { zh: "投诉举报核查", en: "Checking a complaint" },
  special: { zh: "专项检查", en: "Special campaign" },
} as const;

const RESULT_LABELS = {
  no_problem: { zh: "未发现问题", en: "No problem found" },
  rectified: { zh: "已整改到位", en: "Rectified" },
  case_filed: { zh: "已立案查处", en: "A penalty case was filed" },
  transferred: { zh: "移送其他机关", en: "Transferred to another body" },
} as const;

export const InspectionFields = z.object({
  party: Party,
  category: zCategory,
  kind: labelledEnum(INSPECTION_KIND_LABELS, "检查类别", "Kind of inspection"),
  matter: L(z.string().trim().min(1, "required").max(500), "检查事项", "What is inspected"),
  legalBasis: L(z.string().trim().min(1, "required").max(1000), "检查依据", "Legal basis"),
});

export interface InspectionCase extends z.infer<typeof InspectionFields> {
  problemFound?: boolean;
  rectificationDeadline?: LocalDate;
  result?: keyof typeof RESULT_LABELS;
}

export const inspectionCaseType: CaseTypeDecl<InspectionCase> = {
  code: INSPECTION_TYPE,
  label: { zh: "行政检查", en: "Administrative inspection" },
  module: MODULE,
  fields: InspectionFields,
  title: (f) => `${f.matter}（${f.party.name}）`,
  states: {
    planned: { label: { zh: "待检查", en: "Planned" } },
    inspected: { label: { zh: "已检查", en: "Inspected" } },
    rectifying: { label: { zh: "责令整改中", en: "Rectification ordered" } },
    concluded: { label: { zh: "已办结", en: "Concluded" }, terminal: true },
  },
  initial: "planned",
  transitions: [
    {
      action: "inspect",
      label: { zh: "实施检查", en: "Inspect" },
      from: ["planned"],
      to: "inspected",
      input: z.object({
        officers: zOfficers,
        place: L(z.string().trim().min(1, "required").max(200), "检查地点", "Place"),
        findings: L(z.string().trim().min(1, "required").max(5000), "检查情况", "Findings"),
        problemFound: L(z.boolean(), "发现问题", "Problem found"),
        recorder: L(z.string().trim().max(100).optional(), "执法记录仪编号", "Body-worn recorder"),
      }),
      setsFields: ["problemFound"],
      guards: [
        (ctx) => {
          const r = penaltyRulesAt(ctx.case.openedOn).rules.officers;
          return checkOfficers(ctx, ctx.input.officers as string[], r.value, r.basis);
        },
      ],
    },
    {
      action: "order_rectification",
      label: { zh: "责令限期整改", en: "Order rectification" },
      from: ["inspected"],
      to: "rectifying",
      input: z.object({
        rectificationDeadline: L(zDay, "整改期限", "Rectify by"),
        requirements: L(
          z.string().trim().min(1, "required").max(2000),
          "整改要求",
          "What to rectify",
        ),
      }),
      setsFields: ["rectificationDeadline"],
      guards: [
        (ctx) =>
          compareLocalDate(ctx.input.rectificationDeadline as LocalDate, ctx.onDate) <= 0
            ? {
                field: "rectificationDeadline",
                message: t(`应晚于 ${ctx.onDate}`, `after ${ctx.onDate}`),
              }
            : undefined,
      ],
    },
    {
      action: "conclude",
      label: { zh: "办结", en: "Conclude" },
      from: ["inspected", "rectifying"],
      to: "concluded",
      input: z.object({
        result: labelledEnum(RESULT_LABELS, "检查结果", "Result"),
        note: L(z.string().trim().max(2000).optional(), "说明", "Note"),
      }),
      setsFields: ["result"],
    },
  ],
  people: PARTY_PEOPLE.map((p) => ({ ...p })),
  links: ["opened_from"],
};

// ─────────────────────────────────────────────────────────────────────── compulsion

const MEASURE_LABELS = {
  seal_up: { zh: "查封", en: "Seal-up" },
  seizure: { zh: "扣押", en: "Seizure" },
} as const;

const HANDLING_LABELS = {
  confiscated: { zh: "依法没收", en: "Confiscated" },
  destroyed: { zh: "依法销毁", en: "Destroyed" },
  released: { zh: "解除查封、扣押", en: "Released" },
  transferred: { zh: "移送有关机关", en: "Transferred" },
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

export interface CompulsionCase extends z.infer<typeof CompulsionFields> {
  approvedBy?: string;
  handling?: keyof typeof HANDLING_LABELS;
}

export const compulsionCaseType: CaseTypeDecl<CompulsionCase> = {
  code: COMPULSION_TYPE,
  label: { zh: "行政强制措施（查封、扣押）", en: "Administrative compulsion (seal-up, seizure)" },
  module: MODULE,
  fields: CompulsionFields,
  title: (f) =>
    `${MEASURE_LABELS[f.measure].zh}：${f.items.slice(0, 3).join("、")}（${f.party.name}）`,
  states: {
    proposed: { label: { zh: "拟实施", en: "Proposed" } },
    in_force: { label: { zh: "实施中", en: "In force" } },
    handled: { label: { zh: "已作出处理决定", en: "Handled" }, terminal: true },
  },
  initial: "proposed",
  transitions: [
    {
      action: "impose",
      label: { zh: "实施查封、扣押", en: "Seal up or seize" },
      from: ["proposed"],
      to: "in_force",
      input: z.object({
        officers: zOfficers,
        approvedBy: L(
          z.string().trim().min(1, "required").max(50),
          "批准的负责人",
          "Approved by (leader)",
        ),
        listHandedOver: L(z.boolean(), "决定书和清单当场交付", "Decision and list handed over"),
      }),
      setsFields: ["approvedBy"],
      guards: [
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
                // 行政强制法 第二十四条
                message: t(
                  "查封、扣押决定书和清单应当当场交付当事人（依据《中华人民共和国行政强制法》第二十四条）",
                  "the decision and the list of items are handed over on the spot (行政强制法 art. 24)",
                ),
              },
      ],
    },
    {
      action: "decide_handling",
      label: { zh: "作出处理决定", en: "Decide how to handle the items" },
      from: ["in_force"],
      to: "handled",
      input: z.object({
        handling: labelledEnum(HANDLING_LABELS, "处理结果", "Handling"),
        note: L(z.string().trim().max(2000).optional(), "说明", "Note"),
      }),
      setsFields: ["handling"],
    },
  ],
  clocks: [
    {
      code: "term",
      label: { zh: "查封、扣押期限", en: "Term of the seal-up or seizure" },
      period: COMPULSION.term.value,
      legalBasis: `${COMPULSION.term.basis}; ${COMPULSION.handling}`,
      startOn: { action: "impose" },
      stopOn: [{ action: "decide_handling" }],
    },
  ],
  extensions: [
    {
      clock: "term",
      max: COMPULSION.extension.value,
      // 行政强制法 art. 25 para. 1: 情况复杂的，经批准可以延长，但是延长期限不得超过三十日。
      maxCount: 1,
      maxTotal: COMPULSION.extension.value,
      legalBasis: COMPULSION.extension.basis,
      permission: "unit.lead",
    },
  ],
  suspension: { clocks: ["term"], legalBasis: COMPULSION.testing },
  people: PARTY_PEOPLE.map((p) => ({ ...p })),
};
