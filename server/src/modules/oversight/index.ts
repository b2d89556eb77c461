import type { ModuleDecl } from "../../engines/registry.ts";
import { accountabilityCaseType } from "./accountability.ts";
import { auditRegister, auditRuleRegister, budgetUnitRegister } from "./audits.ts";
import { MODULE } from "./common.ts";
import { oversightAccountsDemo, oversightDemo } from "./demo.ts";
import { indicators } from "./indicators.ts";
import { litigationCaseType } from "./litigation.ts";
import { reconsiderationCaseType } from "./reconsideration/index.ts";
import {
  deputySuggestionCaseType,
  judicialSuggestionCaseType,
  suggestionSettings,
} from "./suggestions.ts";

/**
 * 行政复议与监督: reconsideration cases (versioned by the law in force when the application
 * was received), litigation defence with the agency heads' appearance, deputies' and
 * judicial/procuratorial suggestions, and audit supervision (docs/oversight.md).
 */
export const oversightModule: ModuleDecl = {
  code: MODULE,
  label: { zh: "复议应诉与监督", en: "Reconsideration, litigation and oversight" },
  caseTypes: [
    reconsiderationCaseType,
    litigationCaseType,
    deputySuggestionCaseType,
    judicialSuggestionCaseType,
    accountabilityCaseType,
  ],
  registers: [auditRegister, budgetUnitRegister, auditRuleRegister],
  indicators,
  settings: suggestionSettings,
  demo: [oversightAccountsDemo, oversightDemo],
};
