import fs from "node:fs/promises";
import { loadConfig } from "../../db/config.ts";
import { deadlineChanges } from "../../engines/case/recompute.ts";
import { createRegistry } from "../../engines/registry.ts";
import { bundledNotices, LegalCalendar, toLocalDate } from "../../kernel/time/index.ts";
import { loadModules } from "../../modules/index.ts";
import { recordAudit } from "../../platform/audit/record.ts";
import { loadNotices, storeNotice } from "../../platform/calendar.ts";
import { systemClock } from "../../platform/clock.ts";
import { CliError, databaseExists, withDatabase } from "../runtime.ts";
import { runDeadline } from "./deadline.ts";

const io = {
  out: (s: string) => process.stdout.write(s),
  err: (s: string) => process.stderr.write(s),
};

/**
 * `fazhi deadline`: with a database (./data or DATABASE_URL) it uses the notices loaded
 * there; on a fresh checkout with none, the bundled notices — it never creates one.
 */
export async function deadline(args: string[]): Promise<number> {
  const config = loadConfig();
  if (!databaseExists(config)) return runDeadline(args, new LegalCalendar(bundledNotices()), io);
  return withDatabase(
    async (db) => runDeadline(args, new LegalCalendar(await loadNotices(db.owner)), io),
    config,
  );
}

export async function calendarLoad(file: string): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (e) {
    throw new CliError(`cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  await withDatabase(async (db) => {
    const now = systemClock();
    const r = await db.owner.transaction().execute(async (trx) => {
      const stored = await storeNotice(trx, raw, `cli:${process.env.USER ?? "unknown"}`);
      const region = await trx
        .selectFrom("region")
        .select("code")
        .where("level", "=", "county")
        .orderBy("code")
        .executeTakeFirstOrThrow();
      await recordAudit(
        trx,
        { actor: undefined, ip: null, now },
        {
          regionCode: process.env.FAZHI_REGION ?? region.code,
          action: "calendar.notice_load",
          entityType: "calendar_notice",
          entityId: stored.notice.year,
          after: stored.notice,
        },
      );
      return stored;
    });
    const n = r.notice;
    process.stdout.write(
      `loaded the ${n.year} notice ${n.document}: ${n.off.length} days off, ${n.workdays.length} make-up working days\n`,
    );
    const changes = await deadlineChanges(
      createRegistry(await loadModules()),
      db.owner,
      r.before,
      r.after,
      toLocalDate(now),
    );
    for (const c of changes) {
      process.stdout.write(
        `deadline moved: ${c.regionCode} case ${c.caseId} (${c.title}) ${c.clock}: ${c.before} → ${c.after}\n`,
      );
    }
    if (changes.length === 0) process.stdout.write("no open deadline moved\n");
  });
}
