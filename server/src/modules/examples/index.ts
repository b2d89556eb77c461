import { z } from "zod";
import type { ModuleDecl } from "../../engines/registry.ts";
import { officerRegister } from "./officer.ts";
import { jointCaseType, jointPartCaseType, permitCaseType, reviewCaseType } from "./permit.ts";

/** The worked examples of the engines (shown under 示例 / Examples). */
export const examplesModule: ModuleDecl = {
  code: "examples",
  label: { zh: "示例", en: "Examples" },
  caseTypes: [permitCaseType, reviewCaseType, jointCaseType, jointPartCaseType],
  registers: [officerRegister],
  settings: [
    {
      code: "examples.decision_working_days",
      label: {
        zh: "示例：许可决定期限（工作日）",
        en: "Example: time limit for a licence decision (working days)",
      },
      module: "examples",
      schema: z.number().int().min(1).max(20),
      default: 20,
      basis:
        "行政许可法 art. 42(1): 20 working days; a province or city may promise less (承诺时限), never more",
    },
  ],
};
