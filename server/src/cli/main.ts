import { Command, InvalidArgumentError } from "commander";
import { ROLE_CODES } from "../kernel/access.ts";

// Each verb loads its own code when it runs (issue 9: `fazhi deadline` loaded the whole
// server, the database driver and every module first).
const cmd = {
  audit: () => import("./commands/audit.ts"),
  backup: () => import("./commands/backup.ts"),
  calendar: () => import("./commands/calendar.ts"),
  deadline: () => import("./commands/deadline.ts"),
  demo: () => import("./commands/demo.ts"),
  draw: () => import("./commands/draw.ts"),
  import: () => import("./commands/import.ts"),
  indicators: () => import("./commands/indicators.ts"),
  pdf: () => import("./commands/pdf.ts"),
  report: () => import("./commands/report.ts"),
  search: () => import("./commands/search.ts"),
  serve: () => import("./commands/serve.ts"),
  user: () => import("./commands/user.ts"),
  runtime: () => import("./runtime.ts"),
};

const program = new Command();
program
  .name("fazhi")
  .description(
    "Fazhi (法治): the working system of a district government's rule-of-law work.\nUses ./data (embedded PostgreSQL) or DATABASE_URL.",
  )
  .showHelpAfterError()
  .exitOverride();

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new InvalidArgumentError("not a port number");
  return n;
};

program
  .command("serve")
  .description("serve the platform (API, web, public portal) — what `npm start` runs")
  .option("-p, --port <port>", "port (default $PORT or 3000)", port)
  .option("--host <host>", "interface to listen on (default $HOST or 127.0.0.1)")
  .action(async (o) => (await cmd.serve()).serve(o));

program
  .command("migrate")
  .description("apply the database migrations")
  .action(async () =>
    (await cmd.runtime()).withDatabase(
      async (db) => {
        const { migrateToLatest } = await import("../db/connection.ts");
        const applied = await migrateToLatest(db.owner);
        process.stdout.write(applied.length ? `applied ${applied.join(", ")}\n` : "up to date\n");
      },
      undefined,
      { migrate: false },
    ),
  );

program
  .command("demo")
  .description(
    "load the demo district (Wulong, 500156) into the current database, once, and print the demo logins",
  )
  .option("--seed <seed>", "the same seed gives the same demo (default wulong-2020)")
  .action(async (o) => (await cmd.demo()).demo(o));

program
  .command("import")
  .description("import history: fazhi import cases <type> <file> --as <user>")
  .command("cases")
  .description(
    "import historical cases of a case type from CSV or .xlsx (all rows or none), as a user with record.import",
  )
  .argument("<type>", "the case type's code, e.g. penalty_general")
  .argument("<file>", "a .csv (UTF-8 or GB18030) or .xlsx file, headers as in the import template")
  .requiredOption("--as <username>", "the importing user (a unit leader or the rule-of-law office)")
  .option("--unit <unit>", "the owning unit of rows without a unit code (code or id)")
  .option("--lang <lang>", "messages in zh (default) or en")
  .action(async (type: string, file: string, o) =>
    (await cmd.import()).importCasesCommand(type, file, o),
  );

const user = program.command("user").description("accounts");
user
  .command("add")
  .description("create an account and print its one-time password")
  .requiredOption("-u, --username <name>", "login name (a-z, 0-9, _ . -)")
  .requiredOption("-n, --name <display>", "display name, e.g. 张三")
  .requiredOption("--unit <unit>", "unit code or id")
  .option("--region <code>", "region code of the unit", process.env.FAZHI_REGION ?? "500156")
  .requiredOption("-r, --role <role...>", `roles: ${ROLE_CODES.join(", ")}`)
  .action(async (o) => (await cmd.user()).userAdd(o));

program
  .command("deadline")
  .description(
    "the due date of a legal period: fazhi deadline 2020-09-30 7wd (wd working days, d days, m months)",
  )
  .argument("<start>", "the day of the triggering event, YYYY-MM-DD (not counted)")
  .argument("<period>", "<N>wd | <N>d | <N>m")
  .action(async (start: string, period: string) => {
    process.exitCode = await (await cmd.deadline()).deadline([start, period]);
  });

program
  .command("search")
  .description(
    'full-text search of laws, cases, registers and documents as a region sees them: fazhi search "行政处罚 听证" --region 500156 --json',
  )
  .argument("<query>", "the words to search for (all must match)")
  .requiredOption("--region <code>", "region code (its districts included)")
  .option("--kind <kind>", "law | case | register | document")
  .option("--limit <n>", "at most this many hits (default 20)")
  .option("--json", "print a JSON array of {kind, id, title, snippet, score}, best first")
  .action(async (query: string, o) => (await cmd.search()).searchVerb(query, o));

program
  .command("pdf")
  .description("make the PDFs of published documents that waited for LibreOffice (FAZHI_SOFFICE)")
  .action(async () => (await cmd.pdf()).pdfVerb());

program
  .command("reindex")
  .description("rebuild the search index from the records and reload the law library")
  .option("--region <code>", "only this region")
  .action(async (o) => (await cmd.search()).reindexVerb(o));

program
  .command("indicators")
  .description(
    'the figures of a region and a year as one JSON object ({"officers": 815, …}), over every record',
  )
  .option("--region <code>", "a district, or a city (its districts together), e.g. 500156")
  .option("--year <year>", "the calendar year, e.g. 2020")
  .option("--unit <unit>", "only this unit's records (unit id or code)")
  .option("--id <id...>", "only these indicators (default: all declared)")
  .action(async (o) => (await cmd.indicators()).indicators(o));

program
  .command("report")
  .description(
    "the annual report of a region and a year: json (every indicator: value, unit, label), md or docx (GB/T 9704)",
  )
  .option("--region <code>", "a district, or a city (its districts together), e.g. 500156")
  .option("--year <year>", "the year reported on, e.g. 2020")
  .option("--format <format>", "json | md | docx", "json")
  .option("--out <file>", "the file to write")
  .option("--template <code>", "the report template", "annual_report")
  .action(async (o) => (await cmd.report()).report(o));

program
  .command("draw")
  .description("random inspection draws (双随机抽查)")
  .command("verify")
  .description(
    "re-compute a draw from its published inputs and say whether it matches (exit 1 if not)",
  )
  .argument("<id>", "the draw's id (its random inspection task)")
  .option("--region <code>", "the region, when the id is not enough")
  .option("--lang <lang>", "messages in zh (default) or en")
  .option("--json", "print the report as one JSON object")
  .action(async (id: string, o) => (await cmd.draw()).drawVerify(id, o));

const calendar = program.command("calendar").description("the legal calendar");
calendar
  .command("load")
  .description("load a State Council holiday notice (JSON) for a year")
  .argument("<file>", "the notice as JSON")
  .action(async (file: string) => (await cmd.calendar()).calendarLoad(file));

const audit = program.command("audit").description("the audit trail");
audit
  .command("verify")
  .description("recompute every hash chain and check it against the signed anchors")
  .option("--json", "print every problem as JSON")
  .action(async (o) => {
    process.exitCode = await (await cmd.audit()).auditVerify(o);
  });
audit
  .command("anchor")
  .description("sign region anchors over the chain heads now")
  .action(async () => (await cmd.audit()).auditAnchor());

program
  .command("backup")
  .description(
    "write one archive (.tar.gz) of the database, keys, anchors and files, from one consistent snapshot, while serving",
  )
  .argument("<file>", "the archive to write, e.g. fazhi-2026-12-02.tar.gz")
  .action(async (file: string) => (await cmd.backup()).backupCommand(file));

program
  .command("restore")
  .description(
    "check an archive, then replace the database and the key, anchor and file directories by it, and verify the audit",
  )
  .argument("<file>", "an archive written by fazhi backup")
  .option("--force", "replace a database that already holds records")
  .action(async (file: string, o) => {
    process.exitCode = await (await cmd.backup()).restoreCommand(file, o);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const ce = e as { code?: string; exitCode?: number };
  if (ce.code?.startsWith("commander.")) {
    process.exitCode =
      ce.code === "commander.helpDisplayed" || ce.code === "commander.version" ? 0 : 2;
  } else {
    process.exitCode = (await cmd.runtime()).reportError(e);
  }
}
