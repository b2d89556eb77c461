/**
 * The legal calendar: which days are working days (工作日) for counting periods.
 *
 * regulations.md §10 [I] 1: a working day is a Monday–Friday that the year's State
 * Council notice does not declare off, plus the Saturdays/Sundays it declares make-up
 * working days (调休上班日). Counting make-up days as working days is an
 * interpretation (no court ruling found), hence the `makeUpDaysAreWorkingDays` option.
 * [I] 2: every other day is a rest day (法定休假日) for the roll-forward rule of
 * 民法典 art. 203 / 民事诉讼法 art. 85.
 *
 * Years before the first loaded notice are refused. A later year without a notice is
 * answered provisionally from the statutory holidays (statutory.ts); every answer
 * says so.
 */
import { ValidationError } from "../errors.ts";
import { addDays, isWeekend, type LocalDate, parseLocalDate, yearOf } from "./local-date.ts";
import type { HolidayNotice } from "./notice.ts";
import { statutoryRestDays } from "./statutory.ts";
import { WorkingDayTable } from "./working-days.ts";

export interface LegalCalendarOptions {
  /** Count make-up working days (调休上班日) as working days. Default true. */
  makeUpDaysAreWorkingDays?: boolean;
}

export type DayKind = "workday" | "weekend" | "holiday" | "make_up_workday";

export interface CalendarAnswer {
  /** True when the answer rests on a year whose notice is not loaded. */
  provisional: boolean;
  /** The years whose notice is missing, ascending; empty when not provisional. */
  provisionalYears: number[];
}

export interface DayInfo extends CalendarAnswer {
  date: LocalDate;
  kind: DayKind;
  working: boolean;
}

/** Safety bound for searches for the next/previous working day. */
export const MAX_REST_RUN = 366;

export class LegalCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly makeUpDaysAreWorkingDays: boolean;
  readonly #notices: ReadonlyMap<number, HolidayNotice>;
  readonly #off = new Set<string>();
  readonly #workdays = new Set<string>();
  readonly #statutory = new Map<number, ReadonlySet<string>>();
  /** Working-day ordinals per year, built on first use from `dayInfo` (working-days.ts). */
  readonly #ordinals = new WorkingDayTable((d) => this.dayInfo(d).working);

  constructor(notices: readonly HolidayNotice[], options: LegalCalendarOptions = {}) {
    if (notices.length === 0) {
      throw new ValidationError("a legal calendar needs at least one holiday notice");
    }
    const byYear = new Map<number, HolidayNotice>();
    for (const n of notices) {
      if (byYear.has(n.year)) throw new ValidationError(`two holiday notices for ${n.year}`);
      byYear.set(n.year, n);
    }
    this.#notices = byYear;
    const years = [...byYear.keys()];
    this.firstYear = Math.min(...years);
    this.lastYear = Math.max(...years);
    this.makeUpDaysAreWorkingDays = options.makeUpDaysAreWorkingDays ?? true;
    const source = new Map<string, string>();
    const add = (set: Set<string>, d: LocalDate, n: HolidayNotice, what: string) => {
      if (yearOf(d) < this.firstYear) return; // outside the calendar (e.g. 2018-12-30)
      const other = source.get(d);
      if (other !== undefined && other !== what) {
        throw new ValidationError(
          `holiday notices disagree on ${d}: ${n.document} declares it ${what}, another declares it ${other}`,
        );
      }
      source.set(d, what);
      set.add(d);
    };
    for (const n of byYear.values()) {
      for (const d of n.off) add(this.#off, d, n, "off");
      for (const d of n.workdays) add(this.#workdays, d, n, "a working day");
    }
  }

  /** A new calendar with `notice` added (replacing any loaded notice for the same year). */
  withNotice(notice: HolidayNotice): LegalCalendar {
    const others = [...this.#notices.values()].filter((n) => n.year !== notice.year);
    return new LegalCalendar([...others, notice], {
      makeUpDaysAreWorkingDays: this.makeUpDaysAreWorkingDays,
    });
  }

  /** The loaded notices, oldest first. */
  notices(): HolidayNotice[] {
    return [...this.#notices.values()].sort((a, b) => a.year - b.year);
  }

  noticeFor(year: number): HolidayNotice | undefined {
    return this.#notices.get(year);
  }

  /** True when days of `year` are answered provisionally (no notice, after the first year). */
  isProvisionalYear(year: number): boolean {
    return year >= this.firstYear && !this.#notices.has(year);
  }

  /** Throws ValidationError for a date before the first loaded calendar year. */
  assertCovered(d: LocalDate): void {
    if (yearOf(d) < this.firstYear) {
      throw new ValidationError(
        `date ${d} is before the first loaded calendar year ${this.firstYear}`,
        [{ field: "date", message: `before ${this.firstYear}` }],
      );
    }
  }

  dayInfo(date: LocalDate): DayInfo {
    const d = parseLocalDate(date);
    this.assertCovered(d);
    const year = yearOf(d);
    const provisional = !this.#notices.has(year);
    let kind: DayKind;
    if (this.#workdays.has(d)) kind = isWeekend(d) ? "make_up_workday" : "workday";
    else if (this.#off.has(d) || (provisional && this.#statutoryOff(year).has(d))) kind = "holiday";
    else kind = isWeekend(d) ? "weekend" : "workday";
    const working =
      kind === "workday" || (kind === "make_up_workday" && this.makeUpDaysAreWorkingDays);
    return { date: d, kind, working, provisional, provisionalYears: provisional ? [year] : [] };
  }

  /** Whether `d` is a working day. Use `dayInfo` or a probe to learn whether it is provisional. */
  isWorkingDay(d: LocalDate): boolean {
    return this.dayInfo(d).working;
  }

  /**
   * The n-th working day after `from` (n ≥ 1), by the per-year ordinal tables. Does not
   * report provisional years: use a probe (`CalendarProbe.nthWorkingDayAfter`).
   */
  nthWorkingDayAfter(from: LocalDate, n: number): LocalDate {
    if (n > 0) this.assertCovered(addDays(parseLocalDate(from), 1));
    return this.#ordinals.nthAfter(from, n);
  }

  /** Working days in (from, to]; 0 when to ≤ from. Does not report provisional years. */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    if (parseLocalDate(to) <= parseLocalDate(from)) return 0;
    this.assertCovered(addDays(from, 1));
    return this.#ordinals.countBetween(from, to);
  }

  /** A probe that answers working-day questions and remembers the provisional years it met. */
  probe(): CalendarProbe {
    return new CalendarProbe(this);
  }

  #statutoryOff(year: number): ReadonlySet<string> {
    let set = this.#statutory.get(year);
    if (set === undefined) {
      set = new Set(statutoryRestDays(year).map((r) => r.date));
      this.#statutory.set(year, set);
    }
    return set;
  }
}

/**
 * Collects the provisional years of every day it is asked about, so that a
 * computation can report exactly the years its result depends on.
 */
export class CalendarProbe {
  readonly #years = new Set<number>();
  constructor(readonly calendar: LegalCalendar) {}

  isWorkingDay(d: LocalDate): boolean {
    const info = this.calendar.dayInfo(d);
    if (info.provisional) this.#years.add(yearOf(d));
    return info.working;
  }

  /** Marks a date's year as consulted without asking about the day. */
  touch(d: LocalDate): void {
    this.calendar.assertCovered(d);
    if (this.calendar.isProvisionalYear(yearOf(d))) this.#years.add(yearOf(d));
  }

  /** Marks every year of the days (from, to] as consulted, as a walk over them would. */
  touchBetween(from: LocalDate, to: LocalDate): void {
    if (to <= from) return;
    const first = yearOf(addDays(from, 1));
    this.calendar.assertCovered(addDays(from, 1));
    for (let y = first; y <= yearOf(to); y++) {
      if (this.calendar.isProvisionalYear(y)) this.#years.add(y);
    }
  }

  /** The n-th working day after `from` (an index lookup); remembers the years it spans. */
  nthWorkingDayAfter(from: LocalDate, n: number): LocalDate {
    const end = this.calendar.nthWorkingDayAfter(from, n);
    this.touchBetween(from, end);
    return end;
  }

  /** Working days in (from, to]; remembers the years it spans. */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    const count = this.calendar.countWorkingDays(from, to);
    this.touchBetween(from, to);
    return count;
  }

  answer(): CalendarAnswer {
    const provisionalYears = [...this.#years].sort((a, b) => a - b);
    return { provisional: provisionalYears.length > 0, provisionalYears };
  }
}
