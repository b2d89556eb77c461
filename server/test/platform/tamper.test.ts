import { type Kysely, sql, type Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/schema.ts";
import { computeEventHash, GENESIS_HASH } from "../../src/kernel/audit/chain.ts";
import { anchorAllRegions } from "../../src/platform/audit/anchor.ts";
import { type AuditChange, recordAuditBatch } from "../../src/platform/audit/record.ts";
import { type VerifyReport, verifyAudit } from "../../src/platform/audit/verify.ts";
import { type TestApp, testApp } from "../support/app.ts";

/**
 * Tampering (issue 8): random edits, deletions and insertions of audit events, chain
 * heads and anchors, made directly in the database as its owner with the append-only
 * triggers off, before and after the latest signed anchor. Each one is applied in a
 * transaction, `verifyAudit` (what `fazhi audit verify` runs) is asked inside it, and the
 * transaction is rolled back. Every tampering the design can see must be detected and
 * located on its chain; the ones it cannot see must be exactly the class the design
 * admits (docs/security.md, "Security audit"): a chain rewritten consistently — hashes
 * recomputed, head moved — from a point after its latest anchored head.
 *
 *   FAZHI_TAMPER_RUNS=5000 npx vitest run --project db test/platform/tamper.test.ts
 */
const RUNS = Number(process.env.FAZHI_TAMPER_RUNS ?? 1000);
const SEED = Number(process.env.FAZHI_TAMPER_SEED ?? 20261202);
const REGION = "500156";

let t: TestApp;
/** chain key → seq of its head in the latest anchor (0: never anchored). */
const anchored = new Map<string, number>();

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

async function round(chains: string[], perChain: () => number, at: Date) {
  const changes: AuditChange[] = [];
  for (const c of chains) {
    for (let i = perChain(); i > 0; i--) {
      changes.push({
        regionCode: REGION,
        action: `thing.step${i}`,
        entityType: "thing",
        entityId: c,
        before: { n: i },
        after: { n: i + 1, 名称: "测试", list: [i, "x"] },
        reason: i % 2 ? "原因" : null,
      });
    }
  }
  await t.db.owner
    .transaction()
    .execute((trx) =>
      recordAuditBatch(
        trx,
        { actor: { userId: 1, unitId: 1, displayName: "张三" }, ip: "10.0.0.1", now: at },
        changes,
      ),
    );
}

type Row = Record<string, unknown>;

async function chainRows(db: Kysely<DB>, chainKey: string) {
  const { rows } = await sql<Row>`select * from audit_event
    where region_code = ${REGION} and chain_key = ${chainKey} order by seq`.execute(db);
  return rows;
}

function hashOf(r: Row): string {
  return computeEventHash({
    regionCode: r.region_code as string,
    chainKey: r.chain_key as string,
    seq: r.seq as number,
    occurredAt: (r.occurred_at as Date).toISOString(),
    actorUserId: r.actor_user_id === null ? null : String(r.actor_user_id),
    actorUnitId: r.actor_unit_id === null ? null : String(r.actor_unit_id),
    actorName: r.actor_name as string | null,
    ip: r.ip as string | null,
    action: r.action as string,
    entityType: r.entity_type as string,
    entityId: r.entity_id as string,
    before: r.before ?? null,
    after: r.after ?? null,
    reason: r.reason as string | null,
    prevHash: r.prev_hash as string,
  });
}

/** Recompute the chain's links and hashes from `fromSeq` on and move its head: a forger's cover-up. */
async function rechain(trx: Transaction<DB>, chainKey: string, fromSeq: number) {
  const rows = await chainRows(trx, chainKey);
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if ((r.seq as number) >= fromSeq) {
      r.prev_hash = prev;
      r.hash = hashOf(r);
      await sql`update audit_event set prev_hash = ${prev}, hash = ${r.hash}
        where region_code = ${REGION} and chain_key = ${chainKey} and seq = ${r.seq}`.execute(trx);
    }
    prev = r.hash as string;
  }
  const last = rows[rows.length - 1];
  if (last) {
    await sql`update audit_chain_head set seq = ${last.seq}, hash = ${last.hash}
      where region_code = ${REGION} and chain_key = ${chainKey}`.execute(trx);
  } else {
    await sql`delete from audit_chain_head where region_code = ${REGION} and chain_key = ${chainKey}`.execute(
      trx,
    );
  }
}

/** Shift seqs ≥ from by delta (through a range the primary key and check allow). */
async function shift(trx: Transaction<DB>, chainKey: string, from: number, delta: number) {
  const where = sql`region_code = ${REGION} and chain_key = ${chainKey}`;
  await sql`update audit_event set seq = seq + 1000000 where ${where} and seq >= ${from}`.execute(
    trx,
  );
  await sql`update audit_event set seq = seq - 1000000 + ${delta} where ${where} and seq >= 1000000`.execute(
    trx,
  );
}

const EDITS = [
  sql`action = action || '_forged'`,
  sql`reason = coalesce(reason, '') || '改'`,
  sql`actor_name = '李四'`,
  sql`entity_id = entity_id || '9'`,
  sql`occurred_at = occurred_at + interval '1 second'`,
  sql`after = jsonb_set(after, '{n}', '999')`,
  sql`ip = '10.6.6.6'`,
  sql`actor_user_id = 42`,
];

interface Tampering {
  label: string;
  kind: string;
  chainKey: string | null;
  /** The seq whose own hash no longer matches (a plain edit), for the location check. */
  seq?: number;
  /** By design undetectable: a consistent rewrite from after the latest anchored head. */
  admitted: boolean;
}

/** Apply one random tampering in `trx`; say what it was. */
async function tamper(trx: Transaction<DB>, r: Rng, chains: string[]): Promise<Tampering> {
  const chainKey = r.pick(chains);
  const rows = await chainRows(trx, chainKey);
  const len = rows.length;
  const a = anchored.get(chainKey) ?? 0;
  const kind = r.pick(["edit", "edit", "delete", "insert", "anchor"] as const);
  const consistent = r.int(2) === 1;
  const where = (seq: number) =>
    sql`region_code = ${REGION} and chain_key = ${chainKey} and seq = ${seq}`;

  if (kind === "anchor") {
    const seq = 1 + r.int(2);
    const how = r.int(3);
    if (how === 0)
      await sql`delete from audit_anchor where region_code = ${REGION} and anchor_seq = ${seq}`.execute(
        trx,
      );
    else if (how === 1)
      await sql`update audit_anchor set digest = md5(digest) || md5(digest)
        where region_code = ${REGION} and anchor_seq = ${seq}`.execute(trx);
    else
      await sql`update audit_anchor
        set payload = jsonb_set(payload, '{heads,0,hash}', to_jsonb(${"0".repeat(64)}::text))
        where region_code = ${REGION} and anchor_seq = ${seq}`.execute(trx);
    const what = ["deleted", "digest edited", "payload edited"][how];
    return {
      label: `anchor ${seq} ${what}`,
      kind: `anchor ${what}`,
      chainKey: null,
      admitted: false,
    };
  }
  if (kind === "edit") {
    const seq = 1 + r.int(len);
    await sql`update audit_event set ${r.pick(EDITS)} where ${where(seq)}`.execute(trx);
    const mode = consistent ? "rechained" : r.pick(["raw", "rehashed"] as const);
    if (mode === "rehashed") {
      const [row] = (await chainRows(trx, chainKey)).filter((x) => x.seq === seq);
      await sql`update audit_event set hash = ${hashOf(row!)} where ${where(seq)}`.execute(trx);
    }
    if (mode === "rechained") await rechain(trx, chainKey, seq);
    // Re-hashing the newest event alone leaves the chain-head table behind: detected.
    return {
      label: `edit #${seq}/${len} ${mode}`,
      kind: `edit ${mode}`,
      chainKey,
      seq: mode === "raw" ? seq : undefined,
      admitted: mode === "rechained" && seq > a,
    };
  }
  if (kind === "delete") {
    const seq = 1 + r.int(len);
    await sql`delete from audit_event where ${where(seq)}`.execute(trx);
    if (consistent) {
      await shift(trx, chainKey, seq + 1, -1);
      await rechain(trx, chainKey, seq);
    }
    const mode = consistent ? "rechained" : "raw";
    return {
      label: `delete #${seq}/${len} ${mode}`,
      kind: `delete ${mode}`,
      chainKey,
      admitted: consistent && seq > a,
    };
  }
  // insert: a forged event at position p (1 … len+1)
  const p = consistent ? 1 + r.int(len + 1) : len + 1;
  if (consistent) await shift(trx, chainKey, p, 1);
  const model = rows[r.int(len)]!;
  await sql`insert into audit_event (region_code, chain_key, seq, occurred_at, actor_user_id,
      actor_unit_id, actor_name, ip, action, entity_type, entity_id, before, after, reason, prev_hash, hash)
    values (${REGION}, ${chainKey}, ${p}, ${model.occurred_at}, 7, 1, '王五', null, 'thing.forged',
      'thing', ${model.entity_id}, null, '{"forged": true}'::jsonb, null, ${GENESIS_HASH}, ${"f".repeat(64)})`.execute(
    trx,
  );
  if (consistent) await rechain(trx, chainKey, p);
  const mode = consistent ? "rechained" : "raw";
  return {
    label: `insert #${p}/${len} ${mode}`,
    kind: `insert ${mode}`,
    chainKey,
    seq: consistent ? undefined : p,
    admitted: consistent && p > a,
  };
}

class Rollback extends Error {}

async function tryOne(
  r: Rng,
  chains: string[],
): Promise<{ what: Tampering; report: VerifyReport }> {
  let out: { what: Tampering; report: VerifyReport } | undefined;
  try {
    await t.db.owner.transaction().execute(async (trx) => {
      // As the owner with the triggers off: what a database administrator could do.
      await sql`set local session_replication_role = replica`.execute(trx);
      const what = await tamper(trx, r, chains);
      out = { what, report: await verifyAudit(trx, t.config) };
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return out!;
}

const chains = Array.from({ length: 30 }, (_, i) => `thing:c${i}`);

beforeAll(async () => {
  t = await testApp();
  const r = rng(SEED);
  const ids = chains.map((c) => c.slice("thing:".length));
  const at = (h: number) => new Date(Date.UTC(2024, 2, 4, h));
  await round(ids.slice(0, 24), () => 3 + r.int(4), at(1));
  await anchorAllRegions(t.db.owner, t.config, at(2));
  await round(ids.slice(0, 24), () => r.int(3), at(3));
  const [latest] = await anchorAllRegions(t.db.owner, t.config, at(4));
  for (const h of latest!.payload.heads) anchored.set(h.chainKey, h.seq);
  // After the latest anchor: more events on anchored chains, and chains never anchored.
  await round(ids, () => r.int(3), at(5));
  await round(ids.slice(24), () => 2 + r.int(3), at(6));
});
afterAll(async () => t.close());

describe(`tampering with the audit trail (${RUNS} runs, seed ${SEED})`, () => {
  it("the untouched trail verifies", async () => {
    const r = await verifyAudit(t.db.owner, t.config);
    expect(r.problems).toEqual([]);
    expect(r.anchors).toBe(2);
    expect(anchored.size).toBe(24);
  });

  it("detects and locates every tampering the design can see; misses exactly the admitted class", async () => {
    const r = rng(SEED + 1);
    let detected = 0;
    let admitted = 0;
    const byKind = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      const { what, report } = await tryOne(r, chains);
      const k = `${what.kind}${what.admitted ? " (admitted)" : ""}`;
      byKind.set(k, (byKind.get(k) ?? 0) + 1);
      const ctx = `run ${i}: ${what.label} on ${what.chainKey} (anchored head #${anchored.get(what.chainKey ?? "") ?? 0}): ${JSON.stringify(report.problems)}`;
      if (what.admitted) {
        expect(report.ok, ctx).toBe(true);
        admitted++;
        continue;
      }
      expect(report.ok, ctx).toBe(false);
      detected++;
      if (what.chainKey === null) {
        expect(
          report.problems.every((p) => p.kind.startsWith("anchor")),
          ctx,
        ).toBe(true);
      } else {
        // Located: every problem is on the tampered chain (nothing else is accused)...
        expect(
          report.problems.every((p) => p.chainKey === what.chainKey),
          ctx,
        ).toBe(true);
        // ...and a plain edit names the very event.
        if (what.seq !== undefined)
          expect(
            report.problems.map((p) => p.seq),
            ctx,
          ).toContain(what.seq);
      }
    }
    console.log(
      `tampering: ${RUNS} runs, ${detected} detected and located, ${admitted} undetected — all of the admitted class (consistent rewrites after the latest anchor); by kind: ${JSON.stringify(Object.fromEntries([...byKind].sort()))}`,
    );
    expect(detected + admitted).toBe(RUNS);
    expect(detected).toBeGreaterThan(RUNS / 2);
    expect(admitted).toBeGreaterThan(0);
  }, 600_000);
});
