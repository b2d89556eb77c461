/**
 * `fazhi deadline <YYYY-MM-DD> <N>wd|<N>d|<N>m` — prints the due date of a period
 * triggered on the given date (the trigger day not counted; see kernel/time/period.ts).
 *
 * stdout: the due date, one line, nothing else. A provisional result (a year whose
 * State Council holiday notice is not loaded) adds a note on stderr and still exits 0.
 * Bad input: a message on stderr, exit code 2.
 */
import { DomainError } from "../../kernel/errors.ts";
import {
  addPeriod,
  bundledNotices,
  type LegalCalendar,
  parseLocalDate,
  parsePeriod,
} from "../../kernel/time/index.ts";

export { bundledNotices };

export const DEADLINE_USAGE = "usage: fazhi deadline <YYYY-MM-DD> <N>wd|<N>d|<N>m";

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

export function runDeadline(args: string[], calendar: LegalCalendar, io: CommandIo): number {
  if (args.length !== 2) {
    io.err(`fazhi deadline: expected 2 arguments, got ${args.length}\n${DEADLINE_USAGE}\n`);
    return 2;
  }
  try {
    const start = parseLocalDate(args[0], "date");
    const period = parsePeriod(args[1] ?? "", "period");
    const result = addPeriod(calendar, start, period);
    io.out(`${result.due}\n`);
    if (result.provisional) {
      const years = result.provisionalYears.join(", ");
      io.err(
        `note: provisional — no State Council holiday notice loaded for ${years}; ` +
          "computed from the statutory holidays of 全国年节及纪念日放假办法 (art. 2, art. 6). " +
          "Recompute once the notice is published.\n",
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof DomainError && e.code === "validation") {
      io.err(`fazhi deadline: ${e.message}\n${DEADLINE_USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
