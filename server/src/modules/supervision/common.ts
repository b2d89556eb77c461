/**
 * What the supervision module's files share: the module code, dates, unit codes and the
 * labels of risk classes and credit severities.
 */
import { z } from "zod";
import { L, labelledEnum } from "../../engines/labels.ts";
import { INVALID_DATE, zt } from "../../kernel/issue-text.ts";
import { localDateProblem } from "../../kernel/time/index.ts";

export { L, labelledEnum };

export const MODULE = "supervision";

/** A civil date YYYY-MM-DD (a real calendar day). */
export const zDate = z.string().superRefine((v, ctx) => {
  if (localDateProblem(v)) ctx.addIssue({ code: "custom", message: INVALID_DATE });
});

/** A directory unit's code. */
export const zUnitCode = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/,
    zt("应为机构名录中的单位代码", "a unit code of the directory (a-z, 0-9, _ . -)"),
  );

/** Credit risk classes (信用风险分类, A lowest risk … D highest), 国发〔2019〕5号. */
export const RISK_LABELS = {
  A: { zh: "A类（信用风险低）", en: "A (low risk)" },
  B: { zh: "B类（信用风险一般）", en: "B (moderate risk)" },
  C: { zh: "C类（信用风险较高）", en: "C (higher risk)" },
  D: { zh: "D类（信用风险高）", en: "D (high risk)" },
} as const;

/** Severity of a breach of trust (失信), as the repair rules tier it. */
export const SEVERITY_LABELS = {
  minor: { zh: "轻微失信", en: "Minor" },
  general: { zh: "一般失信", en: "General" },
  serious: { zh: "严重失信", en: "Serious" },
} as const;
export type Severity = keyof typeof SEVERITY_LABELS;

export const zRisk = labelledEnum(RISK_LABELS, "风险等级", "Risk class");
export const zSeverity = labelledEnum(SEVERITY_LABELS, "失信程度", "Severity");
