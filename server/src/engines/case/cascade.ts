import { sql } from "kysely";
import type { LocalDate } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import { applyClockTriggers, stopAllClocks } from "./clocks.ts";
import type { CaseView, OpenCaseInit } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { linkKind } from "./links.ts";
import { recordCaseEvent } from "./record.ts";
import { caseTypeOf, createCase } from "./service.ts";
import { appendEvent, bumpVersion, loadCase } from "./store.ts";

/** What a step sets off beyond its own case: a case its effect opens, a parent's step. */

/**
 * A step's effect opens a case of another type (dated on the step's date, owned by the
 * case's unit unless another of the region is named), optionally linked to the case.
 */
export async function openLinkedCase(
  deps: CaseDeps,
  w: WorkTx,
  from: CaseView,
  onDate: LocalDate,
  caseType: string,
  init: OpenCaseInit,
): Promise<CaseView> {
  const decl = caseTypeOf(deps, caseType);
  if (init.link && !linkKind(decl, init.link)) {
    throw new Error(`case type ${decl.code} declares no link ${init.link}`);
  }
  const opened = await createCase(
    deps,
    w,
    caseType,
    { fields: init.fields, onDate, unitId: init.unitId ?? from.unitId },
    { byStep: true },
  );
  if (init.link) {
    await w.trx
      .insertInto("case_link")
      .values({
        region_code: from.regionCode,
        from_case_id: opened.id,
        kind: init.link,
        to_case_id: from.id,
        to_region_code: from.regionCode,
        created_at: w.now,
      })
      .execute();
    await recordCaseEvent(w, decl.code, opened, {
      kind: "link",
      action: "link",
      onDate: w.today,
      data: { kind: init.link, toCaseId: from.id, toCaseType: from.caseType },
    });
  }
  return opened;
}

/**
 * Sub-cases: when the last open sub-case of a parent reaches a terminal state, the
 * parent takes its declared `onAllClosed` step (one intake, several units in parallel).
 */
export async function concludeParentIfDone(
  deps: CaseDeps,
  w: WorkTx,
  child: CaseView,
  onDate: LocalDate,
) {
  const parent = await loadCase(w.trx, child.parentId!, { lock: true });
  const pdecl = caseTypeOf(deps, parent.caseType);
  if (!pdecl.subCases) return;
  // Count across units (row-level security would hide the other units' sub-cases).
  const { rows } = await sql<{
    n: number;
  }>`select fazhi_open_sub_cases(${parent.regionCode}, ${parent.id}) as n`.execute(w.trx);
  if (Number(rows[0]?.n ?? 0) > 0) return;
  const t = pdecl.transitions.find((x) => x.action === pdecl.subCases?.onAllClosed);
  if (!t?.from.includes(parent.state)) return;
  const terminal = pdecl.states[t.to]?.terminal === true;
  await bumpVersion(
    w.trx,
    parent,
    parent.version,
    { state: t.to, closed_on: terminal ? onDate : null },
    w.now,
  );
  await appendEvent(w.trx, parent, w.actor, w.now, {
    kind: "transition",
    action: t.action,
    fromState: parent.state,
    toState: t.to,
    onDate,
    data: { trigger: "all_sub_cases_closed", lastSubCase: child.id },
  });
  await applyClockTriggers(w.trx, deps.registry, { ...parent, state: t.to }, t.action, onDate, {
    input: {},
    fields: parent.fields,
    now: w.now,
    today: w.today,
  });
  if (terminal) await stopAllClocks(w.trx, parent, onDate);
  await w.audit({
    regionCode: parent.regionCode,
    action: `case.${pdecl.code}.${t.action}`,
    entityType: "case",
    entityId: parent.id,
    before: { state: parent.state, version: parent.version },
    after: { state: t.to, version: parent.version + 1, trigger: "all_sub_cases_closed" },
  });
}
