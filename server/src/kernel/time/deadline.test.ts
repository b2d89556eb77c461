import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { bundledNotices } from "./bundled.ts";
import { LegalCalendar } from "./calendar.ts";
import {
  computeDeadline,
  type DeadlineInput,
  type Suspension,
  type TimeLimitRule,
} from "./deadline.ts";
import { parseLocalDate } from "./local-date.ts";
import { parsePeriod } from "./period.ts";

const d = (s: string) => parseLocalDate(s);
const calendar = new LegalCalendar(bundledNotices());

function rule(period: string): TimeLimitRule {
  return {
    code: "test.rule",
    label: { zh: "测试期限", en: "Test limit" },
    period: parsePeriod(period),
    startEvent: "accepted",
    legalBasis: "test",
  };
}
const susp = (from: string, to: string | null): Suspension => ({
  from: d(from),
  to: to === null ? null : d(to),
});

function run(period: string, start: string, today: string, more: Partial<DeadlineInput> = {}) {
  return computeDeadline({
    calendar,
    rule: rule(period),
    start: d(start),
    today: d(today),
    ...more,
  });
}

describe("computeDeadline without suspensions", () => {
  it("is addPeriod, with state and warning", () => {
    // 5wd from Mon 2025-03-03: 03-04, 05, 06, 07, 10.
    expect(run("5wd", "2025-03-03", "2025-03-03")).toEqual({
      due: "2025-03-10",
      state: "running",
      warning: "normal",
      remaining: 5,
      remainingUnit: "working_day",
      provisional: false,
      provisionalYears: [],
    });
  });
});

describe("suspensions (行政许可法 art. 45: the time needed is not counted)", () => {
  it("working days: (start, S] used, the rest counted after R", () => {
    // Used 03-04, 03-05 (S counts); resume 03-12; 3 more: 03-13, 03-14, 03-17.
    const r = run("5wd", "2025-03-03", "2025-03-12", {
      suspensions: [susp("2025-03-05", "2025-03-12")],
    });
    expect(r.due).toBe("2025-03-17");
    expect(r.remaining).toBe(3);
  });

  it("working days: several suspensions", () => {
    // Counted: 03-04, 03-06, 03-11, 03-12, 03-13 (03-05 and 03-07..03-10 suspended).
    const r = run("5wd", "2025-03-03", "2025-03-03", {
      suspensions: [susp("2025-03-06", "2025-03-10"), susp("2025-03-04", "2025-03-05")],
    });
    expect(r.due).toBe("2025-03-13");
  });

  it("has no effect when it starts on or after the last day, or resumes the same day", () => {
    expect(
      run("5wd", "2025-03-03", "2025-03-03", { suspensions: [susp("2025-03-10", "2025-03-20")] })
        .due,
    ).toBe("2025-03-10");
    expect(
      run("5wd", "2025-03-03", "2025-03-03", { suspensions: [susp("2025-03-05", "2025-03-05")] })
        .due,
    ).toBe("2025-03-10");
  });

  it("open suspension: no due date, state suspended, units left reported", () => {
    expect(
      run("5wd", "2025-03-03", "2025-04-30", { suspensions: [susp("2025-03-05", null)] }),
    ).toEqual({
      due: null,
      state: "suspended",
      warning: "normal",
      remaining: 3,
      remainingUnit: "working_day",
      provisional: false,
      provisionalYears: [],
    });
  });

  it("calendar days: remaining days after R, then roll forward", () => {
    // 10d from 03-03 = 03-13. Suspended 03-05 → 03-08: 2 used, 8 after 03-08 = Sun 03-16 → Mon 03-17.
    expect(run("10d", "2025-03-03", "2025-03-03").due).toBe("2025-03-13");
    const r = run("10d", "2025-03-03", "2025-03-03", {
      suspensions: [susp("2025-03-05", "2025-03-08")],
    });
    expect(r.due).toBe("2025-03-17");
    const open = run("10d", "2025-03-03", "2025-03-06", {
      suspensions: [susp("2025-03-05", null)],
    });
    expect(open).toMatchObject({
      due: null,
      state: "suspended",
      remaining: 8,
      remainingUnit: "calendar_day",
    });
  });

  it("months: the unsuspended last day shifted by the days suspended, then rolled", () => {
    // 1m from 2025-01-15 = Sat 02-15 → Mon 02-17. Suspended 5 days → Thu 02-20.
    expect(run("1m", "2025-01-15", "2025-01-15").due).toBe("2025-02-17");
    expect(
      run("1m", "2025-01-15", "2025-01-15", { suspensions: [susp("2025-01-20", "2025-01-25")] })
        .due,
    ).toBe("2025-02-20");
    // 1m from 2025-08-31 = 09-30; suspended 2 days → 10-02, inside the National Day block → 10-09.
    expect(
      run("1m", "2025-08-31", "2025-08-31", { suspensions: [susp("2025-09-01", "2025-09-03")] })
        .due,
    ).toBe("2025-10-09");
  });

  it("rejects inconsistent suspensions, naming the field", () => {
    const bad = (suspensions: Suspension[]) => () =>
      run("5wd", "2025-03-03", "2025-03-03", { suspensions });
    expect(bad([susp("2025-03-01", "2025-03-05")])).toThrow(ValidationError);
    expect(bad([susp("2025-03-06", "2025-03-05")])).toThrow(/before it starts/);
    expect(bad([susp("2025-03-04", "2025-03-10"), susp("2025-03-06", "2025-03-12")])).toThrow(
      /overlaps/,
    );
    expect(bad([susp("2025-03-04", null), susp("2025-03-06", "2025-03-12")])).toThrow(
      /open suspension/,
    );
    try {
      bad([susp("2025-03-01", "2025-03-05")])();
    } catch (e) {
      expect((e as ValidationError).fields?.[0]?.field).toBe("suspensions.0.from");
    }
  });
});

describe("extensions", () => {
  it("calendar days: 行政复议 60 days + 30 days (行政复议法 art. 62)", () => {
    // 60d from 2025-03-03 = 05-02 (off 05-01..05) → 05-06; +30d = Thu 06-05.
    expect(run("60d", "2025-03-03", "2025-03-03").due).toBe("2025-05-06");
    const r = run("60d", "2025-03-03", "2025-03-03", {
      extensions: [
        { period: parsePeriod("30d"), basis: "行政复议法 art. 62", approvedBy: "复议机构负责人" },
      ],
    });
    expect(r.due).toBe("2025-06-05");
  });

  it("working days: 20 + 10 working days (行政许可法 arts. 42, 82)", () => {
    // 20wd from Mon 2025-09-01 ends on the Sunday make-up day 09-28.
    expect(run("20wd", "2025-09-01", "2025-09-01").due).toBe("2025-09-28");
    const ext = [{ period: parsePeriod("10wd"), basis: "行政许可法 art. 42" }];
    // +10wd: 09-29, 09-30, 10-09, 10-10, Sat 10-11, 10-13 … 10-17.
    expect(run("20wd", "2025-09-01", "2025-09-01", { extensions: ext }).due).toBe("2025-10-17");
    // A suspension inside the extension stops that part of the clock too:
    // 09-29, 09-30, 10-09 (S), then after 10-13: 10-14 … 10-22.
    expect(
      run("20wd", "2025-09-01", "2025-09-01", {
        extensions: ext,
        suspensions: [susp("2025-10-09", "2025-10-13")],
      }).due,
    ).toBe("2025-10-22");
  });

  it("months, after a suspension", () => {
    // 1m from 2025-01-15 suspended 5 days → 02-20; +1m = Thu 03-20.
    const r = run("1m", "2025-01-15", "2025-01-15", {
      suspensions: [susp("2025-01-20", "2025-01-25")],
      extensions: [{ period: parsePeriod("1m"), basis: "test" }],
    });
    expect(r.due).toBe("2025-03-20");
  });

  it("while suspended, adds extensions of the same unit to the units left", () => {
    const r = run("5wd", "2025-03-03", "2025-03-06", {
      suspensions: [susp("2025-03-05", null)],
      extensions: [{ period: parsePeriod("10wd"), basis: "test" }],
    });
    expect(r).toMatchObject({ due: null, remaining: 13, remainingUnit: "working_day" });
    const mixed = run("5wd", "2025-03-03", "2025-03-06", {
      suspensions: [susp("2025-03-05", null)],
      extensions: [{ period: parsePeriod("10d"), basis: "test" }],
    });
    expect(mixed.remaining).toBeUndefined();
  });

  it("needs a basis", () => {
    expect(() =>
      run("5wd", "2025-03-03", "2025-03-03", {
        extensions: [{ period: parsePeriod("1wd"), basis: " " }],
      }),
    ).toThrow(ValidationError);
  });
});

describe("warnings", () => {
  // Due Mon 2025-03-10 (5wd from 03-03).
  const at = (today: string, more: Partial<DeadlineInput> = {}) =>
    run("5wd", "2025-03-03", today, more);

  it("default: due_soon within 3 working days, overdue after the due date", () => {
    expect(at("2025-03-03")).toMatchObject({ warning: "normal", remaining: 5 });
    expect(at("2025-03-04")).toMatchObject({ warning: "normal", remaining: 4 });
    expect(at("2025-03-05")).toMatchObject({ warning: "due_soon", remaining: 3 });
    expect(at("2025-03-08")).toMatchObject({ warning: "due_soon", remaining: 1 });
    expect(at("2025-03-10")).toMatchObject({ warning: "due_soon", remaining: 0 });
    const late = at("2025-03-11");
    expect(late).toMatchObject({ state: "running", warning: "overdue" });
    expect(late.remaining).toBeUndefined();
  });

  it("counts working days, so a holiday block does not hide a close deadline", () => {
    // 5wd from 2025-09-30 = 10-14: on 10-09, 4 working days left; on 10-10, 3 (Sat 10-11 is a make-up day).
    expect(run("5wd", "2025-09-30", "2025-10-09")).toMatchObject({
      due: "2025-10-14",
      warning: "normal",
      remaining: 4,
    });
    expect(run("5wd", "2025-09-30", "2025-10-10")).toMatchObject({
      warning: "due_soon",
      remaining: 3,
    });
    // A calendar-day rule reports calendar days left but warns on working days:
    // 15d from 09-20 = 10-05 → 10-09; on 09-30 nine days but one working day are left.
    expect(run("15d", "2025-09-20", "2025-09-30")).toMatchObject({
      due: "2025-10-09",
      warning: "due_soon",
      remaining: 9,
      remainingUnit: "calendar_day",
    });
  });

  it("is configurable", () => {
    expect(at("2025-03-06", { dueSoon: parsePeriod("1wd") }).warning).toBe("normal");
    expect(at("2025-03-07", { dueSoon: parsePeriod("1wd") }).warning).toBe("due_soon");
    expect(at("2025-03-04", { dueSoon: parsePeriod("5d") }).warning).toBe("normal");
    expect(at("2025-03-05", { dueSoon: parsePeriod("5d") }).warning).toBe("due_soon");
    expect(at("2025-02-10", { dueSoon: parsePeriod("1m") }).warning).toBe("due_soon");
    expect(at("2025-02-09", { dueSoon: parsePeriod("1m") }).warning).toBe("normal");
  });

  it("stopped: the step was taken; overdue only if taken late", () => {
    expect(at("2025-03-20", { stoppedOn: d("2025-03-07") })).toEqual({
      due: "2025-03-10",
      state: "stopped",
      warning: "normal",
      provisional: false,
      provisionalYears: [],
    });
    expect(at("2025-03-20", { stoppedOn: d("2025-03-11") })).toMatchObject({
      state: "stopped",
      warning: "overdue",
    });
  });
});

describe("provisional deadlines", () => {
  it("name the missing years", () => {
    const r = run("10wd", "2026-12-20", "2026-12-21");
    expect(r).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });
});
