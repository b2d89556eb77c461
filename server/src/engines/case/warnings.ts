import { z } from "zod";
import { t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import {
  addDays,
  compareLocalDate,
  DEFAULT_DUE_SOON,
  diffDays,
  type LocalDate,
  type Period,
} from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { type Settings, settingsFor } from "../settings.ts";
import { caseKey, loadClockRows } from "./clock-data.ts";
import { type ClockProblem, type ClockState, clocksFromRows, periodOf } from "./clocks.ts";
import type { CaseTypeDecl, CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { fewestDays } from "./late.ts";
import { toView } from "./store.ts";

export interface Warning extends ClockState {
  caseId: number;
  caseType: string;
  caseTypeLabel: Label;
  title: string;
  unitId: number;
  handlerUserId: number | null;
  handlerName: string | null;
  /** Calendar days past the due date (0 when not overdue). */
  daysOverdue: number;
}

export interface WarningFilter {
  unitId?: number;
  handlerUserId?: number;
  level?: "due_soon" | "overdue";
  /** Warnings per page (default 50, at most 500). */
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

/** One page of warnings, most urgent first, with the counts of the whole list. */
export interface WarningPage {
  items: Warning[];
  /** Warnings matching the filter (every page). */
  total: number;
  /** Due-soon and overdue warnings for the unit and handler filters (the level ignored). */
  counts: { overdue: number; dueSoon: number };
  /** Give it as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

const Cursor = z.tuple([z.string(), z.string(), z.number().int(), z.string()]);
type CursorKey = z.infer<typeof Cursor>;

/** A warning with its place in the list: due date, region, case and clock. */
interface Ranked {
  key: CursorKey;
  warning: Warning;
}

/**
 * The warning list across every case type: every running clock due soon or overdue, for
 * the cases the actor may see, most urgent first, a page at a time.
 *
 * Cost: one SELECT of the open clocks (with their cases), then only the cases whose
 * clock could be due soon or overdue — a clock whose earliest possible due date (start
 * plus its period counted as the fewest calendar days it can span; suspensions and
 * extensions only move a due date later) lies beyond the widest due-soon window is not a
 * warning — are loaded in bulk (one statement) and computed by the kernel in memory.
 */
export async function warningPage(
  deps: CaseDeps,
  w: WorkTx,
  filter: WarningFilter,
): Promise<WarningPage> {
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const after = filter.cursor === undefined ? undefined : parseCursor(filter.cursor);
  const all = await allWarnings(deps, w, filter);
  const counts = {
    overdue: all.filter((x) => x.warning.warning === "overdue").length,
    dueSoon: all.filter((x) => x.warning.warning === "due_soon").length,
  };
  const listed = filter.level ? all.filter((x) => x.warning.warning === filter.level) : all;
  const from = after ? listed.findIndex((x) => compareKeys(x.key, after) > 0) : 0;
  const start = from < 0 ? listed.length : from;
  const page = listed.slice(start, start + limit);
  const last = page.at(-1);
  return {
    items: page.map((x) => x.warning),
    total: listed.length,
    counts,
    nextCursor:
      last && start + limit < listed.length
        ? Buffer.from(JSON.stringify(last.key)).toString("base64url")
        : null,
  };
}

/** Every warning (no paging), most urgent first: for callers inside the process. */
export async function warningList(
  deps: CaseDeps,
  w: WorkTx,
  filter: Omit<WarningFilter, "limit" | "cursor">,
): Promise<Warning[]> {
  const all = (await allWarnings(deps, w, filter)).map((x) => x.warning);
  return filter.level ? all.filter((x) => x.warning === filter.level) : all;
}

async function allWarnings(
  deps: CaseDeps,
  w: WorkTx,
  filter: { unitId?: number; handlerUserId?: number },
): Promise<Ranked[]> {
  let q = w.trx
    .selectFrom("case_clock as k")
    .innerJoin("case_file as c", (j) =>
      j.onRef("c.region_code", "=", "k.region_code").onRef("c.id", "=", "k.case_id"),
    )
    .leftJoin("app_user as u", "u.id", "c.handler_user_id")
    .selectAll("c")
    .select(["k.clock", "k.started_on as clock_started_on", "u.display_name as handler_name"])
    .where("k.stopped_on", "is", null)
    .where("c.closed_on", "is", null);
  if (filter.unitId) q = q.where("c.unit_id", "=", filter.unitId);
  if (filter.handlerUserId) q = q.where("c.handler_user_id", "=", filter.handlerUserId);
  const rows = await q.execute();
  const byRegion = new Map<string, Settings>();
  const candidates = new Map<
    string,
    { decl: CaseTypeDecl; c: CaseView; settings: Settings; handlerName: string | null }
  >();
  for (const r of rows) {
    const key = caseKey(r.region_code, r.id);
    if (candidates.has(key)) continue;
    const decl = deps.registry.caseType(r.case_type);
    if (!decl) continue;
    let settings = byRegion.get(r.region_code);
    if (!settings) {
      settings = await settingsFor(w.trx, deps.registry, r.region_code, w.today);
      byRegion.set(r.region_code, settings);
    }
    const c = toView(r);
    if (!mayWarn(decl, c, r.clock, r.clock_started_on as LocalDate, settings, w.today)) continue;
    candidates.set(key, { decl, c, settings, handlerName: r.handler_name ?? null });
  }
  const calendar = await deps.calendar(w.trx);
  const data = await loadClockRows(
    w.trx,
    [...candidates.values()].map((x) => x.c),
  );
  const out: Ranked[] = [];
  for (const [key, { decl, c, settings, handlerName }] of candidates) {
    const rowsOf = data.get(key) ?? { clocks: [], suspensions: [], extensions: [] };
    const clocks = clocksFromRows(decl, c, rowsOf, calendar, w.today, settings, w.now);
    // A case whose clocks cannot be computed is skipped here, logged, and listed in
    // GET /api/data-quality; the rest of the list is served.
    reportProblems(deps, clocks.problems);
    if (clocks.problems.length > 0) continue;
    for (const d of clocks.clocks) {
      if (d.state !== "running" || d.warning === "normal") continue;
      out.push({
        // The region is part of the order (ids are per region), not of the wire shape.
        key: [d.due ?? "", c.regionCode, c.id, d.clock],
        warning: {
          ...d,
          caseId: c.id,
          caseType: c.caseType,
          caseTypeLabel: decl.label,
          title: c.title,
          unitId: c.unitId,
          handlerUserId: c.handlerUserId,
          handlerName,
          daysOverdue:
            d.warning === "overdue" && d.due
              ? Math.max(0, diffDays(d.due as LocalDate, w.today))
              : 0,
        },
      });
    }
  }
  return out.sort((a, b) => compareKeys(a.key, b.key));
}

/**
 * Whether an open clock could be due soon or overdue today. False only when its earliest
 * possible due date is beyond the widest due-soon window; odd data (a period that cannot
 * be computed) is a candidate, so that the full computation names the problem.
 */
function mayWarn(
  decl: CaseTypeDecl,
  c: CaseView,
  clock: string,
  startedOn: LocalDate,
  settings: Settings,
  today: LocalDate,
): boolean {
  const d = decl.clocks?.find((k) => k.code === clock);
  if (!d) return false;
  try {
    const period = periodOf(d, c, settings.on(startedOn));
    if (!period) return false;
    const earliest = addDays(startedOn, fewestDays(period));
    const window = addDays(today, widestDays(d.dueSoon ?? DEFAULT_DUE_SOON));
    return compareLocalDate(earliest, window) <= 0;
  } catch {
    return true;
  }
}

/**
 * The most calendar days a due-soon window can span: working days across the longest
 * holiday runs (a week of Spring Festival or National Day plus weekends) with margin.
 */
function widestDays(p: Period): number {
  switch (p.unit) {
    case "working_day":
      return 2 * p.n + 21;
    case "calendar_day":
      return p.n + 1;
    case "month":
      return 31 * p.n + 1;
    case "hour":
      return Math.ceil(p.n / 24) + 1;
    default:
      return 10_000;
  }
}

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

function parseCursor(s: string): CursorKey {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(s, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError(t("分页游标无效", "cursor is not valid"), [
      {
        field: "query.cursor",
        message: t("请使用上一页返回的 nextCursor", "give the nextCursor of the page before"),
      },
    ]);
  }
}

function reportProblems(deps: CaseDeps, problems: ClockProblem[]) {
  for (const p of problems) deps.log?.(p);
}
