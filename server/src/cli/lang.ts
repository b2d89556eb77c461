/**
 * The language of the command line (issue 11: a district's administrator reads Chinese).
 * Chinese by default; English with `--lang en` (any verb) or `FAZHI_LANG=en`. JSON output
 * keeps its keys in either language; only what a person reads changes.
 */
import { type RegionCodeProblem, regionCodeMessage } from "../kernel/codes/region.ts";

export type CliLang = "zh" | "en";

/** The language asked for: an explicit `--lang`, else FAZHI_LANG, else Chinese. */
export function cliLang(explicit?: string): CliLang {
  const v = (explicit ?? process.env.FAZHI_LANG ?? "").trim().toLowerCase();
  return v === "en" || v.startsWith("en-") || v.startsWith("en_") ? "en" : "zh";
}

/** One line in the language asked for. */
export function say(zh: string, en: string, lang: CliLang = cliLang()): string {
  return lang === "en" ? en : zh;
}

/**
 * `--lang <lang>` anywhere on the command line (or `--lang=<lang>`), read before the verb
 * runs so that every verb — and the errors printed after it — answers in that language.
 */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") return undefined;
    if (a === "--lang") return argv[i + 1];
    if (a.startsWith("--lang=")) return a.slice("--lang=".length);
  }
  return undefined;
}

/** `--region` missing. */
export const regionRequired = () =>
  say(
    "--region：请填写地区代码，例如 --region 500156",
    "--region: a region code is required, e.g. --region 500156",
  );

/** `--region` not a GB/T 2260 code. */
export function regionProblem(problem: RegionCodeProblem, code: string): string {
  return say(
    problem === "format"
      ? `--region：地区代码应为 6 位数字（GB/T 2260），实为“${code}”`
      : `--region：地区代码“${code}”的前两位“${code.slice(0, 2)}”不是 GB/T 2260 的省级代码`,
    `--region: ${regionCodeMessage(problem, code)}`,
  );
}

/** commander's own messages (its errors), in Chinese. */
const COMMANDER_ERRORS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^error: missing required argument '([^']+)'/, (m) => `错误：缺少必填参数 ${m[1]}`],
  [/^error: option '([^']+)' argument missing/, (m) => `错误：选项 ${m[1]} 缺少取值`],
  [/^error: required option '([^']+)' not specified/, (m) => `错误：缺少必填选项 ${m[1]}`],
  [
    /^error: unknown (option|command) '([^']+)'(?:\s*\(Did you mean ([^?]+)\?\))?/,
    (m) =>
      `错误：未知${m[1] === "option" ? "选项" : "命令"} ${m[2]}${m[3] ? `（是否要用 ${m[3]}？）` : ""}`,
  ],
  [
    /^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (m) => `错误：参数过多${m[1] ? `（${m[1]}）` : ""}：应有 ${m[2]} 个，实有 ${m[3]} 个`,
  ],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\.\s*(.*)/,
    (m) => `错误：选项 ${m[1]} 的值“${m[2]}”无效${m[3] ? `：${m[3]}` : ""}`,
  ],
];

/** A commander error line in Chinese (unknown ones as they are). */
export function commanderErrorZh(text: string): string {
  for (const [re, zh] of COMMANDER_ERRORS) {
    const m = re.exec(text);
    if (m) return `${zh(m)}${text.endsWith("\n") ? "\n" : ""}`;
  }
  return text;
}

const HELP_TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Arguments:": "参数：",
  "Commands:": "命令：",
  "Global Options:": "全局选项：",
};

/**
 * commander's help and errors in Chinese, unless English is asked for. Called on the
 * program before its commands are declared: they inherit it.
 */
export function localiseCommander(program: {
  helpOption(flags: string, description: string): unknown;
  helpCommand(nameAndArgs: string, description: string): unknown;
  configureHelp(c: { styleTitle: (s: string) => string }): unknown;
  configureOutput(c: { outputError: (s: string, write: (s: string) => void) => void }): unknown;
}): void {
  if (cliLang() === "en") return;
  program.helpOption("-h, --help", "显示帮助");
  program.helpCommand("help [command]", "显示某个命令的帮助");
  program.configureHelp({ styleTitle: (s) => HELP_TITLES[s] ?? s });
  program.configureOutput({ outputError: (s, write) => write(commanderErrorZh(s)) });
}
