/** Shapes of the indicator engine's API (server/src/engines/indicator/routes.ts). */
import type { Label } from "../api.ts";

export interface IndicatorInfo {
  id: string;
  module: string;
  label: Label;
  unit: Label;
  decimals: number;
  definition: Label;
  dependsOn: string[];
}

export interface IndicatorScope {
  region: string;
  regions: string[];
  from: string;
  to: string;
  year: number;
  unitId: number | null;
  scopeNote: Label;
}

export interface IndicatorValue {
  id: string;
  label: Label;
  unit: Label;
  value: number | null;
  decimals: number;
  definition: Label;
}

export interface DrillRow {
  kind: "case" | "register" | "unit";
  regionCode: string;
  id: number;
  type: string;
  title: string;
  unitId: number;
  value: number;
  extra?: Record<string, unknown>;
  link: string;
}

export interface DrillAnswer extends IndicatorValue, IndicatorScope {
  total: number;
  offset: number;
  limit: number;
  rows: DrillRow[];
}

/** A figure with its declared decimals; null (a rate over nothing) as a dash. */
export function formatValue(v: number | null, decimals: number): string {
  if (v === null) return "—";
  return v.toLocaleString("zh-CN", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
