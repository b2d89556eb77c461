/**
 * Which law governs (issue 10 fault 7). Procedure follows the law in force on the day of
 * each step (程序从新: procedure.ts `rulesOn`). Substance follows the law in force when
 * the act was committed, unless the law at the decision is lighter (2021 art. 37,
 * 从旧兼从轻): the case records the date of the violation and, for a continuing act, the
 * day it ended; filing beyond the limitation period is refused (2021 art. 36: 2 years,
 * 5 where life, health or financial security is harmed with consequences; 2017 art. 29:
 * 2 years), counted from the end of a continuing act.
 */
import { z } from "zod";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { zt } from "../../../../kernel/issue-text.ts";
import {
  addMonthsClamped,
  compareLocalDate,
  type LocalDate,
} from "../../../../kernel/time/index.ts";
import { L, zDay } from "../common.ts";
import { PENALTY_KIND_LABELS, type PenaltyKind } from "../labels.ts";
import type { Ctx } from "./fields.ts";

const LAW_2021 = "2021-07-15" as LocalDate;
const is2021 = (d: string) => compareLocalDate(d as LocalDate, LAW_2021) >= 0;

/** The violation's dates, recorded at filing. */
export const ViolationFields = {
  violationOn: L(zDay, "违法行为发生日期", "Date of the violation"),
  violationEndedOn: L(
    zDay.optional(),
    "违法行为终了日期（连续或者继续状态）",
    "Day a continuing violation ended",
  ),
  discoveredOn: L(zDay, "违法行为发现日期", "Date the violation was discovered"),
  partyAgeAtViolation: L(
    z.number().int().min(0).max(150).optional(),
    "当事人违法时年龄（由身份证号码计算）",
    "The party's age when it acted (from the ID number)",
  ),
  seriousHarm: L(
    z.boolean().default(false),
    "涉及公民生命健康安全、金融安全且有危害后果",
    "Harms life, health or financial security, with consequences (art. 36)",
  ),
};

/** The limitation period of a violation: its years and basis (从旧兼从轻 on its end date). */
export function limitationOf(end: string, seriousHarm: boolean) {
  if (!is2021(end)) {
    return { years: 2, basis: "行政处罚法(2017) art. 29: 二年内未被发现的，不再给予行政处罚 [R]" };
  }
  return seriousHarm
    ? {
        years: 5,
        basis: "行政处罚法(2021) art. 36: 涉及公民生命健康安全、金融安全且有危害后果的，延长至五年",
      }
    : { years: 2, basis: "行政处罚法(2021) art. 36: 二年内未被发现的，不再给予行政处罚" };
}

/** Checks of the filing fields: dates in order, and the violation discovered in time. */
export function checkViolation(
  f: { violationOn: string; violationEndedOn?: string; discoveredOn: string; seriousHarm: boolean },
  ctx: z.RefinementCtx,
) {
  const end = f.violationEndedOn ?? f.violationOn;
  if (
    f.violationEndedOn &&
    compareLocalDate(f.violationEndedOn as LocalDate, f.violationOn as LocalDate) < 0
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["violationEndedOn"],
      message: zt("终了日期早于发生日期", "the end is before the start"),
    });
    return;
  }
  if (compareLocalDate(f.discoveredOn as LocalDate, f.violationOn as LocalDate) < 0) {
    ctx.addIssue({
      code: "custom",
      path: ["discoveredOn"],
      message: zt("发现日期早于违法行为发生日期", "discovered before it happened"),
    });
    return;
  }
  const lim = limitationOf(end, f.seriousHarm);
  const last = addMonthsClamped(end as LocalDate, lim.years * 12);
  if (compareLocalDate(f.discoveredOn as LocalDate, last) > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["discoveredOn"],
      message: zt(
        `违法行为${f.violationEndedOn ? "终了" : "发生"}于 ${end}，${lim.years}年内（至 ${last}）未被发现，不再给予行政处罚，不予立案${basisZh(lim.basis)}`,
        `the violation ${f.violationEndedOn ? "ended" : "happened"} on ${end} and was not discovered within ${lim.years} years (by ${last}): it can no longer be penalised${basisEn(lim.basis)}`,
      ),
    });
  }
}

/** Kinds of penalty the 2017 text did not have (2017 art. 8 [R]; 2021 art. 9 added them). */
const NEW_IN_2021: PenaltyKind[] = [
  "criticism",
  "lower_qualification",
  "restrict_business",
  "close",
  "restrict_practice",
];

/** The substantive law of the act: the law when it was committed (2021 art. 37). */
export function substantiveLaw(f: { violationOn?: string; violationEndedOn?: string }) {
  const end = f.violationEndedOn ?? f.violationOn;
  return end && !is2021(end) ? "行政处罚法(2017)" : "行政处罚法(2021)";
}

/** A kind the law of the act did not provide for cannot be imposed (从旧; the new law is heavier there). */
export const substantiveLawGuard = (ctx: Ctx) => {
  if (ctx.input.decisionKind !== "penalty") return undefined;
  const f = ctx.case.fields;
  if (substantiveLaw(f) !== "行政处罚法(2017)") return undefined;
  const kinds = (ctx.input.penalties as PenaltyKind[] | undefined) ?? [];
  const added = kinds.filter((k) => NEW_IN_2021.includes(k));
  if (added.length === 0) return undefined;
  const basis = "行政处罚法(2021) art. 37; 行政处罚法(2017) art. 8 [R]";
  const names = added.map((k) => PENALTY_KIND_LABELS[k].zh).join("、");
  return {
    field: "penalties",
    message: t(
      `违法行为发生于 ${f.violationEndedOn ?? f.violationOn}，适用当时的法律（从旧兼从轻），当时没有${names}这一处罚种类${basisZh(basis)}`,
      `the act of ${f.violationEndedOn ?? f.violationOn} is judged by the law of that time (从旧兼从轻), which has no ${names}${basisEn(basis)}`,
    ),
  };
};
