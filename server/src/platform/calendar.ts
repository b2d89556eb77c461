import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import {
  bundledNotices,
  type HolidayNotice,
  LegalCalendar,
  parseHolidayNotice,
} from "../kernel/time/index.ts";

/**
 * The legal calendar in use: the notices bundled with the code (2019–2026) overlaid by
 * the notices an administrator loaded into the database (`fazhi calendar load`,
 * POST /api/calendar/notices) — a new year's notice is data, not a code change.
 */
export async function loadNotices(db: Kysely<DB>): Promise<HolidayNotice[]> {
  const rows = await db.selectFrom("calendar_notice").select(["year", "notice"]).execute();
  const byYear = new Map(bundledNotices().map((n) => [n.year, n]));
  for (const r of rows) byYear.set(r.year, parseHolidayNotice(r.notice));
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

let cached: { at: number; calendar: LegalCalendar } | undefined;
const TTL_MS = 60_000;

/** The calendar, cached for a minute (notices change once a year). */
export async function legalCalendar(db: Kysely<DB>, nowMs: number): Promise<LegalCalendar> {
  if (cached && nowMs - cached.at < TTL_MS) return cached.calendar;
  const calendar = new LegalCalendar(await loadNotices(db));
  cached = { at: nowMs, calendar };
  return calendar;
}

export function forgetCalendar(): void {
  cached = undefined;
}

/**
 * Store a notice (replacing that year's); validated by building a calendar with it.
 * Returns the calendars before and after, so callers can show what moved.
 */
export async function storeNotice(
  owner: Kysely<DB>,
  raw: unknown,
  loadedBy: string,
): Promise<{ notice: HolidayNotice; before: LegalCalendar; after: LegalCalendar }> {
  const notice = parseHolidayNotice(raw);
  const current = await loadNotices(owner);
  const before = new LegalCalendar(current);
  const after = new LegalCalendar([...current.filter((n) => n.year !== notice.year), notice]);
  await owner
    .insertInto("calendar_notice")
    .values({
      year: notice.year,
      document: notice.document,
      notice: JSON.stringify(notice),
      loaded_by: loadedBy,
    })
    .onConflict((oc) =>
      oc.column("year").doUpdateSet({
        document: notice.document,
        notice: JSON.stringify(notice),
        loaded_by: loadedBy,
        loaded_at: new Date(),
      }),
    )
    .execute();
  forgetCalendar();
  return { notice, before, after };
}
