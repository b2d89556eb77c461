/**
 * Grouped aggregates: the figures declared with the query helpers (countCases, sumCases,
 * countEvents, countRegister, sumRegister, countUnits) over one source are computed in
 * one statement — `count(*) filter (where …)`, `sum(…) filter (where …)` side by side —
 * instead of one statement per indicator (issue 9: 35 statements for 30 enforcement
 * indicators, each reading the district's year of cases again).
 *
 * A helper marks its `value` function with the aggregate it computes (`markAggregate`);
 * the engine batches the marked values asked for in the same turn of the event loop,
 * per source and period. A declaration that overrides `value` (or removes it) is not
 * batched: the mark belongs to the helper's own function. Every source and period of a
 * wave (the values asked for in one turn, derived figures' parts and the year before's
 * included) goes into one statement, each group a one-row subquery; a wave of one runs
 * the helper's own statement, so the answers are the same statements' answers either way
 * (the FILTER of a member is exactly the WHERE of its own statement).
 */
import { type CompiledQuery, type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { IndicatorQuery } from "./declare.ts";
import { num } from "./queries/common.ts";

/** What a helper's value computes, in a form that can share a statement with others. */
export interface Aggregate {
  /** Aggregates with the same source (and the same period) share one statement. */
  source: string;
  /** The FROM clause (tables and joins), the same for every aggregate of the source. */
  from: RawBuilder<unknown>;
  /** Conditions every aggregate of the source shares for a query (regions, unit, period). */
  shared(q: IndicatorQuery): Expression<SqlBool>;
  /**
   * A cheap condition every row this aggregate counts satisfies (its type and period),
   * OR'ed with the others' into the statement's WHERE so that rows no member counts are
   * not aggregated; members with the same key share one. Absent: every shared row.
   */
  narrow?: { key: string; where(q: IndicatorQuery): Expression<SqlBool> };
  /** Exactly the conditions of the helper's own statement (the member's FILTER). */
  where(q: IndicatorQuery): Expression<SqlBool>;
  /** The aggregate over the rows matching `filter`, e.g. count(*) filter (where …). */
  measure(filter: Expression<SqlBool>): RawBuilder<unknown>;
}

type ValueFn = (q: IndicatorQuery) => Promise<number | null>;

const marks = new WeakMap<ValueFn, Aggregate>();

/** Mark a helper's value function as computing `agg` (returns the function). */
export function markAggregate(fn: ValueFn, agg: Aggregate): ValueFn {
  marks.set(fn, agg);
  return fn;
}

/** The aggregate a value function computes, if it is a helper's own. */
export function aggregateOf(fn: ValueFn | undefined): Aggregate | undefined {
  return fn ? marks.get(fn) : undefined;
}

/**
 * A value function computing `agg` in its own statement (marked, so the engine computes it
 * with the wave's other aggregates instead): for a figure a helper does not express, whose
 * module states its FROM, conditions and measure (a count over a join, a distinct count).
 */
export function aggregateValue(agg: Aggregate): ValueFn {
  return markAggregate(async (q) => {
    const r = await sql<{ v: unknown }>`select ${agg.measure(agg.where(q))} as v
      from ${agg.from} where ${agg.shared(q)}`.execute(q.db);
    return num(r.rows[0]?.v);
  }, agg);
}

export const countMeasure = (filter: Expression<SqlBool>) => sql`count(*) filter (where ${filter})`;

export const sumMeasure = (amount: Expression<unknown>) => (filter: Expression<SqlBool>) =>
  sql`coalesce(sum(${amount}) filter (where ${filter}), 0)`;

interface Member {
  agg: Aggregate;
  own: ValueFn;
  q: IndicatorQuery;
  resolve(v: number | null): void;
  reject(e: unknown): void;
}

/** The SELECT of one group (a source and a period): its members' aggregates as v0, v1, … */
function groupSelect(members: readonly Member[], prefix: string): RawBuilder<unknown> {
  const q = members[0]!.q;
  const agg = members[0]!.agg;
  const narrows = new Map<string, Expression<SqlBool>>();
  let everyRow = false;
  for (const m of members) {
    if (!m.agg.narrow) everyRow = true;
    else if (!narrows.has(m.agg.narrow.key)) narrows.set(m.agg.narrow.key, m.agg.narrow.where(q));
  }
  const narrow = everyRow
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(${sql.join([...narrows.values()], sql` or `)})`;
  const measures = members.map(
    (m, i) => sql`${m.agg.measure(m.agg.where(m.q))} as ${sql.id(`${prefix}${i}`)}`,
  );
  return sql`select ${sql.join(measures)} from ${agg.from} where ${agg.shared(q)} and ${narrow}`;
}

/** A number per aggregate (declared once, so its identity names its SQL's shape). */
const aggIds = new WeakMap<Aggregate, number>();
let nextAggId = 0;
function aggId(agg: Aggregate): number {
  const known = aggIds.get(agg);
  if (known !== undefined) return known;
  const id = nextAggId++;
  aggIds.set(agg, id);
  return id;
}

/**
 * Compiled wave statements by shape — the aggregates of each group and everything of the
 * query their SQL reads (regions, unit, period) — so that the same report or dashboard
 * asked again is sent without building its SQL. An aggregate's SQL is a function of
 * those alone (the helpers read no clock). The oldest entry goes first past the limit.
 */
const STATEMENTS_KEPT = 200;
const statements = new Map<string, CompiledQuery<Record<string, unknown>>>();

function shapeOf(groups: readonly Member[][]): string {
  const q = groups[0]![0]!.q;
  const parts = [q.regions.join(","), String(q.unitId ?? "")];
  for (const g of groups) {
    const m0 = g[0]!.q;
    parts.push(`${m0.from}|${m0.to}|${m0.year}:${g.map((m) => aggId(m.agg)).join(",")}`);
  }
  return parts.join(";");
}

function waveStatement(groups: readonly Member[][]): CompiledQuery<Record<string, unknown>> {
  const shape = shapeOf(groups);
  const kept = statements.get(shape);
  if (kept) return kept;
  const selects = groups.map((g, gi) => sql`(${groupSelect(g, `g${gi}_`)}) as ${sql.id(`g${gi}`)}`);
  const compiled = sql<Record<string, unknown>>`select * from ${sql.join(selects)}`.compile(
    groups[0]![0]!.q.db,
  );
  if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
  statements.set(shape, compiled);
  return compiled;
}

/**
 * Collects the aggregates asked for in one turn of the event loop (a wave) and computes
 * them in one statement: each source and period's aggregates in one subquery (one row),
 * the subqueries side by side (`select * from (…) g0, (…) g1`: one row, one round trip).
 * One per evaluation (its regions and unit are fixed).
 */
export class AggregateBatcher {
  private wave: Map<string, Member[]> | undefined;
  /** Statements sent (for tests and the benchmark). */
  statements = 0;

  load(agg: Aggregate, own: ValueFn, q: IndicatorQuery): Promise<number | null> {
    let wave = this.wave;
    if (!wave) {
      const w = new Map<string, Member[]>();
      this.wave = wave = w;
      // After the current turn's promise callbacks: every value asked for in a loop (and
      // the derived figures' parts, asked for in the same turn) joins the statement.
      setImmediate(() => {
        this.wave = undefined;
        void this.flush([...w.values()]);
      });
    }
    const key = `${agg.source}|${q.from}|${q.to}`;
    let members = wave.get(key);
    if (!members) {
      members = [];
      wave.set(key, members);
    }
    const group = members;
    return new Promise((resolve, reject) => group.push({ agg, own, q, resolve, reject }));
  }

  private async flush(groups: Member[][]) {
    const all = groups.flat();
    if (all.length === 1) {
      const m = all[0]!;
      this.statements++;
      await m.own(m.q).then(m.resolve, m.reject);
      return;
    }
    const q = all[0]!.q;
    this.statements++;
    try {
      const r = await q.db.executeQuery(waveStatement(groups));
      const row = r.rows[0] ?? {};
      groups.forEach((g, gi) => {
        g.forEach((m, i) => {
          try {
            m.resolve(num(row[`g${gi}_${i}`]));
          } catch (e) {
            m.reject(e);
          }
        });
      });
    } catch (e) {
      // Outside a transaction, find which one failed: each runs its own statement. Inside
      // one, the transaction is aborted: every member fails with the statement's error.
      if (q.db.isTransaction) {
        for (const m of all) m.reject(e);
        return;
      }
      for (const m of all) {
        this.statements++;
        await m.own(m.q).then(m.resolve, m.reject);
      }
    }
  }
}
