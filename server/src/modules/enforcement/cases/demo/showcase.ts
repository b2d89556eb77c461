/**
 * The second pass's rules at work in the demo (issue 10): cases of the market regulation
 * bureau opened in January 2021, still open at the demo's date (so the 2019–2020 figures
 * are untouched) —
 * - a notice served by announcement (the party cannot be found): the statement period runs
 *   from its deemed service, 60 days after the announcement (before 2022-01-01);
 * - a recusal: the party asks that an investigating officer step aside, the head decides;
 * - a transfer to the judiciary (行刑衔接): the case suspended, the transfer recorded.
 * Not here yet: a deferral, and a case filed before 2021-07-15 and notified after it (the
 * demo's steps end on 2021-01-29).
 */
import type { DemoContribution } from "../../../../engines/demo/index.ts";
import type { LocalDate } from "../../../../kernel/time/index.ts";
import { demoUsername } from "../../../directory/index.ts";
import { PENALTY_TYPE } from "../penalty/index.ts";
import { ENFORCEMENT_CASES_DEMO_ID } from "./index.ts";
import { type Handle, makePlan } from "./plan.ts";
import { PROFILES } from "./profiles.ts";

export const ENFORCEMENT_SHOWCASE_DEMO_ID = "enforcement.showcase";

const d = (s: string) => s as LocalDate;

export const showcaseDemo: DemoContribution = {
  id: ENFORCEMENT_SHOWCASE_DEMO_ID,
  dependsOn: [ENFORCEMENT_CASES_DEMO_ID],
  description:
    "open cases of January 2021 showing a notice served by announcement, a recusal and a transfer to the judiciary",
  async load(ctx) {
    const plan = await makePlan(ctx);
    const { open, act, at, cases, pickOfficers, personParty, firmParty } = plan;
    const p = PROFILES.find((x) => x.unit === "scjgj")!;
    const v = p.violations[0]!;
    const handler = demoUsername(p.unit, "case_handler");
    const leader = demoUsername(p.unit, "unit_leader");
    const file = (h: Handle, on: string, party: Record<string, unknown>) =>
      open(h, handler, d(on), {
        party,
        cause: v.cause,
        category: p.category,
        source: "complaint",
        violationOn: d("2020-12-20"),
        discoveredOn: d("2020-12-30"),
      });
    const investigate = (h: Handle, on: string, officers: string[]) =>
      act(h, handler, d(on), "investigate", {
        officers,
        kind: "site_inspection",
        summary: `对当事人${v.cause}的情况进行现场检查，制作现场检查笔录`,
      });

    // ── a notice served by announcement
    const a: Handle = { type: PENALTY_TYPE, id: 0, version: 0 };
    file(a, "2021-01-04", personParty());
    investigate(a, "2021-01-05", pickOfficers(p.unit, d("2021-01-05")));
    act(a, handler, d("2021-01-08"), "conclude_investigation", {
      facts: v.facts,
      evidence: "现场检查笔录、现场照片、执法记录仪视频",
      legalBasis: v.legalBasis,
      circumstance: "minor",
      proposedFine: 0,
    });
    act(a, handler, d("2021-01-11"), "notify", {
      intendedPenalty: "警告",
      intendedPenalties: ["warning"],
      intendedFine: 0,
      noticeServiceMethod: "announcement",
      noticeAnnouncementReason:
        "当事人已停业且下落不明，直接送达未果，邮寄送达被退回，依法在本机关公告栏和门户网站公告送达",
    });

    // ── a recusal on the party's application
    const r: Handle = { type: PENALTY_TYPE, id: 0, version: 0 };
    const team = pickOfficers(p.unit, d("2021-01-07"));
    file(r, "2021-01-06", firmParty());
    investigate(r, "2021-01-07", team);
    act(r, leader, d("2021-01-12"), "decide_recusal", {
      appliedOn: d("2021-01-11"),
      officer: team[0]!,
      grounds: "该执法人员与当事人的法定代表人系近亲属，可能影响公正执法",
      granted: true,
      reason: "经核实，申请回避的理由成立，决定该执法人员回避，另行指派执法人员调查",
    });

    // ── a transfer to the judiciary: suspended first, then transferred
    const j: Handle = { type: PENALTY_TYPE, id: 0, version: 0 };
    file(j, "2021-01-05", firmParty());
    investigate(j, "2021-01-06", pickOfficers(p.unit, d("2021-01-06")));
    at(d("2021-01-14"), leader, async (w) => {
      await cases.suspend(w, PENALTY_TYPE, j.id, {
        version: j.version,
        reason: "涉嫌犯罪，依法移送公安机关，本案中止",
        onDate: "2021-01-14",
      });
      j.version += 1;
    });
    act(j, leader, d("2021-01-14"), "transfer_judiciary", {
      receivingOrgan: "重庆市武隆区公安局",
      documentNo: "武隆市监移〔2021〕1号",
      suspectedCrime: "涉嫌销售伪劣产品罪，销售金额在五万元以上",
      materials: "现场检查笔录、询问笔录、抽样检验报告、销售台账",
    });

    plan.steps.sort((x, y) => x.date.localeCompare(y.date) || x.order - y.order);
    for (const s of plan.steps) await ctx.as(s.user, s.date, (w) => s.run(w));
    ctx.note(
      "3 open cases of January 2021: a notice served by announcement, a recusal, a transfer to the judiciary",
    );
  },
};
