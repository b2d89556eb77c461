import { citeZh } from "../../kernel/citation.ts";
import { t } from "../../kernel/errors.ts";
import {
  addDays,
  compareLocalDate,
  countWorkingDays,
  diffDays,
  type LocalDate,
} from "../../kernel/time/index.ts";
import type { AnyCaseType, CaseView, Guard } from "../case/declare.ts";

/**
 * The guard of a consultation's opening step: the period's first day is not before the
 * step, the last not before the first, and the period is at least the declared minimum
 * (both ends counted; working days by the legal calendar) unless the declared reason field
 * is filled in. Refusals name the field.
 */
// biome-ignore lint/suspicious/noExplicitAny: a guard for any case type's fields
export function commentPeriodGuard<F = any>(decl: Pick<AnyCaseType, "consultation">): Guard<F> {
  const k = decl.consultation;
  if (!k) throw new Error("commentPeriodGuard: the case type declares no consultation");
  return (ctx) => {
    const from = ctx.input[k.fromField] as LocalDate | undefined;
    const to = ctx.input[k.toField] as LocalDate | undefined;
    if (!from)
      return {
        field: k.fromField,
        message: t("请填写征求意见起始日", "the first day is required"),
      };
    if (!to)
      return { field: k.toField, message: t("请填写征求意见截止日", "the last day is required") };
    if (compareLocalDate(from, ctx.onDate) < 0)
      return {
        field: k.fromField,
        message: t("征求意见起始日不得早于发布之日", "the period cannot start before the step"),
      };
    if (compareLocalDate(to, from) < 0)
      return {
        field: k.toField,
        message: t("征求意见截止日不得早于起始日", "the last day is before the first"),
      };
    if (!k.minPeriod) return undefined;
    const min = k.minPeriod(ctx.case as CaseView, ctx.settings);
    const length =
      min.unit === "working_day"
        ? countWorkingDays(ctx.calendar.probe(), addDays(from, -1), to)
        : diffDays(from, to) + 1;
    if (length >= min.n) return undefined;
    const reason = k.shortPeriodReasonField
      ? String(ctx.input[k.shortPeriodReasonField] ?? "").trim()
      : "";
    if (reason) return undefined;
    const unitZh = min.unit === "working_day" ? "个工作日" : "日";
    const unitEn = min.unit === "working_day" ? "working days" : "days";
    return {
      field: k.toField,
      message: t(
        `征求意见期限不得少于${min.n}${unitZh}（现为${length}${unitZh}，依据${citeZh(k.legalBasis)}）${k.shortPeriodReasonField ? "；确需缩短的，须说明理由" : ""}`,
        `the comment period must be at least ${min.n} ${unitEn} (it is ${length})${k.shortPeriodReasonField ? "; a shorter period needs a recorded reason" : ""}`,
      ),
    };
  };
}
