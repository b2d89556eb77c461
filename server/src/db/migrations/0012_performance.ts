import { type Kysely, sql } from "kysely";

/**
 * Costs that grow with the page, not with the region (issue 9).
 *
 * - Participation in a case's row-level security: the policy called the SECURITY DEFINER
 *   `fazhi_participates(region, id)` once for every row of the region the unit does not
 *   own (3,519 calls for one page of 20 at 12,500 cases). Now the cases the unit takes
 *   part in are read once per statement (`fazhi_participations()`, an index scan of
 *   `case_participant (region_code, unit_id)`) into a hashed set that each row probes.
 *   Who sees what is unchanged: own unit, participating units, the parent case's unit,
 *   region scope.
 * - Indexes where the plans ask for them: events by action and day (indicators), open
 *   clocks (the warning list), the clocks' suspensions and extensions by case (read in
 *   bulk for a page or a year), open cases, register keys by entry (an entry's keys are replaced on
 *   every write).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- The cases of the regions in scope in which the unit in scope takes part. Read as the
    -- owner (the policy of case_participant would call back into case_file per row).
    create function fazhi_participations() returns table (region_code text, case_id bigint)
      language sql stable security definer set search_path = public rows 50 as $$
      select p.region_code, p.case_id from case_participant p
       where p.unit_id = fazhi_unit() and p.region_code = any(fazhi_regions())
    $$;
    revoke all on function fazhi_participations() from public;
    grant execute on function fazhi_participations() to fazhi_app;

    drop policy case_file_tenant on case_file;
    create policy case_file_tenant on case_file to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or unit_id = fazhi_unit()
        or (region_code, id) in (select * from fazhi_participations())
        or (parent_id is not null and fazhi_case_unit(region_code, parent_id) = fazhi_unit())))
      with check (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or unit_id = fazhi_unit()
        or (region_code, id) in (select * from fazhi_participations())
        or (parent_id is not null and fazhi_case_unit(region_code, parent_id) = fazhi_unit())));

    create index case_event_action on case_event (region_code, action, on_date);
    create index case_clock_open on case_clock (region_code, case_id) where stopped_on is null;
    create index case_file_open on case_file (region_code, id) where closed_on is null;
    create index case_suspension_case on case_suspension (region_code, case_id);
    create index case_suspension_clock_case on case_suspension_clock (region_code, case_id);
    create index case_extension_case on case_extension (region_code, case_id);
    create index if not exists register_key_entry on register_key (region_code, register, entry_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the performance migration cannot be reverted");
}
