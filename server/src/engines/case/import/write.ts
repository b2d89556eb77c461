import { sql } from "kysely";
import { type AuditChange, recordAuditBatch } from "../../../platform/audit/record.ts";
import type { WorkTx } from "../../../platform/work.ts";
import type { AnyCaseType } from "../declare.ts";
import { sealPeople } from "../protect.ts";
import type { ImportedCase } from "./row.ts";

/**
 * Writing checked historical cases, set-based: per chunk of rows one INSERT … SELECT
 * from a JSON array for the cases (returning the ids with the file's row numbers), one
 * for their timelines and clocks (a checked function), and three for their audit events (one
 * `case.<type>.import` event per case, hash-chained per case like every other event).
 * Five statements per thousand rows, whatever the size of the file.
 */
export const CHUNK = 1000;

export interface Batch {
  id: number;
  sm3: string;
}

export async function writeChunk(
  w: WorkTx,
  decl: AnyCaseType,
  fieldKey: Buffer,
  batch: Batch,
  chunk: readonly ImportedCase[],
): Promise<void> {
  if (chunk.length === 0) return;
  const sealed = chunk.map((c) => sealPeople(decl, c.fields, fieldKey));
  const numbersOf = (c: ImportedCase) => Object.fromEntries(c.numbers.map((n) => [n.kind, n.text]));
  const cases = chunk.map((c, i) => ({
    region_code: c.regionCode,
    unit_id: c.unitId,
    state: c.state,
    title: c.title,
    fields: sealed[i],
    numbers: numbersOf(c),
    opened_on: c.openedOn,
    closed_on: c.closedOn,
    import_row: c.row,
    version: 1 + c.steps.length,
  }));
  const { rows: ids } = await sql<{ id: number; import_row: number }>`
    insert into case_file (region_code, case_type, unit_id, state, title, fields, numbers,
      opened_on, closed_on, handler_user_id, created_by, created_at, updated_at, version,
      import_batch, import_row)
    select r.region_code, ${decl.code}, r.unit_id, r.state, r.title, r.fields, r.numbers,
      r.opened_on, r.closed_on, null, ${w.actor.userId}, ${w.now}, ${w.now}, r.version,
      ${batch.id}, r.import_row
      from jsonb_to_recordset(${JSON.stringify(cases)}::jsonb) as r(region_code text,
        unit_id bigint, state text, title text, fields jsonb, numbers jsonb, opened_on date,
        closed_on date, import_row int, version int)
    returning id, import_row`.execute(w.trx);
  const idOf = new Map(ids.map((r) => [r.import_row, Number(r.id)]));
  const id = (c: ImportedCase) => idOf.get(c.row)!;

  const imported = (c: ImportedCase) => ({ batch: batch.id, row: c.row });
  const events = chunk.flatMap((c) => {
    const issuedAt = (action: string) =>
      Object.fromEntries(
        c.numbers
          .filter((n) =>
            action === "create"
              ? decl.issuesOnCreate?.includes(n.kind)
              : decl.transitions.find((tr) => tr.action === action)?.issues?.includes(n.kind),
          )
          .map((n) => [n.kind, n.text]),
      );
    return [
      {
        case_id: id(c),
        seq: 1,
        kind: "created",
        action: "create",
        from_state: null,
        to_state: decl.initial,
        on_date: c.openedOn,
        data: { numbers: issuedAt("create"), imported: imported(c) },
      },
      ...c.steps.map((s, i) => ({
        case_id: id(c),
        seq: i + 2,
        kind: "transition",
        action: s.action,
        from_state: s.from,
        to_state: s.to,
        on_date: s.onDate,
        data: { input: s.input ?? {}, numbers: issuedAt(s.action), imported: imported(c) },
      })),
    ];
  });
  const clocks = chunk.flatMap((c) =>
    c.clocks.map((k) => ({
      case_id: id(c),
      clock: k.clock,
      started_on: k.startedOn,
      stopped_on: k.stoppedOn,
    })),
  );
  // Checked in the function: the batch is the caller's, the cases are the batch's.
  await sql`select fazhi_import_timelines(${chunk[0]!.regionCode}, ${batch.id}, ${w.now},
      ${w.actor.userId}, ${w.actor.unitId}, ${w.actor.displayName},
      ${JSON.stringify(events)}::jsonb, ${JSON.stringify(clocks)}::jsonb)`.execute(w.trx);

  const audit: AuditChange[] = chunk.map((c, i) => ({
    regionCode: c.regionCode,
    action: `case.${decl.code}.import`,
    entityType: "case",
    entityId: id(c),
    after: {
      state: c.state,
      unitId: c.unitId,
      title: c.title,
      fields: sealed[i],
      numbers: numbersOf(c),
      openedOn: c.openedOn,
      closedOn: c.closedOn,
      steps: c.steps.map((s) => ({
        action: s.action,
        onDate: s.onDate,
        ...(s.input ? { input: s.input } : {}),
      })),
      clocks: c.clocks,
      imported: { ...imported(c), sm3: batch.sm3 },
    },
  }));
  await recordAuditBatch(w.trx, { actor: w.actor, ip: w.ip, now: w.now }, audit);
}
