import type { z } from "zod";
import type { Permission } from "../../kernel/access.ts";
import type { Message } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import type { PersonRoleCode } from "../../kernel/masking.ts";
import type { LegalCalendar, LocalDate, Period, RuleSet } from "../../kernel/time/index.ts";
import type { OfficialDocument } from "../../platform/documents/official.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { Settings } from "../settings.ts";

/**
 * A case type (办件/案件 type), declared in TypeScript: states, transitions with guards
 * and required input, named clocks, numbers, links, what is sensitive, the fields'
 * schema, and what the public may see. The case engine gives every case type the rest.
 */

export interface StateDecl {
  label: Label;
  /** A terminal state closes the case. */
  terminal?: boolean;
}

/** A case as guards, projections and effects see it. */
export interface CaseView<F = Record<string, unknown>> {
  regionCode: string;
  id: number;
  caseType: string;
  unitId: number;
  state: string;
  title: string;
  fields: F;
  numbers: Record<string, string>;
  parentId: number | null;
  version: number;
  openedOn: LocalDate;
  closedOn: LocalDate | null;
  handlerUserId: number | null;
}

export interface StepEvent {
  /** created, transition, suspend, resume, extend (steps with a legal date); link, participant, sub_case (records). */
  kind: string;
  action: string;
  onDate: LocalDate;
  data: Record<string, unknown>;
}

export interface GuardContext<F = Record<string, unknown>> {
  w: WorkTx;
  case: CaseView<F>;
  /** The step's validated input. */
  input: Record<string, unknown>;
  /** The legal date of this step. */
  onDate: LocalDate;
  /** Earlier steps of this case, oldest first. */
  history: StepEvent[];
  /** Settings as they apply in the case's region. */
  settings: Settings;
  /** The legal calendar (holidays, make-up working days), for guards that count periods. */
  calendar: LegalCalendar;
}

/** A guard returns nothing when the step may go ahead, or the reason it may not. */
export type Guard<F = Record<string, unknown>> = (
  ctx: GuardContext<F>,
) => Promise<GuardRefusal | undefined> | GuardRefusal | undefined;

export interface GuardRefusal {
  /** Bilingual: `t("中文", "English")` (kernel/errors.ts). */
  message: Message;
  /** The input field the refusal is about, if any. */
  field?: string;
}

/**
 * "At least N (working) days before": a date in the step's input must leave at least
 * `period` after the step's own date (e.g. a hearing notice ≥ 7 working days before the
 * hearing, 行政处罚法 arts. 64, 85).
 */
export interface LeadTimeCheck<F = Record<string, unknown>> {
  /** The input field holding the later date (e.g. "hearingDate"). */
  field: string;
  /** The period; may depend on the case (e.g. the rule version in force when it was opened). */
  period: Period | ((c: CaseView<F>, settings: Settings) => Period);
  legalBasis: string;
}

export interface TransitionDecl<F = Record<string, unknown>> {
  action: string;
  label: Label;
  from: readonly string[];
  to: string;
  /** Default: record.write. */
  permission?: Permission;
  /** The step's input (validated; stored on the step's event). */
  input?: z.ZodObject;
  /** Input fields merged into the case's fields when the step succeeds. */
  setsFields?: readonly string[];
  guards?: readonly Guard<F>[];
  leadTimes?: readonly LeadTimeCheck<F>[];
  /**
   * Fields the step computes (after the guards pass, before numbers are issued), merged
   * into the case's fields after `setsFields` and recorded on the step's event as
   * `derived` — e.g. the discretion benchmark a decision applied, read from a register.
   */
  derive?: (ctx: GuardContext<F>) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** A reason is required (audited). */
  sensitive?: boolean;
  /** Number kinds allocated at this step (inside its transaction). */
  issues?: readonly string[];
  /** Who acts: the owning unit (default) or a participating unit on its own part. */
  actor?: "owner" | { participantRole: string };
  /** Own effects after the state change (e.g. open sub-cases), in the same transaction. */
  effect?: (ctx: EffectContext<F>) => Promise<void>;
}

/** What an effect may open: a case of another type, linked to this one. */
export interface OpenCaseInit {
  fields: Record<string, unknown>;
  /** The owning unit (default: this case's unit). */
  unitId?: number;
  /** Link the new case to this one: a link of this kind from the new case to this case. */
  link?: string;
}

export interface EffectContext<F = Record<string, unknown>> extends GuardContext<F> {
  /** The case after the step. */
  next: CaseView<F>;
  /**
   * Open a case (dated on this step's date, in this transaction), optionally linked to
   * this one — e.g. a decision opens its publication record. Its clocks start on "create".
   */
  openCase(caseType: string, init: OpenCaseInit): Promise<CaseView>;
}

/** When a clock starts or stops: a step of this case, or of a linked case. */
export interface ClockTrigger {
  action: string;
  /** The step happens on a case linked to this one by this kind (e.g. "reviews"). */
  viaLink?: string;
}

export interface ClockDecl<F = Record<string, unknown>> {
  code: string;
  label: Label;
  /**
   * The period; may depend on the case (its category, the rule version) and on settings.
   * A function returning undefined: the time limit does not apply to this case (e.g. a
   * limit a law introduced after the case was opened) — the clock is not shown or warned.
   */
  period: Period | ((c: CaseView<F>, settings: Settings) => Period | undefined);
  legalBasis: string;
  startOn: ClockTrigger;
  stopOn: readonly ClockTrigger[];
  /** Warn this long before the due date (default 3 working days). */
  dueSoon?: Period;
}

export interface NumberDecl<F = Record<string, unknown>> {
  kind: string;
  label: Label;
  /** The issuer's prefix, e.g. 武隆府发 or 武隆市监罚; separate prefixes are separate sequences. */
  prefix(c: CaseView<F>): string;
  /** Default: `${prefix}〔${year}〕${seq}号`. */
  format?(p: { prefix: string; year: number; seq: number }): string;
}

/** A public projection names the fields it shows (an allowlist); undefined: not public. */
export type PublicProjection<F = Record<string, unknown>> = (
  c: CaseView<F>,
) => Record<string, unknown> | undefined;

/** What a document template may use besides the case. */
export interface DocumentContext {
  unitName: string;
  regionName: string;
  today: LocalDate;
}

/** An official document (GB/T 9704) generated from a case, e.g. a decision or a service receipt. */
export interface CaseDocumentDecl<F = Record<string, unknown>> {
  code: string;
  label: Label;
  /** The states in which the document can be generated. */
  states: readonly string[];
  build(c: CaseView<F>, ctx: DocumentContext): OfficialDocument;
}

export interface CaseTypeDecl<F = Record<string, unknown>> {
  code: string;
  label: Label;
  module: string;
  /** The case's fields at creation (validated; later steps may set more via setsFields). */
  fields: z.ZodObject;
  title(fields: F): string;
  states: Record<string, StateDecl>;
  initial: string;
  transitions: readonly TransitionDecl<F>[];
  clocks?: readonly ClockDecl<F>[];
  numbers?: readonly NumberDecl<F>[];
  /**
   * Fields that steps compute (`derive`) — like those steps set from their input
   * (`setsFields`), they cannot be given when the case is opened (secure by default: a
   * review's result given at opening would skip the review).
   */
  stepFields?: readonly string[];
  /**
   * The labels of the fields steps compute (`derive`): a labelled zod object (`.meta({
   * label })`, nested objects labelled too), served with the case type so that the web
   * names them instead of showing their keys. It never parses anything.
   */
  derived?: z.ZodObject;
  /** Fields given at opening that a later step may revise (exempt from the rule above). */
  revisableFields?: readonly string[];
  /** Number kinds allocated when the case is created. */
  issuesOnCreate?: readonly string[];
  /** Link kinds this type uses, e.g. reviews, follows, opened_from, amends, repeals, part_of. */
  links?: readonly string[];
  /** Participant roles, e.g. supporting, joint, respondent. */
  participantRoles?: Record<string, Label>;
  /** Fields holding people, with their role for masking (public output) and encryption. */
  people?: readonly {
    field: string;
    role: PersonRoleCode;
    idField?: string;
    phoneField?: string;
  }[];
  /** The procedure version in force on the opening date (laws change). */
  ruleSet?: RuleSet<unknown>;
  public?: PublicProjection<F>;
  /** Labels of the public projection's fields, in display order. */
  publicLabels?: Record<string, Label>;
  /** The states in which cases may be public (a pre-filter for the projection). */
  publicStates?: readonly string[];
  /**
   * Suspension (中止) where the law provides for it: the clocks it may stop, with the
   * legal basis. Absent: the case type cannot be suspended.
   */
  suspension?: { clocks: readonly string[] | "all"; legalBasis: string };
  /** Extensions (延长) with approval: per clock, the longest allowed and who approves. */
  extensions?: readonly {
    clock: string;
    max: Period;
    legalBasis: string;
    permission?: Permission;
  }[];
  /** Official documents generated from the case (.docx in the GB/T 9704 layout). */
  documents?: readonly CaseDocumentDecl<F>[];
  /** Sub-cases: the parent moves on when all its sub-cases reach a terminal state. */
  subCases?: { caseType: string; onAllClosed: string };
}

/** A case type of any fields (what registries and engines hold). */
// biome-ignore lint/suspicious/noExplicitAny: each case type has its own fields type
export type AnyCaseType = CaseTypeDecl<any>;
