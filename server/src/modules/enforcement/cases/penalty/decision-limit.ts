/**
 * The 90-day decision limit (行政处罚法(2021) art. 60), extended as the area's rules allow
 * (issue 10 fault 11): one extension with the head's approval (the engine's extension,
 * at most 30 days, by a user holding unit.lead), where the area's rule provides one (a
 * setting); further extension by the leaders' collective discussion held before the
 * limit ran out. A decision after the limit otherwise needs a recorded reason; it is
 * kept on the case (`decisionLimit`) and flagged in the case-file review.
 */
import { type CaseView, type ClockState, clockStatesOf } from "../../../../engines/case/index.ts";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { addPeriod, compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import type { Category } from "../common.ts";
import { DECISION_EXTENSION, type DecisionExtensionRule } from "../execution-settings.ts";
import { decisionDays } from "../settings.ts";
import { type Ctx, type PenaltyCase, rulesOf } from "./fields.ts";
import { penaltyCaseType } from "./index.ts";

export interface DecisionLimitRecord {
  due: LocalDate;
  extended: boolean;
  furtherByDiscussion: boolean;
  late: boolean;
  lateReason?: string;
}

/** The engine's extension of the decision limit: at most 30 days, once, by the head. */
export const DECISION_LIMIT_EXTENSION = {
  clock: "decision_limit",
  max: { n: 30, unit: "calendar_day" },
  maxCount: 1,
  permission: "unit.lead",
  legalBasis: {
    cites: [
      { law: "行政处罚法", version: "2021", article: 60 },
      { law: "市场监督管理行政处罚程序规定", article: 64 },
    ],
    note: "行政处罚法(2021) art. 60 (另有规定的，从其规定); 市场监督管理行政处罚程序规定 art. 64 [R]: 经负责人批准，可以延长三十日 (whether an area may extend: setting enforcement.decision_limit_extension)",
  },
} as const;

async function limitOf(ctx: Ctx): Promise<DecisionLimitRecord | undefined> {
  if (!rulesOf(ctx.case).decisionLimit) return undefined;
  const clocks = await clockStatesOf(ctx.w.trx, penaltyCaseType, ctx.case as unknown as CaseView, {
    calendar: ctx.calendar,
    asOf: ctx.onDate,
    settings: ctx.settings,
  });
  const k: ClockState | undefined = clocks.clocks.find((c) => c.clock === "decision_limit");
  if (!k?.due) return undefined;
  const f = ctx.case.fields;
  const rule =
    ctx.settings<Partial<Record<Category, DecisionExtensionRule>>>(DECISION_EXTENSION)[
      f.category as Category
    ];
  let due = k.due;
  const extended = k.extensions.length > 0 && rule !== undefined;
  // An extension where the area's rules provide none does not count (suspensions aside).
  if (k.extensions.length > 0 && !rule) {
    due = addPeriod(ctx.calendar, k.startedOn, {
      n: decisionDays(ctx.settings, f.category as Category),
      unit: "calendar_day",
    }).due;
  }
  const d = f.collectiveDiscussion;
  const furtherByDiscussion =
    rule?.furtherByDiscussion === true &&
    extended &&
    d !== undefined &&
    compareLocalDate(d.onDate, due) <= 0 &&
    compareLocalDate(ctx.onDate, due) > 0;
  const late = compareLocalDate(ctx.onDate, due) > 0 && !furtherByDiscussion;
  const reason = String(ctx.input.lateReason ?? "").trim();
  return {
    due,
    extended,
    furtherByDiscussion,
    late,
    ...(late && reason ? { lateReason: reason } : {}),
  };
}

export async function decisionLimitGuard(ctx: Ctx) {
  const r = await limitOf(ctx);
  if (!r?.late || r.lateReason) return undefined;
  const basis = rulesOf(ctx.case).decisionLimit?.basis ?? "";
  return {
    field: "lateReason",
    message: t(
      `作出处罚决定的期限已于 ${r.due} 届满${r.extended ? "（已延长）" : "，未经批准延长"}：请说明超期作出决定的理由${basisZh(basis)}`,
      `the time limit for the decision ended on ${r.due}${r.extended ? " (extended)" : " and was not extended"}: give the reason for deciding after it${basisEn(basis)}`,
    ),
  };
}

/** What the decision records about its limit (for the case-file review). */
export async function decisionLimitRecord(ctx: Ctx): Promise<Partial<PenaltyCase>> {
  const r = await limitOf(ctx);
  return r ? { decisionLimit: r } : {};
}
