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
import { penaltyRulesAt } from "./rules.ts";

export const INSPECTION_TYPE = "administrative_inspection";

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

// Seal-up and seizure: compulsion.ts (issue 10 part B).
export {
  COMPULSION_TYPE,
  type CompulsionCase,
  CompulsionFields,
  compulsionCaseType,
} from "./compulsion.ts";
