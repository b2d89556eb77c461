/**
 * Field schemas every module's declarations use, written once: a civil date, a directory
 * unit's code, yuan, a count, a required text. Their messages are bilingual (`zt`), so a
 * bad field is named in the user's language like every other.
 */
import { z } from "zod";
import { INVALID_DATE, zt } from "../kernel/issue-text.ts";
import { localDateProblem } from "../kernel/time/index.ts";

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

/** Yuan, not negative, at most two decimals (fen). */
export const zYuan = z
  .number()
  .nonnegative(zt("不能为负数", "not negative"))
  .max(1e12)
  .refine(
    // With a tolerance: 9145.2 * 100 is 914519.9999999999 in binary floating point.
    (n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
    zt("最多两位小数（精确到分）", "at most two decimals (fen)"),
  );

/** A whole number, not negative. */
export const zCount = z.number().int().nonnegative(zt("不能为负数", "not negative")).max(1e9);

/** A required text of at most `max` characters (trimmed). */
export const zText = (max = 500) => z.string().trim().min(1, zt("必填", "required")).max(max);
