/**
 * Two registers a body keeps on how it decides:
 *
 * - 重大执法决定法制审核目录 (`major_decision_catalogue`), one per body: the body's own
 *   criteria that make a decision "major" and so need legal review before the decision
 *   (行政处罚法 art. 58; 国办发〔2018〕118号: each agency publishes its 目录清单). The
 *   statutory categories of art. 58 — (一) major public interest, (二) major rights of a
 *   party or third party after a hearing, (三) difficult and complex cases, (四) others
 *   required by law — ALWAYS apply and are not stored here: part B applies them from the
 *   case's fields. A body adds its own thresholds (e.g. fines of 50,000 yuan or more).
 * - 行政裁量基准 (`discretion_benchmark`): per body, violation and circumstance, the fine
 *   range and other penalties. Published, like the catalogue (事前公开).
 */

import { z } from "zod";
import type { RegisterDecl } from "../../../engines/register/index.ts";
import { t, ValidationError } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import type { Label } from "../../../kernel/labels.ts";
import { labelCode, MODULE, zUnitCode, zYuan } from "./common.ts";

export const CRITERION_KINDS = [
  "fine_at_least",
  "confiscation_at_least",
  "licence_revocation",
  "stop_production",
  "other",
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const CRITERION_LABELS: Record<CriterionKind, Label> = {
  fine_at_least: { zh: "罚款数额不低于", en: "Fine of at least" },
  confiscation_at_least: {
    zh: "没收违法所得或非法财物价值不低于",
    en: "Confiscation worth at least",
  },
  licence_revocation: { zh: "吊销许可证件", en: "Revocation of a licence" },
  stop_production: { zh: "责令停产停业、责令关闭", en: "Order to stop production or close" },
  other: { zh: "其他", en: "Other" },
};

export const criterionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fine_at_least"), amount: zYuan }),
  z.object({ kind: z.literal("confiscation_at_least"), amount: zYuan }),
  z.object({ kind: z.literal("licence_revocation") }),
  z.object({ kind: z.literal("stop_production") }),
  z.object({ kind: z.literal("other"), text: z.string().trim().min(1, "required").max(1000) }),
]);
export type Criterion = z.infer<typeof criterionSchema>;

export const catalogueSchema = z.object({
  bodyUnitCode: zUnitCode,
  criteria: z.array(criterionSchema).max(100).default([]),
});
export type CatalogueData = z.infer<typeof catalogueSchema>;

const SEP = /[：:]/;

/** A criterion in an xlsx cell: 罚款数额不低于：50000 / 吊销许可证件 / 其他：涉及… */
export const criterionCodec = {
  format(v: unknown): string {
    const c = v as Criterion;
    const label = CRITERION_LABELS[c.kind]?.zh ?? c.kind;
    if (c.kind === "fine_at_least" || c.kind === "confiscation_at_least") {
      return `${label}：${c.amount}`;
    }
    if (c.kind === "other") return `${label}：${c.text}`;
    return label;
  },
  parse(text: string): unknown {
    const i = text.search(SEP);
    const head = (i < 0 ? text : text.slice(0, i)).trim();
    const rest = i < 0 ? "" : text.slice(i + 1).trim();
    const kind = labelCode(CRITERION_LABELS, head);
    if (kind === "fine_at_least" || kind === "confiscation_at_least") {
      const amount = Number(rest.replace(/[,，]/g, "").replace(/元$/, ""));
      if (!rest || !Number.isFinite(amount))
        throw new ValidationError(
          t(`“${text}”：请填写金额（元）`, `"${text}": give the amount in yuan`),
        );
      return { kind, amount };
    }
    if (kind === "other") return { kind, text: rest };
    return { kind };
  },
};

export const catalogueRegister: RegisterDecl<typeof catalogueSchema> = {
  code: "major_decision_catalogue",
  label: { zh: "重大执法决定法制审核目录", en: "Catalogue of major enforcement decisions" },
  module: MODULE,
  schema: catalogueSchema,
  columns: [
    {
      field: "bodyUnitCode",
      label: { zh: "执法主体", en: "Body" },
      kind: "text",
      ref: "unit",
      filter: true,
    },
    {
      field: "criteria",
      label: { zh: "本单位目录事项", en: "The body's criteria" },
      kind: "list",
      item: criterionCodec,
    },
  ],
  uniqueKeys: [{ name: "body", fields: ["bodyUnitCode"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `重大执法决定法制审核目录（${d.bodyUnitCode}）`,
  public: { fields: ["bodyUnitCode", "criteria"] },
  sensitive: ["delete"],
};

// ───────────────────────────────────────────────────────────── discretion benchmarks

export const CIRCUMSTANCES = ["minor", "general", "serious"] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];

export const CIRCUMSTANCE_LABELS: Record<Circumstance, Label> = {
  minor: { zh: "轻微", en: "Minor" },
  general: { zh: "一般", en: "General" },
  serious: { zh: "严重", en: "Serious" },
};

export const benchmarkSchema = z
  .object({
    bodyUnitCode: zUnitCode,
    /** The body's code for the violation (e.g. SCJG-001). */
    violationCode: z
      .string()
      .trim()
      .min(1, "required")
      .max(50)
      .regex(
        /^[0-9A-Za-z][0-9A-Za-z_.-]*$/,
        zt("只能使用字母、数字和 - _ .", "letters, digits, - _ ."),
      ),
    violation: z.string().trim().min(1, "required").max(1000),
    legalBasis: z.string().trim().min(1, "required").max(2000),
    circumstance: z.enum(CIRCUMSTANCES),
    fineMin: zYuan,
    fineMax: zYuan,
    otherPenalties: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    // issue 10: the statutory range of the provision applied (the benchmark lies within it)
    statutoryMin: zYuan.optional(),
    statutoryMax: zYuan.optional(),
  })
  .superRefine(
    (b, ctx) => {
      if (typeof b.fineMin === "number" && typeof b.fineMax === "number" && b.fineMax < b.fineMin) {
        ctx.addIssue({
          code: "custom",
          path: ["fineMax"],
          message: zt("不能低于下限", "less than the minimum"),
        });
      }
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );
export type BenchmarkData = z.infer<typeof benchmarkSchema>;

export const benchmarkRegister: RegisterDecl<typeof benchmarkSchema> = {
  code: "discretion_benchmark",
  label: { zh: "行政处罚裁量基准", en: "Discretion benchmarks" },
  module: MODULE,
  schema: benchmarkSchema,
  columns: [
    {
      field: "bodyUnitCode",
      label: { zh: "执法主体", en: "Body" },
      kind: "text",
      ref: "unit",
      filter: true,
    },
    {
      field: "violationCode",
      label: { zh: "违法行为编码", en: "Violation code" },
      kind: "text",
      filter: true,
    },
    { field: "violation", label: { zh: "违法行为", en: "Violation" }, kind: "text" },
    {
      field: "legalBasis",
      label: { zh: "处罚依据", en: "Legal basis" },
      kind: "text",
      inList: false,
    },
    {
      field: "circumstance",
      label: { zh: "违法情节", en: "Circumstance" },
      kind: "enum",
      options: CIRCUMSTANCE_LABELS,
      filter: true,
    },
    { field: "fineMin", label: { zh: "罚款下限（元）", en: "Fine from (yuan)" }, kind: "number" },
    { field: "fineMax", label: { zh: "罚款上限（元）", en: "Fine to (yuan)" }, kind: "number" },
    {
      field: "otherPenalties",
      label: { zh: "其他处罚", en: "Other penalties" },
      kind: "list",
      inList: false,
    },
    {
      field: "statutoryMin",
      label: { zh: "法定罚款下限（元）", en: "Statutory fine from (yuan)" },
      kind: "number",
      inList: false,
    },
    {
      field: "statutoryMax",
      label: { zh: "法定罚款上限（元）", en: "Statutory fine to (yuan)" },
      kind: "number",
      inList: false,
    },
  ],
  uniqueKeys: [{ name: "violation", fields: ["bodyUnitCode", "violationCode", "circumstance"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.violation}（${CIRCUMSTANCE_LABELS[d.circumstance]?.zh ?? d.circumstance}）`,
  public: {
    fields: [
      "bodyUnitCode",
      "violationCode",
      "violation",
      "legalBasis",
      "circumstance",
      "fineMin",
      "fineMax",
      "otherPenalties",
    ],
  },
  sensitive: ["delete"],
};
