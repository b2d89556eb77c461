import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { CaseTypeDecl } from "../../../src/engines/case/index.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import { makeIdCard } from "../../../src/kernel/codes/id-card.ts";
import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import type { Session } from "../../support/app.ts";
import {
  allPassed,
  detail,
  due,
  handler,
  leader,
  office,
  officers,
  ok,
  open,
  P,
  penaltyFields,
  refused,
  reviewer,
  step,
  t,
  toNotice,
  useEnforcementApp,
} from "./support.ts";

/**
 * Issue 10 part B over HTTP: service (the method, announcement deemed served after 30 or
 * 60 days), the court-application window (art. 53 of the Administrative Enforcement Law),
 * the party's reconsideration or litigation (a case linked by `reviews`) stopping the
 * surcharge and holding back the court, deferral and instalments.
 */
// A stand-in for a reconsideration body's case, linked to the penalty case by `reviews`.
const reconsideration: CaseTypeDecl<{ applicant: string }> = {
  code: "pe_reconsideration",
  label: { zh: "测试：行政复议", en: "Test: reconsideration" },
  module: "pe",
  fields: z.object({ applicant: z.string() }),
  title: (f) => `复议：${f.applicant}`,
  states: {
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    decided: { label: { zh: "已决定", en: "Decided" }, terminal: true },
  },
  initial: "accepted",
  transitions: [
    { action: "decide", label: { zh: "决定", en: "Decide" }, from: ["accepted"], to: "decided" },
  ],
  links: ["reviews"],
};
// Stand-ins for a first-instance lawsuit and an appeal (second instance), linked the same way.
const lawsuit = (code: string, zh: string) => ({
  ...reconsideration,
  code,
  label: { zh, en: code },
  title: (f: { applicant: string }) => `${zh}：${f.applicant}`,
});
const peModule: ModuleDecl = {
  code: "pe",
  label: { zh: "测试", en: "Test" },
  caseTypes: [
    reconsideration,
    lawsuit("pe_litigation", "测试：行政诉讼一审"),
    lawsuit("pe_appeal", "测试：行政诉讼二审"),
  ],
};

useEnforcementApp([peModule]);

const PT = "penalty_general";

/** A penalty case decided (fine 20000, 2021 law) on `decideOn`. */
async function decided(filedOn: string, decideOn: string) {
  const { id } = await toNotice(filedOn);
  await ok(
    await step(
      leader,
      PT,
      id,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["fine"],
        fineAmount: 20000,
        decisionContent: "罚款人民币二万元",
      },
      decideOn,
    ),
  );
  return id;
}

const clockDue = async (id: number, clock: string) =>
  (await detail(handler, PT, id)).deadlines.find((k: { clock: string }) => k.clock === clock)?.due;

describe("service: the method and the day it takes effect (fault 9)", () => {
  it("an announcement of 2022 is deemed served 30 days later; payment runs from then", async () => {
    const id = await decided("2021-11-01", "2021-12-01");
    await refused(
      handler,
      PT,
      id,
      "serve",
      { serviceMethod: "announcement", servedTo: "张三丰", publicationNotified: true },
      "2022-01-05",
      422,
      /cannot be found or served otherwise/,
      "input.announcementReason",
    );
    const s = await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        {
          serviceMethod: "announcement",
          publicationNotified: true,
          servedTo: "张三丰",
          announcementReason: "当事人下落不明，直接送达、邮寄送达均未成功",
        },
        "2022-01-05",
      ),
    );
    expect(s.fields.announcement).toMatchObject({
      announcedOn: "2022-01-05",
      deemedServedOn: "2022-02-04",
    });
    expect(s.fields.servedOn).toBe("2022-02-04");
    expect(s.fields.paymentDue).toBe(due("2022-02-04", 15, "calendar_day"));
    expect(await clockDue(id, "payment")).toBe(due("2022-02-04", 15, "calendar_day"));
  });

  it("an announcement before 2022-01-01 is deemed served 60 days later", async () => {
    const id = await decided("2021-10-08", "2021-11-15");
    const s = await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        {
          serviceMethod: "announcement",
          servedTo: "张三丰",
          publicationNotified: true,
          announcementReason: "下落不明",
        },
        "2021-12-20",
      ),
    );
    expect(s.fields.servedOn).toBe("2022-02-18");
    expect(s.fields.announcement.basis).toMatch(/六十日/);
  });

  it("electronic service needs the party's written consent", async () => {
    const id = await decided("2021-10-08", "2021-11-15");
    await refused(
      handler,
      PT,
      id,
      "serve",
      { serviceMethod: "electronic", servedTo: "张三丰", publicationNotified: true },
      "2021-11-16",
      422,
      /needs the party's written consent/,
      "input.electronicConsent",
    );
    const s = await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        {
          serviceMethod: "electronic",
          servedTo: "张三丰",
          publicationNotified: true,
          electronicConsent: true,
        },
        "2021-11-16",
      ),
    );
    expect(s.fields.servedOn).toBe("2021-11-16");
  });
});

describe("the court-application window (fault 8)", () => {
  let id: number;
  it("served 2021-08-31: the last day is 2022-05-30", async () => {
    id = await decided("2021-07-20", "2021-08-20");
    const s = await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰" },
        "2021-08-31",
      ),
    );
    // Reconsideration: 60 days → 2021-10-30 (Sat.) → 11-01; litigation: 6 months →
    // 2022-02-28; three months after → 2022-05-28 (Sat.) → 2022-05-30.
    expect(s.fields.challengeEndsOn).toBe("2022-02-28");
    expect(s.fields.courtWindowEnd).toBe("2022-05-30");
    expect(await clockDue(id, "court_application")).toBe("2022-05-30");
    await ok(await step(handler, PT, id, "remind", { reminderNo: "催〔2021〕1号" }, "2021-10-08"));
  });

  it("refuses the application while the party may still challenge, and after the window", async () => {
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      { court: "武隆区人民法院" },
      "2022-02-28",
      409,
      /may still apply for reconsideration or sue until 2022-02-28/,
    );
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      { court: "武隆区人民法院" },
      "2022-05-31",
      409,
      /ended on 2022-05-30 \(three months from 2022-02-28\)/,
    );
    const a = await ok(
      await step(handler, PT, id, "apply_court", { court: "武隆区人民法院" }, "2022-05-30"),
    );
    expect(a.state).toBe("court_enforcement");
  });

  it("the application comes the day after the 10th working day after the reminder (fault 14)", async () => {
    const c = await decided("2021-07-20", "2021-08-20");
    await ok(
      await step(
        handler,
        PT,
        c,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰" },
        "2021-08-31",
      ),
    );
    await ok(await step(handler, PT, c, "remind", { reminderNo: "催〔2022〕3号" }, "2022-03-01"));
    const tenth = due("2022-03-01", 10, "working_day");
    await refused(
      handler,
      PT,
      c,
      "apply_court",
      { court: "武隆区人民法院" },
      tenth,
      409,
      new RegExp(`ten working days end on ${tenth}`),
    );
    await ok(
      await step(handler, PT, c, "apply_court", { court: "武隆区人民法院" }, addDays(tenth, 1)),
    );
  });
});

describe("reconsideration or litigation (faults 8, 13)", () => {
  it("no surcharge while it is pending; no court application until it ends, then three months", async () => {
    const id = await decided("2021-07-20", "2021-08-20");
    const s = await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰" },
        "2021-08-31",
      ),
    );
    const payDue = s.fields.paymentDue as LocalDate;
    // The party applies for reconsideration 10 days after the fine fell due.
    const applied = addDays(payDue, 10);
    const r = await open(handler, "pe_reconsideration", { applicant: "张三丰" }, applied);
    const link = await t.call(handler, {
      method: "POST",
      url: `${P}/pe_reconsideration/${r.id}/links`,
      payload: { kind: "reviews", toCaseId: id },
    });
    expect(link.statusCode, link.body).toBeLessThan(300);
    await ok(
      await step(handler, PT, id, "remind", { reminderNo: "催〔2021〕7号" }, addDays(payDue, 3)),
    );
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      { court: "武隆区人民法院" },
      "2022-03-15",
      409,
      new RegExp(`applied for reconsideration or sued on ${applied}`),
    );
    // Decided 2021-12-31: paid 2022-01-01, the surcharge counts the 9 days before the
    // application and the day after the decision — 10 days, 6000 yuan at most.
    await ok(await step(handler, "pe_reconsideration", r.id, "decide", {}, "2021-12-31"));
    await refused(
      handler,
      PT,
      id,
      "record_payment",
      { amountPaid: 20000, surchargePaid: 6600, collector: "农商行", receiptNo: "R9" },
      "2022-01-01",
      422,
      /at most 6000 yuan \(10 days late/,
      "input.surchargePaid",
    );
    // Not paid after all. The reconsideration decision of 2021-12-31 leaves the party 15 days
    // to sue (行政诉讼法 art. 45): to 2022-01-15, a Saturday, rolled to Monday 2022-01-17; the
    // court window runs three months from then: 2022-04-17, a Sunday, rolled to 2022-04-18.
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      { court: "武隆区人民法院" },
      "2022-01-17",
      409,
      /may still sue against the reconsideration decision until 2022-01-17.*art\. 45/,
    );
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      { court: "武隆区人民法院" },
      "2022-04-19",
      409,
      /ended on 2022-04-18 \(three months from 2022-01-17\)/,
    );
    await ok(await step(handler, PT, id, "apply_court", { court: "武隆区人民法院" }, "2022-04-18"));
  });
});

describe("a first-instance judgment and its appeal (行政诉讼法 第八十五条)", () => {
  it("the judgment takes effect 15 days after service; an appeal holds the court back until it ends", async () => {
    const id = await decided("2021-07-20", "2021-08-20");
    await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰" },
        "2021-08-31",
      ),
    );
    const sue = async (type: string, on: string) => {
      const c = await open(handler, type, { applicant: "张三丰" }, on);
      const link = await t.call(handler, {
        method: "POST",
        url: `${P}/${type}/${c.id}/links`,
        payload: { kind: "reviews", toCaseId: id },
      });
      expect(link.statusCode, link.body).toBeLessThan(300);
      return c.id;
    };
    const first = await sue("pe_litigation", "2021-10-08");
    await ok(await step(handler, PT, id, "remind", { reminderNo: "催〔2021〕9号" }, "2021-10-11"));
    // The first-instance judgment served on Tuesday 2022-03-01: appeal until 2022-03-16.
    await ok(await step(handler, "pe_litigation", first, "decide", {}, "2022-03-01"));
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      { court: "武隆区人民法院" },
      "2022-03-16",
      409,
      /may still appeal the first-instance judgment until 2022-03-16; it is not yet in force.*art\. 85/,
    );
    // The party appeals on 2022-03-15: the court waits for the second instance.
    const appeal = await sue("pe_appeal", "2022-03-15");
    await refused(
      handler,
      PT,
      id,
      "apply_court",
      { court: "武隆区人民法院" },
      "2022-03-17",
      409,
      /applied for reconsideration or sued on/,
    );
    // The second-instance judgment is final when served (2022-04-01): the window runs from it.
    await ok(await step(handler, "pe_appeal", appeal, "decide", {}, "2022-04-01"));
    await ok(await step(handler, PT, id, "apply_court", { court: "武隆区人民法院" }, "2022-04-06"));
  });
});

describe("deferral and instalments (fault 13)", () => {
  it("approved by the leader on the party's application; the court window counts from its end", async () => {
    const id = await decided("2021-07-20", "2021-08-20");
    await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰" },
        "2021-08-31",
      ),
    );
    const input = {
      kind: "deferral",
      appliedOn: "2021-09-10",
      reason: "经营困难，申请暂缓缴纳",
      until: "2022-03-31",
    };
    // The handler cannot approve it.
    const byHandler = await step(handler, PT, id, "defer_payment", input, "2021-09-13");
    expect(byHandler.statusCode).toBe(403);
    await refused(
      leader,
      PT,
      id,
      "defer_payment",
      {
        kind: "instalments",
        appliedOn: "2021-09-10",
        reason: "经营困难，申请分期缴纳",
        instalments: [
          { dueOn: "2021-10-15", amount: 10000 },
          { dueOn: "2021-11-15", amount: 5000 },
        ],
      },
      "2021-09-13",
      422,
      /adding up to the fine of 20000 yuan \(now 15000\)/,
      "input.instalments",
    );
    await refused(
      leader,
      PT,
      id,
      "defer_payment",
      { ...input, appliedOn: "2021-09-14" },
      "2021-09-13",
      422,
      /cannot come after the approval/,
      "input.appliedOn",
    );
    const d = await ok(await step(leader, PT, id, "defer_payment", input, "2021-09-13"));
    expect(d.fields.paymentDue).toBe("2022-03-31");
    expect(d.fields.deferral).toMatchObject({ kind: "deferral", until: "2022-03-31" });
    // From 2022-03-31 (later than the challenge periods' end, 2022-02-28): to 2022-06-30.
    expect(d.fields.courtWindowEnd).toBe("2022-06-30");
    expect(await clockDue(id, "court_application_deferred")).toBe("2022-06-30");
    // No reminder before the deferred due date.
    await refused(
      handler,
      PT,
      id,
      "remind",
      { reminderNo: "催〔2022〕9号" },
      "2022-03-31",
      409,
      /due by 2022-03-31/,
    );
    await ok(await step(handler, PT, id, "remind", { reminderNo: "催〔2022〕9号" }, "2022-04-06"));
    // 2022-05-31 is past the undeferred window (2022-05-30) but within the deferred one.
    const a = await ok(
      await step(handler, PT, id, "apply_court", { court: "武隆区人民法院" }, "2022-05-31"),
    );
    expect(a.state).toBe("court_enforcement");
  });
});

describe("the 90-day decision limit (fault 11)", () => {
  const decide = (extra: Record<string, unknown> = {}) => ({
    decisionKind: "penalty",
    penalties: ["fine"],
    fineAmount: 20000,
    decisionContent: "罚款人民币二万元",
    ...extra,
  });

  it("after the limit a decision needs the head's extension (30 days, market regulation) or a reason", async () => {
    // Filed 2021-07-20: 90 days end on 2021-10-18.
    const { id } = await toNotice("2021-07-20");
    await refused(
      leader,
      PT,
      id,
      "decide",
      decide(),
      "2021-10-19",
      422,
      /ended on 2021-10-18 and was not extended: give the reason/,
      "input.lateReason",
    );
    const d = await detail(handler, PT, id);
    const ext = await t.call(leader, {
      method: "POST",
      url: `${P}/${PT}/${id}/extend`,
      payload: {
        version: d.case.version,
        clock: "decision_limit",
        period: "30d",
        reason: "案情复杂，需补充检验",
        notice: { on: "2021-10-15", text: "延长办案期限审批表" },
        onDate: "2021-10-15",
      },
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(await clockDue(id, "decision_limit")).toBe(due("2021-10-18", 30, "calendar_day"));
    const ok1 = await ok(await step(leader, PT, id, "decide", decide(), "2021-10-19"));
    expect(ok1.fields.decisionLimit).toMatchObject({ extended: true, late: false });
  });

  it("one head's extension only; beyond it, the leaders' collective discussion before the limit", async () => {
    // Filed 2021-07-20: 90 days end on 2021-10-18; the head extends by 30 days: 2021-11-17.
    const { id } = await toNotice("2021-07-20");
    const extend = async (onDate: string) => {
      const d = await detail(handler, PT, id);
      return t.call(leader, {
        method: "POST",
        url: `${P}/${PT}/${id}/extend`,
        payload: {
          version: d.case.version,
          clock: "decision_limit",
          period: "30d",
          reason: "案情复杂，需补充检验",
          notice: { on: onDate, text: "延长办案期限审批表" },
          onDate,
        },
      });
    };
    expect((await extend("2021-10-15")).statusCode).toBe(200);
    const second = await extend("2021-11-10");
    expect(second.statusCode, second.body).toBeGreaterThanOrEqual(400);
    expect(await clockDue(id, "decision_limit")).toBe(due("2021-10-18", 30, "calendar_day"));
    // The leaders discuss the case before the extended limit ends; the decision after it
    // then needs no late reason (market regulation: further extension by discussion).
    await ok(
      await step(
        leader,
        PT,
        id,
        "collective_discussion",
        {
          participants: ["局长甲", "副局长乙", "法制机构负责人丙"],
          conclusion: "案情重大复杂，经集体讨论决定继续延长办案期限",
        },
        "2021-11-10",
      ),
    );
    const dec = await ok(await step(leader, PT, id, "decide", decide(), "2021-11-22"));
    expect(dec.fields.decisionLimit).toMatchObject({
      extended: true,
      furtherByDiscussion: true,
      late: false,
    });
  });

  it("a late decision with its reason is flagged in the case-file review", async () => {
    const { id } = await toNotice("2021-07-20");
    const dec = await ok(
      await step(
        leader,
        PT,
        id,
        "decide",
        decide({ lateReason: "当事人长期外出，无法联系" }),
        "2021-10-20",
      ),
    );
    expect(dec.fields.decisionLimit).toMatchObject({ late: true, due: "2021-10-18" });
    await ok(
      await step(
        handler,
        PT,
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰", publicationNotified: true },
        "2021-10-21",
      ),
    );
    await ok(
      await step(
        handler,
        PT,
        id,
        "record_payment",
        { amountPaid: 20000, collector: "农商行", receiptNo: "R11" },
        "2021-10-25",
      ),
    );
    await ok(await step(handler, PT, id, "close", {}, "2021-10-26"));
    const r = await open(
      office,
      "case_file_review",
      { year: 2021, reviewers: ["评查员甲"] },
      "2021-12-01",
    );
    const link = await t.call(office, {
      method: "POST",
      url: `${P}/case_file_review/${r.id}/links`,
      payload: { kind: "reviews", toCaseId: id },
    });
    expect(link.statusCode, link.body).toBeLessThan(300);
    const s = await ok(
      await step(
        office,
        "case_file_review",
        r.id,
        "score",
        {
          subject: 10,
          procedure: 20,
          factsEvidence: 23,
          legalApplication: 14,
          discretion: 8,
          documents: 9,
          archiving: 4,
          comments: "超期作出决定",
        },
        "2021-12-02",
      ),
    );
    expect(s.fields.flags.join()).toMatch(
      /超过办案期限作出处罚决定（期限届满日 2021-10-18；理由：当事人长期外出/,
    );
  });
});

describe("documents and on-the-spot collection (fault 14)", () => {
  it("the decision names the reconsideration body and the court with their periods, in Chinese citations", async () => {
    const id = await decided("2021-07-20", "2021-08-20");
    const doc = await t.call(handler, {
      method: "GET",
      url: `${P}/${PT}/${id}/documents/penalty_decision`,
    });
    expect(doc.statusCode).toBe(200);
    const { readZipEntry } = await import("../../../src/platform/files/zip.ts");
    const xml = readZipEntry(doc.rawPayload, "word/document.xml")?.toString("utf8") ?? "";
    expect(xml).toContain("六十日内向重庆市武隆区人民政府申请行政复议");
    expect(xml).toContain("六个月内向重庆市武隆区人民法院提起行政诉讼");
    expect(xml).toContain("《中华人民共和国行政处罚法》");
    expect(xml).not.toMatch(/art\./);
  });

  it("collects on the spot a fine that would be hard to collect later only with its reason", async () => {
    const c = await open(
      handler,
      "penalty_simplified",
      {
        party: { kind: "natural_person", name: "赵流动", address: "外地" },
        category: "market_regulation",
        place: "芙蓉路",
        facts: "流动摊贩占道经营",
        legalBasis: "某条例第十条",
        penaltyKind: "fine",
        fineAmount: 150,
      },
      "2021-09-01",
    );
    const input = {
      officers: [officers.A.cert, officers.B.cert],
      collectedOnSpot: true,
      collectionGround: "hard_to_enforce",
    };
    await refused(
      handler,
      "penalty_simplified",
      c.id,
      "decide_on_spot",
      input,
      "2021-09-01",
      422,
      /needs the reason \(行政处罚法\(2021\) art\. 68 \(二\)/,
      "input.collectionReason",
    );
    // 150 yuan is above the 100 yuan of art. 68 (一): not a small fine.
    await refused(
      handler,
      "penalty_simplified",
      c.id,
      "decide_on_spot",
      { ...input, collectionGround: "small" },
      "2021-09-01",
      422,
      /cannot be collected on the spot/,
      "input.collectedOnSpot",
    );
    const d = await ok(
      await step(
        handler,
        "penalty_simplified",
        c.id,
        "decide_on_spot",
        { ...input, collectionReason: "当事人系外地流动摊贩，无固定住所，事后难以执行" },
        "2021-09-01",
      ),
    );
    expect(d.fields).toMatchObject({ collectedOnSpot: true, collectionGround: "hard_to_enforce" });
  });
});

describe("on-the-spot collection in a remote area (fault 14, 行政处罚法(2021) 第六十九条)", () => {
  it("needs the party's request recorded as the reason; a 150 yuan fine then passes", async () => {
    const c = await open(
      handler,
      "penalty_simplified",
      {
        party: { kind: "natural_person", name: "钱山民", address: "武隆区后坪乡高山村" },
        category: "market_regulation",
        place: "后坪乡场镇",
        facts: "销售无标签散装食品",
        legalBasis: "某条例第十条",
        penaltyKind: "fine",
        fineAmount: 150,
      },
      "2021-09-02",
    );
    const input = {
      officers: [officers.A.cert, officers.B.cert],
      collectedOnSpot: true,
      collectionGround: "remote",
    };
    await refused(
      handler,
      "penalty_simplified",
      c.id,
      "decide_on_spot",
      input,
      "2021-09-02",
      422,
      /needs the reason \(行政处罚法\(2021\) art\. 69/,
      "input.collectionReason",
    );
    const d = await ok(
      await step(
        handler,
        "penalty_simplified",
        c.id,
        "decide_on_spot",
        { ...input, collectionReason: "当事人居住偏远山区，距指定银行六十公里，书面提出当场缴纳" },
        "2021-09-02",
      ),
    );
    expect(d.fields).toMatchObject({ collectedOnSpot: true, collectionGround: "remote" });
  });
});

describe("legal reviewers (fault 14)", () => {
  it("need no valid enforcement certificate; reviews before the platform count as experience", async () => {
    const res = await t.call(handler, {
      method: "POST",
      url: "/api/registers/enforcement_officer/entries",
      payload: {
        data: {
          name: "郑老审",
          idNumber: makeIdCard("500156", "1970-01-01", 77, "male"),
          bodyUnitCode: "scjgj",
          certificateNo: "500156000077",
          certificateValidFrom: "2015-01-01",
          certificateValidTo: "2020-12-31",
          legalReviewer: true,
          legalQualification: false,
          priorReviewExperience: true,
        },
      },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const { id } = await toNotice("2021-07-20");
    const r = await ok(
      await step(
        reviewer,
        PT,
        id,
        "legal_review",
        { reviewerCertificateNo: "500156000077", ...allPassed, opinion: "同意" },
        "2021-08-10",
      ),
    );
    expect(r.fields.legalReview).toMatchObject({ passed: true, reviewer: { firstTime: false } });
  });
});

// Last in the file: a setting takes effect from today on, for cases filed from then.
describe("reconsideration first (a setting, fault 8)", () => {
  it("the window is 60 days + 3 months where the matter must go to reconsideration first", async () => {
    const before = t.clock.t;
    t.clock.t = new Date("2023-03-01T02:00:00Z");
    const admin = await t.login("sysadmin");
    const put = await t.call(admin, {
      method: "PUT",
      url: "/api/settings/enforcement.reconsideration_first",
      payload: {
        region: "500156",
        value: { categories: [], violationCodes: ["SCJG-001"] },
        effectiveFrom: "2023-03-01",
        basis: "测试：复议前置的事项",
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    t.clock.t = new Date("2023-12-01T02:00:00Z");
    // The sessions of the file's set-up have expired by now: log in again.
    const h = await t.login("handler");
    const l = await t.login("leader");
    const c = await open(h, PT, penaltyFields(), "2023-03-01");
    const go = async (s: Session, action: string, input: object, on: string) =>
      ok(await step(s, PT, c.id, action, input as Record<string, unknown>, on));
    await go(
      h,
      "investigate",
      { officers: [officers.A.cert, officers.B.cert], kind: "inquiry", summary: "询问当事人" },
      "2023-03-01",
    );
    await go(
      h,
      "conclude_investigation",
      {
        facts: "销售过期食品",
        evidence: "现场检查笔录",
        legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
        violationCode: "SCJG-001",
        circumstance: "general",
        proposedFine: 20000,
      },
      "2023-03-08",
    );
    await go(
      h,
      "notify",
      { intendedPenalty: "罚款", intendedPenalties: ["fine"], intendedFine: 20000 },
      "2023-03-10",
    );
    await go(
      h,
      "waive_rights",
      { statementWaived: true, hearingWaived: true, signedBy: "张三丰" },
      "2023-03-10",
    );
    await go(
      l,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["fine"],
        fineAmount: 20000,
        decisionContent: "罚款人民币二万元",
      },
      "2023-04-10",
    );
    const s = await go(
      h,
      "serve",
      { serviceMethod: "direct", servedTo: "张三丰", publicationNotified: true },
      "2023-04-11",
    );
    // 60 days → 2023-06-10 (Sat.) → 2023-06-12; three months → 2023-09-12 — not the
    // six months' end (2023-10-11) plus three.
    expect(s.fields.reconsiderationFirst).toBe(true);
    expect(s.fields.challengeEndsOn).toBe("2023-06-12");
    expect(s.fields.courtWindowEnd).toBe("2023-09-12");
    t.clock.t = before;
  });
});
