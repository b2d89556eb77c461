import { z } from "zod";
import { InvalidStateError, NotFoundError, t, ValidationError } from "../../kernel/errors.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseDeps } from "./deps.ts";
import { ownerOnly } from "./ops.ts";
import { recordCaseEvent } from "./record.ts";
import { caseTypeOf, createCase } from "./service.ts";
import { loadCase } from "./store.ts";
import { parseWith, requirePermission } from "./validate.ts";

/** A case's relations: typed links, participating units, sub-cases. */

async function unitInRegion(w: WorkTx, unitId: number, regionCode: string) {
  const unit = await w.trx
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!unit || unit.region_code !== regionCode) {
    throw new ValidationError(t("案件所在地区没有该单位", "no such unit in the case's region"), [
      { field: "unitId", message: t(`没有单位 ${unitId}`, `no unit ${unitId}`) },
    ]);
  }
  return unit;
}

const ParticipantBody = z.object({ unitId: z.number().int(), role: z.string() });

/** A unit taking part in a case it does not own sees it and acts on its own part only. */
export async function addParticipant(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(ParticipantBody, body, "");
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", t("添加参与单位", "adding a participant"));
  if (!decl.participantRoles?.[b.role]) {
    const roles = Object.keys(decl.participantRoles ?? {});
    throw new ValidationError(
      t(
        `${decl.label.zh}没有参与角色“${b.role}”`,
        `a ${decl.label.en} has no participant role ${b.role}`,
      ),
      [
        {
          field: "role",
          message: t(
            `可选：${roles.join("、") || "（无）"}`,
            `one of ${roles.join(", ") || "(none)"}`,
          ),
        },
      ],
    );
  }
  const c = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  ownerOnly(w, c);
  const unit = await unitInRegion(w, b.unitId, c.regionCode);
  await w.trx
    .insertInto("case_participant")
    .values({ region_code: c.regionCode, case_id: c.id, unit_id: unit.id, role: b.role })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await recordCaseEvent(w, decl.code, c, {
    kind: "participant",
    action: "add_participant",
    onDate: w.today,
    data: { unitId: unit.id, role: b.role },
  });
}

const SubCaseBody = z.object({
  unitId: z.number().int(),
  fields: z.record(z.string(), z.unknown()),
  onDate: z.string().optional(),
});

/** Open a sub-case for another unit (one intake, several units processing in parallel). */
export async function openSubCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(SubCaseBody, body, "");
  const decl = caseTypeOf(deps, caseType);
  if (!decl.subCases)
    throw new NotFoundError(t(`${decl.label.zh}没有子案件`, `a ${decl.label.en} has no sub-cases`));
  const parent = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  ownerOnly(w, parent);
  if (parent.closedOn) throw new InvalidStateError(t(`案件 ${id} 已办结`, `case ${id} is closed`));
  const unit = await unitInRegion(w, b.unitId, parent.regionCode);
  const child = await createCase(
    deps,
    w,
    decl.subCases.caseType,
    { fields: b.fields, onDate: b.onDate, unitId: unit.id },
    { parentId: parent.id },
  );
  // The processing unit takes part in the parent: it sees the intake.
  await w.trx
    .insertInto("case_participant")
    .values({
      region_code: parent.regionCode,
      case_id: parent.id,
      unit_id: unit.id,
      role: "sub_case",
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await recordCaseEvent(w, decl.code, parent, {
    kind: "sub_case",
    action: "open_sub_case",
    onDate: child.openedOn,
    data: { subCaseId: child.id, unitId: unit.id },
  });
  return child;
}

/** Links live in links.ts (kept here for existing importers). */
export { linkCase } from "./links.ts";
