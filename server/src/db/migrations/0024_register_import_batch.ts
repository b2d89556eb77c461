import { type Kysely, sql } from "kysely";

/**
 * The register import's keys and search documents, a chunk at a time, checked once
 * (issue 9, issue 15: 9万余条 credit records in one file).
 *
 * Profiled on 90,000 credit records (docs/performance.md, "Register import"): most of
 * the database's time went to checks it repeated row by row for rows the import had
 * already checked as a set — the row-level-security `WITH CHECK` of `register_key`
 * (an `exists … register_entry` per key) and of `search_doc`
 * (`fazhi_search_record_visible`, an `exists` per document, two documents per entry).
 *
 * This function does the same check once per chunk: every entry id named must be an
 * entry of the register in region `r` that the caller sees and may write (the same
 * predicates as the policies: `fazhi_row_visible`, `fazhi_writes_in`), and every key
 * and document must belong to one of those entries; otherwise nothing is written
 * (42501). Keys are inserted `on conflict do nothing` and the keys that were not
 * inserted (taken meanwhile by a concurrent writer) are returned, for the import to
 * refuse; documents are upserted. Security definer (the owner is not subject to the
 * policies), like `fazhi_import_timelines` for the case import (migration 0007).
 *
 * `fazhi_register_entry_ids(n)`: n ids of the entries' identity, in order, drawn before
 * the entries are written, so that the import prepares a chunk's keys, documents and
 * audit events (tokenising, hashing) while the database writes the chunk before it, and
 * inserts the entries with these ids (`overriding system value`).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function fazhi_register_index(r text, reg text, ids bigint[], keys jsonb,
        docs jsonb, at timestamptz)
      returns table (key_name text, key_value text)
      language plpgsql security definer set search_path = public as $$
    #variable_conflict use_column
    declare
      n bigint;
    begin
      select count(*) into n from register_entry e
       where e.region_code = r and e.id = any(ids) and e.register = reg
         and fazhi_row_visible(e.region_code, e.unit_id) and fazhi_writes_in(e.region_code, null);
      if n <> cardinality(ids) then
        raise exception 'entries of % outside the caller''s scope', reg using errcode = '42501';
      end if;
      if exists (select 1 from jsonb_to_recordset(keys) as k(entry_id bigint)
                  where not k.entry_id = any(ids))
         or exists (select 1 from jsonb_to_recordset(docs) as d(record_id bigint)
                     where not d.record_id = any(ids)) then
        raise exception 'keys or documents of entries not named' using errcode = '42501';
      end if;

      insert into search_doc (region_code, kind, record_id, audience, source, unit_id, status,
          on_date, title, body, tokens, indexed_at)
        select r, 'register', d.record_id, d.audience, reg, d.unit_id, null, d.on_date,
               d.title, d.body, d.tokens::tsvector, at
          from jsonb_to_recordset(docs) as d(record_id bigint, audience text, unit_id bigint,
                 on_date date, title text, body text, tokens text)
      on conflict (region_code, kind, record_id, audience) do update set
        source = excluded.source, unit_id = excluded.unit_id, status = excluded.status,
        on_date = excluded.on_date, title = excluded.title, body = excluded.body,
        tokens = excluded.tokens, indexed_at = excluded.indexed_at;

      return query
        with k as (
          select x.key_name, x.key_value, x.entry_id
            from jsonb_to_recordset(keys) as x(key_name text, key_value text, entry_id bigint)
        ), ins as (
          insert into register_key as t (region_code, register, key_name, key_value, entry_id)
            select r, reg, k.key_name, k.key_value, k.entry_id from k
          on conflict (region_code, register, key_name, key_value) do nothing
          returning t.key_name, t.key_value
        )
        select k.key_name, k.key_value from k
          left join ins on ins.key_name = k.key_name and ins.key_value = k.key_value
         where ins.key_name is null;
    end $$;
    revoke all on function fazhi_register_index from public;

    create function fazhi_register_entry_ids(n int) returns setof bigint
      language sql security definer set search_path = public as $$
      select nextval(pg_get_serial_sequence('register_entry', 'id'))
        from generate_series(1, least(n, 200000))
    $$;
    revoke all on function fazhi_register_entry_ids from public;
    grant execute on function fazhi_register_entry_ids to fazhi_app;
    grant execute on function fazhi_register_index to fazhi_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the register import migration cannot be reverted");
}
