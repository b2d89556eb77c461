/**
 * Civil dates in China (zone Asia/Shanghai, UTC+8, no daylight saving time).
 *
 * A `LocalDate` is a validated `YYYY-MM-DD` string. It has no time and no zone:
 * it names a calendar day. All arithmetic maps the date to a day number through
 * `Date.UTC` and back with the `getUTC*` getters, so the host's time zone never
 * leaks in. Only `toLocalDate` deals with instants, and it always uses
 * Asia/Shanghai.
 */
import { ValidationError } from "../errors.ts";

declare const localDateBrand: unique symbol;
export type LocalDate = string & { readonly [localDateBrand]: true };

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export type IsoDayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;
export const TIME_ZONE = "Asia/Shanghai";

const MS_PER_DAY = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month of the proleptic Gregorian calendar (arithmetic: no Date per call). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? Number.NaN;
}

function checkParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return `year must be between ${MIN_YEAR} and ${MAX_YEAR}`;
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) return "month must be 01–12";
  const max = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > max) {
    return `no such day: ${year}-${pad2(month)} has ${max} days`;
  }
  return null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function format(year: number, month: number, day: number): LocalDate {
  return `${year}-${pad2(month)}-${pad2(day)}` as LocalDate;
}

/** Why `value` is not a valid LocalDate, or null if it is one. */
export function localDateProblem(value: unknown): string | null {
  if (typeof value !== "string") return "must be a date string YYYY-MM-DD";
  const m = PATTERN.exec(value);
  if (!m) return `"${value}" is not a date in the form YYYY-MM-DD`;
  const problem = checkParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return problem ? `"${value}" is not a valid date: ${problem}` : null;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return localDateProblem(value) === null;
}

/** Validates `YYYY-MM-DD`; throws ValidationError naming `field` (e.g. for 2020-02-30). */
export function parseLocalDate(value: unknown, field = "date"): LocalDate {
  const problem = localDateProblem(value);
  if (problem)
    throw new ValidationError(`invalid ${field}: ${problem}`, [{ field, message: problem }]);
  return value as LocalDate;
}

/** Builds a date from its parts (month 1–12); throws ValidationError if there is no such day. */
export function localDate(year: number, month: number, day: number): LocalDate {
  const problem = checkParts(year, month, day);
  if (problem)
    throw new ValidationError(`invalid date: ${problem}`, [{ field: "date", message: problem }]);
  return format(year, month, day);
}

const shanghaiFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The civil date in Asia/Shanghai at the given instant. */
export function toLocalDate(instant: Date): LocalDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new ValidationError("invalid instant: not a valid Date", [
      { field: "instant", message: "not a valid Date" },
    ]);
  }
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of shanghaiFormat.formatToParts(instant)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return localDate(year, month, day);
}

export function yearOf(d: LocalDate): number {
  return Number(d.slice(0, 4));
}

export function monthOf(d: LocalDate): number {
  return Number(d.slice(5, 7));
}

export function dayOfMonth(d: LocalDate): number {
  return Number(d.slice(8, 10));
}

/** Day number: days since 1970-01-01 (negative before). */
export function toEpochDay(d: LocalDate): number {
  return Date.UTC(yearOf(d), monthOf(d) - 1, dayOfMonth(d)) / MS_PER_DAY;
}

export function fromEpochDay(n: number): LocalDate {
  const t = new Date(n * MS_PER_DAY);
  return localDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new ValidationError(`day count must be an integer, got ${n}`);
  return n === 0 ? d : fromEpochDay(toEpochDay(d) + n);
}

/** `b − a` in days: diffDays("2020-01-01", "2020-01-03") = 2. */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function dayOfWeek(d: LocalDate): IsoDayOfWeek {
  const utcDay = new Date(toEpochDay(d) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return (utcDay === 0 ? 7 : utcDay) as IsoDayOfWeek;
}

export function isWeekend(d: LocalDate): boolean {
  return dayOfWeek(d) >= 6;
}

export function compareLocalDate(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  // YYYY-MM-DD with a 4-digit year sorts lexicographically in date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/**
 * The corresponding day `n` months later (n may be negative), or the last day of
 * that month when it has no corresponding day (民法典 art. 202):
 * addMonthsClamped("2020-01-31", 1) = "2020-02-29".
 */
export function addMonthsClamped(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new ValidationError(`month count must be an integer, got ${n}`);
  const index = yearOf(d) * 12 + (monthOf(d) - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return localDate(year, month, Math.min(dayOfMonth(d), daysInMonth(year, month)));
}

/** The instant a civil day begins in Asia/Shanghai (UTC+8, no daylight saving since 1991). */
export function startOfLocalDay(d: LocalDate): Date {
  return new Date(`${d}T00:00:00+08:00`);
}
