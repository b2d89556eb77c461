/**
 * Governance (issue 9's ~150,000 mediation cases a province year): a year of people's,
 * administrative and judicial mediations through the case import, a file a quarter —
 * mostly agreed and performed, some failed, some agreements not performed — as the
 * mediation committees' records are brought in (the demo's shape, governance/demo).
 */
import { MEDIATION_TYPE } from "../../server/src/modules/governance/mediation.ts";
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
const CATEGORIES = [
  "neighbour",
  "family",
  "land",
  "contract",
  "labour",
  "damage",
  "traffic",
  "medical",
  "property",
  "other",
];
const SUMMARIES: Record<string, string> = {
  neighbour: "相邻双方因排水、通行发生纠纷",
  family: "家庭成员因赡养、财产分割发生纠纷",
  land: "村民之间因承包地界址发生争议",
  contract: "双方因买卖合同货款支付发生纠纷",
  labour: "劳动者与用人单位因拖欠工资发生纠纷",
  damage: "一方财物受损要求赔偿",
  traffic: "道路交通事故损害赔偿纠纷",
  medical: "患者家属与医疗机构因诊疗结果发生纠纷",
  property: "业主与物业服务企业因物业费发生纠纷",
  other: "双方因其他民事事项发生纠纷",
};
const KEYS = [
  "_state",
  "_opened",
  "step.hold_session",
  "step.reach_agreement",
  "step.end_without_agreement",
  "step.follow_up_performed",
  "step.follow_up_not_performed",
  "kind",
  "committee",
  "mediator",
  "category",
  "applicant.kind",
  "applicant.name",
  "applicant.phone",
  "respondent.kind",
  "respondent.name",
  "summary",
  "oldPetition",
  "agreementForm",
  "agreementEffectiveOn",
  "agreementAmount",
  "performBy",
] as const;

export async function generateGovernance(d: District, out: Outcome): Promise<void> {
  const rng = d.rng("governance");
  const { actor } = await unitActor(d, "sfj", "生成数据司法局", "Generated justice bureau");
  const committees: [string, string][] = [
    ...Array.from({ length: 12 }, (_, k): [string, string] => [
      "people",
      `第${k + 1}街镇人民调解委员会`,
    ]),
    ["administrative", "区市场监管局消费纠纷调解室"],
    ["administrative", "区劳动人事争议调解中心"],
    ["judicial", "区人民法院诉前调解中心"],
  ];
  const byQuarter = new Map<number, Record<string, unknown>[]>();
  for (let k = 0; k < d.counts.mediation; k++) {
    const opened = addDays("2020-01-02", Math.floor((k * 340) / d.counts.mediation));
    const [kind, committee] = rng.pick(committees);
    const category = rng.pick(CATEGORIES);
    const session = addDays(opened, rng.int(0, 6));
    const r: Record<string, unknown> = {
      _opened: opened,
      "step.hold_session": session,
      kind,
      committee,
      mediator: personName(rng),
      category,
      "applicant.kind": "natural_person",
      "applicant.name": personName(rng),
      "applicant.phone": phone(rng),
      "respondent.kind":
        category === "labour" || category === "property" ? "organisation" : "natural_person",
      "respondent.name":
        category === "labour" || category === "property"
          ? `${d.region}${rng.pick(["建筑", "物业", "商贸"])}有限公司${rng.int(1, 300)}`
          : personName(rng),
      summary: SUMMARIES[category],
      oldPetition: false,
    };
    if (rng.chance(0.04)) {
      r._state = "failed";
      r["step.end_without_agreement"] = addDays(session, rng.int(1, 20));
    } else {
      const agreedOn = addDays(session, rng.int(0, 20));
      const performBy = addDays(agreedOn, rng.int(5, 30));
      Object.assign(r, {
        "step.reach_agreement": agreedOn,
        agreementForm: rng.chance(0.85) ? "written" : "oral",
        agreementEffectiveOn: agreedOn,
        agreementAmount: rng.chance(0.35) ? rng.int(1, 200) * 500 : 0,
        performBy,
      });
      const followUp = addDays(performBy, rng.int(1, 10));
      const checked = followUp > IMPORTED_ON ? IMPORTED_ON : followUp;
      if (rng.chance(0.02)) {
        r._state = "not_performed";
        r["step.follow_up_not_performed"] = checked;
      } else {
        r._state = "performed";
        r["step.follow_up_performed"] = checked;
      }
    }
    const q = Math.floor((Number(opened.slice(5, 7)) - 1) / 3) + 1;
    const rows = byQuarter.get(q) ?? [];
    byQuarter.set(q, rows);
    rows.push(r);
  }
  for (const [q, rows] of byQuarter) {
    await importCaseFile(
      d,
      actor,
      MEDIATION_TYPE,
      `${d.region}-调解案件-2020Q${q}.csv`,
      csv(KEYS, rows),
      rows.length,
      IMPORTED_ON,
      out,
    );
  }
}
