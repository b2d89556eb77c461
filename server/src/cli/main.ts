import { Command, InvalidArgumentError } from "commander";
import { ROLE_CODES } from "../kernel/access.ts";
import { cliLang, langFromArgv, localiseCommander, say } from "./lang.ts";
import { traceStart } from "./trace.ts";

traceStart("command line loaded");

// `--lang en` anywhere (or FAZHI_LANG=en): every verb, and the errors after it, in English.
{
  const asked = langFromArgv(process.argv.slice(2));
  if (asked !== undefined) process.env.FAZHI_LANG = cliLang(asked);
}

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
localiseCommander(program);
program
  .name("fazhi")
  .description(
    say(
      "法治：区县政府法治工作平台。\n使用 ./data（内置 PostgreSQL）或 DATABASE_URL 指定的数据库。",
      "Fazhi (法治): the working system of a district government's rule-of-law work.\nUses ./data (embedded PostgreSQL) or DATABASE_URL.",
    ),
  )
  .option("--lang <lang>", say("输出语言：zh（默认）或 en", "output language: zh (default) or en"))
  .showHelpAfterError()
  .exitOverride();

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new InvalidArgumentError(say("不是有效的端口号", "not a port number"));
  return n;
};

program
  .command("serve")
  .description(
    say(
      "启动平台（接口、网页、政务公开门户）——即 `npm start` 所运行的命令",
      "serve the platform (API, web, public portal) — what `npm start` runs",
    ),
  )
  .option(
    "-p, --port <port>",
    say("端口（默认 $PORT 或 3000）", "port (default $PORT or 3000)"),
    port,
  )
  .option(
    "--host <host>",
    say(
      "监听的网络接口（默认 $HOST 或 127.0.0.1）",
      "interface to listen on (default $HOST or 127.0.0.1)",
    ),
  )
  .action(async (o) => (await cmd.serve()).serve(o));

program
  .command("migrate")
  .description(say("执行数据库迁移", "apply the database migrations"))
  .action(async () =>
    (await cmd.runtime()).withDatabase(
      async (db) => {
        const { migrateToLatest } = await import("../db/connection.ts");
        const applied = await migrateToLatest(db.owner);
        process.stdout.write(
          applied.length
            ? `${say(`已执行迁移 ${applied.join("、")}`, `applied ${applied.join(", ")}`)}\n`
            : `${say("数据库已是最新", "up to date")}\n`,
        );
      },
      undefined,
      { migrate: false },
    ),
  );

program
  .command("demo")
  .description(
    say(
      "将演示区县（武隆区，500156）载入当前数据库（仅一次），并列出演示账号",
      "load the demo district (Wulong, 500156) into the current database, once, and print the demo logins",
    ),
  )
  .option(
    "--seed <seed>",
    say(
      "随机种子：相同的种子得到相同的演示数据（默认 wulong-2020）",
      "the same seed gives the same demo (default wulong-2020)",
    ),
  )
  .action(async (o) => (await cmd.demo()).demo(o));

program
  .command("import")
  .description(
    say(
      "导入历史数据：fazhi import cases <类型> <文件> --as <用户>",
      "import history: fazhi import cases <type> <file> --as <user>",
    ),
  )
  .command("cases")
  .description(
    say(
      "从 CSV 或 .xlsx 导入某类案件的历史案件（全部导入或全不导入），以有导入权限的用户身份",
      "import historical cases of a case type from CSV or .xlsx (all rows or none), as a user with record.import",
    ),
  )
  .argument(
    "<type>",
    say("案件类型代码，例如 penalty_general", "the case type's code, e.g. penalty_general"),
  )
  .argument(
    "<file>",
    say(
      ".csv（UTF-8 或 GB18030）或 .xlsx 文件，表头同导入模板",
      "a .csv (UTF-8 or GB18030) or .xlsx file, headers as in the import template",
    ),
  )
  .requiredOption(
    "--as <username>",
    say(
      "导入人（单位负责人或依法治区办）",
      "the importing user (a unit leader or the rule-of-law office)",
    ),
  )
  .option(
    "--unit <unit>",
    say(
      "未填单位代码的行归属的单位（代码或编号）",
      "the owning unit of rows without a unit code (code or id)",
    ),
  )
  .action(async (type: string, file: string, o) =>
    (await cmd.import()).importCasesCommand(type, file, o),
  );

const user = program.command("user").description(say("账号", "accounts"));
user
  .command("add")
  .description(
    say("创建账号并显示其一次性密码", "create an account and print its one-time password"),
  )
  .requiredOption(
    "-u, --username <name>",
    say("登录名（a-z、0-9、_ . -）", "login name (a-z, 0-9, _ . -)"),
  )
  .requiredOption("-n, --name <display>", say("姓名，例如 张三", "display name, e.g. 张三"))
  .requiredOption("--unit <unit>", say("单位代码或编号", "unit code or id"))
  .option(
    "--region <code>",
    say("单位所在地区代码", "region code of the unit"),
    process.env.FAZHI_REGION ?? "500156",
  )
  .requiredOption("-r, --role <role...>", `${say("角色", "roles")}: ${ROLE_CODES.join(", ")}`)
  .action(async (o) => (await cmd.user()).userAdd(o));

program
  .command("deadline")
  .description(
    say(
      "计算法定期间的届满日：fazhi deadline 2020-09-30 7wd（wd 工作日，d 日，m 月）",
      "the due date of a legal period: fazhi deadline 2020-09-30 7wd (wd working days, d days, m months)",
    ),
  )
  .argument(
    "<start>",
    say(
      "起算事件发生之日，YYYY-MM-DD（当日不计入）",
      "the day of the triggering event, YYYY-MM-DD (not counted)",
    ),
  )
  .argument("<period>", "<N>wd | <N>d | <N>m")
  .action(async (start: string, period: string) => {
    process.exitCode = await (await cmd.deadline()).deadline([start, period]);
  });

program
  .command("search")
  .description(
    say(
      '按地区检索法律法规、案件、名录和文件：fazhi search "行政处罚 听证" --region 500156 --json',
      'full-text search of laws, cases, registers and documents as a region sees them: fazhi search "行政处罚 听证" --region 500156 --json',
    ),
  )
  .argument("<query>", say("检索词（须全部匹配）", "the words to search for (all must match)"))
  .requiredOption(
    "--region <code>",
    say("地区代码（含其下辖区县）", "region code (its districts included)"),
  )
  .option("--kind <kind>", "law | case | register | document")
  .option("--limit <n>", say("最多显示的结果数（默认 20）", "at most this many hits (default 20)"))
  .option(
    "--json",
    say(
      "输出 JSON 数组 {kind, id, title, snippet, score}，按相关度排序",
      "print a JSON array of {kind, id, title, snippet, score}, best first",
    ),
  )
  .action(async (query: string, o) => (await cmd.search()).searchVerb(query, o));

program
  .command("pdf")
  .description(
    say(
      "为等待 LibreOffice 转换的已公开文件生成 PDF（转换程序由 FAZHI_SOFFICE 指定）",
      "make the PDFs of published documents that waited for LibreOffice (FAZHI_SOFFICE)",
    ),
  )
  .action(async () => (await cmd.pdf()).pdfVerb());

program
  .command("reindex")
  .description(
    say(
      "根据记录重建检索索引并重新载入法律法规库",
      "rebuild the search index from the records and reload the law library",
    ),
  )
  .option("--region <code>", say("仅此地区", "only this region"))
  .action(async (o) => (await cmd.search()).reindexVerb(o));

program
  .command("indicators")
  .description(
    say(
      '某地区某年度的各项指标，输出一个 JSON 对象（{"officers": 815, …}），统计全部记录',
      'the figures of a region and a year as one JSON object ({"officers": 815, …}), over every record',
    ),
  )
  .option(
    "--region <code>",
    say(
      "区县，或市（所辖区县合计），例如 500156",
      "a district, or a city (its districts together), e.g. 500156",
    ),
  )
  .option("--year <year>", say("年度，例如 2020", "the calendar year, e.g. 2020"))
  .option(
    "--unit <unit>",
    say("仅统计此单位的记录（单位编号或代码）", "only this unit's records (unit id or code)"),
  )
  .option(
    "--id <id...>",
    say("仅这些指标（默认：全部）", "only these indicators (default: all declared)"),
  )
  .action(async (o) => (await cmd.indicators()).indicators(o));

program
  .command("report")
  .description(
    say(
      "某地区某年度的年度报告：json（各项指标的数值、单位、名称）、md 或 docx（GB/T 9704）",
      "the annual report of a region and a year: json (every indicator: value, unit, label), md or docx (GB/T 9704)",
    ),
  )
  .option(
    "--region <code>",
    say(
      "区县，或市（所辖区县合计），例如 500156",
      "a district, or a city (its districts together), e.g. 500156",
    ),
  )
  .option("--year <year>", say("报告年度，例如 2020", "the year reported on, e.g. 2020"))
  .option("--format <format>", "json | md | docx", "json")
  .option("--out <file>", say("要写入的文件", "the file to write"))
  .option("--template <code>", say("报告模板", "the report template"), "annual_report")
  .action(async (o) => (await cmd.report()).report(o));

program
  .command("draw")
  .description(say("双随机抽查", "random inspection draws (双随机抽查)"))
  .command("verify")
  .description(
    say(
      "根据公布的输入重新计算一次抽取，核验是否一致（不一致时退出码为 1）",
      "re-compute a draw from its published inputs and say whether it matches (exit 1 if not)",
    ),
  )
  .argument("<id>", say("抽查任务编号", "the draw's id (its random inspection task)"))
  .option(
    "--region <code>",
    say("地区（编号不足以确定时）", "the region, when the id is not enough"),
  )
  .option("--json", say("以一个 JSON 对象输出核验结果", "print the report as one JSON object"))
  .action(async (id: string, o) => (await cmd.draw()).drawVerify(id, o));

const calendar = program.command("calendar").description(say("法定日历", "the legal calendar"));
calendar
  .command("load")
  .description(
    say(
      "载入某年国务院办公厅放假安排通知（JSON）",
      "load a State Council holiday notice (JSON) for a year",
    ),
  )
  .argument("<file>", say("通知的 JSON 文件", "the notice as JSON"))
  .action(async (file: string) => (await cmd.calendar()).calendarLoad(file));

const audit = program.command("audit").description(say("审计日志", "the audit trail"));
audit
  .command("verify")
  .description(
    say(
      "重新计算每条哈希链并与签名锚点核对",
      "recompute every hash chain and check it against the signed anchors",
    ),
  )
  .option("--json", say("以 JSON 列出每个问题", "print every problem as JSON"))
  .action(async (o) => {
    process.exitCode = await (await cmd.audit()).auditVerify(o);
  });
audit
  .command("anchor")
  .description(say("立即为各地区的链头签署锚点", "sign region anchors over the chain heads now"))
  .action(async () => (await cmd.audit()).auditAnchor());

program
  .command("backup")
  .description(
    say(
      "在服务运行中，从同一快照将数据库、密钥、锚点和文件写入一个归档（.tar.gz）",
      "write one archive (.tar.gz) of the database, keys, anchors and files, from one consistent snapshot, while serving",
    ),
  )
  .argument(
    "<file>",
    say(
      "要写入的归档，例如 fazhi-2026-12-02.tar.gz",
      "the archive to write, e.g. fazhi-2026-12-02.tar.gz",
    ),
  )
  .action(async (file: string) => (await cmd.backup()).backupCommand(file));

program
  .command("restore")
  .description(
    say(
      "检查归档后，用它替换数据库及密钥、锚点、文件目录，并核验审计日志",
      "check an archive, then replace the database and the key, anchor and file directories by it, and verify the audit",
    ),
  )
  .argument("<file>", say("fazhi backup 写出的归档", "an archive written by fazhi backup"))
  .option("--force", say("替换已有记录的数据库", "replace a database that already holds records"))
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
