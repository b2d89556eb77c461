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
