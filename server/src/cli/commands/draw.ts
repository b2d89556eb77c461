/**
 * `fazhi draw verify <draw id> [--region R]` — re-compute a random inspection draw
 * (双随机抽查任务) from its published inputs: the frozen candidate lists against the hash
 * published at freezing, the revealed seed against its commitment, the recomputed
 * objects and inspectors against the recorded ones (modules/supervision/draw.ts). Prints
 * one JSON object; exit code 0 when everything matches, 1 when not, 2 on bad input.
 * It runs on the owner connection (the installation's view).
 */
import type { FazhiConfig } from "../../db/config.ts";
import { PLAN_CASE } from "../../modules/supervision/pool.ts";
import { verifyStoredDraw } from "../../modules/supervision/spot-check.ts";
import { CliError, withDatabase } from "../runtime.ts";

export interface DrawVerifyOptions {
  region?: string;
}

export async function drawVerify(
  idText: string,
  o: DrawVerifyOptions,
  opts: { config?: FazhiConfig; out?: (s: string) => void } = {},
): Promise<void> {
  if (!/^\d+$/.test(idText.trim())) throw new CliError(`<draw id>: not a number: "${idText}"`);
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
    if (rows.length === 0) throw new CliError(`no random inspection draw ${id}`);
    if (rows.length > 1) throw new CliError(`draw ${id} is in several regions: give --region`);
    const row = rows[0]!;
    return { region: row.region_code, id, state: row.state, ...verifyStoredDraw(row.fields) };
  }, opts.config);
  out(`${JSON.stringify(report)}\n`);
  if (!report.ok) process.exitCode = 1;
}
