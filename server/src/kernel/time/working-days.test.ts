/**
 * The per-year working-day ordinals (working-days.ts) against the day-by-day walk they
 * replaced: on every start day 2019–2026, for periods 1 … 60 working days, with the
 * bundled notices (holidays and make-up working days), with make-up days not counted,
 * and into the provisional years after the last notice.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledNotices } from "./bundled.ts";
import { type CalendarProbe, LegalCalendar, MAX_REST_RUN } from "./calendar.ts";
import { computeDeadline } from "./deadline.ts";
import {
  addDays,
  fromEpochDay,
  type LocalDate,
  parseLocalDate,
  toEpochDay,
  yearOf,
} from "./local-date.ts";

const cal = new LegalCalendar(bundledNotices());
const strict = new LegalCalendar(bundledNotices(), { makeUpDaysAreWorkingDays: false });
const d = (s: string) => parseLocalDate(s);

/** The walk the tables replaced (period.ts before issue 9's ordinals), on a probe. */
function walkNth(probe: CalendarProbe, from: LocalDate, n: number): LocalDate {
  let x = from;
  let left = n;
  let rest = 0;
  while (left > 0) {
    x = addDays(x, 1);
    if (probe.isWorkingDay(x)) {
      left -= 1;
      rest = 0;
    } else if (++rest > MAX_REST_RUN) {
      throw new Error(`no working day within ${MAX_REST_RUN} days after ${x}`);
    }
  }
  return x;
}

function walkCount(probe: CalendarProbe, from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let x = addDays(from, 1); x <= to; x = addDays(x, 1)) {
    if (probe.isWorkingDay(x)) count += 1;
  }
  return count;
}

describe("working-day ordinals", () => {
  for (const [name, c] of [
    ["make-up days count", cal],
    ["make-up days do not count", strict],
  ] as const) {
    it(`equal the walk on every day 2019–2026 for 1 … 60 working days (${name})`, () => {
      let checked = 0;
      for (let s = d("2018-12-31"); s <= d("2026-12-31"); s = addDays(s, 1)) {
        // One walk per start gives the 1st … 60th working day after it.
        const walked: LocalDate[] = [];
        for (let x = s; walked.length < 60; ) {
          x = addDays(x, 1);
          if (c.isWorkingDay(x)) walked.push(x);
        }
        for (let n = 1; n <= 60; n++) {
          const expected = walked[n - 1] as LocalDate;
          if (c.nthWorkingDayAfter(s, n) !== expected) {
            throw new Error(`${s} + ${n}wd: ${c.nthWorkingDayAfter(s, n)} ≠ ${expected}`);
          }
          checked += 1;
        }
        // Counts over (s, s + k] for k = 0 … 120 calendar days.
        let count = 0;
        for (let k = 0; k <= 120; k++) {
          const to = addDays(s, k);
          if (k > 0 && c.isWorkingDay(to)) count += 1;
          if (c.countWorkingDays(s, to) !== count) {
            throw new Error(`(${s}, ${to}]: ${c.countWorkingDays(s, to)} ≠ ${count}`);
          }
        }
      }
      expect(checked).toBe(2923 * 60);
    });
  }

  it("report the same provisional years as the walk (probes)", () => {
    const start = fc
      .integer({ min: toEpochDay(d("2019-01-01")), max: toEpochDay(d("2029-12-31")) })
      .map(fromEpochDay);
    fc.assert(
      fc.property(
        start,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: -30, max: 400 }),
        fc.constantFrom(cal, strict),
        (s, n, span, c) => {
          const a = c.probe();
          const b = c.probe();
          expect(a.nthWorkingDayAfter(s, n)).toBe(walkNth(b, s, n));
          expect(a.answer()).toEqual(b.answer());
          const to = addDays(s, span);
          const p = c.probe();
          const q = c.probe();
          expect(p.countWorkingDays(s, to)).toBe(walkCount(q, s, to));
          expect(p.answer()).toEqual(q.answer());
        },
      ),
    );
  });

  it("cross year ends and refuse days before the first notice like the walk", () => {
    expect(cal.nthWorkingDayAfter(d("2018-12-31"), 1)).toBe("2019-01-02"); // 1 Jan is off
    expect(cal.nthWorkingDayAfter(d("2026-12-31"), 1) > "2026-12-31").toBe(true);
    // The longest period (1000 working days, about four years) across several tables.
    const far = cal.nthWorkingDayAfter(d("2019-01-01"), 1000);
    expect(far).toBe(walkNth(cal.probe(), d("2019-01-01"), 1000));
    expect(yearOf(far)).toBe(2023);
    expect(() => cal.nthWorkingDayAfter(d("2018-12-30"), 1)).toThrow(/before the first/);
    expect(() => cal.countWorkingDays(d("2018-12-30"), d("2019-01-05"))).toThrow(
      /before the first/,
    );
    expect(cal.countWorkingDays(d("2018-12-30"), d("2018-12-30"))).toBe(0);
    expect(cal.nthWorkingDayAfter(d("2020-01-01"), 0)).toBe("2020-01-01");
  });

  it("a suspension in the middle of a working-day period: deadline equals the walk", () => {
    // 2020-09-30 + 15wd runs through the National Day week and its make-up Saturday.
    const r = computeDeadline({
      calendar: cal,
      rule: { period: { n: 15, unit: "working_day" } },
      start: d("2020-09-20"),
      today: d("2020-09-20"),
      suspensions: [{ from: d("2020-09-25"), to: d("2020-10-12") }],
    });
    // Working days (09-20, 09-25]: 21, 22, 23, 24, 25 = 5; then from 10-12 ten more.
    expect(r.due).toBe(walkNth(cal.probe(), d("2020-10-12"), 10));
  });
});
