/**
 * `fazhi draw verify <draw id> [--region R]` — re-compute a random inspection draw
 * (双随机抽查任务) from its published inputs: the frozen candidate lists against the hash
 * published at freezing, the revealed seed against its commitment, the recomputed
 * objects and inspectors against the recorded ones (modules/supervision/draw.ts). Says so
 * in Chinese (`--lang en`: English; `--json`: one JSON object for scripts); exit code 0
 * when everything matches, 1 when not, 2 on bad input.
 * It runs on the owner connection (the installation's view).
 */
import type { FazhiConfig } from "../../db/config.ts";
import { PLAN_CASE } from "../../modules/supervision/pool.ts";
import { planCaseType, verifyStoredDraw } from "../../modules/supervision/spot-check.ts";
import { type CliLang, cliLang, say as sayIn } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

export interface DrawVerifyOptions {
  region?: string;
  /** Messages in Chinese (default) or English. */
  lang?: string;
  /** The report as one JSON object (for scripts) instead of sentences. */
  json?: boolean;
}

const say = (lang: CliLang, zh: string, en: string) => sayIn(zh, en, lang);

export async function drawVerify(
  idText: string,
  o: DrawVerifyOptions,
  opts: { config?: FazhiConfig; out?: (s: string) => void } = {},
): Promise<void> {
  const lang = cliLang(o.lang);
  if (!/^\d+$/.test(idText.trim())) {
    throw new CliError(
      say(lang, `抽查任务编号应为数字，实为“${idText}”`, `<draw id>: not a number: "${idText}"`),
    );
  }
  const id = Number(idText.trim());
  const out = opts.out ?? ((s: string) => process.stdout.write(s));
  const report = await withDatabase(async (db) => {
    let q = db.owner
      .selectFrom("case_file")
      .select(["region_code", "id", "state", "fields"])
      .where("case_type", "=", PLAN_CASE)
      .where("id", "=", id);
    if (o.region) q = q.where("region_code", "=", o.region.trim());
    const rows = await q.execute();
    if (rows.length === 0) {
      throw new CliError(
        say(lang, `没有编号为 ${id} 的双随机抽查任务`, `no random inspection draw ${id}`),
      );
    }
    if (rows.length > 1) {
      throw new CliError(
        say(
          lang,
          `编号 ${id} 在多个地区都有抽查任务：请用 --region 指定地区`,
          `draw ${id} is in several regions: give --region`,
        ),
      );
    }
    const row = rows[0]!;
    return { region: row.region_code, id, state: row.state, ...verifyStoredDraw(row.fields) };
  }, opts.config);
  if (!report.ok) process.exitCode = 1;
  if (o.json) {
    out(`${JSON.stringify(report)}\n`);
    return;
  }
  const state = planCaseType.states[report.state]?.label ?? { zh: report.state, en: report.state };
  const lines = [
    say(
      lang,
      `双随机抽查任务 ${report.id}（地区 ${report.region}，状态：${state.zh}）`,
      `Random inspection draw ${report.id} (region ${report.region}, state: ${state.en})`,
    ),
  ];
  if (!report.drawn) {
    lines.push(
      say(lang, "尚未抽取：没有可核验的抽取结果", "not drawn yet: there is no result to verify"),
    );
  } else if (report.ok) {
    lines.push(
      say(
        lang,
        `核验结果：一致。按公布的候选名单、种子和公共随机数重新抽取，结果与记录相同（检查对象 ${report.objects} 个）`,
        `verified: re-running the draw from the published lists, seed and public random value gives the recorded result (${report.objects} objects)`,
      ),
    );
  } else {
    lines.push(say(lang, "核验结果：不一致", "NOT verified:"));
    for (const p of report.problems) lines.push(`  - ${lang === "en" ? p.en : p.zh}`);
  }
  out(`${lines.join("\n")}\n`);
}
