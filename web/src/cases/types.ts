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
  input: JsonSchema | null;
}

export interface CaseType {
  code: string;
  label: Label;
  module: string;
  states: Record<string, { label: Label; terminal?: boolean }>;
  initial: string;
  fields: JsonSchema;
  /** The labels of the fields steps compute (major, payment, legalReview, …), if declared. */
  derived?: JsonSchema | null;
  transitions: TransitionInfo[];
  clocks: { code: string; label: Label; legalBasis: string }[];
  links: string[];
  participantRoles: Record<string, Label>;
  suspendable: boolean;
  extensions: {
    clock: string;
    max: { n: number; unit: string };
    legalBasis: string;
    /** Who approves (the server's default: unit.lead), when the server says so. */
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
  startedOn: string;
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
  suspended: { from: string; clock: string | null; reason: string } | null;
  links: {
    direction: "out" | "in";
    kind: string;
    caseId: number;
    caseType: string;
    title: string;
    state: string;
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
