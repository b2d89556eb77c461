import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { oversightModule } from "../../../src/modules/oversight/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * A reconsideration case driven over HTTP through acceptance, suspension, extension and
 * decision, with each deadline where the law in force on the day of receipt puts it:
 * the 2017 text (only 5 and 7 days are working days; accepted from receipt) for 2020, the
 * 2023 text (3/5/7/10 days are working days; silence accepts from the review's end) for
 * 2024 — across the National Day holidays and their make-up working days. Every refusal
 * writes nothing.
 */
let t: TestApp;
let handler: Session;
let leader: Session;
const T = "reconsideration";
const P = `/api/cases/${T}`;

beforeAll(async () => {
  t = await testApp([directoryModule, enforcementModule, oversightModule]);
  const sfj = await t.unit("500156", "sfj");
  await t.user("handler", sfj, ["case_handler"]);
  await t.user("leader", sfj, ["unit_leader"]);
  t.clock.t = new Date("2025-06-01T02:00:00Z");
  handler = await t.login("handler");
  leader = await t.login("leader");
});
afterAll(() => t.close());

const fields = (extra: Record<string, unknown> = {}) => ({
  applicant: { name: "张三丰", address: "武隆区巷口镇芙蓉路1号" },
  respondent: "重庆市武隆区市场监督管理局",
  actKind: "penalty",
  act: "罚款五千元的行政处罚决定",
  actNo: "武隆市监罚〔2020〕12号",
  knewOn: "2020-08-10",
  request: "撤销该行政处罚决定",
  numberPrefix: "武隆府复",
  ...extra,
});

async function open(f: Record<string, unknown>, onDate: string) {
  const r = await t.call(handler, { method: "POST", url: P, payload: { fields: f, onDate } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as number;
}
async function detail(id: number) {
  const r = await t.call(handler, { method: "GET", url: `${P}/${id}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
type Clock = { clock: string; due: string | null; state: string };
async function clocks(id: number) {
  const d = await detail(id);
  return Object.fromEntries((d.deadlines as Clock[]).map((k) => [k.clock, k])) as Record<
    string,
    Clock
  >;
}
async function step(
  s: Session,
  id: number,
  action: string,
  input: object,
  onDate: string,
  reason?: string,
) {
  const d = await detail(id);
  return t.call(s, {
    method: "POST",
    url: `${P}/${id}/actions/${action}`,
    payload: { version: d.case.version, input, onDate, ...(reason ? { reason } : {}) },
    headers: { "accept-language": "en" },
  });
}
async function ok(p: Promise<{ statusCode: number; body: string }>) {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
}
async function op(s: Session, id: number, path: string, body: object) {
  const d = await detail(id);
  return t.call(s, {
    method: "POST",
    url: `${P}/${id}/${path}`,
    payload: { version: d.case.version, ...body },
    headers: { "accept-language": "en" },
  });
}
/** A refusal writes nothing: version, state, fields and timeline as they were. */
async function refused(
  s: Session,
  id: number,
  action: string,
  input: object,
  onDate: string,
  message: RegExp,
  reason?: string,
) {
  const before = await detail(id);
  const r = await step(s, id, action, input, onDate, reason);
  expect(r.statusCode, r.body).toBeGreaterThanOrEqual(400);
  expect(r.json().error.message).toMatch(message);
  const after = await detail(id);
  expect(after.case.version).toBe(before.case.version);
  expect(after.case.state).toBe(before.case.state);
  expect(after.case.fields).toEqual(before.case.fields);
  expect(after.timeline.length).toBe(before.timeline.length);
}

describe("reconsideration under the 2017 text (received 2020-09-25)", () => {
  it("accepts from receipt, counts 5/7 days in working days and the reply in calendar days, suspends, extends once, decides", async () => {
    const id = await open(fields(), "2020-09-25");
    // Review: 5 working days — 9-27 (a Sunday made a working day), 9-28, 9-29, 9-30, then 10-9 after the holiday.
    expect((await clocks(id)).acceptance_review?.due).toBe("2020-10-09");
    // Past the review: refusing is no longer possible (the application counts as accepted).
    await refused(
      handler,
      id,
      "refuse",
      { grounds: "不符合受理条件" },
      "2020-10-12",
      /counts as accepted/,
      "不符合受理条件",
    );
    // The old text has no simplified procedure.
    await refused(
      handler,
      id,
      "accept",
      { procedure: "simplified" },
      "2020-10-12",
      /no simplified procedure/,
    );
    await ok(step(handler, id, "accept", { procedure: "ordinary" }, "2020-10-12"));
    const d = await detail(id);
    expect(d.case.fields.acceptedOn).toBe("2020-09-25"); // 2017 art. 17 para. 2: from receipt
    let k = await clocks(id);
    expect(k.copy_to_respondent?.due).toBe("2020-10-12"); // 7 working days (10-10 a make-up Saturday)
    expect(k.decision?.due).toBe("2020-11-24"); // 60 calendar days from acceptance
    await ok(step(handler, id, "send_copy", { respondentReceivedOn: "2020-10-13" }, "2020-10-12"));
    // The respondent's 10 days are calendar days under the 2017 text (art. 40 para. 2).
    expect((await clocks(id)).respondent_reply?.due).toBe("2020-10-23");
    await ok(step(handler, id, "receive_reply", { summary: "认为处罚事实清楚" }, "2020-10-20"));
    await ok(
      step(
        handler,
        id,
        "site_inspection",
        { place: "申请人店铺", officers: ["王复议", "李复议"], findings: "货架已整改" },
        "2020-10-21",
      ),
    );
    await ok(
      step(
        handler,
        id,
        "interview",
        { who: "被申请人执法人员", summary: "询问取证过程" },
        "2020-10-22",
      ),
    );
    // Suspension (2007 reg. art. 41) for ten days: the decision limit moves by the days suspended.
    const s = await op(handler, id, "suspend", {
      reason: "案件涉及法律适用问题，需请有权机关解释",
      onDate: "2020-10-23",
    });
    expect(s.statusCode, s.body).toBe(200);
    await refused(
      leader,
      id,
      "decide",
      { outcome: "uphold", decisionContent: "维持", reasoning: "理由" },
      "2020-10-26",
      /suspended/,
    );
    const r = await op(handler, id, "resume", { onDate: "2020-11-02" });
    expect(r.statusCode, r.body).toBe(200);
    k = await clocks(id);
    const moved = k.decision?.due as string;
    expect(moved > "2020-11-24").toBe(true);
    // Extension by approval: at most 30 days, once (2017 art. 31).
    const over = await op(leader, id, "extend", {
      clock: "decision",
      period: "31d",
      reason: "情况复杂",
      notice: { on: "2020-11-10", text: "延期审理通知" },
      onDate: "2020-11-10",
    });
    expect(over.statusCode).toBe(422);
    const e = await op(leader, id, "extend", {
      clock: "decision",
      period: "30d",
      reason: "情况复杂",
      notice: { on: "2020-11-10", text: "延期审理通知" },
      onDate: "2020-11-10",
    });
    expect(e.statusCode, e.body).toBe(200);
    k = await clocks(id);
    const extended = new Date(`${k.decision?.due}T00:00:00Z`).getTime();
    expect(
      (extended - new Date(`${moved}T00:00:00Z`).getTime()) / 86_400_000,
    ).toBeGreaterThanOrEqual(30);
    const again = await op(leader, id, "extend", {
      clock: "decision",
      period: "5d",
      reason: "再延",
      notice: { on: "2020-11-11", text: "再次延期" },
      onDate: "2020-11-11",
    });
    expect([409, 422]).toContain(again.statusCode);
    // No decision confirming invalidity under the 2017 text.
    await refused(
      leader,
      id,
      "decide",
      { outcome: "confirm_invalid", decisionContent: "确认无效", reasoning: "理由" },
      "2020-11-20",
      /no decision to confirm invalid/,
    );
    await ok(
      step(
        leader,
        id,
        "decide",
        {
          outcome: "revoke",
          decisionContent: "撤销该处罚决定",
          reasoning: "主要事实不清、证据不足",
        },
        "2020-11-20",
      ),
    );
    const dec = await detail(id);
    expect(dec.case.state).toBe("decided");
    expect(dec.case.closedOn).toBe("2020-11-20");
    expect(dec.case.numbers.decision).toBe("武隆府复决〔2020〕1号");
    // Service after the decision keeps the closing date; the service record and the decision as .docx.
    await ok(
      step(
        handler,
        id,
        "serve",
        { document: "decision", recipient: "张三丰", method: "direct" },
        "2020-11-23",
      ),
    );
    const served = await detail(id);
    expect(served.case.closedOn).toBe("2020-11-20");
    expect(served.case.state).toBe("decided");
    // An opinion letter to the respondent: it reports its correction within 60 days (2007 reg. art. 57).
    await refused(
      handler,
      id,
      "opinion_reported",
      { report: "已整改" },
      "2020-11-24",
      /no opinion letter/,
    );
    await ok(
      step(
        handler,
        id,
        "issue_opinion",
        { letter: "opinion", addressee: "区市场监管局", content: "规范执法程序" },
        "2020-11-25",
      ),
    );
    expect((await clocks(id)).opinion_follow_up?.due).toBe("2021-01-25"); // 01-24 a Sunday rolls on
    await ok(step(handler, id, "opinion_reported", { report: "已完成整改并报告" }, "2021-01-08"));
    expect((await clocks(id)).opinion_follow_up?.state).toBe("stopped");
    expect((await detail(id)).case.closedOn).toBe("2020-11-20");
    for (const code of ["reconsideration_decision", "service_record"]) {
      const doc = await t.call(handler, { method: "GET", url: `${P}/${id}/documents/${code}` });
      expect(doc.statusCode, doc.body).toBe(200);
      expect(doc.rawPayload.subarray(0, 2).toString()).toBe("PK");
    }
  }, 180_000);
});

describe("reconsideration under the 2023 text", () => {
  it("refuses a late application without a reason; an obstacle recorded adds its days back", async () => {
    const late = await open(fields({ knewOn: "2024-07-01" }), "2024-09-27");
    await refused(
      handler,
      late,
      "accept",
      { procedure: "ordinary" },
      "2024-09-30",
      /out of time: the period ended on 2024-08-30/,
    );
    const excused = await open(
      fields({
        knewOn: "2024-07-01",
        obstacle: { from: "2024-07-20", until: "2024-08-30", reason: "洪灾封路" },
      }),
      "2024-09-27",
    );
    await ok(step(handler, excused, "accept", { procedure: "ordinary" }, "2024-09-30"));
  });

  it("the act did not state the right: 60 days from learning of it, capped at a year from knowing of the act", async () => {
    const capped = await open(
      fields({ knewOn: "2023-09-01", rightNotStated: true, learnedOfRightOn: "2024-08-20" }),
      "2024-09-20",
    );
    await refused(
      handler,
      capped,
      "accept",
      { procedure: "ordinary" },
      "2024-09-23",
      /out of time: the period ended on 2024-09-02/,
    );
  });

  it("silence accepts from the end of the review; 10 working days for the reply; simplified decision in 30 days", async () => {
    const id = await open(fields({ knewOn: "2024-09-01" }), "2024-09-27");
    // 5 working days: 9-29 (a Sunday made a working day), 9-30, then 10-8, 10-9, 10-10.
    expect((await clocks(id)).acceptance_review?.due).toBe("2024-10-10");
    await ok(step(handler, id, "accept", { procedure: "simplified" }, "2024-10-14"));
    expect((await detail(id)).case.fields.acceptedOn).toBe("2024-10-10");
    let k = await clocks(id);
    expect(k.copy_to_respondent?.due).toBe("2024-10-14"); // 3 working days: 10-11, 10-12 (a make-up Saturday), 10-14
    expect(k.decision?.due).toBe("2024-11-11"); // 30 days from 10-10 (11-09 a Saturday rolls on)
    await ok(step(handler, id, "send_copy", { respondentReceivedOn: "2024-10-14" }, "2024-10-14"));
    expect((await clocks(id)).respondent_reply?.due).toBe("2024-10-21"); // 5 working days
    await ok(step(leader, id, "convert_to_ordinary", {}, "2024-10-15"));
    k = await clocks(id);
    expect(k.decision?.due).toBe("2024-12-09"); // 60 days from 10-10
    expect(k.respondent_reply?.due).toBe("2024-10-28"); // 10 working days from 10-14
  });
});
