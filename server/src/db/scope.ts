import { type Kysely, sql, type Transaction } from "kysely";
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

export async function withScope<T>(
  db: Kysely<DB>,
  scope: DataScope,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await applyScope(trx, scope);
    return fn(trx);
  });
}

export async function applyScope(trx: Transaction<DB>, scope: DataScope): Promise<void> {
  await sql`select set_config('fazhi.regions', ${scope.regions.join(",")}, true),
                   set_config('fazhi.unit', ${scope.unitId === undefined ? "*" : String(scope.unitId)}, true),
                   set_config('fazhi.user', ${scope.userId === undefined ? "" : String(scope.userId)}, true),
                   set_config('fazhi.home', ${scope.home ?? ""}, true)`.execute(trx);
}
