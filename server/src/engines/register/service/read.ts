import type { WorkTx } from "../../../platform/work.ts";
import { changedFields, decryptData, type EntryData, maskData, type RegisterEnv } from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { assertRead } from "./access.ts";
import {
  ENTITY,
  type EntryView,
  loadEntryRow,
  seesSecrets,
  shownData,
  storedOf,
  toView,
} from "./rows.ts";

// ---------------------------------------------------------------------------------
// The actions: read an entry and its versions

export async function getEntry(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  env: RegisterEnv = {},
): Promise<EntryView> {
  assertRead(w.actor);
  const row = await loadEntryRow(w, decl, id);
  return toView(w, decl, row, shownData(w, decl, row, decryptData(decl, storedOf(row), env)));
}

export interface EntryVersion {
  seq: number;
  /** The entry's version after this change (null for a deletion). */
  version: number | null;
  at: string;
  action: string;
  actor: { userId: number | null; unitId: number | null; name: string | null };
  before: EntryData | null;
  after: EntryData | null;
  changed: string[];
  reason: string | null;
}

/** The entry's history, from the audit trail, oldest first. */
export async function entryVersions(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  env: RegisterEnv = {},
): Promise<EntryVersion[]> {
  assertRead(w.actor);
  const row = await loadEntryRow(w, decl, id);
  const events = await w.trx
    .selectFrom("audit_event")
    .select(["seq", "occurred_at", "action", "actor_user_id", "actor_unit_id", "actor_name"])
    .select(["before", "after", "reason"])
    .where("region_code", "=", row.region_code)
    .where("chain_key", "=", `${ENTITY}:${row.id}`)
    .where("entity_type", "=", ENTITY)
    .orderBy("seq")
    .execute();
  const full = seesSecrets(w.actor, row);
  const open = (v: unknown): EntryData | null => {
    if (v === null || v === undefined || typeof v !== "object") return null;
    try {
      const plain = decryptData(decl, v as EntryData, env);
      return full ? plain : maskData(decl, plain);
    } catch {
      return maskData(decl, v as EntryData);
    }
  };
  let version = 0;
  return events.map((e) => {
    const before = open(e.before);
    const after = open(e.after);
    if (after) version += 1;
    return {
      seq: e.seq,
      version: after ? version : null,
      at: new Date(e.occurred_at).toISOString(),
      action: e.action,
      actor: { userId: e.actor_user_id, unitId: e.actor_unit_id, name: e.actor_name },
      before,
      after,
      changed: changedFields(before, after),
      reason: e.reason,
    };
  });
}
