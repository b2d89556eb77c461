import type { ModuleDecl } from "../../engines/registry.ts";
import { officerRegister } from "./officer.ts";
import { jointCaseType, jointPartCaseType, permitCaseType, reviewCaseType } from "./permit.ts";

/** The worked examples of the engines (shown under 示例 / Examples). */
export const examplesModule: ModuleDecl = {
  code: "examples",
  label: { zh: "示例", en: "Examples" },
  caseTypes: [permitCaseType, reviewCaseType, jointCaseType, jointPartCaseType],
  registers: [officerRegister],
};
