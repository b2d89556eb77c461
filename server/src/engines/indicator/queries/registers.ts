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
import { and, type IndicatorSpec, num } from "./common.ts";
import { type JsonAccess, type JsonWhere, jsonAccess, jsonWhere } from "./json.ts";

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

type EntryEb = ExpressionBuilder<DB, "register_entry">;

/** What every register figure of a query shares: the regions and the unit. */
function registerShared(eb: EntryEb, q: IndicatorQuery): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [eb("register_entry.region_code", "in", q.regions)];
  if (q.unitId !== undefined) conds.push(eb("register_entry.unit_id", "=", q.unitId));
  return and(conds);
}

/** The register and, for a flow, its date in the period. */
function registerNarrow(s: RegisterSelection, q: IndicatorQuery, eb: EntryEb) {
  const conds: Expression<SqlBool>[] = [eb("register_entry.register", "=", s.register)];
  if (s.on !== undefined) {
    const d = jsonAccess("register_entry.data");
    conds.push(sql<SqlBool>`${d.date(s.on)} between ${q.from}::text and ${q.to}::text`);
  }
  return conds;
}

/** The selection's own conditions (within the shared ones). */
function registerOwn(eb: EntryEb, s: RegisterSelection, q: IndicatorQuery): Expression<SqlBool> {
  const d = jsonAccess("register_entry.data");
  const conds = registerNarrow(s, q, eb);
  if (s.on === undefined && s.stock !== true) {
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
}

function registerQuery(s: RegisterSelection, q: IndicatorQuery) {
  return q.db
    .selectFrom("register_entry")
    .where((eb) => and([registerShared(eb, q), registerOwn(eb, s, q)]));
}

const entryEb = () => expressionBuilder<DB, "register_entry">();

/** The selection as a member of the registers' grouped statement (engines/indicator/batch.ts). */
function registerAggregate(s: RegisterSelection, measure: Aggregate["measure"]): Aggregate {
  return {
    source: "register_entry",
    from: sql`register_entry`,
    shared: (q) => registerShared(entryEb(), q),
    narrow: {
      key: `${s.register}|${s.on ?? ""}`,
      where: (q) => and(registerNarrow(s, q, entryEb())),
    },
    where: (q) => registerOwn(entryEb(), s, q),
    measure,
  };
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
    reads: { registers: [s.register], registerFields: s.on !== undefined ? [s.on] : [] },
    basis: timingBasis(s),
    decimals: 0,
    value: markAggregate(
      async (q) => {
        const r = await registerQuery(s, q)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow();
        return num(r.n);
      },
      registerAggregate(s, countMeasure),
    ),
    drill: (q) => registerRows(s, q),
  };
}

/** The sum of a numeric field of the register entries that count in the period. */
export function sumRegister(s: RegisterSelection & { field: string }): IndicatorSpec {
  checkRegister(s);
  const amount = jsonAccess("register_entry.data").num(s.field);
  const b = timingBasis(s);
  return {
    reads: {
      registers: [s.register],
      registerFields: [s.field, ...(s.on !== undefined ? [s.on] : [])],
    },
    basis: {
      zh: `合计字段「${s.field}」（非数字或缺失计为0）；${b.zh}`,
      en: `sum of the field ${s.field} (missing or non-numeric counts as 0); ${b.en}`,
    },
    decimals: 2,
    value: markAggregate(
      async (q) => {
        const r = await registerQuery(s, q)
          .select(sql<string | null>`coalesce(sum(${amount}), 0)`.as("n"))
          .executeTakeFirstOrThrow();
        return num(r.n);
      },
      registerAggregate(s, sumMeasure(amount)),
    ),
    drill: (q) => registerRows(s, q, s.field),
  };
}
