import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { bundledNotices } from "./bundled.ts";
import { qingmingDay, statutoryHolidays, statutoryRestDays } from "./statutory.ts";

describe("statutory holidays (全国年节及纪念日放假办法 art. 2)", () => {
  it("computes 2027 under the 2024 revision", () => {
    expect(statutoryHolidays(2027).map((h) => `${h.date} ${h.code}`)).toEqual([
      "2027-01-01 new_year",
      "2027-02-05 spring_festival", // 除夕
      "2027-02-06 spring_festival", // 初一
      "2027-02-07 spring_festival",
      "2027-02-08 spring_festival",
      "2027-04-05 qingming",
      "2027-05-01 labour_day",
      "2027-05-02 labour_day",
      "2027-06-09 dragon_boat",
      "2027-09-15 mid_autumn",
      "2027-10-01 national_day",
      "2027-10-02 national_day",
      "2027-10-03 national_day",
    ]);
  });

  it("uses the 2013 revision before 2025 (春节 初一–初三, 劳动节 one day)", () => {
    const h2024 = statutoryHolidays(2024);
    expect(h2024.filter((h) => h.code === "spring_festival").map((h) => h.date)).toEqual([
      "2024-02-10",
      "2024-02-11",
      "2024-02-12",
    ]);
    expect(h2024.filter((h) => h.code === "labour_day").map((h) => h.date)).toEqual(["2024-05-01"]);
    expect(() => statutoryHolidays(2013)).toThrow(ValidationError);
  });

  it("gives 清明 on 4 or 5 April", () => {
    const got = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028].map(qingmingDay);
    expect(got).toEqual([
      "2019-04-05",
      "2020-04-04",
      "2021-04-04",
      "2022-04-05",
      "2023-04-05",
      "2024-04-04",
      "2025-04-04",
      "2026-04-05",
      "2027-04-05",
      "2028-04-04",
    ]);
  });
});

describe("make-up days (art. 6)", () => {
  it("moves a weekend holiday to the next free weekday", () => {
    // 2027: 春节 Fri 02-05 … Mon 02-08 (Sat, Sun made up Tue, Wed); 劳动节 Sat/Sun;
    // 国庆 Fri–Sun.
    const made = statutoryRestDays(2027)
      .filter((r) => r.makesUpFor)
      .map((r) => `${r.makesUpFor}->${r.date}`);
    expect(made).toEqual([
      "2027-02-06->2027-02-09",
      "2027-02-07->2027-02-10",
      "2027-05-01->2027-05-03",
      "2027-05-02->2027-05-04",
      "2027-10-02->2027-10-04",
      "2027-10-03->2027-10-05",
    ]);
  });

  it("makes up a holiday that coincides with another (中秋 on 国庆 in 2028)", () => {
    // 2028: 中秋 = 10-03 (Tue) = 国庆 day 3; 10-01 Sun made up on Wed 10-04, the double 10-03 on Thu 10-05.
    const made = statutoryRestDays(2028)
      .filter((r) => r.makesUpFor?.startsWith("2028-10"))
      .map((r) => `${r.makesUpFor}->${r.date}`);
    expect(made).toEqual(["2028-10-01->2028-10-04", "2028-10-03->2028-10-05"]);
  });
});

describe("cross-check against the notices", () => {
  // Every notice 2019–2026 gives at least the statutory days and their art. 6 make-up
  // days as days off (the notices add 调休 on top).
  for (const notice of bundledNotices()) {
    it(`${notice.year}: the notice's off days contain the statutory rest days`, () => {
      const off = new Set<string>(notice.off);
      const missing = statutoryRestDays(notice.year).filter((r) => !off.has(r.date));
      expect(missing).toEqual([]);
    });
  }
});
