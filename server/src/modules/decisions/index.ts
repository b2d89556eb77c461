import type { ModuleDecl } from "../../engines/registry.ts";
import { MODULE } from "./common.ts";
import { decisionCaseType } from "./decision.ts";
import { decisionsDemo } from "./demo/index.ts";
import { DECISION_INDICATORS } from "./indicators.ts";
import { DECISION_PORTAL } from "./portal.ts";
import { REGISTERS } from "./registers.ts";
import { decisionSettings } from "./settings.ts";

/**
 * 重大行政决策: the yearly catalogue, the decision's statutory procedure (public
 * participation, expert argumentation, risk assessment, legality review, collective
 * decision, report, publication, implementation, post-evaluation) with its dossier, and
 * the registers it draws on — experts, legal advisers, third-party assessors, filed risk
 * assessments (docs/decisions.md).
 */
export const decisionsModule: ModuleDecl = {
  code: MODULE,
  label: { zh: "重大行政决策", en: "Major decisions" },
  caseTypes: [decisionCaseType],
  registers: REGISTERS,
  indicators: DECISION_INDICATORS,
  settings: decisionSettings,
  portal: DECISION_PORTAL,
  demo: [decisionsDemo],
};
