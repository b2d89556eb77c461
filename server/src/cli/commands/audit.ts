import { anchorAllRegions } from "../../platform/audit/anchor.ts";
import { type VerifyProblem, verifyAudit } from "../../platform/audit/verify.ts";
import { systemClock } from "../../platform/clock.ts";
import { say } from "../lang.ts";
import { withDatabase } from "../runtime.ts";

/** What a problem found by the verification means, in Chinese, with where it is. */
const KIND_ZH: Record<string, string> = {
  edited: "记录内容被修改（哈希不符）",
  gap: "记录缺失（序号不连续）",
  broken_link: "哈希链断裂（与前一条记录不衔接）",
  out_of_order: "记录顺序错乱",
  deleted: "已签名锚定的记录被删除",
  rewritten: "已签名锚定的记录被改写",
  head_mismatch: "链头与最后一条记录不符（在应用之外写入或改写）",
  anchor_missing: "签名锚点缺失",
  anchor_forged: "签名锚点被篡改或不是本系统密钥所签",
  anchor_chain: "签名锚点不衔接",
  anchor_table: "数据库中的签名锚点被改动或删除",
};

export function problemZh(p: VerifyProblem): string {
  const where = [
    `地区 ${p.regionCode}`,
    p.chainKey ? `链 ${p.chainKey}` : "",
    p.seq !== null ? `第 ${p.seq} 条` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `${where}：${KIND_ZH[p.kind] ?? p.message}`;
}

/** `fazhi audit verify`: exit 0 when every chain and anchor checks out, 1 naming the first problem. */
export async function auditVerify(opts: { json?: boolean }): Promise<number> {
  return withDatabase(async (db, config) => {
    const r = await verifyAudit(db.owner, config);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    } else if (r.ok) {
      process.stdout.write(
        `${say(
          `审计日志核验通过：${r.chains} 条链共 ${r.events} 条记录，${r.anchors} 个签名锚点，均一致`,
          `audit verified: ${r.events} events in ${r.chains} chains, ${r.anchors} anchors — ok`,
        )}\n`,
      );
    } else {
      const first = r.problems[0]!;
      process.stderr.write(
        `${say(`审计日志核验未通过：${problemZh(first)}`, `audit verification FAILED: ${first.message}`)}\n`,
      );
      if (r.problems.length > 1)
        process.stderr.write(
          `${say(
            `（另有 ${r.problems.length - 1} 个问题，加 --json 可全部列出）`,
            `(${r.problems.length - 1} more problems; --json lists them)`,
          )}\n`,
        );
    }
    return r.ok ? 0 : 1;
  });
}

export async function auditAnchor(): Promise<void> {
  await withDatabase(async (db, config) => {
    const made = await anchorAllRegions(db.owner, config, systemClock());
    for (const a of made) {
      process.stdout.write(
        `${say(
          `已为地区 ${a.payload.regionCode} 签署第 ${a.payload.anchorSeq} 个锚点：${a.payload.heads.length} 条链，摘要 ${a.digest}`,
          `anchored region ${a.payload.regionCode} #${a.payload.anchorSeq}: ${a.payload.heads.length} chains, ${a.digest}`,
        )}\n`,
      );
    }
    if (made.length === 0)
      process.stdout.write(`${say("没有需要新签署的锚点", "nothing new to anchor")}\n`);
  });
}
