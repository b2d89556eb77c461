/** Shapes of the indicator engine's API: the server's wire schemas (server/src/engines/indicator/wire.ts). */
export type {
  ByUnitAnswer,
  ByUnitRow,
  Dashboard,
  DashboardArea,
  DashboardDistricts,
  DashboardFigure,
  DrillAnswer,
  DrillRow,
  IndicatorInfo,
  IndicatorScope,
  IndicatorValue,
  IndicatorValues,
} from "../wire.ts";

/** A figure with its declared decimals; null (a rate over nothing) as a dash. */
export function formatValue(v: number | null, decimals: number): string {
  if (v === null) return "—";
  return v.toLocaleString("zh-CN", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
