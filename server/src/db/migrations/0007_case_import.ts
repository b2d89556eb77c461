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
    -- Numbers are unique per kind within a region; an import checks its numbers against
    -- every case of the region (also those row-level security hides from a unit).
    create index case_file_numbers on case_file using gin (numbers jsonb_path_ops);
    create function fazhi_case_numbers_taken(r text, kinds text[], nums text[])
      returns table (kind text, num text)
      language sql stable security definer set search_path = public as $$
      select k.kind, k.num from unnest(kinds, nums) as k(kind, num)
       where r = any(fazhi_regions()) and exists (
         select 1 from case_file f where f.region_code = r
            and f.numbers @> jsonb_build_object(k.kind, k.num))
    $$;
  `.execute(db);
  await grantApp(db, "case_import", ["select", "insert", "update"]);
  await enableTenantRls(db, "case_import", { unitColumn: "unit_id" });
}

export async function down(): Promise<void> {
  throw new Error("the case import migration cannot be reverted");
}
