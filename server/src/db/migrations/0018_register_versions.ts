import { type Kysely, sql } from "kysely";
import { grantApp, makeAppendOnly } from "./helpers.ts";

/**
 * Published versions of a register (issue 14: 权责清单, 收费目录, 政务服务事项目录…):
 * each row is a frozen snapshot of the register's entries of a region (unit_id null) or
 * of one unit, with the publishing document's number, its publication date and the date
 * it is in force from. Versions are immutable: like the audit trail, triggers refuse
 * UPDATE, DELETE and TRUNCATE, and the app role has SELECT and INSERT only.
 *
 * Row-level security: a version of a region-visibility register is read by every unit
 * of its region; one of a unit-visibility register by its unit and region-scoped actors.
 * Writing: a unit publishes its own unit's list; a region-scoped session its home
 * region's (fazhi_writes_in, migration 0010).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table register_version (
      region_code text not null references region(code),
      id bigint generated always as identity,
      register text not null,
      unit_id bigint references unit(id),
      visibility text not null check (visibility in ('unit', 'region')),
      number text not null,
      published_on date not null,
      in_force_from date not null,
      entries jsonb not null check (jsonb_typeof(entries) = 'array'),
      entry_count int not null,
      digest text not null,
      published_at timestamptz not null,
      published_by bigint,
      primary key (region_code, id),
      unique (region_code, register, number),
      check (in_force_from >= published_on)
    );
    create index register_version_in_force
      on register_version (region_code, register, unit_id, in_force_from desc, id desc);

    alter table register_version enable row level security;
    create policy register_version_read on register_version for select to fazhi_app
      using (region_code = any(fazhi_regions()) and (
        fazhi_unit() is null or visibility = 'region' or unit_id = fazhi_unit()));
    create policy register_version_insert on register_version for insert to fazhi_app
      with check (region_code = any(fazhi_regions())
        and fazhi_writes_in(region_code, null)
        and (fazhi_unit() is null or unit_id = fazhi_unit()));
  `.execute(db);
  await grantApp(db, "register_version", ["select", "insert"]);
  await makeAppendOnly(db, "register_version");
}

export async function down(): Promise<void> {
  throw new Error("the register versions migration cannot be reverted");
}
