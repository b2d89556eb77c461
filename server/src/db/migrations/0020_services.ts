import { type Kysely, sql } from "kysely";

/**
 * Indexes for government services at a province's scale (millions of applications a
 * year, docs/services.md): the indicators count concluded applications by closing date
 * and joint matters by opening date, per region, set-based. Partial indexes on the
 * services' case types only, so that other case types' writes do not pay for them; the
 * catalogue's lookups by item code at intake use the register's unique key.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index service_case_closed on case_file (region_code, case_type, closed_on)
      where case_type in ('service_application', 'service_joint');
    create index service_case_opened on case_file (region_code, case_type, opened_on)
      where case_type in ('service_application', 'service_joint');
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists service_case_closed;
    drop index if exists service_case_opened;
  `.execute(db);
}
