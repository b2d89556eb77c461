import { type Kysely, sql } from "kysely";

/** The app's database role: not a superuser, no BYPASSRLS; row-level security binds it. */
export const APP_ROLE = "fazhi_app";

type Privilege = "select" | "insert" | "update" | "delete";
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
type AnyDb = Kysely<any>;

export async function grantApp(db: AnyDb, table: string, privileges: Privilege[]) {
  await sql.raw(`grant ${privileges.join(", ")} on table ${table} to ${APP_ROLE}`).execute(db);
}

/** Refuse UPDATE, DELETE and TRUNCATE on an append-only table (audit, security log). */
export async function makeAppendOnly(db: AnyDb, table: string) {
  await sql
    .raw(
      `create trigger ${table}_append_only before update or delete on ${table}
         for each row execute function fazhi_refuse_change();
       create trigger ${table}_no_truncate before truncate on ${table}
         for each statement execute function fazhi_refuse_change();`,
    )
    .execute(db);
}

/**
 * Row-level security for a table of recorded work: the app role sees and writes only
 * rows of the regions in `fazhi.regions` and, when `fazhi.unit` is set (unit scope),
 * only its unit's rows. Set per transaction by `withScope` (db/scope.ts); when unset,
 * nothing is visible.
 */
export async function enableTenantRls(
  db: AnyDb,
  table: string,
  opts: { unitColumn?: string } = {},
) {
  const predicate = opts.unitColumn
    ? `fazhi_row_visible(region_code, ${opts.unitColumn})`
    : "region_code = any(fazhi_regions())";
  await sql
    .raw(
      `alter table ${table} enable row level security;
       create policy ${table}_tenant on ${table} to ${APP_ROLE}
         using (${predicate}) with check (${predicate});`,
    )
    .execute(db);
}
