import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { CaseClockTable, CaseExtensionTable, DB } from "../../db/schema.ts";

/**
 * The stored rows a case's clocks are computed from: its clock instances, the suspensions
 * that stopped them and the extensions granted. Loaded for many cases at once — a page of
 * warnings, a year of cases for an indicator — in one statement, never three per case
 * (issue 9); the legal time itself is computed in memory by the kernel.
 */
export interface ClockRows {
  clocks: Selectable<CaseClockTable>[];
  suspensions: { clock_id: number; from_date: string; to_date: string | null }[];
  extensions: Selectable<CaseExtensionTable>[];
}

export interface CaseKey {
  regionCode: string;
  id: number;
}

export const caseKey = (regionCode: string, id: number) => `${regionCode}:${id}`;

const EMPTY: ClockRows = { clocks: [], suspensions: [], extensions: [] };

/** The clock rows of one case (one statement). */
export async function loadCaseClockRows(
  db: Transaction<DB> | Kysely<DB>,
  c: CaseKey,
): Promise<ClockRows> {
  return (await loadClockRows(db, [c])).get(caseKey(c.regionCode, c.id)) ?? EMPTY;
}

/**
 * The clock rows of many cases, keyed `region:id` (`caseKey`); a case without clocks is
 * absent. In each case's rows the order is the one computing expects: clocks by code and
 * instance, suspensions by start, extensions by id.
 */
export async function loadClockRows(
  db: Transaction<DB> | Kysely<DB>,
  cases: readonly CaseKey[],
): Promise<Map<string, ClockRows>> {
  const out = new Map<string, ClockRows>();
  if (cases.length === 0) return out;
  const regions = cases.map((c) => c.regionCode);
  const ids = cases.map((c) => c.id);
  // One statement (one round trip) for the three tables, each read under the caller's
  // row-level security; the keys joined as arrays.
  const { rows } = await sql<{
    clocks: (Omit<Selectable<CaseClockTable>, "started_at"> & { started_at: string | null })[];
    suspensions: {
      region_code: string;
      case_id: number;
      clock_id: number;
      from_date: string;
      to_date: string | null;
    }[];
    extensions: Selectable<CaseExtensionTable>[];
  }>`with keys (region_code, case_id) as (
        select * from unnest(${regions}::text[], ${ids}::bigint[]))
      select
        (select coalesce(json_agg(k order by k.region_code, k.case_id, k.clock, k.instance), '[]')
           from case_clock k where (k.region_code, k.case_id) in (select * from keys)) as clocks,
        (select coalesce(json_agg(json_build_object('region_code', sc.region_code,
                  'case_id', sc.case_id, 'clock_id', sc.clock_id, 'from_date', s.from_date,
                  'to_date', s.to_date) order by s.from_date, s.id), '[]')
           from case_suspension_clock sc
           join case_suspension s on s.region_code = sc.region_code and s.id = sc.suspension_id
          where (sc.region_code, sc.case_id) in (select * from keys)) as suspensions,
        (select coalesce(json_agg(e order by e.id), '[]')
           from case_extension e where (e.region_code, e.case_id) in (select * from keys)) as extensions`.execute(
    db,
  );
  const { clocks, suspensions, extensions } = rows[0]!;
  const of = (regionCode: string, id: number | string) => {
    const k = caseKey(regionCode, Number(id));
    let rows = out.get(k);
    if (!rows) {
      rows = { clocks: [], suspensions: [], extensions: [] };
      out.set(k, rows);
    }
    return rows;
  };
  for (const r of clocks)
    of(r.region_code, r.case_id).clocks.push({
      ...r,
      started_at: r.started_at === null ? null : new Date(r.started_at),
    });
  for (const s of suspensions)
    of(s.region_code, s.case_id).suspensions.push({
      clock_id: s.clock_id,
      from_date: s.from_date,
      to_date: s.to_date,
    });
  for (const e of extensions) of(e.region_code, e.case_id).extensions.push(e);
  return out;
}
