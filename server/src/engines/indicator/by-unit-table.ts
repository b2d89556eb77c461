/**
 * The per-unit comparison table of one figure (GET /api/indicators/:id/by-unit and its
 * .xlsx): every unit of the scope's regions with its value, highest first (a unit
 * without records shows 0, or no rate), computed by grouping the figure's records by
 * their owning unit (by-unit.ts).
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Label } from "../../kernel/labels.ts";
import { tableXlsx } from "../../platform/files/table-xlsx.ts";
import type { Registry } from "../registry.ts";
import { type GroupFigure, groupIndicator, groupValue } from "./by-unit.ts";
import type { IndicatorDecl } from "./declare.ts";
import type { ResolvedRequest } from "./engine.ts";
import { roundValue } from "./values.ts";
import type { ByUnitRow } from "./wire.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface ByUnitTable {
  groupable: boolean;
  kind: "sum" | "ratio" | "change" | null;
  reason: Label | null;
  rows: ByUnitRow[];
}

/** Highest value first; a unit without a rate last; then by region and unit name. */
function compare(a: ByUnitRow, b: ByUnitRow): number {
  if (a.value !== b.value) {
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return b.value - a.value;
  }
  return a.regionCode.localeCompare(b.regionCode) || a.unitName.localeCompare(b.unitName, "zh");
}

export async function byUnitRows(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
  decl: IndicatorDecl,
): Promise<ByUnitTable> {
  const g = await groupIndicator(registry, db, scope, decl.id, "unit");
  if (!g.groupable) return { groupable: false, kind: null, reason: g.reason, rows: [] };
  let q = db
    .selectFrom("unit")
    .innerJoin("region", "region.code", "unit.region_code")
    .select(["unit.id", "unit.name_zh", "unit.region_code", "region.name_zh as region_name"])
    .where("unit.region_code", "in", scope.regions);
  if (scope.unitId !== undefined) q = q.where("unit.id", "=", scope.unitId);
  const units = await q.execute();
  // A rate's parts are counts; a change of a rate has rates as its parts (2 decimals).
  const part = (f: GroupFigure, which: "a" | "b") =>
    f.parts ? roundValue(f.parts[which], 2) : null;
  const rows = units.map((u) => {
    const f = g.groups.get(String(u.id)) ?? g.empty;
    return {
      unitId: Number(u.id),
      unitName: u.name_zh,
      regionCode: u.region_code,
      regionName: u.region_name,
      value: groupValue(decl, f),
      numerator: part(f, "a"),
      denominator: part(f, "b"),
    };
  });
  return { groupable: true, kind: g.kind, reason: null, rows: rows.sort(compare) };
}

/** The table as the office sends it round: unit, region, the figure, and a rate's parts. */
export function byUnitXlsx(
  registry: Registry,
  decl: IndicatorDecl,
  scope: ResolvedRequest,
  kind: "sum" | "ratio" | "change",
  rows: ByUnitRow[],
): Promise<Buffer> {
  const deps = (decl.dependsOn ?? []).map((id) => registry.indicator(id)!);
  const partHeaders =
    kind === "ratio"
      ? [`分子：${deps[0]!.label.zh}`, `分母：${deps[1]!.label.zh}`]
      : kind === "change"
        ? [`${scope.year}年：${deps[0]!.label.zh}`, `${scope.year - 1}年：${deps[0]!.label.zh}`]
        : [];
  return tableXlsx(
    "分单位统计",
    [
      { header: "序号", width: 6, value: (r: ByUnitRow) => rows.indexOf(r) + 1 },
      { header: "单位", width: 32, value: (r) => r.unitName },
      { header: "地区", width: 14, value: (r) => r.regionName },
      {
        header: `${decl.label.zh}（${decl.unit.zh}）`,
        width: 24,
        value: (r) => r.value,
      },
      ...partHeaders.map((header, i) => ({
        header,
        width: 30,
        value: (r: ByUnitRow) => (i === 0 ? r.numerator : r.denominator),
      })),
    ],
    rows,
  );
}
