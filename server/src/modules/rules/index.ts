import type { ModuleDecl } from "../../engines/registry.ts";
import { MODULE } from "./common.ts";
import { rulesDemo } from "./demo.ts";
import { documentCaseType } from "./document.ts";
import { filingReviewCaseType } from "./filing.ts";
import { indicators } from "./indicators.ts";
import { portal } from "./portal.ts";
import { cleanupResultRegister, otherDocumentRegister } from "./registers.ts";
import { rulesSettings } from "./settings.ts";

/**
 * 行政规范性文件: normative documents from drafting through public comment, legality
 * review, deliberation, numbering, publication, filing and clean-up (docs/rules.md).
 */
export const rulesModule: ModuleDecl = {
  code: MODULE,
  label: { zh: "规范性文件", en: "Normative documents" },
  caseTypes: [documentCaseType, filingReviewCaseType],
  registers: [cleanupResultRegister, otherDocumentRegister],
  indicators,
  settings: rulesSettings,
  portal,
  demo: [rulesDemo],
};
