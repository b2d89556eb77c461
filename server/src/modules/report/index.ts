import type { ModuleDecl } from "../../engines/registry.ts";
import { reportDemo, reportWriterDemo } from "./demo.ts";
import { annualReportCaseType, publishBySetting } from "./lifecycle.ts";
import { annualReportTemplate, MODULE } from "./template.ts";

export { SEED_FIGURES } from "./seed-figures.ts";
export { ANNUAL_REPORT } from "./template.ts";

/** The annual report (issue 17): its template, its lifecycle, its demo draft. */
export const reportModule: ModuleDecl = {
  code: MODULE,
  label: { zh: "年度报告", en: "Annual report" },
  caseTypes: [annualReportCaseType],
  reports: [annualReportTemplate],
  settings: [publishBySetting],
  demo: [reportWriterDemo, reportDemo],
};
