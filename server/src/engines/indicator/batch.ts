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
 * batched: the mark belongs to the helper's own function. A batch of one runs the
 * helper's own statement, so the answers are the same statements' answers either way
 * (the FILTER of a member is exactly the WHERE of its own statement).
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
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

/**
 * Collects the aggregates asked for in one turn of the event loop and runs each source's
 * as one statement. One per evaluation (its regions and unit are fixed).
 */
export class AggregateBatcher {
  private pending = new Map<string, Member[]>();
  /** Statements sent (for tests and the benchmark). */
  statements = 0;

  load(agg: Aggregate, own: ValueFn, q: IndicatorQuery): Promise<number | null> {
    const key = `${agg.source}|${q.from}|${q.to}`;
    let members = this.pending.get(key);
    if (!members) {
      members = [];
      this.pending.set(key, members);
      // After the current turn's promise callbacks: every value asked for in a loop (and
      // the derived figures their answers release) joins the statement.
      setImmediate(() => {
        this.pending.delete(key);
        void this.flush(members!);
      });
    }
    return new Promise((resolve, reject) => members!.push({ agg, own, q, resolve, reject }));
  }

  private async flush(members: Member[]) {
    if (members.length === 1) {
      const m = members[0]!;
      this.statements++;
      await m.own(m.q).then(m.resolve, m.reject);
      return;
    }
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
      (m, i) => sql`${m.agg.measure(m.agg.where(m.q))} as ${sql.id(`v${i}`)}`,
    );
    this.statements++;
    try {
      const r = await sql<Record<string, unknown>>`select ${sql.join(measures)}
        from ${agg.from} where ${agg.shared(q)} and ${narrow}`.execute(q.db);
      const row = r.rows[0] ?? {};
      members.forEach((m, i) => {
        try {
          m.resolve(num(row[`v${i}`]));
        } catch (e) {
          m.reject(e);
        }
      });
    } catch (e) {
      // Outside a transaction, find which one failed: each runs its own statement. Inside
      // one, the transaction is aborted: every member fails with the statement's error.
      if (q.db.isTransaction) {
        for (const m of members) m.reject(e);
        return;
      }
      for (const m of members) {
        this.statements++;
        await m.own(m.q).then(m.resolve, m.reject);
      }
    }
  }
}
