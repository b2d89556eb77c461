import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Label } from "../../kernel/labels.ts";
import type { LocalDate } from "../../kernel/time/index.ts";

/** What an indicator is computed for: regions (a district, or a city's districts), a period, optionally one unit. */
export interface IndicatorQuery {
  db: Kysely<DB> | Transaction<DB>;
  regions: string[];
  from: LocalDate;
  to: LocalDate;
  year: number;
  unitId?: number;
}

/** One record behind a figure. */
export interface DrillRow {
  kind: "case" | "register";
  regionCode: string;
  id: number;
  type: string;
  title: string;
  unitId: number;
  /** The record's contribution to the figure (1 for a count). */
  value: number;
  extra?: Record<string, unknown>;
}

/**
 * A figure of the report. Nothing else in the code computes a reported figure: the
 * dashboards, the annual report and the city roll-up read indicators.
 */
export interface IndicatorDecl {
  id: string;
  label: Label;
  /** e.g. { zh: "个", en: "items" } or { zh: "%", en: "%" }. */
  unit: Label;
  definition: Label;
  module: string;
  /** The records behind the figure. */
  drill(q: IndicatorQuery): Promise<DrillRow[]>;
  /** The figure; by default the sum of the drill rows' values. */
  value?(q: IndicatorQuery): Promise<number>;
}
