import type { ModuleDecl } from "../../engines/registry.ts";
import { complaintCaseType, complaintSettings } from "./complaint.ts";
import { listsComplaintsDemo, listsDemo } from "./demo.ts";
import { LIST_INDICATORS } from "./indicators.ts";
import { LIST_SECTIONS } from "./portal.ts";
import { LIST_REGISTERS } from "./registers.ts";

export { COMPLAINT_TYPE, SETTING_COMPLAINT_REPLY, SETTING_REPORT_DECISION } from "./complaint.ts";
export { LISTS_COMPLAINTS_DEMO_ID, LISTS_DEMO_ID } from "./demo.ts";

/**
 * 清单: the power and responsibility list, the negative list and the fee catalogue
 * (published versions, shown on the portal as in force on any day), the units' duties
 * (三定) and the coordination of their boundaries, and the fee and price complaints
 * (docs/lists.md).
 */
export const listsModule: ModuleDecl = {
  code: "lists",
  label: { zh: "清单与职责", en: "Lists and duties" },
  caseTypes: [complaintCaseType],
  registers: LIST_REGISTERS,
  indicators: LIST_INDICATORS,
  settings: complaintSettings,
  portal: LIST_SECTIONS,
  demo: [listsDemo, listsComplaintsDemo],
};
