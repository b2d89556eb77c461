import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";

/** A region and every region under it (a city and its districts). */
export async function regionWithDescendants(db: Kysely<DB>, code: string): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    with recursive tree as (
      select code from region where code = ${code}
      union all
      select r.code from region r join tree t on r.parent_code = t.code
    )
    select code from tree order by code`.execute(db);
  return rows.map((r) => r.code);
}
