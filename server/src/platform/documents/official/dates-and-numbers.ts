import { ValidationError } from "../../../kernel/errors.ts";
import { localDateProblem } from "../../../kernel/time/local-date.ts";

// ─── Helpers that modules use ───────────────────────────────────────────────────────

/**
 * The date as the standard writes it (7.3.5, Arabic numerals since 2012, no leading
 * zeros): "2020-09-30" → "2020年9月30日". Throws a ValidationError on a malformed date.
 */
export function formatChineseDate(date: string): string {
  const problem = localDateProblem(date);
  if (problem) throw new ValidationError(problem, [{ field: "date", message: problem }]);
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A document number (发文字号, 7.2.4): issuer code, year in 六角括号, sequence without
 * leading zeros and without 第 — documentNumber("武隆府发", 2020, 12) = "武隆府发〔2020〕12号".
 */
export function documentNumber(code: string, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${code}〔${year}〕${sequence}号`;
}

const DIGITS = "〇一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99)
    throw new RangeError(`heading number ${n} out of 1–99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}
