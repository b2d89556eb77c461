import type { Selectable } from "kysely";
import type { RegisterEntryTable } from "../../../db/schema.ts";
import type { Actor } from "../../../kernel/access.ts";
import { NotFoundError, t } from "../../../kernel/errors.ts";
import type { WorkTx } from "../../../platform/work.ts";
import {
  decryptData,
  type EntryData,
  encryptedFields,
  maskData,
  maskSecret,
  type RegisterEnv,
} from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { canEditEntry, visible } from "./access.ts";

export type EntryRow = Selectable<RegisterEntryTable>;

export interface EntryView {
  id: number;
  register: string;
  regionCode: string;
  unitId: number;
  visibility: "unit" | "region";
  version: number;
  title: string;
  data: EntryData;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
  updatedBy: number | null;
  /** Whether the actor may update or delete this entry. */
  editable: boolean;
}

export const ENTITY = "register_entry";

// ---------------------------------------------------------------------------------
// Rows and views

export async function loadEntryRow(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<EntryRow> {
  const q = w.trx
    .selectFrom("register_entry")
    .selectAll()
    .where("id", "=", id)
    .where("register", "=", decl.code)
    .where("region_code", "in", w.actor.regions);
  const row = await (opts.lock ? q.forUpdate() : q).executeTakeFirst();
  if (!row || !visible(w.actor, row))
    throw new NotFoundError(t(`${decl.label.zh}中没有这条记录`, `no ${decl.label.en} entry ${id}`));
  return row;
}

function titleOf(decl: RegisterDecl, data: EntryData, id: number): string {
  try {
    return decl.title(data as never) || `#${id}`;
  } catch {
    return `#${id}`;
  }
}

export function toView(w: WorkTx, decl: RegisterDecl, row: EntryRow, data: EntryData): EntryView {
  return {
    id: row.id,
    register: row.register,
    regionCode: row.region_code,
    unitId: row.unit_id,
    visibility: row.visibility,
    version: row.version,
    title: titleOf(decl, data, row.id),
    data,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    editable: canEditEntry(w.actor, decl, row),
  };
}

export const storedOf = (row: EntryRow) => (row.data ?? {}) as EntryData;

/** Does the actor see the entry's encrypted fields in full? Only the owning unit does. */
export function seesSecrets(actor: Actor, row: { unit_id: number }): boolean {
  return row.unit_id === actor.unitId;
}

/** The entry's plaintext as the actor may see it: encrypted fields masked but for the owner. */
export function shownData(
  w: WorkTx,
  decl: RegisterDecl,
  row: EntryRow,
  plain: EntryData,
): EntryData {
  return seesSecrets(w.actor, row) ? plain : maskData(decl, plain);
}

/**
 * Input data with each encrypted field that was written back exactly as it is shown
 * masked (138****5678) replaced by the stored number, so that a unit seeing it masked
 * can still edit the other fields.
 */
export function unmaskInput(
  decl: RegisterDecl,
  row: EntryRow,
  input: unknown,
  env: RegisterEnv,
): unknown {
  const fields = encryptedFields(decl);
  if (fields.length === 0 || !input || typeof input !== "object" || Array.isArray(input)) {
    return input;
  }
  const data = input as EntryData;
  if (!fields.some((f) => typeof data[f] === "string" && data[f].includes("*"))) return input;
  const before = decryptData(decl, storedOf(row), env);
  const out = { ...data };
  for (const f of fields) {
    const old = before[f];
    if (typeof old === "string" && old !== "" && out[f] === maskSecret(old)) out[f] = old;
  }
  return out;
}
