import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Label } from "../../kernel/labels.ts";
import type { LocalDate } from "../../kernel/time/index.ts";

/** A period: civil dates (Asia/Shanghai), both ends included. */
export interface IndicatorPeriod {
  from: LocalDate;
  to: LocalDate;
  /** The year the figure is reported for (the year of `to`). */
  year: number;
}

/**
 * What an indicator is computed for: regions (a district, or a city and its districts —
 * the queries run over all of them together), a period, optionally one unit.
 */
export interface IndicatorQuery extends IndicatorPeriod {
  db: Kysely<DB> | Transaction<DB>;
  regions: string[];
  unitId?: number;
  /** Set by the engine: other indicators and declarations, for derived figures (ratios, changes). */
  context?: IndicatorContext;
}

/** What the engine lends a query: the other indicators, for the same regions and unit. */
export interface IndicatorContext {
  /** Another indicator's value (unrounded), for this query's period or the one given. */
  valueOf(id: string, period?: IndicatorPeriod): Promise<number | null>;
  /** Another indicator's records, for this query's period or the one given. */
  drillOf(id: string, period?: IndicatorPeriod): Promise<DrillRow[]>;
  /** A register entry's title as its register declares it; undefined if the register is not declared. */
  registerTitle(register: string, data: unknown): string | undefined;
}

/** One record behind a figure. */
export interface DrillRow {
  /** A case (or a step of one), a register entry, or a unit of the directory. */
  kind: "case" | "register" | "unit";
  regionCode: string;
  id: number;
  /** The case type, the register, or the unit kind. */
  type: string;
  title: string;
  unitId: number;
  /** The record's contribution to the figure (1 for a count, the amount for a sum). */
  value: number;
  /**
   * Details: dates, state, the step (`seq`, `action`, `onDate`), and for derived
   * figures which part the record belongs to (`part`: numerator / denominator, current / previous).
   */
  extra?: Record<string, unknown>;
}

/**
 * A figure of the report. Nothing else in the code computes a reported figure: the
 * dashboards, the annual report and the city roll-up read indicators.
 *
 * Most indicators spread a query helper (engines/indicator/queries.ts) into the
 * declaration: it supplies `drill`, `value`, `basis`, `decimals` (and `dependsOn`).
 */
/** Names an indicator reads, so that a misspelt one fails at start instead of counting 0. */
export interface IndicatorReads {
  caseTypes?: readonly string[];
  /** States of those case types. */
  states?: readonly string[];
  /** Steps of those case types. */
  actions?: readonly string[];
  registers?: readonly string[];
  /** Fields of those registers' schemas. */
  registerFields?: readonly string[];
}

export interface IndicatorDecl {
  id: string;
  label: Label;
  /** e.g. { zh: "个", en: "items" } or { zh: "%", en: "%" }. */
  unit: Label;
  /** What the figure counts, in the words of the report. */
  definition: Label;
  module: string;
  /** The records behind the figure. */
  drill(q: IndicatorQuery): Promise<DrillRow[]>;
  /**
   * The figure; by default the sum of the drill rows' values. Null when it is undefined
   * (a rate over nothing).
   */
  value?(q: IndicatorQuery): Promise<number | null>;
  /** How the records are counted: which date puts a record in the period (written by the helper). */
  basis?: Label;
  /** Decimals the value is rounded to (default 2; counts 0, rates 1). */
  decimals?: number;
  /** Indicators this one is computed from (ratios, changes). */
  dependsOn?: readonly string[];
  /** The case types, states, steps, registers and register fields it reads (checked at start). */
  reads?: IndicatorReads;
  /**
   * Where the figure sits on the role homes (GET /api/dashboard, docs/dashboards.md):
   * `area` is a module code (default: the declaring module), `order` sorts within the
   * area (default: declaration order); `false` keeps it off the homes (the report and
   * the indicator page still show it).
   */
  dashboard?: { area?: string; order?: number } | false;
}
