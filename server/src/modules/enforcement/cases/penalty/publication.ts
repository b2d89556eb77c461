import { fullNameOf } from "../../../../kernel/authority-name.ts";
import { basisZh, citeZh } from "../../../../kernel/citation.ts";
import type { WorkTx } from "../../../../platform/work.ts";
import { bodyOfUnit } from "../../registers/lookup.ts";
import { PENALTY_KIND_LABELS } from "../labels.ts";
import { publicationRule } from "../settings.ts";
import type { Ctx, PenaltyCase } from "./fields.ts";
import type { DecisionValues } from "./guards.ts";

// ──────────────────────────────────────────────────────────────────────── derived

export async function bodyName(w: WorkTx, unitId: number, regionCode: string) {
  const body = await bodyOfUnit(w, unitId);
  if (body) return body.name;
  const u = await w.trx
    .selectFrom("unit")
    .select("name_zh")
    .where("id", "=", unitId)
    .executeTakeFirst();
  // A unit that is no registered body: its directory name in full (重庆市武隆区城市管理局).
  const area: string[] = [];
  let code: string | null = regionCode;
  for (let i = 0; code && i < 4; i++) {
    const r = await w.trx
      .selectFrom("region")
      .select(["name_zh", "parent_code"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!r) break;
    area.unshift(r.name_zh);
    code = r.parent_code;
  }
  return fullNameOf(area, u?.name_zh ?? "");
}

export function publicationPlanOf(ctx: Ctx, d: DecisionValues): PenaltyCase["publicationPlan"] {
  const f = ctx.case.fields;
  if (d.kind !== "penalty") {
    return { required: false, reason: "不予行政处罚或移送司法机关的决定不在公开范围" };
  }
  if (f.party.minor) {
    return {
      required: false,
      // 未成年人保护法 第一百零三条 (kernel/masking.ts, role minor)
      reason: "当事人为未成年人，不予公开（依据《中华人民共和国未成年人保护法》第一百零三条）",
    };
  }
  const withhold = String(ctx.input.withholdReason ?? "").trim();
  if (withhold) {
    return {
      required: false,
      // 行政处罚法 第五十条; 政府信息公开条例 第十五条
      reason: `${withhold}${basisZh("行政处罚法 art. 50; 政府信息公开条例 art. 15")}`,
    };
  }
  const rule = publicationRule(ctx.settings, f.category);
  // Only a warning alone is exempt: 通报批评 is published (总局令第45号 art. 2, issue 10 fault 12).
  const onlyWarning = d.penalties.every((p) => p === "warning");
  if (onlyWarning && !rule.warnings) {
    return { required: false, reason: `仅受到警告的不予公示${basisZh(rule.basis)}` };
  }
  if (rule.scope === "social_impact" && ctx.input.socialImpact !== true) {
    return {
      required: false,
      // 行政处罚法 第四十八条 and the region's setting of the scope
      reason:
        "不具有一定社会影响（依据《中华人民共和国行政处罚法》第四十八条及本地区公开范围设置）",
    };
  }
  return {
    required: true,
    reason: "应当公开",
    workingDays: rule.workingDays,
    basis: citeZh(rule.basis) || rule.basis,
  };
}

export function penaltyText(f: PenaltyCase): string {
  const parts = (f.penalties ?? []).map((p) => PENALTY_KIND_LABELS[p].zh);
  const amounts = [
    f.fineAmount ? `罚款${f.fineAmount}元` : "",
    f.confiscationAmount ? `没收${f.confiscationAmount}元` : "",
  ].filter(Boolean);
  return [parts.join("、"), amounts.join("，")].filter(Boolean).join("：");
}
