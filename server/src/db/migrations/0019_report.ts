import { type Kysely, sql } from "kysely";
import { enableTenantRls, grantApp, makeAppendOnly } from "./helpers.ts";

/**
 * The report engine (docs/report.md): a published report, frozen. Publishing stores the
 * text (the version submitted upward and the public one, without personal contact
 * details), every figure, the records behind each (drill-down keys) and the SM3
 * fingerprint of figures and records. The table is append-only like the audit trail:
 * the database refuses any update or delete, so a published report never changes; a
 * later check compares it with today's figures instead.
 *
 * Readers: the region's business users and the city above (row-level security, region
 * scope); the public portal through `fazhi_public_reports` (the public version only).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table report_publication (
      region_code text not null references region(code),
      id bigint generated always as identity,
      unit_id bigint not null references unit(id),
      case_id bigint not null,
      template text not null check (template ~ '^[a-z][a-z0-9_]*$'),
      year int not null check (year between 1000 and 9999),
      title text not null,
      upward jsonb not null,
      public_body jsonb not null,
      figures jsonb not null,
      drill jsonb not null,
      fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
      published_on date not null,
      published_at timestamptz not null,
      published_by bigint not null references app_user(id),
      primary key (region_code, id),
      unique (region_code, template, year),
      foreign key (region_code, case_id) references case_file(region_code, id)
    );
  `.execute(db);
  await makeAppendOnly(db, "report_publication");
  await grantApp(db, "report_publication", ["select", "insert"]);
  await enableTenantRls(db, "report_publication");
  await sql`
    create policy report_publication_acts_insert on report_publication as restrictive
      for insert to fazhi_app
      with check (region_code = nullif(current_setting('fazhi.home', true), ''));

    -- The portal's view: a region's published reports, public version only.
    create function fazhi_public_reports(r text)
      returns table (id bigint, template text, year int, title text, public_body jsonb,
                     fingerprint text, published_on date)
      language sql stable security definer set search_path = public as $$
      select p.id, p.template, p.year, p.title, p.public_body, p.fingerprint, p.published_on
        from report_publication p where p.region_code = r
       order by p.year desc, p.id desc
    $$;
    revoke all on function fazhi_public_reports(text) from public;
    grant execute on function fazhi_public_reports(text) to fazhi_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("published reports cannot be unpublished");
}
