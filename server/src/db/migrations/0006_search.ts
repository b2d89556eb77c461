import { type Kysely, sql } from "kysely";
import { grantApp } from "./helpers.ts";

/**
 * Full-text search (engines/search): the law library and one search document per
 * searchable record and audience.
 *
 * Tokens are built in TypeScript (Intl.Segmenter words + character bigrams, see
 * engines/search/text.ts) and stored as a `tsvector` of config `simple` with a GIN
 * index, so a two-character query (法治) is one lexeme served by the index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- The law library: national texts, reference data (global, like region).
    create table law (
      code text primary key check (code ~ '^[a-z0-9_]+$'),
      title text not null,
      short_title text not null,
      title_en text not null,
      version_date date not null,
      source_file text not null,
      sm3 text not null,
      loaded_at timestamptz not null
    );
    create table law_article (
      law_code text not null references law(code) on delete cascade,
      article_no int not null check (article_no > 0),
      label text not null,
      chapter text,
      text text not null,
      tokens tsvector not null,
      primary key (law_code, article_no)
    );
    create index law_article_tokens on law_article using gin (tokens);

    -- One document per searchable record (case, register entry, document) and audience:
    -- 'internal' (the declared search fields, read under row-level security like the
    -- record) and 'public' (the record's public projection only, for the portal).
    create table search_doc (
      region_code text not null references region(code),
      kind text not null check (kind in ('case', 'register', 'document')),
      record_id bigint not null,
      audience text not null check (audience in ('internal', 'public')),
      source text not null,
      unit_id bigint not null references unit(id),
      status text,
      on_date date,
      title text not null,
      body text not null,
      tokens tsvector not null,
      indexed_at timestamptz not null,
      primary key (region_code, kind, record_id, audience)
    );
    create index search_doc_tokens on search_doc using gin (tokens);
  `.execute(db);

  await grantApp(db, "law", ["select"]);
  await grantApp(db, "law_article", ["select"]);
  await grantApp(db, "search_doc", ["select", "insert", "update", "delete"]);

  // A search document is visible exactly when its record is: the policy asks the
  // record's own table, under that table's row-level security (a case: its unit,
  // participants, the parent's unit, region scope; a register entry: its visibility).
  await sql`
    create function fazhi_search_record_visible(r text, k text, rec bigint) returns boolean
      language sql stable as $$
      select case when k = 'register'
        then exists (select 1 from register_entry e where e.region_code = r and e.id = rec)
        else exists (select 1 from case_file c where c.region_code = r and c.id = rec) end
    $$;
    alter table search_doc enable row level security;
    create policy search_doc_tenant on search_doc to fazhi_app
      using (region_code = any(fazhi_regions()) and fazhi_search_record_visible(region_code, kind, record_id))
      with check (region_code = any(fazhi_regions()) and fazhi_search_record_visible(region_code, kind, record_id));

    -- The index lookup. Row-level security keeps a non-leakproof operator such as @@ from
    -- being used as an index condition below the policy (PostgreSQL evaluates policy
    -- quals first), so under the policy every search would scan the table. This function
    -- (as the owner) finds the matching documents of the caller's regions through the GIN
    -- index; the caller then reads them from search_doc under the policy, which keeps
    -- only the records it may see. It returns keys only, never text, and only of the
    -- regions in the caller's scope.
    create function fazhi_search_match(q tsquery, aud text)
      returns table (region_code text, kind text, record_id bigint)
      language sql stable security definer set search_path = public as $$
      select d.region_code, d.kind, d.record_id from search_doc d
       where d.tokens @@ q and d.audience = aud and d.region_code = any(fazhi_regions())
    $$;
    revoke all on function fazhi_search_match(tsquery, text) from public;
    grant execute on function fazhi_search_match(tsquery, text) to fazhi_app;

    -- A deleted record takes its search documents with it (as the owner: once the record
    -- is gone, the policy above no longer shows them to the deleting user).
    create function fazhi_search_forget() returns trigger
      language plpgsql security definer set search_path = public as $$
      begin
        delete from search_doc
         where region_code = old.region_code and record_id = old.id
           and (case when tg_table_name = 'register_entry' then kind = 'register' else kind <> 'register' end);
        return old;
      end $$;
    create trigger case_file_search_forget after delete on case_file
      for each row execute function fazhi_search_forget();
    create trigger register_entry_search_forget after delete on register_entry
      for each row execute function fazhi_search_forget();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the search migration cannot be reverted");
}
