/**
 * Working-day ordinals per year: a working-day period as an index lookup (issue 9).
 *
 * A working-day period (工作日, e.g. 行政处罚法 art. 85, 行政许可法 art. 42/82) ends on
 * the N-th working day after its start (regulations.md §10; 民法典 art. 201: the day of
 * the event is not counted). Walking the calendar one day at a time costs O(days) per
 * period and was the CPU of the warning list and the overdue indicator. Here each year
 * of the calendar gets, once, a table built from the calendar's own answer for every day
 * of it (`isWorking`, i.e. the State Council notices, the statutory holidays for a
 * provisional year, and the make-up-day option): the count of working days before each
 * day of the year and the list of the year's working days. The N-th working day after a
 * date is then a lookup in one or two tables, and the working days in (from, to] a
 * subtraction.
 *
 * Pure: no clock, no I/O; built lazily from the calendar data passed in. Equivalent to
 * the day-by-day walk on every day (period.property.test.ts, working-days.test.ts).
 */
import { ValidationError } from "../errors.ts";
import { fromEpochDay, type LocalDate, localDate, toEpochDay } from "./local-date.ts";

/** One year's ordinals. */
interface YearOrdinals {
  /** Epoch day of 1 January. */
  start: number;
  /** before[i] = working days among the year's days 0 … i−1 (length: days + 1). */
  before: Uint16Array;
  /** The year's working days in order. */
  dates: LocalDate[];
}

/** Mirrors the walk's bound: the search for a working day gives up after this many rest days. */
const MAX_REST_RUN = 366;

const yearOfEpochDay = (e: number): number => new Date(e * 86_400_000).getUTCFullYear();

export class WorkingDayTable {
  readonly #years = new Map<number, YearOrdinals>();

  /** `isWorking` must be defined for every day from the calendar's first year on. */
  constructor(private readonly isWorking: (d: LocalDate) => boolean) {}

  #year(y: number): YearOrdinals {
    let t = this.#years.get(y);
    if (t === undefined) {
      const start = toEpochDay(localDate(y, 1, 1));
      const days = toEpochDay(localDate(y + 1, 1, 1)) - start;
      const before = new Uint16Array(days + 1);
      const dates: LocalDate[] = [];
      for (let i = 0; i < days; i++) {
        const d = fromEpochDay(start + i);
        const working = this.isWorking(d);
        if (working) dates.push(d);
        before[i + 1] = (before[i] as number) + (working ? 1 : 0);
      }
      t = { start, before, dates };
      this.#years.set(y, t);
    }
    return t;
  }

  /**
   * The n-th working day after `from` (n ≥ 1; `from` itself for n ≤ 0). Throws, as the
   * walk does, when more than MAX_REST_RUN rest days in a row stand in the way.
   */
  nthAfter(from: LocalDate, n: number): LocalDate {
    if (n <= 0) return from;
    let e = toEpochDay(from) + 1; // the first day counted
    let y = yearOfEpochDay(e);
    let left = n;
    let lastWorking = e - 1; // the last working day met (or the start)
    for (;;) {
      const t = this.#year(y);
      const seen = t.before[e - t.start] as number;
      const available = t.dates.length - seen;
      if (left <= available) {
        const end = t.dates[seen + left - 1] as LocalDate;
        // The gap before the answer: from the previous working day (or the start).
        const before = t.dates[seen + left - 2];
        const prev = left >= 2 && before !== undefined ? toEpochDay(before) : lastWorking;
        this.#checkRun(prev, toEpochDay(end), from);
        return end;
      }
      if (available > 0) lastWorking = toEpochDay(t.dates[t.dates.length - 1] as LocalDate);
      left -= available;
      y += 1;
      e = toEpochDay(localDate(y, 1, 1));
      this.#checkRun(lastWorking, e, from);
    }
  }

  /** Working days in (from, to]; 0 when to ≤ from. */
  countBetween(from: LocalDate, to: LocalDate): number {
    const a = toEpochDay(from) + 1;
    const b = toEpochDay(to);
    if (b < a) return 0;
    const ya = yearOfEpochDay(a);
    const yb = yearOfEpochDay(b);
    const ta = this.#year(ya);
    if (ya === yb)
      return (ta.before[b - ta.start + 1] as number) - (ta.before[a - ta.start] as number);
    let count = ta.dates.length - (ta.before[a - ta.start] as number);
    for (let y = ya + 1; y < yb; y++) count += this.#year(y).dates.length;
    const tb = this.#year(yb);
    return count + (tb.before[b - tb.start + 1] as number);
  }

  /** The walk refuses a run of more than MAX_REST_RUN rest days between two working days. */
  #checkRun(lastWorking: number, next: number, from: LocalDate): void {
    if (next - lastWorking - 1 > MAX_REST_RUN) {
      throw new ValidationError(`no working day within ${MAX_REST_RUN} days after ${from}`);
    }
  }
}
