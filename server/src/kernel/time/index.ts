/** The legal-time kernel: civil dates, the legal calendar, periods and deadlines. */
export { bundledNotices } from "./bundled.ts";
export {
  type CalendarAnswer,
  CalendarProbe,
  type DayInfo,
  type DayKind,
  LegalCalendar,
  type LegalCalendarOptions,
} from "./calendar.ts";
export {
  type CountingUnit,
  computeDeadline,
  countWorkingDays,
  DEFAULT_DUE_SOON,
  type Deadline,
  type DeadlineInput,
  type DeadlineState,
  type DeadlineWarning,
  type Extension,
  type Suspension,
  type TimeLimitRule,
} from "./deadline.ts";
export * from "./local-date.ts";
export { type HolidayNotice, type NoticeAmendment, parseHolidayNotice } from "./notice.ts";
export {
  addHours,
  addPeriod,
  type DueDate,
  dueWith,
  formatPeriod,
  hourDays,
  type LatestDate,
  latestBefore,
  nominalEnd,
  nthWorkingDayAfter,
  PERIOD_LIMITS,
  type Period,
  type PeriodUnit,
  parsePeriod,
  rollBackward,
  rollForward,
  validatePeriod,
} from "./period.ts";
export { type RuleSet, type RuleSetVersion, ruleVersionAt } from "./rule-set.ts";
export {
  FIRST_STATUTORY_YEAR,
  qingmingDay,
  STATUTORY_HOLIDAY_LABELS,
  type StatutoryHoliday,
  type StatutoryHolidayCode,
  type StatutoryRestDay,
  statutoryHolidays,
  statutoryRestDays,
} from "./statutory.ts";
