import fs from "node:fs/promises";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../src/db/schema.ts";

/**
 * What a refused request must not change: every business table's row count and newest
 * row version (PostgreSQL's `xmin`: an insert, update or delete moves one of the two),
 * the audit chains (`audit_event`, `audit_chain_head`) with them, and the files in the
 * file store. Left out: sessions and the security log (a refused request may log a
 * security event), the second factor's last-used step, and the login counters of `app_user` (failed logins, lockouts) —
 * its business columns are compared instead. Read as the owner (no row-level security).
 */
const SKIP = new Set([
  "session",
  // The second factor's state: a login's code step records the step it used (replay
  // protection), and a failed code counts like a failed password.
  "user_totp",
  "security_event",
  "app_user",
  "kysely_migration",
  "kysely_migration_lock",
]);

export interface Fingerprint {
  tables: Record<string, string>;
  files: number;
}

export function fingerprinter(owner: Kysely<DB>, fileDir: string) {
  let statement: string | undefined;
  const build = async () => {
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(owner);
    const parts = rows
      .map((r) => r.name)
      .filter((n) => !SKIP.has(n))
      .map(
        (n) =>
          `select '${n}' as name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as f from "${n}"`,
      );
    parts.push(
      `select 'app_user' as name, count(*)::text || ':' || coalesce(md5(string_agg(concat_ws('|', id, username, display_name, unit_id, region_code, password_hash, must_change_password, disabled), ',' order by id)), '') from app_user`,
      `select 'user_role#' as name, coalesce(md5(string_agg(user_id || role, ',' order by user_id, role)), '') from user_role`,
    );
    return parts.join(" union all ");
  };
  return async function fingerprint(): Promise<Fingerprint> {
    statement ??= await build();
    const { rows } = await sql<{ name: string; f: string }>`${sql.raw(statement)}`.execute(owner);
    return {
      tables: Object.fromEntries(rows.map((r) => [r.name, r.f])),
      files: await countFiles(fileDir),
    };
  };
}

async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  let n = 0;
  for (const e of entries) {
    if (e.isDirectory()) n += await countFiles(path.join(dir, e.name));
    else n += 1;
  }
  return n;
}

/** The tables (and the file store) whose fingerprint differs. */
export function changed(a: Fingerprint, b: Fingerprint): string[] {
  const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
  const out = [...names].filter((n) => a.tables[n] !== b.tables[n]);
  if (a.files !== b.files) out.push(`files (${a.files} → ${b.files})`);
  return out;
}
