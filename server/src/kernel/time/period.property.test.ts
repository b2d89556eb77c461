import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledNotices } from "./bundled.ts";
import { LegalCalendar } from "./calendar.ts";
import { countWorkingDays } from "./deadline.ts";
import { addDays, fromEpochDay, type LocalDate, parseLocalDate, toEpochDay } from "./local-date.ts";
import { addPeriod, latestBefore, nominalEnd, type Period } from "./period.ts";

const cal = new LegalCalendar(bundledNotices());
const strict = new LegalCalendar(bundledNotices(), { makeUpDaysAreWorkingDays: false });

/** Dates from `from` to `to`, shrinking towards `from`. */
const dateIn = (from: string, to: string) =>
  fc
    .integer({ min: toEpochDay(parseLocalDate(from)), max: toEpochDay(parseLocalDate(to)) })
    .map(fromEpochDay);

// 2019 … 2029: the notice years and a few provisional years after them.
const anyDate = dateIn("2019-01-01", "2029-12-31");
const period: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((n) => ({ n, unit: "working_day" as const })),
  fc.integer({ min: 1, max: 120 }).map((n) => ({ n, unit: "calendar_day" as const })),
  fc.integer({ min: 1, max: 6 }).map((n) => ({ n, unit: "month" as const })),
);
const calendars = fc.constantFrom(cal, strict);

/** Every day in [from, to) is a rest day. */
function allRest(c: LegalCalendar, from: LocalDate, to: LocalDate): boolean {
  for (let x = from; x < to; x = addDays(x, 1)) if (c.isWorkingDay(x)) return false;
  return true;
}

describe("addPeriod properties", () => {
  it("working days: due is a working day after start, with exactly N working days in (start, due]", () => {
    fc.assert(
      fc.property(calendars, anyDate, fc.integer({ min: 1, max: 80 }), (c, start, n) => {
        const { due } = addPeriod(c, start, { n, unit: "working_day" });
        expect(due > start).toBe(true);
        expect(c.isWorkingDay(due)).toBe(true);
        expect(countWorkingDays(c.probe(), start, due)).toBe(n);
      }),
    );
  });

  it("calendar days and months: due >= the nominal end, is a working day, only rest days skipped", () => {
    fc.assert(
      fc.property(calendars, anyDate, period, (c, start, p) => {
        if (p.unit === "working_day") return;
        const end = nominalEnd(start, p);
        const { due } = addPeriod(c, start, p);
        expect(due >= end).toBe(true);
        expect(c.isWorkingDay(due)).toBe(true);
        expect(allRest(c, end, due)).toBe(true);
        if (p.unit === "calendar_day") expect(end).toBe(addDays(start, p.n));
      }),
    );
  });

  it("is monotone: start1 <= start2 ⇒ due1 <= due2", () => {
    fc.assert(
      fc.property(calendars, anyDate, fc.integer({ min: 0, max: 40 }), period, (c, s1, gap, p) => {
        const s2 = addDays(s1, gap);
        expect(addPeriod(c, s1, p).due <= addPeriod(c, s2, p).due).toBe(true);
      }),
    );
  });

  it("is provisional exactly when it touches a year after 2026", () => {
    fc.assert(
      fc.property(anyDate, period, (start, p) => {
        const r = addPeriod(cal, start, p);
        expect(r.provisional).toBe(r.provisionalYears.length > 0);
        if (r.due <= "2026-12-31") expect(r.provisional).toBe(false);
        if (r.due >= "2027-01-01") expect(r.provisionalYears).toContain(Number(r.due.slice(0, 4)));
        for (const y of r.provisionalYears) expect(y).toBeGreaterThanOrEqual(2027);
      }),
    );
  });
});

describe("latestBefore properties", () => {
  it("returns R with addPeriod(R) <= event < addPeriod(R + 1), for every unit", () => {
    fc.assert(
      fc.property(calendars, dateIn("2019-09-01", "2029-12-31"), period, (c, event, p) => {
        const r = latestBefore(c, event, p);
        expect(addPeriod(c, r.date, p).due <= event).toBe(true);
        expect(addPeriod(c, addDays(r.date, 1), p).due > event).toBe(true);
        expect(c.isWorkingDay(r.lastWorkingDay)).toBe(true);
        expect(r.lastWorkingDay <= r.date).toBe(true);
        expect(allRest(c, addDays(r.lastWorkingDay, 1), addDays(r.date, 1))).toBe(true);
      }),
    );
  });

  it("round trip: latestBefore(addPeriod(D).due) >= D", () => {
    fc.assert(
      fc.property(calendars, dateIn("2019-03-01", "2029-06-30"), period, (c, start, p) => {
        const { due } = addPeriod(c, start, p);
        expect(latestBefore(c, due, p).date >= start).toBe(true);
      }),
    );
  });
});
