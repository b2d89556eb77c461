import { type Kysely, sql } from "kysely";

/**
 * An entry's keys by entry (issue 9): replacing an entry's keys deleted
 * `register_key … where entry_id = ?` by scanning the register's keys, which made the
 * import worse than linear. `if not exists`: the case engine's performance work may add
 * the same index under this name.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index if not exists register_key_by_entry
      on register_key (region_code, register, entry_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the register key index migration cannot be reverted");
}
