/**
 * What the decisions module's declarations share: the module code, civil dates, text,
 * directory unit codes, and the codes several declarations use.
 */
import { z } from "zod";
import { zt } from "../../kernel/issue-text.ts";
import type { Label } from "../../kernel/labels.ts";

export { L, labelledEnum } from "../../engines/labels.ts";

export const MODULE = "decisions";
export const DECISION_TYPE = "major_decision";

/** The law the module encodes, as the citation kernel names it. */
export const LAW = "重大行政决策程序暂行条例";

/**
 * A civil date YYYY-MM-DD (a real calendar day); `format: date` in its JSON Schema, so
 * the web's forms offer a date picker.
 */
export const zDate = z.iso.date();

export const zText = (max = 500) => z.string().trim().min(1, "required").max(max);

/** A whole number, not negative. */
export const zCount = z.number().int().nonnegative(zt("不能为负数", "not negative")).max(1e9);

/** A register entry's id (an expert, an adviser, an assessor). */
export const zEntryId = z.number().int().positive();

/** A directory unit's code (a-z 0-9 _ . -), as the directory gives it. */
export const zUnitCode = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/,
    zt("应为机构名录中的单位代码", "a unit code of the directory (a-z, 0-9, _ . -)"),
  );

/** The five kinds of decision matter (重大行政决策程序暂行条例 art. 3 para. 1). */
export const MATTER_LABELS = {
  public_policy: { zh: "重大公共政策和措施", en: "Major public policy or measure" },
  plan: { zh: "重要规划", en: "Important plan" },
  resources: {
    zh: "重要自然资源、文化资源开发利用保护政策",
    en: "Natural or cultural resources policy",
  },
  public_project: { zh: "重大公共建设项目", en: "Major public construction project" },
  other: { zh: "其他重大事项", en: "Other major matter" },
} as const satisfies Record<string, Label>;

/** Social-stability risk levels, as the assessment reports grade them. */
export const RISK_LEVEL_LABELS = {
  low: { zh: "低风险", en: "Low" },
  medium: { zh: "中风险", en: "Medium" },
  high: { zh: "高风险", en: "High" },
} as const satisfies Record<string, Label>;

/** Who carried out an assessment: the undertaking unit itself or a listed third party (art. 23). */
export const ASSESSOR_KIND_LABELS = {
  unit: { zh: "决策承办单位自行评估", en: "The undertaking unit" },
  third_party: { zh: "委托第三方评估", en: "A third-party assessor" },
} as const satisfies Record<string, Label>;
