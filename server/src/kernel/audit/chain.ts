/**
 * The pure part of the hash-chained audit log.
 *
 * Each change writes an event; events form one chain per (regionCode, chainKey), seq
 * 1, 2, 3, ... Each event stores the hash of its predecessor (prevHash; GENESIS_HASH
 * for seq 1) and its own hash = SM3 (GB/T 32905-2016) over the canonical JSON of all
 * its other fields. Editing a row changes its hash; deleting or inserting a row breaks
 * the seq run or the prevHash link. Someone who can write the database can still
 * rewrite a chain's whole tail consistently (SM3 is unkeyed); region anchors
 * (anchor.ts), signed with SM2 by a key outside the database, catch that.
 *
 * Basis: GB/T 22239-2019 8.1.4.3 c) [S] (audit records protected against deletion,
 * modification or overwrite) and 8.1.4.7 (integrity of 重要审计数据 by 校验技术或密码技术);
 * 行政处罚法 art. 47 [P] (全过程记录).
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json.ts";
import { ValidationError } from "../errors.ts";

/** prevHash of the first event of every chain. */
export const GENESIS_HASH = "0".repeat(64);

export interface AuditEvent {
  regionCode: string;
  chainKey: string;
  /** 1-based, per chain. */
  seq: number;
  /** ISO 8601 UTC with milliseconds, e.g. 2024-05-01T08:30:00.000Z. */
  occurredAt: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export type AuditEventBody = Omit<AuditEvent, "hash">;

/** What a writer supplies; seq, prevHash and hash are filled in by nextEvent. */
export type AuditEventInput = Omit<AuditEvent, "seq" | "prevHash" | "hash">;

export interface ChainHead {
  seq: number;
  hash: string;
}

export type ChainVerification =
  | { ok: true; head: ChainHead }
  | {
      ok: false;
      seq: number;
      kind: "edited" | "gap" | "broken_link" | "out_of_order";
      message: string;
    };

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;

const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/**
 * The exact object that is hashed: the listed fields only (extra properties such as a
 * database id are ignored), undefined normalised to null.
 */
export function hashedFields(e: AuditEventBody): Record<string, unknown> {
  return {
    regionCode: e.regionCode,
    chainKey: e.chainKey,
    seq: e.seq,
    occurredAt: e.occurredAt,
    actorUserId: nul(e.actorUserId),
    actorUnitId: nul(e.actorUnitId),
    actorName: nul(e.actorName),
    ip: nul(e.ip),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: nul(e.before),
    after: nul(e.after),
    reason: nul(e.reason),
    prevHash: e.prevHash,
  };
}

/** Lowercase hex SM3 of the canonical JSON of every field but `hash`. */
export function computeEventHash(event: AuditEventBody): string {
  return createHash("sm3")
    .update(canonicalJson(hashedFields(event)), "utf8")
    .digest("hex");
}

/** Build the next event of a chain whose current head is `head` (null: empty chain). */
export function nextEvent(head: ChainHead | null, input: AuditEventInput): AuditEvent {
  if (!ISO_UTC_MS.test(input.occurredAt)) {
    throw new ValidationError(
      `occurredAt must be ISO 8601 UTC with milliseconds (Date#toISOString), got "${input.occurredAt}"`,
    );
  }
  if (head && (!Number.isInteger(head.seq) || head.seq < 1 || !HEX64.test(head.hash))) {
    throw new ValidationError("chain head must have a positive seq and a 64-hex hash");
  }
  const body: AuditEventBody = {
    ...input,
    seq: head ? head.seq + 1 : 1,
    prevHash: head ? head.hash : GENESIS_HASH,
  };
  return { ...body, hash: computeEventHash(body) };
}

/**
 * Verify one chain, events sorted by seq. By default the chain must start at seq 1
 * after GENESIS_HASH; pass `from` (a trusted earlier head) to verify a tail.
 * An empty list verifies to the starting head ({ seq: 0, hash: GENESIS_HASH } by default).
 * Checks per event, in order: sequence (out_of_order, gap), own hash (edited), link to
 * the predecessor (broken_link). The first failure is reported.
 */
export function verifyChain(
  events: readonly AuditEvent[],
  from: ChainHead = { seq: 0, hash: GENESIS_HASH },
): ChainVerification {
  let prev = from;
  const first = events[0];
  for (const e of events) {
    if (first && (e.chainKey !== first.chainKey || e.regionCode !== first.regionCode)) {
      throw new ValidationError(
        `verifyChain got events of more than one chain: ${first.regionCode}/${first.chainKey} and ${e.regionCode}/${e.chainKey}`,
      );
    }
    const expected = prev.seq + 1;
    if (!Number.isInteger(e.seq) || e.seq < expected) {
      return {
        ok: false,
        seq: e.seq,
        kind: "out_of_order",
        message: `event seq ${e.seq} follows seq ${prev.seq}; expected ${expected} (duplicate or reordered)`,
      };
    }
    if (e.seq > expected) {
      const missing = e.seq - 1 === expected ? `${expected}` : `${expected}..${e.seq - 1}`;
      return {
        ok: false,
        seq: expected,
        kind: "gap",
        message: `event seq ${missing} missing before seq ${e.seq} (deleted?)`,
      };
    }
    const recomputed = computeEventHash(e);
    if (e.hash !== recomputed) {
      return {
        ok: false,
        seq: e.seq,
        kind: "edited",
        message: `event seq ${e.seq}: stored hash ${e.hash} but contents hash to ${recomputed} (edited)`,
      };
    }
    if (e.prevHash !== prev.hash) {
      return {
        ok: false,
        seq: e.seq,
        kind: "broken_link",
        message: `event seq ${e.seq}: prevHash ${e.prevHash} does not match the hash ${prev.hash} of seq ${prev.seq}`,
      };
    }
    prev = { seq: e.seq, hash: e.hash };
  }
  return { ok: true, head: prev };
}
