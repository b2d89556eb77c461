/**
 * Reconsideration cases concluded within the time limit: concluded in the period, and the
 * decision clock (60 or 30 days, moved by suspensions and extensions) stopped on or before
 * its due date — computed by the case engine's clocks, never typed in.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { AnyCaseType } from "../../../engines/case/index.ts";
import { caseViewOf, clockStatesOfMany } from "../../../engines/case/index.ts";
import type { DrillRow, IndicatorQuery } from "../../../engines/indicator/index.ts";
import { settingsFor } from "../../../engines/settings.ts";
import type { LocalDate } from "../../../kernel/time/index.ts";
import { legalCalendar } from "../../../platform/calendar.ts";

export const CONCLUDED = ["decided", "mediated", "dismissed", "terminated"];

export async function inTimeRows(q: IndicatorQuery, decl: AnyCaseType): Promise<DrillRow[]> {
  let qb = q.db
    .selectFrom("case_file")
    .selectAll()
    .where("region_code", "in", q.regions)
    .where("case_type", "=", decl.code)
    .where("state", "in", CONCLUDED)
    .where("closed_on", ">=", q.from)
    .where("closed_on", "<=", q.to);
  if (q.unitId !== undefined) qb = qb.where("unit_id", "=", q.unitId);
  const rows = await qb.orderBy("region_code").orderBy("id").execute();
  if (rows.length === 0) return [];
  const calendar = await legalCalendar(q.db as Kysely<DB>, Date.now());
  const lookup = { setting: () => undefined, settings: () => [] };
  const items = [];
  for (const r of rows) {
    const settings = await settingsFor(
      q.db as Kysely<DB>,
      lookup,
      r.region_code,
      q.to as LocalDate,
    );
    items.push({ decl, case: caseViewOf(r), settings });
  }
  const states = await clockStatesOfMany(q.db, items, { calendar, asOf: q.to as LocalDate });
  const out: DrillRow[] = [];
  for (const [i, { case: c }] of items.entries()) {
    const k = states[i]?.clocks.find((x) => x.clock === "decision" && !x.superseded);
    // A case terminated before acceptance has no decision clock: nothing was late.
    if (k?.due && k.stoppedOn && k.stoppedOn > k.due) continue;
    out.push({
      kind: "case",
      regionCode: c.regionCode,
      id: c.id,
      type: c.caseType,
      title: c.title,
      unitId: c.unitId,
      value: 1,
      extra: {
        state: c.state,
        closedOn: c.closedOn,
        due: k?.due ?? null,
        stoppedOn: k?.stoppedOn ?? null,
      },
    });
  }
  return out;
}
