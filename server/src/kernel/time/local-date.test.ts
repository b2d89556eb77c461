import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import {
  addDays,
  addMonthsClamped,
  compareLocalDate,
  dayOfWeek,
  diffDays,
  isLocalDate,
  isWeekend,
  type LocalDate,
  localDate,
  parseLocalDate,
  toLocalDate,
} from "./local-date.ts";

const d = (s: string) => parseLocalDate(s);

describe("parseLocalDate", () => {
  it("accepts valid dates, including 29 February in leap years", () => {
    expect(d("2020-02-29")).toBe("2020-02-29");
    expect(d("2000-02-29")).toBe("2000-02-29");
  });

  it("rejects impossible dates with a clear message naming the field", () => {
    expect(() => parseLocalDate("2020-02-30", "start")).toThrow(ValidationError);
    expect(() => parseLocalDate("2020-02-30", "start")).toThrow(/2020-02-30.*2020-02 has 29 days/);
    try {
      parseLocalDate("2019-02-29", "start");
    } catch (e) {
      expect((e as ValidationError).fields?.[0]?.field).toBe("start");
    }
    for (const bad of [
      "1900-02-29",
      "2020-13-01",
      "2020-00-10",
      "2020-1-1",
      "20200101",
      "",
      " 2020-01-01",
    ]) {
      expect(isLocalDate(bad), bad).toBe(false);
    }
    expect(() => parseLocalDate(20200101)).toThrow(ValidationError);
  });

  it("builds from parts", () => {
    expect(localDate(2024, 2, 29)).toBe("2024-02-29");
    expect(() => localDate(2023, 2, 29)).toThrow(ValidationError);
  });
});

describe("toLocalDate", () => {
  it("uses Asia/Shanghai (UTC+8) whatever the host zone", () => {
    expect(toLocalDate(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
    expect(toLocalDate(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01-01");
    expect(toLocalDate(new Date("2020-02-28T16:30:00Z"))).toBe("2020-02-29");
  });

  it("rejects an invalid Date", () => {
    expect(() => toLocalDate(new Date(Number.NaN))).toThrow(ValidationError);
  });
});

describe("arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays(d("2020-02-28"), 1)).toBe("2020-02-29");
    expect(addDays(d("2020-02-29"), 1)).toBe("2020-03-01");
    expect(addDays(d("2019-12-31"), 1)).toBe("2020-01-01");
    expect(addDays(d("2020-01-01"), -1)).toBe("2019-12-31");
    expect(addDays(d("2020-01-01"), 366)).toBe("2021-01-01");
    // A DST-observing zone would break naive local arithmetic around March/October.
    expect(addDays(d("2021-03-27"), 2)).toBe("2021-03-29");
    expect(addDays(d("2021-10-30"), 2)).toBe("2021-11-01");
  });

  it("computes differences and compares", () => {
    expect(diffDays(d("2020-01-01"), d("2020-03-01"))).toBe(60);
    expect(diffDays(d("2020-03-01"), d("2020-01-01"))).toBe(-60);
    expect(compareLocalDate(d("2020-01-02"), d("2020-01-10"))).toBe(-1);
    expect(compareLocalDate(d("2020-01-10"), d("2020-01-10"))).toBe(0);
    expect(compareLocalDate(d("2021-01-01"), d("2020-12-31"))).toBe(1);
  });

  it("knows the day of the week (ISO, Monday = 1)", () => {
    expect(dayOfWeek(d("2020-10-10"))).toBe(6); // Saturday
    expect(dayOfWeek(d("2026-02-14"))).toBe(6);
    expect(dayOfWeek(d("2025-01-26"))).toBe(7);
    expect(dayOfWeek(d("2024-01-01"))).toBe(1);
    expect(isWeekend(d("2020-09-27"))).toBe(true);
    expect(isWeekend(d("2020-09-28"))).toBe(false);
  });

  it("adds months with month-end clamping (民法典 art. 202)", () => {
    const cases: [string, number, string][] = [
      ["2020-01-31", 1, "2020-02-29"],
      ["2021-01-31", 1, "2021-02-28"],
      ["2020-03-31", 1, "2020-04-30"],
      ["2020-01-15", 3, "2020-04-15"],
      ["2020-11-30", 3, "2021-02-28"],
      ["2020-03-31", -1, "2020-02-29"],
      ["2020-01-15", -1, "2019-12-15"],
      ["2019-08-31", 18, "2021-02-28"],
    ];
    for (const [from, n, to] of cases)
      expect(addMonthsClamped(d(from), n), `${from} ${n}`).toBe(to);
  });

  it("keeps the brand: a LocalDate is a string", () => {
    const x: LocalDate = d("2020-01-01");
    const s: string = x;
    expect(s).toBe("2020-01-01");
  });
});
