import type { AnyCaseType } from "../../../engines/case/declare.ts";
import type { DemoContribution } from "../../../engines/demo/declare.ts";
import type { IndicatorDecl } from "../../../engines/indicator/declare.ts";
import type { RegisterDecl } from "../../../engines/register/declare.ts";
import type { SettingDecl } from "../../../engines/settings.ts";

// Filled in by the enforcement cases work.
export const caseTypes: AnyCaseType[] = [];
export const registers: RegisterDecl[] = [];
export const indicators: IndicatorDecl[] = [];
export const demo: DemoContribution[] = [];
export const settings: SettingDecl[] = [];
