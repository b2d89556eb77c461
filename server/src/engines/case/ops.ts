import { z } from "zod";
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  ValidationError,
} from "../../kernel/errors.ts";
import {
  compareLocalDate,
  formatPeriod,
  type LocalDate,
  parsePeriod,
} from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { isOwner, recordCaseEvent } from "./record.ts";
import { caseTypeOf } from "./service.ts";
import { bumpVersion, lastStepDate, loadCase, loadHistory } from "./store.ts";
import { parseWith, requirePermission, stepDate } from "./validate.ts";

/** The clock operations: suspend, resume, extend (each a versioned change of the case). */

export function ownerOnly(w: WorkTx, c: CaseView) {
  if (!isOwner(w, c)) throw new ForbiddenError("only the unit that owns the case may do this");
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
  const lastDate = lastStepDate(await loadHistory(w.trx, c));
  return { decl, c, lastDate, bump: () => bumpVersion(w.trx, c, version, {}, w.now) };
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

const Version = z.number().int().positive();
const SuspendBody = z.object({
  version: Version,
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
  const { decl, c, lastDate, bump } = await lockForChange(deps, w, caseType, id, b.version);
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
  await bump();
  await recordCaseEvent(
    w,
    decl.code,
    c,
    {
      kind: "suspend",
      action: "suspend",
      onDate,
      reason: b.reason,
      data: { clock: b.clock ?? null, legalBasis: decl.suspension.legalBasis },
    },
    { reasonRequired: true },
  );
}

const ResumeBody = z.object({ version: Version, onDate: z.string().optional() });

export async function resumeCase(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  body: unknown,
) {
  const b = parseWith(ResumeBody, body, "");
  const { decl, c, lastDate, bump } = await lockForChange(deps, w, caseType, id, b.version);
  const open = await openSuspension(w, c);
  if (!open) throw new InvalidStateError(`case ${id} is not suspended`);
  const onDate = stepDate(w, b.onDate, lastDate);
  if (compareLocalDate(onDate, open.from_date as LocalDate) < 0) {
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
  await bump();
  await recordCaseEvent(w, decl.code, c, {
    kind: "resume",
    action: "resume",
    onDate,
    data: { suspendedFrom: open.from_date, resumedOn: onDate },
  });
}

const ExtendBody = z.object({
  version: Version,
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
  const { decl, c, lastDate, bump } = await lockForChange(deps, w, caseType, id, b.version);
  const rule = decl.extensions?.find((e) => e.clock === b.clock);
  if (!rule) {
    throw new ValidationError(`clock ${b.clock} cannot be extended`, [
      { field: "clock", message: "no extension is provided for this clock" },
    ]);
  }
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
  const p = formatPeriod(period);
  await w.trx
    .insertInto("case_extension")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      clock: b.clock,
      period: p,
      basis: rule.legalBasis,
      approved_by: b.approvedBy,
      on_date: onDate,
    })
    .execute();
  await bump();
  await recordCaseEvent(w, decl.code, c, {
    kind: "extend",
    action: "extend",
    onDate,
    reason: b.reason,
    data: { clock: b.clock, period: p, approvedBy: b.approvedBy, legalBasis: rule.legalBasis },
  });
}
