/**
 * Many new entries of one unit in one call (the demo, a module's bulk contribution): each
 * validated as `createEntry` validates one, the unique keys checked within the list and
 * against the register in one statement, then written set-wise by the import's
 * `writeBatch` — a few statements per thousand entries instead of about ten per entry,
 * with the same stored form, keys, search documents and audit events. All or none: the
 * first invalid entry or taken key refuses the whole list, naming the entry.
 */
import { t, ValidationError } from "../../../kernel/errors.ts";
import type { WorkTx } from "../../../platform/work.ts";
import {
  type EntryData,
  type KeyValue,
  type RegisterEnv,
  uniqueKeyValues,
  validateData,
} from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { assertWrite } from "./access.ts";
import { keyHolders, lookupId, writeBatch } from "./batch.ts";
import { keyError } from "./keys.ts";
import { resolveUnit } from "./write.ts";

function atEntry(decl: RegisterDecl, n: number, e: unknown): never {
  if (e instanceof ValidationError) {
    throw new ValidationError(
      t(
        `第 ${n} 条${decl.label.zh}记录：${e.text.zh}`,
        `${decl.label.en} entry ${n}: ${e.text.en}`,
      ),
      e.fields,
    );
  }
  throw e;
}

/** Create `data.length` entries of the unit (the actor's own by default); how many were written. */
export async function createEntries(
  w: WorkTx,
  decl: RegisterDecl,
  input: { data: readonly unknown[]; unitId?: number },
  env: RegisterEnv = {},
): Promise<number> {
  assertWrite(w.actor, decl);
  const plains: EntryData[] = input.data.map((d, i) => {
    try {
      return validateData(decl, d);
    } catch (e) {
      return atEntry(decl, i + 1, e);
    }
  });
  if (plains.length === 0) return 0;
  const unit = await resolveUnit(w, input.unitId);
  const firstOf = new Map<string, number>();
  const keys: { n: number; k: KeyValue }[] = [];
  plains.forEach((plain, i) => {
    for (const k of uniqueKeyValues(decl, plain, env)) {
      const id = lookupId({ region: unit.regionCode, name: k.name, value: k.value });
      if (firstOf.has(id)) atEntry(decl, i + 1, keyError(decl, [k]));
      firstOf.set(id, i + 1);
      keys.push({ n: i + 1, k });
    }
  });
  const holders = await keyHolders(
    w,
    decl,
    keys.map(({ k }) => ({ region: unit.regionCode, name: k.name, value: k.value })),
  );
  for (const { n, k } of keys) {
    if (holders.has(lookupId({ region: unit.regionCode, name: k.name, value: k.value }))) {
      atEntry(decl, n, keyError(decl, [k]));
    }
  }
  const { created } = await writeBatch(w, decl, unit, plains, [], null, env);
  return created;
}
