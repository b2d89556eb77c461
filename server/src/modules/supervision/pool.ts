/**
 * Building a draw's frozen inputs from the records (the I/O half; draw.ts is pure):
 * - objects: the inspection-object directory of the case's region, narrowed by the
 *   plan's industries, less those inspected in the last N months (setting) — by an
 *   earlier draw of the platform (its inspection date) or before it (`lastInspectedOn`);
 * - inspectors: the enforcement officers of the plan's departments whose certificate is
 *   valid on every day of the inspection (行政处罚法(2021) 第四十二条: 执法人员不得少于两人,
 *   持有执法证件), so an inspector without a valid certificate is never a candidate;
 * - objects that no draw could staff (fewer eligible inspectors than the plan needs, or
 *   none of a joint plan's department) are left out and named (no_eligible_inspectors);
 * - excluded pairs, decided before the draw: the inspector's body is the object's
 *   affiliated unit (same_unit), a recorded kinship or other interest (kinship), the
 *   inspector handled the object before (handled_before: an earlier inspection).
 */
import { sql } from "kysely";
import { addMonthsClamped, type LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import {
  DRAW_ALGORITHM,
  DRAW_ALGORITHM_VERSION,
  type DrawInputs,
  type ExcludedPair,
  feasibility,
  type RiskClass,
} from "./draw.ts";

export const INSPECTION_CASE = "spot_check_inspection";
export const PLAN_CASE = "spot_check";

export interface PlanFields {
  title: string;
  items: string[];
  departments: string[];
  industries?: string[];
  ratios: Record<RiskClass, number>;
  inspectorsPerObject: number;
  inspectionDate: string;
  inspectionEnd: string;
  publicRandomSource: string;
  publicRandomDate: string;
}

export interface FrozenPool {
  inputs: DrawInputs;
  /** Objects of the directory left out before the draw, with the reason. */
  leftOut: { id: string; reason: "recently_inspected" | "no_eligible_inspectors" }[];
}

interface ObjRow {
  uscc: string;
  risk: RiskClass;
  industry: string;
  affiliatedUnitCode?: string;
  lastInspectedOn?: string;
}

export async function buildPool(
  w: WorkTx,
  regionCode: string,
  f: PlanFields,
  exclusionMonths: number,
): Promise<FrozenPool> {
  const since = addMonthsClamped(f.inspectionDate as LocalDate, -exclusionMonths);
  const objRows = await w.trx
    .selectFrom("register_entry")
    .select("data")
    .where("region_code", "=", regionCode)
    .where("register", "=", "inspection_object")
    .execute();
  const recent = new Set(
    (
      await w.trx
        .selectFrom("case_file")
        .select(sql<string>`fields ->> 'uscc'`.as("uscc"))
        .where("region_code", "=", regionCode)
        .where("case_type", "=", INSPECTION_CASE)
        .where(sql<string>`fields ->> 'inspectionDate'`, ">", since)
        .where(sql<string>`fields ->> 'inspectionDate'`, "<=", f.inspectionDate)
        .execute()
    ).map((r) => r.uscc),
  );
  const industries = f.industries?.length ? new Set(f.industries) : undefined;
  const objects: DrawInputs["objects"] = [];
  const leftOut: FrozenPool["leftOut"] = [];
  const affiliated = new Map<string, string>();
  for (const r of objRows) {
    const o = r.data as ObjRow;
    if (industries && !industries.has(o.industry)) continue;
    const inspected =
      recent.has(o.uscc) ||
      (o.lastInspectedOn !== undefined &&
        o.lastInspectedOn > since &&
        o.lastInspectedOn <= f.inspectionDate);
    if (inspected) {
      leftOut.push({ id: o.uscc, reason: "recently_inspected" });
      continue;
    }
    objects.push({ id: o.uscc, risk: o.risk });
    if (o.affiliatedUnitCode) affiliated.set(o.uscc, o.affiliatedUnitCode);
  }

  const officerRows = await w.trx
    .selectFrom("register_entry")
    .select([
      sql<string>`data ->> 'certificateNo'`.as("certificateNo"),
      sql<string>`data ->> 'bodyUnitCode'`.as("unit"),
    ])
    .where("region_code", "=", regionCode)
    .where("register", "=", "enforcement_officer")
    .where(sql<string>`data ->> 'bodyUnitCode'`, "in", f.departments)
    .where(sql<string>`data ->> 'certificateValidFrom'`, "<=", f.inspectionDate)
    .where(sql<string>`data ->> 'certificateValidTo'`, ">=", f.inspectionEnd)
    .execute();
  const inspectors = officerRows.map((r) => ({ id: r.certificateNo, unit: r.unit }));

  const objectIds = new Set(objects.map((o) => o.id));
  const inspectorIds = new Set(inspectors.map((p) => p.id));
  const excluded = new Map<string, ExcludedPair>();
  const add = (object: string, inspector: string, reason: string) => {
    const k = `${object}|${inspector}`;
    if (objectIds.has(object) && inspectorIds.has(inspector) && !excluded.has(k)) {
      excluded.set(k, { object, inspector, reason });
    }
  };
  for (const [uscc, unit] of affiliated) {
    for (const p of inspectors) if (p.unit === unit) add(uscc, p.id, "same_unit");
  }
  const kin = await w.trx
    .selectFrom("register_entry")
    .select([
      sql<string>`data ->> 'uscc'`.as("uscc"),
      sql<string>`data ->> 'certificateNo'`.as("cert"),
    ])
    .where("region_code", "=", regionCode)
    .where("register", "=", "inspector_avoidance")
    .execute();
  for (const k of kin) add(k.uscc, k.cert, "kinship");
  const before = await w.trx
    .selectFrom("case_file")
    .select([
      sql<string>`fields ->> 'uscc'`.as("uscc"),
      sql<string[]>`fields -> 'inspectors'`.as("inspectors"),
    ])
    .where("region_code", "=", regionCode)
    .where("case_type", "=", INSPECTION_CASE)
    .where(sql<string>`fields ->> 'inspectionDate'`, "<", f.inspectionDate)
    .execute();
  for (const b of before) for (const p of b.inspectors ?? []) add(b.uscc, p, "handled_before");

  const inputs: DrawInputs = {
    algorithm: DRAW_ALGORITHM,
    version: DRAW_ALGORITHM_VERSION,
    inspectionDate: f.inspectionDate,
    objects,
    inspectors,
    excluded: [...excluded.values()],
    ratios: f.ratios,
    inspectorsPerObject: f.inspectorsPerObject,
    departments: f.departments,
  };
  // Objects no draw could staff (too few inspectors without a conflict, or none of a
  // joint plan's department) are left out before the draw, named with the reason.
  const short = new Set(feasibility(inputs).short);
  if (short.size > 0) {
    inputs.objects = objects.filter((o) => !short.has(o.id));
    inputs.excluded = inputs.excluded.filter((p) => !short.has(p.object));
    for (const id of short) leftOut.push({ id, reason: "no_eligible_inspectors" });
  }
  return { inputs, leftOut };
}

/** The directory entries (name, address, risk) of the drawn objects, for their inspection cases. */
export async function objectDetails(
  w: WorkTx,
  regionCode: string,
  usccs: string[],
): Promise<Map<string, { name: string; address: string; industry: string }>> {
  if (usccs.length === 0) return new Map();
  const rows = await w.trx
    .selectFrom("register_entry")
    .select("data")
    .where("region_code", "=", regionCode)
    .where("register", "=", "inspection_object")
    .where(sql<string>`data ->> 'uscc'`, "in", usccs)
    .execute();
  return new Map(
    rows.map((r) => {
      const d = r.data as { uscc: string; name: string; address: string; industry: string };
      return [d.uscc, { name: d.name, address: d.address, industry: d.industry }];
    }),
  );
}

/** The unit code of a unit id. */
export async function unitCodeOf(w: WorkTx, unitId: number): Promise<string | undefined> {
  const r = await w.trx
    .selectFrom("unit")
    .select("code")
    .where("id", "=", unitId)
    .executeTakeFirst();
  return r?.code;
}
