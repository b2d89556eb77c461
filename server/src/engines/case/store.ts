import { type Selectable, sql, type Transaction } from "kysely";
import type { CaseFileTable, DB } from "../../db/schema.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import type { CaseView, StepEvent } from "./declare.ts";

export function toView(r: Selectable<CaseFileTable>): CaseView {
  return {
    regionCode: r.region_code,
    id: r.id,
    caseType: r.case_type,
    unitId: r.unit_id,
    state: r.state,
    title: r.title,
    fields: (r.fields ?? {}) as Record<string, unknown>,
    numbers: (r.numbers ?? {}) as Record<string, string>,
    parentId: r.parent_id,
    version: r.version,
    openedOn: r.opened_on as LocalDate,
    closedOn: r.closed_on as LocalDate | null,
    handlerUserId: r.handler_user_id,
  };
}

/**
 * Load a case visible to the actor (row-level security decides), optionally locking it
 * for this transaction. Invisible and missing cases are the same: 404.
 */
export async function loadCase(
  trx: Transaction<DB>,
  id: number,
  opts: { caseType?: string; lock?: boolean } = {},
): Promise<CaseView> {
  let q = trx.selectFrom("case_file").selectAll().where("id", "=", id);
  if (opts.caseType) q = q.where("case_type", "=", opts.caseType);
  const row = await (opts.lock ? q.forUpdate() : q).executeTakeFirst();
  if (!row)
    throw new NotFoundError(
      t(`没有案件 ${id}`, `no case ${id}${opts.caseType ? ` of type ${opts.caseType}` : ""}`),
    );
  return toView(row);
}

export async function loadHistory(trx: Transaction<DB>, c: CaseView): Promise<StepEvent[]> {
  const rows = await trx
    .selectFrom("case_event")
    .select(["kind", "action", "on_date", "data", "actor_user_id"])
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .orderBy("seq")
    .execute();
  return rows.map(toStepEvent);
}

/** A timeline row as the step's guards see it. */
export function toStepEvent(r: {
  kind: string;
  action: string;
  on_date: string;
  data: unknown;
  actor_user_id: number | string | null;
}): StepEvent {
  return {
    kind: r.kind,
    action: r.action,
    onDate: r.on_date as LocalDate,
    data: (r.data ?? {}) as Record<string, unknown>,
    actorUserId: r.actor_user_id === null ? null : Number(r.actor_user_id),
  };
}

export interface NewEvent {
  kind: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  onDate: LocalDate;
  data?: Record<string, unknown>;
  reason?: string | null;
}

/**
 * The INSERT … SELECT of a case's next timeline event (its seq one past the last), as a
 * fragment: the batched step writes it inside a larger statement.
 */
export function nextEventInsert(
  c: Pick<CaseView, "regionCode" | "id">,
  actor: { userId: number; unitId: number; displayName: string } | undefined,
  at: Date,
  e: NewEvent,
) {
  return sql`insert into case_event (region_code, case_id, seq, kind, action, from_state, to_state,
                            on_date, at, actor_user_id, actor_unit_id, actor_name, data, reason)
    select ${c.regionCode}, ${c.id}, coalesce(max(seq), 0) + 1, ${e.kind}, ${e.action},
           ${e.fromState ?? null}, ${e.toState ?? null}, ${e.onDate}::date, ${at},
           ${actor?.userId ?? null}::bigint, ${actor?.unitId ?? null}::bigint,
           ${actor?.displayName ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb, ${e.reason ?? null}
      from case_event where region_code = ${c.regionCode} and case_id = ${c.id}`;
}

/** Append a step to the case's timeline (the case row is locked by the caller). */
export async function appendEvent(
  trx: Transaction<DB>,
  c: Pick<CaseView, "regionCode" | "id">,
  actor: { userId: number; unitId: number; displayName: string } | undefined,
  at: Date,
  e: NewEvent,
): Promise<number> {
  const last = await trx
    .selectFrom("case_event")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx
    .insertInto("case_event")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      seq,
      kind: e.kind,
      action: e.action,
      from_state: e.fromState ?? null,
      to_state: e.toState ?? null,
      on_date: e.onDate,
      at,
      actor_user_id: actor?.userId ?? null,
      actor_unit_id: actor?.unitId ?? null,
      actor_name: actor?.displayName ?? null,
      data: JSON.stringify(e.data ?? {}),
      reason: e.reason ?? null,
    })
    .execute();
  return seq;
}

/** Bump the version if it is still `expected` (optimistic locking); false when stale. */
export async function bumpVersion(
  trx: Transaction<DB>,
  c: CaseView,
  expected: number,
  set: Partial<{
    state: string;
    fields: string;
    numbers: string;
    closed_on: string | null;
    title: string;
    handler_user_id: number | null;
  }>,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable("case_file")
    .set({ ...set, version: expected + 1, updated_at: now })
    .where("region_code", "=", c.regionCode)
    .where("id", "=", c.id)
    .where("version", "=", expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const DATED_STEPS = new Set(["created", "transition", "suspend", "resume", "extend"]);

/** The legal date of the case's latest step (a new step may not be dated before it). */
export function lastStepDate(history: StepEvent[]): LocalDate | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (DATED_STEPS.has(e.kind)) return e.onDate;
  }
  return undefined;
}
