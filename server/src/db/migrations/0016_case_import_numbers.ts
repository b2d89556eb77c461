import { type Kysely, sql } from "kysely";

/**
 * The case import's number check, linear in rows (issue 9).
 *
 * `fazhi_case_numbers_taken` (migration 0007) joins the file's numbers against every
 * number of the region's cases. As a security-definer SQL function its body is planned
 * generically: `unnest` of an array parameter is estimated at 10 rows, so the planner
 * built a hash of the file's numbers **for every case of the region** (a nested loop
 * over the region's cases, with the hash join inside it). Importing 100,000 cases into a
 * region that already held 60,000 did not finish in 15 minutes (bench/case-import.ts);
 * a first file into an empty region did not notice. The numbers and the region's
 * numbers are now each materialised once and hash-joined: one pass over each, whatever
 * the estimates. Same arguments, same answer, same visibility check.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function fazhi_case_numbers_taken(r text, batch bigint, kinds text[], nums text[])
      returns table (kind text, num text)
      language sql stable security definer set search_path = public as $$
      with x as materialized (
        select e.key, e.value from case_file f cross join lateral jsonb_each_text(f.numbers) e
         where f.region_code = r and f.import_batch is distinct from batch),
      k as materialized (select u.kind, u.num from unnest(kinds, nums) as u(kind, num))
      select k.kind, k.num from k join x on x.key = k.kind and x.value = k.num
       where r = any(fazhi_regions())
    $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function fazhi_case_numbers_taken(r text, batch bigint, kinds text[], nums text[])
      returns table (kind text, num text)
      language sql stable security definer set search_path = public as $$
      select k.kind, k.num from unnest(kinds, nums) as k(kind, num)
        join (select e.key, e.value from case_file f cross join lateral jsonb_each_text(f.numbers) e
               where f.region_code = r and f.import_batch is distinct from batch) x
          on x.key = k.kind and x.value = k.num
       where r = any(fazhi_regions())
    $$;
  `.execute(db);
}
