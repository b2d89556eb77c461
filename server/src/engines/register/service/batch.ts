/**
 * Set-based reads and writes for the import (issue 9): whatever the number of rows, a
 * few statements per thousand — one to read the entries a file names, one to look up
 * the keys it uses, one to draw the new entries' ids, and per chunk one insert of the new
 * entries (or one update of the changed ones, and one delete of their keys), one call of
 * `fazhi_register_index` for their keys and search documents (migration 0024: the
 * chunk's entries checked once against the caller's scope instead of a policy check per
 * key and per document), one delete of public documents no longer public, and two for
 * the audit trail (hash-chained per entry, as one event at a time would be).
 *
 * New entries are written as a pipeline: chunk n + 1 is prepared (encrypted, its keys,
 * tokenised documents) while the database writes chunk n.
 */
import { sql } from "kysely";
import { ConflictError, t } from "../../../kernel/errors.ts";
import { type AuditChange, recordAuditBatch } from "../../../platform/audit/record.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { type EntryDocuments, entryDocuments, forgetPublicEntries } from "../../search/records.ts";
import {
  blindIndexRows,
  type EntryData,
  encryptData,
  type KeyValue,
  type RegisterEnv,
  sameData,
  uniqueKeyValues,
} from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { visible } from "./access.ts";
import { keyError } from "./keys.ts";
import { ENTITY, type EntryRow, storedOf } from "./rows.ts";

/** Rows per statement. */
export const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The entries of the register with these ids that the actor sees, by id (one statement). */
export async function loadEntryRows(
  w: WorkTx,
  decl: RegisterDecl,
  ids: readonly number[],
): Promise<Map<number, EntryRow>> {
  const out = new Map<number, EntryRow>();
  if (ids.length === 0) return out;
  const rows = await w.trx
    .selectFrom("register_entry")
    .selectAll()
    .where("register", "=", decl.code)
    .where("region_code", "in", w.actor.regions)
    .where(sql<boolean>`id = any(${[...new Set(ids)]}::bigint[])`)
    .execute();
  for (const r of rows) if (visible(w.actor, r)) out.set(Number(r.id), r);
  return out;
}

export interface KeyLookup {
  region: string;
  name: string;
  value: string;
}

/** The map key of a key lookup (region, key name, value). */
export const lookupId = (k: KeyLookup) => `${k.region}\u0000${k.name}\u0000${k.value}`;

/** Who holds each of these keys (one statement): the entry id by `lookupId`. */
export async function keyHolders(
  w: WorkTx,
  decl: RegisterDecl,
  keys: readonly KeyLookup[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (keys.length === 0) return out;
  const { rows } = await sql<{
    region_code: string;
    key_name: string;
    key_value: string;
    entry_id: number;
  }>`
    select k.region_code, k.key_name, k.key_value, k.entry_id from register_key k
      join unnest(${keys.map((k) => k.region)}::text[], ${keys.map((k) => k.name)}::text[],
        ${keys.map((k) => k.value)}::text[]) as u(region_code, key_name, key_value)
        using (region_code, key_name, key_value)
     where k.register = ${decl.code}`.execute(w.trx);
  for (const r of rows) {
    out.set(
      lookupId({ region: r.region_code, name: r.key_name, value: r.key_value }),
      Number(r.entry_id),
    );
  }
  return out;
}

export function holderOf(
  holders: Map<string, number>,
  region: string,
  k: KeyValue,
): number | undefined {
  return holders.get(lookupId({ region, name: k.name, value: k.value }));
}

export interface BatchUpdate {
  entry: EntryRow;
  plain: EntryData;
}

/**
 * Write checked rows: new entries of `unit`, and new data for entries read in this
 * transaction (409 if one changed meanwhile). Returns how many were really updated
 * (an update whose stored form is unchanged is not written).
 */
export async function writeBatch(
  w: WorkTx,
  decl: RegisterDecl,
  unit: { id: number; regionCode: string },
  creates: readonly EntryData[],
  updates: readonly BatchUpdate[],
  reason: string | null,
  env: RegisterEnv,
): Promise<{ created: number; updated: number }> {
  let updated = 0;
  // New entries: their ids drawn first (one statement), so that each chunk's keys,
  // search documents and stored form are prepared here while the database writes the
  // chunk before it — the JavaScript work (encryption, tokenising, hashing) and the
  // database's overlap instead of alternating.
  const ids = await entryIds(w, creates.length);
  let previous: Promise<void> | undefined;
  for (const [c, chunk] of chunks(creates).entries()) {
    const written = chunk.map((plain, i) => ({
      row: {
        region_code: unit.regionCode,
        id: ids[c * CHUNK + i]!,
        register: decl.code,
        unit_id: unit.id,
        visibility: decl.visibility,
        data: encryptData(decl, plain, env) as EntryRow["data"],
        version: 1,
        created_at: w.now,
        updated_at: w.now,
        created_by: w.actor.userId,
        updated_by: w.actor.userId,
      },
      plain,
      before: undefined,
    }));
    const prepared = prepareIndex(decl, written, null, env);
    if (previous) await previous;
    previous = insertEntries(w, decl, unit, written).then(() =>
      applyIndex(w, decl, prepared, true),
    );
    // Awaited before the next chunk or after the last; a failure is thrown there.
    previous.catch(() => undefined);
  }
  if (previous) await previous;
  for (const chunk of chunks(updates)) {
    const changes = chunk
      .map((u) => ({ ...u, before: storedOf(u.entry) }))
      .map((u) => ({ ...u, stored: encryptData(decl, u.plain, env, u.before) }))
      .filter((u) => !sameData(u.before, u.stored));
    if (changes.length === 0) continue;
    const json = changes.map((u) => ({
      region_code: u.entry.region_code,
      id: u.entry.id,
      version: u.entry.version,
      data: u.stored,
    }));
    const { rows } = await sql<EntryRow>`
      update register_entry e set data = r.data, version = e.version + 1,
        visibility = ${decl.visibility}, updated_at = ${w.now}, updated_by = ${w.actor.userId}
        from jsonb_to_recordset(${JSON.stringify(json)}::jsonb)
          as r(region_code text, id bigint, version int, data jsonb)
       where e.region_code = r.region_code and e.id = r.id and e.version = r.version
      returning e.*`.execute(w.trx);
    if (rows.length !== changes.length) {
      throw new ConflictError(
        t(
          "导入期间有记录被他人修改，请重新导出后重试",
          `${decl.label.en}: entries were changed meanwhile; export again and retry`,
        ),
      );
    }
    await analyse(w);
    const byId = new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id) }]));
    const written = changes.map((u) => ({
      row: byId.get(Number(u.entry.id))!,
      plain: u.plain,
      before: u.before,
    }));
    await applyIndex(w, decl, prepareIndex(decl, written, reason, env), false);
    updated += changes.length;
  }
  return { created: creates.length, updated };
}

/**
 * Statistics for what this transaction wrote so far (migration 0015): without them the
 * planner takes the register for empty and checks each inserted key and search
 * document by scanning it (issue 9: the import was quadratic in rows).
 */
async function analyse(w: WorkTx): Promise<void> {
  await sql`select fazhi_analyze_registers()`.execute(w.trx);
}

/** n ids of new entries, in order (migration 0024). */
async function entryIds(w: WorkTx, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await sql<{ id: number }>`
    select fazhi_register_entry_ids(${n}) as id`.execute(w.trx);
  return rows.map((r) => Number(r.id));
}

/** Insert new entries with their drawn ids (one statement; the policies check each row). */
async function insertEntries(
  w: WorkTx,
  decl: RegisterDecl,
  unit: { id: number; regionCode: string },
  written: readonly Written[],
): Promise<void> {
  const json = written.map((x) => ({ id: x.row.id, data: x.row.data }));
  await sql`
    insert into register_entry (region_code, id, register, unit_id, visibility, data,
      created_at, updated_at, created_by, updated_by)
    overriding system value
    select ${unit.regionCode}, r.id, ${decl.code}, ${unit.id}, ${decl.visibility}, r.data,
      ${w.now}, ${w.now}, ${w.actor.userId}, ${w.actor.userId}
      from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as r(id bigint, data jsonb)`.execute(
    w.trx,
  );
  await analyse(w);
}

interface Written {
  row: EntryRow;
  plain: EntryData;
  before: EntryData | undefined;
}

/** What written entries need besides themselves, prepared without the database. */
interface Prepared {
  written: readonly Written[];
  keys: KeyRow[];
  wanted: KeyValue[];
  docs: EntryDocuments["docs"];
  hidden: EntryDocuments["hidden"];
  audit: AuditChange[];
}

function prepareIndex(
  decl: RegisterDecl,
  written: readonly Written[],
  reason: string | null,
  env: RegisterEnv,
): Prepared {
  const code = decl.code;
  const keys: KeyRow[] = [];
  const wanted: KeyValue[] = [];
  for (const { row, plain } of written) {
    for (const k of uniqueKeyValues(decl, plain, env)) {
      keys.push({
        region_code: row.region_code,
        key_name: k.name,
        key_value: k.value,
        entry_id: row.id,
      });
      wanted.push(k);
    }
    for (const b of blindIndexRows(decl, plain, row.id, env)) {
      keys.push({ ...b, region_code: row.region_code, entry_id: row.id });
    }
  }
  const { docs, hidden } = entryDocuments(
    decl,
    written.map((x) => x.row),
  );
  const audit: AuditChange[] = written.map(({ row, before }) =>
    before === undefined
      ? {
          regionCode: row.region_code,
          action: `register.${code}.create`,
          entityType: ENTITY,
          entityId: row.id,
          after: storedOf(row),
        }
      : {
          regionCode: row.region_code,
          action: `register.${code}.update`,
          entityType: ENTITY,
          entityId: row.id,
          before,
          after: storedOf(row),
          reason,
          reasonRequired: decl.sensitive?.includes("update") ?? false,
        },
  );
  return { written, keys, wanted, docs, hidden, audit };
}

/**
 * Keys, search documents and audit events of written entries: the old keys of updated
 * entries deleted, then keys and documents in one call per region that checks the
 * chunk's entries once (migration 0024: the policies' per-row checks were most of the
 * import's time), then the audit events (`fresh`: all entries new).
 */
async function applyIndex(
  w: WorkTx,
  decl: RegisterDecl,
  p: Prepared,
  fresh: boolean,
): Promise<void> {
  const code = decl.code;
  const old = p.written.filter((x) => x.before !== undefined);
  if (old.length > 0) {
    await sql`
      delete from register_key k
       using unnest(${old.map((x) => x.row.region_code)}::text[],
         ${old.map((x) => x.row.id)}::bigint[]) as u(region_code, entry_id)
       where k.region_code = u.region_code and k.register = ${code}
         and k.entry_id = u.entry_id`.execute(w.trx);
  }
  const lost = new Set<string>();
  for (const region of new Set(p.written.map((x) => x.row.region_code))) {
    const { rows } = await sql<{ key_name: string; key_value: string }>`
      select key_name, key_value from fazhi_register_index(${region}, ${code},
        ${p.written.filter((x) => x.row.region_code === region).map((x) => x.row.id)}::bigint[],
        ${JSON.stringify(keyRows(p.keys, region))}::jsonb,
        ${JSON.stringify(p.docs.filter((d) => d.region_code === region).map(docOf))}::jsonb,
        ${w.now})`.execute(w.trx);
    for (const r of rows) lost.add(`${r.key_name}\u0000${r.key_value}`);
  }
  if (lost.size > 0) {
    // A concurrent writer took a key first: refused.
    throw keyError(
      decl,
      p.wanted.filter((k) => lost.has(`${k.name}\u0000${k.value}`)),
    );
  }
  await forgetPublicEntries(w.trx, p.hidden);
  await recordAuditBatch(w.trx, { actor: w.actor, ip: w.ip, now: w.now }, p.audit, { fresh });
}

type KeyRow = { region_code: string; key_name: string; key_value: string; entry_id: number };
/** The keys of one region as the function takes them. */
const keyRows = (keys: readonly KeyRow[], region: string) =>
  keys
    .filter((k) => k.region_code === region)
    .map((k) => ({ key_name: k.key_name, key_value: k.key_value, entry_id: k.entry_id }));

/** A document as the function takes it (its region, kind and source are the chunk's). */
const docOf = (d: ReturnType<typeof entryDocuments>["docs"][number]) => ({
  record_id: d.record_id,
  audience: d.audience,
  unit_id: d.unit_id,
  on_date: d.on_date,
  title: d.title,
  body: d.body,
  tokens: d.tokens,
});
