/**
 * The rules of normative documents that differ by province, each with the national
 * default and its basis (docs/rules.md). Several are provincial rules ([R] in
 * ../shared/domain/regulations.md §6): verify against the province's 规范性文件管理办法.
 */
import { z } from "zod";
import type { SettingDecl } from "../../engines/settings.ts";
import { MODULE } from "./common.ts";

export const S_COMMENT_WD = "rules.comment_min_working_days";
export const S_COMMENT_MARKET = "rules.comment_min_days_market";
export const S_REVIEW_MIN = "rules.legality_review_min_working_days";
export const S_REVIEW_MAX = "rules.legality_review_max_working_days";
export const S_FILING_DAYS = "rules.filing_days";
export const S_VALIDITY_YEARS = "rules.validity_years";

const days = (max: number) => z.number().int().min(1).max(max);

export const rulesSettings: SettingDecl[] = [
  {
    code: S_COMMENT_WD,
    label: {
      zh: "规范性文件公开征求意见最短期限（工作日）",
      en: "Shortest comment period (working days)",
    },
    module: MODULE,
    schema: days(60),
    default: 7,
    basis:
      "国办发〔2018〕37号 and the 法治政府建设示范指标: 一般不少于7个工作日 for documents with a major effect on rights and obligations; provinces set their own (many: 7 working days).",
  },
  {
    code: S_COMMENT_MARKET,
    label: {
      zh: "与市场主体生产经营活动密切相关的文件征求意见最短期限（日）",
      en: "Shortest comment period, documents closely related to market actors (days)",
    },
    module: MODULE,
    schema: days(90),
    default: 30,
    basis: {
      cites: [{ law: "优化营商环境条例", article: 62 }],
      note: "优化营商环境条例 art. 62: 征求意见的时间一般不少于30日 (national; a province may not go below it).",
    },
  },
  {
    code: S_REVIEW_MIN,
    label: { zh: "合法性审核最短时间（工作日）", en: "Shortest legality review (working days)" },
    module: MODULE,
    schema: days(30),
    default: 5,
    basis:
      "国办发〔2018〕115号: 审核时间一般不少于5个工作日，最长不超过15个工作日 (except emergencies).",
  },
  {
    code: S_REVIEW_MAX,
    label: { zh: "合法性审核期限（工作日）", en: "Legality review time limit (working days)" },
    module: MODULE,
    schema: days(60),
    default: 15,
    basis: "国办发〔2018〕115号: 最长不超过15个工作日.",
  },
  {
    code: S_FILING_DAYS,
    label: { zh: "规范性文件报备期限（日）", en: "Filing deadline after publication (days)" },
    module: MODULE,
    schema: days(90),
    default: 30,
    basis: {
      cites: [
        { law: "法规规章备案审查条例", article: 4 },
        { law: "立法法", article: 109 },
      ],
      note: "Set by provincial rules (commonly 15 or 30 days after publication); 30 days follows 法规规章备案审查条例 art. 4 and 立法法 art. 109 for rules. Verify with the province's 规范性文件管理办法.",
    },
  },
  {
    code: S_VALIDITY_YEARS,
    label: { zh: "规范性文件有效期（年）", en: "Validity of a normative document (years)" },
    module: MODULE,
    schema: days(10),
    default: 5,
    basis:
      "Provincial rules: 有效期一般不超过5年 (暂行、试行 ≤ 2 years); an evaluation is due before expiry.",
  },
];
