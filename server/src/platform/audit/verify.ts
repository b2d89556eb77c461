import { type Kysely, sql } from "kysely";
import type { FazhiConfig } from "../../db/config.ts";
import type { DB } from "../../db/schema.ts";
import {
  type AnchorPayload,
  anchorDigest,
  verifyAnchorSignature,
} from "../../kernel/audit/anchor.ts";
import {
  type AuditEvent as AuditEventRecord,
  GENESIS_HASH,
  verifyChain,
} from "../../kernel/audit/chain.ts";
import { canonicalJson } from "../../kernel/canonical-json.ts";
import { loadOrCreateSigningKey } from "../crypto/keys.ts";
import { anchoredRegions, readAnchorFiles } from "./anchor.ts";

/**
 * `fazhi audit verify`: recompute every chain from the events, check each against the
 * chain-head table and against the signed anchors kept outside the database.
 *
 * What it detects: an event edited (its hash no longer matches), deleted (a gap, or an
 * anchored head that is gone), inserted or reordered out of band (a broken link), a
 * whole chain rewritten consistently up to an anchored head (the anchor's hash differs),
 * an anchor file altered, removed from the middle, or not signed by our key.
 * What it cannot detect: changes to events after the last anchor made by someone who
 * recomputes the chain (anchors run hourly and at shutdown); changes made by someone who
 * holds the signing key as well as the database; deletion of the newest anchor files
 * together with the events they cover.
 */
export interface VerifyProblem {
  regionCode: string;
  chainKey: string | null;
  seq: number | null;
  kind: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  chains: number;
  anchors: number;
  problems: VerifyProblem[];
}

const BATCH = 5000;

function rowToEvent(r: {
  region_code: string;
  chain_key: string;
  seq: number;
  occurred_at: Date;
  actor_user_id: number | null;
  actor_unit_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}): AuditEventRecord {
  return {
    regionCode: r.region_code,
    chainKey: r.chain_key,
    seq: r.seq,
    occurredAt: r.occurred_at.toISOString(),
    actorUserId: r.actor_user_id === null ? null : String(r.actor_user_id),
    actorUnitId: r.actor_unit_id === null ? null : String(r.actor_unit_id),
    actorName: r.actor_name,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function verifyAudit(owner: Kysely<DB>, config: FazhiConfig): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const key = await loadOrCreateSigningKey(config.keyDir);

  // 1. Anchors, from the files outside the database.
  const needed = new Map<string, string>(); // region|chain|seq → anchored hash
  let anchorCount = 0;
  const dbRegions = (
    await owner.selectFrom("audit_event").select("region_code").distinct().execute()
  ).map((r) => r.region_code);
  const regions = [...new Set([...dbRegions, ...(await anchoredRegions(config))])].sort();
  for (const region of regions) {
    const files = await readAnchorFiles(config, region);
    const stored = await owner
      .selectFrom("audit_anchor")
      .select(["anchor_seq", "digest", "payload"])
      .where("region_code", "=", region)
      .execute();
    const storedBySeq = new Map(stored.map((s) => [s.anchor_seq, s.digest]));
    // The database's copy of each payload (what the portal publishes) must say what the
    // signed file says, key order aside (jsonb keeps its own).
    const payloadBySeq = new Map(stored.map((s) => [s.anchor_seq, canonicalJson(s.payload)]));
    let prev = GENESIS_HASH;
    files.forEach((f, i) => {
      anchorCount++;
      const p: AnchorPayload = f.payload;
      const where = { regionCode: region, chainKey: null, seq: null };
      if (p.anchorSeq !== i + 1) {
        problems.push({
          ...where,
          kind: "anchor_missing",
          message: `anchor ${i + 1} of region ${region} is missing (found ${p.anchorSeq})`,
        });
      }
      if (
        anchorDigest(p) !== f.digest ||
        !verifyAnchorSignature(p, f.signature, key.publicKeyPem)
      ) {
        problems.push({
          ...where,
          kind: "anchor_forged",
          message: `anchor ${p.anchorSeq} of region ${region} is altered or not signed by this installation's key`,
        });
      }
      if (p.prevAnchorHash !== prev) {
        problems.push({
          ...where,
          kind: "anchor_chain",
          message: `anchor ${p.anchorSeq} of region ${region} does not follow anchor ${p.anchorSeq - 1}`,
        });
      }
      const inDb = storedBySeq.get(p.anchorSeq);
      const payloadInDb = payloadBySeq.get(p.anchorSeq);
      if (inDb !== f.digest || (payloadInDb !== undefined && payloadInDb !== canonicalJson(p))) {
        problems.push({
          ...where,
          kind: "anchor_table",
          message: `anchor ${p.anchorSeq} of region ${region} was ${inDb ? "altered" : "deleted"} in the database`,
        });
      }
      prev = f.digest;
      for (const h of p.heads) needed.set(`${region}|${h.chainKey}|${h.seq}`, h.hash);
    });
  }

  // 2. Every chain, recomputed from the events (keyset pages, one chain at a time).
  const seen = new Map<string, string>(); // region|chain|seq → stored hash, for anchored seqs
  let events = 0;
  let chains = 0;
  let current: AuditEventRecord[] = [];
  const finishChain = () => {
    if (current.length === 0) return;
    chains++;
    const first = current[0]!;
    const r = verifyChain(current);
    if (!r.ok) {
      const ev = current.find((e) => e.seq === r.seq) ?? first;
      problems.push({
        regionCode: first.regionCode,
        chainKey: first.chainKey,
        seq: r.seq,
        kind: r.kind,
        message: `${r.message} — event ${first.regionCode} ${first.chainKey} #${r.seq} (${ev.action} on ${ev.entityType} ${ev.entityId})`,
      });
    }
    current = [];
  };
  let after: { region: string; chain: string; seq: number } | undefined;
  for (;;) {
    let q = owner.selectFrom("audit_event").selectAll();
    if (after) {
      const a = after;
      q = q.where(
        sql<boolean>`(region_code, chain_key, seq) > (${a.region}, ${a.chain}, ${a.seq})`,
      );
    }
    const rows = await q
      .orderBy("region_code")
      .orderBy("chain_key")
      .orderBy("seq")
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const e = rowToEvent(row);
      events++;
      const last = current[current.length - 1];
      if (last && (last.regionCode !== e.regionCode || last.chainKey !== e.chainKey)) finishChain();
      current.push(e);
      const k = `${e.regionCode}|${e.chainKey}|${e.seq}`;
      if (needed.has(k)) seen.set(k, e.hash);
    }
    if (rows.length < BATCH) break;
    const l = rows[rows.length - 1]!;
    after = { region: l.region_code, chain: l.chain_key, seq: l.seq };
  }
  finishChain();

  // 3. Anchored heads must still be there, unchanged.
  for (const [k, hash] of needed) {
    const [regionCode, chainKey, seq] = k.split("|") as [string, string, string];
    const now = seen.get(k);
    if (now !== hash) {
      problems.push({
        regionCode,
        chainKey,
        seq: Number(seq),
        kind: now === undefined ? "deleted" : "rewritten",
        message: `event ${regionCode} ${chainKey} #${seq} was ${now === undefined ? "deleted" : "rewritten"} after it was anchored`,
      });
    }
  }

  // 4. The head table must name the newest event of its chain: not ahead of the events
  // (a deleted tail), and the same hash (the newest event rewritten, or events added
  // without the writer's path). One statement: one snapshot, even while serving.
  const { rows: heads } = await sql<{
    region_code: string;
    chain_key: string;
    seq: number;
    hash: string;
    max: number | null;
    last_hash: string | null;
  }>`
    select h.region_code, h.chain_key, h.seq, h.hash, e.seq as max, e.hash as last_hash
    from audit_chain_head h
    left join lateral (select seq, hash from audit_event e
      where e.region_code = h.region_code and e.chain_key = h.chain_key
      order by seq desc limit 1) e on true`.execute(owner);
  for (const h of heads) {
    const where = { regionCode: h.region_code, chainKey: h.chain_key };
    if ((h.max ?? 0) < h.seq) {
      problems.push({
        ...where,
        seq: h.seq,
        kind: "deleted",
        message: `event ${h.region_code} ${h.chain_key} #${h.seq} is missing (the chain ends at #${h.max ?? 0})`,
      });
    } else if (h.max !== h.seq || h.last_hash !== h.hash) {
      problems.push({
        ...where,
        seq: h.max,
        kind: "head_mismatch",
        message: `event ${h.region_code} ${h.chain_key} #${h.max} is not the one the chain head records (#${h.seq}): written or rewritten outside the application`,
      });
    }
  }

  return { ok: problems.length === 0, events, chains, anchors: anchorCount, problems };
}
