/**
 * The role homes' figures (GET /api/dashboard): the indicators shown on the homes,
 * grouped by area (the modules, in the order the modules are loaded — the report's
 * parts), each with this year's value and the year before's, computed through the
 * engine in one call; for a city, every figure per district as well (by-unit.ts,
 * grouped by region). Which figures and where is declared on each indicator
 * (`IndicatorDecl.dashboard`), never chosen in the web.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Label } from "../../kernel/labels.ts";
import type { Registry } from "../registry.ts";
import { type GroupMemo, groupIndicator, groupValue } from "./by-unit.ts";
import type { IndicatorDecl } from "./declare.ts";
import { evaluateResolved, type ResolvedRequest } from "./engine.ts";
import { previousYear } from "./queries.ts";
import type { DashboardArea, DashboardDistricts } from "./wire.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** The indicators on the homes, by area in module order, then by `order`, then declared order. */
export function dashboardAreas(
  registry: Registry,
): { area: string; label: Label; indicators: IndicatorDecl[] }[] {
  const decls = registry.indicators();
  const areas = registry.modules.map((m) => ({
    area: m.code,
    label: m.label,
    indicators: decls
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => d.dashboard !== false && (d.dashboard?.area ?? d.module) === m.code)
      .sort(
        (a, b) =>
          (a.d.dashboard ? (a.d.dashboard.order ?? a.i) : a.i) -
          (b.d.dashboard ? (b.d.dashboard.order ?? b.i) : b.i),
      )
      .map(({ d }) => d),
  }));
  return areas.filter((a) => a.indicators.length > 0);
}

/** Every `dashboard.area` names a loaded module (checked when the routes are registered). */
export function checkDashboard(registry: Registry): void {
  const modules = new Set(registry.modules.map((m) => m.code));
  for (const d of registry.indicators()) {
    if (d.dashboard && d.dashboard.area !== undefined && !modules.has(d.dashboard.area)) {
      throw new Error(`indicator "${d.id}": dashboard area "${d.dashboard.area}" is not a module`);
    }
  }
}

/** The areas with this year's and last year's figures. */
export async function dashboardFigures(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
): Promise<DashboardArea[]> {
  const areas = dashboardAreas(registry);
  const decls = areas.flatMap((a) => a.indicators);
  const now = await evaluateResolved(registry, db, scope, decls);
  const before = await evaluateResolved(registry, db, { ...scope, ...previousYear(scope) }, decls);
  const prev = new Map(before.map((v) => [v.id, v.value]));
  const cur = new Map(now.map((v) => [v.id, v]));
  return areas.map((a) => ({
    area: a.area,
    label: a.label,
    figures: a.indicators.map((d) => ({ ...cur.get(d.id)!, previous: prev.get(d.id) ?? null })),
  }));
}

/** A city's figures per region (the city's own records, then each district's). */
export async function districtFigures(
  registry: Registry,
  db: Db,
  scope: ResolvedRequest,
): Promise<DashboardDistricts> {
  const regions = await db
    .selectFrom("region")
    .select(["code", "name_zh", "name_en"])
    .where("code", "in", scope.regions)
    .orderBy("code")
    .execute();
  const values: DashboardDistricts["values"] = {};
  const notGroupable: DashboardDistricts["notGroupable"] = {};
  const memo: GroupMemo = new Map();
  for (const d of dashboardAreas(registry).flatMap((a) => a.indicators)) {
    const g = await groupIndicator(registry, db, scope, d.id, "region", memo);
    if (!g.groupable) {
      notGroupable[d.id] = g.reason;
      continue;
    }
    values[d.id] = regions.map((r) => groupValue(d, g.groups.get(r.code) ?? g.empty));
  }
  return {
    regions: regions.map((r) => ({ code: r.code, name: { zh: r.name_zh, en: r.name_en } })),
    values,
    notGroupable,
  };
}
