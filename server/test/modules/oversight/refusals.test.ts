import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryModule } from "../../../src/modules/directory/index.ts";
import { oversightModule } from "../../../src/modules/oversight/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/** The oversight module's other refusals, each over HTTP, each writing nothing. */
let t: TestApp;
let handler: Session;
let leader: Session;
let defendant: Session;

beforeAll(async () => {
  t = await testApp([directoryModule, oversightModule]);
  const sfj = await t.unit("500156", "sfj");
  const market = await t.unit("500156", "scjgj");
  await t.user("rhandler", sfj, ["case_handler"]);
  await t.user("rleader", sfj, ["unit_leader"]);
  await t.user("mhandler", market, ["case_handler"]);
  t.clock.t = new Date("2025-06-01T02:00:00Z");
  handler = await t.login("rhandler");
  leader = await t.login("rleader");
  defendant = await t.login("mhandler");
});
afterAll(() => t.close());

async function open(s: Session, type: string, fields: object, onDate: string) {
  const r = await t.call(s, {
    method: "POST",
    url: `/api/cases/${type}`,
    payload: { fields, onDate },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as number;
}
const detail = async (s: Session, type: string, id: number) =>
  (await t.call(s, { method: "GET", url: `/api/cases/${type}/${id}` })).json();
async function step(
  s: Session,
  type: string,
  id: number,
  action: string,
  input: object,
  onDate: string,
) {
  const d = await detail(s, type, id);
  return t.call(s, {
    method: "POST",
    url: `/api/cases/${type}/${id}/actions/${action}`,
    payload: { version: d.case.version, input, onDate },
    headers: { "accept-language": "en" },
  });
}
async function ok(p: ReturnType<typeof step>) {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
}
async function refused(
  s: Session,
  type: string,
  id: number,
  action: string,
  input: object,
  onDate: string,
  message: RegExp,
) {
  const before = await detail(s, type, id);
  const r = await step(s, type, id, action, input, onDate);
  expect(r.statusCode, r.body).toBeGreaterThanOrEqual(400);
  expect(r.json().error.message).toMatch(message);
  const after = await detail(s, type, id);
  expect(after.case.version).toBe(before.case.version);
  expect(after.case.state).toBe(before.case.state);
  expect(after.case.fields).toEqual(before.case.fields);
  expect(after.timeline.length).toBe(before.timeline.length);
}

const R = "reconsideration";
const application = (extra: object = {}) => ({
  applicant: { name: "张三丰" },
  respondent: "重庆市武隆区城市管理局",
  actKind: "penalty",
  act: "行政处罚决定",
  knewOn: "2024-09-02",
  request: "撤销",
  numberPrefix: "武隆府复",
  ...extra,
});

describe("reconsideration refusals", () => {
  it("no completion notice after the review; no abandonment before the completion period ends", async () => {
    const late = await open(handler, R, application(), "2024-09-27");
    await refused(
      handler,
      R,
      late,
      "request_materials",
      { items: "身份证明" },
      "2024-10-11",
      /counts as accepted/,
    );
    const id = await open(handler, R, application(), "2024-09-27");
    await ok(step(handler, R, id, "request_materials", { items: "身份证明" }, "2024-09-30"));
    // 10 working days from 09-30: 10-08 … 10-12 (a make-up Saturday) … 10-18.
    await refused(handler, R, id, "abandon", {}, "2024-10-18", /runs until 2024-10-18/);
    await ok(step(handler, R, id, "abandon", {}, "2024-10-21"));
  });

  it("an act more than five years old is not accepted (2023 art. 21)", async () => {
    const id = await open(
      handler,
      R,
      application({ actOn: "2019-03-01", knewOn: "2024-09-02" }),
      "2024-09-27",
    );
    await refused(
      handler,
      R,
      id,
      "accept",
      { procedure: "ordinary" },
      "2024-09-30",
      /more than 5 years old/,
    );
  });

  it("a major case is heard before its decision; the hearing is notified five working days ahead", async () => {
    const id = await open(handler, R, application({ major: true }), "2024-09-27");
    await ok(step(handler, R, id, "accept", { procedure: "ordinary" }, "2024-09-30"));
    const decision = { outcome: "uphold", decisionContent: "维持", reasoning: "合法" };
    await refused(leader, R, id, "decide", decision, "2024-10-21", /must be heard first/);
    await refused(
      handler,
      R,
      id,
      "schedule_hearing",
      { hearingDate: "2024-10-11" },
      "2024-10-08",
      /2024-10-14/,
    );
    await ok(step(handler, R, id, "schedule_hearing", { hearingDate: "2024-10-14" }, "2024-10-08"));
    await ok(
      step(
        handler,
        R,
        id,
        "hold_hearing",
        { chair: "王主持", respondentHeadAttended: true },
        "2024-10-15",
      ),
    );
    await refused(
      leader,
      R,
      id,
      "convert_to_ordinary",
      {},
      "2024-10-16",
      /already follows the ordinary procedure/,
    );
    await ok(step(leader, R, id, "decide", decision, "2024-10-21"));
  });
});

describe("litigation refusals", () => {
  it("a judgment against the defendant is performed before the case closes", async () => {
    const id = await open(
      defendant,
      "litigation",
      {
        plaintiff: "李某",
        defendant: "区市场监管局",
        court: "重庆市武隆区人民法院",
        cause: "不服行政处罚",
      },
      "2024-03-01",
    );
    await ok(
      step(
        defendant,
        "litigation",
        id,
        "hearing",
        { headAppeared: false, appearedBy: "法规科科长", instance: "first" },
        "2024-04-10",
      ),
    );
    await ok(
      step(
        defendant,
        "litigation",
        id,
        "judge",
        { judgment: "revoke", judgmentNo: "（2024）渝0156行初1号" },
        "2024-05-10",
      ),
    );
    await refused(
      defendant,
      "litigation",
      id,
      "close",
      {},
      "2024-05-11",
      /must perform the judgment/,
    );
    await ok(step(defendant, "litigation", id, "perform", { how: "已重新作出决定" }, "2024-06-11"));
  });
});
