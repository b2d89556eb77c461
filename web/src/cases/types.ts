/** Shapes of the case engine's API (server/src/engines/case: routes.ts, query.ts). */
import type { Label } from "../api.ts";
import type { JsonSchema } from "../schema/schema.ts";

export interface TransitionInfo {
  action: string;
  label: Label;
  from: string[];
  to: string;
  sensitive: boolean;
  allowed: boolean;
  /** The step may be taken while the case is suspended. */
  allowedWhileSuspended?: boolean;
  input: JsonSchema | null;
}

export interface CaseType {
  code: string;
  label: Label;
  module: string;
  states: Record<string, { label: Label; terminal?: boolean }>;
  initial: string;
  fields: JsonSchema;
  transitions: TransitionInfo[];
  clocks: {
    code: string;
    label: Label;
    legalBasis: string;
    restartable?: boolean;
    suspendable?: boolean;
  }[];
  links: string[];
  /** Link kinds with their labels; across units: a reviewing body with jurisdiction. */
  linkKinds?: {
    code: string;
    label: Label;
    acrossUnits: boolean;
    legalBasis: string | null;
    allowed: boolean;
  }[];
  participantRoles: Record<string, Label>;
  suspendable: boolean;
  /** The clocks a suspension may stop, with the legal basis. */
  suspension?: { clocks: string[]; legalBasis: string } | null;
  extensions: {
    clock: string;
    /** The longest one extension may be. */
    max: { n: number; unit: string };
    /** How many extensions, and how long all together. */
    maxCount?: number;
    maxTotal?: { n: number; unit: string } | null;
    legalBasis: string;
    /** Who approves: the approving user holds it. */
    permission?: string;
  }[];
  subCases: { caseType: string; onAllClosed?: string } | null;
  /** Official documents generated from the case (.docx), in the states that allow them. */
  documents?: { code: string; label: Label; states: string[] }[];
  /** Number kinds with their labels (when the server declares them here). */
  numbers?: { kind: string; label: Label }[];
  /** Labels of the link kinds (e.g. follows → 后续), when the server declares them. */
  linkLabels?: Record<string, Label>;
}

export interface CaseRow {
  id: number;
  regionCode: string;
  unitId: number;
  state: string;
  stateLabel: Label;
  title: string;
  numbers: Record<string, string>;
  openedOn: string;
  closedOn: string | null;
  version: number;
}

export interface CaseView {
  id: number;
  regionCode: string;
  caseType: string;
  unitId: number;
  state: string;
  title: string;
  fields: Record<string, unknown>;
  numbers: Record<string, string>;
  parentId: number | null;
  version: number;
  openedOn: string;
  closedOn: string | null;
}

export type WarningLevel = "normal" | "due_soon" | "overdue";

export interface Deadline {
  clock: string;
  label: Label;
  legalBasis: string;
  period: string;
  /** 1, 2, …: a restartable clock's instance. */
  instance?: number;
  startedOn: string;
  /** Where the start date came from: step, input.<name>, field.<name>. */
  startSource?: string;
  /** A period in hours started at a known moment: the exact end (ISO). */
  dueAt?: string;
  extensions?: { period: string; onDate: string; approvedBy: string }[];
  superseded?: boolean;
  stoppedOn: string | null;
  due: string | null;
  state: "running" | "suspended" | "stopped";
  warning: WarningLevel;
  remaining?: number;
  remainingUnit?: string;
  provisional: boolean;
  provisionalYears: number[];
}

export interface TimelineEvent {
  seq: number;
  kind: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  onDate: string;
  at: string;
  actorName: string | null;
  data: { numbers?: Record<string, string>; input?: unknown; [k: string]: unknown } | null;
  reason: string | null;
}

export interface CaseDetail {
  case: CaseView;
  stateLabel: Label;
  timeline: TimelineEvent[];
  deadlines: Deadline[];
  /** Earlier instances of restartable clocks. */
  clockHistory?: Deadline[];
  /** Clocks that cannot be computed from the stored data. */
  clockProblems?: { clock: string; message: string }[];
  suspended: { from: string; clock: string | null; clocks?: string[]; reason: string } | null;
  links: {
    direction: "out" | "in";
    kind: string;
    kindLabel?: Label;
    caseId: number;
    caseType: string;
    title: string;
    state: string;
    stateLabel?: Label;
  }[];
  /** Reviews of this case by another unit's cases: kind, type and state only. */
  reviews?: {
    kind: string;
    kindLabel: Label;
    caseType: string;
    caseTypeLabel: Label;
    state: string;
    stateLabel: Label;
    concluded: boolean;
    unitId: number;
    unitName: string | null;
    openedOn: string;
    closedOn: string | null;
  }[];
  /** Another unit's cases this one reviews: their state and the declared fields. */
  reviewing?: {
    kind: string;
    kindLabel: Label;
    caseId: number;
    caseType: string;
    caseTypeLabel: Label;
    state: string;
    stateLabel: Label;
    closedOn: string | null;
    fields: Record<string, unknown>;
  }[];
  participants: { unitId: number; role: string }[];
  subCases: { id: number; unitId: number; state: string; title: string }[];
  attachments: { id: number; name: string; mime: string; size: number; uploadedAt: string }[];
  actions: { action: string; label: Label; sensitive: boolean; to: string }[];
  mine: { owner: boolean; participantRoles: string[] };
}

export interface Warning extends Deadline {
  caseId: number;
  caseType: string;
  caseTypeLabel: Label;
  title: string;
  unitId: number;
}

export const casePath = (type: string, id?: number) =>
  id === undefined
    ? `/cases/${encodeURIComponent(type)}`
    : `/cases/${encodeURIComponent(type)}/${id}`;
