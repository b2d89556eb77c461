/**
 * Oversight (issue 9's ~20,000 reconsideration cases a province year): a year of
 * reconsideration applications through the case import, one file — most accepted and
 * decided (upheld, revoked, confirmed illegal…), some not accepted, some withdrawn —
 * against the district's departments' penalties, licences and disclosures.
 */
import { RECONSIDERATION_TYPE } from "../../server/src/modules/oversight/reconsideration/fields.ts";
import {
  addDays,
  csv,
  type District,
  importCaseFile,
  type Outcome,
  personName,
  phone,
  unitActor,
} from "./common.ts";

const IMPORTED_ON = "2021-01-29";
const ACTS: [string, string, string][] = [
  ["penalty", "区市场监管局", "行政处罚决定（罚款）"],
  ["penalty", "区公安局", "治安管理处罚决定（拘留）"],
  ["licensing", "区行政审批服务局", "不予行政许可决定"],
  ["information", "区住房城乡建委", "政府信息公开答复"],
  ["inaction", "区生态环境局", "未依法履行查处职责"],
  ["compulsion", "区城市管理局", "查封、扣押财物决定"],
];
const OUTCOMES = [
  "uphold",
  "uphold",
  "uphold",
  "revoke",
  "confirm_illegal",
  "change",
  "dismiss_claim",
];
const KEYS = [
  "_state",
  "_opened",
  "step.accept",
  "step.refuse",
  "step.send_copy",
  "step.receive_reply",
  "step.decide",
  "step.terminate",
  "number.decision",
  "applicant.name",
  "applicant.phone",
  "respondent",
  "actKind",
  "act",
  "actOn",
  "knewOn",
  "request",
  "numberPrefix",
  "procedure",
  "outcome",
  "decisionContent",
  "reasoning",
] as const;

export async function generateOversight(d: District, out: Outcome): Promise<void> {
  const rng = d.rng("oversight");
  const { actor } = await unitActor(
    d,
    "fzb",
    "生成数据区政府行政复议办公室",
    "Generated reconsideration office",
  );
  const prefix = `生复${d.region.slice(-2)}`;
  const rows: Record<string, unknown>[] = [];
  const seq = new Map<string, number>(); // the decision numbers' sequence by year
  for (let k = 0; k < d.counts.reconsideration; k++) {
    const opened = addDays("2020-01-02", Math.floor((k * 330) / d.counts.reconsideration));
    const [actKind, respondent, act] = rng.pick(ACTS);
    const actOn = addDays(opened, -rng.int(5, 55));
    const r: Record<string, unknown> = {
      _opened: opened,
      "applicant.name": rng.chance(0.8)
        ? personName(rng)
        : `${d.region}商贸有限公司${rng.int(1, 500)}`,
      "applicant.phone": phone(rng),
      respondent,
      actKind,
      act,
      actOn,
      knewOn: addDays(actOn, rng.int(0, 3)),
      request: actKind === "inaction" ? "请求责令被申请人履行法定职责" : "请求撤销该行政行为",
      numberPrefix: prefix,
    };
    const p = rng.next();
    if (p < 0.08) {
      Object.assign(r, { _state: "refused", "step.refuse": addDays(opened, rng.int(1, 5)) });
    } else {
      const accepted = addDays(opened, rng.int(0, 5));
      Object.assign(r, {
        "step.accept": accepted,
        "step.send_copy": addDays(accepted, rng.int(1, 7)),
        "step.receive_reply": addDays(accepted, rng.int(9, 17)),
        procedure: rng.chance(0.3) ? "simplified" : "ordinary",
      });
      if (p < 0.2) {
        Object.assign(r, {
          _state: "terminated",
          "step.terminate": addDays(accepted, rng.int(20, 40)),
        });
      } else {
        const outcome = rng.pick(OUTCOMES);
        const on = addDays(accepted, rng.int(25, 55));
        const year = on.slice(0, 4);
        seq.set(year, (seq.get(year) ?? 0) + 1);
        Object.assign(r, {
          _state: "decided",
          "step.decide": on,
          "number.decision": `${prefix}〔${year}〕${seq.get(year)}号`,
          outcome,
          decisionContent:
            outcome === "uphold" ? "维持被申请人作出的行政行为" : "撤销或者确认违法，责令依法处理",
          reasoning: "经审理查明，被申请人认定事实清楚，适用依据正确，程序合法",
        });
      }
    }
    rows.push(r);
  }
  await importCaseFile(
    d,
    actor,
    RECONSIDERATION_TYPE,
    `${d.region}-行政复议案件-2020.csv`,
    csv(KEYS, rows),
    rows.length,
    IMPORTED_ON,
    out,
  );
}
