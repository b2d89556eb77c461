import type { ModuleDecl } from "../../engines/registry.ts";
import { creditCheck, listingCaseType, repairCaseType } from "./credit.ts";
import { creditReactions } from "./credit-decisions.ts";
import { licensingReactions } from "./credit-licensing.ts";
import { supervisionDemo } from "./demo.ts";
import { indicators } from "./indicators.ts";
import { inspectionCaseType } from "./inspection.ts";
import { measureRegister, punishmentCaseType } from "./joint-punishment.ts";
import { portalSections } from "./portal.ts";
import { registers } from "./registers.ts";
import { settings } from "./settings.ts";
import { planCaseType } from "./spot-check.ts";

export { type CreditCheck, creditCheck } from "./credit.ts";

/**
 * 事中事后监管: random inspection (双随机、一公开) with verifiable draws — the item list,
 * the inspection-object directory, inspectors from the enforcement officers register,
 * tasks with their commit-before-reveal draw, results per object — and credit (信用):
 * 双公示 records, red and black lists, repair, the credit check. docs/supervision.md.
 */
export const supervisionModule: ModuleDecl = {
  code: "supervision",
  label: { zh: "事中事后监管与信用", en: "Supervision and credit" },
  registers: [...registers, measureRegister],
  caseTypes: [
    planCaseType,
    inspectionCaseType,
    listingCaseType,
    repairCaseType,
    punishmentCaseType,
  ],
  indicators,
  demo: [supervisionDemo],
  settings,
  reactions: [...creditReactions, ...licensingReactions],
  portal: portalSections,
  answers: [
    {
      code: "credit.check",
      label: { zh: "信用核查", en: "Credit check" },
      // input: { uscc } — the subject's list entries in force and its credit records.
      answer: (w, q) => creditCheck(w, q.regionCode, (q.input as { uscc: string }).uscc, q.onDate),
    },
  ],
};
