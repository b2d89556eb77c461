/**
 * The mediations of 2020 (report 一(八)1), generated case by case and brought in as the
 * history of the mediation systems the district used (the case engine's batched import,
 * one CSV per kind of mediation, all rows or none, each case audited): 3,731 disputes
 * mediated, 3,626 with an agreement, 42 old petition cases, agreements worth
 * ¥45,396,600, 3,618 agreements performed. Mediations of late 2019 are loaded too and
 * do not count for 2020.
 */
import type { DemoContext } from "../../../engines/demo/index.ts";
import { WULONG_TOWNSHIPS } from "../../directory/index.ts";
import { DISPUTE_CATEGORY_LABELS, MEDIATION_TYPE, type MediationKind } from "../mediation.ts";
import { dayBetween, OFFICE, plusDays, split } from "./util.ts";

export const MEDIATION_SEED = {
  mediated: 3731,
  successful: 3626,
  oldPetitions: 42,
  amountYuan: 45_396_600,
  performed: 3618,
} as const;

/** Cases of 2019 loaded alongside (not counted for 2020). */
const EARLIER = 60;
const IMPORTED_ON = "2021-01-20";

const KEYS = [
  "_unit",
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
  "respondent.kind",
  "respondent.name",
  "summary",
  "oldPetition",
  "agreementForm",
  "agreementEffectiveOn",
  "agreementAmount",
  "performBy",
] as const;
type Row = Partial<Record<(typeof KEYS)[number], string>>;

const SURNAMES = [..."王李张刘陈杨黄赵周吴徐孙冉向谭彭罗何胡秦郑蒋曾唐田熊余杜任夏"];
const GIVEN = [..."明华建国丽芳军平强燕勇静磊敏洪涛艳斌霞波林英杰红鹏婷文俊宇欣晓春秀兰志东"];

const csv = (rows: Row[]): Buffer => {
  const cell = (s = "") => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [KEYS.join(","), ...rows.map((r) => KEYS.map((k) => cell(r[k])).join(","))];
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
};

interface Owner {
  unit: string;
  kind: MediationKind;
  committee: string;
}

export async function loadMediations(ctx: DemoContext): Promise<string> {
  const { rng } = ctx;
  const S = MEDIATION_SEED;
  const name = () =>
    `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.6) ? rng.pick(GIVEN) : ""}`;
  const mediator = () => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.pick(GIVEN)}`;
  const towns: Owner[] = WULONG_TOWNSHIPS.map((t) => ({
    unit: t.code,
    kind: "people",
    committee: `${t.zh}人民调解委员会`,
  }));
  const admin: Owner[] = [
    { unit: "gaj", kind: "administrative", committee: "区公安局治安调解室" },
    { unit: "scjgj", kind: "administrative", committee: "区市场监管局消费纠纷调解室" },
    { unit: "rlsbj", kind: "administrative", committee: "区劳动人事争议调解中心" },
    { unit: "zfcxjw", kind: "administrative", committee: "区住房城乡建委物业纠纷调解室" },
  ];
  const court: Owner = { unit: "fy", kind: "judicial", committee: "区人民法院诉前调解中心" };
  const petition: Owner = { unit: "xfb", kind: "petition_link", committee: "区访调对接工作室" };
  // Who mediated, case by case (2020): 42 old petition cases go to the petition link.
  const plan: { owner: Owner; old: boolean }[] = [];
  const counts = { people: 3050, administrative: 420, judicial: 150 };
  for (let i = 0; i < counts.people; i++) plan.push({ owner: rng.pick(towns), old: false });
  for (let i = 0; i < counts.administrative; i++) plan.push({ owner: rng.pick(admin), old: false });
  for (let i = 0; i < counts.judicial; i++) plan.push({ owner: court, old: false });
  const petitions = S.mediated - plan.length;
  for (let i = 0; i < petitions; i++) plan.push({ owner: petition, old: i < S.oldPetitions });
  const order = rng.shuffle([...plan.keys()]);
  // Outcomes: the failures and the unperformed agreements are never old petition cases
  // nor people's mediations left with a confirmation window running at the demo's now.
  const failedAt = new Set<number>();
  const unperformedAt = new Set<number>();
  for (const i of order) {
    const p = plan[i]!;
    if (p.old) continue;
    if (failedAt.size < S.mediated - S.successful) failedAt.add(i);
    else if (unperformedAt.size < S.successful - S.performed) unperformedAt.add(i);
    else break;
  }
  const agreed = plan.map((_, i) => i).filter((i) => !failedAt.has(i));
  // The amounts: about a third of agreements are about money; they share the total.
  const monied = agreed.filter(() => rng.chance(0.35));
  const amounts = new Map<number, number>();
  const shares = split(S.amountYuan, monied.length, rng, 500);
  for (const [j, a] of shares.entries()) amounts.set(monied[j]!, a);
  const categories = Object.keys(DISPUTE_CATEGORY_LABELS);
  const rows: Row[] = [];
  const row = (p: { owner: Owner; old: boolean }, i: number, year: number): Row => {
    const o = p.owner;
    const opened =
      year === 2020
        ? dayBetween(rng, "2020-01-02", "2020-12-15")
        : dayBetween(rng, "2019-09-01", "2019-11-30");
    const session = plusDays(opened, rng.int(0, 6));
    const r: Row = {
      _unit: o.unit,
      _opened: opened,
      "step.hold_session": session,
      kind: o.kind,
      committee: o.committee,
      mediator: mediator(),
      category: p.old ? "land" : rng.pick(categories),
      "applicant.kind": "natural_person",
      "applicant.name": name(),
      "respondent.kind": "natural_person",
      "respondent.name": name(),
      summary: p.old ? "多年信访未化解的权属争议，经访调对接化解" : "双方因纠纷申请调解",
      oldPetition: p.old ? "是" : "否",
    };
    if (failedAt.has(i) && year === 2020) {
      r._state = "failed";
      r["step.end_without_agreement"] = plusDays(session, rng.int(1, 20));
      return r;
    }
    const agreedOn = plusDays(session, rng.int(0, 20));
    r["step.reach_agreement"] = agreedOn;
    r.agreementForm = rng.chance(0.85) ? "written" : "oral";
    r.agreementEffectiveOn = agreedOn;
    r.agreementAmount = String(year === 2020 ? (amounts.get(i) ?? 0) : rng.int(0, 20) * 1000);
    const performBy = plusDays(agreedOn, rng.int(5, 30));
    r.performBy = performBy;
    const followUp = plusDays(performBy, rng.int(1, 10));
    const checked = followUp > IMPORTED_ON ? IMPORTED_ON : followUp;
    if (unperformedAt.has(i) && year === 2020) {
      r._state = "not_performed";
      r["step.follow_up_not_performed"] = checked;
    } else {
      r._state = "performed";
      r["step.follow_up_performed"] = checked;
    }
    return r;
  };
  for (const i of order) rows.push(row(plan[i]!, i, 2020));
  for (let i = 0; i < EARLIER; i++)
    rows.push(row({ owner: rng.pick(towns), old: false }, -1, 2019));
  rows.sort((a, b) => String(a._opened).localeCompare(String(b._opened)));
  const started = Date.now();
  const summary = await ctx.as(OFFICE, IMPORTED_ON, (w) =>
    ctx.cases.importHistory(w, MEDIATION_TYPE, csv(rows), { fileName: "调解案件-2019-2020.csv" }),
  );
  return `${summary.rows} mediations (${S.mediated} of 2020) imported in ${Date.now() - started} ms`;
}
