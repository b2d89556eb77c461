import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Permission } from "../../kernel/access.ts";
import type { BasisLike } from "../../kernel/citation.ts";
import type { Message } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import type { PersonRoleCode } from "../../kernel/masking.ts";
import type { LegalCalendar, LocalDate, Period } from "../../kernel/time/index.ts";
import type { OfficialDocument } from "../../platform/documents/official.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { ConsultationDecl } from "../consultation/declare.ts";
import type { JsonAccess } from "../indicator/queries/json.ts";
import type { SearchDecl } from "../search/declare.ts";
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
  /** Who took it (null: the system, an import). */
  actorUserId?: number | null;
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
  /**
   * The cases linked to this one by a link kind (either direction), even of another
   * unit or region: their state and only the fields the link kind declares (`reads`),
   * read through a checked database function (row-level security hides the rest).
   */
  linked(kind: string): Promise<LinkedCase[]>;
  /**
   * Ask another module a question by code (`ModuleDecl.answers`, engines/registry.ts), in
   * this transaction, for this case's region on the step's date — e.g. `credit.check` on a
   * licensing intake. `undefined` when no loaded module answers it.
   */
  ask<O = unknown>(code: string, input: unknown): Promise<O | undefined>;
}

/** A case on the other end of a link, as a guard may see it. */
export interface LinkedCase {
  direction: "out" | "in";
  regionCode: string;
  id: number;
  caseType: string;
  state: string;
  closedOn: LocalDate | null;
  /** Only the fields the link kind declares in `reads`. */
  fields: Record<string, unknown>;
}

/**
 * A kind of link between cases (reviews, follows, opened_from, amends, repeals, part_of
 * are the engine's ordinary kinds: `links: ["follows"]`). A case type may declare its
 * own, or give an ordinary kind the right to cross units:
 *
 * Jurisdiction, modelled simply: a link that crosses units is created by a unit whose
 * code is one of `jurisdiction.units`, in the target case's region (`sameRegion`, e.g.
 * the district government's reconsideration office reviewing a district department's
 * act, 行政复议法(2023) 第二十四条第一款第(一)项) and/or in the region directly above it
 * (`parentRegion`, e.g. the city government reviewing the district government's own
 * act, 第二十四条第一款第(二)项). The creating user needs `record.write` and the
 * declared permission. Without `jurisdiction` a link is ordinary: made by the owner of
 * this case to a case it can see in the same region.
 */
export interface LinkKindDecl {
  code: string;
  label: Label;
  jurisdiction?: {
    units: readonly string[];
    /** Default true. */
    sameRegion?: boolean;
    parentRegion?: boolean;
    permission?: Permission;
    /** The basis of the jurisdiction, shown with the link kind. */
    legalBasis: BasisLike;
  };
  /** The case types this kind may point at (default: any). */
  targets?: readonly string[];
  /** Fields of the linked case that guards may read through the link. */
  reads?: readonly string[];
}

/**
 * A step this case takes on the cases it is linked to, after its own step: e.g. a
 * reconsideration decision `revoke` makes the penalty case take its `revoked` step. The
 * target's transition must allow it (`viaLink` naming this link kind); a target not in
 * one of that transition's `from` states is left as it is (recorded on this case).
 */
export interface FollowUpDecl<F = Record<string, unknown>> {
  link: string;
  action: string;
  /**
   * The links' direction from this case: "out" (default, links this case made) or "in"
   * (links made to this case, e.g. the publication record that `follows` a decision).
   */
  direction?: "out" | "in";
  /** Only when this holds (default: always). */
  when?: (ctx: GuardContext<F>) => boolean;
  /**
   * The target step's input (validated by its schema, recorded on its timeline event;
   * the target's `setsFields` are not applied through the link).
   */
  input?: (ctx: GuardContext<F>) => Record<string, unknown>;
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
  legalBasis: BasisLike;
}

/** Names a declaration reads at run time, declared so that a wrong one fails at start. */
export interface DeclaredReads {
  /** Setting codes (ctx.settings(code), a clock period's settings). */
  settings?: readonly string[];
  /** Register codes (entries a guard or derive looks up). */
  registers?: readonly string[];
}

/**
 * Separation of duties: the user taking this step may not be one who took any of `actions`
 * on the same case (e.g. the secrecy reviewer of a report is not its writer; "create"
 * names the opening). The engine refuses such a step (403, nothing written) and the case
 * page does not offer it.
 */
export interface SeparationDecl {
  /** Earlier steps (transition actions, or "create") whose actors are excluded. */
  actions: readonly string[];
  /** What those actors are, e.g. { zh: "起草人", en: "writer" }. */
  who: Label;
  legalBasis: BasisLike;
}

/** `to: STAY`: a record step that keeps the case in its state (and a closed case's closing date). */
export const STAY = "=";

export interface TransitionDecl<F = Record<string, unknown>> {
  action: string;
  label: Label;
  from: readonly string[];
  /** The state after the step; `STAY` ("="): the case keeps its state (a record step). */
  to: string;
  /** Default: record.write. */
  permission?: Permission;
  /** The step's input (validated; stored on the step's event). */
  input?: z.ZodObject;
  /** Input fields merged into the case's fields when the step succeeds. */
  setsFields?: readonly string[];
  /**
   * Input fields (not set on the case) that a history import file may carry for this step,
   * kept as the step's recorded input on its timeline event — e.g. a review's result that
   * a later step's guard reads. Columns `<action>.<field>` (engines/case/import/columns.ts).
   */
  importsInput?: readonly string[];
  guards?: readonly Guard<F>[];
  /** What the guards, `derive` and `effect` read by name (checked at start, engines/check.ts). */
  reads?: DeclaredReads;
  leadTimes?: readonly LeadTimeCheck<F>[];
  /**
   * Fields the step computes (after the guards pass, before numbers are issued), merged
   * into the case's fields after `setsFields` and recorded on the step's event as
   * `derived` — e.g. the discretion benchmark a decision applied, read from a register.
   */
  derive?: (ctx: GuardContext<F>) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** A reason is required (audited). */
  sensitive?: boolean;
  /**
   * Taken only when something happens (a recusal, a transfer, dropping the case): offered
   * on the case page to whose duty it is, but never a work-queue item (engines/case/work.ts).
   */
  occasional?: boolean;
  /** Number kinds allocated at this step (inside its transaction). */
  issues?: readonly string[];
  /**
   * Who acts: the owning unit (default), the supervising region's rule-of-law office
   * (`supervisor`: a region-scoped actor with region.oversee whose scope reaches the
   * case's region through a parent region), or a participating unit on its own part.
   */
  actor?: "owner" | "supervisor" | { participantRole: string };
  /** Not by a user who took one of these steps of the case (separation of duties). */
  notBy?: SeparationDecl;
  /** Own effects after the state change (e.g. open sub-cases), in the same transaction. */
  effect?: (ctx: EffectContext<F>) => Promise<void>;
  /** The step may be taken while the case is suspended (default: refused). */
  allowedWhileSuspended?: boolean;
  /**
   * Link kinds through which a linked case's step may take this one as its follow-up
   * (declared on the target, e.g. the penalty case's `revoked` via `reviews`). Such a
   * step checks the state only (the linked case's guards decided it).
   */
  viaLink?: readonly string[];
  /** Follow-up steps on linked cases (through a checked database function). */
  followUps?: readonly FollowUpDecl<F>[];
}

/**
 * A module's reaction to another module's step (when that module is present): e.g. the
 * credit module records a penalty decision as credit information when its publication
 * is published, and marks it withdrawn when the publication is withdrawn. It runs in
 * the step's transaction, as the acting user, after the step's own effect; a throw
 * refuses the step. A reaction to a case type no loaded module declares is skipped; one
 * naming an action the case type lacks fails at start.
 */
export interface StepReactionDecl {
  caseType: string;
  actions: readonly string[];
  effect(ctx: {
    w: WorkTx;
    /** The case after the step. */
    case: CaseView;
    action: string;
    input: Record<string, unknown>;
    onDate: LocalDate;
  }): Promise<void>;
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

/** When a clock starts: the step, dated by the step or by a date it carries. */
export interface ClockStart extends ClockTrigger {
  /**
   * The start date comes from the step's input or a case field instead of the step's
   * date, e.g. "input.knewOn" (a reconsideration application runs from the day the
   * applicant knew of the act, 行政复议法(2023) 第二十条) or "field.agreementEffectiveOn"
   * (30 days from the day a mediation agreement took effect). Not with `viaLink`.
   */
  dateFrom?: `input.${string}` | `field.${string}`;
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
  legalBasis: BasisLike;
  startOn: ClockStart;
  stopOn: readonly ClockTrigger[];
  /** Warn this long before the due date (default 3 working days). */
  dueSoon?: Period;
  /**
   * A repeated start step starts a new instance (a second notice, a new hearing date);
   * the earlier instance stops as superseded and stays in the history. Default: the
   * first start counts, a repeated start changes nothing.
   */
  restartable?: boolean;
}

/** Extensions (延长) of one clock with approval. */
export interface ExtensionDecl {
  clock: string;
  /** The longest one extension may be. */
  max: Period;
  /** How many extensions (default 1: 行政许可法 art. 42 "可以延长十日" once). */
  maxCount?: number;
  /** The longest all extensions together may be (same unit as `max`). */
  maxTotal?: Period;
  legalBasis: BasisLike;
  /** Who approves (the approving user holds it). Default unit.lead. */
  permission?: Permission;
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
  /**
   * Link kinds this type uses: the engine's ordinary kinds by code (reviews, follows,
   * opened_from, amends, repeals, part_of) or declared kinds (label, jurisdiction across
   * units, targets, the fields a guard may read).
   */
  links?: readonly (string | LinkKindDecl)[];
  /** Participant roles, e.g. supporting, joint, respondent. */
  participantRoles?: Record<string, Label>;
  /** Fields holding people, with their role for masking (public output) and encryption. */
  people?: readonly {
    field: string;
    role: PersonRoleCode;
    idField?: string;
    phoneField?: string;
  }[];
  public?: PublicProjection<F>;
  /** Labels of the public projection's fields, in display order. */
  publicLabels?: Record<string, Label>;
  /** The states in which cases may be public (a pre-filter for the projection). */
  publicStates?: readonly string[];
  /**
   * Exactly the cases (within `publicStates`) for which `public` returns a projection,
   * in SQL — e.g. "not a minor's case"; `() => sql\`true\`` when it shows every case in
   * those states. Declared, the portal's list pages in SQL and projects only the page
   * (engines/case/public.ts); absent, it projects every public-state case and pages
   * after. A page on which the projection refuses a case the condition admitted falls
   * back to the projection of every case, so an inexact condition costs speed, never a
   * wrong list.
   */
  publicFilter?: (
    eb: ExpressionBuilder<DB, "case_file">,
    fields: JsonAccess,
  ) => Expression<SqlBool>;
  /**
   * Suspension (中止) where the law provides for it: the clocks it may stop, with the
   * legal basis. Absent: the case type cannot be suspended. A suspension stops the
   * named suspendable clocks that are running (default: all of them); asking for a
   * clock not declared here is refused.
   */
  suspension?: { clocks: readonly string[] | "all"; legalBasis: BasisLike };
  /** Extensions (延长) with approval: per clock, how long, how often, who approves. */
  extensions?: readonly ExtensionDecl[];
  /** Official documents generated from the case (.docx in the GB/T 9704 layout). */
  documents?: readonly CaseDocumentDecl<F>[];
  /** What the clock periods and lead times read by name (checked at start). */
  reads?: DeclaredReads;
  /**
   * "step": the case type is opened only by a step of another case (`openCase` in an
   * effect, e.g. a decision opens its publication record), never directly over HTTP or
   * by import — its fields are the opening step's facts, not a user's word.
   */
  openedBy?: "step";
  /**
   * The case's dossier (案卷): every step's record, the documents and the attachments as
   * one .zip with a Chinese index (engines/case/dossier.ts, `GET …/dossier.zip`).
   */
  dossier?: DossierDecl;
  /**
   * Public files (公开附件): when the step `on` succeeds, the declared document is kept as
   * a .docx and a PDF attachment the portal links beside the case's public projection
   * (engines/case/public-files.ts).
   */
  publicFiles?: readonly { document: string; on: string }[];
  /** Sub-cases: the parent moves on when all its sub-cases reach a terminal state. */
  subCases?: { caseType: string; onAllClosed: string };
  /** The fields full-text search indexes besides the title and numbers (engines/search). */
  search?: SearchDecl;
  /** Public comment on a draft (engines/consultation/declare.ts): which steps open and close it. */
  consultation?: ConsultationDecl;
}

/** A case type's dossier export: its name and the rule that asks for it. */
export interface DossierDecl {
  label: Label;
  legalBasis: BasisLike;
}

/** A case type of any fields (what registries and engines hold). */
// biome-ignore lint/suspicious/noExplicitAny: each case type has its own fields type
export type AnyCaseType = CaseTypeDecl<any>;
