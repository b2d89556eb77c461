import { type Kysely, sql } from "kysely";
import { enableTenantRls, grantApp } from "./helpers.ts";

/**
 * The engines' storage. Case types and registers are declared in TypeScript and share
 * these tables; a declared type's own fields live in `fields` / `data` (jsonb,
 * validated by the declaration's zod schema on every write).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A case: anything with a lifecycle and a legal clock.
    create table case_file (
      region_code text not null references region(code),
      id bigint generated always as identity,
      case_type text not null,
      unit_id bigint not null references unit(id),
      state text not null,
      title text not null,
      fields jsonb not null default '{}',
      numbers jsonb not null default '{}',
      parent_id bigint,
      version int not null default 1,
      opened_on date not null,
      closed_on date,
      handler_user_id bigint references app_user(id),
      created_by bigint references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (region_code, id),
      foreign key (region_code, parent_id) references case_file (region_code, id)
    );
    create index case_file_type on case_file (region_code, case_type, state);
    create index case_file_unit on case_file (region_code, unit_id);
    create index case_file_parent on case_file (region_code, parent_id) where parent_id is not null;

    -- Units taking part in a case they do not own (supporting, joint processing, respondent).
    create table case_participant (
      region_code text not null,
      case_id bigint not null,
      unit_id bigint not null references unit(id),
      role text not null,
      primary key (region_code, case_id, unit_id, role),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );
    create index case_participant_unit on case_participant (region_code, unit_id);

    -- The timeline: every step of a case, in order.
    create table case_event (
      region_code text not null,
      case_id bigint not null,
      seq int not null,
      kind text not null,
      action text not null,
      from_state text,
      to_state text,
      on_date date not null,
      at timestamptz not null,
      actor_user_id bigint,
      actor_unit_id bigint,
      actor_name text,
      data jsonb not null default '{}',
      reason text,
      primary key (region_code, case_id, seq),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );

    -- Clocks (time limits) started on a case; due dates are computed, never stored.
    create table case_clock (
      region_code text not null,
      case_id bigint not null,
      clock text not null,
      started_on date not null,
      stopped_on date,
      primary key (region_code, case_id, clock),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );

    -- Suspensions (the clock stops) and extensions (with approval), as records.
    create table case_suspension (
      region_code text not null,
      case_id bigint not null,
      id bigint generated always as identity,
      clock text,
      from_date date not null,
      to_date date,
      reason text not null,
      primary key (region_code, id),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );
    create table case_extension (
      region_code text not null,
      case_id bigint not null,
      id bigint generated always as identity,
      clock text not null,
      period text not null,
      basis text not null,
      approved_by text not null,
      on_date date not null,
      primary key (region_code, id),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );

    -- Typed links between cases, shown on both sides.
    create table case_link (
      region_code text not null,
      from_case_id bigint not null,
      kind text not null,
      to_case_id bigint not null,
      created_at timestamptz not null,
      primary key (region_code, from_case_id, kind, to_case_id),
      foreign key (region_code, from_case_id) references case_file (region_code, id),
      foreign key (region_code, to_case_id) references case_file (region_code, id)
    );
    create index case_link_to on case_link (region_code, to_case_id);

    -- Gapless numbers per issuer prefix, kind of document and year.
    create table number_sequence (
      region_code text not null references region(code),
      prefix text not null,
      kind text not null,
      year int not null,
      last int not null,
      primary key (region_code, prefix, kind, year)
    );

    -- Files, stored by content hash (SM3) outside the database.
    create table attachment (
      region_code text not null references region(code),
      id bigint generated always as identity,
      case_id bigint,
      unit_id bigint not null references unit(id),
      sm3 text not null,
      name text not null,
      mime text not null,
      size bigint not null,
      meta jsonb not null default '{}',
      uploaded_by bigint,
      uploaded_at timestamptz not null,
      primary key (region_code, id),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );
    create index attachment_case on attachment (region_code, case_id);

    -- A register entry: a record without a lifecycle (officers, equipment, meetings…).
    create table register_entry (
      region_code text not null references region(code),
      id bigint generated always as identity,
      register text not null,
      unit_id bigint not null references unit(id),
      visibility text not null check (visibility in ('unit', 'region')),
      data jsonb not null,
      version int not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      created_by bigint,
      updated_by bigint,
      primary key (region_code, id)
    );
    create index register_entry_by_register on register_entry (region_code, register, unit_id);

    -- Unique keys of register entries (declared per register).
    create table register_key (
      region_code text not null,
      register text not null,
      key_name text not null,
      key_value text not null,
      entry_id bigint not null,
      primary key (region_code, register, key_name, key_value),
      foreign key (region_code, entry_id) references register_entry (region_code, id) on delete cascade
    );
  `.execute(db);

  // Row-level security. A case is visible to its unit, to units taking part in it, to
  // the unit owning its parent (sub-cases), and to region-scoped actors of its region; its children follow the case. The two
  // SECURITY DEFINER helpers read across case_file/case_participant without recursing
  // into each other's policies.
  await sql`
    create function fazhi_case_unit(r text, c bigint) returns bigint
      language sql stable security definer set search_path = public as $$
      select unit_id from case_file where region_code = r and id = c
    $$;
    create function fazhi_participates(r text, c bigint) returns boolean
      language sql stable security definer set search_path = public as $$
      select exists (select 1 from case_participant
                     where region_code = r and case_id = c and unit_id = fazhi_unit())
    $$;
    -- Sub-cases still open under a parent, counted across units (a unit sees its own only).
    create function fazhi_open_sub_cases(r text, parent bigint) returns bigint
      language sql stable security definer set search_path = public as $$
      select count(*) from case_file where region_code = r and parent_id = parent and closed_on is null
    $$;
    alter table case_file enable row level security;
    create policy case_file_tenant on case_file to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or unit_id = fazhi_unit() or fazhi_participates(region_code, id)
        or (parent_id is not null and fazhi_case_unit(region_code, parent_id) = fazhi_unit())))
      with check (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or unit_id = fazhi_unit() or fazhi_participates(region_code, id)
        or (parent_id is not null and fazhi_case_unit(region_code, parent_id) = fazhi_unit())));
    -- A step of a case that the caller can see may start or stop a clock on a case linked
    -- to it, which the caller may not see (a review of another unit's decision): only
    -- through these two functions, which check the link and the caller's own case.
    create function fazhi_case_visible(r text, c bigint) returns boolean
      language sql stable security definer set search_path = public as $$
      select exists (select 1 from case_file f where f.region_code = r and f.id = c
        and r = any(fazhi_regions()) and (fazhi_unit() is null or f.unit_id = fazhi_unit()
          or fazhi_participates(r, c)
          or (f.parent_id is not null and fazhi_case_unit(r, f.parent_id) = fazhi_unit())))
    $$;
    create function fazhi_linked_cases(r text, via bigint)
      returns table (kind text, other_id bigint, other_type text)
      language sql stable security definer set search_path = public as $$
      select l.kind, f.id, f.case_type from case_link l
        join case_file f on f.region_code = l.region_code
         and f.id = case when l.from_case_id = via then l.to_case_id else l.from_case_id end
       where fazhi_case_visible(r, via) and l.region_code = r
         and (l.from_case_id = via or l.to_case_id = via)
    $$;
    create function fazhi_linked_clock(r text, via bigint, target bigint, clk text, d date, start boolean)
      returns void language plpgsql security definer set search_path = public as $$
    begin
      if not fazhi_case_visible(r, via) or not exists (select 1 from case_link where region_code = r
          and ((from_case_id = via and to_case_id = target) or (from_case_id = target and to_case_id = via))) then
        raise exception 'case % is not linked to a case you work on', target using errcode = '42501';
      end if;
      if start then
        insert into case_clock (region_code, case_id, clock, started_on) values (r, target, clk, d)
          on conflict do nothing;
      else
        update case_clock set stopped_on = d
         where region_code = r and case_id = target and clock = clk and stopped_on is null;
      end if;
    end $$;
    alter table case_participant enable row level security;
    create policy case_participant_tenant on case_participant to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or unit_id = fazhi_unit()
        or fazhi_case_unit(region_code, case_id) = fazhi_unit()
        or fazhi_participates(region_code, case_id)))
      with check (region_code = any(fazhi_regions()));
  `.execute(db);
  for (const t of ["case_event", "case_clock", "case_suspension", "case_extension", "attachment"]) {
    await sql
      .raw(
        `alter table ${t} enable row level security;
         create policy ${t}_tenant on ${t} to fazhi_app
           using (region_code = any(fazhi_regions()) and (case_id is null or exists (
             select 1 from case_file c where c.region_code = ${t}.region_code and c.id = ${t}.case_id)))
           with check (region_code = any(fazhi_regions()) and (case_id is null or exists (
             select 1 from case_file c where c.region_code = ${t}.region_code and c.id = ${t}.case_id)));`,
      )
      .execute(db);
  }
  await sql`
    alter table case_link enable row level security;
    create policy case_link_tenant on case_link to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        exists (select 1 from case_file c where c.region_code = case_link.region_code and c.id = case_link.from_case_id)
        or exists (select 1 from case_file c where c.region_code = case_link.region_code and c.id = case_link.to_case_id)))
      with check (region_code = any(fazhi_regions()));
    alter table register_entry enable row level security;
    -- Reading follows the register's visibility; writing is the own unit's (or region scope).
    create policy register_entry_read on register_entry for select to fazhi_app
      using (region_code = any(fazhi_regions())
        and (visibility = 'region' or fazhi_unit() is null or unit_id = fazhi_unit()));
    create policy register_entry_insert on register_entry for insert to fazhi_app
      with check (fazhi_row_visible(region_code, unit_id));
    create policy register_entry_update on register_entry for update to fazhi_app
      using (fazhi_row_visible(region_code, unit_id)) with check (fazhi_row_visible(region_code, unit_id));
    create policy register_entry_delete on register_entry for delete to fazhi_app
      using (fazhi_row_visible(region_code, unit_id));
  `.execute(db);
  await sql`
    alter table register_key enable row level security;
    create policy register_key_read on register_key for select to fazhi_app
      using (region_code = any(fazhi_regions()));
    create policy register_key_write on register_key for insert to fazhi_app
      with check (exists (select 1 from register_entry e where e.region_code = register_key.region_code
        and e.id = register_key.entry_id and fazhi_row_visible(e.region_code, e.unit_id)));
    create policy register_key_delete on register_key for delete to fazhi_app
      using (exists (select 1 from register_entry e where e.region_code = register_key.region_code
        and e.id = register_key.entry_id and fazhi_row_visible(e.region_code, e.unit_id)));
  `.execute(db);
  await enableTenantRls(db, "number_sequence");

  for (const t of [
    "case_file",
    "case_participant",
    "case_clock",
    "case_suspension",
    "register_entry",
  ]) {
    await grantApp(db, t, ["select", "insert", "update", "delete"]);
  }
  for (const t of ["case_event", "case_extension", "case_link", "attachment"]) {
    await grantApp(db, t, ["select", "insert"]);
  }
  await grantApp(db, "case_link", ["delete"]);
  await grantApp(db, "register_key", ["select", "insert", "delete"]);
  await grantApp(db, "number_sequence", ["select", "insert", "update"]);
}

export async function down(): Promise<void> {
  throw new Error("the engines migration cannot be reverted");
}
