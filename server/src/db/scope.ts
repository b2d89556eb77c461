import { AsyncLocalStorage } from "node:async_hooks";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  PostgresDialect,
  sql,
  type Transaction,
  type TransactionSettings,
} from "kysely";
import type { DB } from "./schema.ts";

/**
 * What a transaction may see, enforced by row-level security: the regions visible to
 * the actor and, for unit-scoped actors, their unit. Set with set_config(…, true) so it
 * lasts for this transaction only and never leaks to the pooled connection's next user.
 */
export interface DataScope {
  regions: string[];
  /**
   * Set for unit scope (a unit sees its own records); undefined for region scope, written
   * as `*` — an unset or empty `fazhi.unit` means nothing (migration 0008).
   */
  unitId: number | undefined;
  userId: number | undefined;
  /**
   * The region the actor acts in (its own). A region-scoped transaction writes business
   * rows only there; the regions below it it supervises and does not write (migration
   * 0010). Unset: a region-scoped transaction writes nothing.
   */
  home?: string;
}

/** The scope a transaction about to begin should set with its BEGIN (see ScopedPostgresDialect). */
const beginning = new AsyncLocalStorage<{ statement: string; applied: boolean }>();

export async function withScope<T>(
  db: Kysely<DB>,
  scope: DataScope,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const statement = scopeStatement(scope);
  const pending = { statement: statement ?? "", applied: false };
  return beginning.run(pending, () =>
    db.transaction().execute(async (trx) => {
      // The dialect sent the scope with BEGIN in one round trip; otherwise set it now.
      if (!pending.applied) await applyScope(trx, scope);
      pending.applied = true;
      return fn(trx);
    }),
  );
}

export async function applyScope(trx: Transaction<DB>, scope: DataScope): Promise<void> {
  await sql`select set_config('fazhi.regions', ${scope.regions.join(",")}, true),
                   set_config('fazhi.unit', ${scope.unitId === undefined ? "*" : String(scope.unitId)}, true),
                   set_config('fazhi.user', ${scope.userId === undefined ? "" : String(scope.userId)}, true),
                   set_config('fazhi.home', ${scope.home ?? ""}, true)`.execute(trx);
}

/**
 * The scope as literal SQL for the BEGIN's round trip — only when every value is plainly
 * safe as a literal (region codes of letters and digits, integer ids); otherwise
 * undefined, and the scope is set with parameters in a statement of its own.
 */
function scopeStatement(scope: DataScope): string | undefined {
  const regions = scope.regions.join(",");
  if (!/^[0-9A-Za-z_,]*$/.test(regions)) return undefined;
  const unit = scope.unitId === undefined ? "*" : String(scope.unitId);
  const user = scope.userId === undefined ? "" : String(scope.userId);
  const home = scope.home ?? "";
  if (!/^(\*|[0-9]+)$/.test(unit) || !/^[0-9]*$/.test(user) || !/^[0-9A-Za-z_]*$/.test(home))
    return undefined;
  return `select set_config('fazhi.regions', '${regions}', true), set_config('fazhi.unit', '${unit}', true), set_config('fazhi.user', '${user}', true), set_config('fazhi.home', '${home}', true)`;
}

/**
 * PostgreSQL through node-postgres, with one change: a transaction begun by `withScope`
 * sends its BEGIN and its scope in one round trip (two statements of the simple query
 * protocol) instead of two (issue 9).
 */
export class ScopedPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const begin = driver.beginTransaction.bind(driver);
    driver.beginTransaction = async (
      connection: DatabaseConnection,
      settings: TransactionSettings,
    ) => {
      const pending = beginning.getStore();
      if (
        pending &&
        !pending.applied &&
        pending.statement &&
        !settings.isolationLevel &&
        !settings.accessMode
      ) {
        await connection.executeQuery(CompiledQuery.raw(`begin; ${pending.statement}`));
        pending.applied = true;
        return;
      }
      return begin(connection, settings);
    };
    return driver;
  }
}
