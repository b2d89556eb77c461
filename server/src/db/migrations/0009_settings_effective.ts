import { type Kysely, sql } from "kysely";

/**
 * Settings in force on a date: a region's value of a setting has the day it takes effect
 * (`effective_from`), and a new value is a new row — the earlier ones stay, so a clock
 * that started under the old value keeps its due date (a change never alters a past
 * deadline). A row with a null value means "from this day, inherit again". Values set
 * before this migration count as in force since always (1970-01-01). The app role may
 * add values, and replace one whose day has not come (checked in engines/settings.ts);
 * it may no longer delete any.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table setting add column effective_from date not null default '1970-01-01';
    alter table setting alter column effective_from drop default;
    alter table setting alter column value drop not null;
    alter table setting add column basis text;
    alter table setting drop constraint setting_pkey;
    alter table setting add primary key (region_code, code, effective_from);
    drop policy setting_delete on setting;
    revoke delete on setting from fazhi_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the settings history migration cannot be reverted");
}
