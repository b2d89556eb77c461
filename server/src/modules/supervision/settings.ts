/**
 * The supervision module's settings: rules that vary by province or are not fixed by a
 * national text, each with its national default and basis.
 */
import { z } from "zod";
import type { SettingDecl } from "../../engines/settings.ts";
import { MODULE } from "./common.ts";

export const S_EXCLUSION_MONTHS = "supervision.reinspection_exclusion_months";
export const S_RESULT_DAYS = "supervision.result_publication_working_days";
export const S_STATEMENT_DAYS = "supervision.listing_statement_working_days";
export const S_REPAIR_MIN = "supervision.credit_repair_min_months";

const months = z.number().int().min(0).max(120);

export const settings: SettingDecl[] = [
  {
    code: S_EXCLUSION_MONTHS,
    label: {
      zh: "近期已检查对象排除期（月）",
      en: "Objects inspected within (months) are left out",
    },
    module: MODULE,
    schema: months,
    default: 12,
    basis:
      "国发〔2019〕5号 calls for reasonable ratios and frequencies and no repeated inspections of the same subject; no national number [I]: 12 months, provinces set their own.",
  },
  {
    code: S_RESULT_DAYS,
    label: { zh: "抽查结果公示时限（工作日）", en: "Results published within (working days)" },
    module: MODULE,
    schema: z.number().int().min(1).max(60),
    default: 20,
    basis:
      "企业信息公示暂行条例 第六条、第七条: information produced in performing duties is published within 20 working days; 5号 谁检查、谁录入、谁公开 [S].",
  },
  {
    code: S_STATEMENT_DAYS,
    label: {
      zh: "列入名单前陈述申辩期（工作日）",
      en: "Time to state and defend before listing (working days)",
    },
    module: MODULE,
    schema: z.number().int().min(1).max(30),
    default: 5,
    basis:
      "国办发〔2020〕49号: the subject is told before listing and may state its case; the guideline sets no period [I]: 5 working days, sector rules may set more.",
  },
  {
    code: S_REPAIR_MIN,
    label: {
      zh: "信用修复最短公示期（月，按失信程度）",
      en: "Minimum publication before repair (months, by severity)",
    },
    module: MODULE,
    schema: z.object({ minor: months, general: months, serious: months }).nullable(),
    default: null,
    basis:
      "Empty: the national rule in force on the application date (credit-rules.ts: 发改办财金〔2019〕527号; 国家发展改革委令第58号 from 2023-05-01; 《信用修复管理办法》 from 2026-04-01). A province may set longer periods.",
  },
];
