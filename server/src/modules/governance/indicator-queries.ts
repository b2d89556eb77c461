/**
 * The few figures of this module the engine's helpers do not express directly, written
 * as drill-downs (the records behind the figure) in the way the helpers are: every
 * query filtered by the request's regions and unit, values as bind parameters.
 *
 * - units an inspection covered (distinct units named by the inspections of the period);
 * - inspection tasks done (the items of the concluded inspections' task lists);
 * - units that assessed themselves, and indicators every accepted self-assessment met.
 *
 * Each value is counted in SQL (`aggregateValue`: the same rows as its drill-down, so the
 * engine computes it in the wave's one statement), not by reading the rows.
 */
import { type Expression, type SqlBool, sql } from "kysely";
import {
  aggregateValue,
  countMeasure,
  type DrillRow,
  type IndicatorQuery,
  type IndicatorSpec,
} from "../../engines/indicator/index.ts";
import { INSPECTION_TYPE } from "./plan.ts";

const TOWNSHIP_KINDS = ["township", "street"];

const unitScope = (q: IndicatorQuery, column: string) =>
  q.unitId === undefined ? sql`true` : sql`${sql.ref(column)} = ${q.unitId}`;

function unitRows(
  rows: { region_code: string; id: number | string; kind: string; name_zh: string; code: string }[],
): DrillRow[] {
  return rows.map((r) => ({
    kind: "unit",
    regionCode: r.region_code,
    id: Number(r.id),
    type: r.kind,
    title: r.name_zh,
    unitId: Number(r.id),
    value: 1,
    extra: { code: r.code },
  }));
}

/** The units the inspections of the period name (the FROM of both counts and drill-downs). */
const inspectedFrom = sql`case_file c
  cross join lateral jsonb_array_elements_text(
    case when jsonb_typeof(c.fields -> 'units') = 'array' then c.fields -> 'units' else '[]'::jsonb end) as x(code)
  join unit u on u.region_code = c.region_code and u.code = x.code`;

const inspectedIn = (q: IndicatorQuery) =>
  sql<SqlBool>`c.region_code in (${sql.join(q.regions)}) and c.case_type = ${INSPECTION_TYPE}
    and c.opened_on between ${q.from} and ${q.to} and ${unitScope(q, "c.unit_id")}`;

/** Units named by the inspections opened in the period: townships and streets, or the rest. */
export function inspectedUnits(which: "townships" | "departments"): IndicatorSpec {
  const kinds =
    which === "townships"
      ? sql<SqlBool>`u.kind in (${sql.join(TOWNSHIP_KINDS)})`
      : sql<SqlBool>`u.kind not in (${sql.join(TOWNSHIP_KINDS)})`;
  return {
    basis: {
      zh: "督导督查按受理（部署）日期计入所属期间；同一单位被多次督查只计一次",
      en: "an inspection counts in the period it was opened in; a unit inspected more than once counts once",
    },
    decimals: 0,
    reads: { caseTypes: [INSPECTION_TYPE] },
    value: aggregateValue({
      source: "governance.inspected_units",
      from: inspectedFrom,
      shared: inspectedIn,
      where: () => kinds,
      measure: (filter) => sql`count(distinct u.id) filter (where ${filter})`,
    }),
    drill: async (q) => {
      const r = await sql<{
        region_code: string;
        id: number;
        kind: string;
        name_zh: string;
        code: string;
      }>`select distinct u.region_code, u.id, u.kind, u.name_zh, u.code
          from ${inspectedFrom}
         where ${inspectedIn(q)} and ${kinds}
         order by u.region_code, u.id`.execute(q.db);
      return unitRows(r.rows);
    },
  };
}

/** The tasks of the inspections (the FROM of both the count and the drill-down). */
const tasksFrom = sql`case_file c
  cross join lateral jsonb_array_elements(
    case when jsonb_typeof(c.fields -> 'tasks') = 'array' then c.fields -> 'tasks' else '[]'::jsonb end) as x(task)`;

const concludedIn = (q: IndicatorQuery) =>
  sql<SqlBool>`c.region_code in (${sql.join(q.regions)}) and c.case_type = ${INSPECTION_TYPE}
    and c.state = 'concluded' and c.closed_on between ${q.from} and ${q.to}
    and ${unitScope(q, "c.unit_id")}`;

/** Tasks of the inspections concluded in the period whose result is one of `results`. */
export function inspectionTasks(results: readonly string[]): IndicatorSpec {
  return {
    basis: {
      zh: "督导督查按结束日期计入所属期间；每一项督查任务按其落实情况计一次",
      en: "an inspection counts in the period it was concluded in; each of its tasks counts once by its result",
    },
    decimals: 0,
    reads: { caseTypes: [INSPECTION_TYPE], states: ["concluded"] },
    value: aggregateValue({
      source: "governance.inspection_tasks",
      from: tasksFrom,
      shared: concludedIn,
      where: () => sql<SqlBool>`x.task ->> 'result' in (${sql.join([...results])})`,
      measure: countMeasure,
    }),
    drill: async (q) => {
      const r = await sql<{
        region_code: string;
        id: number;
        case_type: string;
        title: string;
        unit_id: number;
        state: string;
        opened_on: string;
        closed_on: string | null;
        n: string;
      }>`select c.region_code, c.id, c.case_type, c.title, c.unit_id, c.state, c.opened_on, c.closed_on,
                count(*) as n
           from ${tasksFrom}
          where ${concludedIn(q)}
            and x.task ->> 'result' in (${sql.join([...results])})
          group by c.region_code, c.id
          order by c.region_code, c.id`.execute(q.db);
      return r.rows.map((c) => ({
        kind: "case",
        regionCode: c.region_code,
        id: Number(c.id),
        type: c.case_type,
        title: c.title,
        unitId: Number(c.unit_id),
        value: Number(c.n),
        extra: { state: c.state, openedOn: c.opened_on, closedOn: c.closed_on, part: "tasks" },
      }));
    },
  };
}

const accepted = (q: IndicatorQuery): Expression<SqlBool> =>
  sql<SqlBool>`s.region_code in (${sql.join(q.regions)}) and s.register = 'self_assessment'
    and s.data ->> 'review' = 'accepted'
    and left(s.data ->> 'assessedOn', 10) between ${q.from}::text and ${q.to}::text
    and ${unitScope(q, "s.unit_id")}`;

/** Units whose self-assessment (scores dated in the period) the office accepted. */
export const selfAssessedUnits: IndicatorSpec = {
  basis: {
    zh: "自查评估得分按自评日期计入所属期间；经依法治区办审核通过的单位各计一次",
    en: "scores count in the period they are dated in; each unit with accepted scores counts once",
  },
  decimals: 0,
  reads: { registers: ["self_assessment"], registerFields: ["assessedOn", "review", "unitCode"] },
  value: aggregateValue({
    source: "governance.self_assessed_units",
    from: sql`register_entry s join unit u on u.region_code = s.region_code and u.code = s.data ->> 'unitCode'`,
    shared: accepted,
    where: () => sql<SqlBool>`true`,
    measure: (filter) => sql`count(distinct u.id) filter (where ${filter})`,
  }),
  drill: async (q) => {
    const r = await sql<{
      region_code: string;
      id: number;
      kind: string;
      name_zh: string;
      code: string;
    }>`select distinct u.region_code, u.id, u.kind, u.name_zh, u.code
        from register_entry s
        join unit u on u.region_code = s.region_code and u.code = s.data ->> 'unitCode'
       where ${accepted(q)}
       order by u.region_code, u.id`.execute(q.db);
    return unitRows(r.rows);
  },
};

const indicatorsIn = (q: IndicatorQuery) =>
  sql<SqlBool>`i.region_code in (${sql.join(q.regions)}) and i.register = 'assessment_indicator'`;

/** Every accepted score of the period on indicator `i` says met, and there is one. */
const allMet = (q: IndicatorQuery) =>
  sql<SqlBool>`exists (select 1 from register_entry s
                      where ${accepted(q)} and s.region_code = i.region_code
                        and s.data ->> 'version' = i.data ->> 'version'
                        and s.data -> 'indicatorNo' = i.data -> 'no')
         and not exists (select 1 from register_entry s
                      where ${accepted(q)} and s.region_code = i.region_code
                        and s.data ->> 'version' = i.data ->> 'version'
                        and s.data -> 'indicatorNo' = i.data -> 'no'
                        and s.data -> 'met' is distinct from 'true'::jsonb)`;

/**
 * Indicators of the system fully met: every accepted score of the period on the
 * indicator says met (and there is at least one).
 */
export const assessmentIndicatorsMet: IndicatorSpec = {
  basis: {
    zh: "自评日期在期间内、经审核通过的全部自评得分均为达标的指标（至少有一家单位自评）",
    en: "indicators whose accepted scores dated in the period all say met (at least one unit scored it)",
  },
  decimals: 0,
  reads: {
    registers: ["assessment_indicator"],
    registerFields: ["version", "no"],
  },
  value: aggregateValue({
    source: "governance.assessment_indicators",
    from: sql`register_entry i`,
    shared: indicatorsIn,
    where: allMet,
    measure: countMeasure,
  }),
  drill: async (q) => {
    const r = await sql<{ region_code: string; id: number; unit_id: number; data: unknown }>`
      select i.region_code, i.id, i.unit_id, i.data
        from register_entry i
       where ${indicatorsIn(q)} and ${allMet(q)}
       order by i.region_code, i.id`.execute(q.db);
    return r.rows.map((e) => ({
      kind: "register",
      regionCode: e.region_code,
      id: Number(e.id),
      type: "assessment_indicator",
      title:
        q.context?.registerTitle("assessment_indicator", e.data) ?? `assessment_indicator ${e.id}`,
      unitId: Number(e.unit_id),
      value: 1,
    }));
  },
};

/**
 * Certificate training (一(九)): officers whose certificate was first issued in the
 * period who took the certificate training (passed or not) on or before the issue date —
 * read from the enforcement officers' own training records.
 */
export const certificateTrainingFilter = sql<SqlBool>`exists (
  select 1 from jsonb_array_elements(case when jsonb_typeof(register_entry.data -> 'training') = 'array'
    then register_entry.data -> 'training' else '[]'::jsonb end) as t(item)
  where t.item ->> 'kind' = 'certificate'
    and left(t.item ->> 'date', 10) <= left(register_entry.data ->> 'certificateValidFrom', 10))`;
