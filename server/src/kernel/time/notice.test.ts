import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { bundledNotices } from "./bundled.ts";
import { isWeekend, type LocalDate } from "./local-date.ts";
import { parseHolidayNotice } from "./notice.ts";

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return ((e as ValidationError).fields ?? []).map((f) => f.field);
  }
  throw new Error("expected a ValidationError");
}

const valid = {
  year: 2027,
  document: "国办发明电〔2026〕1号",
  verified: true,
  off: ["2027-01-01"],
  workdays: ["2027-02-20"],
};

describe("parseHolidayNotice", () => {
  it("accepts a well-formed notice", () => {
    const n = parseHolidayNotice(valid);
    expect(n.year).toBe(2027);
    expect(n.off).toEqual(["2027-01-01"]);
    expect(n.amendments).toBeUndefined();
  });

  it("names the bad field", () => {
    expect(
      fieldsOf(() => parseHolidayNotice({ ...valid, off: ["2027-01-01", "2027-02-30"] })),
    ).toEqual(["off.1"]);
    expect(fieldsOf(() => parseHolidayNotice({ ...valid, year: "2027" }))).toEqual(["year"]);
    expect(fieldsOf(() => parseHolidayNotice({ ...valid, document: " " }))).toEqual(["document"]);
    expect(fieldsOf(() => parseHolidayNotice({ ...valid, verified: undefined }))).toEqual([
      "verified",
    ]);
    expect(fieldsOf(() => parseHolidayNotice({ ...valid, extra: 1 }))).toEqual(["(notice)"]);
    expect(
      fieldsOf(() => parseHolidayNotice({ ...valid, amendments: [{ document: "x", note: "" }] })),
    ).toEqual(["amendments.0.note"]);
    expect(fieldsOf(() => parseHolidayNotice(null))).toEqual(["(notice)"]);
  });

  it("checks the dates against the year, order, overlap and weekday make-up days", () => {
    expect(fieldsOf(() => parseHolidayNotice({ ...valid, off: ["2028-01-01"] }))).toEqual([
      "off.0",
    ]);
    expect(fieldsOf(() => parseHolidayNotice({ ...valid, off: ["2026-11-30"] }))).toEqual([
      "off.0",
    ]);
    expect(parseHolidayNotice({ ...valid, off: ["2026-12-31", "2027-01-01"] }).off).toHaveLength(2);
    expect(
      fieldsOf(() => parseHolidayNotice({ ...valid, off: ["2027-01-02", "2027-01-01"] })),
    ).toEqual(["off.1"]);
    expect(
      fieldsOf(() =>
        parseHolidayNotice({ ...valid, off: ["2027-02-20"], workdays: ["2027-02-20"] }),
      ),
    ).toEqual(["workdays.0"]);
    // 2027-02-22 is a Monday: not a make-up working day.
    const e = () => parseHolidayNotice({ ...valid, workdays: ["2027-02-22"] });
    expect(fieldsOf(e)).toEqual(["workdays.0"]);
    expect(e).toThrow(/weekday/);
  });
});

/** The rows of holidays.md, as (year, off-day count, make-up days). */
const TABLE: [number, number, string[]][] = [
  [
    2019,
    30,
    [
      "2018-12-29",
      "2019-02-02",
      "2019-02-03",
      "2019-04-28",
      "2019-05-05",
      "2019-09-29",
      "2019-10-12",
    ],
  ],
  [2020, 30, ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"]],
  [
    2021,
    31,
    [
      "2021-02-07",
      "2021-02-20",
      "2021-04-25",
      "2021-05-08",
      "2021-09-18",
      "2021-09-26",
      "2021-10-09",
    ],
  ],
  [
    2022,
    31,
    [
      "2022-01-29",
      "2022-01-30",
      "2022-04-02",
      "2022-04-24",
      "2022-05-07",
      "2022-10-08",
      "2022-10-09",
    ],
  ],
  [
    2023,
    27,
    [
      "2023-01-28",
      "2023-01-29",
      "2023-04-23",
      "2023-05-06",
      "2023-06-25",
      "2023-10-07",
      "2023-10-08",
    ],
  ],
  [
    2024,
    28,
    [
      "2024-02-04",
      "2024-02-18",
      "2024-04-07",
      "2024-04-28",
      "2024-05-11",
      "2024-09-14",
      "2024-09-29",
      "2024-10-12",
    ],
  ],
  [2025, 28, ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]],
  [2026, 33, ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]],
];

describe("bundled notices 2019–2026", () => {
  const notices = bundledNotices();

  it("has one valid notice per year, oldest first", () => {
    expect(notices.map((n) => n.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const n of notices) expect(parseHolidayNotice(JSON.parse(JSON.stringify(n)))).toEqual(n);
  });

  it("matches the table in holidays.md", () => {
    for (const [year, offCount, workdays] of TABLE) {
      const n = notices.find((x) => x.year === year);
      expect(n?.off, String(year)).toHaveLength(offCount);
      expect(n?.workdays, String(year)).toEqual(workdays);
      for (const w of n?.workdays ?? []) expect(isWeekend(w)).toBe(true);
    }
  });

  it("records the document numbers and which are verified", () => {
    const byYear = new Map(notices.map((n) => [n.year, n]));
    expect(byYear.get(2025)?.document).toBe("国办发明电〔2024〕12号");
    expect(byYear.get(2025)?.verified).toBe(true);
    expect(byYear.get(2020)?.document).toBe("国办发明电〔2019〕16号");
    for (const y of [2019, 2020, 2021, 2022, 2023, 2024, 2026])
      expect(byYear.get(y)?.verified).toBe(false);
  });

  it("2020: the Spring Festival extension (国办发明电〔2020〕1号) runs to 02-02 and cancels the 02-01 make-up day", () => {
    const n2020 = notices.find((n) => n.year === 2020);
    expect(n2020?.amendments?.[0]?.document).toBe("国办发明电〔2020〕1号");
    expect(n2020?.off).toEqual(expect.arrayContaining(["2020-01-31", "2020-02-01", "2020-02-02"]));
    expect(n2020?.workdays).not.toContain("2020-02-01");
  });

  it("keeps the December days of the previous year that a notice declares", () => {
    expect(notices[0]?.off.slice(0, 3)).toEqual(["2018-12-30", "2018-12-31", "2019-01-01"]);
    expect(notices.find((n) => n.year === 2023)?.off[0]).toBe("2022-12-31" as LocalDate);
  });

  it("returns copies", () => {
    const a = bundledNotices();
    a[0]?.off.push("2019-12-31" as LocalDate);
    expect(bundledNotices()[0]?.off).toHaveLength(30);
  });
});
