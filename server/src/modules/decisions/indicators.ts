/**
 * The decisions module's figures (report 一(四)2 and 一(五)): the catalogue, decisions
 * decided, each statutory step done, comment periods of at least 30 days, the risk
 * assessments filed and the legal advisers engaged — each counted from records.
 */
import type { IndicatorDecl } from "../../engines/indicator/index.ts";
import { countEvents, countRegister } from "../../engines/indicator/index.ts";
import { DECISION_TYPE, MODULE } from "./common.ts";
import { COMMENT_MIN_DAYS } from "./gates.ts";
import { ADVISERS, CATALOGUE, FILINGS } from "./registers.ts";

const ITEMS = { zh: "项", en: "items" };
const PEOPLE = { zh: "人", en: "people" };

/** Decisions (each once) with a step of this kind dated in the period. */
const stepDone = (
  id: string,
  action: string | string[],
  zh: string,
  en: string,
  clause: string,
): IndicatorDecl => ({
  id,
  module: MODULE,
  unit: ITEMS,
  label: { zh: `履行${zh}程序的重大行政决策`, en: `Major decisions with ${en}` },
  definition: {
    zh: `期间内履行了${zh}程序的重大行政决策（《重大行政决策程序暂行条例》${clause}；每件决策计一次）`,
    en: `Major decisions that went through ${en} in the period (each decision once)`,
  },
  ...countEvents({ caseType: DECISION_TYPE, action, distinctCases: true }),
});

export const DECISION_INDICATORS: IndicatorDecl[] = [
  {
    id: "risk_assessments_filed",
    module: MODULE,
    unit: ITEMS,
    label: {
      zh: "重点项目和重大决策社会稳定风险评估备案",
      en: "Risk assessments filed (key projects and major decisions)",
    },
    definition: {
      zh: "备案日期在期间内的社会稳定风险评估（重点项目和重大行政决策）",
      en: "Social-stability risk assessments filed in the period (key projects and major decisions)",
    },
    ...countRegister({ register: FILINGS, on: "filedOn" }),
  },
  {
    id: "legal_advisers",
    module: MODULE,
    unit: PEOPLE,
    label: { zh: "法律顾问和公职律师", en: "Legal advisers and public lawyers" },
    definition: {
      zh: "期末在聘的法律顾问和公职律师",
      en: "Legal advisers and public lawyers engaged at the end of the period",
    },
    ...countRegister({
      register: ADVISERS,
      stock: { validFrom: "engagedFrom", validTo: "engagedTo" },
    }),
  },
  {
    id: "major_decisions_catalogued",
    module: MODULE,
    unit: ITEMS,
    label: { zh: "列入决策事项目录的重大行政决策", en: "Decisions in the catalogue" },
    definition: {
      zh: "经党委同意列入年度决策事项目录（含调整增列、不含调整移出）的事项，按党委同意日期计入",
      en: "Catalogue items agreed by the Party committee in the period (adjustments included, removed items not)",
    },
    ...countRegister({ register: CATALOGUE, on: "listedOn", where: { removedOn: null } }),
  },
  {
    id: "major_decisions_decided",
    module: MODULE,
    unit: ITEMS,
    label: { zh: "经集体讨论决定的重大行政决策", en: "Major decisions decided" },
    definition: {
      zh: "期间内经政府常务会议或者全体会议集体讨论决定的重大行政决策（《重大行政决策程序暂行条例》第三十条）",
      en: "Major decisions discussed and decided at an executive or plenary meeting in the period",
    },
    ...countEvents({ caseType: DECISION_TYPE, action: "decide", distinctCases: true }),
  },
  {
    id: "major_decisions_comment_30_days",
    module: MODULE,
    unit: ITEMS,
    label: {
      zh: "公开征求意见期限不少于30日的重大行政决策",
      en: "Decided decisions whose comment period was at least 30 days",
    },
    definition: {
      zh: "期间内集体讨论决定、公开征求意见期限不少于30日的重大行政决策（《重大行政决策程序暂行条例》第十五条）",
      en: "Decisions decided in the period whose public comment period was at least 30 days (art. 15)",
    },
    ...countEvents({
      caseType: DECISION_TYPE,
      action: "decide",
      distinctCases: true,
      filter: (eb, j) => eb(j.fields.num("commentDays"), ">=", COMMENT_MIN_DAYS),
    }),
  },
  stepDone(
    "major_decisions_public_participation",
    "close_comment",
    "公众参与",
    "public participation",
    "第十四条、第十五条",
  ),
  stepDone("major_decisions_hearing", "hold_hearing", "听证", "a hearing", "第十六条"),
  stepDone(
    "major_decisions_expert_argumentation",
    "argue",
    "专家论证",
    "expert argumentation",
    "第十九条",
  ),
  stepDone(
    "major_decisions_risk_assessment",
    "assess_risk",
    "风险评估",
    "risk assessment",
    "第二十二条",
  ),
  stepDone(
    "major_decisions_legality_review",
    "review",
    "合法性审查",
    "legality review",
    "第二十五条",
  ),
  stepDone(
    "major_decisions_collective_decision",
    "decide",
    "集体讨论决定",
    "collective decision",
    "第三十条",
  ),
  stepDone(
    "major_decisions_party_report",
    "report_party",
    "向党委请示报告",
    "a report to the Party committee",
    "第三十一条",
  ),
  stepDone("major_decisions_published", "publish", "决策公布", "publication", "第三十二条"),
  stepDone(
    "major_decisions_post_evaluation",
    "post_evaluate",
    "决策后评估",
    "post-evaluation",
    "第三十六条",
  ),
];
