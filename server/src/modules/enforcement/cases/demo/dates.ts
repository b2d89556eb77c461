import type { DemoRandom } from "../../../../engines/demo/index.ts";
import {
  addPeriod,
  bundledNotices,
  compareLocalDate,
  fromEpochDay,
  LegalCalendar,
  type LocalDate,
  toEpochDay,
} from "../../../../kernel/time/index.ts";

/** The last day the demo takes steps on (the demo's "now" is Sunday 2021-01-31). */
export const END = "2021-01-29" as LocalDate;
export const cal = new LegalCalendar(bundledNotices());

// ──────────────────────────────────────────────────────────────────── date helpers

export const wd = (d: LocalDate, n: number): LocalDate =>
  n <= 0 ? d : addPeriod(cal, d, { n, unit: "working_day" }).due;
export const cd = (d: LocalDate, n: number): LocalDate =>
  n <= 0 ? d : addPeriod(cal, d, { n, unit: "calendar_day" }).due;
export const max = (a: LocalDate, b: LocalDate) => (compareLocalDate(a, b) >= 0 ? a : b);

/** A working day between two dates, uniformly. */
export function workingDayBetween(rng: DemoRandom, from: string, to: string): LocalDate {
  for (;;) {
    const d = fromEpochDay(rng.int(toEpochDay(from as LocalDate), toEpochDay(to as LocalDate)));
    if (cal.isWorkingDay(d)) return d;
  }
}
