import type { DemoContribution } from "../../../engines/demo/index.ts";
import { DIRECTORY_DEMO_ID } from "../../directory/index.ts";
import { loadAccountability } from "./accountability.ts";
import { loadMediations } from "./mediation.ts";
import { loadRegisters } from "./registers.ts";

export { ACCOUNTABILITY_SEED } from "./accountability.ts";
export { MEDIATION_SEED } from "./mediation.ts";
export { REGISTER_SEED } from "./registers.ts";

export const GOVERNANCE_DEMO_ID = "governance";

/** Wulong 2020: report 一(二), 一(三)5–6, 一(八)1, 一(八)3, 一(九), record by record. */
export const governanceDemo: DemoContribution = {
  id: GOVERNANCE_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description:
    "committee, plan tasks, inspection, self-assessment, mediations, publicity, training, social governance",
  async load(ctx) {
    const timed = async (what: string, f: () => Promise<string | string[]>) => {
      const started = Date.now();
      const notes = [await f()].flat();
      ctx.note(`${what} (${Date.now() - started} ms): ${notes.join("; ")}`);
    };
    await timed("accountability", () => loadAccountability(ctx));
    await timed("mediation", () => loadMediations(ctx));
    await timed("registers", () => loadRegisters(ctx));
  },
};
