/**
 * The Wulong 2020 demo: the annual report's draft (the seed's narrative), opened by its
 * writer in the district's rule-of-law office on 2021-01-05 and left in draft — the
 * preview computes every figure from the other modules' records. The writer is a staff
 * member of the office (`wl.yfzqb.handler`, created here): the secrecy review is the
 * office's (`wl.yfzqb.office`), and the writer may not take it (`notBy`, lifecycle.ts).
 */
import type { DemoContribution } from "../../engines/demo/index.ts";
import { DIRECTORY_DEMO_ID, demoUsername } from "../directory/index.ts";
import { ANNUAL_REPORT } from "./template.ts";
import { WULONG_2020_DRAFT } from "./wulong-2020.ts";

export const REPORT_DEMO_ID = "report";
export const REPORT_WRITER_DEMO_ID = "report-writer";
export const REPORT_OFFICE = demoUsername("yfzqb", "rule_of_law_office");
/** The report's writer: a case handler in the rule-of-law office (an invented person). */
export const REPORT_WRITER = demoUsername("yfzqb", "case_handler");

/** The writer's account, before the draft (a demo user acts in a later contribution). */
export const reportWriterDemo: DemoContribution = {
  id: REPORT_WRITER_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description: "the annual report's writer in the rule-of-law office",
  async load(ctx) {
    await ctx.createUser({
      username: REPORT_WRITER,
      displayName: "向晓燕",
      unit: "yfzqb",
      roles: ["case_handler"],
      onDate: "2021-01-04",
    });
    ctx.note(`${REPORT_WRITER} (case handler, 区委依法治区办)`);
  },
};

export const reportDemo: DemoContribution = {
  id: REPORT_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID, REPORT_WRITER_DEMO_ID],
  description: "the 2020 annual report's draft (the seed's narrative, figures live)",
  async load(ctx) {
    const c = await ctx.as(REPORT_WRITER, "2021-01-05", (w) =>
      ctx.cases.open(w, ANNUAL_REPORT, { fields: { year: 2020, draft: WULONG_2020_DRAFT } }),
    );
    ctx.note(`annual report draft ${c.id}, written by ${REPORT_WRITER}`);
  },
};
