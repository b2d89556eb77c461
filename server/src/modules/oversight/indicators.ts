/**
 * The figures of the seed's 一(七) and 一(八)2, each out of records: reconsideration cases
 * concluded and the substantive correction rate (its definition is shown with the figure),
 * site inspections, interviews and documents served; head appearance in court per year and
 * its relative change, in major cases; judgments performed; suggestions answered and
 * deputies satisfied; audit coverage and audit rules.
 */
import type { IndicatorDecl } from "../../engines/indicator/index.ts";
import {
  countCases,
  countEvents,
  countRegister,
  ratio,
  relativeChange,
} from "../../engines/indicator/index.ts";
import type { Label } from "../../kernel/labels.ts";
import { CORRECTING, MODULE } from "./common.ts";
import { LITIGATION_TYPE } from "./litigation.ts";
import { CONCLUDED, inTimeRows } from "./reconsideration/in-time.ts";
import { RECONSIDERATION_TYPE, reconsiderationCaseType } from "./reconsideration/index.ts";
import { DEPUTY_SUGGESTION_TYPE, JUDICIAL_SUGGESTION_TYPE } from "./suggestions.ts";

const CASES: Label = { zh: "件", en: "cases" };
const TIMES: Label = { zh: "次", en: "times" };
const PERCENT: Label = { zh: "%", en: "%" };
const id = (s: string) => `oversight_${s}`;
const R = RECONSIDERATION_TYPE;

export const indicators: IndicatorDecl[] = [
  {
    id: id("reconsideration_concluded"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政复议案件审结数", en: "Reconsideration cases concluded" },
    definition: {
      zh: "年度内审结的行政复议案件：已受理并以复议决定、调解、驳回申请或终止结案的（不含不予受理、视为放弃）",
      en: "Accepted reconsideration cases ended in the year by decision, mediation, dismissal of the application or termination (not refusals or abandoned applications)",
    },
    ...countCases({ caseType: R, by: "closed", states: CONCLUDED }),
  },
  {
    id: id("reconsideration_corrected"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政复议纠错决定数", en: "Reconsideration decisions correcting the act" },
    definition: {
      zh: "年度内作出变更、撤销、确认违法、确认无效、责令履行决定的行政复议案件",
      en: "Reconsideration decisions of the year that change, revoke, confirm illegal or invalid, or order performance",
    },
    ...countCases({
      caseType: R,
      by: "closed",
      states: ["decided"],
      where: { outcome: [...Object.keys(CORRECTING), "order_performance"] },
    }),
  },
  {
    id: id("reconsideration_correction_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "行政复议实质纠错率", en: "Substantive correction rate" },
    definition: {
      zh: "实质纠错率 = 年度内作出变更、撤销、确认违法、确认无效、责令履行决定的案件数 ÷ 年度内审结的行政复议案件数 × 100%。审结案件含复议决定、调解、驳回申请、终止结案的案件，不含不予受理和视为放弃的申请；本平台口径，非法定统计口径（司法部“纠错率”以作出复议决定的案件为分母）",
      en: "Substantive correction rate = decisions that change, revoke, confirm illegal or invalid, or order performance ÷ reconsideration cases concluded in the year × 100%. Concluded: ended by decision, mediation, dismissal or termination; refusals and abandoned applications are not counted. The platform's definition, not the national statistics' (whose denominator is cases decided)",
    },
    ...ratio(id("reconsideration_corrected"), id("reconsideration_concluded"), { decimals: 2 }),
  },
  {
    id: id("reconsideration_in_time"),
    module: MODULE,
    unit: CASES,
    label: {
      zh: "在法定期限内审结的行政复议案件数",
      en: "Reconsideration cases concluded in time",
    },
    definition: {
      zh: "年度内审结、且复议决定期限（含中止、延长）届满前结案的行政复议案件",
      en: "Reconsideration cases concluded in the year before their decision time limit ran out (suspensions and extensions counted)",
    },
    basis: {
      zh: "案件按办结日期计入所属期间",
      en: "a case counts in the period in which it was closed",
    },
    decimals: 0,
    reads: { caseTypes: [RECONSIDERATION_TYPE], states: CONCLUDED },
    drill: (q) => inTimeRows(q, reconsiderationCaseType),
  },
  {
    id: id("reconsideration_in_time_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "行政复议案件按期审结率", en: "Reconsideration cases concluded in time (rate)" },
    definition: { zh: "按期审结数 ÷ 审结数 × 100%", en: "Concluded in time ÷ concluded × 100%" },
    ...ratio(id("reconsideration_in_time"), id("reconsideration_concluded")),
  },
  {
    id: id("reconsideration_site_inspections"),
    module: MODULE,
    unit: TIMES,
    label: { zh: "行政复议实地调查核实次数", en: "Reconsideration site inspections" },
    definition: {
      zh: "年度内行政复议案件中的实地调查核实",
      en: "Site inspections in reconsideration cases in the year",
    },
    ...countEvents({ caseType: R, action: "site_inspection" }),
  },
  {
    id: id("reconsideration_interviews"),
    module: MODULE,
    unit: TIMES,
    label: { zh: "行政复议询问、约谈次数", en: "Reconsideration interviews" },
    definition: {
      zh: "年度内行政复议案件中的询问、约谈",
      en: "Interviews in reconsideration cases in the year",
    },
    ...countEvents({ caseType: R, action: "interview" }),
  },
  {
    id: id("reconsideration_documents_served"),
    module: MODULE,
    unit: { zh: "份", en: "documents" },
    label: { zh: "行政复议文书送达份数", en: "Reconsideration documents served" },
    definition: {
      zh: "年度内有送达回证的行政复议文书",
      en: "Reconsideration documents served in the year, each with its service record",
    },
    ...countEvents({ caseType: R, action: "serve" }),
  },
  // ── litigation
  {
    id: id("litigation_hearings"),
    module: MODULE,
    unit: TIMES,
    label: { zh: "行政诉讼开庭次数", en: "Court hearings" },
    definition: { zh: "年度内行政应诉案件的开庭", en: "Hearings in litigation cases in the year" },
    ...countEvents({ caseType: LITIGATION_TYPE, action: "hearing" }),
  },
  {
    id: id("litigation_head_appeared"),
    module: MODULE,
    unit: TIMES,
    label: { zh: "行政机关负责人出庭应诉次数", en: "Hearings the agency head attended" },
    definition: {
      zh: "年度内行政机关负责人出庭的开庭",
      en: "Hearings in the year at which the agency head appeared",
    },
    ...countEvents({
      caseType: LITIGATION_TYPE,
      action: "hearing",
      filter: (_eb, j) => j.step.contains({ input: { headAppeared: true } }),
    }),
  },
  {
    id: id("litigation_head_appearance_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "行政机关负责人出庭应诉率", en: "Head appearance rate" },
    definition: {
      zh: "负责人出庭的开庭次数 ÷ 开庭次数 × 100%",
      en: "Hearings the head attended ÷ hearings × 100%",
    },
    ...ratio(id("litigation_head_appeared"), id("litigation_hearings"), { decimals: 2 }),
  },
  {
    id: id("litigation_head_appearance_change"),
    module: MODULE,
    unit: PERCENT,
    label: {
      zh: "负责人出庭应诉率同比变化",
      en: "Head appearance rate, change on the year before",
    },
    definition: {
      zh: "负责人出庭应诉率的相对变化：本年出庭率 ÷ 上年出庭率 − 1",
      en: "Relative change of the head appearance rate: this year's rate ÷ last year's − 1",
    },
    ...relativeChange(id("litigation_head_appearance_rate")),
  },
  {
    id: id("litigation_major_hearings"),
    module: MODULE,
    unit: TIMES,
    label: { zh: "重大案件开庭次数", en: "Hearings in major cases" },
    definition: {
      zh: "年度内重大行政应诉案件的开庭",
      en: "Hearings in major litigation cases in the year",
    },
    ...countEvents({ caseType: LITIGATION_TYPE, action: "hearing", caseWhere: { major: true } }),
  },
  {
    id: id("litigation_major_head_appeared"),
    module: MODULE,
    unit: TIMES,
    label: { zh: "重大案件负责人出庭次数", en: "Major-case hearings the head attended" },
    definition: {
      zh: "年度内重大案件中负责人出庭的开庭",
      en: "Hearings in major cases the head attended in the year",
    },
    ...countEvents({
      caseType: LITIGATION_TYPE,
      action: "hearing",
      filter: (_eb, j) => j.step.contains({ input: { headAppeared: true } }),
      caseWhere: { major: true },
    }),
  },
  {
    id: id("litigation_major_appearance_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "重大案件负责人出庭应诉率", en: "Head appearance rate in major cases" },
    definition: {
      zh: "重大案件负责人出庭次数 ÷ 重大案件开庭次数 × 100%",
      en: "Major-case hearings attended by the head ÷ major-case hearings × 100%",
    },
    ...ratio(id("litigation_major_head_appeared"), id("litigation_major_hearings")),
  },
  {
    id: id("litigation_judgments"),
    module: MODULE,
    unit: CASES,
    label: { zh: "行政诉讼生效裁判数", en: "Judgments" },
    definition: {
      zh: "年度内登记裁判结果的行政应诉案件",
      en: "Litigation cases whose judgment was recorded in the year",
    },
    ...countEvents({ caseType: LITIGATION_TYPE, action: "judge" }),
  },
  {
    id: id("litigation_judgments_performed"),
    module: MODULE,
    unit: CASES,
    label: { zh: "已履行的生效裁判数", en: "Judgments performed" },
    definition: {
      zh: "年度内裁判、现已履行（或无需履行）的案件",
      en: "Judgments of the year now performed (or needing no performance)",
    },
    ...countEvents({ caseType: LITIGATION_TYPE, action: "judge", caseWhere: { performed: true } }),
  },
  {
    id: id("litigation_performance_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "生效裁判履行率", en: "Judgments performed (rate)" },
    definition: {
      zh: "已履行的生效裁判 ÷ 生效裁判 × 100%",
      en: "Judgments performed ÷ judgments × 100%",
    },
    ...ratio(id("litigation_judgments_performed"), id("litigation_judgments")),
  },
  // ── suggestions
  {
    id: id("deputy_suggestions"),
    module: MODULE,
    unit: CASES,
    label: { zh: "办理人大代表建议、政协提案件数", en: "Deputies' suggestions handled" },
    definition: {
      zh: "年度内交办的人大代表建议和政协提案",
      en: "Suggestions and proposals assigned in the year",
    },
    ...countCases({ caseType: DEPUTY_SUGGESTION_TYPE, by: "opened" }),
  },
  {
    id: id("deputy_suggestions_satisfied"),
    module: MODULE,
    unit: CASES,
    label: { zh: "代表委员满意件数", en: "Suggestions with the deputy satisfied" },
    definition: {
      zh: "年度内交办、代表委员表示满意的建议提案",
      en: "Suggestions assigned in the year whose deputy was satisfied",
    },
    ...countCases({
      caseType: DEPUTY_SUGGESTION_TYPE,
      by: "opened",
      where: { satisfaction: "satisfied" },
    }),
  },
  {
    id: id("deputy_satisfaction_rate"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "人大代表建议、政协提案满意率", en: "Deputies' satisfaction" },
    definition: { zh: "满意件数 ÷ 交办件数 × 100%", en: "Satisfied ÷ assigned × 100%" },
    ...ratio(id("deputy_suggestions_satisfied"), id("deputy_suggestions")),
  },
  ...(["judicial", "procuratorial"] as const).flatMap((kind): IndicatorDecl[] => {
    const zh = kind === "judicial" ? "司法建议" : "检察建议";
    const en = kind === "judicial" ? "Judicial suggestions" : "Procuratorial suggestions";
    return [
      {
        id: id(`${kind}_suggestions`),
        module: MODULE,
        unit: CASES,
        label: { zh: `收到${zh}件数`, en: `${en} received` },
        definition: { zh: `年度内收到的${zh}`, en: `${en} received in the year` },
        ...countCases({ caseType: JUDICIAL_SUGGESTION_TYPE, by: "opened", where: { kind } }),
      },
      {
        id: id(`${kind}_suggestions_replied`),
        module: MODULE,
        unit: CASES,
        label: { zh: `已回复${zh}件数`, en: `${en} replied` },
        definition: {
          zh: `年度内收到、现已书面回复的${zh}`,
          en: `${en} received in the year and replied`,
        },
        ...countCases({
          caseType: JUDICIAL_SUGGESTION_TYPE,
          by: "opened",
          states: ["replied"],
          where: { kind },
        }),
      },
      {
        id: id(`${kind}_suggestions_reply_rate`),
        module: MODULE,
        unit: PERCENT,
        label: { zh: `${zh}回复率`, en: `${en} replied (rate)` },
        definition: { zh: "已回复 ÷ 收到 × 100%", en: "Replied ÷ received × 100%" },
        ...ratio(id(`${kind}_suggestions_replied`), id(`${kind}_suggestions`)),
      },
    ];
  }),
  // ── audits
  {
    id: id("budget_units"),
    module: MODULE,
    unit: { zh: "个", en: "units" },
    label: { zh: "一级预算单位数", en: "First-level budget units" },
    definition: {
      zh: "期末在册的一级预算单位",
      en: "First-level budget units listed at the end of the period",
    },
    ...countRegister({
      register: "budget_unit",
      stock: { validFrom: "listedFrom", validTo: "listedUntil" },
    }),
  },
  {
    id: id("budget_units_audited"),
    module: MODULE,
    unit: { zh: "个", en: "units" },
    label: {
      zh: "开展预算执行审计的一级预算单位数",
      en: "Budget units with a budget-execution audit",
    },
    definition: {
      zh: "年度内进点的预算执行审计（每个单位每年一项）",
      en: "Budget-execution audits started in the year (one per unit a year)",
    },
    ...countRegister({
      register: "state_audit",
      on: "startedOn",
      where: { kind: "budget_execution" },
    }),
  },
  {
    id: id("budget_audit_coverage"),
    module: MODULE,
    unit: PERCENT,
    label: { zh: "一级预算单位预算执行审计覆盖率", en: "Budget-execution audit coverage" },
    definition: {
      zh: "开展预算执行审计的一级预算单位 ÷ 一级预算单位 × 100%",
      en: "Units audited ÷ first-level budget units × 100%",
    },
    ...ratio(id("budget_units_audited"), id("budget_units")),
  },
  {
    id: id("audit_rules"),
    module: MODULE,
    unit: { zh: "项", en: "rules" },
    label: { zh: "出台审计制度数", en: "Audit rules issued" },
    definition: { zh: "年度内印发的审计制度", en: "Audit rules issued in the year" },
    ...countRegister({ register: "audit_rule", on: "issuedOn" }),
  },
];
