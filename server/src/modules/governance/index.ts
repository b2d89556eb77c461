/**
 * 法治建设与社会治理 (report 一(二), 一(三)5–6, 一(八)1, 一(八)3, 一(九)): the committee and
 * its coordination groups, leaders' duty reports, the work plan's tasks, inspections and
 * the rectifications they order, self-assessment; mediation; legal publicity, facilities
 * and training; social organisations, decoupling, purchases of services, public legal
 * service points and relief measures. The meetings of 一(一) are in modules/meetings.
 * See docs/governance.md.
 */
import type { ModuleDecl } from "../../engines/registry.ts";
import { governanceDemo } from "./demo/index.ts";
import { INDICATORS } from "./indicators.ts";
import { mediationCaseType, mediationSettings } from "./mediation.ts";
import { inspectionCaseType, planTaskCaseType, rectificationCaseType } from "./plan.ts";
import {
  assessmentIndicatorRegister,
  committeeRegister,
  dutyReportRegister,
  selfAssessmentRegister,
} from "./registers/leadership.ts";
import {
  facilityRegister,
  publicityEventRegister,
  trainingRegister,
} from "./registers/publicity.ts";
import {
  decouplingRegister,
  purchaseRegister,
  reliefRegister,
  servicePointRegister,
  socialOrgInspectionRegister,
} from "./registers/social.ts";

export { GOVERNANCE_DEMO_ID, governanceDemo } from "./demo/index.ts";
export * from "./mediation.ts";
export * from "./plan.ts";

export const GOVERNANCE_REGISTERS = [
  committeeRegister,
  dutyReportRegister,
  assessmentIndicatorRegister,
  selfAssessmentRegister,
  publicityEventRegister,
  facilityRegister,
  trainingRegister,
  socialOrgInspectionRegister,
  decouplingRegister,
  purchaseRegister,
  servicePointRegister,
  reliefRegister,
];

export const governanceModule: ModuleDecl = {
  code: "governance",
  label: { zh: "法治建设与社会治理", en: "Rule-of-law work and social governance" },
  caseTypes: [mediationCaseType, planTaskCaseType, inspectionCaseType, rectificationCaseType],
  // biome-ignore lint/suspicious/noExplicitAny: registers of different schemas
  registers: GOVERNANCE_REGISTERS as any,
  indicators: INDICATORS,
  demo: [governanceDemo],
  settings: mediationSettings,
};
