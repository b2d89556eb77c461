/**
 * `fazhi deadline <YYYY-MM-DD> <N>wd|<N>d|<N>m` — prints the due date of a period
 * triggered on the given date (the trigger day not counted; see kernel/time/period.ts).
 *
 * stdout: the due date, one line, nothing else. A provisional result (a year whose
 * State Council holiday notice is not loaded) adds a note on stderr and still exits 0.
 * Bad input: a message on stderr, exit code 2.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../../db/config.ts";
import { DomainError } from "../../kernel/errors.ts";
import {
  addPeriod,
  bundledNotices,
  LegalCalendar,
  localDateProblem,
  parseLocalDate,
  parsePeriod,
} from "../../kernel/time/index.ts";
import { cliLang, say } from "../lang.ts";

export { bundledNotices };

export const DEADLINE_USAGE = "usage: fazhi deadline <YYYY-MM-DD> <N>wd|<N>d|<N>m";
const usage = () =>
  say("用法：fazhi deadline <YYYY-MM-DD> <N>wd|<N>d|<N>m（wd 工作日，d 日，m 月）", DEADLINE_USAGE);

/**
 * `fazhi deadline`: with a database (./data or DATABASE_URL) it uses the notices loaded
 * there; on a fresh checkout with none, the bundled notices — it never creates one, and
 * then loads neither the database driver nor the server (issue 9: start-up).
 */
export async function deadline(args: string[]): Promise<number> {
  const io = {
    out: (s: string) => process.stdout.write(s),
    err: (s: string) => process.stderr.write(s),
  };
  const config = loadConfig();
  // As runtime.ts's databaseExists, without loading the driver.
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, "pg", "PG_VERSION"))) {
    return runDeadline(args, new LegalCalendar(bundledNotices()), io);
  }
  const [{ withDatabase }, { loadNotices }] = await Promise.all([
    import("../runtime.ts"),
    import("../../platform/calendar.ts"),
  ]);
  return withDatabase(
    async (db) => runDeadline(args, new LegalCalendar(await loadNotices(db.owner)), io),
    config,
  );
}

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

export function runDeadline(args: string[], calendar: LegalCalendar, io: CommandIo): number {
  if (args.length !== 2) {
    io.err(
      `fazhi deadline: ${say(`应有 2 个参数，实有 ${args.length} 个`, `expected 2 arguments, got ${args.length}`)}\n${usage()}\n`,
    );
    return 2;
  }
  try {
    if (localDateProblem(args[0]) && cliLang() === "zh") {
      io.err(`fazhi deadline: 起算日“${args[0]}”不是 YYYY-MM-DD 格式的有效日期\n${usage()}\n`);
      return 2;
    }
    const start = parseLocalDate(args[0], "date");
    const period = parsePeriod(args[1] ?? "", "period");
    const result = addPeriod(calendar, start, period);
    io.out(`${result.due}\n`);
    if (result.provisional) {
      const years = result.provisionalYears.join(", ");
      io.err(
        say(
          `注意：结果为暂定——尚未载入 ${result.provisionalYears.join("、")} 年国务院办公厅放假安排通知，` +
            "按《全国年节及纪念日放假办法》第二条、第六条规定的法定节假日计算；通知发布后请重新计算。\n",
          `note: provisional — no State Council holiday notice loaded for ${years}; ` +
            "computed from the statutory holidays of 全国年节及纪念日放假办法 (art. 2, art. 6). " +
            "Recompute once the notice is published.\n",
        ),
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof DomainError && e.code === "validation") {
      io.err(`fazhi deadline: ${e.text[cliLang()]}\n${usage()}\n`);
      return 2;
    }
    throw e;
  }
}
