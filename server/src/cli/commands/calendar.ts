import fs from "node:fs/promises";
import { loadConfig } from "../../db/config.ts";
import { bundledNotices, LegalCalendar } from "../../kernel/time/index.ts";
import { loadNotices, storeNotice } from "../../platform/calendar.ts";
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
    const n = await storeNotice(db.owner, raw, `cli:${process.env.USER ?? "unknown"}`);
    process.stdout.write(
      `loaded the ${n.year} notice ${n.document}: ${n.off.length} days off, ${n.workdays.length} make-up working days\n`,
    );
  });
}
