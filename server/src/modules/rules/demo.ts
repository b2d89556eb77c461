import type { DemoContribution } from "../../engines/demo/index.ts";
export const rulesDemo: DemoContribution = { id: "rules", dependsOn: ["directory"], load: async () => "todo" };
