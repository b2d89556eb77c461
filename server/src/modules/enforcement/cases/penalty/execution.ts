/**
 * Service and execution of a penalty decision, as computed values (issue 10, faults 8, 9,
 * 13): the date service takes effect, the periods the party has to challenge the decision,
 * the window for applying to the court, the party's reconsideration or litigation (cases
 * linked to the penalty case by `reviews`), and the late-payment surcharge.
 */
import { sql } from "kysely";
import {
  addDays,
  addPeriod,
  compareLocalDate,
  type LegalCalendar,
  type LocalDate,
  maxDate,
  type Period,
} from "../../../../kernel/time/index.ts";
import type { WorkTx } from "../../../../platform/work.ts";
import type { Category } from "../common.ts";
import { RECONSIDERATION_FIRST, type ReconsiderationFirst } from "../execution-settings.ts";
import type { CourtForm, CourtOutcome } from "./court-outcome.ts";
import type { Ctx, PenaltyCase } from "./fields.ts";

/** Deferred or instalment payment (行政处罚法(2021) art. 66 para. 2; 2017 text art. 52). */
export const DEFERRAL_KIND_LABELS = {
  deferral: { zh: "暂缓缴纳", en: "Deferral" },
  instalments: { zh: "分期缴纳", en: "Instalments" },
} as const;

const days = (n: number): Period => ({ n, unit: "calendar_day" });
const months = (n: number): Period => ({ n, unit: "month" });

/**
 * Service by announcement (公告送达) is deemed effective when the announcement period has
 * passed: 民事诉讼法(2021修正, in force 2022-01-01) art. 95: 自发出公告之日起，经过三十日，
 * 即视为送达; before it 民事诉讼法(2017) art. 92: 经过六十日 [R] — by the date of the
 * announcement. 行政处罚法(2021) art. 61 serves decisions under the Civil Procedure Law.
 */
export const ANNOUNCEMENT = {
  from2022: {
    value: 30,
    basis: "民事诉讼法(2021) art. 95: 自发出公告之日起，经过三十日，即视为送达",
  },
  before2022: {
    value: 60,
    basis: "民事诉讼法(2017) art. 92: 自发出公告之日起，经过六十日，即视为送达 [R]",
  },
  changeOn: "2022-01-01" as LocalDate,
} as const;

export function announcementRule(announcedOn: LocalDate) {
  return compareLocalDate(announcedOn, ANNOUNCEMENT.changeOn) < 0
    ? ANNOUNCEMENT.before2022
    : ANNOUNCEMENT.from2022;
}

/** The day service takes effect: the step's day, or the end of the announcement period. */
export function deemedServedOn(method: string, onDate: LocalDate): LocalDate {
  if (method !== "announcement") return onDate;
  return addDays(onDate, announcementRule(onDate).value);
}

/**
 * The party's periods to challenge the decision, counted from service (its deemed date):
 * reconsideration 60 days (行政复议法(2023) art. 20; 2017 text art. 9), litigation 6 months
 * (行政诉讼法 art. 46), each end rolled to the next working day (民法典 art. 203). Where
 * reconsideration must come first (a setting), only the 60 days.
 */
export const CHALLENGE = {
  reconsideration: {
    value: days(60),
    basis: "行政复议法(2023) art. 20: 知道或者应当知道该行政行为之日起六十日内提出行政复议申请",
  },
  litigation: {
    value: months(6),
    basis: "行政诉讼法 art. 46: 知道或者应当知道作出行政行为之日起六个月内提出",
  },
  court: {
    value: months(3),
    basis:
      "行政强制法 art. 53: 当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，自期限届满之日起三个月内申请人民法院强制执行",
  },
  suitAfterReconsideration: {
    value: days(15),
    basis:
      "行政诉讼法 art. 45: 公民、法人或者其他组织不服复议决定的，可以在收到复议决定书之日起十五日内向人民法院提起诉讼",
  },
  appeal: {
    value: days(15),
    basis:
      "行政诉讼法 art. 85: 当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉……逾期不提起上诉的，人民法院的第一审判决或者裁定发生法律效力",
  },
  deferral: {
    basis:
      "行政处罚法(2021) art. 72 para. 2: 当事人申请延期或者分期缴纳罚款的，申请人民法院强制执行的期限，自暂缓或者分期缴纳罚款期限结束之日起计算",
  },
} as const;

/** Does reconsideration come first for this case (the setting, by area or violation)? */
export function reconsiderationFirst(
  rule: ReconsiderationFirst,
  f: Pick<PenaltyCase, "category" | "violationCode">,
): boolean {
  return (
    rule.categories.includes(f.category as Category) ||
    (f.violationCode !== undefined && rule.violationCodes.includes(f.violationCode))
  );
}

/** The last day the party may still apply for reconsideration or sue. */
export function challengeEnd(cal: LegalCalendar, servedOn: LocalDate, first: boolean): LocalDate {
  const rec = addPeriod(cal, servedOn, CHALLENGE.reconsideration.value).due;
  if (first) return rec;
  return maxDate(rec, addPeriod(cal, servedOn, CHALLENGE.litigation.value).due);
}

/** The court window's last day: 3 months after `from`, rolled forward. */
export const courtWindowEnd = (cal: LegalCalendar, from: LocalDate) =>
  addPeriod(cal, from, CHALLENGE.court.value).due;

/** The party's reconsideration or litigation: cases reviewing this one (not file reviews). */
export interface Proceeding {
  caseType: string;
  openedOn: LocalDate;
  closedOn: LocalDate | null;
}

/** Case types that link to a penalty case by `reviews` without challenging it. */
const NOT_A_CHALLENGE = ["case_file_review"];

export async function proceedingsOf(w: WorkTx, regionCode: string, id: number) {
  const { rows } = await sql<{
    kind: string;
    review_type: string;
    opened_on: string;
    closed_on: string | null;
  }>`select kind, review_type, opened_on::text as opened_on, closed_on::text as closed_on
       from fazhi_reviews_of(${regionCode}, ${id})`.execute(w.trx);
  return rows
    .filter((r) => r.kind === "reviews" && !NOT_A_CHALLENGE.includes(r.review_type))
    .map(
      (r): Proceeding => ({
        caseType: r.review_type,
        openedOn: r.opened_on as LocalDate,
        closedOn: (r.closed_on as LocalDate | null) ?? null,
      }),
    );
}

/**
 * The day the party's challenge ends after its proceedings, and what ends it:
 * - a reconsideration decision leaves the party 15 days to sue (行政诉讼法 art. 45);
 * - a first-instance lawsuit closes when its judgment is served; the judgment takes effect
 *   only when the 15 days to appeal have passed without an appeal (行政诉讼法 art. 85) —
 *   an appeal is a second-instance case linked the same way, pending until it closes;
 * - a second-instance judgment is final when served (行政诉讼法 art. 7: 两审终审).
 * Each end rolled to a working day (民法典 art. 203); the latest end counts.
 */
export function proceedingsEndWhy(
  cal: LegalCalendar,
  proceedings: Proceeding[],
  outcomes: readonly CourtOutcome[] = [],
): { end: LocalDate; by: "reconsideration" | "appeal" | "final"; form?: CourtForm } | undefined {
  type Why = { end: LocalDate; by: "reconsideration" | "appeal" | "final"; form?: CourtForm };
  let out: Why | undefined;
  const consider = (next: Why) => {
    if (!out || compareLocalDate(next.end, out.end) > 0) out = next;
  };
  // A first-instance judgment or ruling recorded with its service date (court-outcome.ts)
  // replaces the closed lawsuit's day and the longer period (行政诉讼法 art. 85: 10 days
  // against a ruling, 15 against a judgment).
  const recordedFirst = outcomes.some((o) => o.instance === "first");
  for (const o of outcomes) {
    consider({ end: o.finalAfter, by: o.instance === "first" ? "appeal" : "final", form: o.form });
  }
  for (const p of proceedings) {
    if (p.closedOn === null) continue;
    if (isReconsideration(p)) {
      consider({
        end: addPeriod(cal, p.closedOn, CHALLENGE.suitAfterReconsideration.value).due,
        by: "reconsideration",
      });
    } else if (isSecondInstance(p)) consider({ end: p.closedOn, by: "final" });
    else if (!recordedFirst) {
      consider({ end: addPeriod(cal, p.closedOn, CHALLENGE.appeal.value).due, by: "appeal" });
    }
  }
  return out;
}

export function proceedingsEnd(cal: LegalCalendar, proceedings: Proceeding[]) {
  return proceedingsEndWhy(cal, proceedings)?.end;
}

/** An appeal (second instance) rather than a first-instance lawsuit, by its case type. */
export const isSecondInstance = (p: Proceeding) => /appeal|second_instance/.test(p.caseType);

/** A reconsideration case (the reconsideration module's, or a stand-in) rather than a lawsuit. */
export const isReconsideration = (p: Proceeding) => /reconsideration/.test(p.caseType);

/** Where the court window starts: the challenge periods' end, or the deferral's end. */
export function courtWindowFrom(ctx: Ctx, servedOn: LocalDate, deferredUntil?: LocalDate) {
  const f = ctx.case.fields;
  const first = reconsiderationFirst(ctx.settings<ReconsiderationFirst>(RECONSIDERATION_FIRST), f);
  const end = challengeEnd(ctx.calendar, servedOn, first);
  return { from: deferredUntil ? maxDate(end, deferredUntil) : end, challengeEnd: end, first };
}

const SURCHARGE_PAUSE_FROM = "2021-07-15" as LocalDate;

/**
 * Late days for the surcharge between the due date and `onDate`, leaving out the days a
 * reconsideration or litigation was pending (行政处罚法(2021) art. 73 para. 3: 加处罚款的
 * 数额在行政复议或者行政诉讼期间不予计算).
 */
export function lateDays(due: LocalDate, onDate: LocalDate, proceedings: Proceeding[]): number {
  let n = 0;
  for (let d = addDays(due, 1); compareLocalDate(d, onDate) <= 0; d = addDays(d, 1)) {
    // The 2017 text has no such rule: only days from 2021-07-15 are left out.
    const pending =
      compareLocalDate(d, SURCHARGE_PAUSE_FROM) >= 0 &&
      proceedings.some(
        (p) =>
          compareLocalDate(p.openedOn, d) <= 0 &&
          (p.closedOn === null || compareLocalDate(d, p.closedOn) <= 0),
      );
    if (!pending) n += 1;
  }
  return n;
}
