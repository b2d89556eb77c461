import fs from "node:fs/promises";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import type { FazhiConfig } from "../../db/config.ts";
import type { DB } from "../../db/schema.ts";
import { type AnchorPayload, anchorDigest, signAnchor } from "../../kernel/audit/anchor.ts";
import { GENESIS_HASH } from "../../kernel/audit/chain.ts";
import { canonicalJson } from "../../kernel/canonical-json.ts";
import { loadOrCreateSigningKey } from "../crypto/keys.ts";

/**
 * Region anchors: a signed (SM2) statement of every chain head of a region at a moment,
 * linked to the previous anchor. Stored in the database, written as a file outside it
 * (`<anchorDir>/<region>/<seq>.json`), and published on the public portal, so that
 * whoever holds the database alone cannot rewrite anchored history unseen.
 */
export interface AnchorFile {
  payload: AnchorPayload;
  digest: string;
  signature: string;
}

export async function chainHeads(db: Kysely<DB>, regionCode: string) {
  const { rows } = await sql<{ chain_key: string; seq: number; hash: string }>`
    select distinct on (chain_key) chain_key, seq, hash
    from audit_event where region_code = ${regionCode}
    order by chain_key, seq desc`.execute(db);
  return rows
    .map((r) => ({ chainKey: r.chain_key, seq: r.seq, hash: r.hash }))
    .sort((a, b) => (a.chainKey < b.chainKey ? -1 : a.chainKey > b.chainKey ? 1 : 0));
}

export function anchorFilePath(config: FazhiConfig, regionCode: string, seq: number): string {
  return path.join(config.anchorDir, regionCode, `${String(seq).padStart(8, "0")}.json`);
}

/** Anchor one region now, unless nothing changed since its last anchor. */
export async function anchorRegion(
  owner: Kysely<DB>,
  config: FazhiConfig,
  now: Date,
  regionCode: string,
): Promise<AnchorFile | undefined> {
  // One anchorer per region at a time, across app instances (issue 9: two instances
  // anchoring at once both took the next anchor number): a transaction-scoped advisory
  // lock; the second waits, then finds the heads anchored and does nothing.
  const file = await owner.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`fazhi.anchor:${regionCode}`}))`.execute(trx);
    const heads = await chainHeads(trx, regionCode);
    if (heads.length === 0) return undefined;
    const last = await trx
      .selectFrom("audit_anchor")
      .select(["anchor_seq", "digest", "payload"])
      .where("region_code", "=", regionCode)
      .orderBy("anchor_seq", "desc")
      .limit(1)
      .executeTakeFirst();
    // Compared canonically: jsonb gives the stored heads back with its own key order.
    if (last && canonicalJson((last.payload as AnchorPayload).heads) === canonicalJson(heads)) {
      return undefined;
    }
    const payload: AnchorPayload = {
      regionCode,
      anchorSeq: (last?.anchor_seq ?? 0) + 1,
      anchoredAt: now.toISOString(),
      prevAnchorHash: last?.digest ?? GENESIS_HASH,
      heads,
    };
    const key = await loadOrCreateSigningKey(config.keyDir);
    const file: AnchorFile = {
      payload,
      digest: anchorDigest(payload),
      signature: signAnchor(payload, key.privateKeyPem),
    };
    await trx
      .insertInto("audit_anchor")
      .values({
        region_code: regionCode,
        anchor_seq: payload.anchorSeq,
        anchored_at: now,
        payload: JSON.stringify(payload),
        digest: file.digest,
        signature: file.signature,
      })
      .execute();
    return file;
  });
  if (!file) return undefined;
  const { payload } = file;
  const target = anchorFilePath(config, regionCode, payload.anchorSeq);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, `${JSON.stringify(file, null, 2)}\n`);
  return file;
}

/**
 * The anchoring interval from FAZHI_ANCHOR_MINUTES (default 60), clamped to 1 minute …
 * 24 hours: Node timers overflow past 2^31-1 ms (about 24.8 days) and then fire every
 * millisecond; a non-number falls back to the default.
 */
export function anchorIntervalMs(minutes: string | undefined): number {
  const n = Number(minutes ?? 60);
  const m = Number.isFinite(n) && n > 0 ? n : 60;
  return Math.min(Math.max(m, 1), 24 * 60) * 60_000;
}

export async function anchorAllRegions(
  owner: Kysely<DB>,
  config: FazhiConfig,
  now: Date,
): Promise<AnchorFile[]> {
  const regions = await owner.selectFrom("audit_event").select("region_code").distinct().execute();
  const made: AnchorFile[] = [];
  for (const r of regions) {
    const a = await anchorRegion(owner, config, now, r.region_code);
    if (a) made.push(a);
  }
  return made;
}

/** The anchor files of a region, in order (the copies outside the database). */
export async function readAnchorFiles(
  config: FazhiConfig,
  regionCode: string,
): Promise<AnchorFile[]> {
  const dir = path.join(config.anchorDir, regionCode);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const files: AnchorFile[] = [];
  for (const n of names) {
    files.push(JSON.parse(await fs.readFile(path.join(dir, n), "utf8")) as AnchorFile);
  }
  return files;
}

export async function anchoredRegions(config: FazhiConfig): Promise<string[]> {
  try {
    return (await fs.readdir(config.anchorDir)).filter((n) => /^[0-9]{6}$/.test(n)).sort();
  } catch {
    return [];
  }
}
