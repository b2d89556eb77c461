import { type Kysely, sql } from "kysely";
import { grantApp } from "./helpers.ts";

/**
 * Settings that differ by province or city (where the law leaves a choice or a rule is
 * uncertain): a value per region, inherited by the regions below it; without one, the
 * declared national default applies.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table setting (
      region_code text not null references region(code),
      code text not null,
      value jsonb not null,
      updated_by bigint,
      updated_at timestamptz not null,
      primary key (region_code, code)
    );
  `.execute(db);
  await grantApp(db, "setting", ["select", "insert", "update", "delete"]);
  // The rules in force are no secret, and a district reads its city's and province's
  // values: everyone reads; only a region's own actors write its values.
  await sql`
    alter table setting enable row level security;
    create policy setting_read on setting for select to fazhi_app using (true);
    create policy setting_insert on setting for insert to fazhi_app with check (region_code = any(fazhi_regions()));
    create policy setting_update on setting for update to fazhi_app
      using (region_code = any(fazhi_regions())) with check (region_code = any(fazhi_regions()));
    create policy setting_delete on setting for delete to fazhi_app using (region_code = any(fazhi_regions()));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the settings migration cannot be reverted");
}
