/**
 * Demo cases showing the rules of issue 10 (part B) at work, in January 2021 (after the
 * 2020 figures, under the 2017 text like every demo case): a decision served by
 * announcement (deemed served 60 days later), a fine deferred on the party's application,
 * a fine paid by instalments (the schedule approved, the first instalment paid against it),
 * an officer's recusal decided by the head, and a case transferred to the judiciary while
 * suspended. Its own contribution with its own random stream: the 2019–2020 cases and the
 * seed's figures stay as they were.
 */
import type { DemoContribution } from "../../../../engines/demo/index.ts";
import { addDays, compareLocalDate, type LocalDate } from "../../../../kernel/time/index.ts";
import { demoUsername } from "../../../directory/index.ts";
import { PENALTY_TYPE } from "../penalty/index.ts";
import { ENFORCEMENT_CASES_DEMO_ID } from "./index.ts";
import { type Handle, makePlan } from "./plan.ts";

export const ENFORCEMENT_RULES_DEMO_ID = "enforcement.rules";

const UNIT = "scjgj";
const day = (d: string) => d as LocalDate;

export const rulesDemo: DemoContribution = {
  id: ENFORCEMENT_RULES_DEMO_ID,
  dependsOn: [ENFORCEMENT_CASES_DEMO_ID],
  description:
    "penalty cases of January 2021: service by announcement, a deferred fine, instalments, a recusal, a transfer to the judiciary",
  async load(ctx) {
    const plan = await makePlan(ctx);
    const { open, act, at, firmParty, pickOfficers, pickReviewer, cases } = plan;
    const handler = demoUsername(UNIT, "case_handler");
    const leader = demoUsername(UNIT, "unit_leader");
    const reviewer = demoUsername(UNIT, "legal_reviewer");
    const newCase = (on: string, cause: string) => {
      const h: Handle = { type: PENALTY_TYPE, id: 0, version: 0 };
      open(h, handler, day(on), {
        party: firmParty(),
        cause,
        category: "market_regulation",
        source: "inspection",
        // The act found on an inspection a few days before the filing (issue 10 fault 7).
        violationOn: addDays(day(on), -10),
        discoveredOn: addDays(day(on), -2),
      });
      return h;
    };
    const investigate = (h: Handle, on: string, officers = pickOfficers(UNIT, day(on))) =>
      act(h, handler, day(on), "investigate", {
        officers,
        kind: "site_inspection",
        summary: "现场检查并制作笔录",
      });
    /** Through to a decision (fine 5000 yuan) under the 2017 text. */
    const decided = (h: Handle, cause: string) => {
      investigate(h, "2021-01-04");
      act(h, handler, day("2021-01-06"), "conclude_investigation", {
        facts: `当事人${cause}`,
        evidence: "现场检查笔录、询问笔录、照片",
        legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
        circumstance: "general",
        proposedFine: 5000,
      });
      act(h, handler, day("2021-01-07"), "notify", {
        intendedPenalty: "警告并处罚款",
        intendedPenalties: ["warning", "fine"],
        intendedFine: 5000,
      });
      // The party waives its statement on the notice day (no decision before it: art. 41 of
      // the 2017 text); the fine is below the hearing amounts.
      act(h, handler, day("2021-01-07"), "waive_rights", {
        statementWaived: true,
        hearingWaived: true,
        signedBy: "当事人的委托代理人",
      });
      act(h, reviewer, day("2021-01-11"), "legal_review", {
        reviewerCertificateNo: pickReviewer(UNIT, day("2021-01-11")),
        ...Object.fromEntries(
          ["competence", "procedure", "factsEvidence", "legalBasis", "discretion", "documents"].map(
            (k) => [k, { passed: true }],
          ),
        ),
        opinion: "事实清楚，证据确凿，程序合法，裁量适当，同意",
      });
      act(h, leader, day("2021-01-12"), "decide", {
        decisionKind: "penalty",
        penalties: ["warning", "fine"],
        fineAmount: 5000,
        decisionContent: "给予警告，并处罚款人民币五千元",
      });
    };

    // ── service by announcement: the party cannot be found (deemed served 60 days later)
    const a = newCase("2021-01-04", "销售超过保质期的食品");
    decided(a, "销售超过保质期的食品");
    act(a, handler, day("2021-01-20"), "serve", {
      serviceMethod: "announcement",
      servedTo: "公告送达",
      announcementReason: "当事人下落不明，直接送达、邮寄送达均未成功，在本机关网站和公告栏公告",
    });

    // ── a deferred fine: the party's application, approved by the leader
    const b = newCase("2021-01-04", "未按规定查验供货者许可证");
    decided(b, "未按规定查验供货者许可证");
    act(b, handler, day("2021-01-13"), "serve", { serviceMethod: "direct", servedTo: "当事人" });
    act(b, leader, day("2021-01-22"), "defer_payment", {
      kind: "deferral",
      appliedOn: "2021-01-20",
      reason: "受疫情影响经营困难，提交了财务报表，申请暂缓缴纳罚款",
      until: "2021-04-30",
    });

    // ── payment by instalments (行政处罚法(2021) 第六十六条第二款; 2017 text 第五十二条): the
    // schedule approved with the application, the first instalment paid against it
    const e = newCase("2021-01-04", "未按规定建立并遵守进货查验记录制度");
    decided(e, "未按规定建立并遵守进货查验记录制度");
    act(e, handler, day("2021-01-13"), "serve", { serviceMethod: "direct", servedTo: "当事人" });
    act(e, leader, day("2021-01-22"), "defer_payment", {
      kind: "instalments",
      appliedOn: "2021-01-21",
      reason: "店铺停业整顿期间无营业收入，提交了银行流水，申请分三期缴纳罚款",
      instalments: [
        { dueOn: "2021-01-29", amount: 2000 },
        { dueOn: "2021-03-31", amount: 1500 },
        { dueOn: "2021-04-30", amount: 1500 },
      ],
    });
    act(e, handler, day("2021-01-29"), "pay_instalment", {
      instalment: 1,
      amountPaid: 2000,
      surchargePaid: 0,
      collector: "重庆农村商业银行武隆支行",
      receiptNo: "FS202101290001",
    });

    // ── a recusal: the party asks that an officer withdraw; the head decides
    const c = newCase("2021-01-05", "经营标签不符合规定的预包装食品");
    const [first, ...others] = pickOfficers(UNIT, day("2021-01-06"), 3);
    act(c, leader, day("2021-01-06"), "decide_recusal", {
      appliedOn: "2021-01-05",
      officer: first,
      grounds: "该执法人员与当事人的法定代表人系近亲属",
      granted: true,
      reason: "经核实属实，决定该执法人员回避",
    });
    investigate(c, "2021-01-07", others);

    // ── a transfer to the judiciary: the case suspended, then transferred
    const d = newCase("2021-01-06", "涉嫌生产销售有毒有害食品");
    investigate(d, "2021-01-06");
    at(day("2021-01-15"), leader, async (w) => {
      await cases.suspend(w, PENALTY_TYPE, d.id, {
        version: d.version,
        reason: "涉嫌犯罪，移送公安机关期间中止",
        onDate: "2021-01-15",
      });
      d.version += 1;
    });
    act(d, leader, day("2021-01-15"), "transfer_judiciary", {
      receivingOrgan: "重庆市武隆区公安局",
      documentNo: "武隆市监移〔2021〕1号",
      suspectedCrime: "涉嫌生产、销售有毒、有害食品罪",
      materials: "现场检查笔录、检验报告、询问笔录",
    });

    // ── run in date order (each case's steps keep their order)
    plan.steps.sort((x, y) => compareLocalDate(x.date, y.date) || x.order - y.order);
    for (const s of plan.steps) await ctx.as(s.user, s.date, (w) => s.run(w));
    ctx.note(
      `${plan.steps.length} steps: announcement service, deferral, instalments, recusal, transfer`,
    );
  },
};
