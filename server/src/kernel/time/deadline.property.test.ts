import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledNotices } from "./bundled.ts";
import { LegalCalendar } from "./calendar.ts";
import { computeDeadline } from "./deadline.ts";
import { addDays, fromEpochDay, parseLocalDate, toEpochDay } from "./local-date.ts";
import { addPeriod, nominalEnd, type Period, rollForward } from "./period.ts";

const calendar = new LegalCalendar(bundledNotices());
const startArb = fc
  .integer({
    min: toEpochDay(parseLocalDate("2019-01-01")),
    max: toEpochDay(parseLocalDate("2027-06-30")),
  })
  .map(fromEpochDay);
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((n) => ({ n, unit: "working_day" as const })),
  fc.integer({ min: 1, max: 90 }).map((n) => ({ n, unit: "calendar_day" as const })),
  fc.integer({ min: 1, max: 4 }).map((n) => ({ n, unit: "month" as const })),
);

describe("computeDeadline properties", () => {
  it("without suspensions or extensions it equals addPeriod", () => {
    fc.assert(
      fc.property(startArb, periodArb, (start, period) => {
        const r = computeDeadline({ calendar, rule: { period }, start, today: start });
        const a = addPeriod(calendar, start, period);
        expect(r.due).toBe(a.due);
        expect(r.provisional).toBe(a.provisional);
      }),
    );
  });

  it("one closed suspension: the suspended days (S, R] are skipped exactly", () => {
    fc.assert(
      fc.property(
        startArb,
        periodArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (start, period, offset, length) => {
          const from = addDays(start, offset);
          const to = addDays(from, length);
          const r = computeDeadline({
            calendar,
            rule: { period },
            start,
            today: start,
            suspensions: [{ from, to }],
          });
          const plain = addPeriod(calendar, start, period).due;
          expect(r.state).toBe("running");
          expect(r.due).not.toBeNull();
          const due = r.due!;
          expect(due >= plain).toBe(true);
          if (period.unit === "working_day") {
            // N working days in (start, due] outside (S, R], and due is one of them.
            let count = 0;
            for (let x = addDays(start, 1); x <= due; x = addDays(x, 1)) {
              if ((x <= from || x > to) && calendar.isWorkingDay(x)) count += 1;
            }
            expect(count).toBe(period.n);
            expect(due <= from || due > to).toBe(true);
            expect(calendar.isWorkingDay(due)).toBe(true);
          } else {
            const end = nominalEnd(start, period);
            const shifted = from < end ? addDays(end, length) : end;
            expect(due).toBe(rollForward(calendar.probe(), shifted));
          }
        },
      ),
    );
  });

  it("an extension continues from the due date in its own unit", () => {
    fc.assert(
      fc.property(startArb, periodArb, periodArb, (start, period, ext) => {
        const r = computeDeadline({
          calendar,
          rule: { period },
          start,
          today: start,
          extensions: [{ period: ext, basis: "test" }],
        });
        const first = addPeriod(calendar, start, period).due;
        expect(r.due).toBe(addPeriod(calendar, first, ext).due);
      }),
    );
  });
});
