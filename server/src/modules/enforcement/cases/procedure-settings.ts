/**
 * Settings of the penalty procedure that differ by province or enforcement area (issue
 * 10, part A): the statement period after the notice, the hearing scope's "large"
 * amounts, and how long a published decision stays public. Each with the national
 * default and where it comes from; a region's value applies to it and the regions below.
 */
import { z } from "zod";
import type { SettingDecl, Settings } from "../../../engines/settings.ts";
import { CATEGORIES, type Category, MODULE } from "./common.ts";

export const STATEMENT_PERIOD = "enforcement.statement_working_days";
export const HEARING_AMOUNTS = "enforcement.hearing_large_amounts";
export const PUBLICATION_TERMS = "enforcement.publication_terms";
export const PROCEDURE_SETTING_CODES = [STATEMENT_PERIOD, HEARING_AMOUNTS, PUBLICATION_TERMS];

const byCategory = <T extends z.ZodType>(v: T) =>
  z.partialRecord(z.enum(CATEGORIES as [Category, ...Category[]]), v);

export interface HearingAmounts {
  /** A fine at or above this is 较大数额 for a natural person / an organisation. */
  fineNatural: number;
  fineOrganisation: number;
  /** Confiscation (违法所得, 非法财物) of at least this value. */
  confiscationNatural: number;
  confiscationOrganisation: number;
  basis: string;
}

const HearingAmountsSchema = z.object({
  fineNatural: z.number().nonnegative(),
  fineOrganisation: z.number().nonnegative(),
  confiscationNatural: z.number().nonnegative(),
  confiscationOrganisation: z.number().nonnegative(),
  basis: z.string().trim().min(1).max(500),
});

export interface PublicationTerms {
  /** 通报批评, 警告 and small fines (at most `smallFine` yuan) are public this many months. */
  shortMonths: number;
  smallFine: number;
  /** Every other decision this many months. */
  longMonths: number;
  basis: string;
}

const PublicationTermsSchema = z.object({
  shortMonths: z.number().int().min(1).max(120),
  smallFine: z.number().nonnegative(),
  longMonths: z.number().int().min(1).max(120),
  basis: z.string().trim().min(1).max(500),
});

const GENERAL_AMOUNTS: HearingAmounts = {
  fineNatural: 5000,
  fineOrganisation: 50000,
  confiscationNatural: 5000,
  confiscationOrganisation: 50000,
  basis:
    "行政处罚法(2021) art. 63 (一)(二); 2017 text art. 42: 较大数额 is set by the province — common provincial thresholds (公民五千元、法人或者其他组织五万元) as the default [I]",
};

export const procedureSettings: SettingDecl[] = [
  {
    code: STATEMENT_PERIOD,
    label: {
      zh: "陈述、申辩期限（告知书送达后工作日，按执法领域）",
      en: "Statement period after the notice is served (working days, by area)",
    },
    module: MODULE,
    schema: byCategory(z.number().int().min(1).max(30)),
    default: Object.fromEntries(CATEGORIES.map((c) => [c, 5])),
    basis: {
      cites: [
        { law: "行政处罚法", version: "2021", article: 62 },
        { law: "行政处罚法", version: "2017", article: 41 },
        { law: "市场监督管理行政处罚程序规定", article: 59 },
        { law: "行政处罚法", version: "2021", article: 64, item: 1 },
      ],
      note: "行政处罚法(2021) art. 62 (2017 text art. 41): no decision before the party's statement is heard unless it waives it. The law sets no period; sector rules do — 市场监督管理行政处罚程序规定 (总局令第42号修正, 2021-07-15) art. 59: 自告知书送达之日起五个工作日内未行使陈述、申辩权、未要求听证的，视为放弃此权利 [R]. Default 5 working days for every area, as the hearing-request window of art. 64 (一) [I].",
    },
  },
  {
    code: HEARING_AMOUNTS,
    label: {
      zh: "听证范围的较大数额（按执法领域）",
      en: "Large amounts that give a right to a hearing (by area)",
    },
    module: MODULE,
    schema: z.object({
      general: HearingAmountsSchema,
      byCategory: byCategory(HearingAmountsSchema),
    }),
    default: {
      general: GENERAL_AMOUNTS,
      byCategory: {
        market_regulation: {
          fineNatural: 10000,
          fineOrganisation: 100000,
          confiscationNatural: 10000,
          confiscationOrganisation: 100000,
          basis:
            "市场监督管理行政处罚听证办法 (总局令第43号, 2021-07-15) art. 5: 对自然人处以一万元以上、对法人或者其他组织处以十万元以上罚款；没收违法所得和非法财物价值总额达到上述数额 [R]",
        },
      },
    },
    basis: {
      cites: [
        { law: "行政处罚法", version: "2021", article: 63, item: 1 },
        { law: "行政处罚法", version: "2021", article: 63, item: 2 },
        { law: "行政处罚法", version: "2017", article: 42 },
      ],
      note: "行政处罚法(2021) art. 63 (一)(二) and 2017 text art. 42: the province (or the sector's rules) sets 较大数额. Set the province's figures in `general`, an area's own in `byCategory`.",
    },
  },
  {
    code: PUBLICATION_TERMS,
    label: {
      zh: "处罚信息公示期限（按执法领域）",
      en: "How long a published decision stays public (by area)",
    },
    module: MODULE,
    schema: byCategory(PublicationTermsSchema),
    default: {
      market_regulation: {
        shortMonths: 3,
        smallFine: 10000,
        longMonths: 36,
        basis:
          "市场监督管理行政处罚信息公示规定 (总局令第45号) art. 13: 仅受到通报批评或者较低数额罚款的，自公示之日起届满三个月停止公示；其他届满三年 (较低数额 set by the province's market regulation department: 10000 yuan as the default [I])",
      },
    },
    basis: {
      cites: [{ law: "市场监督管理行政处罚信息公示规定", article: 13 }],
      note: "Areas whose rules end publication after a term (总局令第45号 art. 13 for market regulation). An area without a rule here keeps its decisions public.",
    },
  },
];

/** The statement period for an area (working days). */
export function statementDays(s: Settings, category: Category): number {
  return s<Partial<Record<Category, number>>>(STATEMENT_PERIOD)[category] ?? 5;
}

/** The hearing scope's large amounts for an area. */
export function hearingAmounts(s: Settings, category: Category): HearingAmounts {
  const v = s<{ general: HearingAmounts; byCategory: Partial<Record<Category, HearingAmounts>> }>(
    HEARING_AMOUNTS,
  );
  return v.byCategory[category] ?? v.general;
}

/** The publication term rule of an area, if it has one. */
export function publicationTerms(s: Settings, category: Category): PublicationTerms | undefined {
  return s<Partial<Record<Category, PublicationTerms>>>(PUBLICATION_TERMS)[category];
}
