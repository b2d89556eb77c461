import { type Actor, can } from "../../../kernel/access.ts";
import { ForbiddenError, t } from "../../../kernel/errors.ts";
import { PERMISSION_LABELS } from "../../../kernel/labels.ts";
import type { RegisterDecl } from "../declare.ts";
import type { EntryRow } from "./rows.ts";

// ---------------------------------------------------------------------------------
// Access

export function canReadRegisters(actor: Actor): boolean {
  return can(actor, "record.read");
}

/** May the actor create entries in this register (and edit some)? */
export function canWriteRegister(actor: Actor, decl: RegisterDecl): boolean {
  if (!can(actor, "record.write") || !can(actor, decl.edit.permission)) return false;
  return decl.edit.scope !== "region" || actor.scope === "region";
}

export function canEditEntry(actor: Actor, decl: RegisterDecl, row: { unit_id: number }): boolean {
  if (!canWriteRegister(actor, decl)) return false;
  return actor.scope === "region" || row.unit_id === actor.unitId;
}

export function assertRead(actor: Actor) {
  if (!canReadRegisters(actor))
    throw new ForbiddenError(t("您没有查阅台账的权限", "reading registers needs record.read"));
}

export function assertWrite(actor: Actor, decl: RegisterDecl) {
  if (!can(actor, "record.write") || !can(actor, decl.edit.permission)) {
    throw new ForbiddenError(
      t(
        `您没有编辑${decl.label.zh}的权限（需要“${PERMISSION_LABELS["record.write"]?.zh}”和“${PERMISSION_LABELS[decl.edit.permission]?.zh ?? decl.edit.permission}”权限）`,
        `editing ${decl.label.en} needs the permissions record.write and ${decl.edit.permission}`,
      ),
    );
  }
  if (decl.edit.scope === "region" && actor.scope !== "region") {
    throw new ForbiddenError(
      t(
        `${decl.label.zh}由本地区依法治区办维护`,
        `${decl.label.en} is kept by the region's rule-of-law office`,
      ),
    );
  }
}

export function assertEditEntry(actor: Actor, decl: RegisterDecl, row: EntryRow) {
  assertWrite(actor, decl);
  if (!canEditEntry(actor, decl, row)) {
    throw new ForbiddenError(
      t(
        "这条记录属于其他单位，只能由该单位修改",
        `entry ${row.id} belongs to another unit; only that unit edits it`,
      ),
    );
  }
}

/** Visible to the actor (row-level security decides too; this is the second check). */
export function visible(actor: Actor, row: EntryRow): boolean {
  if (!actor.regions.includes(row.region_code)) return false;
  return row.visibility === "region" || actor.scope === "region" || row.unit_id === actor.unitId;
}
