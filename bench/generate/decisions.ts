/**
 * Decisions (issue 9's major administrative decisions, ~500 a district): drafted, put to
 * public comment, argued by experts when technical, risk-assessed when they may touch
 * social stability, reviewed for legality, decided collectively and published — the
 * 《重大行政决策程序暂行条例》 steps as dates — through the case import, one file.
 */
import { DECISION_TYPE } from "../../server/src/modules/decisions/common.ts";
import { addDays, csv, type District, importCaseFile, type Outcome, unitActor } from "./common.ts";

const IMPORTED_ON = "2021-01-29";
const SUBJECTS = [
  "城区停车收费标准调整",
  "农村生活垃圾治理实施方案",
  "老旧小区改造计划",
  "义务教育学校布局规划",
  "城市供水价格调整",
  "乡村旅游发展规划",
  "道路交通组织优化方案",
  "地质灾害防治规划",
];
const MATTERS = ["public_policy", "plan", "resources", "public_project", "other"];
const KEYS = [
  "_state",
  "_opened",
  "step.open_comment",
  "step.close_comment",
  "step.argue",
  "step.assess_risk",
  "step.submit_review",
  "step.review",
  "step.decide",
  "step.publish",
  "title",
  "matter",
  "source",
  "draftSummary",
  "technical",
  "technicalReason",
  "stabilityRisk",
  "stabilityRiskReason",
] as const;

export async function generateDecisions(d: District, out: Outcome): Promise<void> {
  const rng = d.rng("decisions");
  const { actor } = await unitActor(
    d,
    "zfb",
    "生成数据区政府办公室",
    "Generated government office",
  );
  const rows: Record<string, unknown>[] = [];
  for (let k = 0; k < d.counts.decisions; k++) {
    const opened = addDays("2020-01-02", Math.floor((k * 200) / d.counts.decisions));
    const subject = rng.pick(SUBJECTS);
    const technical = rng.chance(0.5);
    const risk = rng.chance(0.4);
    const from = addDays(opened, rng.int(3, 10));
    const closed = addDays(from, 30);
    const argued = addDays(closed, rng.int(1, 5));
    const submitted = addDays(argued, rng.int(1, 10));
    const reviewed = addDays(submitted, rng.int(3, 15));
    const decided = addDays(reviewed, rng.int(3, 20));
    const r: Record<string, unknown> = {
      _opened: opened,
      "step.open_comment": from,
      "step.close_comment": closed,
      "step.submit_review": submitted,
      "step.review": reviewed,
      "step.decide": decided,
      title: `${subject}（第${k + 1}项）`,
      matter: rng.pick(MATTERS),
      source: rng.pick(["leadership", "department", "deputies_public"]),
      draftSummary: `${subject}的决策草案及起草说明，拟定目标、措施和保障`,
      technical,
      technicalReason: technical ? "涉及专业技术标准，需要专家论证" : "不涉及专业性、技术性问题",
      stabilityRisk: risk,
      stabilityRiskReason: risk ? "涉及群众切身利益，需要开展风险评估" : "对社会稳定无明显不利影响",
    };
    if (technical) r["step.argue"] = argued;
    if (risk) r["step.assess_risk"] = argued;
    if (rng.chance(0.9)) {
      r._state = "published";
      r["step.publish"] = addDays(decided, rng.int(1, 15));
    } else r._state = "decided";
    rows.push(r);
  }
  await importCaseFile(
    d,
    actor,
    DECISION_TYPE,
    `${d.region}-重大行政决策-2020.csv`,
    csv(KEYS, rows),
    rows.length,
    IMPORTED_ON,
    out,
  );
}
