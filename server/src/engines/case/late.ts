import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import {
  addDays,
  compareLocalDate,
  type LegalCalendar,
  type LocalDate,
  type Period,
} from "../../kernel/time/index.ts";
import type { Settings } from "../settings.ts";
import { caseKey, loadClockRows } from "./clock-data.ts";
import { type ClockState, clocksFromRows, periodOf } from "./clocks.ts";
import type { AnyCaseType, CaseView } from "./declare.ts";

/** What `lateClocks` counts: case types, scope and period. */
export interface LateQuery {
  db: Kysely<DB> | Transaction<DB>;
  /** The case types counted, by code. */
  types: Readonly<Record<string, AnyCaseType>>;
  regions: readonly string[];
  unitId?: number;
  from: string;
  to: string;
  calendar: LegalCalendar;
  /** The settings of a region (the period's clocks take the value in force when they started). */
  settingsOf: (regionCode: string) => Promise<Settings>;
}

/** A case with the latest instances of its clocks that were late in the period. */
export interface LateCase {
  case: CaseView;
  late: ClockState[];
}

interface Row {
  region_code: string;
  id: number;
  case_type: string;
  unit_id: number;
  state: string;
  title: string;
  fields: Record<string, unknown> | null;
  numbers: Record<string, string> | null;
  parent_id: number | null;
  version: number;
  opened_on: string;
  closed_on: string | null;
  handler_user_id: number | null;
  /** [clock code, started on, stopped on] of the clocks in the period. */
  clocks: [string, string, string | null][];
}

/**
 * The clocks that missed their time limit in a period (for the indicators that count
 * overdue cases): a clock that stopped in the period after its due date, or that was
 * still running at the end of the period past its due date.
 *
 * Cost (issue 9): one statement reads the period's clocks with their cases (only the
 * columns a case view needs, each case once); a clock that cannot be late — its earliest
 * possible due date (its start plus its period counted as the fewest calendar days it can
 * span; suspensions and extensions only move a due date later) is on or after the day it
 * stopped, or the end of the period — is ruled out in memory without computing it. Only
 * the remaining cases' clocks, suspensions and extensions are read (in bulk) and
 * computed by the kernel. Same answers as computing every clock of the period
 * (`late.test.ts`).
 *
 * Cases come back in region and id order.
 */
export async function lateClocks(q: LateQuery): Promise<LateCase[]> {
  const types = Object.keys(q.types);
  if (types.length === 0 || q.regions.length === 0) return [];
  const unit = q.unitId === undefined ? sql`` : sql`and c.unit_id = ${q.unitId}`;
  const { rows } = await sql<Row>`select c.region_code, c.id, c.case_type, c.unit_id, c.state,
        c.title, c.fields, c.numbers, c.parent_id, c.version, c.opened_on, c.closed_on,
        c.handler_user_id,
        json_agg(json_build_array(k.clock, k.started_on, k.stopped_on)) as clocks
      from case_clock k
      join case_file c on c.region_code = k.region_code and c.id = k.case_id
     where c.region_code = any(${[...q.regions]}::text[])
       and c.case_type = any(${types}::text[]) ${unit}
       and k.started_on <= ${q.to} and (k.stopped_on is null or k.stopped_on >= ${q.from})
     group by c.region_code, c.id
     order by c.region_code, c.id`.execute(q.db);
  const bySettings = new Map<string, Settings>();
  const items: { decl: AnyCaseType; case: CaseView; settings: Settings }[] = [];
  for (const r of rows) {
    const decl = q.types[r.case_type];
    if (!decl) continue;
    let settings = bySettings.get(r.region_code);
    if (!settings) {
      settings = await q.settingsOf(r.region_code);
      bySettings.set(r.region_code, settings);
    }
    const c = viewOf(r);
    if (r.clocks.some(([clock, on, stop]) => mayBeLate(decl, c, clock, on, stop, settings, q)))
      items.push({ decl, case: c, settings });
  }
  const out: LateCase[] = [];
  const CHUNK = 5000;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const data = await loadClockRows(
      q.db,
      chunk.map((x) => x.case),
    );
    for (const x of chunk) {
      const rowsOf = data.get(caseKey(x.case.regionCode, x.case.id));
      if (!rowsOf) continue;
      const computed = clocksFromRows(
        x.decl,
        x.case,
        rowsOf,
        q.calendar,
        q.to as LocalDate,
        x.settings,
      );
      // A case whose clocks cannot be computed is skipped (named in GET /api/data-quality).
      if (computed.problems.length > 0) continue;
      const late = computed.clocks.filter((k) => isLate(k, q.from, q.to));
      if (late.length > 0) out.push({ case: x.case, late });
    }
  }
  return out;
}

/** Late in [from, to]: stopped in it after the due date, or running at its end past it. */
export function isLate(k: ClockState, from: string, to: string): boolean {
  if (!k.due || k.startedOn > to) return false;
  const stoppedInPeriod = k.stoppedOn !== null && k.stoppedOn >= from && k.stoppedOn <= to;
  if (stoppedInPeriod) return k.stoppedOn! > k.due;
  const runningAtEnd = k.stoppedOn === null || k.stoppedOn > to;
  return runningAtEnd && k.due < to;
}

/**
 * Whether a clock could be late in the period. False only when its earliest possible due
 * date is on or after the day it stopped in the period (or the period's end, when it ran
 * past it); odd data (a period that cannot be computed) may be late, so that the full
 * computation decides (and skips the case as before).
 */
function mayBeLate(
  decl: AnyCaseType,
  c: CaseView,
  clock: string,
  startedOn: string,
  stoppedOn: string | null,
  settings: Settings,
  q: { from: string; to: string },
): boolean {
  const d = decl.clocks?.find((k) => k.code === clock);
  if (!d) return false;
  try {
    const period = periodOf(d, c, settings.on(startedOn as LocalDate));
    if (!period) return false;
    const earliest = addDays(startedOn as LocalDate, fewestDays(period));
    const stoppedInPeriod = stoppedOn !== null && stoppedOn >= q.from && stoppedOn <= q.to;
    const limit = (stoppedInPeriod ? stoppedOn : q.to) as LocalDate;
    return compareLocalDate(earliest, limit) < 0;
  } catch {
    return true;
  }
}

/** The fewest calendar days a period can span (a working day is at least a day; a month 28 days). */
export function fewestDays(p: Period): number {
  switch (p.unit) {
    case "working_day":
    case "calendar_day":
      return p.n;
    case "month":
      return 28 * p.n;
    case "hour":
      return Math.floor(p.n / 24);
    default:
      return 0;
  }
}

function viewOf(r: Row): CaseView {
  return {
    regionCode: r.region_code,
    id: Number(r.id),
    caseType: r.case_type,
    unitId: Number(r.unit_id),
    state: r.state,
    title: r.title,
    fields: r.fields ?? {},
    numbers: r.numbers ?? {},
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    version: r.version,
    openedOn: r.opened_on as LocalDate,
    closedOn: r.closed_on as LocalDate | null,
    handlerUserId: r.handler_user_id === null ? null : Number(r.handler_user_id),
  };
}
