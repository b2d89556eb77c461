import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { bundledNotices } from "./bundled.ts";
import { LegalCalendar } from "./calendar.ts";
import { parseLocalDate } from "./local-date.ts";
import { parseHolidayNotice } from "./notice.ts";
import {
  addHours,
  addPeriod,
  formatPeriod,
  latestBefore,
  nominalEnd,
  parsePeriod,
} from "./period.ts";

const d = (s: string) => parseLocalDate(s);
const cal = new LegalCalendar(bundledNotices());

describe("parsePeriod", () => {
  it("parses the three units", () => {
    expect(parsePeriod("7wd")).toEqual({ n: 7, unit: "working_day" });
    expect(parsePeriod("15d")).toEqual({ n: 15, unit: "calendar_day" });
    expect(parsePeriod("3m")).toEqual({ n: 3, unit: "month" });
    expect(formatPeriod(parsePeriod("60d"))).toBe("60d");
  });

  it("rejects anything else", () => {
    for (const bad of [
      "",
      "7",
      "wd",
      "0d",
      "-1d",
      "07d",
      "1.5d",
      "7 wd",
      "7w",
      "7WD",
      "3y",
      "1001wd",
      "3661d",
      "241m",
    ]) {
      expect(() => parsePeriod(bad), bad).toThrow(ValidationError);
    }
    expect(parsePeriod("1000wd").n).toBe(1000);
  });
});

describe("addPeriod around holidays and make-up days, 2019–2026", () => {
  // Each case was worked out by hand from holidays.md.
  const cases: [string, string, string, string][] = [
    // 2019
    ["2019-09-30", "7wd", "2019-10-15", "10-01..07 off; Sat 10-12 make-up is the 5th"],
    ["2019-02-01", "1wd", "2019-02-02", "Sat make-up day"],
    ["2019-04-30", "3d", "2019-05-05", "05-03 off, 05-04 off, Sun 05-05 make-up"],
    // 2020
    ["2020-09-30", "7wd", "2020-10-16", "10-01..08 off, Sat 10-10 make-up"],
    ["2020-01-23", "5wd", "2020-02-07", "Spring Festival extended to 02-02"],
    ["2020-01-30", "1d", "2020-02-03", "01-31 off by the extension; 02-01 no longer a make-up day"],
    ["2020-01-31", "1m", "2020-03-02", "02-29 (art. 202) is a Saturday"],
    ["2020-09-20", "7d", "2020-09-27", "ends on a Sunday make-up day: a working day, no roll"],
    ["2020-08-27", "1m", "2020-09-27", "month period ending on the Sunday make-up day"],
    ["2020-09-30", "3d", "2020-10-09", "ends inside the National Day block"],
    // 2021
    ["2021-02-10", "1wd", "2021-02-18", "02-11..17 off"],
    ["2021-02-05", "1wd", "2021-02-07", "Sun make-up day"],
    ["2021-09-17", "1wd", "2021-09-18", "Sat make-up day"],
    ["2021-09-16", "3d", "2021-09-22", "Mid-Autumn 09-19..21"],
    // 2022
    ["2022-01-28", "2wd", "2022-01-30", "two make-up days in a row"],
    ["2022-04-01", "1wd", "2022-04-02", "Sat make-up day"],
    ["2022-09-30", "1m", "2022-10-31", "10-30 is a plain Sunday"],
    ["2022-09-30", "7wd", "2022-10-14", "make-up days 10-08, 10-09 after the block"],
    // 2023
    ["2022-12-30", "1wd", "2023-01-03", "2022-12-31 off by the 2023 notice; 01-01..02 off"],
    ["2023-09-28", "3wd", "2023-10-09", "09-29..10-06 off, make-up 10-07, 10-08"],
    ["2023-06-21", "3d", "2023-06-25", "06-24 off, Sun 06-25 make-up"],
    // 2024
    ["2024-02-09", "1wd", "2024-02-18", "02-10..17 off, Sun 02-18 make-up"],
    ["2024-02-02", "1wd", "2024-02-04", "Sun make-up day"],
    ["2024-04-06", "1d", "2024-04-07", "Sun make-up day"],
    ["2024-05-10", "1wd", "2024-05-11", "Sat make-up day"],
    // 2025
    ["2025-01-27", "1wd", "2025-02-05", "01-28..02-04 off"],
    ["2025-01-24", "1wd", "2025-01-26", "Sun make-up day"],
    ["2025-09-30", "5wd", "2025-10-14", "10-01..08 off, Sat 10-11 make-up"],
    ["2025-05-30", "1d", "2025-06-03", "Dragon Boat 05-31..06-02"],
    // 2026
    ["2026-02-13", "1wd", "2026-02-14", "Sat make-up day"],
    ["2026-02-13", "2wd", "2026-02-24", "02-15..23 off"],
    ["2026-01-03", "1d", "2026-01-04", "Sun make-up day"],
    ["2026-09-30", "3d", "2026-10-08", "10-01..07 off"],
  ];
  for (const [start, period, expected, why] of cases) {
    it(`${start} + ${period} = ${expected} (${why})`, () => {
      const r = addPeriod(cal, d(start), parsePeriod(period));
      expect(r).toEqual({ due: expected, provisional: false, provisionalYears: [] });
    });
  }

  it("keeps the art. 202 month-end before rolling forward", () => {
    expect(nominalEnd(d("2020-01-31"), parsePeriod("1m"))).toBe("2020-02-29");
  });

  it("honours makeUpDaysAreWorkingDays = false", () => {
    const strict = new LegalCalendar(bundledNotices(), { makeUpDaysAreWorkingDays: false });
    expect(addPeriod(strict, d("2020-09-30"), parsePeriod("7wd")).due).toBe("2020-10-19");
    expect(addPeriod(strict, d("2020-09-20"), parsePeriod("7d")).due).toBe("2020-09-28");
  });
});

describe("provisional years", () => {
  it("2026-12-30 + 3wd crosses the 2027 New Year: provisional, naming 2027", () => {
    expect(addPeriod(cal, d("2026-12-30"), parsePeriod("3wd"))).toEqual({
      due: "2027-01-05",
      provisional: true,
      provisionalYears: [2027],
    });
  });

  it("reports only the years the result depends on", () => {
    expect(addPeriod(cal, d("2026-12-01"), parsePeriod("10d")).provisional).toBe(false);
    // A calendar-day period only looks at its last day (and the roll-forward).
    expect(addPeriod(cal, d("2026-06-01"), parsePeriod("760d")).provisionalYears).toEqual([2028]);
    expect(addPeriod(cal, d("2026-11-02"), parsePeriod("400wd")).provisionalYears).toEqual([
      2027, 2028,
    ]);
  });

  it("becomes non-provisional once the 2027 notice is loaded", () => {
    const n2027 = parseHolidayNotice({
      year: 2027,
      document: "TEST-2027",
      verified: false,
      off: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"],
      workdays: [],
    });
    const next = cal.withNotice(n2027);
    expect(addPeriod(next, d("2026-12-30"), parsePeriod("3wd"))).toEqual({
      due: "2027-01-06",
      provisional: false,
      provisionalYears: [],
    });
  });

  it("refuses dates before the first loaded year", () => {
    expect(() => addPeriod(cal, d("2018-12-28"), parsePeriod("1wd"))).toThrow(
      "date 2018-12-28 is before the first loaded calendar year 2019",
    );
    expect(() => latestBefore(cal, d("2019-01-03"), parsePeriod("5wd"))).toThrow(ValidationError);
  });
});

describe("latestBefore", () => {
  it("hearing notice ≥ 7 working days before a hearing", () => {
    // Hearing Fri 2020-10-16: 7 working days back from it are 10-16..10-12, Sat 10-10, Fri 10-09.
    const r = latestBefore(cal, d("2020-10-16"), parsePeriod("7wd"));
    expect(r).toMatchObject({
      date: "2020-10-08",
      lastWorkingDay: "2020-09-30",
      provisional: false,
    });
    expect(addPeriod(cal, r.date, parsePeriod("7wd")).due).toBe("2020-10-16");
    expect(addPeriod(cal, d("2020-10-09"), parsePeriod("7wd")).due).toBe("2020-10-19");
  });

  it("calendar days: an event on a rest day counts back from the last working day", () => {
    // Event Sun 2025-10-05 (holiday block); last working day before it is 09-30.
    expect(latestBefore(cal, d("2025-10-05"), parsePeriod("7d")).date).toBe("2025-09-23");
    expect(addPeriod(cal, d("2025-09-23"), parsePeriod("7d")).due).toBe("2025-09-30");
    expect(addPeriod(cal, d("2025-09-24"), parsePeriod("7d")).due).toBe("2025-10-09");
    expect(latestBefore(cal, d("2025-03-14"), parsePeriod("7d")).date).toBe("2025-03-07");
  });

  it("months: the latest start whose month-end-clamped end still fits", () => {
    // Event Fri 2021-02-26 … 1m: 2021-01-26 → 02-26; 01-27 → 02-27 (Sat) rolls to 03-01.
    expect(latestBefore(cal, d("2021-02-26"), parsePeriod("1m")).date).toBe("2021-01-26");
    // Event Mon 2021-03-01 (02-28 is a Sunday): 01-29..01-31 all map to 02-28 → 03-01.
    expect(latestBefore(cal, d("2021-03-01"), parsePeriod("1m")).date).toBe("2021-02-01");
    expect(latestBefore(cal, d("2021-03-31"), parsePeriod("1m")).date).toBe("2021-02-28");
  });
});

describe("periods in hours (民法典 art. 201 para. 2)", () => {
  it("parse and format as <N>h", () => {
    expect(parsePeriod("24h")).toEqual({ n: 24, unit: "hour" });
    expect(formatPeriod({ n: 72, unit: "hour" })).toBe("72h");
  });
  it("run through rest days without roll-forward, ending on the latest day they can end", () => {
    // 2020-10-01 is a holiday: a 24-hour period from 2020-09-30 is due 2020-10-01.
    expect(addPeriod(cal, d("2020-09-30"), { n: 24, unit: "hour" }).due).toBe("2020-10-01");
    expect(addPeriod(cal, d("2020-09-30"), { n: 25, unit: "hour" }).due).toBe("2020-10-02");
    expect(addPeriod(cal, d("2020-09-30"), { n: 1, unit: "hour" }).due).toBe("2020-10-01");
  });
  it("end exactly N hours after a start moment", () => {
    expect(addHours(new Date("2020-06-01T10:00:00Z"), 24).toISOString()).toBe(
      "2020-06-02T10:00:00.000Z",
    );
  });
  it("latestBefore is the inverse on dates", () => {
    const r = latestBefore(cal, d("2020-10-03"), { n: 48, unit: "hour" });
    expect(r.date).toBe("2020-10-01");
    expect(addPeriod(cal, r.date, { n: 48, unit: "hour" }).due).toBe("2020-10-03");
  });
});
