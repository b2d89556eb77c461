import { type Actor, actsFor, can, checksOff } from "../../../kernel/access.ts";
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

/**
 * May the actor edit this entry: its own unit's, or — for the rule-of-law office — one
 * of its own region. The city's office supervises its districts' registers: it reads them
 * and does not edit them (kernel/access.ts `actsFor`).
 */
export function canEditEntry(
  actor: Actor,
  decl: RegisterDecl,
  row: { unit_id: number; region_code: string },
): boolean {
  if (!canWriteRegister(actor, decl)) return false;
  return actsFor(actor, { regionCode: row.region_code, unitId: row.unit_id });
}

/** Refuse an entry for a unit the actor does not act for (a unit's own; the office's region). */
export function assertActsForUnit(actor: Actor, unit: { id: number; regionCode: string }) {
  if (actsFor(actor, { regionCode: unit.regionCode, unitId: unit.id })) return;
  throw new ForbiddenError(
    actor.scope === "unit"
      ? t("只能登记本单位的记录", "a unit records entries of its own unit only")
      : t(
          "上级依法治理机构负责监督，不为下级地区的单位登记记录",
          "a supervising region does not record entries for the units of a region below it",
        ),
  );
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
        "这条记录属于其他单位或下级地区，只能由该单位或该地区修改",
        `entry ${row.id} belongs to another unit or a region below yours; only they edit it`,
      ),
    );
  }
}

/** Visible to the actor (row-level security decides too; this is the second check). */
export function visible(actor: Actor, row: EntryRow): boolean {
  if (checksOff(actor)) return true;
  if (!actor.regions.includes(row.region_code)) return false;
  return row.visibility === "region" || actor.scope === "region" || row.unit_id === actor.unitId;
}
