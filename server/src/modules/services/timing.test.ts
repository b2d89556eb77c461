import { describe, expect, it } from "vitest";
import type { StepEvent } from "../../engines/case/index.ts";
import { bundledNotices, LegalCalendar, type LocalDate } from "../../kernel/time/index.ts";
import {
  conclusionFacts,
  extensionDays,
  suspensionsOf,
  timeReduction,
  workingDaysUsed,
} from "./timing.ts";

const cal = new LegalCalendar(bundledNotices());
const d = (s: string) => s as LocalDate;
const ev = (kind: string, onDate: string, data: Record<string, unknown> = {}): StepEvent => ({
  kind,
  action: kind,
  onDate: d(onDate),
  data,
});

describe("days used (行政许可法 第四十五条、第八十二条)", () => {
  it("counts working days after the start: the National Day holiday out, the make-up Saturday in", () => {
    // (09-28, 10-12]: 09-29, 09-30, 10-09, Saturday 10-10, 10-12.
    expect(workingDaysUsed(cal, d("2020-09-28"), d("2020-10-12"), [])).toBe(5);
    expect(workingDaysUsed(cal, d("2020-09-28"), d("2020-09-28"), [])).toBe(0);
    expect(workingDaysUsed(cal, d("2020-09-28"), d("2020-09-20"), [])).toBe(0);
  });

  it("leaves out the working days of each suspension, an open one up to the end", () => {
    const h = [
      ev("suspend", "2020-10-12"),
      ev("resume", "2020-10-19"),
      ev("suspend", "2020-10-28"),
    ];
    expect(suspensionsOf(h)).toEqual([
      { from: "2020-10-12", to: "2020-10-19" },
      { from: "2020-10-28", to: null },
    ]);
    // (09-28, 11-03] = 21; less 10-13…10-16, 10-19 (5) and 10-29…11-03 (4).
    expect(workingDaysUsed(cal, d("2020-09-28"), d("2020-11-03"), h)).toBe(12);
  });

  it("sums the approved extensions of one clock; the reduction never goes below 0", () => {
    const h = [
      ev("extend", "2020-10-26", { clock: "legal", period: "10wd" }),
      ev("extend", "2020-10-26", { clock: "other", period: "5wd" }),
    ];
    expect(extensionDays(h, "legal")).toBe(10);
    expect(timeReduction(5, 20)).toBe(0.75);
    expect(timeReduction(0, 20)).toBe(1);
    expect(timeReduction(25, 20)).toBe(0);
    const f = conclusionFacts({
      calendar: cal,
      start: d("2020-09-28"),
      end: d("2020-11-23"),
      history: h,
      legalDays: 20,
      promisedDays: 5,
      clock: "legal",
    });
    // (09-28, 11-23] is 35 working days: past 20 + 10.
    expect(f).toEqual({
      workingDaysUsed: 35,
      extensionDays: 10,
      onTime: false,
      withinPromise: false,
    });
  });
});
