import { sql } from "kysely";
import { checksOff } from "../../../kernel/access.ts";
import { ConflictError, ForbiddenError, t, ValidationError } from "../../../kernel/errors.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { indexEntry } from "../../search/records.ts";
import {
  type EntryData,
  encryptData,
  type RegisterEnv,
  sameData,
  uniqueKeyValues,
  validateData,
} from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { assertActsForUnit, assertEditEntry, assertWrite } from "./access.ts";
import { keyError, takenKeys, writeKeys } from "./keys.ts";
import {
  ENTITY,
  type EntryRow,
  type EntryView,
  loadEntryRow,
  shownData,
  storedOf,
  toView,
  unmaskInput,
} from "./rows.ts";

// ---------------------------------------------------------------------------------
// Writing (shared by the API and the xlsx import; callers check access first)

export async function resolveUnit(
  w: WorkTx,
  unitId: number | undefined,
): Promise<{ id: number; regionCode: string }> {
  const id = unitId ?? w.actor.unitId;
  if (w.actor.scope === "unit" && id !== w.actor.unitId && !checksOff(w.actor)) {
    throw new ForbiddenError(
      t("只能登记本单位的记录", "a unit records entries of its own unit only"),
    );
  }
  const unit = await w.trx
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!unit || (!w.actor.regions.includes(unit.region_code) && !checksOff(w.actor))) {
    const msg = t("您管辖的地区没有这个单位", `no unit ${id} in your regions`);
    throw new ValidationError(msg, [{ field: "unitId", message: msg }]);
  }
  assertActsForUnit(w.actor, { id: unit.id, regionCode: unit.region_code });
  return { id: unit.id, regionCode: unit.region_code };
}

export async function insertEntry(
  w: WorkTx,
  decl: RegisterDecl,
  unit: { id: number; regionCode: string },
  plain: EntryData,
  env: RegisterEnv,
): Promise<EntryRow> {
  const taken = await takenKeys(w, decl, unit.regionCode, uniqueKeyValues(decl, plain, env));
  if (taken.length > 0) throw keyError(decl, taken);
  const stored = encryptData(decl, plain, env);
  const row = await w.trx
    .insertInto("register_entry")
    .values({
      region_code: unit.regionCode,
      register: decl.code,
      unit_id: unit.id,
      visibility: decl.visibility,
      data: JSON.stringify(stored),
      created_at: w.now,
      updated_at: w.now,
      created_by: w.actor.userId,
      updated_by: w.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeKeys(w, decl, unit.regionCode, row.id, plain, env);
  await indexEntry(w.trx, decl, row, w.now); // full-text search (engines/search)
  await w.audit({
    regionCode: unit.regionCode,
    action: `register.${decl.code}.create`,
    entityType: ENTITY,
    entityId: row.id,
    after: stored,
  });
  return row;
}

/** Update a row read in this transaction to new (validated) data, if its version is still the one read (else 409); null when nothing changed. */
export async function updateEntryRow(
  w: WorkTx,
  decl: RegisterDecl,
  row: EntryRow,
  plain: EntryData,
  env: RegisterEnv,
  reason: string | null | undefined,
): Promise<EntryRow | null> {
  const before = storedOf(row);
  const stored = encryptData(decl, plain, env, before);
  if (sameData(before, stored)) return null;
  if (decl.sensitive?.includes("update") && !reason?.trim()) {
    throw new ValidationError(
      t(
        `修改${decl.label.zh}须填写理由`,
        `a reason is required to change a ${decl.label.en} entry`,
      ),
      [{ field: "reason", message: t("必填", "required") }],
    );
  }
  const taken = await takenKeys(
    w,
    decl,
    row.region_code,
    uniqueKeyValues(decl, plain, env),
    row.id,
  );
  if (taken.length > 0) throw keyError(decl, taken);
  const updated = await w.trx
    .updateTable("register_entry")
    .set({
      data: JSON.stringify(stored),
      version: sql`version + 1`,
      visibility: decl.visibility,
      updated_at: w.now,
      updated_by: w.actor.userId,
    })
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated)
    throw new ConflictError(
      t("记录已被他人修改，请刷新后重试", `${decl.label.en} entry ${row.id} was changed meanwhile`),
    );
  await writeKeys(w, decl, row.region_code, row.id, plain, env);
  await indexEntry(w.trx, decl, updated, w.now); // full-text search (engines/search)
  await w.audit({
    regionCode: row.region_code,
    action: `register.${decl.code}.update`,
    entityType: ENTITY,
    entityId: row.id,
    before,
    after: stored,
    reason: reason ?? null,
    reasonRequired: decl.sensitive?.includes("update") ?? false,
  });
  return updated;
}

// ---------------------------------------------------------------------------------
// The actions: create, update, delete

export async function createEntry(
  w: WorkTx,
  decl: RegisterDecl,
  input: { data: unknown; unitId?: number },
  env: RegisterEnv = {},
): Promise<EntryView> {
  assertWrite(w.actor, decl);
  const plain = validateData(decl, input.data);
  const unit = await resolveUnit(w, input.unitId);
  const row = await insertEntry(w, decl, unit, plain, env);
  return toView(w, decl, row, shownData(w, decl, row, plain));
}

export async function updateEntry(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  input: { version: number; data: unknown; reason?: string | null },
  env: RegisterEnv = {},
): Promise<EntryView> {
  assertWrite(w.actor, decl);
  // No row lock: the UPDATE itself checks the version (a lock would need the row to pass
  // the update policy, turning "visible but not yours" into "not found").
  const row = await loadEntryRow(w, decl, id);
  assertEditEntry(w.actor, decl, row);
  if (row.version !== input.version) {
    throw new ConflictError(
      t(
        "记录已被他人修改，请刷新后重试",
        `${decl.label.en} entry ${id} is at version ${row.version}, not ${input.version}: reload and try again`,
      ),
    );
  }
  const plain = validateData(decl, unmaskInput(decl, row, input.data, env));
  const updated = await updateEntryRow(w, decl, row, plain, env, input.reason);
  return toView(w, decl, updated ?? row, shownData(w, decl, row, plain));
}

export async function deleteEntry(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  input: { reason?: string | null; version?: number },
  _env: RegisterEnv = {},
): Promise<void> {
  assertWrite(w.actor, decl);
  const row = await loadEntryRow(w, decl, id);
  assertEditEntry(w.actor, decl, row);
  const reason = input.reason?.trim() || null;
  if (decl.sensitive?.includes("delete") && !reason) {
    throw new ValidationError(
      t(
        `删除${decl.label.zh}记录须填写理由`,
        `a reason is required to delete a ${decl.label.en} entry`,
      ),
      [{ field: "reason", message: t("必填", "required") }],
    );
  }
  if (input.version !== undefined && input.version !== row.version) {
    throw new ConflictError(
      t(
        "记录已被他人修改，请刷新后重试",
        `${decl.label.en} entry ${id} is at version ${row.version}, not ${input.version}`,
      ),
    );
  }
  const gone = await w.trx
    .deleteFrom("register_entry")
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returning("id")
    .executeTakeFirst();
  if (!gone)
    throw new ConflictError(
      t("记录已被他人修改，请刷新后重试", `${decl.label.en} entry ${id} was changed meanwhile`),
    );
  await w.audit({
    regionCode: row.region_code,
    action: `register.${decl.code}.delete`,
    entityType: ENTITY,
    entityId: row.id,
    before: storedOf(row),
    reason,
    reasonRequired: decl.sensitive?.includes("delete") ?? false,
  });
}
