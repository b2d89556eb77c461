import { describe, expect, it } from "vitest";
import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import { PenaltyFields } from "../../../src/modules/enforcement/cases/penalty/index.ts";
import { fineNotice, noticeWith, P, waive } from "./penalty-decision-support.ts";
import {
  allPassed,
  company,
  detail,
  due,
  handler,
  leader,
  officers,
  ok,
  open,
  penaltyFields,
  person,
  refused,
  reviewer,
  step,
  t,
  useEnforcementApp,
} from "./support.ts";

/**
 * Issue 10, part A, over HTTP: the notice and what the decision keeps to — no decision
 * heavier than notified (fault 1), the statement or its waiver or its period (fault 4),
 * the hearing right derived from the intended penalty (fault 3), the legality review
 * covering the proposal, by someone who did not investigate (fault 5).
 */
useEnforcementApp();

describe("fault 1: no decision heavier than the last notice", () => {
  it("refuses a decision adding a revocation and a confiscation to a notified fine; a lighter one passes", async () => {
    const n = await noticeWith("2021-09-01", company, fineNotice(40000));
    await ok(n.res);
    await ok(await waive(n.id, n.noticeOn));
    const err = await refused(
      leader,
      P,
      n.id,
      "decide",
      {
        decisionKind: "penalty",
        penalties: ["fine", "revoke_licence", "confiscation"],
        fineAmount: 40000,
        confiscationAmount: 200000,
        decisionContent: "罚款四万元，吊销食品经营许可证，没收违法所得二十万元",
      },
      n.noticeOn,
      422,
      /heavier than the notice: 吊销许可证件（未告知）; 没收违法所得、没收非法财物（未告知）; 没收200000元（告知0元）/,
      "input.penalties",
    );
    expect(err.message).toMatch(/notify the party again/);
    // A higher fine alone is heavier too.
    await refused(
      leader,
      P,
      n.id,
      "decide",
      { decisionKind: "penalty", penalties: ["fine"], fineAmount: 45000, decisionContent: "罚款" },
      n.noticeOn,
      422,
      /罚款45000元（告知40000元）/,
      "input.penalties",
    );
    // Lighter: a warning instead, or a lower fine.
    const dec = await ok(
      await step(
        leader,
        P,
        n.id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["warning", "fine"],
          fineAmount: 30000,
          decisionContent: "警告，罚款三万元",
        },
        n.noticeOn,
      ),
    );
    expect(dec.state).toBe("decided");
    expect(dec.fields.rightsUsed).toBe("waived");
  });

  it("a heavier penalty needs a new notice, with its own hearing window and statement period", async () => {
    const n = await noticeWith("2021-09-02", company, fineNotice(40000));
    await ok(n.res);
    await ok(await waive(n.id, n.noticeOn));
    const again = addDays(n.noticeOn, 1);
    const heavier = await ok(
      await step(
        handler,
        P,
        n.id,
        "notify",
        {
          intendedPenalty: "罚款四万元，吊销许可证，没收违法所得二十万元",
          intendedPenalties: ["fine", "revoke_licence", "confiscation"],
          intendedFine: 40000,
          intendedConfiscation: 200000,
        },
        again,
      ),
    );
    // Revoking a licence and confiscating 200000 from an organisation: in the hearing scope.
    expect(heavier.fields.hearingRight).toBe(true);
    expect(heavier.fields.hearingScope.join()).toMatch(/吊销许可证件.*第六十三条/);
    expect(heavier.fields.statementWaived).toBe(false);
    const decision = {
      decisionKind: "penalty",
      penalties: ["fine", "revoke_licence", "confiscation"],
      fineAmount: 40000,
      confiscationAmount: 200000,
      decisionContent: "罚款，吊销许可证，没收违法所得",
    };
    await refused(leader, P, n.id, "decide", decision, again, 409, /may ask for a hearing until/);
  });
});

describe("fault 4: the statement, its waiver, or its period since the notice was served", () => {
  const small = () => fineNotice(5000);
  const decision = {
    decisionKind: "penalty",
    penalties: ["fine"],
    fineAmount: 5000,
    decisionContent: "罚款五千元",
  };

  it("refuses a decision on the notice day with no statement and no waiver; a recorded statement allows it", async () => {
    const n = await noticeWith("2021-09-06", person, small());
    const notified = await ok(n.res);
    expect(notified.fields.hearingRight).toBe(false);
    expect(notified.fields.statementUntil).toBe(due(n.noticeOn, 5, "working_day"));
    await refused(
      leader,
      P,
      n.id,
      "decide",
      decision,
      n.noticeOn,
      409,
      new RegExp(`may state its case until ${notified.fields.statementUntil}.*art\\. 62`),
    );
    await ok(
      await step(
        handler,
        P,
        n.id,
        "record_statement",
        { statement: "初次违法，请求从轻", adopted: false, reply: "理由不成立，不予采纳" },
        addDays(n.noticeOn, 1),
      ),
    );
    const dec = await ok(await step(leader, P, n.id, "decide", decision, addDays(n.noticeOn, 1)));
    expect(dec.fields.rightsUsed).toBe("statement");
  });

  it("after the period with nothing from the party, silence counts as a waiver", async () => {
    const n = await noticeWith("2021-09-07", person, small());
    const notified = await ok(n.res);
    const until = notified.fields.statementUntil as LocalDate;
    await refused(leader, P, n.id, "decide", decision, until, 409, /may state its case until/);
    const dec = await ok(await step(leader, P, n.id, "decide", decision, addDays(until, 1)));
    expect(dec.fields.rightsUsed).toBe("silence");
  });
});

describe("fault 3: the right to a hearing follows from the intended penalty", () => {
  it("a large fine (the area's threshold) gives the right; a notice withholding it is refused", async () => {
    const n = await noticeWith("2021-09-08", person, fineNotice(20000, { hearingRight: false }));
    expect(n.res.statusCode, n.res.body).toBe(422);
    const err = n.res.json().error;
    expect(err.message).toMatch(
      /hearing scope \(较大数额罚款（20000元，不低于10000元）\).*art\. 63/,
    );
    expect(err.fields.map((f: { field: string }) => f.field)).toContain("input.hearingRight");
    // Nothing written: the case is still investigated.
    const d = await detail(handler, P, n.id);
    expect(d.case.state).toBe("investigated");
    expect(d.case.fields.intendedFine).toBeUndefined();
    // Without the box, the right is derived.
    const ok2 = await ok(await step(handler, P, n.id, "notify", fineNotice(20000), n.noticeOn));
    expect(ok2.fields.hearingRight).toBe(true);
    expect(ok2.fields.hearingRequestUntil).toBe(due(n.noticeOn, 5, "working_day"));
  });

  it("an organisation's fine below its threshold is out of scope; a hearing may still be offered", async () => {
    const n = await noticeWith("2021-09-09", company, fineNotice(90000));
    const r = await ok(n.res);
    expect(r.fields.hearingRight).toBe(false);
    expect(r.fields.hearingScope).toEqual([]);
    const offered = await ok(
      await step(handler, P, n.id, "notify", fineNotice(90000, { hearingRight: true }), n.noticeOn),
    );
    expect(offered.fields.hearingRight).toBe(true);
  });

  it("2017 text (a notice before 2021-07-15): revocation is in scope, confiscation is not named", async () => {
    const n = await noticeWith("2020-09-01", person, {
      intendedPenalty: "没收违法所得两万元",
      intendedPenalties: ["confiscation"],
      intendedConfiscation: 20000,
    });
    const r = await ok(n.res);
    expect(r.fields.hearingRight).toBe(false);
    const refusedNotice = await step(
      handler,
      P,
      n.id,
      "notify",
      {
        intendedPenalty: "吊销营业执照",
        intendedPenalties: ["revoke_licence"],
        hearingRight: false,
      },
      n.noticeOn,
    );
    expect(refusedNotice.statusCode).toBe(422);
    expect(refusedNotice.json().error.message).toMatch(/吊销许可证或者执照.*2017\) art\. 42/);
  });
});

describe("fault 5: the review covers the proposal; reviewer and chair did not investigate", () => {
  const review = (id: number, on: string, cert = officers.R.cert) =>
    step(
      reviewer,
      P,
      id,
      "legal_review",
      { reviewerCertificateNo: cert, ...allPassed, opinion: "同意" },
      on,
    );

  it("a decision that differs from the reviewed proposal, or a new notice after the review, needs a new review", async () => {
    const n = await noticeWith("2021-09-13", person, fineNotice(8000), {
      flags: { majorPublicInterest: true },
    });
    await ok(n.res);
    await ok(await waive(n.id, n.noticeOn));
    const r = await ok(await review(n.id, n.noticeOn));
    expect(r.fields.legalReview.proposal).toMatchObject({
      penalties: ["fine"],
      fine: 8000,
      confiscation: 0,
    });
    const decide = (fine: number) => ({
      decisionKind: "penalty",
      penalties: ["fine"],
      fineAmount: fine,
      decisionContent: "罚款",
    });
    await refused(
      leader,
      P,
      n.id,
      "decide",
      decide(6000),
      n.noticeOn,
      409,
      /does not cover this decision \(决定（罚款，罚款6000元）与审核的处罚建议（罚款，罚款8000元）不同\)/,
    );
    const again = addDays(n.noticeOn, 1);
    await ok(await step(handler, P, n.id, "notify", fineNotice(6000), again));
    await ok(await waive(n.id, again));
    await refused(leader, P, n.id, "decide", decide(6000), again, 409, /重新告知在法制审核之后/);
    await ok(await review(n.id, again));
    await ok(await step(leader, P, n.id, "decide", decide(6000), again));
  });

  it("refuses an investigating officer as the case's reviewer or hearing chair", async () => {
    const n = await noticeWith("2021-09-14", person, fineNotice(20000), {
      team: [officers.A.cert, officers.R.cert],
    });
    await ok(n.res);
    await refused(
      reviewer,
      P,
      n.id,
      "legal_review",
      { reviewerCertificateNo: officers.R.cert, ...allPassed, opinion: "同意" },
      n.noticeOn,
      422,
      new RegExp(`certificate ${officers.R.cert} investigated this case`),
      "input.reviewerCertificateNo",
    );
    await ok(await step(handler, P, n.id, "request_hearing", {}, addDays(n.noticeOn, 1)));
    const on = addDays(n.noticeOn, 1);
    await refused(
      handler,
      P,
      n.id,
      "schedule_hearing",
      {
        hearingDate: due(on, 8, "working_day"),
        hearingPlace: "听证室",
        hearingChair: officers.A.name,
      },
      on,
      422,
      new RegExp(`${officers.A.name} investigated this case and may not chair.*art\\. 64 \\(四\\)`),
      "input.hearingChair",
    );
  });
});

describe("fault 2: a changed or revoked decision is never (or no longer) public", () => {
  const decided = async (filedOn: string) => {
    const n = await noticeWith(filedOn, company, fineNotice(8000));
    await ok(n.res);
    await ok(await waive(n.id, n.noticeOn));
    await ok(
      await step(
        leader,
        P,
        n.id,
        "decide",
        { decisionKind: "penalty", penalties: ["fine"], fineAmount: 8000, decisionContent: "罚款" },
        n.noticeOn,
      ),
    );
    const d = await detail(handler, P, n.id);
    const discId = d.links.find((l: { kind: string }) => l.kind === "follows").caseId as number;
    return { id: n.id, on: n.noticeOn, discId };
  };
  const alter = (id: number, on: string) =>
    step(
      handler,
      P,
      id,
      "alter_decision",
      {
        ground: "revoked",
        authority: "self_correction",
        documentNo: "武隆市监撤〔2021〕1号",
        reason: "适用法律错误",
      },
      on,
      "本机关自行纠正",
    );

  it("a decision revoked before publication is not published, and publishing it is refused", async () => {
    const c = await decided("2021-09-15");
    await ok(await alter(c.id, addDays(c.on, 1)));
    const disc = await detail(handler, "penalty_disclosure", c.discId);
    expect(disc.case.state).toBe("not_published");
    const ev = disc.timeline.find((e: { action: string }) => e.action === "not_publish");
    expect(ev.data.input.notPublishedReason).toMatch(/处罚决定已被撤销（武隆市监撤〔2021〕1号）/);
    const res = await step(
      leader,
      "penalty_disclosure",
      c.discId,
      "publish",
      { channel: "credit_system" },
      addDays(c.on, 2),
    );
    expect(res.statusCode).toBe(409);
    expect(disc.deadlines.find((k: { clock: string }) => k.clock === "publication").state).not.toBe(
      "running",
    );
  });

  it("a published decision is taken off the portal at once; the 3-day clock measures the withdrawal notice", async () => {
    const c = await decided("2021-09-16");
    await ok(
      await step(
        leader,
        "penalty_disclosure",
        c.discId,
        "publish",
        { channel: "credit_system" },
        addDays(c.on, 1),
      ),
    );
    const on = addDays(c.on, 10);
    await ok(await alter(c.id, on));
    const disc = await detail(handler, "penalty_disclosure", c.discId);
    expect(disc.case.state).toBe("taken_down");
    const api = (
      await t.app.inject({ method: "GET", url: "/public/api/500156/cases/penalty_disclosure" })
    ).json();
    const item = api.items.find((x: { id: number }) => x.id === c.discId);
    expect(item).toMatchObject({ status: "已撤下" });
    expect(Object.keys(item).sort()).toEqual(["body", "id", "number", "status"]);
    const w = disc.deadlines.find((k: { clock: string }) => k.clock === "withdrawal");
    expect(w.due).toBe(due(on, 3, "working_day"));
    await ok(
      await step(
        handler,
        "penalty_disclosure",
        c.discId,
        "withdraw",
        { withdrawalGround: "revoked", withdrawalReason: "该处罚决定已被本机关撤销" },
        addDays(on, 1),
        "决定被撤销",
      ),
    );
    const after = await detail(handler, "penalty_disclosure", c.discId);
    expect(after.case.state).toBe("withdrawn");
    expect(after.deadlines.find((k: { clock: string }) => k.clock === "withdrawal").state).toBe(
      "stopped",
    );
  });
});

describe("fault 7: the law in force — procedure on each step, substance of the act, the limitation period", () => {
  const file = (extra: Record<string, unknown>, onDate = "2021-09-20") =>
    t.call(handler, {
      method: "POST",
      url: `/api/cases/${P}`,
      payload: { fields: penaltyFields(person, extra), onDate },
      headers: { "accept-language": "en" },
    });
  const countCases = async () =>
    (await t.call(handler, { method: "GET", url: `/api/cases/${P}?limit=500` })).json().items
      .length as number;

  it("refuses to file a violation not discovered within 2 years of its end; 5 years for serious harm under the 2021 law", async () => {
    const before = await countCases();
    const late = await file({ violationOn: "2019-01-01", discoveredOn: "2021-09-01" });
    expect(late.statusCode, late.body).toBe(422);
    const f = late
      .json()
      .error.fields.find((x: { field: string }) => x.field === "fields.discoveredOn");
    expect(f.message).toMatch(/not discovered within 2 years \(by 2021-01-01\).*2017\) art\. 29/);
    // Serious harm before 2021-07-15: the 2017 text's 2 years (the new 5 years is heavier).
    const old = await file({
      violationOn: "2019-03-01",
      violationEndedOn: "2019-04-01",
      discoveredOn: "2021-09-01",
      seriousHarm: true,
    });
    expect(old.statusCode).toBe(422);
    expect(await countCases()).toBe(before);
    // A continuing act counts from its end.
    expect(
      (
        await file({
          violationOn: "2019-01-01",
          violationEndedOn: "2020-01-10",
          discoveredOn: "2021-09-01",
        })
      ).statusCode,
    ).toBe(201);
    // Under the 2021 law: 2 years, or 5 with harm to life, health or financial security.
    // (Checked on the schema: the test clock stands in 2022, too early to file such a case.)
    const harm = { violationOn: "2021-08-01", discoveredOn: "2024-01-02" };
    const two = PenaltyFields.safeParse(penaltyFields(person, harm));
    expect(two.success).toBe(false);
    expect(JSON.stringify(two.error?.issues)).toMatch(/2021\) art\. 36/);
    expect(
      PenaltyFields.safeParse(penaltyFields(person, { ...harm, seriousHarm: true })).success,
    ).toBe(true);
  });

  it("a case filed on 2021-07-14 and notified on 2021-07-20 gets the 2021 law's 5 working days to ask for a hearing", async () => {
    const n = await noticeWith("2021-07-07", person, fineNotice(20000));
    const r = await ok(n.res);
    expect(n.noticeOn).toBe("2021-07-17");
    const c = await open(handler, P, penaltyFields(person), "2021-07-14");
    await ok(
      await step(
        handler,
        P,
        c.id,
        "investigate",
        { officers: [officers.A.cert, officers.B.cert], kind: "inquiry", summary: "询问" },
        "2021-07-14",
      ),
    );
    await ok(
      await step(
        handler,
        P,
        c.id,
        "conclude_investigation",
        {
          facts: "销售过期食品",
          evidence: "笔录",
          legalBasis: "食品安全法第一百二十四条",
          circumstance: "general",
          proposedFine: 20000,
        },
        "2021-07-19",
      ),
    );
    const notified = await ok(
      await step(handler, P, c.id, "notify", fineNotice(20000), "2021-07-20"),
    );
    expect(notified.fields.noticeLaw).toMatch(/2021/);
    expect(notified.fields.hearingRequestUntil).toBe(due("2021-07-20", 5, "working_day"));
    expect(notified.fields.hearingRequestUntil).toBe("2021-07-27");
    // The 2017 text would have ended on 07-23 (3 calendar days): a request on 07-26 is in time.
    await ok(await step(handler, P, c.id, "request_hearing", {}, "2021-07-26"));
    // The notice on 2021-07-17 (a Saturday) of the case filed 07-07 is under the 2021 law too.
    expect(r.fields.hearingRequestUntil).toBe(due("2021-07-17", 5, "working_day"));
  });

  it("substance follows the law of the act: a kind the 2017 text did not have is refused", async () => {
    const c = await open(
      handler,
      P,
      penaltyFields(company, { violationOn: "2021-03-01", discoveredOn: "2021-08-20" }),
      "2021-09-01",
    );
    await ok(
      await step(
        handler,
        P,
        c.id,
        "investigate",
        { officers: [officers.A.cert, officers.B.cert], kind: "inquiry", summary: "询问" },
        "2021-09-01",
      ),
    );
    await ok(
      await step(
        handler,
        P,
        c.id,
        "conclude_investigation",
        { facts: "事实", evidence: "笔录", legalBasis: "依据", circumstance: "general" },
        "2021-09-02",
      ),
    );
    await ok(
      await step(
        handler,
        P,
        c.id,
        "notify",
        { intendedPenalty: "通报批评", intendedPenalties: ["criticism"] },
        "2021-09-03",
      ),
    );
    await ok(await waive(c.id, "2021-09-03"));
    await refused(
      leader,
      P,
      c.id,
      "decide",
      { decisionKind: "penalty", penalties: ["criticism"], decisionContent: "通报批评" },
      "2021-09-03",
      422,
      /act of 2021-03-01 is judged by the law of that time .* no 通报批评/,
      "input.penalties",
    );
    const dec = await ok(
      await step(
        leader,
        P,
        c.id,
        "decide",
        { decisionKind: "penalty", penalties: ["warning"], decisionContent: "警告" },
        "2021-09-03",
      ),
    );
    expect(dec.fields.substantiveLaw).toBe("行政处罚法(2017)");
  });
});
