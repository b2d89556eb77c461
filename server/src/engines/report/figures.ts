/**
 * How a report writes a figure (pure, no I/O): the exact value stays in the record; the
 * text follows a rule stated per placeholder, the way such reports write numbers —
 * decimals (17.39%, 90.1%), qualifiers ("50余个", "9万余条", "70%以上"), ten-thousands
 * ("1.4万人次", "648.2万元").
 */

/** A placeholder's rendering rule. */
export interface FigureRule {
  /**
   * Round down to a multiple of this step before writing (50余: step 10; 9万余: step
   * 10000). Only with a qualifier: a rounded figure without "余" or "以上" would claim
   * an exactness it does not have.
   */
  step?: number;
  /** "余" (more than: 50余个) or "以上" (at least: 70%以上). */
  qualifier?: "余" | "以上";
  /** Write in 万 (ten thousands): 14,000 → 1.4万; 6,482,000 元 → 648.2万. */
  wan?: boolean;
  /** Decimals shown (default: the indicator's); trailing zeros are dropped unless `keepZeros`. */
  decimals?: number;
  keepZeros?: boolean;
  /** Written after the number (and 余), before 以上: "%", "个", "人次". Default none. */
  unit?: string;
}

/** Round half away from zero without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const r = Number(`${Math.round(Number(`${Math.abs(value)}e${decimals}`))}e-${decimals}`);
  return r === 0 ? 0 : sign * r;
}

function fixed(value: number, decimals: number, keepZeros: boolean): string {
  const s = roundTo(value, decimals).toFixed(decimals);
  if (keepZeros || !s.includes(".")) return s;
  return s.replace(/\.?0+$/, "");
}

/** Checks a rule at declaration time; returns a problem or undefined. */
export function ruleProblem(rule: FigureRule): string | undefined {
  if (rule.step !== undefined && !(rule.step > 0 && Number.isFinite(rule.step)))
    return "step must be a positive number";
  if (rule.step !== undefined && rule.qualifier === undefined)
    return "a rounded figure (step) needs a qualifier (余 or 以上)";
  if (rule.decimals !== undefined && (!Number.isInteger(rule.decimals) || rule.decimals < 0))
    return "decimals must be a whole number ≥ 0";
  return undefined;
}

/** The figure as the report writes it; "—" for an undefined value (a rate over nothing). */
export function renderFigure(value: number | null, rule: FigureRule, defaultDecimals = 0): string {
  if (value === null || !Number.isFinite(value)) return "—";
  let v = value;
  if (rule.step) v = Math.floor((v + 1e-9) / rule.step) * rule.step;
  const decimals = rule.decimals ?? defaultDecimals;
  let text = rule.wan
    ? `${fixed(v / 10000, decimals, !!rule.keepZeros)}万`
    : fixed(v, decimals, !!rule.keepZeros);
  if (rule.qualifier === "余") text += "余";
  if (rule.unit) text += rule.unit;
  if (rule.qualifier === "以上") text += "以上";
  return text;
}

/**
 * Reads a figure as written back into a number and what it claims: "95.2%" → exact
 * 95.2; "50余" → more than 50; "70%以上" → at least 70; "1.4万" → 14000; "648.2万元" → 6482000.
 * Undefined when the text holds no number.
 */
export function parseFigure(
  text: string,
): { value: number; claim: "exact" | "more" | "atLeast"; decimals: number } | undefined {
  const m = /([+-]?\d+(?:\.(\d+))?)\s*(万)?\s*(余)?/u.exec(text.replace(/[,，]/g, ""));
  if (!m) return undefined;
  const n = Number(m[1]);
  const decimals = m[2]?.length ?? 0;
  const value = m[3] ? n * 10000 : n;
  const claim = m[4] ? "more" : /以上/u.test(text) ? "atLeast" : "exact";
  return { value: roundTo(value, 6), claim, decimals };
}

/**
 * Whether a written figure agrees with the value: an exact figure must equal the value
 * rendered to the same decimals; "N余" means more than N (and under the next step); "N以上"
 * at least N.
 */
export function figureAgrees(written: string, value: number | null, rule: FigureRule): boolean {
  if (value === null) return false;
  const p = parseFigure(written);
  if (!p) return false;
  if (p.claim === "exact") {
    const scale = /万/u.test(written) ? 10000 : 1;
    return roundTo(value / scale, p.decimals) === roundTo(p.value / scale, p.decimals);
  }
  if (p.claim === "atLeast") return value >= p.value;
  const step = rule.step ?? 1;
  return value > p.value - 1e-9 && value < p.value + step * (p.value >= step ? 1 : 10);
}

/**
 * The whole counts k of a denominator d whose rate k/d×100, rounded to `decimals`,
 * is nearest the rate written: `exact` when one gives it, else the two nearest
 * (95.2% of 194: none; 184 → 94.8%, 185 → 95.4%).
 */
export function countsForRate(
  rate: number,
  denominator: number,
  decimals: number,
): { exact: number | undefined; nearest: { count: number; rate: number }[] } {
  if (!Number.isInteger(denominator) || denominator <= 0) return { exact: undefined, nearest: [] };
  const target = roundTo(rate, decimals);
  let exact: number | undefined;
  const all: { count: number; rate: number }[] = [];
  for (let k = 0; k <= denominator; k++) {
    const r = roundTo((k / denominator) * 100, decimals);
    if (r === target && exact === undefined) exact = k;
    all.push({ count: k, rate: r });
  }
  if (exact !== undefined) return { exact, nearest: [] };
  const below = all.filter((x) => x.rate < target).at(-1);
  const above = all.find((x) => x.rate > target);
  return { exact, nearest: [below, above].filter((x) => x !== undefined) };
}
