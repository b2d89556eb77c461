import { type Kysely, sql } from "kysely";
import { grantApp } from "./helpers.ts";

/**
 * The case engine, round two (issue 7 §2, §3):
 * - clock instances: a restartable clock keeps every start as its own row (the earlier
 *   ones are history); a start may carry the timestamp (hour periods) and where its date
 *   came from (the step, an input date, a case field);
 * - suspensions name the clock instances they stop (`case_suspension_clock`): a clock
 *   started later, or already stopped, is never changed by it;
 * - extensions record the clock instance, the approving user, the reason and the notice
 *   to the party;
 * - links may cross units and regions (a reconsideration body reviews another unit's
 *   act; a city reviews a district): `to_region_code`, and checked SECURITY DEFINER
 *   functions for creating such a link, reading the declared fields of the linked case,
 *   taking a declared follow-up step on it, and showing the reviews to the target's
 *   readers. Row-level security still hides everything else of the other unit's case.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table case_clock drop constraint case_clock_pkey;
    alter table case_clock add column id bigint generated always as identity;
    alter table case_clock add column instance int not null default 1;
    alter table case_clock add column started_at timestamptz;
    alter table case_clock add column start_source text not null default 'step';
    alter table case_clock add column superseded boolean not null default false;
    alter table case_clock add primary key (region_code, id);
    create unique index case_clock_instance on case_clock (region_code, case_id, clock, instance);

    create table case_suspension_clock (
      region_code text not null,
      case_id bigint not null,
      suspension_id bigint not null,
      clock_id bigint not null,
      primary key (region_code, suspension_id, clock_id),
      foreign key (region_code, suspension_id) references case_suspension (region_code, id),
      foreign key (region_code, clock_id) references case_clock (region_code, id),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );
    -- Suspensions recorded before: they stopped every clock running when they began
    -- (or the one they named).
    insert into case_suspension_clock (region_code, case_id, suspension_id, clock_id)
      select s.region_code, s.case_id, s.id, k.id
        from case_suspension s join case_clock k
          on k.region_code = s.region_code and k.case_id = s.case_id
       where (s.clock is null or s.clock = k.clock)
         and k.started_on <= s.from_date and (k.stopped_on is null or k.stopped_on > s.from_date);

    alter table case_extension add column clock_id bigint;
    alter table case_extension add column approved_by_user_id bigint references app_user(id);
    alter table case_extension add column reason text;
    alter table case_extension add column notice_on date;
    alter table case_extension add column notice_text text;
    update case_extension e set clock_id = k.id from case_clock k
     where k.region_code = e.region_code and k.case_id = e.case_id and k.clock = e.clock and k.instance = 1;

    alter table case_link add column to_region_code text;
    update case_link set to_region_code = region_code;
    alter table case_link alter column to_region_code set not null;
    alter table case_link drop constraint case_link_region_code_to_case_id_fkey;
    alter table case_link add foreign key (to_region_code, to_case_id) references case_file (region_code, id);
    drop index case_link_to;
    create index case_link_to on case_link (to_region_code, to_case_id);
  `.execute(db);
  await grantApp(db, "case_suspension_clock", ["select", "insert"]);
  await sql`
    alter table case_suspension_clock enable row level security;
    create policy case_suspension_clock_tenant on case_suspension_clock to fazhi_app
      using (region_code = any(fazhi_regions()) and exists (
        select 1 from case_file c where c.region_code = case_suspension_clock.region_code and c.id = case_suspension_clock.case_id))
      with check (region_code = any(fazhi_regions()) and exists (
        select 1 from case_file c where c.region_code = case_suspension_clock.region_code and c.id = case_suspension_clock.case_id));

    drop policy case_link_tenant on case_link;
    create policy case_link_tenant on case_link to fazhi_app
      using ((region_code = any(fazhi_regions()) and exists (select 1 from case_file c
                where c.region_code = case_link.region_code and c.id = case_link.from_case_id))
          or (to_region_code = any(fazhi_regions()) and exists (select 1 from case_file c
                where c.region_code = case_link.to_region_code and c.id = case_link.to_case_id)))
      with check (region_code = any(fazhi_regions()) and to_region_code = region_code);

    -- Whether the caller works on case (r, c): visible to it under the case policy.
    -- (fazhi_case_visible, migration 0003, is kept.)

    -- The cases linked to a case the caller works on, in either direction, across
    -- units and regions: the link's kind and the other case's key and type only.
    drop function fazhi_linked_clock(text, bigint, bigint, text, date, boolean);
    drop function fazhi_linked_cases(text, bigint);
    create function fazhi_linked_cases(r text, via bigint)
      returns table (kind text, direction text, other_region text, other_id bigint, other_type text)
      language sql stable security definer set search_path = public as $$
      select l.kind, 'out', f.region_code, f.id, f.case_type from case_link l
        join case_file f on f.region_code = l.to_region_code and f.id = l.to_case_id
       where fazhi_case_visible(r, via) and l.region_code = r and l.from_case_id = via
      union all
      select l.kind, 'in', f.region_code, f.id, f.case_type from case_link l
        join case_file f on f.region_code = l.region_code and f.id = l.from_case_id
       where fazhi_case_visible(r, via) and l.to_region_code = r and l.to_case_id = via
    $$;

    create function fazhi_is_linked(r text, via bigint, tr text, target bigint) returns boolean
      language sql stable security definer set search_path = public as $$
      select fazhi_case_visible(r, via) and exists (select 1 from case_link
        where (region_code = r and from_case_id = via and to_region_code = tr and to_case_id = target)
           or (region_code = tr and from_case_id = target and to_region_code = r and to_case_id = via))
    $$;

    -- Start (a new instance when restartable) or stop a clock of a linked case.
    create function fazhi_linked_clock(r text, via bigint, tr text, target bigint, clk text, d date,
                                       start boolean, restartable boolean)
      returns void language plpgsql security definer set search_path = public as $$
    declare
      last_instance int;
      running boolean;
    begin
      if not fazhi_is_linked(r, via, tr, target) then
        raise exception 'case % is not linked to a case you work on', target using errcode = '42501';
      end if;
      select instance, stopped_on is null into last_instance, running from case_clock
       where region_code = tr and case_id = target and clock = clk order by instance desc limit 1;
      if start then
        if last_instance is null then
          insert into case_clock (region_code, case_id, clock, started_on) values (tr, target, clk, d);
        elsif restartable then
          update case_clock set stopped_on = d, superseded = true
           where region_code = tr and case_id = target and clock = clk and stopped_on is null;
          insert into case_clock (region_code, case_id, clock, started_on, instance)
            values (tr, target, clk, d, last_instance + 1);
        end if;
      else
        update case_clock set stopped_on = d
         where region_code = tr and case_id = target and clock = clk and stopped_on is null;
      end if;
    end $$;

    -- Creating a link to a case the caller cannot see (a review of another unit's act):
    -- the caller works on the linking case; the target exists, is of an allowed type,
    -- and its unit is under the caller's unit's jurisdiction as the declaration states
    -- (the caller's unit's code is one of the reviewing units', in the target's region or,
    -- if allowed, in the region above it). Answers the target's type, or raises.
    create function fazhi_link_across(r text, via bigint, kind text, target bigint,
                                       target_types text[], reviewer_units text[],
                                       same_region boolean, parent_region boolean, at timestamptz)
      returns text language plpgsql security definer set search_path = public as $$
    declare
      t record;
      mine record;
    begin
      if not fazhi_case_visible(r, via) then
        raise exception 'case % is not yours', via using errcode = '42501';
      end if;
      select f.region_code, f.case_type, g.parent_code into t
        from case_file f join region g on g.code = f.region_code where f.id = target;
      if t is null or (target_types is not null and not t.case_type = any(target_types)) then
        raise exception 'no case % to review', target using errcode = 'P0002';
      end if;
      select u.code, u.region_code into mine from case_file f join unit u on u.id = f.unit_id
       where f.region_code = r and f.id = via;
      if not (mine.code = any(reviewer_units)
              and ((same_region and mine.region_code = t.region_code)
                   or (parent_region and mine.region_code = t.parent_code))) then
        raise exception 'no jurisdiction over case %', target using errcode = '42501';
      end if;
      insert into case_link (region_code, from_case_id, kind, to_case_id, to_region_code, created_at)
        values (r, via, kind, target, t.region_code, at) on conflict do nothing;
      return t.case_type;
    end $$;

    -- Read a linked case through the link: its state and the named fields only.
    create function fazhi_linked_read(r text, via bigint, link_kind text, names text[])
      returns table (direction text, other_region text, other_id bigint, other_type text,
                     state text, closed_on date, fields jsonb)
      language sql stable security definer set search_path = public as $$
      select x.direction, f.region_code, f.id, f.case_type, f.state, f.closed_on,
             coalesce((select jsonb_object_agg(k, v) from jsonb_each(f.fields) as e(k, v)
                        where k = any(names)), '{}'::jsonb)
        from fazhi_linked_cases(r, via) x
        join case_file f on f.region_code = x.other_region and f.id = x.other_id
       where x.kind = link_kind
    $$;

    -- A declared follow-up step on a linked case (a reconsideration decision revokes
    -- the penalty): the link is checked, the target must be in one of the declared
    -- states and at the expected version; the state changes, the step is on its
    -- timeline, and a terminal state stops its clocks.
    create function fazhi_linked_step(r text, via bigint, tr text, target bigint,
                                      from_states text[], to_state text, terminal boolean,
                                      d date, at timestamptz, actor_user bigint, actor_unit bigint,
                                      actor_name text, act text, data jsonb, why text)
      returns int language plpgsql security definer set search_path = public as $$
    declare
      cur record;
      next_seq int;
    begin
      if not fazhi_is_linked(r, via, tr, target) then
        raise exception 'case % is not linked to a case you work on', target using errcode = '42501';
      end if;
      select state, version into cur from case_file where region_code = tr and id = target for update;
      if not cur.state = any(from_states) then
        return 0;
      end if;
      update case_file set state = to_state, version = version + 1, updated_at = at,
             closed_on = case when terminal then d else null end
       where region_code = tr and id = target;
      select coalesce(max(seq), 0) + 1 into next_seq from case_event where region_code = tr and case_id = target;
      insert into case_event (region_code, case_id, seq, kind, action, from_state, to_state, on_date, at,
                              actor_user_id, actor_unit_id, actor_name, data, reason)
        values (tr, target, next_seq, 'transition', act, cur.state, to_state, d, at,
                actor_user, actor_unit, actor_name, data, why);
      if terminal then
        update case_clock set stopped_on = d where region_code = tr and case_id = target and stopped_on is null;
      end if;
      return cur.version + 1;
    end $$;

    -- The reviews of a case, for those who may see it: the reviewing case's kind of
    -- link, type, state and unit — nothing else of it.
    create function fazhi_reviews_of(r text, target bigint)
      returns table (kind text, review_region text, review_id bigint, review_type text,
                     state text, unit_id bigint, opened_on date, closed_on date)
      language sql stable security definer set search_path = public as $$
      select l.kind, f.region_code, f.id, f.case_type, f.state, f.unit_id, f.opened_on, f.closed_on
        from case_link l join case_file f on f.region_code = l.region_code and f.id = l.from_case_id
       where fazhi_case_visible(r, target) and l.to_region_code = r and l.to_case_id = target
    $$;
  `.execute(db);
  for (const f of [
    "fazhi_linked_cases(text, bigint)",
    "fazhi_is_linked(text, bigint, text, bigint)",
    "fazhi_linked_clock(text, bigint, text, bigint, text, date, boolean, boolean)",
    "fazhi_link_across(text, bigint, text, bigint, text[], text[], boolean, boolean, timestamptz)",
    "fazhi_linked_read(text, bigint, text, text[])",
    "fazhi_linked_step(text, bigint, text, bigint, text[], text, boolean, date, timestamptz, bigint, bigint, text, text, jsonb, text)",
    "fazhi_reviews_of(text, bigint)",
  ]) {
    await sql
      .raw(`revoke all on function ${f} from public; grant execute on function ${f} to fazhi_app`)
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error("the case engine's second migration cannot be reverted");
}
