/**
 * The indicator engine's front door: the declaration types and the query helpers a
 * module spreads into its indicators. Modules import this file, never the engine's
 * other files (test/engines/imports.test.ts).
 */

export { type Aggregate, aggregateValue, countMeasure } from "./batch.ts";
export type {
  DrillRow,
  IndicatorContext,
  IndicatorDecl,
  IndicatorPeriod,
  IndicatorQuery,
} from "./declare.ts";
export * from "./queries.ts";
