/**
 * What the enforcement cases (part B) read from the registers: an officer by
 * certificate number, whether the certificate is valid on a day, a body's own
 * major-decision criteria, the discretion benchmark for a violation, and the body a
 * unit is.
 *
 * Every read runs in the caller's WorkTx, under its data scope (row-level security and
 * `actor.regions`); nothing is decrypted (the officer record carries no ID or phone).
 * Unit codes are unique within a region only: each function looks in one region —
 * `regionCode` if given (e.g. the case's region), else the actor's own.
 */
import { type Expression, type SqlBool, sql } from "kysely";
import { canonicalJson } from "../../../kernel/canonical-json.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { bodyRegister } from "./bodies.ts";
import {
  type BenchmarkData,
  benchmarkRegister,
  type CatalogueData,
  catalogueRegister,
} from "./catalogue.ts";
import { type OfficerData, officerRegister } from "./officers.ts";

export interface OfficerRecord {
  entryId: number;
  name: string;
  certificateNo: string;
  bodyUnitCode: string;
  validFrom: string;
  validTo: string;
  legalReviewer: boolean;
  legalQualification: boolean;
  /** Reviews done before the platform count as experience (not a first-time reviewer). */
  priorReviewExperience: boolean;
}

export interface MajorCriterion {
  kind:
    | "fine_at_least"
    | "confiscation_at_least"
    | "licence_revocation"
    | "stop_production"
    | "other";
  amount?: number;
  text?: string;
}

export interface Benchmark {
  violationCode: string;
  violation: string;
  legalBasis: string;
  circumstance: "minor" | "general" | "serious";
  fineMin: number;
  fineMax: number;
  otherPenalties: string[];
  /** The statutory range of the provision applied, where the register names it. */
  statutoryMin?: number;
  statutoryMax?: number;
}

/** The region to look in: the one given, if the actor may see it; else the actor's own. */
function regionOf(w: WorkTx, regionCode: string | undefined): string | undefined {
  const r = regionCode ?? w.actor.regionCode;
  return w.actor.regions.includes(r) ? r : undefined;
}

/** The entry of `register` in `region` whose data has `field` = `value` (first by id). */
async function entryWhere(
  w: WorkTx,
  register: string,
  region: string,
  conds: Record<string, string>,
): Promise<{ id: number; data: unknown } | undefined> {
  const where: Expression<SqlBool>[] = Object.entries(conds).map(
    ([k, v]) => sql<SqlBool>`register_entry.data ->> ${k}::text = ${v}::text`,
  );
  return w.trx
    .selectFrom("register_entry")
    .select(["id", "data"])
    .where("region_code", "=", region)
    .where("register", "=", register)
    .where((eb) => eb.and(where))
    .orderBy("id")
    .executeTakeFirst();
}

/**
 * The officer holding the certificate, in the actor's region (or `regionCode`);
 * undefined if there is none the actor may see.
 */
export async function findOfficer(
  w: WorkTx,
  certificateNo: string,
  regionCode?: string,
): Promise<OfficerRecord | undefined> {
  const region = regionOf(w, regionCode);
  const no = certificateNo.trim().toUpperCase();
  if (!region || !no) return undefined;
  // Through the unique key (indexed), then the entry (row-level security applies).
  const row = await w.trx
    .selectFrom("register_key as k")
    .innerJoin("register_entry as e", (j) =>
      j.onRef("e.region_code", "=", "k.region_code").onRef("e.id", "=", "k.entry_id"),
    )
    .select(["e.id", "e.data"])
    .where("k.region_code", "=", region)
    .where("k.register", "=", officerRegister.code)
    .where("k.key_name", "=", "certificate")
    .where("k.key_value", "=", canonicalJson([no]))
    .where("e.register", "=", officerRegister.code)
    .executeTakeFirst();
  if (!row) return undefined;
  const d = row.data as Partial<OfficerData>;
  return {
    entryId: Number(row.id),
    name: String(d.name ?? ""),
    certificateNo: String(d.certificateNo ?? no),
    bodyUnitCode: String(d.bodyUnitCode ?? ""),
    validFrom: String(d.certificateValidFrom ?? ""),
    validTo: String(d.certificateValidTo ?? ""),
    legalReviewer: d.legalReviewer === true,
    legalQualification: d.legalQualification === true,
    priorReviewExperience: d.priorReviewExperience === true,
  };
}

/** Is the certificate valid on the day (both ends included)? */
export function officerValidOn(o: OfficerRecord, date: string): boolean {
  if (!o.validFrom || !o.validTo) return false;
  return o.validFrom <= date && date <= o.validTo;
}

/**
 * The body's own criteria for a major decision (its 目录清单), [] when it has none.
 * The statutory categories of 行政处罚法 art. 58 are not among them: they always apply.
 */
export async function majorCriteriaFor(
  w: WorkTx,
  bodyUnitCode: string,
  regionCode?: string,
): Promise<MajorCriterion[]> {
  const region = regionOf(w, regionCode);
  if (!region) return [];
  const row = await entryWhere(w, catalogueRegister.code, region, { bodyUnitCode });
  const criteria = ((row?.data ?? {}) as Partial<CatalogueData>).criteria ?? [];
  return criteria.map((c) => {
    const out: MajorCriterion = { kind: c.kind };
    if ("amount" in c) out.amount = c.amount;
    if ("text" in c) out.text = c.text;
    return out;
  });
}

/** The body's benchmark for a violation in a circumstance; undefined if none. */
export async function benchmarkFor(
  w: WorkTx,
  bodyUnitCode: string,
  violationCode: string,
  circumstance: string,
  regionCode?: string,
): Promise<Benchmark | undefined> {
  const region = regionOf(w, regionCode);
  if (!region) return undefined;
  const row = await entryWhere(w, benchmarkRegister.code, region, {
    bodyUnitCode,
    violationCode,
    circumstance,
  });
  if (!row) return undefined;
  const d = row.data as BenchmarkData;
  return {
    violationCode: d.violationCode,
    violation: d.violation,
    legalBasis: d.legalBasis,
    circumstance: d.circumstance,
    fineMin: Number(d.fineMin),
    fineMax: Number(d.fineMax),
    otherPenalties: d.otherPenalties ?? [],
    ...(d.statutoryMin !== undefined ? { statutoryMin: Number(d.statutoryMin) } : {}),
    ...(d.statutoryMax !== undefined ? { statutoryMax: Number(d.statutoryMax) } : {}),
  };
}

/** The enforcement body a directory unit is (in the unit's region); undefined if it is none. */
export async function bodyOfUnit(
  w: WorkTx,
  unitId: number,
): Promise<{ unitCode: string; name: string; kind: string } | undefined> {
  const unit = await w.trx
    .selectFrom("unit")
    .select(["code", "region_code"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!unit || !w.actor.regions.includes(unit.region_code)) return undefined;
  const row = await entryWhere(w, bodyRegister.code, unit.region_code, { unitCode: unit.code });
  if (!row) return undefined;
  const d = row.data as { name?: string; kind?: string };
  return { unitCode: unit.code, name: String(d.name ?? unit.code), kind: String(d.kind ?? "") };
}
