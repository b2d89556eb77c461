import { actsFor } from "../../kernel/access.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseView } from "./declare.ts";
import { appendEvent, type NewEvent } from "./store.ts";

/**
 * Record something that happened to a case: the timeline event and the audit event, in
 * the caller's transaction. The audit action is `case.<type>.<action>`; its `after` is
 * the event's data unless given.
 */
export async function recordCaseEvent(
  w: WorkTx,
  caseType: string,
  c: Pick<CaseView, "regionCode" | "id">,
  e: NewEvent,
  audit: { before?: unknown; after?: unknown; reasonRequired?: boolean } = {},
): Promise<void> {
  await appendEvent(w.trx, c, w.actor, w.now, e);
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${caseType}.${e.action}`,
    entityType: "case",
    entityId: c.id,
    before: audit.before,
    after: audit.after ?? e.data,
    reason: e.reason ?? null,
    reasonRequired: audit.reasonRequired === true,
  });
}

/** Whether the actor's unit takes part in the case (in the given role, or any). */
export async function isParticipant(w: WorkTx, c: CaseView, role?: string): Promise<boolean> {
  let q = w.trx
    .selectFrom("case_participant")
    .select("role")
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("unit_id", "=", w.actor.unitId);
  if (role) q = q.where("role", "=", role);
  return Boolean(await q.executeTakeFirst());
}

/**
 * Whether the actor works on the case as its owner: its unit, or the rule-of-law office
 * of the case's own region. The city's office reaches a district's cases only through
 * its parent region: it supervises (reads, comments, asks) and acts only in a step
 * declared `actor: "supervisor"` (kernel/access.ts `actsFor`).
 */
export function isOwner(w: WorkTx, c: CaseView): boolean {
  return actsFor(w.actor, { regionCode: c.regionCode, unitId: c.unitId });
}
