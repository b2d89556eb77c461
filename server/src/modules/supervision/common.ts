import { zDate, zUnitCode } from "../../engines/fields.ts";
import { L, labelledEnum } from "../../engines/labels.ts";

export { L, labelledEnum, zDate, zUnitCode };

export const MODULE = "supervision";

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
