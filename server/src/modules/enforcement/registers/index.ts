import type { DemoContribution } from "../../../engines/demo/index.ts";
import type { IndicatorDecl } from "../../../engines/indicator/index.ts";
import type { RegisterDecl } from "../../../engines/register/index.ts";
import type { SettingDecl } from "../../../engines/settings.ts";
import { bodyRegister } from "./bodies.ts";
import { benchmarkRegister, catalogueRegister } from "./catalogue.ts";
import { enforcementRegistersDemo } from "./demo.ts";
import { equipmentRegister } from "./equipment.ts";
import { INDICATORS } from "./indicators.ts";
import { officerRegister } from "./officers.ts";

export * from "./bodies.ts";
export * from "./catalogue.ts";
export { ENFORCEMENT_REGISTERS_DEMO_ID, enforcementRegistersDemo, SEED_FIGURES } from "./demo.ts";
export * from "./equipment.ts";
export * from "./lookup.ts";
export * from "./officers.ts";

/** 执法主体, 执法人员, 执法装备, 重大执法决定法制审核目录, 裁量基准. */
export const registers: RegisterDecl[] = [
  bodyRegister,
  officerRegister,
  equipmentRegister,
  catalogueRegister,
  benchmarkRegister,
] as RegisterDecl[];
export const indicators: IndicatorDecl[] = INDICATORS;
export const demo: DemoContribution[] = [enforcementRegistersDemo];
export const settings: SettingDecl[] = [];
