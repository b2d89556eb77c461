import { sql, type Transaction } from "kysely";
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

/** A chain's head: the last event's seq and hash (0 and the genesis for a new chain). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Read and lock a chain's head in one statement: created at the genesis when the chain
 * is new, otherwise locked (a no-op update) and returned as it stands. The lock is held
 * until commit, so events on one chain are written one after another.
 */
export async function lockChainHead(
  trx: Transaction<DB>,
  regionCode: string,
  chainKey: string,
): Promise<ChainHead> {
  const { rows } = await sql<ChainHead>`
    insert into audit_chain_head (region_code, chain_key, seq, hash)
    values (${regionCode}, ${chainKey}, 0, ${GENESIS_HASH})
    on conflict (region_code, chain_key) do update set seq = audit_chain_head.seq
    returning seq, hash`.execute(trx);
  return rows[0]!;
}

/** An audit event hashed onto its chain's head, ready to be written (`auditWrite`). */
export interface PreparedAudit {
  regionCode: string;
  chainKey: string;
  seq: number;
  hash: string;
  row: {
    occurred_at: Date;
    actor_user_id: number | null;
    actor_unit_id: number | null;
    actor_name: string | null;
    ip: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    before: string | null;
    after: string | null;
    reason: string | null;
    prev_hash: string;
  };
}

/**
 * A change's text as it will be stored, refused without a reason where one is required
 * and when its text cannot be stored (no I/O).
 */
export function cleanChange(change: AuditChange): {
  reason: string | null;
  before: unknown;
  after: unknown;
} {
  const clean = storable({
    reason: change.reason?.trim() || null,
    before: stored(change.before),
    after: stored(change.after),
  });
  if (change.reasonRequired && !clean.reason) {
    throw new ValidationError(t("此操作须填写理由", `a reason is required for ${change.action}`), [
      { field: "reason", message: t("此操作须填写理由", `required for ${change.action}`) },
    ]);
  }
  return clean;
}

/** The event of a change, cleaned (`cleanChange`) and hashed onto `head` (no I/O). */
export function prepareAudit(
  ctx: AuditContext,
  change: AuditChange,
  head: ChainHead,
  clean = cleanChange(change),
): PreparedAudit {
  const reason = clean.reason;
  const chainKey = chainKeyOf(change.entityType, change.entityId);
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
  return {
    regionCode: event.regionCode,
    chainKey,
    seq: event.seq,
    hash: computeEventHash(event),
    row: {
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
    },
  };
}

/**
 * The writes of a prepared event as common table expressions (`name_event`,
 * `name_head`): the event inserted and its chain's head moved (the head locked before by
 * `lockChainHead`), to be sent in one
 * statement — alone (`recordAudit`) or with a step's other writes.
 */
export function auditWrite(a: PreparedAudit, name = "audit", opts: { fresh?: boolean } = {}) {
  const r = a.row;
  // A new chain (an entity created in this transaction) gets its head inserted: a head
  // that exists all the same makes the insert fail, and the transaction with it.
  const head = opts.fresh
    ? sql`insert into audit_chain_head (region_code, chain_key, seq, hash)
          values (${a.regionCode}, ${a.chainKey}, ${a.seq}, ${a.hash})`
    : sql`update audit_chain_head set seq = ${a.seq}, hash = ${a.hash}
           where region_code = ${a.regionCode} and chain_key = ${a.chainKey}`;
  return sql`${sql.raw(name)}_event as (
      insert into audit_event (region_code, chain_key, seq, occurred_at, actor_user_id,
        actor_unit_id, actor_name, ip, action, entity_type, entity_id, before, after, reason,
        prev_hash, hash)
      values (${a.regionCode}, ${a.chainKey}, ${a.seq}, ${r.occurred_at}, ${r.actor_user_id}::bigint,
        ${r.actor_unit_id}::bigint, ${r.actor_name}, ${r.ip}, ${r.action}, ${r.entity_type},
        ${r.entity_id}, ${r.before}::jsonb, ${r.after}::jsonb, ${r.reason}, ${r.prev_hash}, ${a.hash})),
    ${sql.raw(name)}_head as (${head})`;
}

/** Record one audit event: its chain's head read and locked, then the event and the head moved (two statements). */
export async function recordAudit(
  trx: Transaction<DB>,
  ctx: AuditContext,
  change: AuditChange,
): Promise<{ seq: number; hash: string }> {
  // Checked before any statement: a refused change writes nothing.
  const clean = cleanChange(change);
  const head = await lockChainHead(
    trx,
    change.regionCode,
    chainKeyOf(change.entityType, change.entityId),
  );
  const a = prepareAudit(ctx, change, head, clean);
  await sql`with ${auditWrite(a)} select 1`.execute(trx);
  return { seq: a.seq, hash: a.hash };
}

/**
 * Many audit events in a few statements (bulk imports): the heads of the chains named
 * are read and locked in one statement, the events are hashed here (each chained to
 * the one before it on its chain, in the order given), then inserted in one statement
 * and the heads moved in one. The chains are exactly what `recordAudit` would have
 * written one event at a time, so `fazhi audit verify` checks them the same way.
 */
export async function recordAuditBatch(
  trx: Transaction<DB>,
  ctx: AuditContext,
  changes: readonly AuditChange[],
  opts: {
    /**
     * Every entity named was created in this transaction (an identity value, never
     * used before): its chain starts at the genesis, so no head is read — a head that
     * exists all the same makes the insert of the heads fail, and the transaction with it.
     */
    fresh?: boolean;
  } = {},
): Promise<void> {
  if (changes.length === 0) return;
  for (const c of changes) {
    if (c.reasonRequired && !c.reason?.trim()) {
      throw new ValidationError(`a reason is required for ${c.action}`, [
        { field: "reason", message: `required for ${c.action}` },
      ]);
    }
  }
  const keyOf = (region: string, chainKey: string) => `${region}\u0000${chainKey}`;
  const wanted = new Map<string, { region: string; chainKey: string }>();
  for (const c of changes) {
    const chainKey = chainKeyOf(c.entityType, c.entityId);
    wanted.set(keyOf(c.regionCode, chainKey), { region: c.regionCode, chainKey });
  }
  const list = [...wanted.values()];
  const { rows: found } = opts.fresh
    ? { rows: [] }
    : await sql<{ region_code: string; chain_key: string; seq: number; hash: string }>`
    select h.region_code, h.chain_key, h.seq, h.hash from audit_chain_head h
      join unnest(${list.map((x) => x.region)}::text[], ${list.map((x) => x.chainKey)}::text[])
        as k(region_code, chain_key) using (region_code, chain_key)
     for update of h`.execute(trx);
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const h of found) heads.set(keyOf(h.region_code, h.chain_key), { seq: h.seq, hash: h.hash });

  const occurredAt = ctx.now.toISOString();
  const events: Record<string, unknown>[] = [];
  for (const c of changes) {
    const chainKey = chainKeyOf(c.entityType, c.entityId);
    const k = keyOf(c.regionCode, chainKey);
    const head = heads.get(k) ?? { seq: 0, hash: GENESIS_HASH };
    const event = {
      regionCode: c.regionCode,
      chainKey,
      seq: head.seq + 1,
      occurredAt,
      actorUserId: ctx.actor ? String(ctx.actor.userId) : null,
      actorUnitId: ctx.actor ? String(ctx.actor.unitId) : null,
      actorName: ctx.actor?.displayName ?? null,
      ip: ctx.ip,
      action: c.action,
      entityType: c.entityType,
      entityId: String(c.entityId),
      before: stored(c.before),
      after: stored(c.after),
      reason: c.reason?.trim() || null,
      prevHash: head.hash,
    };
    const hash = computeEventHash(event);
    heads.set(k, { seq: event.seq, hash });
    events.push({
      region_code: event.regionCode,
      chain_key: chainKey,
      seq: event.seq,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      before: event.before,
      after: event.after,
      reason: event.reason,
      prev_hash: event.prevHash,
      hash,
    });
  }
  await sql`
    insert into audit_event (region_code, chain_key, seq, occurred_at, actor_user_id, actor_unit_id,
      actor_name, ip, action, entity_type, entity_id, before, after, reason, prev_hash, hash)
    select e.region_code, e.chain_key, e.seq, ${ctx.now}, ${ctx.actor?.userId ?? null},
      ${ctx.actor?.unitId ?? null}, ${ctx.actor?.displayName ?? null}, ${ctx.ip}, e.action,
      e.entity_type, e.entity_id, e.before, e.after, e.reason, e.prev_hash, e.hash
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(region_code text,
        chain_key text, seq int, action text, entity_type text, entity_id text, before jsonb,
        after jsonb, reason text, prev_hash text, hash text)`.execute(trx);
  const moved = [...heads.entries()]
    .filter(([k]) => wanted.has(k))
    .map(([k, h]) => ({ ...wanted.get(k)!, seq: h.seq, hash: h.hash }));
  await sql`
    insert into audit_chain_head (region_code, chain_key, seq, hash)
    select h.region, h."chainKey", h.seq, h.hash
      from jsonb_to_recordset(${JSON.stringify(moved)}::jsonb)
        as h(region text, "chainKey" text, seq int, hash text)
    ${opts.fresh ? sql`` : sql`on conflict (region_code, chain_key) do update set seq = excluded.seq, hash = excluded.hash`}`.execute(
    trx,
  );
}
