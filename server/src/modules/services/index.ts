import type { ModuleDecl } from "../../engines/registry.ts";
import { applicationCaseType } from "./application.ts";
import { servicesDemo } from "./demo/index.ts";
import { indicators } from "./indicators.ts";
import { jointCaseType, jointPartCaseType } from "./joint.ts";
import { portalSections } from "./portal.ts";
import { registers } from "./registers.ts";
import { settings } from "./settings.ts";

/**
 * 政务服务: the catalogue of service items (with the licensing list inside it), the
 * halls' windows and sub-centres, applications (办件) with their legal and promised time
 * limits, and joint matters (一窗受理、并行办理) on sub-cases. docs/services.md.
 */
export const servicesModule: ModuleDecl = {
  code: "services",
  label: { zh: "政务服务", en: "Government services" },
  registers,
  caseTypes: [applicationCaseType, jointCaseType, jointPartCaseType],
  indicators,
  settings,
  portal: portalSections,
  demo: servicesDemo,
};
