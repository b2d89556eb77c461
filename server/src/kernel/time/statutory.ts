/**
 * Statutory public holidays (全体公民放假的节日) under 《全国年节及纪念日放假办法》,
 * used for years whose State Council notice is not loaded yet (provisional answers).
 *
 * - 2024 revision, in force 2025-01-01 (art. 2): 元旦 1 day; 春节 4 days (除夕 and
 *   初一–初三); 清明 1 day (the solar term day); 劳动节 2 days (05-01, 05-02);
 *   端午 1 day (lunar 5-5); 中秋 1 day (lunar 8-15); 国庆 3 days (10-01–10-03).
 * - 2013 revision, in force 2014-01-01 (used for 2014–2024): the same, except
 *   春节 3 days (初一–初三) and 劳动节 1 day (05-01).
 * - Art. 6: a holiday falling on a Saturday or Sunday is made up (补假) on a working
 *   day. We take the next Monday–Friday after it that is neither a holiday nor
 *   already a make-up day. [I] When two holidays fall on the same day (中秋 on
 *   10-01 in 2020, on 10-03 in 2028) the second is made up the same way, as the
 *   2020 notice did (10-01–10-08: four holidays, two weekend days, two make-up days).
 *
 * What the law cannot tell in advance: the 调休 arrangement of art. 7 (moved
 * working days, longer blocks). Hence "provisional".
 */
import lunar from "lunar-javascript";
import { ValidationError } from "../errors.ts";
import { addDays, isWeekend, type LocalDate, localDate } from "./local-date.ts";

export type StatutoryHolidayCode =
  | "new_year"
  | "spring_festival"
  | "qingming"
  | "labour_day"
  | "dragon_boat"
  | "mid_autumn"
  | "national_day";

export const STATUTORY_HOLIDAY_LABELS: Record<StatutoryHolidayCode, { zh: string; en: string }> = {
  new_year: { zh: "元旦", en: "New Year's Day" },
  spring_festival: { zh: "春节", en: "Spring Festival" },
  qingming: { zh: "清明节", en: "Qingming Festival" },
  labour_day: { zh: "劳动节", en: "Labour Day" },
  dragon_boat: { zh: "端午节", en: "Dragon Boat Festival" },
  mid_autumn: { zh: "中秋节", en: "Mid-Autumn Festival" },
  national_day: { zh: "国庆节", en: "National Day" },
};

export interface StatutoryHoliday {
  date: LocalDate;
  code: StatutoryHolidayCode;
}

export interface StatutoryRestDay {
  date: LocalDate;
  code: StatutoryHolidayCode;
  /** Set on an art. 6 make-up day (补假): the holiday date it makes up for. */
  makesUpFor?: LocalDate;
}

/** The first year whose statutory holidays this module can compute. */
export const FIRST_STATUTORY_YEAR = 2014;
const REVISION_2024_FROM = 2025;

function solar(s: { getYear(): number; getMonth(): number; getDay(): number }): LocalDate {
  return localDate(s.getYear(), s.getMonth(), s.getDay());
}

/** The day a lunar date of lunar year `year` falls on. */
function lunarDay(year: number, month: number, day: number): LocalDate {
  return solar(lunar.Lunar.fromYmd(year, month, day).getSolar());
}

/** The 清明 solar term day of `year` (4 or 5 April). */
export function qingmingDay(year: number): LocalDate {
  const term = lunar.Lunar.fromYmd(year, 1, 1).getJieQiTable().清明;
  if (term === undefined) throw new Error(`lunar-javascript gave no 清明 for ${year}`);
  return solar(term);
}

/** The holiday days of art. 2, in date order (a date appears twice when two holidays coincide). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > 9998) {
    throw new ValidationError(
      `no statutory holiday rules encoded for ${year} (supported from ${FIRST_STATUTORY_YEAR})`,
    );
  }
  const rev2024 = year >= REVISION_2024_FROM;
  const springFestival = lunarDay(year, 1, 1);
  const list: StatutoryHoliday[] = [{ date: localDate(year, 1, 1), code: "new_year" }];
  const sfDays = rev2024 ? [-1, 0, 1, 2] : [0, 1, 2]; // 除夕 is the day before 初一
  for (const offset of sfDays) {
    list.push({ date: addDays(springFestival, offset), code: "spring_festival" });
  }
  list.push({ date: qingmingDay(year), code: "qingming" });
  list.push({ date: localDate(year, 5, 1), code: "labour_day" });
  if (rev2024) list.push({ date: localDate(year, 5, 2), code: "labour_day" });
  list.push({ date: lunarDay(year, 5, 5), code: "dragon_boat" });
  list.push({ date: lunarDay(year, 8, 15), code: "mid_autumn" });
  for (const day of [1, 2, 3]) list.push({ date: localDate(year, 10, day), code: "national_day" });
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The holidays of art. 2 plus their art. 6 make-up days, in date order, one entry per date. */
export function statutoryRestDays(year: number): StatutoryRestDay[] {
  const holidays = statutoryHolidays(year);
  const holidayDates = new Set<string>(holidays.map((h) => h.date));
  const result: StatutoryRestDay[] = [];
  const taken = new Set<string>();
  for (const h of holidays) {
    const displaced = isWeekend(h.date) || taken.has(h.date);
    if (!taken.has(h.date)) {
      result.push({ date: h.date, code: h.code });
      taken.add(h.date);
    }
    if (!displaced) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || holidayDates.has(d) || taken.has(d)) d = addDays(d, 1);
    result.push({ date: d, code: h.code, makesUpFor: h.date });
    taken.add(d);
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
