/**
 * Credit repair rules, versioned by the date they apply from (the application date).
 * Minimum and maximum publication periods (months from the decision date) by severity.
 *
 * - 发改办财金〔2019〕527号 [S]: penalty information of a general breach at least 3
 *   months, of a serious breach at least 6 months; at most 3 years.
 * - 国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》(2023-05-01) and
 *   its implementation notes [S]: at least 3 months, at most 3 years; safety, special
 *   equipment and fire at least 1 year (taken here as the serious tier [I]).
 * - 《信用修复管理办法》(adopted 2025-11-19, in force 2026-04-01) [S]: minor breaches in
 *   principle not published (at most 3 months); general 3 months to 1 year; serious 1 to
 *   3 years; periods run from the decision; repair after the minimum, publication stops
 *   at the maximum.
 */
import {
  type LocalDate,
  parseLocalDate,
  type RuleSet,
  ruleVersionAt,
} from "../../kernel/time/index.ts";
import type { Severity } from "./common.ts";

export interface CreditRules {
  minMonths: Record<Severity, number>;
  maxMonths: Record<Severity, number>;
}

export const CREDIT_RULES: RuleSet<CreditRules> = {
  code: "credit_repair",
  versions: [
    {
      // Before 527号 the platform has no rule of its own: the 2019 periods apply.
      effectiveFrom: parseLocalDate("2000-01-01"),
      law: "发改办财金〔2019〕527号",
      rules: {
        minMonths: { minor: 3, general: 3, serious: 6 },
        maxMonths: { minor: 36, general: 36, serious: 36 },
      },
    },
    {
      effectiveFrom: parseLocalDate("2023-05-01"),
      law: "国家发展改革委令第58号",
      rules: {
        minMonths: { minor: 3, general: 3, serious: 12 },
        maxMonths: { minor: 36, general: 36, serious: 36 },
      },
    },
    {
      effectiveFrom: parseLocalDate("2026-04-01"),
      law: "《信用修复管理办法》",
      rules: {
        minMonths: { minor: 0, general: 3, serious: 12 },
        maxMonths: { minor: 3, general: 12, serious: 36 },
      },
    },
  ],
};

/** The rules in force on a day, with the text they come from. */
export function creditRulesAt(day: string): { law: string; rules: CreditRules; from: LocalDate } {
  const v = ruleVersionAt(CREDIT_RULES, parseLocalDate(day));
  return { law: v.law, rules: v.rules, from: v.effectiveFrom };
}
