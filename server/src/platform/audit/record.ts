import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../../kernel/access.ts";
import { computeEventHash, GENESIS_HASH } from "../../kernel/audit/chain.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import { cleanText } from "../../kernel/text.ts";

/**
 * Writing the audit trail (全过程记录). Every change records one event in the same
 * transaction as the change: who, unit, IP, time, action, entity, before, after, and a
 * reason where given. Events are hash-chained (SM3) per entity ("chain key"), so that
 * writes to different records never wait on one chain head.
 */
export interface AuditChange {
  regionCode: string;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** Refuse the change without a reason (actions a case type marks sensitive). */
  reasonRequired?: boolean;
}

export interface AuditContext {
  /** undefined for the system itself (CLI, demo loader, jobs). */
  actor: Pick<Actor, "userId" | "unitId" | "displayName"> | undefined;
  ip: string | null;
  now: Date;
}

export function chainKeyOf(entityType: string, entityId: string | number): string {
  return `${entityType}:${entityId}`;
}

/** JSON round trip: what jsonb will give back, so the hash is over what is stored. */
function stored(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/**
 * The text of an event exactly as PostgreSQL will store it: NFC, and refused if it
 * holds NUL or a lone surrogate (which the driver would turn into U+FFFD after the
 * hash was computed over the surrogate — a chain poisoned for ever; kernel/text.ts).
 * The HTTP layer refuses such input earlier with 400; this is the last line.
 */
function storable<T>(parts: T): T {
  const { value, problems } = cleanText(parts, "audit");
  if (problems.length > 0) {
    throw new ValidationError(
      t("审计记录包含无法保存的字符", "the audit record contains characters that cannot be stored"),
      problems,
    );
  }
  return value;
}

export async function recordAudit(
  trx: Transaction<DB>,
  ctx: AuditContext,
  change: AuditChange,
): Promise<{ seq: number; hash: string }> {
  const clean = storable({
    reason: change.reason?.trim() || null,
    before: stored(change.before),
    after: stored(change.after),
  });
  const reason = clean.reason;
  if (change.reasonRequired && !reason) {
    throw new ValidationError(t("此操作须填写理由", `a reason is required for ${change.action}`), [
      { field: "reason", message: t("此操作须填写理由", `required for ${change.action}`) },
    ]);
  }
  const chainKey = chainKeyOf(change.entityType, change.entityId);
  await trx
    .insertInto("audit_chain_head")
    .values({ region_code: change.regionCode, chain_key: chainKey, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.columns(["region_code", "chain_key"]).doNothing())
    .execute();
  const head = await trx
    .selectFrom("audit_chain_head")
    .select(["seq", "hash"])
    .where("region_code", "=", change.regionCode)
    .where("chain_key", "=", chainKey)
    .forUpdate()
    .executeTakeFirstOrThrow();

  const event = {
    regionCode: change.regionCode,
    chainKey,
    seq: head.seq + 1,
    occurredAt: ctx.now.toISOString(),
    actorUserId: ctx.actor ? String(ctx.actor.userId) : null,
    actorUnitId: ctx.actor ? String(ctx.actor.unitId) : null,
    actorName: ctx.actor?.displayName ?? null,
    ip: ctx.ip,
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    before: clean.before,
    after: clean.after,
    reason,
    prevHash: head.hash,
  };
  const hash = computeEventHash(event);
  await trx
    .insertInto("audit_event")
    .values({
      region_code: event.regionCode,
      chain_key: chainKey,
      seq: event.seq,
      occurred_at: ctx.now,
      actor_user_id: ctx.actor?.userId ?? null,
      actor_unit_id: ctx.actor?.unitId ?? null,
      actor_name: event.actorName,
      ip: event.ip,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      before: event.before === null ? null : JSON.stringify(event.before),
      after: event.after === null ? null : JSON.stringify(event.after),
      reason,
      prev_hash: event.prevHash,
      hash,
    })
    .execute();
  await trx
    .updateTable("audit_chain_head")
    .set({ seq: event.seq, hash })
    .where("region_code", "=", change.regionCode)
    .where("chain_key", "=", chainKey)
    .execute();
  return { seq: event.seq, hash };
}
