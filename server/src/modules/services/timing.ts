/**
 * How long an application took, counted the way its time limit is counted (pure: the
 * legal calendar and the case's history are passed in).
 *
 * - 行政许可法 第八十二条: the agency's periods are working days (statutory holidays out,
 *   make-up working days in).
 * - The first day is not counted (民法典 第二百零一条): the days used are the working days
 *   in (start, end].
 * - 第四十五条: hearings, tendering, auctions, testing, quarantine, appraisal and expert
 *   review are not counted — the working days of every suspension (from its first day,
 *   exclusive, to its resumption, inclusive, as the case engine counts a suspended clock)
 *   come off.
 * - The time reduction of one concluded application is 1 − used ÷ legal (the legal limit
 *   without extensions); an application concluded on the day it was accepted used 0 days
 *   and counts 100 % (regulations.md §5: 即办件 count as 100 %).
 */
import type { StepEvent } from "../../engines/case/index.ts";
import {
  compareLocalDate,
  type LegalCalendar,
  type LocalDate,
  parsePeriod,
} from "../../kernel/time/index.ts";

const later = (a: LocalDate, b: LocalDate) => (compareLocalDate(a, b) >= 0 ? a : b);
const earlier = (a: LocalDate, b: LocalDate) => (compareLocalDate(a, b) <= 0 ? a : b);

/** The suspensions of the history as [from, to) intervals (to null: still suspended). */
export function suspensionsOf(
  history: readonly StepEvent[],
): { from: LocalDate; to: LocalDate | null }[] {
  const out: { from: LocalDate; to: LocalDate | null }[] = [];
  for (const e of history) {
    if (e.kind === "suspend") out.push({ from: e.onDate, to: null });
    else if (e.kind === "resume") {
      const open = [...out].reverse().find((s) => s.to === null);
      if (open) open.to = e.onDate;
    }
  }
  return out;
}

/** Working days used from `start` to `end`, suspensions out. */
export function workingDaysUsed(
  calendar: LegalCalendar,
  start: LocalDate,
  end: LocalDate,
  history: readonly StepEvent[],
): number {
  if (compareLocalDate(end, start) <= 0) return 0;
  let used = calendar.countWorkingDays(start, end);
  for (const s of suspensionsOf(history)) {
    const from = later(s.from, start);
    const to = earlier(s.to ?? end, end);
    if (compareLocalDate(to, from) > 0) used -= calendar.countWorkingDays(from, to);
  }
  return Math.max(0, used);
}

/** The working days a clock was extended by (the history's approved extensions). */
export function extensionDays(history: readonly StepEvent[], clock: string): number {
  let n = 0;
  for (const e of history) {
    if (e.kind !== "extend" || e.data.clock !== clock) continue;
    const p = e.data.period;
    if (typeof p === "string") n += parsePeriod(p).n;
  }
  return n;
}

/** 1 − used ÷ legal, in [0, 1] (an overdue application reduces nothing, never below 0). */
export function timeReduction(used: number, legal: number): number {
  if (legal <= 0) return 0;
  return Math.max(0, 1 - used / legal);
}

/** The facts a conclusion records, for the indicators (set-based over the fields). */
export interface ConclusionFacts {
  workingDaysUsed: number;
  extensionDays: number;
  /** Within the legal limit as extended. */
  onTime: boolean;
  /** Within the promised limit (a published, compressed limit, 优化营商环境条例 第三十六条). */
  withinPromise: boolean;
}

export function conclusionFacts(p: {
  calendar: LegalCalendar;
  start: LocalDate;
  end: LocalDate;
  history: readonly StepEvent[];
  legalDays: number;
  promisedDays?: number;
  clock: string;
}): ConclusionFacts {
  const used = workingDaysUsed(p.calendar, p.start, p.end, p.history);
  const ext = extensionDays(p.history, p.clock);
  return {
    workingDaysUsed: used,
    extensionDays: ext,
    onTime: used <= p.legalDays + ext,
    withinPromise: used <= (p.promisedDays ?? p.legalDays),
  };
}
