import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { LegalCalendar, LocalDate } from "../../kernel/time/index.ts";
import type { Registry } from "../registry.ts";
import { settingsFor } from "../settings.ts";
import { computeCaseClocks } from "./clocks.ts";
import { toView } from "./store.ts";

/**
 * When a year's holiday notice is loaded, deadlines that were provisional may move.
 * Deadlines are computed, never stored, so nothing needs rewriting: this lists what
 * changes, so the people concerned can be told (runs as the owner: every region).
 */
export interface DeadlineChange {
  regionCode: string;
  caseId: number;
  caseType: string;
  title: string;
  clock: string;
  before: LocalDate | null;
  after: LocalDate | null;
}

export async function deadlineChanges(
  registry: Registry,
  owner: Kysely<DB>,
  before: LegalCalendar,
  after: LegalCalendar,
  today: LocalDate,
): Promise<DeadlineChange[]> {
  const rows = await owner
    .selectFrom("case_file")
    .selectAll()
    .where("closed_on", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("case_clock as k")
          .select("k.clock")
          .whereRef("k.region_code", "=", "case_file.region_code")
          .whereRef("k.case_id", "=", "case_file.id")
          .where("k.stopped_on", "is", null),
      ),
    )
    .execute();
  const out: DeadlineChange[] = [];
  await owner.transaction().execute(async (trx) => {
    for (const r of rows) {
      const decl = registry.caseType(r.case_type);
      if (!decl) continue;
      const c = toView(r);
      const settings = await settingsFor(trx, registry, c.regionCode, today);
      // A case whose clocks cannot be computed is skipped (see GET /api/data-quality).
      const [b, a] = [
        (await computeCaseClocks(trx, decl, c, before, today, settings)).clocks,
        (await computeCaseClocks(trx, decl, c, after, today, settings)).clocks,
      ];
      for (const x of b) {
        const y = a.find((k) => k.clock === x.clock);
        if (x.provisional && y && x.due !== y.due) {
          out.push({
            regionCode: c.regionCode,
            caseId: c.id,
            caseType: c.caseType,
            title: c.title,
            clock: x.clock,
            before: x.due,
            after: y.due,
          });
        }
      }
    }
  });
  return out;
}
