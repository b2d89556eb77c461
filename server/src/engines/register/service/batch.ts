/**
 * Set-based reads and writes for the import (issue 9): whatever the number of rows, a
 * few statements per thousand — one to read the entries a file names, one to look up
 * the keys it uses, and per chunk one insert of the new entries, one update of the
 * changed ones, one delete and one insert of their keys, two for the search index and
 * three for the audit trail (hash-chained per entry, as one event at a time would be).
 */
import { sql } from "kysely";
import { ConflictError, t } from "../../../kernel/errors.ts";
import { type AuditChange, recordAuditBatch } from "../../../platform/audit/record.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { indexEntries } from "../../search/records.ts";
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

const lookupId = (k: KeyLookup) => `${k.region}\u0000${k.name}\u0000${k.value}`;

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
  for (const chunk of chunks(creates)) {
    const stored = chunk.map((plain) => encryptData(decl, plain, env));
    const { rows } = await sql<EntryRow>`
      insert into register_entry (region_code, register, unit_id, visibility, data,
        created_at, updated_at, created_by, updated_by)
      select ${unit.regionCode}, ${decl.code}, ${unit.id}, ${decl.visibility}, r.data,
        ${w.now}, ${w.now}, ${w.actor.userId}, ${w.actor.userId}
        from jsonb_array_elements(${JSON.stringify(stored)}::jsonb) with ordinality as r(data, ord)
       order by r.ord
      returning *`.execute(w.trx);
    await analyse(w);
    // Identity values are drawn in the order rows are inserted: the file's order.
    const written = rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
    await afterWrite(
      w,
      decl,
      written.map((row, i) => ({ row, plain: chunk[i]!, before: undefined })),
      null,
      env,
    );
  }
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
    await afterWrite(
      w,
      decl,
      changes.map((u) => ({
        row: byId.get(Number(u.entry.id))!,
        plain: u.plain,
        before: u.before,
      })),
      reason,
      env,
    );
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

/** Keys, search documents and audit events of written entries. */
async function afterWrite(
  w: WorkTx,
  decl: RegisterDecl,
  written: { row: EntryRow; plain: EntryData; before: EntryData | undefined }[],
  reason: string | null,
  env: RegisterEnv,
): Promise<void> {
  const code = decl.code;
  const old = written.filter((x) => x.before !== undefined);
  if (old.length > 0) {
    await sql`
      delete from register_key k
       using unnest(${old.map((x) => x.row.region_code)}::text[],
         ${old.map((x) => x.row.id)}::bigint[]) as u(region_code, entry_id)
       where k.region_code = u.region_code and k.register = ${code}
         and k.entry_id = u.entry_id`.execute(w.trx);
  }
  const unique: { region_code: string; key_name: string; key_value: string; entry_id: number }[] =
    [];
  const wanted: KeyValue[] = [];
  const blind: typeof unique = [];
  for (const { row, plain } of written) {
    for (const k of uniqueKeyValues(decl, plain, env)) {
      unique.push({
        region_code: row.region_code,
        key_name: k.name,
        key_value: k.value,
        entry_id: row.id,
      });
      wanted.push(k);
    }
    for (const b of blindIndexRows(decl, plain, row.id, env)) {
      blind.push({ ...b, region_code: row.region_code, entry_id: row.id });
    }
  }
  const keys = [...unique, ...blind];
  if (keys.length > 0) {
    // A concurrent writer that took a key first makes its row do nothing: then refused.
    const { rows } = await sql<{ key_name: string; key_value: string }>`
      insert into register_key (region_code, register, key_name, key_value, entry_id)
      select k.region_code, ${code}, k.key_name, k.key_value, k.entry_id
        from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
          as k(region_code text, key_name text, key_value text, entry_id bigint)
      on conflict (region_code, register, key_name, key_value) do nothing
      returning key_name, key_value`.execute(w.trx);
    if (rows.length < keys.length) {
      const got = new Set(rows.map((r) => `${r.key_name}\u0000${r.key_value}`));
      throw keyError(
        decl,
        wanted.filter((k) => !got.has(`${k.name}\u0000${k.value}`)),
      );
    }
  }
  await indexEntries(
    w.trx,
    decl,
    written.map((x) => x.row),
    w.now,
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
  await recordAuditBatch(w.trx, { actor: w.actor, ip: w.ip, now: w.now }, audit);
}
