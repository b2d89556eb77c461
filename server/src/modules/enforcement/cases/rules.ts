/**
 * The penalty procedure by the law in force when the case was filed (立案): the 行政处罚法
 * as amended in 2017 for cases filed before 2021-07-15, the 2021 revision from then on
 * (法不溯及既往, 立法法 art. 104; the demo year 2020 runs under the 2017 text). Every rule
 * names its clause. Periods of the 2021 text of 2, 3, 5 or 7 days are working days (art.
 * 85); the 2017 text has no such rule, so its periods are calendar days.
 *
 * Article numbers of the 2017 text (行政处罚法 1996, amended 2009 and 2017) are [R]
 * recalled — the full 2017 text is not in shared/laws; those of the 2021 text are [P]
 * read in shared/laws/行政处罚法(2021-01-22).md.
 */
import {
  type LocalDate,
  type Period,
  type RuleSet,
  type RuleSetVersion,
  ruleVersionAt,
} from "../../../kernel/time/index.ts";

export interface Clause<T = Period> {
  value: T;
  basis: string;
}

export interface PenaltyRules {
  /** 事先告知 of the intended penalty, facts, reasons, basis and rights. */
  notice: string;
  /** No decision without the notice and hearing the statement and defence, unless waived. */
  noDecisionWithoutNotice: string;
  /** Statement and defence may not make the penalty heavier. */
  noHeavierForDefence: string;
  /** At least two certified officers investigate and show their certificates. */
  officers: Clause<number>;
  /** The party asks for a hearing within this period after the notice. */
  hearingRequest: Clause;
  /** The hearing notice goes out at least this long before the hearing. */
  hearingNotice: Clause;
  /** Which decisions need a legality review before the decision: all, or the major ones. */
  legalReview: Clause<"all" | "major">;
  /** A first-time reviewer holds the legal professional qualification. */
  reviewerQualification: string;
  /** Complex or major violations are decided collectively by the body's leaders. */
  collectiveDiscussion: string;
  /** The decision within this many days of filing (a setting per category may say otherwise); none in 2017. */
  decisionLimit?: Clause<number>;
  /** The decision document's content. */
  decisionContent: string;
  /** Service on a party who is not present. */
  service: Clause;
  /** The fine is paid within this period of service, at a bank (罚缴分离). */
  payment: Clause;
  /** The late-payment surcharge per day, capped at the fine. */
  surcharge: Clause<number>;
  /** On-the-spot (simplified) decisions: the largest fines. */
  onSpot: Clause<{ natural: number; organisation: number }>;
  /** On-the-spot decisions are filed with the body. */
  onSpotFiling: string;
  /** Officers on the spot (at least). */
  onSpotOfficers: Clause<number>;
  /** Collection on the spot allowed up to this amount. */
  onSpotCollection: Clause<number>;
  /** Withdrawal of a published decision that was changed, revoked, confirmed illegal or invalid. */
  withdrawal: Clause;
}

const wd = (n: number): Period => ({ n, unit: "working_day" });
const days = (n: number): Period => ({ n, unit: "calendar_day" });

const V2017: RuleSetVersion<PenaltyRules> = {
  effectiveFrom: "1996-10-01" as LocalDate,
  law: "《中华人民共和国行政处罚法》（2017年修正）",
  rules: {
    notice: "行政处罚法(2017) art. 31 [R]",
    noDecisionWithoutNotice: "行政处罚法(2017) art. 41 [R]",
    noHeavierForDefence: "行政处罚法(2017) art. 32 para. 2 [R]",
    officers: { value: 2, basis: "行政处罚法(2017) art. 37 para. 1: 执法人员不得少于两人 [R]" },
    hearingRequest: {
      value: days(3),
      basis: "行政处罚法(2017) art. 42 para. 1 (一): 告知后三日内提出 (calendar days) [R]",
    },
    hearingNotice: {
      value: days(7),
      basis: "行政处罚法(2017) art. 42 para. 1 (二): 听证的七日前通知 (calendar days) [R]",
    },
    legalReview: {
      value: "all",
      basis:
        "行政处罚法(2017) art. 38 para. 3: 负责人作出决定之前，应当由从事行政处罚决定审核的人员进行审核 [R]; 国办发〔2018〕118号: 重大执法决定法制审核 [S]",
    },
    reviewerQualification:
      "行政处罚法(2017) art. 38 para. 3: 初次从事行政处罚决定审核的人员应当取得法律职业资格 [R]",
    collectiveDiscussion: "行政处罚法(2017) art. 38 para. 2: 负责人集体讨论决定 [R]",
    decisionContent: "行政处罚法(2017) art. 39 [R]",
    service: { value: days(7), basis: "行政处罚法(2017) art. 40: 七日内送达 (calendar days) [R]" },
    payment: {
      value: days(15),
      basis: "行政处罚法(2017) art. 46 para. 3: 收到决定书之日起十五日内缴纳 [R]",
    },
    surcharge: {
      value: 0.03,
      basis:
        "行政处罚法(2017) art. 51 (一): 每日按罚款数额的3%加处罚款 [R]; 行政强制法 art. 45 para. 2: 不得超出罚款数额 [P]",
    },
    onSpot: {
      value: { natural: 50, organisation: 1000 },
      basis: "行政处罚法(2017) art. 33: 公民五十元以下、法人或者其他组织一千元以下罚款或者警告 [R]",
    },
    onSpotFiling: "行政处罚法(2017) art. 34 para. 3: 报所属行政机关备案 [R]",
    onSpotOfficers: {
      value: 1,
      basis: "行政处罚法(2017) art. 34: 执法人员当场作出决定，出示执法身份证件 [R]",
    },
    onSpotCollection: {
      value: 20,
      basis: "行政处罚法(2017) art. 47 (一): 依法给予二十元以下的罚款的，可以当场收缴 [R]",
    },
    withdrawal: {
      value: wd(3),
      basis:
        "国办发〔2018〕118号: 被撤销、确认违法或者要求重新作出的，应当及时撤下 [S]; 3 working days as the 2021 law (art. 48 para. 2) [I]",
    },
  },
};

const V2021: RuleSetVersion<PenaltyRules> = {
  effectiveFrom: "2021-07-15" as LocalDate,
  law: "《中华人民共和国行政处罚法》（2021年修订）",
  rules: {
    notice: "行政处罚法(2021) art. 44",
    noDecisionWithoutNotice: "行政处罚法(2021) art. 62",
    noHeavierForDefence: "行政处罚法(2021) art. 45 para. 2",
    officers: {
      value: 2,
      basis: "行政处罚法(2021) art. 42: 执法人员不得少于两人; art. 55: 出示执法证件",
    },
    hearingRequest: {
      value: wd(5),
      basis: "行政处罚法(2021) art. 64 (一): 告知后五日内提出; art. 85: 工作日",
    },
    hearingNotice: {
      value: wd(7),
      basis: "行政处罚法(2021) art. 64 (二): 举行听证的七日前通知; art. 85: 工作日",
    },
    legalReview: {
      value: "major",
      basis:
        "行政处罚法(2021) art. 58: 未经法制审核或者审核未通过的，不得作出决定 ((一)–(四) and the body's catalogue, 国办发〔2018〕118号)",
    },
    reviewerQualification:
      "行政处罚法(2021) art. 58 para. 2: 初次从事行政处罚决定法制审核的人员应当取得法律职业资格",
    collectiveDiscussion:
      "行政处罚法(2021) art. 57 para. 2: 情节复杂或者重大违法行为，负责人集体讨论决定",
    decisionLimit: {
      value: 90,
      basis:
        "行政处罚法(2021) art. 60: 立案之日起九十日内作出决定；法律、法规、规章另有规定的，从其规定 (setting per category)",
    },
    decisionContent: "行政处罚法(2021) art. 59",
    service: {
      value: wd(7),
      basis: "行政处罚法(2021) art. 61: 当事人不在场的，七日内送达; art. 85: 工作日",
    },
    payment: {
      value: days(15),
      basis:
        "行政处罚法(2021) art. 67 para. 3: 收到决定书之日起十五日内到指定的银行或者通过电子支付系统缴纳",
    },
    surcharge: {
      value: 0.03,
      basis:
        "行政处罚法(2021) art. 72 (一): 每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额",
    },
    onSpot: {
      value: { natural: 200, organisation: 3000 },
      basis: "行政处罚法(2021) art. 51: 公民二百元以下、法人或者其他组织三千元以下罚款或者警告",
    },
    onSpotFiling: "行政处罚法(2021) art. 52 para. 3: 报所属行政机关备案",
    onSpotOfficers: {
      value: 2,
      basis:
        "行政处罚法(2021) art. 42: 执法人员不得少于两人，法律另有规定的除外; art. 52: 出示执法证件",
    },
    onSpotCollection: {
      value: 100,
      basis: "行政处罚法(2021) art. 68 (一): 依法给予一百元以下罚款的，可以当场收缴",
    },
    withdrawal: {
      value: wd(3),
      basis:
        "行政处罚法(2021) art. 48 para. 2: 三日内撤回 (art. 85: 工作日); 市场监督管理行政处罚信息公示规定 art. 11: 三个工作日内撤回并说明理由",
    },
  },
};

export const PENALTY_RULES: RuleSet<PenaltyRules> = {
  code: "enforcement.penalty_procedure",
  versions: [V2017, V2021],
};

/** The procedure in force for a case filed on `filedOn`. */
export function penaltyRulesAt(filedOn: string): RuleSetVersion<PenaltyRules> {
  return ruleVersionAt(PENALTY_RULES, filedOn as LocalDate);
}

/**
 * 行政强制法 (2011, in force 2012-01-01) [P]: seal-up and seizure, the reminder and the
 * application to the court. Its periods of ten days or less are working days (art. 69).
 */
export const COMPULSION = {
  officers: {
    value: 2,
    basis: "行政强制法 art. 18 (二)(三): 两名以上行政执法人员实施，出示执法身份证件",
  },
  approval: "行政强制法 art. 18 (一): 实施前须向行政机关负责人报告并经批准",
  term: { value: days(30), basis: "行政强制法 art. 25 para. 1: 查封、扣押的期限不得超过三十日" },
  extension: {
    value: days(30),
    basis:
      "行政强制法 art. 25 para. 1: 情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日",
  },
  testing: "行政强制法 art. 25 para. 3: 检测、检验、检疫或者技术鉴定的期间不计入查封、扣押的期间",
  handling: "行政强制法 art. 27: 在本法第二十五条规定的期限内作出处理决定",
  reminder: "行政强制法 art. 35, art. 54: 申请人民法院强制执行前应当催告当事人履行义务",
  reminderWait: {
    value: wd(10),
    basis: "行政强制法 art. 54: 催告书送达十日后当事人仍未履行的，可以申请 (art. 69: 工作日)",
  },
  courtApplication: {
    value: { n: 3, unit: "month" } as Period,
    basis:
      "行政强制法 art. 53: 自法定复议、诉讼期限届满之日起三个月内申请人民法院强制执行 — counted from the later end of the reconsideration (60 days, 行政复议法(2023) art. 20) and litigation (6 months, 行政诉讼法 art. 46) periods after service, each rolled to the next working day; 60 days only where reconsideration comes first (setting)",
  },
  challengePeriod: {
    value: { n: 6, unit: "month" } as Period,
    basis:
      "行政强制法 art. 53: 当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行 (行政诉讼法 art. 46: 六个月)",
  },
} as const;
