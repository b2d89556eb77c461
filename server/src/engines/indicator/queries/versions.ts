import { sql } from "kysely";
import type { DrillRow, IndicatorQuery } from "../declare.ts";
import { type IndicatorSpec, num } from "./common.ts";

// ──────────────────────────────────────────────────── published versions of a list

/**
 * A published list's entries (a register declaring `versions`, engines/register/versions):
 * what the list in force on the last day of the period holds — the version (of the
 * region, or of each unit) that came into force on or before that day with no later one
 * in force — not what the register holds now. `where`: equality on the entry's data.
 */
export interface ListVersionSelection {
  register: string;
  where?: Readonly<Record<string, string | number | boolean>>;
}

interface Row {
  region_code: string;
  id: string;
  unit_id: string;
  title: string | null;
  number: string;
  in_force_from: string;
}

async function listRows(s: ListVersionSelection, q: IndicatorQuery): Promise<Row[]> {
  const where = s.where ? sql`and (e -> 'data') @> ${JSON.stringify(s.where)}::jsonb` : sql``;
  const unit = q.unitId === undefined ? sql`` : sql`and (e ->> 'unitId')::bigint = ${q.unitId}`;
  const { rows } = await sql<Row>`
    select v.region_code, e ->> 'id' as id, e ->> 'unitId' as unit_id, e ->> 'title' as title,
           v.number, v.in_force_from::text as in_force_from
      from (select distinct on (region_code, unit_id) region_code, number, in_force_from, entries
              from register_version
             where region_code = any(${q.regions}::text[]) and register = ${s.register}
               and in_force_from <= ${q.to}::date
             order by region_code, unit_id nulls first, in_force_from desc, id desc) v
      cross join lateral jsonb_array_elements(v.entries) e
     where true ${where} ${unit}
     order by v.region_code, (e ->> 'id')::bigint`.execute(q.db);
  return rows;
}

/** The number of entries of the list in force on the last day of the period. */
export function countListVersion(s: ListVersionSelection): IndicatorSpec {
  if (!s.register) throw new Error("indicator query: register is required");
  return {
    reads: { registers: [s.register], registerFields: Object.keys(s.where ?? {}) },
    basis: {
      zh: `期末时点数：期末最后一日施行的「${s.register}」清单版本所列条目（按发布的版本计，不按名录现状计）`,
      en: `as at the last day of the period: the entries of the version of the list ${s.register} in force on that day (as published, not as the register holds now)`,
    },
    decimals: 0,
    value: async (q) => num((await listRows(s, q)).length),
    drill: async (q): Promise<DrillRow[]> =>
      (await listRows(s, q)).map((r) => ({
        kind: "register",
        regionCode: r.region_code,
        id: Number(r.id),
        type: s.register,
        title: r.title ?? `${s.register} ${r.id}`,
        unitId: Number(r.unit_id),
        value: 1,
        extra: { version: r.number, inForceFrom: r.in_force_from },
      })),
  };
}
