/**
 * The decisions' public sections (政府信息公开条例 art. 20; 重大行政决策程序暂行条例 arts.
 * 3 para. 3 and 32): the yearly catalogue once published, and the published decisions
 * with the explanation of how the public's and experts' opinions were adopted.
 */
import type { PortalSectionDecl } from "../../engines/portal/index.ts";
import { DECISION_TYPE, MATTER_LABELS, MODULE } from "./common.ts";
import { CATALOGUE } from "./registers.ts";

export const DECISION_PORTAL: PortalSectionDecl[] = [
  {
    code: "decision_catalogue",
    module: MODULE,
    stage: "documents",
    order: 30,
    label: { zh: "重大行政决策事项目录", en: "Decision catalogue" },
    intro: {
      zh: "经党委同意后向社会公布的年度重大行政决策事项目录及其调整（《重大行政决策程序暂行条例》第三条第三款）。",
      en: "The yearly catalogue of major decisions, published once the Party committee agreed, and its adjustments.",
    },
    source: { register: CATALOGUE },
    title: "title",
    list: ["year", "itemNo", "matter", "publishedOn"],
    detail: ["year", "itemNo", "matter", "undertakingUnit", "listedOn", "publishedOn", "removedOn"],
    body: { field: "undertakingUnit", by: "unitCode" },
    date: "publishedOn",
    values: { matter: MATTER_LABELS },
  },
  {
    code: "published_decisions",
    module: MODULE,
    stage: "documents",
    order: 31,
    label: { zh: "重大行政决策公布", en: "Published major decisions" },
    intro: {
      zh: "已公布的重大行政决策，附公众意见、专家论证意见的采纳情况说明（《重大行政决策程序暂行条例》第三十二条）。",
      en: "Published major decisions, with how the public's and experts' opinions were adopted.",
    },
    source: { caseType: DECISION_TYPE },
    title: "title",
    list: ["documentNo", "matter", "publishedOn"],
    detail: [
      "documentNo",
      "matter",
      "publishedOn",
      "decisionText",
      "opinionsExplanation",
      "commentFrom",
      "commentTo",
      "commentDays",
    ],
    date: "publishedOn",
    values: { matter: MATTER_LABELS },
  },
];
