import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { CaseTypeDecl } from "../../../src/engines/case/declare.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";
import { addPeriod, bundledNotices, LegalCalendar } from "../../../src/kernel/time/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * Clocks and suspensions as the laws need them (issue 7 §3), and the step dates and
 * inputs of issue 8, over HTTP on a case type declared here.
 */
const cal = new LegalCalendar(bundledNotices());
const due = (from: string, n: number, unit: "working_day" | "calendar_day") =>
  addPeriod(cal, from as never, { n, unit }).due;

const application: CaseTypeDecl<{ subject: string; agreementEffectiveOn?: string }> = {
  code: "ck_application",
  label: { zh: "测试：申请", en: "Test: application" },
  module: "ck",
  fields: z.object({ subject: z.string(), agreementEffectiveOn: z.string().optional() }),
  title: (f) => f.subject,
  states: {
    received: { label: { zh: "已收件", en: "Received" } },
    accepted: { label: { zh: "已受理", en: "Accepted" } },
    decided: { label: { zh: "已决定", en: "Decided" } },
    closed: { label: { zh: "已办结", en: "Closed" }, terminal: true },
  },
  initial: "received",
  transitions: [
    {
      action: "accept",
      label: { zh: "受理", en: "Accept" },
      from: ["received"],
      to: "accepted",
      input: z.object({ knewOn: z.string().optional() }),
    },
    {
      action: "notify",
      label: { zh: "通知听证", en: "Notify" },
      from: ["accepted"],
      to: "accepted",
    },
    { action: "perform", label: { zh: "履行", en: "Perform" }, from: ["accepted"], to: "accepted" },
    { action: "report", label: { zh: "报告", en: "Report" }, from: ["accepted"], to: "accepted" },
    {
      action: "note",
      label: { zh: "记录", en: "Note" },
      from: ["accepted"],
      to: "accepted",
      allowedWhileSuspended: true,
    },
    {
      action: "decide",
      label: { zh: "决定", en: "Decide" },
      from: ["accepted"],
      to: "decided",
      // e.g. 行政复议法(2023) 第四十一条: a suspended reconsideration may be terminated.
      allowedWhileSuspended: true,
    },
    { action: "reject", label: { zh: "驳回", en: "Reject" }, from: ["accepted"], to: "closed" },
  ],
  clocks: [
    {
      code: "apply",
      label: { zh: "申请期限", en: "Time to apply" },
      period: { n: 60, unit: "calendar_day" },
      legalBasis: "行政复议法(2023) 第二十条",
      startOn: { action: "accept", dateFrom: "input.knewOn" },
      stopOn: [],
    },
    {
      code: "perform",
      label: { zh: "履行期限", en: "Time to perform" },
      period: { n: 30, unit: "calendar_day" },
      legalBasis: "人民调解法 第三十一条",
      startOn: { action: "create", dateFrom: "field.agreementEffectiveOn" },
      stopOn: [{ action: "perform" }],
    },
    {
      code: "hearing",
      label: { zh: "听证通知期限", en: "Hearing notice" },
      period: { n: 7, unit: "calendar_day" },
      legalBasis: "行政处罚法(2021) 第六十四条",
      startOn: { action: "notify" },
      stopOn: [],
      restartable: true,
    },
    {
      code: "decision",
      label: { zh: "决定期限", en: "Decision" },
      period: { n: 20, unit: "working_day" },
      legalBasis: "行政许可法 第四十二条",
      startOn: { action: "accept" },
      stopOn: [{ action: "decide" }, { action: "reject" }],
    },
    {
      code: "report",
      label: { zh: "报告时限", en: "Report" },
      period: { n: 24, unit: "hour" },
      legalBasis: "突发事件应对法 第六十一条",
      startOn: { action: "report" },
      stopOn: [],
    },
    {
      code: "payment",
      label: { zh: "缴纳期限", en: "Payment" },
      period: { n: 15, unit: "calendar_day" },
      legalBasis: "行政处罚法(2021) 第六十七条",
      startOn: { action: "decide" },
      stopOn: [],
    },
  ],
  suspension: { clocks: ["apply", "perform", "decision"], legalBasis: "行政许可法 第四十五条" },
  extensions: [
    {
      clock: "decision",
      max: { n: 10, unit: "working_day" },
      maxCount: 2,
      maxTotal: { n: 15, unit: "working_day" },
      legalBasis: "行政许可法 第四十二条",
      permission: "unit.lead",
    },
  ],
};

const ckModule: ModuleDecl = {
  code: "ck",
  label: { zh: "测试", en: "Test" },
  caseTypes: [application],
};

let t: TestApp;
const u: Record<string, number> = {};
let handler: Session;
let leader: Session;
let office: Session;
let city: Session;
const P = "/api/cases/ck_application";

async function open(fields: Record<string, unknown> = {}, onDate = "2021-03-01") {
  const r = await t.call(handler, {
    method: "POST",
    url: P,
    payload: { fields: { subject: "申请", ...fields }, onDate },
  });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { id: number }).id;
}
async function get(id: number, s = handler) {
  const r = await t.call(s, { method: "GET", url: `${P}/${id}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
async function step(id: number, action: string, onDate: string, input = {}, s = handler) {
  const v = (await get(id)).case.version;
  return t.call(s, {
    method: "POST",
    url: `${P}/${id}/actions/${action}`,
    payload: { version: v, input, onDate },
    headers: { "accept-language": "zh-CN" },
  });
}
async function op(id: number, path: string, body: Record<string, unknown>, s = handler) {
  const v = (await get(id)).case.version;
  return t.call(s, {
    method: "POST",
    url: `${P}/${id}/${path}`,
    payload: { version: v, ...body },
    // The refusals are read in Chinese, the default language.
    headers: { "accept-language": "zh-CN" },
  });
}
const clock = (d: { deadlines: { clock: string }[] }, code: string) =>
  d.deadlines.find((k) => k.clock === code) as Record<string, unknown> | undefined;

beforeAll(async () => {
  t = await testApp([ckModule]);
  u.unit = await t.unit("500156", "scjgj");
  u.office = await t.unit("500156", "sfj");
  u.city = await t.unit("500000", "sfj");
  await t.user("handler", u.unit, ["case_handler"]);
  await t.user("leader", u.unit, ["unit_leader"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  await t.user("city", u.city, ["rule_of_law_office"]);
  await t.user("elsewhere", await t.unit("500101", "scjgj"), ["case_handler"]);
  t.clock.t = new Date("2021-03-20T02:00:00Z");
  handler = await t.login("handler");
  leader = await t.login("leader");
  office = await t.login("office");
  city = await t.login("city");
});
afterAll(async () => t.close());

/** Move the clock (sessions idle out over days: log in again). */
async function at(iso: string) {
  t.clock.t = new Date(iso);
  handler = await t.login("handler");
  leader = await t.login("leader");
  office = await t.login("office");
  city = await t.login("city");
}

describe("a clock's start date from the input or a field", () => {
  it("runs from input.knewOn and field.agreementEffectiveOn, not from the step's date", async () => {
    const id = await open({ agreementEffectiveOn: "2021-03-05" });
    expect(clock(await get(id), "perform")).toMatchObject({
      startedOn: "2021-03-05",
      startSource: "field.agreementEffectiveOn",
      due: due("2021-03-05", 30, "calendar_day"),
    });
    expect((await step(id, "accept", "2021-03-02", { knewOn: "2021-02-20" })).statusCode).toBe(200);
    const d = await get(id);
    expect(clock(d, "apply")).toMatchObject({
      startedOn: "2021-02-20",
      startSource: "input.knewOn",
      due: due("2021-02-20", 60, "calendar_day"),
    });
    expect(clock(d, "decision")).toMatchObject({ startedOn: "2021-03-02", startSource: "step" });
  });

  it("refuses a start date that is not a date, naming the field, and writes nothing", async () => {
    const id = await open();
    for (const knewOn of ["garbage", "2021-02-30", "1999-12-31"]) {
      const r = await step(id, "accept", "2021-03-02", { knewOn });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error.fields[0].field).toBe("input.knewOn");
    }
    const d = await get(id);
    expect(d.case.state).toBe("received");
    // Without agreementEffectiveOn, the perform clock ran from the opening step's date.
    expect(
      d.deadlines.map((k: { clock: string; startSource: string }) => [k.clock, k.startSource]),
    ).toEqual([["perform", "step"]]);
  });
});

describe("a restartable clock", () => {
  it("starts a new instance on a repeated step and keeps the earlier one as history", async () => {
    const id = await open();
    await step(id, "accept", "2021-03-02");
    expect((await step(id, "notify", "2021-03-03")).statusCode).toBe(200);
    expect((await step(id, "notify", "2021-03-08")).statusCode).toBe(200);
    const d = await get(id);
    expect(clock(d, "hearing")).toMatchObject({
      instance: 2,
      startedOn: "2021-03-08",
      state: "running",
      due: due("2021-03-08", 7, "calendar_day"),
    });
    expect(d.clockHistory).toEqual([
      expect.objectContaining({
        clock: "hearing",
        instance: 1,
        startedOn: "2021-03-03",
        stoppedOn: "2021-03-08",
        superseded: true,
        state: "stopped",
      }),
    ]);
    // A clock not declared restartable: the first start counts.
    const again = await t.call(handler, {
      method: "GET",
      url: "/api/case-types",
    });
    const ct = again.json().find((x: { code: string }) => x.code === "ck_application");
    expect(ct.clocks.find((k: { code: string }) => k.code === "hearing").restartable).toBe(true);
  });
});

describe("extensions", () => {
  it("are approved by a holder of the declared permission, with reason and notice; limited in count and total", async () => {
    const types = (await t.call(handler, { method: "GET", url: "/api/case-types" })).json();
    const ct = types.find((x: { code: string }) => x.code === "ck_application");
    expect(ct.extensions[0]).toMatchObject({
      clock: "decision",
      permission: "unit.lead",
      maxCount: 2,
      maxTotal: { n: 15, unit: "working_day" },
      allowed: false,
    });
    const id = await open();
    await step(id, "accept", "2021-03-02");
    const ext = (period: string, s: Session, extra: Record<string, unknown> = {}) =>
      op(
        id,
        "extend",
        {
          clock: "decision",
          period,
          reason: "情况复杂",
          notice: { on: "2021-03-10", text: "延长期限告知书" },
          onDate: "2021-03-10",
          ...extra,
        },
        s,
      );
    const denied = await ext("10wd", handler);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toContain("unit.lead");
    const noNotice = await ext("10wd", leader, { notice: undefined });
    expect(noNotice.statusCode).toBe(422);
    expect(noNotice.json().error.fields[0].field).toBe("notice");
    const first = await ext("10wd", leader);
    expect(first.statusCode, first.body).toBe(200);
    const tooMuch = await ext("10wd", leader);
    expect(tooMuch.statusCode, tooMuch.body).toBe(422);
    expect(tooMuch.json().error.message).toContain("15wd");
    expect((await ext("5wd", leader)).statusCode).toBe(200);
    const third = await ext("1wd", leader);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.message).toContain("最多延长 2 次");
    const d = await get(id);
    const base = due("2021-03-02", 20, "working_day");
    expect(clock(d, "decision")?.due).toBe(due(due(base, 10, "working_day"), 5, "working_day"));
    const e = d.timeline.filter((x: { kind: string }) => x.kind === "extend");
    expect(e).toHaveLength(2);
    expect(e[0].data).toMatchObject({
      approvedByUserId: leader.userId,
      permission: "unit.lead",
      notice: { on: "2021-03-10", text: "延长期限告知书" },
    });
    expect(e[0].reason).toBe("情况复杂");
  });

  it("is refused after the clock ran out", async () => {
    const id = await open({}, "2021-01-04");
    await step(id, "accept", "2021-01-04");
    const ran = due("2021-01-04", 20, "working_day");
    const r = await op(
      id,
      "extend",
      {
        clock: "decision",
        period: "5wd",
        reason: "逾期补批",
        notice: { on: "2021-03-10", text: "x" },
        onDate: "2021-03-10",
      },
      leader,
    );
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error.message).toContain(`期限已于 ${ran} 届满`);
    expect((await get(id)).timeline.some((x: { kind: string }) => x.kind === "extend")).toBe(false);
  });
});

describe("suspension", () => {
  it("stops only named suspendable clocks; a clock that may not be suspended is refused", async () => {
    const id = await open();
    await step(id, "accept", "2021-03-02");
    await step(id, "notify", "2021-03-03");
    const bad = await op(id, "suspend", { clocks: ["decision", "hearing"], reason: "鉴定" });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(["clocks.1"]);
    const ok = await op(id, "suspend", {
      clocks: ["decision"],
      reason: "鉴定",
      onDate: "2021-03-05",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = await get(id);
    expect(clock(d, "decision")?.state).toBe("suspended");
    expect(clock(d, "apply")?.state).toBe("running");
    expect(clock(d, "hearing")?.state).toBe("running");
    expect(d.suspended.clocks).toEqual(["decision"]);
  });

  it("never changes a clock that had already stopped", async () => {
    const id = await open({ agreementEffectiveOn: "2021-03-01" });
    await step(id, "accept", "2021-03-02");
    await step(id, "perform", "2021-03-04");
    const before = clock(await get(id), "perform");
    expect(before?.state).toBe("stopped");
    const named = await op(id, "suspend", {
      clocks: ["perform"],
      reason: "x",
      onDate: "2021-03-05",
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.fields[0].message).toBe("未开始或已停止");
    const whole = await op(id, "suspend", { reason: "中止", onDate: "2021-03-05" });
    expect(whole.statusCode, whole.body).toBe(200);
    const d = await get(id);
    expect(clock(d, "perform")).toEqual(before);
    expect(d.suspended.clocks.sort()).toEqual(["apply", "decision"]);
  });

  it("refuses steps while suspended unless declared allowed then", async () => {
    const id = await open();
    await step(id, "accept", "2021-03-02");
    expect((await op(id, "suspend", { reason: "中止", onDate: "2021-03-05" })).statusCode).toBe(
      200,
    );
    const d = await get(id);
    expect(d.actions.map((a: { action: string }) => a.action).sort()).toEqual(["decide", "note"]);
    const refused = await step(id, "reject", "2021-03-06");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("中止");
    expect((await get(id)).case.version).toBe(d.case.version);
    expect((await step(id, "note", "2021-03-06")).statusCode).toBe(200);
    expect((await op(id, "resume", { onDate: "2021-03-08" })).statusCode).toBe(200);
    expect((await step(id, "reject", "2021-03-09")).statusCode).toBe(200);
  });

  it("FAULT: a whole-case suspension (the form's default) and then a decision leave the case, the warning list and data quality working", async () => {
    const id = await open({}, "2021-02-01");
    await step(id, "accept", "2021-02-01");
    expect((await op(id, "suspend", { reason: "中止", onDate: "2021-02-20" })).statusCode).toBe(
      200,
    );
    const decided = await step(id, "decide", "2021-03-01");
    expect(decided.statusCode, decided.body).toBe(200);
    const d = await get(id);
    // The payment clock started after the suspension began: it is not suspended.
    expect(clock(d, "payment")).toMatchObject({
      state: "running",
      startedOn: "2021-03-01",
      due: due("2021-03-01", 15, "calendar_day"),
    });
    // The decision clock stopped while suspended: stopped, with the suspension ending then.
    expect(clock(d, "decision")?.state).toBe("stopped");
    expect(d.clockProblems).toEqual([]);
    for (const s of [handler, office, city]) {
      const w = await t.call(s, { method: "GET", url: "/api/warnings" });
      expect(w.statusCode, w.body).toBe(200);
      expect(w.json().items.some((x: { caseId: number }) => x.caseId === id)).toBe(true);
    }
    const q = await t.call(office, { method: "GET", url: "/api/data-quality" });
    expect(q.statusCode).toBe(200);
    expect(q.json()).toEqual([]);
  });
});

describe("odd data never breaks a list", () => {
  it("a case whose clocks cannot be computed is skipped, shown on its page, and named in data quality", async () => {
    const good = await open({}, "2021-03-01");
    await step(good, "accept", "2021-03-01");
    const odd = await open({ subject: "数据异常" }, "2021-03-01");
    await step(odd, "accept", "2021-03-01");
    await t.db.owner
      .insertInto("case_extension")
      .values({
        region_code: "500156",
        case_id: odd,
        clock: "decision",
        clock_id: null,
        period: "garbage",
        basis: "x",
        approved_by: "x",
        on_date: "2021-03-02",
        approved_by_user_id: null,
        reason: null,
        notice_on: null,
        notice_text: null,
      })
      .execute();
    await at("2021-03-29T02:00:00Z");
    try {
      const w = await t.call(office, { method: "GET", url: "/api/warnings" });
      expect(w.statusCode, w.body).toBe(200);
      const ids = w.json().items.map((x: { caseId: number }) => x.caseId);
      expect(ids).toContain(good);
      expect(ids).not.toContain(odd);
      const d = await get(odd);
      expect(d.clockProblems).toEqual([
        { clock: "decision", message: expect.stringContaining("garbage") },
      ]);
      const q = await t.call(office, { method: "GET", url: "/api/data-quality" });
      expect(q.json()).toEqual([
        expect.objectContaining({ caseId: odd, clock: "decision", title: "数据异常" }),
      ]);
      // Only the rule-of-law office reads the data-quality list.
      expect((await t.call(handler, { method: "GET", url: "/api/data-quality" })).statusCode).toBe(
        403,
      );
    } finally {
      await t.db.owner.deleteFrom("case_extension").where("case_id", "=", odd).execute();
      await at("2021-03-20T02:00:00Z");
    }
  });
});

describe("periods in hours", () => {
  it("a 24-hour clock started now ends 24 hours later and is overdue from that moment", async () => {
    const id = await open();
    await step(id, "accept", "2021-03-02");
    expect((await step(id, "report", "2021-03-20")).statusCode).toBe(200);
    const k = clock(await get(id), "report");
    expect(k).toMatchObject({
      period: "24h",
      dueAt: "2021-03-21T02:00:00.000Z",
      due: "2021-03-21",
      warning: "due_soon",
    });
    await at("2021-03-21T03:00:00Z");
    try {
      expect(clock(await get(id), "report")?.warning).toBe("overdue");
    } finally {
      await at("2021-03-20T02:00:00Z");
    }
  });
});

describe("dates and inputs (issue 8)", () => {
  it("refuses a step dated before the case was opened or before 2000-01-01", async () => {
    const id = await open({}, "2021-03-01");
    for (const onDate of ["2021-02-28", "1900-01-01"]) {
      const r = await step(id, "accept", onDate);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error.fields[0].field).toBe("onDate");
    }
    const old = await t.call(handler, {
      method: "POST",
      url: P,
      payload: { fields: { subject: "x" }, onDate: "1999-12-31" },
    });
    expect(old.statusCode).toBe(422);
    expect(old.json().error.fields[0].field).toBe("onDate");
  });

  it("refuses a handler who is not a user of the case's region", async () => {
    const elsewhere = await t.db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", "elsewhere")
      .executeTakeFirstOrThrow();
    for (const handlerUserId of [999999, elsewhere.id]) {
      const r = await t.call(handler, {
        method: "POST",
        url: P,
        payload: { fields: { subject: "x" }, onDate: "2021-03-01", handlerUserId },
      });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error.fields[0].field).toBe("handlerUserId");
    }
  });

  it("list date filters must be dates, naming the field", async () => {
    for (const bad of ["garbage", "2020-02-30"]) {
      for (const name of ["openedFrom", "openedTo"]) {
        const r = await t.call(handler, { method: "GET", url: `${P}?${name}=${bad}` });
        expect(r.statusCode, r.body).toBe(422);
        expect(r.json().error.fields[0].field).toBe(`query.${name}`);
      }
    }
    const ok = await t.call(handler, { method: "GET", url: `${P}?openedFrom=2021-03-01` });
    expect(ok.statusCode).toBe(200);
  });
});
