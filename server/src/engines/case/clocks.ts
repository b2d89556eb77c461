import type { Transaction } from "kysely";
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
  // reviews a penalty decision starts a clock on the decision's case).
  const links = await trx
    .selectFrom("case_link")
    .select(["kind", "from_case_id", "to_case_id"])
    .where("region_code", "=", c.regionCode)
    .where((eb) => eb.or([eb("from_case_id", "=", c.id), eb("to_case_id", "=", c.id)]))
    .execute();
  for (const l of links) {
    const otherId = l.from_case_id === c.id ? l.to_case_id : l.from_case_id;
    const other = await trx
      .selectFrom("case_file")
      .select(["case_type", "id", "region_code"])
      .where("region_code", "=", c.regionCode)
      .where("id", "=", otherId)
      .executeTakeFirst();
    if (!other) continue;
    const decl = registry.caseType(other.case_type);
    const target = { regionCode: other.region_code, id: other.id };
    for (const clock of decl?.clocks ?? []) {
      if (clock.startOn.viaLink === l.kind && clock.startOn.action === action) {
        await startClock(trx, target, clock.code, onDate);
      }
      if (clock.stopOn.some((t) => t.viaLink === l.kind && t.action === action)) {
        await stopClock(trx, target, clock.code, onDate);
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
    const period = periodOf(d, c, settings);
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
