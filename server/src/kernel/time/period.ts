/**
 * Periods (期间) and how they run on the legal calendar.
 *
 * Counting rules (regulations.md §10):
 * - The day of the triggering event is not counted; counting starts the next day
 *   (民法典 art. 201; 民事诉讼法 art. 85 para. 2).
 * - Working days (工作日, e.g. 行政处罚法 art. 85, 行政复议法 art. 88, 行政许可法
 *   art. 82): the due date is the N-th working day after the start.
 * - Calendar days: the last day is start + N; if it is a rest day (法定休假日) the
 *   period ends on the first working day after it (民法典 art. 203; 民诉法 art. 85 para. 3).
 * - Months: the corresponding day N months later, or the month-end when there is
 *   none (民法典 art. 202), then the same roll-forward.
 * - Hours (e.g. a 24-hour report): 民法典 art. 201 para. 2 — a period in hours runs
 *   from the moment fixed by law, and ends N hours later, rest days included (no
 *   roll-forward: art. 203 speaks of the last *day*). With a start timestamp the end is
 *   exact (`addHours`). On dates alone (this module's granularity) the start's time of
 *   day is unknown, so the period is read as ending on the latest day it could end:
 *   the start day + ceil(N / 24) calendar days — a 24-hour period from 2020-06-01
 *   (any time that day) is due by the end of 2020-06-02.
 */
import { ValidationError } from "../errors.ts";
import type { CalendarAnswer, CalendarProbe, LegalCalendar } from "./calendar.ts";
import { MAX_REST_RUN } from "./calendar.ts";
import { addDays, addMonthsClamped, type LocalDate, parseLocalDate } from "./local-date.ts";

export type PeriodUnit = "working_day" | "calendar_day" | "month" | "hour";

export interface Period {
  n: number;
  unit: PeriodUnit;
}

/** Upper bounds for n: ~4 years of working days, ~10 years of days, 20 years of months. */
export const PERIOD_LIMITS: Readonly<Record<PeriodUnit, number>> = {
  working_day: 1000,
  calendar_day: 3660,
  month: 240,
  hour: 8784,
};

const SUFFIX: Readonly<Record<PeriodUnit, string>> = {
  working_day: "wd",
  calendar_day: "d",
  month: "m",
  hour: "h",
};

/** Checks a Period value (e.g. one built in code or read from a database). */
export function validatePeriod(p: Period, field = "period"): Period {
  if (!(p.unit in PERIOD_LIMITS)) {
    throw new ValidationError(`invalid ${field}: unknown unit "${String(p.unit)}"`, [
      { field: `${field}.unit`, message: "must be working_day, calendar_day, month or hour" },
    ]);
  }
  const max = PERIOD_LIMITS[p.unit];
  if (!Number.isInteger(p.n) || p.n < 1 || p.n > max) {
    const message = `must be an integer from 1 to ${max}`;
    throw new ValidationError(`invalid ${field}: n ${message} for unit ${p.unit}, got ${p.n}`, [
      { field: `${field}.n`, message },
    ]);
  }
  return p;
}

const UNIT_OF: Readonly<Record<string, PeriodUnit>> = {
  wd: "working_day",
  d: "calendar_day",
  m: "month",
  h: "hour",
};

/** Parses "7wd" (working days), "15d" (calendar days), "3m" (months) or "24h" (hours). */
export function parsePeriod(text: string, field = "period"): Period {
  const m = /^([1-9][0-9]{0,5})(wd|d|m|h)$/.exec(text);
  if (!m) {
    const message = {
      zh: `"${text}"不是有效期间：请使用 <N>wd（工作日）、<N>d（日）、<N>m（月）或 <N>h（小时）`,
      en: `"${text}" is not a period: use <N>wd (working days), <N>d (calendar days), <N>m (months) or <N>h (hours)`,
    };
    throw new ValidationError(
      { zh: `${field}无效：${message.zh}`, en: `invalid ${field}: ${message.en}` },
      [{ field, message }],
    );
  }
  const unit = UNIT_OF[m[2] as string] as PeriodUnit;
  return validatePeriod({ n: Number(m[1]), unit }, field);
}

export function formatPeriod(p: Period): string {
  return `${p.n}${SUFFIX[p.unit]}`;
}

export interface DueDate extends CalendarAnswer {
  due: LocalDate;
}

export interface LatestDate extends CalendarAnswer {
  /** The latest date D with addPeriod(D, period).due <= event (may be a rest day). */
  date: LocalDate;
  /** The latest working day on or before `date` (for acting in office hours). */
  lastWorkingDay: LocalDate;
}

/**
 * The n-th working day after `from` (n ≥ 1): an index lookup in the calendar's per-year
 * working-day ordinals (working-days.ts), equal to walking the days one by one.
 */
export function nthWorkingDayAfter(probe: CalendarProbe, from: LocalDate, n: number): LocalDate {
  return probe.nthWorkingDayAfter(from, n);
}

/** `d` if it is a working day, else the first working day after it (民法典 art. 203). */
export function rollForward(probe: CalendarProbe, d: LocalDate): LocalDate {
  return probe.isWorkingDay(d) ? d : nthWorkingDayAfter(probe, d, 1);
}

/** `d` if it is a working day, else the last working day before it. */
export function rollBackward(probe: CalendarProbe, d: LocalDate): LocalDate {
  let cur = d;
  for (let i = 0; i <= MAX_REST_RUN; i++) {
    if (probe.isWorkingDay(cur)) return cur;
    cur = addDays(cur, -1);
  }
  throw new ValidationError(`no working day within ${MAX_REST_RUN} days before ${d}`);
}

/** Calendar days an hour period can reach on dates alone: ceil(N / 24). */
export function hourDays(n: number): number {
  return Math.ceil(n / 24);
}

/** The exact end of a period in hours from a moment (民法典 art. 201 para. 2). */
export function addHours(start: Date, n: number): Date {
  return new Date(start.getTime() + n * 3_600_000);
}

/** The last day of a calendar-day, month or hour period before roll-forward. */
export function nominalEnd(start: LocalDate, period: Period): LocalDate {
  if (period.unit === "month") return addMonthsClamped(start, period.n);
  if (period.unit === "hour") return addDays(start, hourDays(period.n));
  if (period.unit === "calendar_day") return addDays(start, period.n);
  throw new ValidationError("a working-day period has no nominal end; use addPeriod");
}

/** The due date of `period` triggered on `start` (see the counting rules above). */
export function addPeriod(cal: LegalCalendar, start: LocalDate, period: Period): DueDate {
  const s = parseLocalDate(start, "start");
  validatePeriod(period);
  const probe = cal.probe();
  probe.touch(s);
  const due = dueWith(probe, s, period);
  return { due, ...probe.answer() };
}

/** addPeriod on an existing probe (so a caller can collect provisional years across steps). */
export function dueWith(probe: CalendarProbe, start: LocalDate, period: Period): LocalDate {
  if (period.unit === "working_day") return nthWorkingDayAfter(probe, start, period.n);
  // Hours run through rest days: no roll-forward.
  if (period.unit === "hour") return nominalEnd(start, period);
  return rollForward(probe, nominalEnd(start, period));
}

/**
 * The backward form: the latest date D on which a step may be taken so that the
 * period still fits before `event`, e.g. a hearing notice "7 working days before
 * the hearing".
 *
 * Chosen reading: D is valid iff addPeriod(D, period).due <= event, i.e. the period
 * counted from the day after D (D itself not counted, 民法典 art. 201) has run out
 * on or before the event day — the event day may be the period's last day. Callers
 * who need the whole period to elapse before the event day pass the day before.
 *
 * addPeriod is monotone (non-decreasing) in its start for every unit, so the valid
 * dates form a down-set and the result R satisfies exactly:
 *   addPeriod(R).due <= event  and  addPeriod(R + 1).due > event.
 * Consequences:
 * - working days: R is the day before the N-th working day counted back from the
 *   event (event included if it is a working day); R may be a rest day;
 * - calendar days / months: with L = the last working day on or before the event,
 *   roll(x) <= event iff x <= L, so R is the latest D with nominalEnd(D) <= L
 *   (for days: R = L − N). When the event is a rest day, L < event.
 * `lastWorkingDay` is the latest working day <= R.
 */
export function latestBefore(cal: LegalCalendar, event: LocalDate, period: Period): LatestDate {
  const e = parseLocalDate(event, "event");
  validatePeriod(period);
  const probe = cal.probe();
  probe.touch(e);
  let date: LocalDate;
  if (period.unit === "working_day") {
    // Walk back over N working days, the event day included when it is one.
    let d = addDays(e, 1);
    for (let left = period.n; left > 0; ) {
      d = addDays(d, -1);
      if (probe.isWorkingDay(d)) left -= 1;
    }
    date = addDays(d, -1);
  } else if (period.unit === "hour") {
    date = addDays(e, -hourDays(period.n));
  } else {
    const last = rollBackward(probe, e);
    if (period.unit === "calendar_day") {
      date = addDays(last, -period.n);
    } else {
      // The month shift is monotone but not injective (01-29..01-31 + 1m → 02-28):
      // start from the exact counterpart and step forward while it still fits.
      date = addMonthsClamped(last, -period.n);
      while (addMonthsClamped(addDays(date, 1), period.n) <= last) date = addDays(date, 1);
    }
  }
  probe.touch(date);
  const lastWorkingDay = rollBackward(probe, date);
  return { date, lastWorkingDay, ...probe.answer() };
}
