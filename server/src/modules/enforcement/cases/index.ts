/**
 * 行政执法 — the case types under the "three systems" (public disclosure, full-process
 * record, legality review of major decisions): the penalty general procedure and its
 * publication record, the simplified procedure, inspections, seal-up and seizure, and
 * case-file reviews; their settings, indicators and demo.
 */
import type { AnyCaseType } from "../../../engines/case/index.ts";
import type { DemoContribution } from "../../../engines/demo/index.ts";
import type { IndicatorDecl } from "../../../engines/indicator/index.ts";
import type { RegisterDecl } from "../../../engines/register/index.ts";
import type { SettingDecl } from "../../../engines/settings.ts";
import { correctionCaseType } from "./correction.ts";
import { closingDemo } from "./demo/closing.ts";
import { currentYearDemo } from "./demo/current-year.ts";
import { historyDemo } from "./demo/history.ts";
import { casesDemo } from "./demo/index.ts";
import { rulesDemo } from "./demo/rules.ts";
import { showcaseDemo } from "./demo/showcase.ts";
import { disclosureCaseType } from "./disclosure.ts";
import { fileReviewCaseType } from "./file-review.ts";
import { indicators as caseIndicators } from "./indicators.ts";
import { compulsionCaseType, inspectionCaseType } from "./inspection.ts";
import { penaltyCaseType } from "./penalty/index.ts";
import { procedureSettings } from "./procedure-settings.ts";
import { settings as caseSettings } from "./settings.ts";
import { simplifiedCaseType } from "./simplified.ts";

export const caseTypes: AnyCaseType[] = [
  penaltyCaseType,
  disclosureCaseType,
  simplifiedCaseType,
  inspectionCaseType,
  compulsionCaseType,
  fileReviewCaseType,
  correctionCaseType,
];
export const registers: RegisterDecl[] = [];
export const indicators: IndicatorDecl[] = caseIndicators;
export const demo: DemoContribution[] = [
  casesDemo,
  historyDemo,
  rulesDemo,
  showcaseDemo,
  closingDemo,
  currentYearDemo,
];
export const settings: SettingDecl[] = [...caseSettings, ...procedureSettings];
