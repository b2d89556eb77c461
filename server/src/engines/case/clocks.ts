import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Label } from "../../kernel/labels.ts";
import {
  computeDeadline,
  type DeadlineWarning,
  formatPeriod,
  type LegalCalendar,
  type LocalDate,
  parsePeriod,
} from "../../kernel/time/index.ts";
import type { Registry } from "../registry.ts";
import type { Settings } from "../settings.ts";
import type { CaseTypeDecl, CaseView, ClockDecl } from "./declare.ts";

/**
 * Clocks: a case type's named time limits. A clock starts and stops on steps (of this
 * case, or of a case linked to it); its due date is always computed from the start
 * date, the suspensions and the extensions — never typed in, never stored.
 */
export interface ClockState {
  clock: string;
  label: Label;
  legalBasis: string;
  period: string;
  startedOn: LocalDate;
  stoppedOn: LocalDate | null;
  due: LocalDate | null;
  state: "running" | "suspended" | "stopped";
  warning: DeadlineWarning;
  remaining?: number;
  remainingUnit?: string;
  provisional: boolean;
  provisionalYears: number[];
}

/** The clock's period for this case; undefined when the time limit does not apply to it. */
function periodOf(decl: ClockDecl, c: CaseView, settings: Settings) {
  return typeof decl.period === "function" ? decl.period(c, settings) : decl.period;
}

/** Start and stop the clocks that a step of case `c` triggers, on `c` and on linked cases. */
export async function applyClockTriggers(
  trx: Transaction<DB>,
  registry: Registry,
  c: CaseView,
  action: string,
  onDate: LocalDate,
): Promise<void> {
  const own = registry.caseType(c.caseType);
  for (const clock of own?.clocks ?? []) {
    if (clock.startOn.action === action && !clock.startOn.viaLink)
      await startClock(trx, c, clock.code, onDate);
    if (clock.stopOn.some((t) => t.action === action && !t.viaLink))
      await stopClock(trx, c, clock.code, onDate);
  }
  // Clocks of cases on the other end of a typed link (e.g. a reconsideration that
  // reviews a penalty decision starts a clock on the decision's case). The other case may
  // belong to a unit the actor cannot see: the database functions check the link and
  // that the actor works on this case (migration 0003).
  const { rows } = await sql<{ kind: string; other_id: number; other_type: string }>`
    select kind, other_id, other_type from fazhi_linked_cases(${c.regionCode}, ${c.id})`.execute(
    trx,
  );
  for (const l of rows) {
    const decl = registry.caseType(l.other_type);
    for (const clock of decl?.clocks ?? []) {
      const starts = clock.startOn.viaLink === l.kind && clock.startOn.action === action;
      const stops = clock.stopOn.some((t) => t.viaLink === l.kind && t.action === action);
      for (const start of [starts ? true : undefined, stops ? false : undefined]) {
        if (start === undefined) continue;
        await sql`select fazhi_linked_clock(${c.regionCode}, ${c.id}, ${l.other_id}, ${clock.code}, ${onDate}::date, ${start})`.execute(
          trx,
        );
      }
    }
  }
}

async function startClock(
  trx: Transaction<DB>,
  c: { regionCode: string; id: number },
  clock: string,
  onDate: LocalDate,
) {
  await trx
    .insertInto("case_clock")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      clock,
      started_on: onDate,
      stopped_on: null,
    })
    .onConflict((oc) => oc.columns(["region_code", "case_id", "clock"]).doNothing())
    .execute();
}

async function stopClock(
  trx: Transaction<DB>,
  c: { regionCode: string; id: number },
  clock: string,
  onDate: LocalDate,
) {
  await trx
    .updateTable("case_clock")
    .set({ stopped_on: onDate })
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("clock", "=", clock)
    .where("stopped_on", "is", null)
    .execute();
}

/** Stop every running clock (the case closed). */
export async function stopAllClocks(trx: Transaction<DB>, c: CaseView, onDate: LocalDate) {
  await trx
    .updateTable("case_clock")
    .set({ stopped_on: onDate })
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("stopped_on", "is", null)
    .execute();
}

/** The computed deadlines of one case (started clocks that apply to it only). */
export async function caseClocks(
  trx: Transaction<DB>,
  decl: CaseTypeDecl,
  c: CaseView,
  calendar: LegalCalendar,
  today: LocalDate,
  settings: Settings,
): Promise<ClockState[]> {
  const [clocks, suspensions, extensions] = await Promise.all([
    trx
      .selectFrom("case_clock")
      .selectAll()
      .where("region_code", "=", c.regionCode)
      .where("case_id", "=", c.id)
      .execute(),
    trx
      .selectFrom("case_suspension")
      .selectAll()
      .where("region_code", "=", c.regionCode)
      .where("case_id", "=", c.id)
      .orderBy("from_date")
      .execute(),
    trx
      .selectFrom("case_extension")
      .selectAll()
      .where("region_code", "=", c.regionCode)
      .where("case_id", "=", c.id)
      .orderBy("id")
      .execute(),
  ]);
  const out: ClockState[] = [];
  for (const row of clocks) {
    const d = decl.clocks?.find((k) => k.code === row.clock);
    if (!d) continue;
    // The value in force on the day the clock started: a later change of a setting never
    // moves a deadline already running (engines/settings.ts, migration 0009).
    const period = periodOf(d, c, settings.on(row.started_on as LocalDate));
    if (!period) continue;
    const r = computeDeadline({
      calendar,
      rule: {
        code: d.code,
        label: d.label,
        period,
        startEvent: d.startOn.action,
        legalBasis: d.legalBasis,
      },
      start: row.started_on as LocalDate,
      today,
      suspensions: suspensions
        .filter((s) => s.clock === null || s.clock === d.code)
        .map((s) => ({ from: s.from_date as LocalDate, to: s.to_date as LocalDate | null })),
      extensions: extensions
        .filter((e) => e.clock === d.code)
        .map((e) => ({ period: parsePeriod(e.period), basis: e.basis, approvedBy: e.approved_by })),
      ...(d.dueSoon ? { dueSoon: d.dueSoon } : {}),
      ...(row.stopped_on ? { stoppedOn: row.stopped_on as LocalDate } : {}),
    });
    out.push({
      clock: d.code,
      label: d.label,
      legalBasis: d.legalBasis,
      period: formatPeriod(period),
      startedOn: row.started_on as LocalDate,
      stoppedOn: row.stopped_on as LocalDate | null,
      due: r.due,
      state: r.state,
      warning: r.warning,
      ...(r.remaining !== undefined ? { remaining: r.remaining } : {}),
      ...(r.remainingUnit !== undefined ? { remainingUnit: r.remainingUnit } : {}),
      provisional: r.provisional,
      provisionalYears: r.provisionalYears,
    });
  }
  return out;
}
