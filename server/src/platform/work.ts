import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { withScope } from "../db/scope.ts";
import type { Actor } from "../kernel/access.ts";
import { type LocalDate, toLocalDate } from "../kernel/time/index.ts";
import { type AuditChange, type AuditContext, recordAudit } from "./audit/record.ts";

/**
 * One unit of work: one transaction on the app role under the actor's data scope
 * (row-level security), the moment it happens, and the audit trail written in the same
 * transaction. Every engine action takes a WorkTx; HTTP handlers and the demo loader
 * make one with `inWork`.
 */
export interface WorkTx {
  trx: Transaction<DB>;
  actor: Actor;
  now: Date;
  /** The civil date of `now` in Asia/Shanghai. */
  today: LocalDate;
  ip: string | null;
  /** Who, from where and when, for the audit trail: resolved once for the unit of work. */
  auditContext: AuditContext;
  audit(change: AuditChange): Promise<void>;
}

export function scopeOf(actor: Actor) {
  return {
    regions: actor.regions,
    unitId: actor.scope === "unit" ? actor.unitId : undefined,
    userId: actor.userId,
    home: actor.regionCode,
  };
}

export async function inWork<T>(
  db: Kysely<DB>,
  actor: Actor,
  now: Date,
  ip: string | null,
  fn: (w: WorkTx) => Promise<T>,
): Promise<T> {
  const auditContext: AuditContext = { actor, ip, now };
  return withScope(db, scopeOf(actor), (trx) =>
    fn({
      trx,
      actor,
      now,
      today: toLocalDate(now),
      ip,
      auditContext,
      audit: (change) => recordAudit(trx, auditContext, change).then(() => undefined),
    }),
  );
}
