import { type Expression, type SqlBool, sql } from "kysely";
import { can, supervises } from "../../kernel/access.ts";
import { dutyLabels, isDutyOf } from "../../kernel/duties.ts";
import type { Label } from "../../kernel/labels.ts";
import { compareLocalDate, type LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { type Settings, settingsFor } from "../settings.ts";
import { caseKey, loadClockRows } from "./clock-data.ts";
import { type ClockState, clocksFromRows } from "./clocks.ts";
import type { CaseTypeDecl, CaseView, TransitionDecl } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { separatedSteps } from "./separation.ts";
import { toView } from "./store.ts";
import { warningList } from "./warnings.ts";

/**
 * The work queue (GET /api/work): the open cases where the current user can take a step
 * now — its own work (kernel/duties.ts), not every step it is allowed — with the steps'
 * labels, what is due and by when, soonest first. Declared by nothing but the case
 * types' transitions (from-states, permissions, `actor`) and clocks, so that every
 * module's case types fill the queues of the handler, the legal reviewer, the leader and
 * the rule-of-law office alike.
 *
 * Whose case it is: a step the owning unit takes (the default `actor`) is the work of that
 * unit's users — of the case's handler when one is named; a `supervisor` step is the
 * supervising office's; a participant's step is the participating unit's. Guards are
 * checked when the step is tried (as on the case page).
 *
 * Cost: one SELECT of the open cases in the (type, state) pairs where the user has a
 * step, one of the clocks of those cases; computed in memory.
 */
export interface WorkItem {
  caseType: string;
  caseTypeLabel: Label;
  caseId: number;
  regionCode: string;
  unitId: number;
  title: string;
  state: string;
  stateLabel: Label;
  openedOn: LocalDate;
  suspended: boolean;
  /** The steps this user may take now, in declaration order. */
  steps: { action: string; label: Label; sensitive: boolean }[];
  /** The running time limit due first (null: none running). */
  due: Pick<
    ClockState,
    "clock" | "label" | "legalBasis" | "due" | "warning" | "remaining" | "remainingUnit"
  > | null;
}

export interface WorkPage {
  items: WorkItem[];
  total: number;
  counts: { overdue: number; dueSoon: number; dueToday: number };
  /** For the rule-of-law office: open time limits due soon or overdue by unit. */
  byUnit: { unitId: number; overdue: number; dueSoon: number }[] | null;
}

export const WORK_LIMIT = 200;

/**
 * The steps of a case type in a state that make a work item for the actor (relationship
 * aside): its duty, moving the case on (not a step that leaves it in its state, like
 * another investigation record), not `occasional` (taken only when something happens: a
 * recusal, a transfer, dropping the case), not a linked case's follow-up (`viaLink`).
 */
function queueSteps(w: WorkTx, decl: CaseTypeDecl, state: string): TransitionDecl[] {
  return decl.transitions.filter((t) => {
    if (!t.from.includes(state) || t.to === state || t.occasional || t.viaLink?.length)
      return false;
    const permission = t.permission ?? "record.write";
    return can(w.actor, permission) && isDutyOf(w.actor, permission);
  });
}

export async function workQueue(
  deps: CaseDeps,
  w: WorkTx,
  opts: { limit?: number } = {},
): Promise<WorkPage> {
  const limit = opts.limit ?? WORK_LIMIT;
  const a = w.actor;
  // (type, state) pairs in which the user has a step of its own.
  const pairs: { type: string; state: string }[] = [];
  for (const decl of deps.registry.caseTypes()) {
    for (const [state, s] of Object.entries(decl.states)) {
      if (s.terminal) continue;
      if (queueSteps(w, decl, state).length > 0) pairs.push({ type: decl.code, state });
    }
  }
  const byUnit = can(a, "region.oversee") ? await overdueByUnit(deps, w) : null;
  const empty = { overdue: 0, dueSoon: 0, dueToday: 0 };
  if (pairs.length === 0) return { items: [], total: 0, counts: empty, byUnit };

  const rows = await w.trx
    .selectFrom("case_file as c")
    .selectAll("c")
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("case_suspension as s")
            .select("s.id")
            .whereRef("s.region_code", "=", "c.region_code")
            .whereRef("s.case_id", "=", "c.id")
            .where("s.to_date", "is", null),
        )
        .as("is_suspended"),
    )
    .select((eb) =>
      eb
        .selectFrom("case_participant as p")
        .select(sql<string[]>`array_agg(p.role)`.as("roles"))
        .whereRef("p.region_code", "=", "c.region_code")
        .whereRef("p.case_id", "=", "c.id")
        .where("p.unit_id", "=", a.unitId)
        .as("my_roles"),
    )
    .where("c.closed_on", "is", null)
    .where((eb) =>
      eb.or(
        pairs.map(
          (p): Expression<SqlBool> =>
            eb.and([eb("c.case_type", "=", p.type), eb("c.state", "=", p.state)]),
        ),
      ),
    )
    .where((eb) => {
      const mine: Expression<SqlBool>[] = [
        eb("c.unit_id", "=", a.unitId),
        eb.exists(
          eb
            .selectFrom("case_participant as p")
            .select("p.case_id")
            .whereRef("p.region_code", "=", "c.region_code")
            .whereRef("p.case_id", "=", "c.id")
            .where("p.unit_id", "=", a.unitId),
        ),
      ];
      // The office reaches the region's cases for its own (region.oversee or supervisor) steps.
      if (a.scope === "region") mine.push(eb("c.region_code", "in", a.regions));
      return eb.or(mine);
    })
    .orderBy("c.opened_on")
    .orderBy("c.id")
    .execute();

  const candidates: {
    decl: CaseTypeDecl;
    c: CaseView;
    steps: WorkItem["steps"];
    suspended: boolean;
  }[] = [];
  for (const r of rows) {
    const decl = deps.registry.caseType(r.case_type);
    if (!decl) continue;
    const c = toView(r);
    const suspended = Boolean(r.is_suspended);
    const myRoles = (r.my_roles as string[] | null) ?? [];
    let steps = queueSteps(w, decl, c.state).filter(
      (t) => (!suspended || t.allowedWhileSuspended) && takes(w, c, t, myRoles),
    );
    // Separation of duties (`notBy`): a step the user may not take is not their work
    // (the report's writer does not see its secrecy review). Read only where declared.
    if (steps.some((t) => t.notBy)) {
      const barred = new Set(
        (await separatedSteps(w.trx, decl, c, w.actor.userId)).map((x) => x.action),
      );
      steps = steps.filter((t) => !barred.has(t.action));
    }
    if (steps.length === 0) continue;
    candidates.push({
      decl,
      c,
      suspended,
      steps: steps.map((t) => ({
        action: t.action,
        label: t.label,
        sensitive: t.sensitive === true,
      })),
    });
  }

  const calendar = await deps.calendar(w.trx);
  const data = await loadClockRows(
    w.trx,
    candidates.map((x) => x.c),
  );
  const settingsByRegion = new Map<string, Settings>();
  const items: WorkItem[] = [];
  for (const { decl, c, steps, suspended } of candidates) {
    let settings = settingsByRegion.get(c.regionCode);
    if (!settings) {
      settings = await settingsFor(w.trx, deps.registry, c.regionCode, w.today);
      settingsByRegion.set(c.regionCode, settings);
    }
    const rowsOf = data.get(caseKey(c.regionCode, c.id)) ?? {
      clocks: [],
      suspensions: [],
      extensions: [],
    };
    const clocks = clocksFromRows(decl, c, rowsOf, calendar, w.today, settings, w.now);
    const running = clocks.clocks
      .filter((k) => k.state === "running" && k.due)
      .sort((x, y) => compareLocalDate(x.due!, y.due!));
    const first = running[0];
    items.push({
      caseType: c.caseType,
      caseTypeLabel: decl.label,
      caseId: c.id,
      regionCode: c.regionCode,
      unitId: c.unitId,
      title: c.title,
      state: c.state,
      stateLabel: decl.states[c.state]?.label ?? { zh: c.state, en: c.state },
      openedOn: c.openedOn,
      suspended,
      steps,
      due: first
        ? {
            clock: first.clock,
            label: first.label,
            legalBasis: first.legalBasis,
            due: first.due,
            warning: first.warning,
            ...(first.remaining !== undefined ? { remaining: first.remaining } : {}),
            ...(first.remainingUnit !== undefined ? { remainingUnit: first.remainingUnit } : {}),
          }
        : null,
    });
  }
  // Soonest due first; cases without a running time limit after, oldest first.
  items.sort((x, y) => {
    if (x.due?.due && y.due?.due) return compareLocalDate(x.due.due, y.due.due);
    if (x.due?.due) return -1;
    if (y.due?.due) return 1;
    return compareLocalDate(x.openedOn, y.openedOn);
  });
  const counts = {
    overdue: items.filter((x) => x.due?.warning === "overdue").length,
    dueSoon: items.filter((x) => x.due?.warning === "due_soon").length,
    dueToday: items.filter((x) => x.due?.due === w.today).length,
  };
  return { items: items.slice(0, limit), total: items.length, counts, byUnit };
}

/** Whether the case's relationship to the user makes this step the user's. */
function takes(w: WorkTx, c: CaseView, t: TransitionDecl, myRoles: string[]): boolean {
  const a = w.actor;
  if (t.actor && typeof t.actor === "object") return myRoles.includes(t.actor.participantRole);
  if (t.actor === "supervisor") return supervises(a, c.regionCode);
  const permission = t.permission ?? "record.write";
  if (c.unitId === a.unitId) {
    // The handler's steps: the case's own handler's, or any handler's while none is named.
    if (permission === "record.write" && c.handlerUserId !== null)
      return c.handlerUserId === a.userId || !a.roles.includes("case_handler");
    return true;
  }
  // Another unit's case: only the district office's own oversight steps.
  return permission === "region.oversee" && a.scope === "region" && a.regionCode === c.regionCode;
}

/** Running time limits due soon or overdue, per unit (the office's district view). */
async function overdueByUnit(
  deps: CaseDeps,
  w: WorkTx,
): Promise<{ unitId: number; overdue: number; dueSoon: number }[]> {
  const out = new Map<number, { unitId: number; overdue: number; dueSoon: number }>();
  for (const x of await warningList(deps, w, {})) {
    let u = out.get(x.unitId);
    if (!u) {
      u = { unitId: x.unitId, overdue: 0, dueSoon: 0 };
      out.set(x.unitId, u);
    }
    if (x.warning === "overdue") u.overdue += 1;
    else u.dueSoon += 1;
  }
  return [...out.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
}

/** Who takes the next steps of a case in its state (for the case page): step and roles. */
export function nextSteps(
  decl: CaseTypeDecl,
  state: string,
  suspended: boolean,
): { action: string; label: Label; by: Label[] }[] {
  if (decl.states[state]?.terminal) return [];
  return decl.transitions
    .filter(
      (t) =>
        t.from.includes(state) &&
        (!suspended || t.allowedWhileSuspended) &&
        !t.occasional &&
        !t.viaLink?.length,
    )
    .map((t) => ({
      action: t.action,
      label: t.label,
      by:
        t.actor === "supervisor"
          ? dutyLabels("region.oversee")
          : typeof t.actor === "object"
            ? [{ zh: "协办单位", en: "Participating unit" }]
            : dutyLabels(t.permission ?? "record.write"),
    }));
}
