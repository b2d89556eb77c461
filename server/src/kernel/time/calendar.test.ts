import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { bundledNotices } from "./bundled.ts";
import { LegalCalendar } from "./calendar.ts";
import { parseLocalDate } from "./local-date.ts";
import { parseHolidayNotice } from "./notice.ts";

const d = (s: string) => parseLocalDate(s);
const cal = new LegalCalendar(bundledNotices());

describe("LegalCalendar", () => {
  it("spans the loaded notices", () => {
    expect(cal.firstYear).toBe(2019);
    expect(cal.lastYear).toBe(2026);
    expect(cal.noticeFor(2025)?.document).toBe("国办发明电〔2024〕12号");
    expect(cal.notices().map((n) => n.year)).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });

  it("classifies days (regulations.md §10 [I] 1)", () => {
    expect(cal.dayInfo(d("2020-10-09"))).toMatchObject({
      kind: "workday",
      working: true,
      provisional: false,
    });
    expect(cal.dayInfo(d("2020-10-05"))).toMatchObject({ kind: "holiday", working: false });
    expect(cal.dayInfo(d("2020-10-03"))).toMatchObject({ kind: "holiday", working: false }); // Sat inside a block
    expect(cal.dayInfo(d("2020-10-10"))).toMatchObject({ kind: "make_up_workday", working: true });
    expect(cal.dayInfo(d("2020-10-11"))).toMatchObject({ kind: "weekend", working: false });
    expect(cal.isWorkingDay(d("2026-02-14"))).toBe(true);
    expect(cal.isWorkingDay(d("2026-02-23"))).toBe(false); // Monday inside the Spring Festival block
    expect(cal.isWorkingDay(d("2020-02-01"))).toBe(false); // make-up day cancelled by the extension
    expect(cal.isWorkingDay(d("2022-12-31"))).toBe(false); // declared by the 2023 notice
  });

  it("can treat make-up days as rest days (option)", () => {
    const strict = new LegalCalendar(bundledNotices(), { makeUpDaysAreWorkingDays: false });
    expect(strict.dayInfo(d("2020-10-10"))).toMatchObject({
      kind: "make_up_workday",
      working: false,
    });
    expect(strict.isWorkingDay(d("2020-10-09"))).toBe(true);
    expect(strict.withNotice(bundledNotices()[0]!).makeUpDaysAreWorkingDays).toBe(false);
  });

  it("refuses dates before the first loaded year", () => {
    expect(() => cal.isWorkingDay(d("2018-12-31"))).toThrow(ValidationError);
    expect(() => cal.isWorkingDay(d("2018-12-29"))).toThrow(
      "date 2018-12-29 is before the first loaded calendar year 2019",
    );
  });

  it("answers years after the last notice provisionally from the statutory holidays", () => {
    expect(cal.dayInfo(d("2027-01-01"))).toMatchObject({
      kind: "holiday",
      working: false,
      provisional: true,
      provisionalYears: [2027],
    });
    expect(cal.dayInfo(d("2027-02-10"))).toMatchObject({ kind: "holiday", provisional: true }); // art. 6
    expect(cal.dayInfo(d("2027-02-11"))).toMatchObject({
      kind: "workday",
      working: true,
      provisional: true,
    });
    expect(cal.dayInfo(d("2031-06-07"))).toMatchObject({ kind: "weekend", provisional: true });
    expect(cal.isProvisionalYear(2026)).toBe(false);
    expect(cal.isProvisionalYear(2027)).toBe(true);
  });

  it("takes a later notice and then answers non-provisionally", () => {
    const n2027 = parseHolidayNotice({
      year: 2027,
      document: "TEST-2027",
      verified: false,
      off: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-10"],
      workdays: ["2027-02-20"],
    });
    const next = cal.withNotice(n2027);
    expect(next.lastYear).toBe(2027);
    expect(next.dayInfo(d("2027-01-01"))).toMatchObject({ working: false, provisional: false });
    expect(next.dayInfo(d("2027-02-09"))).toMatchObject({ working: true, provisional: false });
    expect(next.dayInfo(d("2027-02-20"))).toMatchObject({ kind: "make_up_workday", working: true });
    expect(next.dayInfo(d("2028-01-03"))).toMatchObject({
      provisional: true,
      provisionalYears: [2028],
    });
    // The original calendar is unchanged.
    expect(cal.dayInfo(d("2027-02-09"))).toMatchObject({ working: false, provisional: true });
    // Reloading a year replaces its notice.
    const again = next.withNotice({ ...n2027, off: [d("2027-01-01")] });
    expect(again.isWorkingDay(d("2027-02-10"))).toBe(true);
  });

  it("treats a missing year between notices as provisional", () => {
    const notices = bundledNotices().filter((n) => n.year !== 2022);
    const gap = new LegalCalendar(notices);
    expect(gap.dayInfo(d("2022-10-04"))).toMatchObject({ working: false, provisional: true }); // 国庆 (statutory)
    expect(gap.dayInfo(d("2022-10-06"))).toMatchObject({ working: true, provisional: true }); // 调休 unknown
  });

  it("rejects bad notice sets", () => {
    expect(() => new LegalCalendar([])).toThrow(ValidationError);
    const [n2019] = bundledNotices();
    expect(() => new LegalCalendar([n2019!, n2019!])).toThrow(/two holiday notices for 2019/);
    const clash = parseHolidayNotice({
      year: 2020,
      document: "X",
      verified: false,
      off: ["2019-12-29"],
      workdays: [],
    });
    const fake2019 = { ...n2019!, workdays: [...n2019!.workdays, d("2019-12-29")] };
    expect(() => new LegalCalendar([fake2019, clash])).toThrow(/disagree on 2019-12-29/);
  });
});
