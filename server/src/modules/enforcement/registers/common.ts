/**
 * What the enforcement registers share: the module code, a civil-date schema, and the
 * xlsx helpers for list items written "类别：内容".
 */

import { z } from "zod";
import { t, ValidationError } from "../../../kernel/errors.ts";
import { INVALID_DATE, zt } from "../../../kernel/issue-text.ts";
import type { Label } from "../../../kernel/labels.ts";
import { localDateProblem } from "../../../kernel/time/index.ts";

export const MODULE = "enforcement";

/** A civil date YYYY-MM-DD (a real calendar day). */
export const zDate = z.string().superRefine((v, ctx) => {
  if (localDateProblem(v)) ctx.addIssue({ code: "custom", message: INVALID_DATE });
});

/** A directory unit's code (a-z 0-9 _ . -), as the directory gives it. */
export const zUnitCode = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/,
    zt("应为机构名录中的单位代码", "a unit code of the directory (a-z, 0-9, _ . -)"),
  );

/** Yuan, at most two decimals, not negative. */
export const zYuan = z
  .number()
  .nonnegative(zt("不能为负数", "not negative"))
  .max(1e12)
  .refine(
    (n) => Math.round(n * 100) === n * 100,
    zt("最多两位小数（精确到分）", "at most two decimals (fen)"),
  );

/** The code of a label given by its code, Chinese or English text; throws naming the choices. */
export function labelCode<K extends string>(labels: Record<K, Label>, text: string): K {
  const s = text.trim();
  for (const [code, l] of Object.entries(labels) as [K, Label][]) {
    if (code === s || l.zh === s || l.en.toLowerCase() === s.toLowerCase()) return code;
  }
  const all = Object.values<Label>(labels);
  throw new ValidationError(
    t(
      `“${s}”不是可选的值（可选：${all.map((l) => l.zh).join("、")}）`,
      `"${s}" is not one of ${all.map((l) => l.en).join(", ")}`,
    ),
  );
}
