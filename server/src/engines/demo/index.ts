/**
 * The demo engine's front door for modules: the contribution and context types, the
 * demo's constants and `walkCase` (a case taken through its steps). Modules import this
 * file, never the engine's other files.
 */
export {
  DEMO_CITY_REGION,
  DEMO_NOW,
  DEMO_PASSWORD,
  DEMO_REGION,
  DEMO_SEED,
  DEMO_TOTP_SECRET,
  type DemoContext,
  type DemoContribution,
  type DemoRandom,
  type DemoUnit,
  type DemoUser,
  type NewDemoUser,
} from "./declare.ts";
export { type DemoStep, type WalkedCase, walkCase } from "./walk.ts";
