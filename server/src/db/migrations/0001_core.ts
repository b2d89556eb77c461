import { type Kysely, sql } from "kysely";
import { enableTenantRls, grantApp, makeAppendOnly } from "./helpers.ts";

/**
 * The platform core: reference data (regions, units), identity (users, roles,
 * sessions), the security log, the legal calendar, and the audit trail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function fazhi_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name using errcode = '42501';
    end $$;

    create function fazhi_regions() returns text[] language sql stable as $$
      select coalesce(string_to_array(nullif(current_setting('fazhi.regions', true), ''), ','), '{}')
    $$;
    create function fazhi_unit() returns bigint language sql stable as $$
      select nullif(current_setting('fazhi.unit', true), '')::bigint
    $$;
    create function fazhi_row_visible(r text, u bigint) returns boolean language sql stable as $$
      select r = any(fazhi_regions()) and (fazhi_unit() is null or u = fazhi_unit())
    $$;

    create table region (
      code text primary key check (code ~ '^[0-9]{6}$'),
      name_zh text not null,
      name_en text not null,
      parent_code text references region(code),
      level text not null check (level in ('province', 'city', 'county'))
    );

    create table unit (
      id bigint generated always as identity primary key,
      region_code text not null references region(code),
      code text not null check (code ~ '^[a-z0-9_.-]+$'),
      name_zh text not null,
      name_en text not null default '',
      kind text not null,
      parent_id bigint references unit(id),
      created_at timestamptz not null default now(),
      unique (region_code, code)
    );

    create table app_user (
      id bigint generated always as identity primary key,
      username text not null unique check (username ~ '^[a-z0-9_.-]{3,64}$'),
      display_name text not null,
      region_code text not null references region(code),
      unit_id bigint not null references unit(id),
      password_hash text not null,
      must_change_password boolean not null default false,
      failed_logins int not null default 0,
      locked_until timestamptz,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      password_changed_at timestamptz not null default now()
    );

    create table user_role (
      user_id bigint not null references app_user(id) on delete cascade,
      role text not null,
      primary key (user_id, role)
    );

    create table session (
      token_hash text primary key,
      user_id bigint not null references app_user(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index session_by_user on session (user_id);

    create table security_event (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      kind text not null,
      username text,
      user_id bigint,
      region_code text,
      ip text,
      detail jsonb not null default '{}'
    );

    create table calendar_notice (
      year int primary key check (year between 1990 and 2200),
      document text not null,
      notice jsonb not null,
      loaded_at timestamptz not null default now(),
      loaded_by text not null
    );

    create table audit_event (
      region_code text not null references region(code),
      chain_key text not null,
      seq int not null check (seq > 0),
      occurred_at timestamptz not null,
      actor_user_id bigint,
      actor_unit_id bigint,
      actor_name text,
      ip text,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      before jsonb,
      after jsonb,
      reason text,
      prev_hash text not null,
      hash text not null,
      primary key (region_code, chain_key, seq)
    );
    create index audit_event_time on audit_event (region_code, occurred_at);

    create table audit_chain_head (
      region_code text not null references region(code),
      chain_key text not null,
      seq int not null,
      hash text not null,
      primary key (region_code, chain_key)
    );

    create table audit_anchor (
      region_code text not null references region(code),
      anchor_seq int not null check (anchor_seq > 0),
      anchored_at timestamptz not null,
      payload jsonb not null,
      digest text not null,
      signature text not null,
      primary key (region_code, anchor_seq)
    );
  `.execute(db);

  for (const t of ["audit_event", "audit_anchor", "security_event"]) await makeAppendOnly(db, t);

  await grantApp(db, "region", ["select"]);
  await grantApp(db, "unit", ["select"]);
  await grantApp(db, "app_user", ["select", "insert", "update"]);
  await grantApp(db, "user_role", ["select", "insert", "delete"]);
  await grantApp(db, "session", ["select", "insert", "update", "delete"]);
  await grantApp(db, "security_event", ["select", "insert"]);
  await grantApp(db, "calendar_notice", ["select"]);
  await grantApp(db, "audit_event", ["select", "insert"]);
  await grantApp(db, "audit_chain_head", ["select", "insert", "update"]);
  await grantApp(db, "audit_anchor", ["select"]);

  await enableTenantRls(db, "audit_event");
  await enableTenantRls(db, "audit_chain_head");
  await enableTenantRls(db, "audit_anchor");
}

export async function down(): Promise<void> {
  throw new Error("the core migration cannot be reverted");
}
