import {
  type Expression,
  type ExpressionBuilder,
  expressionBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { Label } from "../../../kernel/labels.ts";
import { type Aggregate, countMeasure, markAggregate, sumMeasure } from "../batch.ts";
import type { DrillRow, IndicatorQuery } from "../declare.ts";
import { type IndicatorSpec, joinList, list, nonEmpty, num, zhList } from "./common.ts";
import { type JsonAccess, type JsonWhere, jsonAccess, jsonWhere } from "./json.ts";

// ─────────────────────────────────────────────────────────────────────────── cases

/** When a case counts in a period. */
export type CasePeriodRule = "opened" | "closed" | "open_at_end";

export interface CaseSelection {
  caseType: string | readonly string[];
  /** The period rule: opened in the period, closed in it, or open at its end. */
  by: CasePeriodRule;
  /** Only cases now in one of these states. */
  states?: readonly string[];
  /** Equality on the case's fields. */
  where?: JsonWhere;
  /** Any other condition on the case (columns of case_file, and its fields through `f`). */
  filter?: (eb: ExpressionBuilder<DB, "case_file">, f: JsonAccess) => Expression<SqlBool>;
}

const CASE_PERIOD_BASIS: Record<CasePeriodRule, Label> = {
  opened: {
    zh: "案件按受理（立案）日期计入所属期间",
    en: "a case counts in the period in which it was opened (its opening date)",
  },
  closed: {
    zh: "案件按办结日期计入所属期间",
    en: "a case counts in the period in which it was closed (its closing date)",
  },
  open_at_end: {
    zh: "统计期末尚未办结的案件（期末当日或之前受理、期末时未办结）",
    en: "cases open at the end of the period (opened on or before its last day and not closed by then)",
  },
};

/** What every case figure of a query shares: the regions and the unit. */
function caseShared(eb: ExpressionBuilder<DB, "case_file">, q: IndicatorQuery) {
  const conds: Expression<SqlBool>[] = [eb("case_file.region_code", "in", q.regions)];
  if (q.unitId !== undefined) conds.push(eb("case_file.unit_id", "=", q.unitId));
  return eb.and(conds);
}

/** The period rule's condition. */
function casePeriod(
  eb: ExpressionBuilder<DB, "case_file">,
  s: CaseSelection,
  q: IndicatorQuery,
): Expression<SqlBool> {
  if (s.by === "opened") return eb.between("case_file.opened_on", q.from, q.to);
  if (s.by === "closed") return eb.between("case_file.closed_on", q.from, q.to);
  return eb.and([
    eb("case_file.opened_on", "<=", q.to),
    eb.or([eb("case_file.closed_on", "is", null), eb("case_file.closed_on", ">", q.to)]),
  ]);
}

/** The selection's own conditions (within the shared ones). */
function caseOwn(
  eb: ExpressionBuilder<DB, "case_file">,
  s: CaseSelection,
  q: IndicatorQuery,
): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [eb("case_file.case_type", "in", list(s.caseType))];
  if (s.states) {
    conds.push(s.states.length ? eb("case_file.state", "in", s.states) : sql<SqlBool>`false`);
  }
  conds.push(casePeriod(eb, s, q));
  conds.push(...jsonWhere("case_file.fields", s.where));
  if (s.filter) conds.push(s.filter(eb, jsonAccess("case_file.fields")));
  return eb.and(conds);
}

function caseConditions(
  eb: ExpressionBuilder<DB, "case_file">,
  s: CaseSelection,
  q: IndicatorQuery,
): Expression<SqlBool> {
  return eb.and([caseShared(eb, q), caseOwn(eb, s, q)]);
}

const caseEb = () => expressionBuilder<DB, "case_file">();

/** The selection as a member of the cases' grouped statement (engines/indicator/batch.ts). */
function caseAggregate(s: CaseSelection, measure: Aggregate["measure"]): Aggregate {
  const types = [...list(s.caseType)].sort();
  return {
    source: "case_file",
    from: sql`case_file`,
    shared: (q) => caseShared(caseEb(), q),
    narrow: {
      key: `${types.join(",")}|${s.by}`,
      where: (q) => {
        const eb = caseEb();
        return eb.and([eb("case_file.case_type", "in", types), casePeriod(eb, s, q)]);
      },
    },
    where: (q) => caseOwn(caseEb(), s, q),
    measure,
  };
}

function checkCases(s: CaseSelection) {
  nonEmpty("caseType", list(s.caseType));
  if (!(s.by in CASE_PERIOD_BASIS)) throw new Error(`indicator query: unknown period rule ${s.by}`);
}

function caseBasis(s: CaseSelection, what?: Label): Label {
  const b = CASE_PERIOD_BASIS[s.by];
  const types = list(s.caseType);
  return {
    zh: `${what ? `${what.zh}；` : ""}案件类型：${zhList(types)}${s.states ? `，状态：${zhList(s.states)}` : ""}；${b.zh}`,
    en: `${what ? `${what.en}; ` : ""}case types: ${joinList(types)}${s.states ? `, states: ${joinList(s.states)}` : ""}; ${b.en}`,
  };
}

function caseQuery(s: CaseSelection, q: IndicatorQuery) {
  return q.db.selectFrom("case_file").where((eb) => caseConditions(eb, s, q));
}

interface CaseRowDb {
  region_code: string;
  id: number;
  case_type: string;
  title: string;
  unit_id: number;
  state: string;
  opened_on: string;
  closed_on: string | null;
}

export function caseRow(
  r: CaseRowDb,
  value: number,
  extra: Record<string, unknown> = {},
): DrillRow {
  return {
    kind: "case",
    regionCode: r.region_code,
    id: Number(r.id),
    type: r.case_type,
    title: r.title,
    unitId: Number(r.unit_id),
    value,
    extra: { state: r.state, openedOn: r.opened_on, closedOn: r.closed_on, ...extra },
  };
}

export const CASE_COLUMNS = [
  "case_file.region_code",
  "case_file.id",
  "case_file.case_type",
  "case_file.title",
  "case_file.unit_id",
  "case_file.state",
  "case_file.opened_on",
  "case_file.closed_on",
] as const;

/** The number of cases of the type(s) that count in the period (see `by`). */
export function countCases(s: CaseSelection): IndicatorSpec {
  checkCases(s);
  return {
    reads: { caseTypes: list(s.caseType), ...(s.states ? { states: s.states } : {}) },
    basis: caseBasis(s),
    decimals: 0,
    value: markAggregate(
      async (q) => {
        const r = await caseQuery(s, q)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow();
        return num(r.n);
      },
      caseAggregate(s, countMeasure),
    ),
    drill: async (q) => {
      const rows = await caseQuery(s, q)
        .select(CASE_COLUMNS)
        .orderBy("case_file.region_code")
        .orderBy("case_file.id")
        .execute();
      return rows.map((r) => caseRow(r, 1));
    },
  };
}

/** The sum of a numeric field over the cases that count in the period (e.g. amounts agreed). */
export function sumCases(s: CaseSelection & { field: string }): IndicatorSpec {
  checkCases(s);
  const amount = jsonAccess("case_file.fields").num(s.field);
  return {
    reads: { caseTypes: list(s.caseType), ...(s.states ? { states: s.states } : {}) },
    basis: caseBasis(s, { zh: `合计字段「${s.field}」`, en: `sum of the field ${s.field}` }),
    decimals: 2,
    value: markAggregate(
      async (q) => {
        const r = await caseQuery(s, q)
          .select(sql<string | null>`coalesce(sum(${amount}), 0)`.as("n"))
          .executeTakeFirstOrThrow();
        return num(r.n);
      },
      caseAggregate(s, sumMeasure(amount)),
    ),
    drill: async (q) => {
      const rows = await caseQuery(s, q)
        .select([...CASE_COLUMNS, amount.as("amount")])
        .orderBy("case_file.region_code")
        .orderBy("case_file.id")
        .execute();
      return rows.map((r) => caseRow(r, num(r.amount), { field: s.field }));
    },
  };
}
