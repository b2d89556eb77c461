import {
  type Expression,
  type ExpressionBuilder,
  expressionBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { DB } from "../../../db/schema.ts";
import { type Aggregate, countMeasure, markAggregate } from "../batch.ts";
import type { IndicatorQuery } from "../declare.ts";
import { CASE_COLUMNS, caseRow } from "./cases.ts";
import { type IndicatorSpec, joinList, list, nonEmpty, num, zhList } from "./common.ts";
import { type JsonAccess, type JsonWhere, jsonAccess, jsonWhere } from "./json.ts";

// ─────────────────────────────────────────────────────────────────── steps of cases

export interface EventSelection {
  caseType: string | readonly string[];
  /** The step(s) counted, e.g. "decide". */
  action: string | readonly string[];
  /** Equality on the step's data (its validated input). */
  where?: JsonWhere;
  /** Equality on the case's fields. */
  caseWhere?: JsonWhere;
  /** Any other condition (case_event and case_file columns; `step` reads the step's data, `fields` the case's). */
  filter?: (
    eb: ExpressionBuilder<DB, "case_event" | "case_file">,
    j: { step: JsonAccess; fields: JsonAccess },
  ) => Expression<SqlBool>;
  /** Count each case once (its first such step in the period), not each step. */
  distinctCases?: boolean;
  /** Whose unit the unit filter reads: the case's owning unit (default) or the unit that took the step. */
  unitOf?: "case" | "actor";
}

type EventEb = ExpressionBuilder<DB, "case_event" | "case_file">;

/** What every step figure of a query shares: the regions and the period. */
function eventShared(eb: EventEb, q: IndicatorQuery): Expression<SqlBool> {
  return eb.and([
    eb("case_event.region_code", "in", q.regions),
    eb.between("case_event.on_date", q.from, q.to),
  ]);
}

/** The selection's own conditions (within the shared ones). */
function eventOwn(eb: EventEb, s: EventSelection, q: IndicatorQuery): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [
    eb("case_file.case_type", "in", list(s.caseType)),
    eb("case_event.action", "in", list(s.action)),
  ];
  if (q.unitId !== undefined) {
    conds.push(
      s.unitOf === "actor"
        ? eb("case_event.actor_unit_id", "=", q.unitId)
        : eb("case_file.unit_id", "=", q.unitId),
    );
  }
  conds.push(...jsonWhere("case_event.data", s.where));
  conds.push(...jsonWhere("case_file.fields", s.caseWhere));
  if (s.filter) {
    conds.push(
      s.filter(eb, {
        step: jsonAccess("case_event.data"),
        fields: jsonAccess("case_file.fields"),
      }),
    );
  }
  return eb.and(conds);
}

function eventQuery(s: EventSelection, q: IndicatorQuery) {
  return q.db
    .selectFrom("case_event")
    .innerJoin("case_file", (join) =>
      join
        .onRef("case_file.region_code", "=", "case_event.region_code")
        .onRef("case_file.id", "=", "case_event.case_id"),
    )
    .where((eb) => eb.and([eventShared(eb, q), eventOwn(eb, s, q)]));
}

const eventEb = () => expressionBuilder<DB, "case_event" | "case_file">();

const distinctCasesMeasure = (filter: Expression<SqlBool>) =>
  sql`count(distinct (case_event.region_code, case_event.case_id)) filter (where ${filter})`;

/** The selection as a member of the steps' grouped statement (engines/indicator/batch.ts). */
function eventAggregate(s: EventSelection): Aggregate {
  const types = [...list(s.caseType)].sort();
  const actions = [...list(s.action)].sort();
  return {
    source: "case_event",
    from: sql`case_event join case_file on case_file.region_code = case_event.region_code
      and case_file.id = case_event.case_id`,
    shared: (q) => eventShared(eventEb(), q),
    narrow: {
      key: `${types.join(",")}|${actions.join(",")}`,
      where: () => {
        const eb = eventEb();
        return eb.and([
          eb("case_file.case_type", "in", types),
          eb("case_event.action", "in", actions),
        ]);
      },
    },
    where: (q) => eventOwn(eventEb(), s, q),
    measure: s.distinctCases ? distinctCasesMeasure : countMeasure,
  };
}

/**
 * Steps taken in the period (e.g. decisions made, hearings held): each `case_event`
 * with the action whose legal date (`on_date`) falls in the period; with
 * `distinctCases`, the cases that had such a step in the period.
 */
export function countEvents(s: EventSelection): IndicatorSpec {
  const actions = list(s.action);
  const types = list(s.caseType);
  nonEmpty("caseType", types);
  nonEmpty("action", actions);
  const unitNote =
    s.unitOf === "actor"
      ? { zh: "按办理该步骤的单位归属", en: "attributed to the unit that took the step" }
      : { zh: "按案件承办单位归属", en: "attributed to the case's unit" };
  return {
    reads: { caseTypes: list(s.caseType), actions: list(s.action) },
    basis: {
      zh: `案件类型：${zhList(types)}；办理步骤（${zhList(actions)}）按其发生日期计入所属期间${s.distinctCases ? "，每件案件只计一次" : "，每次步骤计一次"}；${unitNote.zh}`,
      en: `case types: ${joinList(types)}; a step (${joinList(actions)}) counts in the period in which it happened (its legal date)${s.distinctCases ? ", each case once" : ", each step once"}; ${unitNote.en}`,
    },
    decimals: 0,
    value: markAggregate(async (q) => {
      const base = eventQuery(s, q);
      const r = await (s.distinctCases
        ? base.select(
            sql<number>`count(distinct (case_event.region_code, case_event.case_id))`.as("n"),
          )
        : base.select((eb) => eb.fn.countAll().as("n"))
      ).executeTakeFirstOrThrow();
      return num(r.n);
    }, eventAggregate(s)),
    drill: async (q) => {
      let qb = eventQuery(s, q).select([
        ...CASE_COLUMNS,
        "case_event.seq",
        "case_event.action",
        "case_event.on_date",
        "case_event.actor_unit_id",
      ]);
      if (s.distinctCases) {
        qb = qb.distinctOn(["case_file.region_code", "case_file.id"]);
      }
      const rows = await qb
        .orderBy("case_file.region_code")
        .orderBy("case_file.id")
        .orderBy("case_event.on_date")
        .orderBy("case_event.seq")
        .execute();
      return rows.map((r) =>
        caseRow(r, 1, {
          seq: r.seq,
          action: r.action,
          onDate: r.on_date,
          actorUnitId: r.actor_unit_id,
        }),
      );
    },
  };
}
