/**
 * The indicator engine: evaluates declared indicators for a region (a district, or a
 * city with its districts — the regions are queried together, so a city's rates are
 * computed on the union of its districts' records, never averaged), a period and
 * optionally a unit; and gives the records behind each figure (drill-down).
 *
 * The engine runs on whatever connection it is given: inside `inTenantTx` (HTTP) the
 * actor's row-level security applies, so a figure counts what the viewer may see; the
 * CLI passes the owner connection (the installation's view, all records).
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { NotFoundError, t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import type { Registry } from "../registry.ts";
import { AggregateBatcher, aggregateOf } from "./batch.ts";
import type {
  DrillRow,
  IndicatorContext,
  IndicatorDecl,
  IndicatorPeriod,
  IndicatorQuery,
} from "./declare.ts";
import { regionTree } from "./regions.ts";
import { DEFAULT_DECIMALS, fullDefinition, resolvePeriod, roundValue } from "./values.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** What to compute figures for. */
export interface IndicatorRequest {
  /** A region code: a district, or a city (then it and all its districts). */
  region: string;
  /** A calendar year, or `from` and `to` (civil dates, both included). */
  year?: number;
  from?: string;
  to?: string;
  /** Only this unit's records. */
  unitId?: number;
}

export interface EvaluateRequest extends IndicatorRequest {
  /** Default: every declared indicator, in declaration order. */
  indicatorIds?: readonly string[];
}

export interface IndicatorValue {
  id: string;
  label: Label;
  unit: Label;
  /** Rounded to `decimals`; null when undefined (a rate over nothing). */
  value: number | null;
  decimals: number;
  /** What the figure counts and how (the period rule). */
  definition: Label;
}

/** An indicator's query failed: names the indicator (and, nested, the one it reads). */
export class IndicatorError extends Error {
  constructor(
    readonly indicatorId: string,
    cause: unknown,
  ) {
    super(`indicator "${indicatorId}" failed: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
    this.name = "IndicatorError";
  }
}

export interface ResolvedRequest extends IndicatorPeriod {
  region: string;
  regions: string[];
  unitId?: number;
}

/** Resolve a request: the region's tree, the period, the unit (which must be in the regions). */
export async function resolveRequest(db: Db, req: IndicatorRequest): Promise<ResolvedRequest> {
  const period = resolvePeriod(req);
  const regions = await regionTree(db, req.region);
  if (regions.length === 0) throw new NotFoundError(t("没有这个地区", `no region ${req.region}`));
  if (req.unitId !== undefined) {
    const unit = await db
      .selectFrom("unit")
      .select("region_code")
      .where("id", "=", req.unitId)
      .executeTakeFirst();
    if (!unit || !regions.includes(unit.region_code)) {
      throw new NotFoundError(
        t("该地区没有这个单位", `no unit ${req.unitId} in region ${req.region}`),
      );
    }
  }
  return { region: req.region, regions, ...period, unitId: req.unitId };
}

/** One evaluation: values and drill rows computed once per indicator and period. */
class Evaluation {
  private values = new Map<string, Promise<number | null>>();
  private drills = new Map<string, Promise<DrillRow[]>>();
  /** The helpers' counts and sums, grouped per source into one statement each. */
  readonly batcher = new AggregateBatcher();

  constructor(
    private registry: Registry,
    private db: Db,
    private scope: ResolvedRequest,
  ) {}

  decl(id: string): IndicatorDecl {
    const d = this.registry.indicator(id);
    if (!d) throw new Error(`no indicator "${id}" is declared`);
    return d;
  }

  private query(period: IndicatorPeriod, stack: readonly string[]): IndicatorQuery {
    const context: IndicatorContext = {
      valueOf: (id, p) => this.value(id, p ?? period, stack),
      drillOf: (id, p) => this.drill(id, p ?? period, stack),
      registerTitle: (register, data) => {
        const r = this.registry.register(register);
        if (!r) return undefined;
        try {
          return r.title(data as never);
        } catch {
          return undefined;
        }
      },
    };
    return {
      db: this.db,
      regions: this.scope.regions,
      from: period.from,
      to: period.to,
      year: period.year,
      unitId: this.scope.unitId,
      context,
    };
  }

  private run<T>(
    memo: Map<string, Promise<T>>,
    id: string,
    period: IndicatorPeriod,
    stack: readonly string[],
    fn: (d: IndicatorDecl, q: IndicatorQuery) => Promise<T>,
  ): Promise<T> {
    if (stack.includes(id)) {
      return Promise.reject(
        new IndicatorError(id, new Error(`depends on itself: ${[...stack, id].join(" → ")}`)),
      );
    }
    const key = `${id}|${period.from}|${period.to}`;
    let p = memo.get(key);
    if (!p) {
      p = (async () => {
        try {
          const d = this.decl(id);
          return await fn(d, this.query(period, [...stack, id]));
        } catch (e) {
          throw e instanceof IndicatorError && e.indicatorId === id ? e : new IndicatorError(id, e);
        }
      })();
      memo.set(key, p);
    }
    return p;
  }

  /** The unrounded value. */
  value(id: string, period: IndicatorPeriod, stack: readonly string[] = []) {
    return this.run(this.values, id, period, stack, async (d, q) => {
      if (d.value) {
        const agg = aggregateOf(d.value);
        const v = agg ? await this.batcher.load(agg, d.value, q) : await d.value(q);
        if (v !== null && !Number.isFinite(v)) throw new Error(`value is not a number: ${v}`);
        return v;
      }
      const rows = await this.drill(id, q, stack);
      return rows.reduce((s, r) => s + r.value, 0);
    });
  }

  drill(id: string, period: IndicatorPeriod, stack: readonly string[] = []) {
    return this.run(this.drills, id, period, stack, (d, q) => d.drill(q));
  }
}

function present(d: IndicatorDecl, raw: number | null): IndicatorValue {
  const decimals = d.decimals ?? DEFAULT_DECIMALS;
  return {
    id: d.id,
    label: d.label,
    unit: d.unit,
    value: roundValue(raw, decimals),
    decimals,
    definition: fullDefinition(d),
  };
}

/** Which indicators: the ones asked for (each must be declared), or all in declaration order. */
export function selectIndicators(
  registry: Registry,
  ids: readonly string[] | undefined,
): IndicatorDecl[] {
  if (ids === undefined) return registry.indicators();
  const unique = [...new Set(ids)];
  const unknown = unique.filter((id) => !registry.indicator(id));
  if (unknown.length) {
    throw new ValidationError(
      t(`没有这些指标：${unknown.join("、")}`, `no indicator ${unknown.join(", ")}`),
      [{ field: "ids", message: t("没有这些指标", `not declared: ${unknown.join(", ")}`) }],
    );
  }
  return unique.map((id) => registry.indicator(id)!);
}

/**
 * The figures. All are asked for at once, so that the helpers' counts and sums over one
 * source are computed in one statement (batch.ts); the answers are taken in declaration
 * order, so a failure names the first failing indicator.
 */
export async function evaluateResolved(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  decls: readonly IndicatorDecl[],
): Promise<IndicatorValue[]> {
  const ev = new Evaluation(registry, db, scope);
  const pending = decls.map((d) => ev.value(d.id, scope));
  // Each is awaited below; until then a rejection is not "unhandled".
  for (const p of pending) p.catch(() => {});
  const out: IndicatorValue[] = [];
  for (const [i, d] of decls.entries()) out.push(present(d, await pending[i]!));
  return out;
}

/** One period's indicators, for `evaluatePeriods`. */
export interface PeriodRequest {
  year?: number;
  from?: string;
  to?: string;
  /** Default: every declared indicator, in declaration order. */
  indicatorIds?: readonly string[];
}

/**
 * Several periods' figures for one region (and unit) as one evaluation: the region's tree
 * is read once, and every period's figures are asked for at once — the year before's
 * members go into the same wave (one statement) as this year's, and a change on the year
 * before finds its parts computed already. One list of values per period, in order.
 */
export async function evaluatePeriods(
  registry: Registry,
  db: Db,
  req: { region: string; unitId?: number; periods: readonly PeriodRequest[] },
): Promise<IndicatorValue[][]> {
  const first = req.periods[0];
  if (!first) return [];
  const asked = req.periods.map((p) => ({
    decls: selectIndicators(registry, p.indicatorIds),
    period: resolvePeriod(p),
  }));
  const scope = await resolveRequest(db, { region: req.region, unitId: req.unitId, ...first });
  const ev = new Evaluation(registry, db, scope);
  const pending = asked.map(({ decls, period }) => decls.map((d) => ev.value(d.id, period)));
  for (const p of pending.flat()) p.catch(() => {});
  const out: IndicatorValue[][] = [];
  for (const [k, { decls }] of asked.entries()) {
    const values: IndicatorValue[] = [];
    for (const [i, d] of decls.entries()) values.push(present(d, await pending[k]![i]!));
    out.push(values);
  }
  return out;
}

/** Evaluate indicators for a region, a period and optionally a unit. */
export async function evaluate(
  registry: Registry,
  db: Db,
  req: EvaluateRequest,
): Promise<IndicatorValue[]> {
  const decls = selectIndicators(registry, req.indicatorIds);
  const scope = await resolveRequest(db, req);
  return evaluateResolved(registry, db, scope, decls);
}

/** The records behind one figure, resolved already. */
export async function drillResolved(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  id: string,
): Promise<{ value: IndicatorValue; rows: DrillRow[] }> {
  const d = registry.indicator(id);
  if (!d) throw new NotFoundError(t("没有这个指标", `no indicator ${id}`));
  const ev = new Evaluation(registry, db, scope);
  const rows = await ev.drill(id, scope);
  return { value: present(d, await ev.value(id, scope)), rows };
}

/** The records behind one figure (for a count, value = the number of rows; for a sum, the sum of their values). */
export async function drillDown(
  registry: Registry,
  db: Db,
  id: string,
  req: IndicatorRequest,
): Promise<DrillRow[]> {
  if (!registry.indicator(id)) throw new NotFoundError(t("没有这个指标", `no indicator ${id}`));
  const scope = await resolveRequest(db, req);
  return new Evaluation(registry, db, scope).drill(id, scope);
}
