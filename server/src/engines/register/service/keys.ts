import { type FieldError, t, ValidationError } from "../../../kernel/errors.ts";
import type { WorkTx } from "../../../platform/work.ts";
import {
  blindIndexRows,
  columnOf,
  type EntryData,
  type KeyValue,
  type RegisterEnv,
  uniqueKeyValues,
} from "../data.ts";
import type { RegisterDecl } from "../declare.ts";

// ---------------------------------------------------------------------------------
// Keys

export interface TakenKey extends KeyValue {
  entryId: number;
}

/** The keys among `keys` held by an entry other than `exceptId`. */
export async function takenKeys(
  w: WorkTx,
  decl: RegisterDecl,
  regionCode: string,
  keys: KeyValue[],
  exceptId?: number,
): Promise<TakenKey[]> {
  const out: TakenKey[] = [];
  for (const k of keys) {
    const row = await w.trx
      .selectFrom("register_key")
      .select("entry_id")
      .where("region_code", "=", regionCode)
      .where("register", "=", decl.code)
      .where("key_name", "=", k.name)
      .where("key_value", "=", k.value)
      .executeTakeFirst();
    if (row && row.entry_id !== exceptId) out.push({ ...k, entryId: row.entry_id });
  }
  return out;
}

export function keyFieldErrors(decl: RegisterDecl, taken: KeyValue[]): FieldError[] {
  return taken.flatMap((k) =>
    k.fields.map((f) => ({
      field: f,
      message: t(
        `${decl.label.zh}中已有相同的${k.fields.map((x) => columnOf(decl, x)?.label.zh ?? x).join("、")}`,
        `already used by another ${decl.label.en} entry (unique: ${k.fields
          .map((x) => columnOf(decl, x)?.label.en ?? x)
          .join(" + ")})`,
      ),
    })),
  );
}

export function keyError(decl: RegisterDecl, taken: KeyValue[]): ValidationError {
  const fields = keyFieldErrors(decl, taken);
  return new ValidationError(
    t(
      `${decl.label.zh}中已有相同的记录`,
      `${decl.label.en}: ${[...new Set(fields.map((f) => f.field))].join(", ")} already taken`,
    ),
    fields,
  );
}

export async function writeKeys(
  w: WorkTx,
  decl: RegisterDecl,
  regionCode: string,
  entryId: number,
  plain: EntryData,
  env: RegisterEnv,
): Promise<void> {
  await w.trx
    .deleteFrom("register_key")
    .where("region_code", "=", regionCode)
    .where("register", "=", decl.code)
    .where("entry_id", "=", entryId)
    .execute();
  const keys = uniqueKeyValues(decl, plain, env);
  const lost: KeyValue[] = [];
  for (const k of keys) {
    // A concurrent writer that took the key first makes this insert do nothing.
    const got = await w.trx
      .insertInto("register_key")
      .values({
        region_code: regionCode,
        register: decl.code,
        key_name: k.name,
        key_value: k.value,
        entry_id: entryId,
      })
      .onConflict((oc) =>
        oc.columns(["region_code", "register", "key_name", "key_value"]).doNothing(),
      )
      .returning("entry_id")
      .executeTakeFirst();
    if (!got) lost.push(k);
  }
  if (lost.length > 0) throw keyError(decl, lost);
  const bi = blindIndexRows(decl, plain, entryId, env);
  if (bi.length > 0) {
    await w.trx
      .insertInto("register_key")
      .values(
        bi.map((r) => ({ ...r, region_code: regionCode, register: decl.code, entry_id: entryId })),
      )
      .execute();
  }
}
