/**
 * The Wulong 2020 demo: the annual report's draft (the seed's narrative), opened by the
 * district's rule-of-law office on 2021-01-05 and left in draft for the writer — the
 * preview computes every figure from the other modules' records.
 */
import type { DemoContribution } from "../../engines/demo/index.ts";
import { DIRECTORY_DEMO_ID } from "../directory/index.ts";
import { ANNUAL_REPORT } from "./template.ts";
import { WULONG_2020_DRAFT } from "./wulong-2020.ts";

export const REPORT_DEMO_ID = "report";
export const REPORT_OFFICE = "wl.yfzqb.office";

export const reportDemo: DemoContribution = {
  id: REPORT_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description: "the 2020 annual report's draft (the seed's narrative, figures live)",
  async load(ctx) {
    const c = await ctx.as(REPORT_OFFICE, "2021-01-05", (w) =>
      ctx.cases.open(w, ANNUAL_REPORT, { fields: { year: 2020, draft: WULONG_2020_DRAFT } }),
    );
    ctx.note(`annual report draft ${c.id}`);
  },
};
