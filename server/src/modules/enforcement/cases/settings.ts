/**
 * Rules of the enforcement cases that differ by province, city or enforcement area, with
 * the national defaults and where they come from. A region's value applies to it and to
 * the regions below it (engines/settings.ts).
 */
import { z } from "zod";
import type { SettingDecl, Settings } from "../../../engines/settings.ts";
import { CATEGORIES, type Category, MODULE } from "./common.ts";
import { executionSettings } from "./execution-settings.ts";

export const SCOPES = ["social_impact", "general_procedure"] as const;
export type PublicationScope = (typeof SCOPES)[number];

export interface PublicationRule {
  /** Which general-procedure penalty decisions are published. */
  scope: PublicationScope;
  /** Within how many working days of the decision. */
  workingDays: number;
  /** Are decisions imposing only a warning published? */
  warnings: boolean;
  basis: string;
}

const zWorkingDays = z.number().int().min(1).max(60);

const PublicationRuleSchema = z.object({
  scope: z.enum(SCOPES),
  workingDays: zWorkingDays,
  warnings: z.boolean(),
  basis: z.string().trim().min(1).max(500),
});

export const PUBLICATION_SCOPE = "enforcement.publication_scope";
export const PUBLICATION_WORKING_DAYS = "enforcement.publication_working_days";
export const PUBLICATION_BY_CATEGORY = "enforcement.publication_by_category";
export const DECISION_DAYS = "enforcement.penalty_decision_days";

const DEFAULT_DECISION_DAYS = Object.fromEntries(CATEGORIES.map((c) => [c, 90])) as Record<
  Category,
  number
>;

export const settings: SettingDecl[] = [
  {
    code: PUBLICATION_SCOPE,
    label: {
      zh: "行政处罚决定公开范围",
      en: "Which penalty decisions are published",
    },
    module: MODULE,
    schema: z.enum(SCOPES),
    default: "social_impact",
    basis: {
      cites: [
        { law: "行政处罚法", version: "2021", article: 48, paragraph: 1 },
        { law: "政府信息公开条例", article: 20, item: 6 },
        { law: "行政处罚法", version: "2021", article: 50 },
      ],
      note: "行政处罚法(2021) art. 48 para. 1: 具有一定社会影响的行政处罚决定应当依法公开 (social_impact, the national default; the body decides per decision); 政府信息公开条例 art. 20 (六) likewise. Many provinces publish every general-procedure decision (general_procedure). Decisions on minors, or whose facts involve state secrets, trade secrets or privacy, are never published (art. 50; kernel/masking.ts).",
    },
  },
  {
    code: PUBLICATION_WORKING_DAYS,
    label: {
      zh: "行政处罚决定公开时限（工作日）",
      en: "Time limit for publishing a penalty decision (working days)",
    },
    module: MODULE,
    schema: zWorkingDays,
    default: 7,
    basis:
      "国办发〔2018〕118号: 行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开 [S]; other enforcement decisions 20 working days",
  },
  {
    code: PUBLICATION_BY_CATEGORY,
    label: {
      zh: "按执法领域的公开规则",
      en: "Publication rules by enforcement area",
    },
    module: MODULE,
    schema: z.partialRecord(z.enum(CATEGORIES as [Category, ...Category[]]), PublicationRuleSchema),
    default: {
      market_regulation: {
        scope: "general_procedure",
        workingDays: 20,
        warnings: false,
        basis:
          "市场监督管理行政处罚信息公示规定 (总局令第45号, in force 2021-09-01) art. 2: 适用普通程序作出的行政处罚决定向社会公示，仅受到警告的不予公示; art. 9: 作出决定之日起二十个工作日内 (before it, 工商总局令第71号 [R] likewise 20 working days)",
      },
    } satisfies Partial<Record<Category, PublicationRule>>,
    basis: {
      cites: [
        { law: "市场监督管理行政处罚信息公示规定", article: 2 },
        { law: "市场监督管理行政处罚信息公示规定", article: 9 },
      ],
      note: "Area rules override the general scope and time limit: market regulation publishes every general-procedure decision but not warnings, within 20 working days (总局令第45号 arts. 2, 9). Add an area's rule where its department's rules say so.",
    },
  },
  {
    code: DECISION_DAYS,
    label: {
      zh: "行政处罚决定期限（日，按执法领域）",
      en: "Time limit for a penalty decision (days, by enforcement area)",
    },
    module: MODULE,
    schema: z.partialRecord(
      z.enum(CATEGORIES as [Category, ...Category[]]),
      z.number().int().min(1).max(3660),
    ),
    default: DEFAULT_DECISION_DAYS,
    basis: {
      cites: [{ law: "行政处罚法", version: "2021", article: 60 }],
      note: "行政处罚法(2021) art. 60: 自立案之日起九十日内作出行政处罚决定；法律、法规、规章另有规定的，从其规定 — set an area's days where its law, regulation or rule provides otherwise. Cases filed before 2021-07-15 (the 2017 text) have no such limit.",
    },
  },
  // Issue 10 part B: execution settings (execution-settings.ts).
  ...executionSettings,
];

/** The publication rule for a category in a region (the area's rule, else the general one). */
export function publicationRule(s: Settings, category: Category): PublicationRule {
  const byCategory = s<Partial<Record<Category, PublicationRule>>>(PUBLICATION_BY_CATEGORY);
  const own = byCategory[category];
  if (own) return own;
  const scope = s<PublicationScope>(PUBLICATION_SCOPE);
  return {
    scope,
    workingDays: s<number>(PUBLICATION_WORKING_DAYS),
    warnings: true,
    basis:
      scope === "social_impact"
        ? "行政处罚法(2021) art. 48 (具有一定社会影响); 国办发〔2018〕118号 (7个工作日) [setting]"
        : "all general-procedure decisions (provincial rule) [setting]; 国办发〔2018〕118号 (7个工作日)",
  };
}

/** The decision time limit in days for a category (art. 60 and the setting). */
export function decisionDays(s: Settings, category: Category): number {
  return s<Partial<Record<Category, number>>>(DECISION_DAYS)[category] ?? 90;
}
