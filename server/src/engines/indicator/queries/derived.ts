import type { DrillRow, IndicatorPeriod, IndicatorQuery } from "../declare.ts";
import type { IndicatorSpec } from "./common.ts";

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
      // Both asked for at once (one grouped statement when they share a source).
      const [n, d] = await Promise.all([c.valueOf(numeratorId), c.valueOf(denominatorId)]);
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
      const [now, before] = await Promise.all([c.valueOf(id), c.valueOf(id, previousYear(q))]);
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
