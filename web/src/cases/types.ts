/** Shapes of the case engine's API: the server's wire schemas (server/src/engines/case/wire.ts). */
import type { JsonSchema } from "../schema/schema.ts";
import type * as Wire from "../wire.ts";

export type {
  CasePage,
  CaseRow,
  CaseView,
  Deadline,
  Warning,
  WarningLevel,
  WarningPage,
} from "../wire.ts";

/** A step as declared; its input is a JSON Schema the forms are built from. */
export interface TransitionInfo extends Omit<Wire.TransitionInfo, "input"> {
  input: JsonSchema | null;
}

/** A declared case type; its fields are a JSON Schema the forms are built from. */
export interface CaseType extends Omit<Wire.CaseType, "fields" | "transitions" | "derived"> {
  fields: JsonSchema;
  /** The labels of the fields steps compute (major, payment, legalReview, …), if declared. */
  derived?: JsonSchema | null;
  transitions: TransitionInfo[];
}

/** A timeline event; its data is what the step recorded (numbers, input, …). */
export interface TimelineEvent extends Omit<Wire.TimelineEvent, "data"> {
  data: { numbers?: Record<string, string>; input?: unknown; [k: string]: unknown } | null;
}

export interface CaseDetail extends Omit<Wire.CaseDetail, "timeline"> {
  timeline: TimelineEvent[];
}

export const casePath = (type: string, id?: number) =>
  id === undefined
    ? `/cases/${encodeURIComponent(type)}`
    : `/cases/${encodeURIComponent(type)}/${id}`;
