import type { DemoContribution } from "../../../engines/demo/declare.ts";
import type { IndicatorDecl } from "../../../engines/indicator/declare.ts";
import type { RegisterDecl } from "../../../engines/register/declare.ts";
import type { SettingDecl } from "../../../engines/settings.ts";

// Filled in by the enforcement registers work.
export const registers: RegisterDecl[] = [];
export const indicators: IndicatorDecl[] = [];
export const demo: DemoContribution[] = [];
export const settings: SettingDecl[] = [];
