/**
 * Figures grouped by unit (or by region): which unit is late, which publishes on time,
 * and a city's districts side by side. Works for every indicator whose value is the sum
 * of its records (`countCases`, `sumCases`, `countEvents`, `countRegister`,
 * `sumRegister`, `countUnits`, and any custom declaration whose value is the sum of its
 * drill rows), and for the derived figures built from them (`ratio`, `relativeChange`):
 * the records behind the figure are fetched once (the drill-down, one query per base
 * indicator) and summed per group; a rate is then numerator ÷ denominator per group.
 *
 * Nothing is assumed: the grouped figures are checked against the engine's own value
 * for the whole scope (the groups' sums must add up to it, a rate must be the rate of
 * the sums). An indicator that fails the check — a value that is not the sum of its
 * records, a derivation other than a ratio or a change — is reported as not groupable,
 * with the reason, rather than shown with made-up figures.
 *
 * A record counts for its owning unit (`DrillRow.unitId`: a case's unit, an entry's
 * unit, a step's case's unit) and its region (`regionCode`), as the unit filter of the
 * query helpers does.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { t } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import type { Registry } from "../registry.ts";
import type { DrillRow, IndicatorDecl, IndicatorPeriod } from "./declare.ts";
import { drillResolved, evaluateResolved, type ResolvedRequest } from "./engine.ts";
import { previousYear } from "./queries.ts";
import { DEFAULT_DECIMALS, roundValue } from "./values.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** What records are grouped by. */
export type GroupBy = "unit" | "region";

/** One group's figure (unrounded), with the parts of a rate or a change. */
export interface GroupFigure {
  value: number | null;
  /** A rate: the numerator and denominator; a change: this period and the year before. */
  parts?: { a: number; b: number };
}

export type Grouping =
  | {
      groupable: true;
      /** How the figure was derived: a sum of records, a rate, or a change on the year before. */
      kind: "sum" | "ratio" | "change";
      /** The figure of each group that has records; a group without records is `empty`. */
      groups: Map<string, GroupFigure>;
      /** The figure of a group without records (0 for sums; null for rates and changes). */
      empty: GroupFigure;
    }
  | { groupable: false; reason: Label };

const keyOf = (by: GroupBy) => (r: DrillRow) => (by === "unit" ? String(r.unitId) : r.regionCode);

const EPS = 1e-6;
const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a));

function sumBy(rows: readonly DrillRow[], key: (r: DrillRow) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + r.value);
  return m;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);

const NOT_SUM = t(
  "该指标的数值不是其明细记录之和，无法按单位或地区分组",
  "the figure is not the sum of its records, so it cannot be grouped",
);
const NOT_DERIVED = t(
  "该指标由其他指标以比率、同比以外的方式计算，无法按单位或地区分组",
  "the figure is derived from others other than as a rate or a change, so it cannot be grouped",
);

async function exactValue(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  id: string,
  period?: IndicatorPeriod,
): Promise<number | null> {
  const s = period ? { ...scope, ...period } : scope;
  const decl = registry.indicator(id)!;
  // evaluateResolved rounds; unrounded figures come from the drill rows or value().
  if (decl.value) {
    const [v] = await evaluateResolved(registry, db, s, [{ ...decl, decimals: 12 }]);
    return v!.value;
  }
  const { rows } = await drillResolved(registry, db, s, id);
  return rows.reduce((a, r) => a + r.value, 0);
}

/** The records of a base indicator summed per group; not groupable unless they add up to its value. */
async function sumGrouping(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  decl: IndicatorDecl,
  by: GroupBy,
  period?: IndicatorPeriod,
): Promise<Map<string, number> | null> {
  const s = period ? { ...scope, ...period } : scope;
  const { rows } = await drillResolved(registry, db, s, decl.id);
  const sums = sumBy(rows, keyOf(by));
  if (!decl.value) return sums;
  const v = await exactValue(registry, db, scope, decl.id, period);
  return same(v, total(sums)) ? sums : null;
}

/**
 * Group one indicator's figure by unit or region, for a resolved scope (its regions
 * and period; a unit filter, if any, applies as usual). Derived figures recurse: a
 * change on the year before of a rate groups the rate in both years.
 */
export async function groupIndicator(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  id: string,
  by: GroupBy,
  /** Shared across calls for the same scope (a home groups many figures that share parts). */
  memo: GroupMemo = new Map(),
): Promise<Grouping> {
  return group(registry, db, scope, id, by, 0, memo);
}

/** Groupings already computed, by indicator, period and grouping. */
export type GroupMemo = Map<string, Promise<Grouping>>;

const rate = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : (a / b) * 100;
const change = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : (a / b - 1) * 100;
const figureOf = (g: Extract<Grouping, { groupable: true }>, k: string) =>
  (g.groups.get(k) ?? g.empty).value;

function group(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  id: string,
  by: GroupBy,
  depth: number,
  memo: GroupMemo,
): Promise<Grouping> {
  const key = `${id}|${scope.from}|${scope.to}|${by}`;
  let p = memo.get(key);
  if (!p) {
    p = groupOnce(registry, db, scope, id, by, depth, memo);
    memo.set(key, p);
  }
  return p;
}

async function groupOnce(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  id: string,
  by: GroupBy,
  depth: number,
  memo: GroupMemo,
): Promise<Grouping> {
  const decl = registry.indicator(id);
  if (!decl) throw new Error(`no indicator "${id}" is declared`);
  if (depth > 8) return { groupable: false, reason: NOT_DERIVED };
  const deps = decl.dependsOn ?? [];
  if (deps.length === 0) {
    const sums = await sumGrouping(registry, db, scope, decl, by);
    if (!sums) return { groupable: false, reason: NOT_SUM };
    return {
      groupable: true,
      kind: "sum",
      groups: new Map([...sums].map(([k, v]) => [k, { value: v }])),
      empty: { value: 0 },
    };
  }
  if (deps.length > 2) return { groupable: false, reason: NOT_DERIVED };
  const whole = await exactValue(registry, db, scope, decl.id);
  // A rate (queries/derived.ts `ratio`): numerator ÷ denominator × 100 per group; a
  // change (`relativeChange`): (this period ÷ a year earlier − 1) × 100 per group.
  const kind = deps.length === 2 ? "ratio" : "change";
  const prev = { ...scope, ...previousYear(scope) };
  const [aScope, bScope] = kind === "ratio" ? [scope, scope] : [scope, prev];
  const [aId, bId] = kind === "ratio" ? [deps[0]!, deps[1]!] : [deps[0]!, deps[0]!];
  const f = kind === "ratio" ? rate : change;
  const [aWhole, bWhole] = [
    await exactValue(registry, db, aScope, aId),
    await exactValue(registry, db, bScope, bId),
  ];
  // The declaration really is this formula of its parts (else: not groupable).
  if (!same(f(aWhole, bWhole), whole)) return { groupable: false, reason: NOT_DERIVED };
  const a = await group(registry, db, aScope, aId, by, depth + 1, memo);
  if (!a.groupable) return a;
  const b = await group(registry, db, bScope, bId, by, depth + 1, memo);
  if (!b.groupable) return b;
  const groups = new Map<string, GroupFigure>();
  for (const k of new Set([...a.groups.keys(), ...b.groups.keys()])) {
    const x = figureOf(a, k);
    const y = figureOf(b, k);
    groups.set(k, {
      value: f(x, y),
      ...(x !== null && y !== null ? { parts: { a: x, b: y } } : {}),
    });
  }
  const ex = a.empty.value;
  const ey = b.empty.value;
  return {
    groupable: true,
    kind,
    groups,
    empty: { value: f(ex, ey), ...(ex !== null && ey !== null ? { parts: { a: ex, b: ey } } : {}) },
  };
}

/** A group's figure rounded as the indicator declares. */
export function groupValue(decl: IndicatorDecl, g: GroupFigure): number | null {
  return roundValue(g.value, decl.decimals ?? DEFAULT_DECIMALS);
}
