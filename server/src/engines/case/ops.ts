import { z } from "zod";
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from "../../kernel/errors.ts";
import { compareLocalDate, formatPeriod, parsePeriod } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { caseTypeOf, createCase } from "./service.ts";
import { appendEvent, bumpVersion, lastStepDate, loadCase, loadHistory } from "./store.ts";
import { parseWith, requirePermission, stepDate } from "./validate.ts";

/** Suspend, resume, extend, link, add a participant, open a sub-case. */

function ownerOnly(w: WorkTx, c: CaseView) {
  if (w.actor.scope !== "region" && w.actor.unitId !== c.unitId) {
    throw new ForbiddenError("only the unit that owns the case may do this");
  }
}

async function lockForChange(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  version: number,
) {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", "changing a case");
  const c = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  if (c.version !== version)
    throw new ConflictError(`case ${id} was changed by someone else; reload it`);
  ownerOnly(w, c);
  if (c.closedOn) throw new InvalidStateError(`case ${id} is closed`);
  const history = await loadHistory(w.trx, c);
  return { decl, c, lastDate: lastStepDate(history) };
}

async function openSuspension(w: WorkTx, c: CaseView) {
  return w.trx
    .selectFrom("case_suspension")
    .selectAll()
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("to_date", "is", null)
    .executeTakeFirst();
}

const SuspendBody = z.object({
  version: z.number().int().positive(),
  clock: z.string().optional(),
  reason: z.string().trim().min(1, "a reason is required"),
  onDate: z.string().optional(),
});

export async function suspendCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(SuspendBody, body, "");
  const { decl, c, lastDate } = await lockForChange(deps, w, caseType, id, b.version);
  if (!decl.suspension) throw new InvalidStateError(`a ${decl.label.en} cannot be suspended`);
  const allowed = decl.suspension.clocks;
  if (b.clock && allowed !== "all" && !allowed.includes(b.clock)) {
    throw new ValidationError(`clock ${b.clock} cannot be suspended`, [
      { field: "clock", message: `one of ${allowed.join(", ")}` },
    ]);
  }
  if (await openSuspension(w, c)) throw new InvalidStateError(`case ${id} is already suspended`);
  const onDate = stepDate(w, b.onDate, lastDate);
  await w.trx
    .insertInto("case_suspension")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      clock: b.clock ?? null,
      from_date: onDate,
      to_date: null,
      reason: b.reason,
    })
    .execute();
  await bumpVersion(w.trx, c, b.version, {}, w.now);
  await appendEvent(w.trx, c, w.actor, w.now, {
    kind: "suspend",
    action: "suspend",
    onDate,
    data: { clock: b.clock ?? null, legalBasis: decl.suspension.legalBasis },
    reason: b.reason,
  });
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.suspend`,
    entityType: "case",
    entityId: c.id,
    after: { from: onDate, clock: b.clock ?? null },
    reason: b.reason,
    reasonRequired: true,
  });
}

const ResumeBody = z.object({
  version: z.number().int().positive(),
  onDate: z.string().optional(),
});

export async function resumeCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(ResumeBody, body, "");
  const { decl, c, lastDate } = await lockForChange(deps, w, caseType, id, b.version);
  const open = await openSuspension(w, c);
  if (!open) throw new InvalidStateError(`case ${id} is not suspended`);
  const onDate = stepDate(w, b.onDate, lastDate);
  if (compareLocalDate(onDate, open.from_date as never) < 0) {
    throw new ValidationError("cannot resume before the suspension began", [
      { field: "onDate", message: `on or after ${open.from_date}` },
    ]);
  }
  await w.trx
    .updateTable("case_suspension")
    .set({ to_date: onDate })
    .where("region_code", "=", c.regionCode)
    .where("id", "=", open.id)
    .execute();
  await bumpVersion(w.trx, c, b.version, {}, w.now);
  await appendEvent(w.trx, c, w.actor, w.now, {
    kind: "resume",
    action: "resume",
    onDate,
    data: { suspendedFrom: open.from_date },
  });
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.resume`,
    entityType: "case",
    entityId: c.id,
    before: { suspendedFrom: open.from_date },
    after: { resumedOn: onDate },
  });
}

const ExtendBody = z.object({
  version: z.number().int().positive(),
  clock: z.string(),
  period: z.string(),
  approvedBy: z.string().trim().min(1, "who approved the extension"),
  reason: z.string().trim().min(1, "a reason is required"),
  onDate: z.string().optional(),
});

export async function extendCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(ExtendBody, body, "");
  const { decl, c, lastDate } = await lockForChange(deps, w, caseType, id, b.version);
  const rule = decl.extensions?.find((e) => e.clock === b.clock);
  if (!rule)
    throw new ValidationError(`clock ${b.clock} cannot be extended`, [
      { field: "clock", message: "no extension is provided for this clock" },
    ]);
  requirePermission(w, rule.permission ?? "unit.lead", "approving an extension");
  const period = parsePeriod(b.period, "period");
  if (period.unit !== rule.max.unit || period.n > rule.max.n) {
    throw new ValidationError(`at most ${formatPeriod(rule.max)} (${rule.legalBasis})`, [
      { field: "period", message: `at most ${formatPeriod(rule.max)}` },
    ]);
  }
  const already = await w.trx
    .selectFrom("case_extension")
    .select("id")
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("clock", "=", b.clock)
    .executeTakeFirst();
  if (already) throw new InvalidStateError(`clock ${b.clock} was already extended once`);
  const onDate = stepDate(w, b.onDate, lastDate);
  await w.trx
    .insertInto("case_extension")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      clock: b.clock,
      period: formatPeriod(period),
      basis: rule.legalBasis,
      approved_by: b.approvedBy,
      on_date: onDate,
    })
    .execute();
  await bumpVersion(w.trx, c, b.version, {}, w.now);
  await appendEvent(w.trx, c, w.actor, w.now, {
    kind: "extend",
    action: "extend",
    onDate,
    data: {
      clock: b.clock,
      period: formatPeriod(period),
      approvedBy: b.approvedBy,
      legalBasis: rule.legalBasis,
    },
    reason: b.reason,
  });
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.extend`,
    entityType: "case",
    entityId: c.id,
    after: { clock: b.clock, period: formatPeriod(period), approvedBy: b.approvedBy },
    reason: b.reason,
  });
}

const LinkBody = z.object({ kind: z.string(), toCaseId: z.number().int() });

/** A typed link, shown on both sides (reviews, follows, opened_from, amends, repeals, part_of). */
export async function linkCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(LinkBody, body, "");
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", "linking cases");
  if (!decl.links?.includes(b.kind)) {
    throw new ValidationError(`a ${decl.label.en} has no link ${b.kind}`, [
      { field: "kind", message: `one of ${(decl.links ?? []).join(", ") || "(none)"}` },
    ]);
  }
  const c = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  ownerOnly(w, c);
  const target = await w.trx
    .selectFrom("case_file")
    .select(["id", "region_code", "case_type"])
    .where("id", "=", b.toCaseId)
    .executeTakeFirst();
  if (!target || target.region_code !== c.regionCode)
    throw new ValidationError("no such case", [
      { field: "toCaseId", message: `no case ${b.toCaseId} you can see in this region` },
    ]);
  if (target.id === c.id)
    throw new ValidationError("a case cannot link to itself", [
      { field: "toCaseId", message: "the same case" },
    ]);
  await w.trx
    .insertInto("case_link")
    .values({
      region_code: c.regionCode,
      from_case_id: c.id,
      kind: b.kind,
      to_case_id: target.id,
      created_at: w.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await appendEvent(w.trx, c, w.actor, w.now, {
    kind: "link",
    action: "link",
    onDate: w.today,
    data: { kind: b.kind, toCaseId: target.id, toCaseType: target.case_type },
  });
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.link`,
    entityType: "case",
    entityId: c.id,
    after: { kind: b.kind, toCaseId: target.id },
  });
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
  requirePermission(w, "record.write", "adding a participant");
  if (!decl.participantRoles?.[b.role]) {
    throw new ValidationError(`a ${decl.label.en} has no participant role ${b.role}`, [
      {
        field: "role",
        message: `one of ${Object.keys(decl.participantRoles ?? {}).join(", ") || "(none)"}`,
      },
    ]);
  }
  const c = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  ownerOnly(w, c);
  const unit = await w.trx
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", b.unitId)
    .executeTakeFirst();
  if (!unit || unit.region_code !== c.regionCode)
    throw new ValidationError("no such unit in the case's region", [
      { field: "unitId", message: `no unit ${b.unitId}` },
    ]);
  await w.trx
    .insertInto("case_participant")
    .values({ region_code: c.regionCode, case_id: c.id, unit_id: unit.id, role: b.role })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await appendEvent(w.trx, c, w.actor, w.now, {
    kind: "participant",
    action: "add_participant",
    onDate: w.today,
    data: { unitId: unit.id, role: b.role },
  });
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.add_participant`,
    entityType: "case",
    entityId: c.id,
    after: { unitId: unit.id, role: b.role },
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
  if (!decl.subCases) throw new NotFoundError(`a ${decl.label.en} has no sub-cases`);
  const parent = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  ownerOnly(w, parent);
  if (parent.closedOn) throw new InvalidStateError(`case ${id} is closed`);
  const unit = await w.trx
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", b.unitId)
    .executeTakeFirst();
  if (!unit || unit.region_code !== parent.regionCode)
    throw new ValidationError("no such unit in the case's region", [
      { field: "unitId", message: `no unit ${b.unitId}` },
    ]);
  const child = await createCase(
    deps,
    w,
    decl.subCases.caseType,
    { fields: b.fields, onDate: b.onDate, unitId: unit.id, handlerUserId: undefined },
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
  await appendEvent(w.trx, parent, w.actor, w.now, {
    kind: "sub_case",
    action: "open_sub_case",
    onDate: child.openedOn,
    data: { subCaseId: child.id, unitId: unit.id },
  });
  await w.audit({
    regionCode: parent.regionCode,
    action: `case.${decl.code}.open_sub_case`,
    entityType: "case",
    entityId: parent.id,
    after: { subCaseId: child.id, unitId: unit.id },
  });
  return child;
}
