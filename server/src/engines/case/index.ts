/**
 * The case engine's front door: what a module (and the demo) may use. Modules import
 * this file, never the engine's other files (test/engines/imports.test.ts keeps it so).
 *
 * Declaring: the types of `declare.ts`. Acting: a `CaseEngine` bound to the engine's
 * dependencies (the demo gives one as `ctx.cases`; the HTTP routes use the same
 * functions) — open a case, take a step, link, add a participant, open a sub-case,
 * suspend, resume, extend, read a case's clock states and list the due-soon and
 * overdue clocks. Indicators read clock states of stored rows with `clockStatesOf`.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { CaseFileTable, DB } from "../../db/schema.ts";
import type { LegalCalendar, LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { type Settings, settingsFor } from "../settings.ts";
import { caseKey, loadClockRows } from "./clock-data.ts";
import { type CaseClocks, type ClockState, clocksFromRows, computeCaseClocks } from "./clocks.ts";
import type { AnyCaseType, CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { extendCase } from "./extend.ts";
import { type ImportOptions, type ImportSummary, importCases } from "./import/index.ts";
import { type LateCase, type LateQuery, lateClocks } from "./late.ts";
import { resumeCase, suspendCase } from "./ops.ts";
import { addParticipant, linkCase, openSubCase } from "./relations.ts";
import { type CreateInput, caseTypeOf, createCase, transition } from "./service.ts";
import { loadCase, toView } from "./store.ts";
import { type Warning, warningList } from "./warnings.ts";

export type {
  AnyCaseType,
  CaseDocumentDecl,
  CaseTypeDecl,
  CaseView,
  ClockDecl,
  ClockTrigger,
  DeclaredReads,
  DocumentContext,
  DossierDecl,
  EffectContext,
  Guard,
  GuardContext,
  GuardRefusal,
  LeadTimeCheck,
  NumberDecl,
  OpenCaseInit,
  PublicProjection,
  SeparationDecl,
  StateDecl,
  StepEvent,
  StepReactionDecl,
  TransitionDecl,
} from "./declare.ts";
export { STAY } from "./declare.ts";
export type { CaseDeps } from "./deps.ts";
export { separatedSteps, separationRefusal } from "./separation.ts";
export type {
  CaseClocks,
  ClockState,
  CreateInput,
  ImportOptions,
  ImportSummary,
  LateCase,
  LateQuery,
  Warning,
};
/** The clocks that missed their time limit in a period, for overdue-case indicators. */
export { lateClocks };

/** A step's request: the case's version (optimistic lock), the input, the legal date, a reason. */
export interface StepRequest {
  version: number;
  input?: Record<string, unknown>;
  onDate?: string;
  reason?: string;
}

/** The case engine's actions, bound to its dependencies; each runs in the caller's unit of work. */
export interface CaseEngine {
  /** Open a case (validated; numbers issued on creation; clocks started on "create"). */
  open(w: WorkTx, caseType: string, input: CreateInput): Promise<CaseView>;
  /** Take a step (permission, input, lock, state, date, lead times, guards, reason — then the change). */
  step(
    w: WorkTx,
    caseType: string,
    id: number,
    action: string,
    req: StepRequest,
  ): Promise<CaseView>;
  /** A typed link from this case to another (a kind the case type declares). */
  link(
    w: WorkTx,
    caseType: string,
    id: number,
    link: { kind: string; toCaseId: number },
  ): Promise<unknown>;
  /** A unit taking part in the case in a declared role. */
  addParticipant(
    w: WorkTx,
    caseType: string,
    id: number,
    p: { unitId: number; role: string },
  ): Promise<unknown>;
  /** A sub-case for another unit. */
  openSubCase(
    w: WorkTx,
    caseType: string,
    id: number,
    sub: { unitId: number; fields: Record<string, unknown>; onDate?: string },
  ): Promise<CaseView>;
  suspend(
    w: WorkTx,
    caseType: string,
    id: number,
    s: { version: number; reason: string; clock?: string; onDate?: string },
  ): Promise<unknown>;
  resume(
    w: WorkTx,
    caseType: string,
    id: number,
    r: { version: number; onDate?: string },
  ): Promise<unknown>;
  /** An approved extension of a clock (period as "10 working_day" etc.); the approver is the actor. */
  extend(
    w: WorkTx,
    caseType: string,
    id: number,
    e: {
      version: number;
      clock: string;
      period: string;
      reason: string;
      /** The notice of the extension to the party: its date and text. */
      notice: { on: string; text: string };
      onDate?: string;
    },
  ): Promise<unknown>;
  /**
   * Import historical cases of a type from a CSV or .xlsx file: all rows or none
   * (docs/architecture.md, "Importing history").
   */
  importHistory(
    w: WorkTx,
    caseType: string,
    file: Buffer,
    opts?: ImportOptions,
  ): Promise<ImportSummary>;
  /** The clocks of one case with their due dates and warnings as of today. */
  clocks(w: WorkTx, caseType: string, id: number): Promise<ClockState[]>;
  /** Running clocks due soon or overdue, across every case type the actor may see. */
  warnings(
    w: WorkTx,
    filter?: { unitId?: number; handlerUserId?: number; level?: "due_soon" | "overdue" },
  ): Promise<Warning[]>;
}

/**
 * The case engine bound to its dependencies — given, or made on first use (the demo's
 * field key is read only when a contribution first touches a case).
 */
export function caseEngine(given: CaseDeps | (() => Promise<CaseDeps>)): CaseEngine {
  let made: Promise<CaseDeps> | undefined;
  const get = () => {
    if (typeof given !== "function") return Promise.resolve(given);
    made ??= given();
    return made;
  };
  return {
    open: async (w, caseType, input) => createCase(await get(), w, caseType, input),
    step: async (w, caseType, id, action, req) =>
      transition(await get(), w, caseType, id, action, req),
    link: async (w, caseType, id, link) => linkCase(await get(), w, caseType, id, link),
    addParticipant: async (w, caseType, id, p) => addParticipant(await get(), w, caseType, id, p),
    openSubCase: async (w, caseType, id, sub) => openSubCase(await get(), w, caseType, id, sub),
    suspend: async (w, caseType, id, s) => suspendCase(await get(), w, caseType, id, s),
    resume: async (w, caseType, id, r) => resumeCase(await get(), w, caseType, id, r),
    extend: async (w, caseType, id, e) => extendCase(await get(), w, caseType, id, e),
    async clocks(w, caseType, id) {
      const deps = await get();
      const decl = caseTypeOf(deps, caseType);
      const c = await loadCase(w.trx, id, { caseType: decl.code });
      const calendar = await deps.calendar(w.trx);
      const settings = await settingsFor(w.trx, deps.registry, c.regionCode, w.today);
      return (await computeCaseClocks(w.trx, decl, c, calendar, w.today, settings, w.now)).clocks;
    },
    warnings: async (w, filter = {}) => warningList(await get(), w, filter),
    importHistory: async (w, caseType, file, opts = {}) =>
      importCases(await get(), w, caseType, file, opts),
  };
}

/** A stored case row as guards and projections see it. */
export function caseViewOf(row: Selectable<CaseFileTable>): CaseView {
  return toView(row);
}

/**
 * The clock states of a stored case as of a day (for indicators that count missed time
 * limits): each clock's period from the settings in force on the day it started. Clocks
 * that cannot be computed from the stored data come back as `problems` (skip the case).
 */
export function clockStatesOf(
  db: Kysely<DB> | Transaction<DB>,
  decl: AnyCaseType,
  c: CaseView,
  opts: { calendar: LegalCalendar; asOf: LocalDate; settings: Settings },
): Promise<CaseClocks> {
  return computeCaseClocks(db as Transaction<DB>, decl, c, opts.calendar, opts.asOf, opts.settings);
}

/** Cases read per statement by `clockStatesOfMany` (bounds the parameters and memory). */
const CHUNK = 5000;

/**
 * The clock states of many stored cases as of a day, in order: their rows read in one
 * statement per 5,000 cases (never three per case), computed in memory. Each case's
 * clocks take their periods from its `settings` (the settings in force on the day each
 * clock started, as `clockStatesOf`).
 */
export async function clockStatesOfMany(
  db: Kysely<DB> | Transaction<DB>,
  items: readonly { decl: AnyCaseType; case: CaseView; settings: Settings }[],
  opts: { calendar: LegalCalendar; asOf: LocalDate },
): Promise<CaseClocks[]> {
  const out: CaseClocks[] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const data = await loadClockRows(
      db,
      chunk.map((x) => x.case),
    );
    for (const x of chunk) {
      const rows = data.get(caseKey(x.case.regionCode, x.case.id)) ?? {
        clocks: [],
        suspensions: [],
        extensions: [],
      };
      out.push(clocksFromRows(x.decl, x.case, rows, opts.calendar, opts.asOf, x.settings));
    }
  }
  return out;
}
