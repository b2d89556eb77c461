import { type Kysely, sql } from "kysely";

/**
 * An entry's keys by entry (issue 9): replacing an entry's keys deleted
 * `register_key … where entry_id = ?` by scanning the register's keys, which made the
 * import worse than linear. `if not exists`: the case engine's performance work may add
 * the same index under this name (its migration 0012 does: then this is a no-op).
 *
 * And statistics for rows loaded in one transaction: autovacuum never sees an import
 * until it commits, so the planner keeps the estimates of an empty table and plans the
 * row-level-security checks of the import's own inserts (does the entry exist, may the
 * actor see it) as scans of the register: quadratic in rows. The import analyses the
 * tables it fills between its batches while they are small, through this function
 * (ANALYZE needs the tables' owner; it reads statistics only and returns nothing).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index if not exists register_key_entry
      on register_key (region_code, register, entry_id);

    -- Only tables the planner takes for small (under 10,000 rows by its statistics, or
    -- never analysed): on a larger table the key lookups are planned as index scans
    -- anyway, and ANALYZE holds a lock until commit that serialises concurrent imports
    -- (and keeps autovacuum off the table meanwhile).
    create or replace function fazhi_analyze_registers() returns void
      language plpgsql security definer set search_path = public as $$
      declare t text;
      begin
        foreach t in array array['register_entry', 'register_key', 'search_doc'] loop
          if (select reltuples from pg_class where oid = t::regclass) < 10000 then
            execute format('analyze %I', t);
          end if;
        end loop;
      end $$;
    revoke all on function fazhi_analyze_registers() from public;
    grant execute on function fazhi_analyze_registers() to fazhi_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the register key index migration cannot be reverted");
}
