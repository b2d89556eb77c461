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
 * - units (`countUnits`): the directory as it is now.
 *
 * A unit filter means the owning unit: a case's unit (participating units do not
 * count it), a register entry's unit; for steps, the case's unit unless
 * `unitOf: "actor"` (the unit that took the step).
 */
import {
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Label } from "../../kernel/labels.ts";
import type { DrillRow, IndicatorDecl, IndicatorPeriod, IndicatorQuery } from "./declare.ts";

/** What a helper returns: spread it into an IndicatorDecl. */
export type IndicatorSpec = Required<Pick<IndicatorDecl, "drill" | "basis" | "decimals">> &
  Pick<IndicatorDecl, "value" | "dependsOn">;

export type JsonScalar = string | number | boolean | null;

/**
 * Equality on top-level keys of a jsonb document (a case's `fields`, a register
 * entry's `data`, a step's `data`): a value (compared with its JSON type: `true` is not
 * `"true"`), or a list of values (any of them). `null` matches a missing key too.
 */
export type JsonWhere = Readonly<Record<string, JsonScalar | readonly JsonScalar[]>>;

/** Typed reads of a jsonb document's top-level keys, for `filter` predicates. */
export interface JsonAccess {
  /** The value as text (`->>`); null when missing. */
  text(key: string): RawBuilder<string | null>;
  /**
   * A JSON number, or a string holding a decimal number, as numeric; else null. (Typed
   * as a number for comparisons; a selected numeric arrives in JS as a string.)
   */
  num(key: string): RawBuilder<number | null>;
  /** A JSON boolean; else null. */
  bool(key: string): RawBuilder<boolean | null>;
  /** A date string (YYYY-MM-DD, the first 10 characters of the text); empty → null. */
  date(key: string): RawBuilder<string | null>;
  /** The key is present and not JSON null. */
  has(key: string): RawBuilder<SqlBool>;
  /** jsonb containment `@>`, e.g. contains({ tags: ["major"] }). */
  contains(value: Record<string, unknown>): RawBuilder<SqlBool>;
}

export function jsonAccess(column: string): JsonAccess {
  const c = sql.ref(column);
  const text = (key: string) => sql<string | null>`(${c} ->> ${key}::text)`;
  return {
    text,
    num: (key) =>
      sql<number | null>`(case jsonb_typeof(${c} -> ${key}::text)
        when 'number' then (${c} ->> ${key}::text)::numeric
        when 'string' then case when btrim(${c} ->> ${key}::text) ~ '^-?[0-9]+(\\.[0-9]+)?$'
                                then btrim(${c} ->> ${key}::text)::numeric end
        end)`,
    bool: (key) =>
      sql<boolean | null>`(case when jsonb_typeof(${c} -> ${key}::text) = 'boolean'
        then (${c} ->> ${key}::text)::boolean end)`,
    date: (key) => sql<string | null>`left(nullif(${text(key)}, ''), 10)`,
    has: (key) => sql<SqlBool>`(coalesce(jsonb_typeof(${c} -> ${key}::text), 'null') <> 'null')`,
    contains: (value) => sql<SqlBool>`(${c} @> ${JSON.stringify(value)}::jsonb)`,
  };
}

/** The conditions of a JsonWhere on a jsonb column (all must hold). */
export function jsonWhere(column: string, where: JsonWhere | undefined): Expression<SqlBool>[] {
  if (!where) return [];
  const j = jsonAccess(column);
  const one = (key: string, v: JsonScalar): Expression<SqlBool> =>
    v === null ? sql<SqlBool>`(not ${j.has(key)})` : j.contains({ [key]: v });
  return Object.entries(where).map(([key, v]) => {
    if (!Array.isArray(v)) return one(key, v as JsonScalar);
    const list = v as readonly JsonScalar[];
    if (list.length === 0) return sql<SqlBool>`false`;
    return sql<SqlBool>`(${sql.join(
      list.map((x) => one(key, x)),
      sql` or `,
    )})`;
  });
}

const list = (v: string | readonly string[]): readonly string[] =>
  typeof v === "string" ? [v] : v;

function nonEmpty(what: string, v: readonly string[]) {
  if (v.length === 0) throw new Error(`indicator query: ${what} must name at least one`);
}

function and(conds: Expression<SqlBool>[]): Expression<SqlBool> {
  return conds.length ? sql<SqlBool>`(${sql.join(conds, sql` and `)})` : sql<SqlBool>`true`;
}

const joinList = (v: readonly string[]) => v.join(", ");
const zhList = (v: readonly string[]) => v.join("、");

/** Numbers from PostgreSQL: numeric arrives as text, count(*) as a number. */
function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(v)}`);
  return n;
}

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

function caseConditions(
  eb: ExpressionBuilder<DB, "case_file">,
  s: CaseSelection,
  q: IndicatorQuery,
): Expression<SqlBool> {
  const types = list(s.caseType);
  const conds: Expression<SqlBool>[] = [
    eb("case_file.region_code", "in", q.regions),
    eb("case_file.case_type", "in", types),
  ];
  if (q.unitId !== undefined) conds.push(eb("case_file.unit_id", "=", q.unitId));
  if (s.states) {
    conds.push(s.states.length ? eb("case_file.state", "in", s.states) : sql<SqlBool>`false`);
  }
  if (s.by === "opened") conds.push(eb.between("case_file.opened_on", q.from, q.to));
  else if (s.by === "closed") conds.push(eb.between("case_file.closed_on", q.from, q.to));
  else {
    conds.push(eb("case_file.opened_on", "<=", q.to));
    conds.push(
      eb.or([eb("case_file.closed_on", "is", null), eb("case_file.closed_on", ">", q.to)]),
    );
  }
  conds.push(...jsonWhere("case_file.fields", s.where));
  if (s.filter) conds.push(s.filter(eb, jsonAccess("case_file.fields")));
  return eb.and(conds);
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

function caseRow(r: CaseRowDb, value: number, extra: Record<string, unknown> = {}): DrillRow {
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

const CASE_COLUMNS = [
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
    basis: caseBasis(s),
    decimals: 0,
    value: async (q) => {
      const r = await caseQuery(s, q)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return num(r.n);
    },
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
    basis: caseBasis(s, { zh: `合计字段「${s.field}」`, en: `sum of the field ${s.field}` }),
    decimals: 2,
    value: async (q) => {
      const r = await caseQuery(s, q)
        .select(sql<string | null>`coalesce(sum(${amount}), 0)`.as("n"))
        .executeTakeFirstOrThrow();
      return num(r.n);
    },
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

function eventQuery(s: EventSelection, q: IndicatorQuery) {
  const actions = list(s.action);
  const types = list(s.caseType);
  return q.db
    .selectFrom("case_event")
    .innerJoin("case_file", (join) =>
      join
        .onRef("case_file.region_code", "=", "case_event.region_code")
        .onRef("case_file.id", "=", "case_event.case_id"),
    )
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [
        eb("case_event.region_code", "in", q.regions),
        eb("case_file.case_type", "in", types),
        eb("case_event.action", "in", actions),
        eb.between("case_event.on_date", q.from, q.to),
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
    });
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
    basis: {
      zh: `案件类型：${zhList(types)}；办理步骤（${zhList(actions)}）按其发生日期计入所属期间${s.distinctCases ? "，每件案件只计一次" : "，每次步骤计一次"}；${unitNote.zh}`,
      en: `case types: ${joinList(types)}; a step (${joinList(actions)}) counts in the period in which it happened (its legal date)${s.distinctCases ? ", each case once" : ", each step once"}; ${unitNote.en}`,
    },
    decimals: 0,
    value: async (q) => {
      const base = eventQuery(s, q);
      const r = await (s.distinctCases
        ? base.select(
            sql<number>`count(distinct (case_event.region_code, case_event.case_id))`.as("n"),
          )
        : base.select((eb) => eb.fn.countAll().as("n"))
      ).executeTakeFirstOrThrow();
      return num(r.n);
    },
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

// ──────────────────────────────────────────────────────────────────────── registers

/** Validity fields of a stock register (YYYY-MM-DD in the entry's data; validTo inclusive). */
export interface Validity {
  validFrom?: string;
  validTo?: string;
}

/** When a register entry counts: on a date of its data, or as a stock at the end of the period. */
export type RegisterTiming = { on: string; stock?: never } | { stock: true | Validity; on?: never };

export type RegisterSelection = RegisterTiming & {
  register: string;
  /** Equality on the entry's data. */
  where?: JsonWhere;
  /** Any other condition (columns of register_entry, and its data through `d`). */
  filter?: (eb: ExpressionBuilder<DB, "register_entry">, d: JsonAccess) => Expression<SqlBool>;
};

function timingBasis(s: RegisterSelection): Label {
  if (s.on !== undefined) {
    return {
      zh: `名录「${s.register}」的条目按其「${s.on}」日期计入所属期间`,
      en: `an entry of the register ${s.register} counts in the period its ${s.on} date falls in`,
    };
  }
  const v: Validity = s.stock === true ? {} : s.stock;
  if (v.validFrom === undefined && v.validTo === undefined) {
    return {
      zh: `名录「${s.register}」现有的全部条目（名录未记载有效期，数字不随期间变化）`,
      en: `every entry now in the register ${s.register} (it records no validity dates, so the figure does not depend on the period)`,
    };
  }
  const zh = [
    v.validFrom ? `「${v.validFrom}」为空或不晚于期末` : "",
    v.validTo ? `「${v.validTo}」为空或不早于期末` : "",
  ].filter(Boolean);
  const en = [
    v.validFrom ? `${v.validFrom} empty or on or before it` : "",
    v.validTo ? `${v.validTo} (the last valid day) empty or on or after it` : "",
  ].filter(Boolean);
  return {
    zh: `期末时点数：名录「${s.register}」中截至期末最后一日有效的条目（${zh.join("，")}）`,
    en: `as at the last day of the period: entries of the register ${s.register} valid then (${en.join(", ")})`,
  };
}

function registerQuery(s: RegisterSelection, q: IndicatorQuery) {
  return q.db.selectFrom("register_entry").where((eb) => {
    const d = jsonAccess("register_entry.data");
    const conds: Expression<SqlBool>[] = [
      eb("register_entry.region_code", "in", q.regions),
      eb("register_entry.register", "=", s.register),
    ];
    if (q.unitId !== undefined) conds.push(eb("register_entry.unit_id", "=", q.unitId));
    if (s.on !== undefined) {
      conds.push(sql<SqlBool>`${d.date(s.on)} between ${q.from}::text and ${q.to}::text`);
    } else if (s.stock !== true) {
      const { validFrom, validTo } = s.stock;
      if (validFrom !== undefined) {
        const f = d.date(validFrom);
        conds.push(sql<SqlBool>`(${f} is null or ${f} <= ${q.to}::text)`);
      }
      if (validTo !== undefined) {
        const t = d.date(validTo);
        conds.push(sql<SqlBool>`(${t} is null or ${t} >= ${q.to}::text)`);
      }
    }
    conds.push(...jsonWhere("register_entry.data", s.where));
    if (s.filter) conds.push(s.filter(eb, d));
    return and(conds);
  });
}

function checkRegister(s: RegisterSelection) {
  if (!s.register) throw new Error("indicator query: register is required");
  if ((s.on === undefined) === (s.stock === undefined)) {
    throw new Error(
      `indicator query on register ${s.register}: give exactly one of on (a date field) or stock`,
    );
  }
}

function fallbackTitle(register: string, id: number, data: unknown): string {
  if (data && typeof data === "object") {
    const o = data as Record<string, unknown>;
    for (const k of ["title", "name", "nameZh", "subject"]) {
      if (typeof o[k] === "string" && o[k]) return o[k] as string;
    }
  }
  return `${register} ${id}`;
}

async function registerRows(
  s: RegisterSelection,
  q: IndicatorQuery,
  amountOf?: string,
): Promise<DrillRow[]> {
  const d = jsonAccess("register_entry.data");
  const rows = await registerQuery(s, q)
    .select([
      "register_entry.region_code",
      "register_entry.id",
      "register_entry.register",
      "register_entry.unit_id",
      "register_entry.data",
      (amountOf ? d.num(amountOf) : sql<number | null>`null`).as("amount"),
      (s.on !== undefined ? d.date(s.on) : sql<string | null>`null`).as("on_date"),
    ])
    .orderBy("register_entry.region_code")
    .orderBy("register_entry.id")
    .execute();
  return rows.map((r) => {
    const id = Number(r.id);
    const extra: Record<string, unknown> = {};
    if (s.on !== undefined) extra.onDate = r.on_date;
    if (amountOf) extra.field = amountOf;
    return {
      kind: "register",
      regionCode: r.region_code,
      id,
      type: r.register,
      title: q.context?.registerTitle(r.register, r.data) ?? fallbackTitle(r.register, id, r.data),
      unitId: Number(r.unit_id),
      value: amountOf ? num(r.amount) : 1,
      extra,
    };
  });
}

/** The number of register entries that count in the period (see `on` / `stock`). */
export function countRegister(s: RegisterSelection): IndicatorSpec {
  checkRegister(s);
  return {
    basis: timingBasis(s),
    decimals: 0,
    value: async (q) => {
      const r = await registerQuery(s, q)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return num(r.n);
    },
    drill: (q) => registerRows(s, q),
  };
}

/** The sum of a numeric field of the register entries that count in the period. */
export function sumRegister(s: RegisterSelection & { field: string }): IndicatorSpec {
  checkRegister(s);
  const amount = jsonAccess("register_entry.data").num(s.field);
  const b = timingBasis(s);
  return {
    basis: {
      zh: `合计字段「${s.field}」（非数字或缺失计为0）；${b.zh}`,
      en: `sum of the field ${s.field} (missing or non-numeric counts as 0); ${b.en}`,
    },
    decimals: 2,
    value: async (q) => {
      const r = await registerQuery(s, q)
        .select(sql<string | null>`coalesce(sum(${amount}), 0)`.as("n"))
        .executeTakeFirstOrThrow();
      return num(r.n);
    },
    drill: (q) => registerRows(s, q, s.field),
  };
}

// ──────────────────────────────────────────────────────────────────────────── units

/** Units of the directory of the kind(s), as the directory is now (not period-dependent). */
export function countUnits(s: { kind: string | readonly string[] }): IndicatorSpec {
  const kinds = list(s.kind);
  nonEmpty("kind", kinds);
  const base = (q: IndicatorQuery) =>
    q.db.selectFrom("unit").where((eb) => {
      const conds: Expression<SqlBool>[] = [
        eb("unit.region_code", "in", q.regions),
        eb("unit.kind", "in", kinds),
      ];
      if (q.unitId !== undefined) conds.push(eb("unit.id", "=", q.unitId));
      return eb.and(conds);
    });
  return {
    basis: {
      zh: `单位名录中现有的${zhList(kinds)}类单位（时点数，不随期间变化）`,
      en: `units of the kind ${joinList(kinds)} in the directory now (not period-dependent)`,
    },
    decimals: 0,
    value: async (q) => {
      const r = await base(q)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return num(r.n);
    },
    drill: async (q) => {
      const rows = await base(q)
        .select(["unit.region_code", "unit.id", "unit.kind", "unit.name_zh", "unit.code"])
        .orderBy("unit.region_code")
        .orderBy("unit.id")
        .execute();
      return rows.map((r) => ({
        kind: "unit" as const,
        regionCode: r.region_code,
        id: Number(r.id),
        type: r.kind,
        title: r.name_zh,
        unitId: Number(r.id),
        value: 1,
        extra: { code: r.code },
      }));
    },
  };
}

// ─────────────────────────────────────────────────────────────────── derived figures

function context(q: IndicatorQuery) {
  if (!q.context) throw new Error("a derived indicator must be evaluated through the engine");
  return q.context;
}

const tag = (rows: DrillRow[], part: string) =>
  rows.map((r) => ({ ...r, extra: { ...(r.extra ?? {}), part } }));

/**
 * A rate in percent: numerator ÷ denominator × 100, both computed over the same
 * regions, period and unit — so a city's rate is computed on its districts' records
 * together, not averaged. Null when the denominator is 0. Drill-down: the numerator's
 * records (`extra.part = "numerator"`) then the denominator's (`"denominator"`).
 */
export function ratio(
  numeratorId: string,
  denominatorId: string,
  opts: { decimals?: number } = {},
): IndicatorSpec {
  return {
    basis: {
      zh: `比率 =「${numeratorId}」÷「${denominatorId}」×100%，按所选地区全部记录合计后计算（市级不取各区平均）`,
      en: `rate = ${numeratorId} ÷ ${denominatorId} × 100%, computed over all records of the regions together (a city's rate is not an average of its districts')`,
    },
    decimals: opts.decimals ?? 1,
    dependsOn: [numeratorId, denominatorId],
    value: async (q) => {
      const c = context(q);
      const n = await c.valueOf(numeratorId);
      const d = await c.valueOf(denominatorId);
      if (n === null || d === null || d === 0) return null;
      return (n / d) * 100;
    },
    drill: async (q) => {
      const c = context(q);
      return [
        ...tag(await c.drillOf(numeratorId), "numerator"),
        ...tag(await c.drillOf(denominatorId), "denominator"),
      ];
    },
  };
}

/** The same period one year earlier (29 February → 28 February). */
export function previousYear(p: IndicatorPeriod): IndicatorPeriod {
  const shift = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5) === "02-29" ? "02-28" : d.slice(5);
    return `${y}-${md}` as IndicatorPeriod["from"];
  };
  return { from: shift(p.from), to: shift(p.to), year: p.year - 1 };
}

/**
 * The relative change on the year before, in percent: (this period ÷ the same period a
 * year earlier − 1) × 100. Null when the earlier value is 0 or undefined. Drill-down:
 * the indicator's records now (`part = "current"`) and then (`"previous"`).
 */
export function relativeChange(id: string, opts: { decimals?: number } = {}): IndicatorSpec {
  return {
    basis: {
      zh: `较上年同期变化 =（本期「${id}」÷上年同期「${id}」−1）×100%`,
      en: `change on the year before = (${id} this period ÷ ${id} the same period a year earlier − 1) × 100%`,
    },
    decimals: opts.decimals ?? 1,
    dependsOn: [id],
    value: async (q) => {
      const c = context(q);
      const now = await c.valueOf(id);
      const before = await c.valueOf(id, previousYear(q));
      if (now === null || before === null || before === 0) return null;
      return (now / before - 1) * 100;
    },
    drill: async (q) => {
      const c = context(q);
      return [
        ...tag(await c.drillOf(id), "current"),
        ...tag(await c.drillOf(id, previousYear(q)), "previous"),
      ];
    },
  };
}
