import type { DemoContribution } from "../../engines/demo/index.ts";
export const oversightDemo: DemoContribution = { id: "oversight", dependsOn: [], description: "x", async load() {} };
