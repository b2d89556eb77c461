import type { ModuleDecl } from "../../engines/registry.ts";
import { directoryDemo } from "./demo.ts";

export { DEMO_ACCOUNTS, type DemoAccount, demoUsername, STAFFED_DEPARTMENTS } from "./accounts.ts";
export { DIRECTORY_DAY, DIRECTORY_DEMO_ID, directoryDemo } from "./demo.ts";
export * from "./wulong.ts";

/** 组织机构 / Organisation: the units and accounts of a district (in the demo, Wulong's). */
export const directoryModule: ModuleDecl = {
  code: "directory",
  label: { zh: "组织机构", en: "Organisation" },
  demo: [directoryDemo],
};
