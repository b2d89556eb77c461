import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { t, ValidationError } from "../kernel/errors.ts";
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
  // A year bundled with the code is the State Council's published notice, checked when
  // it was bundled: it is replaced only by a notice that names its document and is
  // marked verified against the published text (issue 8).
  const bundled = bundledNotices().find((n) => n.year === notice.year);
  if (bundled && (notice.verified !== true || !notice.document.trim())) {
    throw new ValidationError(
      t(
        `${notice.year} 年的放假通知随系统提供（${bundled.document}）；只能用注明文号并已核对原文（verified: true）的通知替换`,
        `the ${notice.year} notice is bundled (${bundled.document}); it is replaced only by a notice that names its document and is verified against the published text (verified: true)`,
      ),
      [
        {
          field: "verified",
          message: t("替换随系统提供的年度须为 true", "must be true to replace a bundled year"),
        },
      ],
    );
  }
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
