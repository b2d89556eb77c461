import fs from "node:fs/promises";
import { deadlineChanges } from "../../engines/case/recompute.ts";
import { createRegistry } from "../../engines/registry.ts";
import { toLocalDate } from "../../kernel/time/index.ts";
import { loadModules } from "../../modules/index.ts";
import { recordAudit } from "../../platform/audit/record.ts";
import { storeNotice } from "../../platform/calendar.ts";
import { systemClock } from "../../platform/clock.ts";
import { say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

export async function calendarLoad(file: string): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (e) {
    throw new CliError(
      say(
        `无法将 ${file} 读取为 JSON：${(e as Error).message}`,
        `cannot read ${file} as JSON: ${(e as Error).message}`,
      ),
    );
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
      `${say(
        `已载入 ${n.year} 年放假安排通知（${n.document}）：放假 ${n.off.length} 天，调休上班 ${n.workdays.length} 天`,
        `loaded the ${n.year} notice ${n.document}: ${n.off.length} days off, ${n.workdays.length} make-up working days`,
      )}\n`,
    );
    const registry = createRegistry(await loadModules());
    const clockName = (caseType: string, clock: string) =>
      registry.caseType(caseType)?.clocks?.find((k) => k.code === clock)?.label.zh ?? clock;
    const changes = await deadlineChanges(registry, db.owner, r.before, r.after, toLocalDate(now));
    for (const c of changes) {
      process.stdout.write(
        `${say(
          `期限变动：地区 ${c.regionCode} 案件 ${c.caseId}（${c.title}）${clockName(c.caseType, c.clock)}：${c.before} → ${c.after}`,
          `deadline moved: ${c.regionCode} case ${c.caseId} (${c.title}) ${c.clock}: ${c.before} → ${c.after}`,
        )}\n`,
      );
    }
    if (changes.length === 0)
      process.stdout.write(`${say("没有进行中的期限因此变动", "no open deadline moved")}\n`);
  });
}
