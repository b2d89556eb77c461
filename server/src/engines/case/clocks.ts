import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { basisText } from "../../kernel/citation.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import {
  addHours,
  compareLocalDate,
  computeDeadline,
  type DeadlineWarning,
  type Extension,
  formatPeriod,
  type LegalCalendar,
  type LocalDate,
  type Period,
  parseLocalDate,
  parsePeriod,
  type Suspension,
} from "../../kernel/time/index.ts";
import type { Registry } from "../registry.ts";
import type { Settings } from "../settings.ts";
import { type ClockRows, loadCaseClockRows } from "./clock-data.ts";
import type { CaseTypeDecl, CaseView, ClockDecl } from "./declare.ts";

/**
 * Clocks: a case type's named time limits. A clock starts and stops on steps (of this
 * case, or of a case linked to it); its due date is always computed from the start
 * date, the suspensions and the extensions — never typed in, never stored. A
 * restartable clock keeps each start as an instance; the latest is the clock, earlier
 * ones are its history.
 */
export interface ClockState {
  clock: string;
  label: Label;
  legalBasis: string;
  period: string;
  instance: number;
  startedOn: LocalDate;
  /** Where the start date came from: "step", "input.<name>" or "field.<name>". */
  startSource: string;
  stoppedOn: LocalDate | null;
  due: LocalDate | null;
  /** For periods in hours started at a known moment: the exact end. */
  dueAt?: string;
  state: "running" | "suspended" | "stopped";
  warning: DeadlineWarning;
  remaining?: number;
  remainingUnit?: string;
  provisional: boolean;
  provisionalYears: number[];
  /** Extensions granted on this instance: how many and their periods. */
  extensions: { period: string; onDate: LocalDate; approvedBy: string }[];
  /** Stopped because the clock started again (history). */
  superseded: boolean;
}

/** A clock that could not be computed (odd data): named, never breaking a list. */
export interface ClockProblem {
  regionCode: string;
  caseId: number;
  caseType: string;
  title: string;
  unitId: number;
  clock: string;
  message: string;
}

/** The clock's period for this case; undefined when the time limit does not apply to it. */
export function periodOf(decl: ClockDecl, c: CaseView, settings: Settings): Period | undefined {
  return typeof decl.period === "function" ? decl.period(c, settings) : decl.period;
}

/** What a step carries for its clocks: the date sources and the moment. */
export interface StepClockContext {
  input: Record<string, unknown>;
  fields: Record<string, unknown>;
  now: Date;
  today: LocalDate;
  /** The case's links, when already read with the case (`linksFollowed`). */
  linked?: LinkedCase[];
}

/** A case on the other end of a typed link (`fazhi_linked_cases`, migration 0005). */
export interface LinkedCase {
  kind: string;
  other_region: string;
  other_id: number;
  other_type: string;
}

/** Whether some case type's clock starts or stops by this action through a link. */
export function linksFollowed(registry: Registry, action: string): boolean {
  return registry
    .caseTypes()
    .some((ct) =>
      (ct.clocks ?? []).some(
        (k) =>
          (k.startOn.viaLink && k.startOn.action === action) ||
          k.stopOn.some((x) => x.viaLink && x.action === action),
      ),
    );
}

/** The start date a clock declares (`dateFrom`), or the step's date. */
function startDate(
  clock: ClockDecl,
  onDate: LocalDate,
  step: StepClockContext,
): { date: LocalDate; source: string } {
  const from = clock.startOn.dateFrom;
  if (!from) return { date: onDate, source: "step" };
  const [where, name] = from.split(".", 2) as ["input" | "field", string];
  const value = where === "input" ? step.input[name] : step.fields[name];
  if (value === undefined || value === null || value === "")
    return { date: onDate, source: "step" };
  const field = where === "input" ? `input.${name}` : `fields.${name}`;
  if (typeof value !== "string") {
    throw new ValidationError(t(`${field} 须为日期`, `${field} must be a date`), [
      { field, message: t("须为 YYYY-MM-DD 格式的日期", "a date YYYY-MM-DD") },
    ]);
  }
  const date = parseLocalDate(value, field);
  if (compareLocalDate(date, "2000-01-01" as LocalDate) < 0) {
    throw new ValidationError(t(`${field} 早于 2000-01-01`, `${field} is before 2000-01-01`), [
      { field, message: t("不得早于 2000-01-01", "on or after 2000-01-01") },
    ]);
  }
  return { date, source: from };
}

/** Start and stop the clocks that a step of case `c` triggers, on `c` and on linked cases. */
export async function applyClockTriggers(
  trx: Transaction<DB>,
  registry: Registry,
  c: CaseView,
  action: string,
  onDate: LocalDate,
  step: StepClockContext,
): Promise<void> {
  const own = registry.caseType(c.caseType);
  for (const clock of own?.clocks ?? []) {
    if (clock.stopOn.some((x) => x.action === action && !x.viaLink))
      await stopClock(trx, c, clock.code, onDate);
    if (clock.startOn.action === action && !clock.startOn.viaLink) {
      const { date, source } = startDate(clock, onDate, step);
      // The exact moment only when the step happens now and is dated by itself.
      const at = source === "step" && onDate === step.today ? step.now : null;
      await startClock(trx, c, clock, date, source, at);
    }
  }
  // Clocks of cases on the other end of a typed link (e.g. a reconsideration that
  // reviews a penalty decision starts a clock on the decision's case). The other case may
  // belong to a unit or region the actor cannot see: the database functions check the
  // link and that the actor works on this case (migration 0005).
  // Only when some case type's clock starts or stops by this action through a link.
  if (!linksFollowed(registry, action)) return;
  const rows =
    step.linked ??
    (
      await sql<LinkedCase>`select kind, other_region, other_id, other_type
        from fazhi_linked_cases(${c.regionCode}, ${c.id})`.execute(trx)
    ).rows;
  for (const l of rows) {
    const decl = registry.caseType(l.other_type);
    for (const clock of decl?.clocks ?? []) {
      const starts = clock.startOn.viaLink === l.kind && clock.startOn.action === action;
      const stops = clock.stopOn.some((x) => x.viaLink === l.kind && x.action === action);
      for (const start of [stops ? false : undefined, starts ? true : undefined]) {
        if (start === undefined) continue;
        await sql`select fazhi_linked_clock(${c.regionCode}, ${c.id}, ${l.other_region}, ${l.other_id},
            ${clock.code}, ${onDate}::date, ${start}, ${clock.restartable === true})`.execute(trx);
      }
    }
  }
}

async function startClock(
  trx: Transaction<DB>,
  c: { regionCode: string; id: number },
  clock: ClockDecl,
  date: LocalDate,
  source: string,
  at: Date | null,
) {
  if (!clock.restartable) {
    // The first start counts: one statement, a no-op when the clock has started before.
    await sql`insert into case_clock (region_code, case_id, clock, instance, started_on,
                started_at, start_source, stopped_on)
      select ${c.regionCode}, ${c.id}, ${clock.code}, 1, ${date}::date, ${at}::timestamptz,
             ${source}, null
       where not exists (select 1 from case_clock where region_code = ${c.regionCode}
                           and case_id = ${c.id} and clock = ${clock.code})`.execute(trx);
    return;
  }
  const last = await trx
    .selectFrom("case_clock")
    .select(["instance", "stopped_on"])
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("clock", "=", clock.code)
    .orderBy("instance", "desc")
    .executeTakeFirst();
  if (last) {
    // A repeated start: the running instance ends, superseded (kept as history).
    await trx
      .updateTable("case_clock")
      .set({ stopped_on: date, superseded: true })
      .where("region_code", "=", c.regionCode)
      .where("case_id", "=", c.id)
      .where("clock", "=", clock.code)
      .where("stopped_on", "is", null)
      .execute();
  }
  await trx
    .insertInto("case_clock")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      clock: clock.code,
      instance: (last?.instance ?? 0) + 1,
      started_on: date,
      started_at: at,
      start_source: source,
      stopped_on: null,
    })
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

export interface CaseClocks {
  /** The latest instance of each started clock that applies to the case. */
  clocks: ClockState[];
  /** Earlier instances of restartable clocks, oldest first. */
  history: ClockState[];
  /** Clocks that could not be computed from the stored data. */
  problems: ClockProblem[];
}

/**
 * The computed deadlines of one case. A clock whose data cannot be computed is named in
 * `problems` and left out; the others are served.
 */
export async function computeCaseClocks(
  trx: Transaction<DB>,
  decl: CaseTypeDecl,
  c: CaseView,
  calendar: LegalCalendar,
  today: LocalDate,
  settings: Settings,
  now?: Date,
): Promise<CaseClocks> {
  const rows = await loadCaseClockRows(trx, c);
  return clocksFromRows(decl, c, rows, calendar, today, settings, now);
}

/**
 * The computed deadlines of one case from its stored rows (loaded in bulk with
 * `loadClockRows`): pure, no I/O. A clock whose data cannot be computed is named in
 * `problems` and left out.
 */
export function clocksFromRows(
  decl: CaseTypeDecl,
  c: CaseView,
  rows: ClockRows,
  calendar: LegalCalendar,
  today: LocalDate,
  settings: Settings,
  now?: Date,
): CaseClocks {
  const { clocks, suspensions, extensions } = rows;
  const out: CaseClocks = { clocks: [], history: [], problems: [] };
  const latest = new Map<string, number>();
  for (const row of clocks)
    latest.set(row.clock, Math.max(latest.get(row.clock) ?? 0, row.instance));
  for (const row of clocks) {
    const d = decl.clocks?.find((k) => k.code === row.clock);
    if (!d) continue;
    try {
      // The value in force on the day the clock started: a later change of a setting never
      // moves a deadline already running (engines/settings.ts, migration 0009).
      const period = periodOf(d, c, settings.on(row.started_on as LocalDate));
      if (!period) continue;
      const stoppedOn = row.stopped_on as LocalDate | null;
      // A suspension stops the instances it names; an instance that stopped while it
      // was still open counts it as ending on that day.
      const sus: Suspension[] = suspensions
        .filter((s) => s.clock_id === row.id)
        .filter((s) => !stoppedOn || compareLocalDate(s.from_date as LocalDate, stoppedOn) < 0)
        .map((s) => {
          const from = s.from_date as LocalDate;
          const to = s.to_date as LocalDate | null;
          if (!stoppedOn) return { from, to };
          return { from, to: to === null || compareLocalDate(to, stoppedOn) > 0 ? stoppedOn : to };
        });
      const ext = extensions.filter(
        (e) =>
          e.clock_id === row.id ||
          (e.clock_id === null && e.clock === d.code && row.instance === 1),
      );
      const exts: Extension[] = ext.map((e) => ({
        period: parsePeriod(e.period),
        basis: e.basis,
        approvedBy: e.approved_by,
      }));
      const r = computeDeadline({
        calendar,
        rule: {
          code: d.code,
          label: d.label,
          period,
          startEvent: d.startOn.action,
          legalBasis: basisText(d.legalBasis),
        },
        start: row.started_on as LocalDate,
        today,
        suspensions: sus,
        extensions: exts,
        ...(d.dueSoon ? { dueSoon: d.dueSoon } : {}),
        ...(stoppedOn ? { stoppedOn } : {}),
      });
      const state: ClockState = {
        clock: d.code,
        label: d.label,
        legalBasis: basisText(d.legalBasis),
        period: formatPeriod(period),
        instance: row.instance,
        startedOn: row.started_on as LocalDate,
        startSource: row.start_source,
        stoppedOn,
        due: r.due,
        state: r.state,
        warning: r.warning,
        ...(r.remaining !== undefined ? { remaining: r.remaining } : {}),
        ...(r.remainingUnit !== undefined ? { remainingUnit: r.remainingUnit } : {}),
        provisional: r.provisional,
        provisionalYears: r.provisionalYears,
        extensions: ext.map((e) => ({
          period: e.period,
          onDate: e.on_date as LocalDate,
          approvedBy: e.approved_by,
        })),
        superseded: row.superseded,
      };
      exactHours(state, period, exts, sus, row.started_at, now);
      if (row.instance === latest.get(row.clock)) out.clocks.push(state);
      else out.history.push(state);
    } catch (e) {
      out.problems.push({
        regionCode: c.regionCode,
        caseId: c.id,
        caseType: c.caseType,
        title: c.title,
        unitId: c.unitId,
        clock: row.clock,
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return out;
}

/**
 * A period in hours started at a known moment and not suspended: the exact end, and
 * "overdue" from that moment on (民法典 art. 201 para. 2).
 */
function exactHours(
  s: ClockState,
  period: Period,
  exts: Extension[],
  sus: Suspension[],
  startedAt: Date | null,
  now: Date | undefined,
) {
  if (period.unit !== "hour" || !startedAt || sus.length > 0) return;
  if (exts.some((e) => e.period.unit !== "hour")) return;
  const hours = period.n + exts.reduce((n, e) => n + e.period.n, 0);
  const end = addHours(startedAt, hours);
  s.dueAt = end.toISOString();
  if (s.state === "running" && now && now.getTime() > end.getTime()) s.warning = "overdue";
}

/** Thrown by `caseClocks` for callers that need every clock of a case or none. */
export class ClockDataError extends Error {
  constructor(readonly problems: ClockProblem[]) {
    super(
      `clocks cannot be computed: ${problems.map((p) => `case ${p.caseId} ${p.clock}: ${p.message}`).join("; ")}`,
    );
    this.name = "ClockDataError";
  }
}

/** The computed deadlines of one case (latest instances); ClockDataError on odd data. */
export async function caseClocks(
  trx: Transaction<DB>,
  decl: CaseTypeDecl,
  c: CaseView,
  calendar: LegalCalendar,
  today: LocalDate,
  settings: Settings,
): Promise<ClockState[]> {
  const r = await computeCaseClocks(trx, decl, c, calendar, today, settings);
  if (r.problems.length > 0) throw new ClockDataError(r.problems);
  return r.clocks;
}
