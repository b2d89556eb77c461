import type { ModuleDecl } from "../../engines/registry.ts";
import * as cases from "./cases/index.ts";
import { portalBodies, portalSections } from "./portal.ts";
import * as registers from "./registers/index.ts";

/**
 * 行政执法: enforcement bodies, officers and certificates, equipment, the major-decision
 * catalogue and discretion benchmarks (registers/), and cases under the three systems —
 * disclosure, full-process record, legality review of major decisions (cases/).
 */
export const enforcementModule: ModuleDecl = {
  code: "enforcement",
  label: { zh: "行政执法", en: "Administrative enforcement" },
  registers: [...registers.registers, ...cases.registers],
  caseTypes: cases.caseTypes,
  indicators: [...registers.indicators, ...cases.indicators],
  demo: [...registers.demo, ...cases.demo],
  settings: [...registers.settings, ...cases.settings],
  portal: portalSections,
  portalBodies,
};
