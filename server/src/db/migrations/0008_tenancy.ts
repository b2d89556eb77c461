import { type Kysely, sql } from "kysely";

/**
 * Row-level security as a second line of defence (issue 8; GB/T 22239-2019 8.1.4.2 access
 * control, ../shared/domain/regulations.md §11): what the app role may do when the
 * route-level checks are wrong or missing.
 *
 * - `fazhi.unit` unset or empty means *nothing*, no longer region-wide: a region-scoped
 *   transaction says so explicitly with `*` (db/scope.ts). A forgotten scope sees no row.
 * - `fazhi_case_unit()` answers only for cases of the regions in scope.
 * - A `case_participant` row is written only by the unit owning the case (or region
 *   scope): a unit can no longer make itself a participant of another unit's case and so
 *   read it. Reading is unchanged.
 * - A `case_link` is inserted directly only between two cases the caller may see; links
 *   to a case the caller cannot see go through `fazhi_link_across` (migration 0005),
 *   which checks the declared jurisdiction. Without this a forged link made
 *   `fazhi_linked_cases` reveal a case and `fazhi_linked_clock` stop its clock.
 * - An attachment with no case is its unit's (it was visible to the whole region).
 * - An audit event is read, under unit scope, by the unit that acted or by those who see
 *   the case or register entry it records (a register entry's versions); it is written
 *   only in the writer's own unit's name. Region scope (office, audit administrator)
 *   reads its regions' events as before.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- '*' region-wide (null: no unit filter); unset or '' matches no unit (0: ids start at 1).
    create or replace function fazhi_unit() returns bigint language sql stable as $$
      select case coalesce(current_setting('fazhi.unit', true), '')
               when '*' then null
               when '' then 0
               else current_setting('fazhi.unit', true)::bigint end
    $$;

    create or replace function fazhi_case_unit(r text, c bigint) returns bigint
      language sql stable security definer set search_path = public as $$
      select unit_id from case_file where region_code = r and id = c and r = any(fazhi_regions())
    $$;

    drop policy case_participant_tenant on case_participant;
    create policy case_participant_read on case_participant for select to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or unit_id = fazhi_unit()
        or fazhi_case_unit(region_code, case_id) = fazhi_unit()
        or fazhi_participates(region_code, case_id)));
    create policy case_participant_insert on case_participant for insert to fazhi_app
      with check (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or fazhi_case_unit(region_code, case_id) = fazhi_unit()));
    create policy case_participant_update on case_participant for update to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or fazhi_case_unit(region_code, case_id) = fazhi_unit()))
      with check (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or fazhi_case_unit(region_code, case_id) = fazhi_unit()));
    create policy case_participant_delete on case_participant for delete to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or fazhi_case_unit(region_code, case_id) = fazhi_unit()));

    drop policy case_link_tenant on case_link;
    create policy case_link_read on case_link for select to fazhi_app
      using ((region_code = any(fazhi_regions()) and exists (select 1 from case_file c
                where c.region_code = case_link.region_code and c.id = case_link.from_case_id))
          or (to_region_code = any(fazhi_regions()) and exists (select 1 from case_file c
                where c.region_code = case_link.to_region_code and c.id = case_link.to_case_id)));
    create policy case_link_insert on case_link for insert to fazhi_app
      with check (region_code = any(fazhi_regions()) and to_region_code = region_code
        and fazhi_case_visible(region_code, from_case_id)
        and fazhi_case_visible(to_region_code, to_case_id));
    create policy case_link_delete on case_link for delete to fazhi_app
      using (region_code = any(fazhi_regions()) and fazhi_case_visible(region_code, from_case_id));

    drop policy attachment_tenant on attachment;
    create policy attachment_tenant on attachment to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        (case_id is null and fazhi_row_visible(region_code, unit_id))
        or exists (select 1 from case_file c
                    where c.region_code = attachment.region_code and c.id = attachment.case_id)))
      with check (region_code = any(fazhi_regions()) and (
        (case_id is null and fazhi_row_visible(region_code, unit_id))
        or exists (select 1 from case_file c
                    where c.region_code = attachment.region_code and c.id = attachment.case_id)));

    drop policy audit_event_tenant on audit_event;
    create policy audit_event_read on audit_event for select to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or actor_unit_id = fazhi_unit()
        or case when entity_id !~ '^[0-9]{1,18}$' then false
                when entity_type = 'case' then fazhi_case_visible(region_code, entity_id::bigint)
                when entity_type = 'register_entry' then exists (select 1 from register_entry e
                  where e.region_code = audit_event.region_code and e.id = entity_id::bigint)
                else false end));
    create policy audit_event_insert on audit_event for insert to fazhi_app
      with check (region_code = any(fazhi_regions())
        and (fazhi_unit() is null or actor_unit_id = fazhi_unit()));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the tenancy migration cannot be reverted");
}
