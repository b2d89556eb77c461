/**
 * Time limits (期限) of legal procedures: rules, suspensions, extensions, warnings.
 *
 * Suspension semantics — our reading of "所需时间不计算在期限内" (行政许可法 art. 45;
 * likewise 行政复议法 art. 39 中止, 政府信息公开条例 art. 33 third-party consultation):
 * - A suspension {from: S, to: R} stops the clock for days S+1 … R. Day S still
 *   counts; R is the day the clock resumes, and counting continues from R + 1.
 * - Working-day limits: the working days in (start, S] are used; the remaining
 *   ones are counted after R.
 * - Calendar-day limits: the days in (start, S] are used; the remaining days run
 *   after R; the last day is then rolled forward to a working day (民法典 art. 203).
 * - Month limits: the unsuspended last day (民法典 art. 202) is shifted by the
 *   calendar days suspended (R − S), then rolled forward. (Equivalently: a month
 *   period is a calendar-day period of as many days as it spans.)
 * - A suspension from a day on or after the last day (before roll-forward) of the
 *   running period has no effect: the period had already run out.
 * - `to: null` = still suspended: there is no due date yet (state "suspended").
 * Suspensions must start on or after the trigger date, end on or after they start,
 * and not overlap; only the last may be open.
 *
 * Extensions (延长, e.g. 行政复议法 art. 62 "最多不得超过三十日") add their period
 * after the suspension-adjusted due date, in their own unit: the extended period
 * starts the day after the due date and runs with the same rules (a suspension that
 * falls inside an extension stops that part of the clock too).
 *
 * Warning: "overdue" when today > due; "due_soon" when the amount of `dueSoon`'s
 * unit from today to the due date — working days in (today, due] by default — is at
 * most `dueSoon.n` (default 3 working days); "normal" otherwise and while suspended.
 *
 * `stoppedOn`: the day the required step was taken (the clock stops for good):
 * state "stopped", warning "overdue" if that day is after the due date, else "normal".
 */
import { ValidationError } from "../errors.ts";
import type { CalendarAnswer, CalendarProbe, LegalCalendar } from "./calendar.ts";
import {
  addDays,
  addMonthsClamped,
  diffDays,
  type LocalDate,
  maxDate,
  parseLocalDate,
} from "./local-date.ts";
import {
  hourDays,
  nominalEnd,
  nthWorkingDayAfter,
  type Period,
  type PeriodUnit,
  rollForward,
  validatePeriod,
} from "./period.ts";

export interface TimeLimitRule {
  /** Stable ASCII code, e.g. "penalty.hearing_request". */
  code: string;
  label: { zh: string; en: string };
  period: Period;
  /** The event that starts the period, e.g. "notice_served". */
  startEvent: string;
  /** The clause, e.g. "行政处罚法(2021) art. 64(1), art. 85". */
  legalBasis: string;
}

export interface Suspension {
  from: LocalDate;
  /** The day the clock resumes; null while still suspended. */
  to: LocalDate | null;
}

export interface Extension {
  period: Period;
  basis: string;
  approvedBy?: string;
}

export type DeadlineState = "running" | "suspended" | "stopped";
export type DeadlineWarning = "normal" | "due_soon" | "overdue";
export type CountingUnit = "working_day" | "calendar_day";

export const DEFAULT_DUE_SOON: Period = { n: 3, unit: "working_day" };

export interface DeadlineInput {
  calendar: LegalCalendar;
  rule: Pick<TimeLimitRule, "period"> & Partial<TimeLimitRule>;
  /** The trigger date (not counted). */
  start: LocalDate;
  suspensions?: readonly Suspension[];
  extensions?: readonly Extension[];
  today: LocalDate;
  dueSoon?: Period;
  stoppedOn?: LocalDate | null;
}

export interface Deadline extends CalendarAnswer {
  due: LocalDate | null;
  state: DeadlineState;
  warning: DeadlineWarning;
  /**
   * Units left: while running and not overdue, from today to the due date (working
   * days in (today, due] for a working-day rule, calendar days otherwise); while
   * suspended, the units left on the clock. Absent when overdue or stopped.
   */
  remaining?: number;
  remainingUnit?: CountingUnit;
}

interface Interval {
  from: LocalDate;
  to: LocalDate | null;
}

type SegmentResult = { end: LocalDate } | { suspended: true; left: number; unit: CountingUnit };

function checkSuspensions(list: readonly Suspension[], start: LocalDate): Interval[] {
  const sorted = list
    .map((s, i) => ({
      from: parseLocalDate(s.from, `suspensions.${i}.from`),
      to: s.to === null ? null : parseLocalDate(s.to, `suspensions.${i}.to`),
      i,
    }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  sorted.forEach((s, k) => {
    const bad = (field: string, message: string) =>
      new ValidationError(`suspension ${s.i}: ${message}`, [
        { field: `suspensions.${s.i}.${field}`, message },
      ]);
    if (s.from < start) throw bad("from", `starts ${s.from}, before the trigger date ${start}`);
    if (s.to !== null && s.to < s.from) throw bad("to", `resumes ${s.to}, before it starts`);
    const next = sorted[k + 1];
    if (next !== undefined) {
      if (s.to === null) throw bad("to", "an open suspension must be the last one");
      if (next.from < s.to) throw bad("from", `overlaps suspension ${next.i}`);
    }
  });
  return sorted.map(({ from, to }) => ({ from, to }));
}

/**
 * Runs one period from `from`, skipping the suspended days (S, R]. For calendar
 * days and months the result is rolled forward to a working day.
 */
function runSegment(
  probe: CalendarProbe,
  from: LocalDate,
  period: Period,
  suspensions: readonly Interval[],
): SegmentResult {
  const unit: CountingUnit = period.unit === "working_day" ? "working_day" : "calendar_day";
  const total = unit === "working_day" ? period.n : diffDays(from, nominalEnd(from, period));
  let cursor = from;
  let left = total;
  for (const s of suspensions) {
    if (s.to !== null && s.to <= cursor) continue; // all suspended days are already behind
    const stop = maxDate(s.from, cursor); // days (cursor, stop] run before the clock stops
    if (unit === "working_day") {
      // Only the days up to `stop` are consulted (they decide the provisional years).
      if (cursor < stop) {
        if (probe.calendar.countWorkingDays(cursor, stop) >= left) {
          return { end: probe.nthWorkingDayAfter(cursor, left) };
        }
        left -= probe.countWorkingDays(cursor, stop);
      }
    } else {
      if (diffDays(cursor, stop) >= left) {
        const end = addDays(cursor, left);
        return { end: period.unit === "hour" ? end : rollForward(probe, end) };
      }
      left -= diffDays(cursor, stop);
    }
    if (s.to === null) return { suspended: true, left, unit };
    cursor = s.to;
  }
  const end =
    unit === "working_day" ? nthWorkingDayAfter(probe, cursor, left) : addDays(cursor, left);
  // Hours run through rest days (民法典 art. 201 para. 2): no roll-forward.
  return { end: unit === "working_day" || period.unit === "hour" ? end : rollForward(probe, end) };
}

/** Working days in (from, to]; 0 when to <= from (an index lookup, working-days.ts). */
export function countWorkingDays(probe: CalendarProbe, from: LocalDate, to: LocalDate): number {
  return probe.countWorkingDays(from, to);
}

/** True when `due` is within `window` of `today` (today <= due assumed). */
function withinWindow(
  probe: CalendarProbe,
  today: LocalDate,
  due: LocalDate,
  window: Period,
): boolean {
  if (window.unit === "working_day") {
    // Working days in (today, due] <= n  ⇔  due comes before the (n+1)-th working day.
    return due < nthWorkingDayAfter(probe, today, window.n + 1);
  }
  if (window.unit === "calendar_day") return diffDays(today, due) <= window.n;
  if (window.unit === "hour") return diffDays(today, due) <= hourDays(window.n);
  return due <= addMonthsClamped(today, window.n);
}

export function computeDeadline(input: DeadlineInput): Deadline {
  const { calendar } = input;
  const start = parseLocalDate(input.start, "start");
  const today = parseLocalDate(input.today, "today");
  const stoppedOn =
    input.stoppedOn === undefined || input.stoppedOn === null
      ? null
      : parseLocalDate(input.stoppedOn, "stoppedOn");
  const dueSoon = validatePeriod(input.dueSoon ?? DEFAULT_DUE_SOON, "dueSoon");
  const segments: Period[] = [validatePeriod(input.rule.period, "rule.period")];
  (input.extensions ?? []).forEach((x, i) => {
    segments.push(validatePeriod(x.period, `extensions.${i}.period`));
    if (typeof x.basis !== "string" || x.basis.trim() === "") {
      throw new ValidationError(`extension ${i} needs a basis`, [
        { field: `extensions.${i}.basis`, message: "must not be empty" },
      ]);
    }
  });
  const suspensions = checkSuspensions(input.suspensions ?? [], start);

  const probe = calendar.probe();
  probe.touch(start);
  let cursor = start;
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k] as Period;
    const r = runSegment(probe, cursor, seg, suspensions);
    if ("suspended" in r) {
      const later = segments.slice(k + 1);
      const sameUnit = later.every((p) => countingUnit(p.unit) === r.unit && p.unit !== "month");
      const result: Deadline = {
        due: null,
        state: stoppedOn ? "stopped" : "suspended",
        warning: "normal",
        ...probe.answer(),
      };
      if (!stoppedOn && sameUnit) {
        result.remaining = r.left + later.reduce((sum, p) => sum + p.n, 0);
        result.remainingUnit = r.unit;
      }
      return result;
    }
    cursor = r.end;
  }
  const due = cursor;

  if (stoppedOn) {
    return {
      due,
      state: "stopped",
      warning: stoppedOn > due ? "overdue" : "normal",
      ...probe.answer(),
    };
  }
  if (today > due) return { due, state: "running", warning: "overdue", ...probe.answer() };
  const warning: DeadlineWarning = withinWindow(probe, today, due, dueSoon) ? "due_soon" : "normal";
  const unit = countingUnit(input.rule.period.unit);
  const remaining =
    unit === "working_day" ? countWorkingDays(probe, today, due) : diffDays(today, due);
  return { due, state: "running", warning, remaining, remainingUnit: unit, ...probe.answer() };
}

function countingUnit(unit: PeriodUnit): CountingUnit {
  return unit === "working_day" ? "working_day" : "calendar_day";
}
