import { describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import { fineNotice, noticeWith, P } from "./penalty-decision-support.ts";
import {
  detail,
  due,
  handler,
  leader,
  ok,
  person,
  refused,
  step,
  toNotice,
  useEnforcementApp,
} from "./support.ts";

/**
 * Issue 10, second pass, over HTTP: the statement period and the hearing window count from
 * the service of the notice (an announcement's deemed day), and with instalments each
 * instalment is surcharged from its own due date.
 */
useEnforcementApp();

const decision = {
  decisionKind: "penalty",
  penalties: ["fine"],
  fineAmount: 5000,
  decisionContent: "罚款人民币五千元",
};

describe("the statement period runs from the notice's service (fault 4 with fault 9)", () => {
  it("a notice served by announcement in 2022: 30 days, then 5 working days", async () => {
    const announced = await noticeWith(
      "2022-03-01",
      person,
      fineNotice(5000, { noticeServiceMethod: "announcement" }),
    );
    // An announcement needs its reason, and nothing is written without it.
    expect(announced.res.statusCode, announced.res.body).toBe(422);
    expect(announced.res.json().error.fields.map((f: { field: string }) => f.field)).toContain(
      "input.noticeAnnouncementReason",
    );
    expect((await detail(handler, P, announced.id)).case.state).toBe("investigated");

    const notice = fineNotice(5000, {
      noticeServiceMethod: "announcement",
      noticeAnnouncementReason: "当事人下落不明，直接送达、邮寄送达均未成功",
    });
    const n = await ok(await step(handler, P, announced.id, "notify", notice, announced.noticeOn));
    // Announced 2022-03-11: served 2022-04-10 (a Sunday: the deemed day is not rolled, only
    // the period's end); 5 working days from it: 2022-04-15.
    expect(announced.noticeOn).toBe("2022-03-11");
    expect(n.fields.noticeServedOn).toBe("2022-04-10");
    expect(n.fields.noticeService).toEqual({ method: "announcement", announcedOn: "2022-03-11" });
    expect(n.fields.statementUntil).toBe("2022-04-15");
    expect(n.fields.statementUntil).toBe(due("2022-04-10", 5, "working_day"));
    // Five working days after the notice day (the old count) is too early.
    const oldEnd = due(announced.noticeOn, 5, "working_day");
    await refused(leader, P, announced.id, "decide", decision, oldEnd, 409, /until 2022-04-15/);
    await refused(
      leader,
      P,
      announced.id,
      "decide",
      decision,
      "2022-04-15",
      409,
      /until 2022-04-15/,
    );
    const d = await ok(await step(leader, P, announced.id, "decide", decision, "2022-04-16"));
    expect(d.fields.rightsUsed).toBe("silence");
  });

  it("electronic service of the notice needs the party's written consent", async () => {
    const n = await noticeWith(
      "2022-03-02",
      person,
      fineNotice(5000, { noticeServiceMethod: "electronic" }),
    );
    expect(n.res.statusCode, n.res.body).toBe(422);
    expect(n.res.json().error.message).toMatch(
      /electronic service needs the party.s written consent/,
    );
    const r = await ok(
      await step(
        handler,
        P,
        n.id,
        "notify",
        fineNotice(5000, { noticeServiceMethod: "electronic", noticeElectronicConsent: true }),
        n.noticeOn,
      ),
    );
    expect(r.fields.noticeServedOn).toBe(n.noticeOn);
    expect(r.fields.statementUntil).toBe(due(n.noticeOn, 5, "working_day"));
  });

  it("the hearing window also runs from the deemed service (2021 art. 64 (一): 告知后五日内)", async () => {
    const n = await noticeWith(
      "2022-03-03",
      person,
      fineNotice(20000, {
        noticeServiceMethod: "announcement",
        noticeAnnouncementReason: "当事人下落不明",
      }),
    );
    const r = await ok(n.res);
    expect(r.fields.hearingRight).toBe(true);
    const served = addDays(n.noticeOn as LocalDate, 30);
    expect(r.fields.noticeServedOn).toBe(served);
    expect(r.fields.hearingRequestUntil).toBe(due(served, 5, "working_day"));
    // A request after the notice day's five working days but within the served ones is in time.
    const late = addDays(due(n.noticeOn, 5, "working_day") as LocalDate, 3);
    const h = await ok(await step(handler, P, n.id, "request_hearing", {}, late));
    expect(h.state).toBe("hearing_requested");
  });
});

describe("instalments: each instalment is surcharged from its own due date (2021 arts. 66 (2), 72)", () => {
  it("two instalments of 10000: on 2021-11-17 the first is 33 days late, the second 2", async () => {
    const { id } = await toNotice("2021-07-20");
    const fine = { decisionKind: "penalty", penalties: ["fine"], fineAmount: 20000 };
    await ok(
      await step(
        leader,
        P,
        id,
        "decide",
        { ...fine, decisionContent: "罚款人民币二万元" },
        "2021-08-20",
      ),
    );
    await ok(
      await step(
        handler,
        P,
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰" },
        "2021-08-31",
      ),
    );
    await ok(
      await step(
        leader,
        P,
        id,
        "defer_payment",
        {
          kind: "instalments",
          appliedOn: "2021-09-10",
          reason: "经营困难，申请分期缴纳",
          instalments: [
            { dueOn: "2021-10-15", amount: 10000 },
            { dueOn: "2021-11-15", amount: 10000 },
          ],
        },
        "2021-09-13",
      ),
    );
    // 2021-10-16 … 2021-11-17: 33 days × 3% × 10000 = 9900; 2021-11-16, 17: 2 × 300 = 600.
    // (The whole fine from the last due date would allow 1200 only; from the first, 19800.)
    const payment = { amountPaid: 20000, collector: "武隆农商行", receiptNo: "R-2021-88" };
    await refused(
      handler,
      P,
      id,
      "record_payment",
      { ...payment, surchargePaid: 10500.01 },
      "2021-11-17",
      422,
      /at most 10500 yuan in all \(10000 due 2021-10-15: 33 days late, 9900; 10000 due 2021-11-15: 2 days late, 600\)/,
      "input.surchargePaid",
    );
    const paid = await ok(
      await step(
        handler,
        P,
        id,
        "record_payment",
        { ...payment, surchargePaid: 10500 },
        "2021-11-17",
      ),
    );
    expect(paid.state).toBe("executed");
    expect(paid.fields.payment.surchargeCap).toBe(10500);
    expect(paid.fields.payment.instalmentSurcharges).toEqual([
      { dueOn: "2021-10-15", amount: 10000, daysLate: 33, surcharge: 9900 },
      { dueOn: "2021-11-15", amount: 10000, daysLate: 2, surcharge: 600 },
    ]);
  });

  it("each instalment's surcharge stops at the instalment (行政强制法 art. 45 para. 2)", async () => {
    const { id } = await toNotice("2021-07-21");
    await ok(
      await step(
        leader,
        P,
        id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["fine"],
          fineAmount: 20000,
          decisionContent: "罚款",
        },
        "2021-08-20",
      ),
    );
    await ok(
      await step(
        handler,
        P,
        id,
        "serve",
        { serviceMethod: "direct", servedTo: "张三丰" },
        "2021-08-31",
      ),
    );
    await ok(
      await step(
        leader,
        P,
        id,
        "defer_payment",
        {
          kind: "instalments",
          appliedOn: "2021-09-10",
          reason: "经营困难",
          instalments: [
            { dueOn: "2021-09-30", amount: 5000 },
            { dueOn: "2021-12-31", amount: 15000 },
          ],
        },
        "2021-09-13",
      ),
    );
    // On 2022-01-10: the first 102 days late (capped at 5000), the second 10 days (4500).
    const r = await refused(
      handler,
      P,
      id,
      "record_payment",
      { amountPaid: 20000, surchargePaid: 9600, collector: "农商行", receiptNo: "R2" },
      "2022-01-10",
      422,
      /at most 9500 yuan in all/,
      "input.surchargePaid",
    );
    expect(r.message).toMatch(
      /5000 due 2021-09-30: 102 days late, 5000; 15000 due 2021-12-31: 10 days late, 4500/,
    );
  });
});
