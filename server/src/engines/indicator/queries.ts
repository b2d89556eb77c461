/**
 * Query helpers: what a module spreads into an IndicatorDecl so that ~80 figures are
 * declared in a few lines each, uniformly:
 *
 * ```ts
 * { id: "reconsideration_concluded", label, unit: COUNT, definition, module: "reconsideration",
 *   ...countCases({ caseType: "reconsideration", by: "closed" }) }
 * ```
 *
 * Every helper states its period rule explicitly (`by`, `on`, `stock`) and writes it
 * into `basis`, which the engine adds to the definition. Every query filters by
 * `q.regions` (a district, or a city and its districts, counted together) and by
 * `q.unitId` when given, and is parameterised through Kysely: keys and values given
 * by a declaration or a user travel as bind parameters, never as SQL text.
 *
 * Period rules:
 * - cases: `by: "opened"` (opened_on in the period), `"closed"` (closed_on in the
 *   period) or `"open_at_end"` (opened on or before the last day and not closed by it);
 * - steps of cases (`countEvents`): the step's legal date, `case_event.on_date`;
 * - register entries have no lifecycle dates of their own (created_at is when someone
 *   typed them in, not when the thing happened), so a register figure names a date
 *   field of its data (`on: "heldOn"`: flows such as meetings, trainings, events) or is
 *   a stock (`stock: { validFrom, validTo }`: entries valid on the last day of the
 *   period, e.g. officers holding a certificate; `stock: true` for a register without
 *   validity dates: every entry now recorded, whatever the period);
 * - units (`countUnits`): the directory as it is now;
 * - published lists (`countListVersion`): the entries of the version in force on the
 *   last day of the period (engines/register/versions), not the register's entries now.
 *
 * A unit filter means the owning unit: a case's unit (participating units do not
 * count it), a register entry's unit; for steps, the case's unit unless
 * `unitOf: "actor"` (the unit that took the step).
 *
 * The helpers live in queries/: json.ts (reading and filtering jsonb documents), cases.ts,
 * steps.ts (steps of cases), registers.ts, units.ts, derived.ts (ratios and the change on
 * the year before), and common.ts (what they share).
 */
export {
  type CasePeriodRule,
  type CaseSelection,
  countCases,
  sumCases,
} from "./queries/cases.ts";
export type { IndicatorSpec } from "./queries/common.ts";
export { previousYear, ratio, relativeChange } from "./queries/derived.ts";
export {
  type JsonAccess,
  type JsonScalar,
  type JsonWhere,
  jsonAccess,
  jsonWhere,
} from "./queries/json.ts";
export {
  countRegister,
  type RegisterSelection,
  type RegisterTiming,
  sumRegister,
  type Validity,
} from "./queries/registers.ts";
export { countEvents, type EventSelection } from "./queries/steps.ts";
export { countUnits } from "./queries/units.ts";
export { countListVersion, type ListVersionSelection } from "./queries/versions.ts";
