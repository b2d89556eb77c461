/**
 * Versioned rule sets: the rules of a law change on a date (e.g. 行政处罚法 2021
 * revision, in force 2021-07-15; 行政复议法 2023 revision, in force 2024-01-01), and
 * a procedure keeps the version in force on its trigger date (法不溯及既往,
 * 立法法 art. 104).
 */
import { ValidationError } from "../errors.ts";
import { type LocalDate, parseLocalDate } from "./local-date.ts";

export interface RuleSetVersion<T> {
  /** First day the version is in force. */
  effectiveFrom: LocalDate;
  /** The law and revision, e.g. "行政处罚法(2021修订)". */
  law: string;
  rules: T;
}

export interface RuleSet<T> {
  code: string;
  versions: RuleSetVersion<T>[];
}

/** The version in force on `triggerDate`: the latest one with effectiveFrom <= triggerDate. */
export function ruleVersionAt<T>(ruleSet: RuleSet<T>, triggerDate: LocalDate): RuleSetVersion<T> {
  const date = parseLocalDate(triggerDate, "triggerDate");
  const seen = new Set<string>();
  let best: RuleSetVersion<T> | undefined;
  ruleSet.versions.forEach((v, i) => {
    const from = parseLocalDate(v.effectiveFrom, `versions.${i}.effectiveFrom`);
    if (seen.has(from)) {
      throw new ValidationError(`rule set ${ruleSet.code}: two versions in force from ${from}`, [
        { field: `versions.${i}.effectiveFrom`, message: "duplicate effective date" },
      ]);
    }
    seen.add(from);
    if (from <= date && (best === undefined || from > best.effectiveFrom)) best = v;
  });
  if (best === undefined) {
    throw new ValidationError(`rule set ${ruleSet.code}: no version in force on ${date}`, [
      { field: "triggerDate", message: `no version of ${ruleSet.code} in force` },
    ]);
  }
  return best;
}
