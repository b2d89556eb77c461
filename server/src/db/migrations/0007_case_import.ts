import { type Kysely, sql } from "kysely";
import { enableTenantRls, grantApp } from "./helpers.ts";

/**
 * Bulk import of historical cases (docs/architecture.md, "Importing history"): one
 * `case_import` row per imported file — the case type, the owning unit(s), the file's
 * SM3 hash, who imported it and when — and on every imported case the batch and the row
 * of the file it came from (`case_file.import_batch`, `import_row`), so an imported case
 * is marked as imported with its file's hash, and the writer maps the ids the database
 * hands out back to the rows without relying on the order of RETURNING.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_import (
      region_code text not null references region(code),
      id bigint generated always as identity,
      case_type text not null,
      unit_id bigint not null references unit(id),
      file_name text,
      file_format text not null check (file_format in ('csv', 'xlsx', 'rows')),
      sm3 text not null check (sm3 ~ '^[0-9a-f]{64}$'),
      rows int not null default 0,
      imported_by bigint references app_user(id),
      imported_at timestamptz not null,
      primary key (region_code, id)
    );
    create index case_import_sm3 on case_import (region_code, case_type, sm3);
    alter table case_file add column import_batch bigint;
    alter table case_file add column import_row int;
    alter table case_file add foreign key (region_code, import_batch)
      references case_import (region_code, id);
    create index case_file_import on case_file (region_code, import_batch)
      where import_batch is not null;
    -- Numbers are unique per kind within a region: an import checks its numbers against
    -- every case of the region (also those row-level security hides from a unit) in
    -- one hash join, once per file, leaving out the cases the import itself wrote.
    create function fazhi_case_numbers_taken(r text, batch bigint, kinds text[], nums text[])
      returns table (kind text, num text)
      language sql stable security definer set search_path = public as $$
      select k.kind, k.num from unnest(kinds, nums) as k(kind, num)
        join (select e.key, e.value from case_file f cross join lateral jsonb_each_text(f.numbers) e
               where f.region_code = r and f.import_batch is distinct from batch) x
          on x.key = k.kind and x.value = k.num
       where r = any(fazhi_regions())
    $$;
    -- The timelines and clocks of a batch's cases, set-based: the row-level-security
    -- check of case_event and case_clock (a lookup of the case per row, planned without
    -- statistics for rows written in the same transaction) is done once here instead —
    -- the batch must be visible to the caller, and only cases of that batch are joined.
    create function fazhi_import_timelines(r text, batch bigint, at timestamptz,
        actor_user bigint, actor_unit bigint, actor_name text, events jsonb, clocks jsonb)
      returns void language plpgsql security definer set search_path = public as $$
    declare
      n bigint;
    begin
      if not exists (select 1 from case_import b where b.region_code = r and b.id = batch
                       and fazhi_row_visible(b.region_code, b.unit_id)) then
        raise exception 'import batch % is not one of yours', batch using errcode = '42501';
      end if;
      insert into case_event (region_code, case_id, seq, kind, action, from_state, to_state,
          on_date, at, actor_user_id, actor_unit_id, actor_name, data, reason)
        select r, f.id, e.seq, e.kind, e.action, e.from_state, e.to_state, e.on_date, at,
               actor_user, actor_unit, actor_name, e.data, null
          from jsonb_to_recordset(events) as e(case_id bigint, seq int, kind text, action text,
                 from_state text, to_state text, on_date date, data jsonb)
          join case_file f on f.region_code = r and f.id = e.case_id and f.import_batch = batch;
      get diagnostics n = row_count;
      if n <> jsonb_array_length(events) then
        raise exception 'events for cases outside import batch %', batch using errcode = '42501';
      end if;
      insert into case_clock (region_code, case_id, clock, started_on, stopped_on)
        select r, f.id, k.clock, k.started_on, k.stopped_on
          from jsonb_to_recordset(clocks) as k(case_id bigint, clock text, started_on date,
                 stopped_on date)
          join case_file f on f.region_code = r and f.id = k.case_id and f.import_batch = batch;
      get diagnostics n = row_count;
      if n <> jsonb_array_length(clocks) then
        raise exception 'clocks for cases outside import batch %', batch using errcode = '42501';
      end if;
    end $$;
    revoke all on function fazhi_import_timelines from public;
    grant execute on function fazhi_import_timelines to fazhi_app;
  `.execute(db);
  await grantApp(db, "case_import", ["select", "insert", "update"]);
  await enableTenantRls(db, "case_import", { unitColumn: "unit_id" });
}

export async function down(): Promise<void> {
  throw new Error("the case import migration cannot be reverted");
}
