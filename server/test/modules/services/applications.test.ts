import { describe, expect, it } from "vitest";
import {
  addPeriod,
  bundledNotices,
  LegalCalendar,
  type LocalDate,
} from "../../../src/kernel/time/index.ts";
import {
  BLACK,
  CLEAN,
  detail,
  due,
  ITEM,
  ok,
  op,
  open,
  refused,
  s,
  step,
  t,
  u,
  useServicesApp,
  type Who,
} from "./support.ts";

/**
 * Applications over HTTP (行政许可法 第三十二条、第四十二条、第四十五条、第八十二条): the
 * completion notice within five working days and deemed acceptance after them; the
 * decision clock from acceptance in working days across the 2020 National Day holiday and
 * its make-up working days (Sunday 09-27, Saturday 10-10); a suspension for expert review
 * that moves the deadline by exactly the working days it lasted; one extension of at most
 * ten working days by the head; the decision with its reasons; the credit check; and the
 * catalogue's rule that a promised limit never exceeds the legal one. Each refusal
 * writes nothing.
 */
useServicesApp();

const A = "service_application";
const cal = new LegalCalendar(bundledNotices());
const wd = (from: string, n: number) =>
  addPeriod(cal, from as LocalDate, { n, unit: "working_day" }).due;
const applicant = (uscc = CLEAN) => ({
  kind: "legal_person",
  name: "重庆市武隆区山泉餐饮有限公司",
  uscc,
});
const fields = (uscc = CLEAN) => ({
  itemCode: ITEM.code,
  applicant: applicant(uscc),
  channel: "window",
});

async function entries() {
  const r = await t.db.owner
    .selectFrom("register_entry")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("register", "=", "service_item")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe("the catalogue", () => {
  it("refuses a promised limit above the legal one, naming the field; nothing is written", async () => {
    const before = await entries();
    for (const method of ["POST"] as const) {
      const res = await t.call(s.handler, {
        method,
        url: "/api/registers/service_item/entries",
        payload: { data: { ...ITEM, code: "XK-TEST-2", promisedDays: 21 } },
        headers: { "accept-language": "en" },
      });
      expect(res.statusCode, res.body).toBe(422);
      const f = res.json().error.fields as { field: string; message: string }[];
      expect(f.map((x) => x.field)).toEqual(["promisedDays"]);
      expect(f[0]!.message).toMatch(/may not exceed the legal limit \(20\)/);
    }
    // Editing an existing item the same way is refused too.
    const list = await t.call(s.handler, {
      method: "GET",
      url: "/api/registers/service_item/entries",
    });
    const entry = list.json().items[0];
    const put = await t.call(s.handler, {
      method: "PUT",
      url: `/api/registers/service_item/entries/${entry.id}`,
      payload: { version: entry.version, data: { ...ITEM, promisedDays: 30 } },
    });
    expect(put.statusCode, put.body).toBe(422);
    expect(await entries()).toBe(before);
    // Equal is allowed (the law's limit published as the promise).
    const eq = await t.call(s.handler, {
      method: "POST",
      url: "/api/registers/service_item/entries",
      payload: { data: { ...ITEM, code: "XK-TEST-3", promisedDays: 20 } },
    });
    expect(eq.statusCode, eq.body).toBe(201);
  });
});

describe("an application from intake to delivery", () => {
  it("notice, acceptance, expert review, extension, decision: the deadline moves by the working-day rules", async () => {
    // Received Thursday 2020-09-24; the notice on Friday; complete and accepted Monday 09-28.
    const c = await open(s.handler, A, fields(), "2020-09-24");
    await ok(
      await step(
        s.handler,
        A,
        c.id,
        "notify_completion",
        { completionItems: "补充经营场所平面图" },
        "2020-09-25",
      ),
    );
    let d = await ok(await step(s.handler, A, c.id, "accept", {}, "2020-09-28"));
    expect(d.state).toBe("accepted");
    d = await detail(s.handler, A, c.id);
    expect(d.case.fields).toMatchObject({
      itemName: "食品经营许可",
      legalDays: 20,
      promisedDays: 5,
      acceptedFrom: "2020-09-28",
      deemedAccepted: false,
      credit: { checked: true, blackListed: false },
    });
    expect(d.case.numbers.acceptance).toBe("武隆政务受〔2020〕1号");
    // 20 working days after 09-28: 09-29, 09-30, (10-01…10-08 holiday), 10-09, Saturday
    // 10-10 (make-up), 10-12…10-16, 10-19…10-23, 10-26…10-30, 11-02.
    expect(due(d, "legal")).toBe("2020-11-02");
    expect(wd("2020-09-28", 20)).toBe("2020-11-02");
    // The promised 5: 09-29, 09-30, 10-09, 10-10, 10-12.
    expect(due(d, "promised")).toBe("2020-10-12");

    // Expert review 10-12 … 10-19 (第四十五条): the 5 working days 10-13…10-16, 10-19 are not counted.
    const sus = await op(s.handler, A, c.id, "suspend", {
      reason: "专家评审",
      onDate: "2020-10-12",
    });
    expect(sus.statusCode, sus.body).toBe(200);
    // No decision while suspended.
    await refused(
      s.handler,
      A,
      c.id,
      () =>
        step(s.handler, A, c.id, "review", { reviewOpinion: "x", reviewers: ["甲"] }, "2020-10-13"),
      409,
      /suspended/,
    );
    // The written notice of the time needed is allowed while suspended.
    await ok(
      await step(
        s.handler,
        A,
        c.id,
        "notify_excluded_time",
        { procedure: "expert_review", expectedDays: 7, notice: "专家评审约需7日" },
        "2020-10-12",
      ),
    );
    const res = await op(s.handler, A, c.id, "resume", { onDate: "2020-10-19" });
    expect(res.statusCode, res.body).toBe(200);
    d = await detail(s.handler, A, c.id);
    expect(due(d, "legal")).toBe("2020-11-09");
    expect(due(d, "legal")).toBe(wd("2020-11-02", 5));

    // Extension: the handler may not approve; more than 10 working days, refused; the head's 10, granted.
    const ext = (who: Who, period: string) =>
      op(s[who]!, A, c.id, "extend", {
        clock: "legal",
        period,
        reason: "情况复杂",
        notice: { on: "2020-10-26", text: "延长办理期限告知书" },
        onDate: "2020-10-26",
      });
    const before = await detail(s.handler, A, c.id);
    expect((await ext("handler", "10wd")).statusCode).toBe(403);
    const tooLong = await ext("leader", "11wd");
    expect(tooLong.statusCode, tooLong.body).toBe(422);
    expect((await detail(s.handler, A, c.id)).case.version).toBe(before.case.version);
    const granted = await ext("leader", "10wd");
    expect(granted.statusCode, granted.body).toBe(200);
    d = await detail(s.handler, A, c.id);
    expect(d.case.version).toBe(before.case.version + 1);
    expect(due(d, "legal")).toBe("2020-11-23");
    expect(due(d, "legal")).toBe(wd("2020-11-09", 10));
    // Only once (第四十二条: 可以延长十日).
    const again = await ext("leader", "5wd");
    expect(again.statusCode, again.body).toBeGreaterThanOrEqual(400);
    expect((await detail(s.handler, A, c.id)).case.version).toBe(d.case.version);

    // A decision needs a review first; a refusal needs its reasons (第三十八条第二款).
    await refused(
      s.handler,
      A,
      c.id,
      () => step(s.handler, A, c.id, "decide", { outcome: "granted" }, "2020-10-27"),
      409,
      /state|cannot/i,
    );
    // On-site verification by one person only is refused (第三十四条第三款).
    await refused(
      s.handler,
      A,
      c.id,
      () =>
        step(
          s.handler,
          A,
          c.id,
          "review",
          { reviewOpinion: "符合", onSiteVerification: true, reviewers: ["周某"] },
          "2020-10-28",
        ),
      422,
      /input.reviewers/,
      "input.reviewers",
    );
    await ok(
      await step(
        s.handler,
        A,
        c.id,
        "review",
        { reviewOpinion: "符合法定条件", onSiteVerification: true, reviewers: ["周某", "吴某"] },
        "2020-10-28",
      ),
    );
    await refused(
      s.handler,
      A,
      c.id,
      () => step(s.handler, A, c.id, "decide", { outcome: "refused" }, "2020-11-03"),
      422,
      /input.reasons/,
      "input.reasons",
    );
    await ok(await step(s.handler, A, c.id, "decide", { outcome: "granted" }, "2020-11-03"));
    d = await detail(s.handler, A, c.id);
    // Days used: (09-28, 11-03] is 21 working days, less the 5 suspended.
    expect(d.case.fields).toMatchObject({
      outcome: "granted",
      workingDaysUsed: 16,
      extensionDays: 10,
      onTime: true,
      withinPromise: false,
    });
    expect(d.case.numbers.decision).toBe("武隆政务决〔2020〕1号");
    // 第四十四条: the licence within 10 working days of the decision.
    expect(due(d, "delivery")).toBe(wd("2020-11-03", 10));
    await ok(await step(s.handler, A, c.id, "deliver", { method: "window" }, "2020-11-05"));
    await ok(await step(s.handler, A, c.id, "rate", { rating: "satisfied" }, "2020-11-06"));
    await refused(
      s.handler,
      A,
      c.id,
      () => step(s.handler, A, c.id, "rate", { rating: "unsatisfied" }, "2020-11-06"),
      409,
      /rated/,
    );
    d = await detail(s.handler, A, c.id);
    expect(d.case.state).toBe("delivered");
  });
});

describe("deemed acceptance (第三十二条)", () => {
  it("the notice may come on the fifth working day (a make-up Sunday counts), not on the sixth", async () => {
    const early = await open(s.handler, A, fields(), "2020-09-24");
    // (09-24, 09-30]: 09-25, Sunday 09-27 (make-up), 09-28, 09-29, 09-30 = 5.
    await ok(
      await step(
        s.handler,
        A,
        early.id,
        "notify_completion",
        { completionItems: "补充材料" },
        "2020-09-30",
      ),
    );
    const late = await open(s.handler, A, fields(), "2020-09-24");
    // 10-09 is the sixth working day: the application is accepted by law; no notice any more.
    await refused(
      s.handler,
      A,
      late.id,
      () =>
        step(
          s.handler,
          A,
          late.id,
          "notify_completion",
          { completionItems: "补充材料" },
          "2020-10-09",
        ),
      409,
      /counts as accepted/,
    );
    // Accepted late: the time limits run from the day the materials were received.
    await ok(await step(s.handler, A, late.id, "accept", {}, "2020-10-09"));
    const d = await detail(s.handler, A, late.id);
    expect(d.case.fields).toMatchObject({ acceptedFrom: "2020-09-24", deemedAccepted: true });
    expect(due(d, "legal")).toBe(wd("2020-09-24", 20));
    expect(due(d, "legal")).toBe("2020-10-28");
  });
});

describe("intake checks", () => {
  it("an unknown item or another unit's item cannot be accepted", async () => {
    const c = await open(s.handler, A, { ...fields(), itemCode: "NOPE-1" }, "2020-09-24");
    await refused(
      s.handler,
      A,
      c.id,
      () => step(s.handler, A, c.id, "accept", {}, "2020-09-24"),
      409,
      /no item/,
    );
    const other = await open(s.health, A, fields(), "2020-09-24");
    await refused(
      s.health,
      A,
      other.id,
      () => step(s.health, A, other.id, "accept", {}, "2020-09-24"),
      409,
      /does not implement/,
    );
  });

  it("a black-listed applicant is flagged on acceptance; refused only where the setting says so", async () => {
    const a = await open(s.handler, A, fields(BLACK), "2020-09-24");
    await ok(await step(s.handler, A, a.id, "accept", {}, "2020-09-24"));
    expect((await detail(s.handler, A, a.id)).case.fields.credit).toMatchObject({
      checked: true,
      blackListed: true,
      records: 3,
    });
    await t.db.owner
      .insertInto("setting")
      .values({
        region_code: "500156",
        code: "services.refuse_black_listed_applicants",
        value: JSON.stringify(true),
        effective_from: "2020-01-01",
        basis: "测试",
        updated_by: null,
        updated_at: new Date(),
      } as never)
      .execute();
    const b = await open(s.handler, A, fields(BLACK), "2020-09-24");
    await refused(
      s.handler,
      A,
      b.id,
      () => step(s.handler, A, b.id, "accept", {}, "2020-09-24"),
      409,
      /black-listed/,
    );
    const ok2 = await open(s.handler, A, fields(CLEAN), "2020-09-24");
    await ok(await step(s.handler, A, ok2.id, "accept", {}, "2020-09-24"));
  });
});

describe("joint matters: one intake, units in parallel (sub-cases)", () => {
  const J = "service_joint";
  const sub = async (id: number, unit: string, task: string, onDate: string) => {
    const res = await t.call(s.window, {
      method: "POST",
      url: `/api/cases/${J}/${id}/sub-cases`,
      payload: { unitId: u[unit], fields: { task }, onDate },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };
  const person = { kind: "natural_person", name: "冉小红" };

  it("real-estate registration: the 30-working-day clock stops when the last unit is done; the days used are recorded", async () => {
    const c = await open(
      s.window,
      J,
      {
        kind: "real_estate",
        matter: "存量房转移登记",
        applicant: person,
        channel: "window",
        units: ["ghzrzyj", "zfcxjw", "scjgj"],
      },
      "2020-09-28",
    );
    await ok(await step(s.window, J, c.id, "accept", {}, "2020-09-28"));
    let d = await detail(s.window, J, c.id);
    expect(d.case.fields.legalDays).toBe(30);
    expect(due(d, "registration")).toBe(wd("2020-09-28", 30));
    expect(due(d, "joint")).toBeUndefined();
    const a = await sub(c.id, "scjgj", "交易备案", "2020-09-28");
    const b = await sub(c.id, "wsjkw", "缴税", "2020-09-28");
    // Not before every unit is done: neither the conclusion nor "every unit done" by hand.
    await refused(
      s.window,
      J,
      c.id,
      () => step(s.window, J, c.id, "conclude", {}, "2020-09-29"),
      409,
      /state|cannot/i,
    );
    await refused(
      s.window,
      J,
      c.id,
      () => step(s.window, J, c.id, "all_done", {}, "2020-09-29"),
      409,
      /not every unit/,
    );
    await ok(
      await step(
        s.handler,
        "service_joint_part",
        a.id,
        "finish",
        { outcome: "done" },
        "2020-09-29",
      ),
    );
    expect((await detail(s.window, J, c.id)).case.state).toBe("processing");
    await ok(
      await step(s.health, "service_joint_part", b.id, "finish", { outcome: "done" }, "2020-10-09"),
    );
    d = await detail(s.window, J, c.id);
    expect(d.case.state).toBe("parts_done");
    await ok(await step(s.window, J, c.id, "conclude", {}, "2020-10-12"));
    d = await detail(s.window, J, c.id);
    // (09-28, 10-09]: 09-29, 09-30, 10-09 = 3 working days (the National Day holiday not counted).
    expect(d.case.fields).toMatchObject({ workingDaysUsed: 3, onTime: true, extensionDays: 0 });
    expect(d.case.state).toBe("concluded");
  });

  it("joint licensing: 45 working days, extended once by at most 15 with the head's approval", async () => {
    const c = await open(
      s.window,
      J,
      {
        kind: "licensing",
        matter: "开办民宿联合办理",
        applicant: person,
        channel: "window",
        units: ["scjgj", "wsjkw"],
      },
      "2020-09-28",
    );
    await ok(await step(s.window, J, c.id, "accept", {}, "2020-09-28"));
    const d = await detail(s.window, J, c.id);
    expect(due(d, "joint")).toBe(wd("2020-09-28", 45));
    const ext = (who: Who, period: string) =>
      op(s[who]!, J, c.id, "extend", {
        clock: "joint",
        period,
        reason: "需多部门现场联合踏勘",
        notice: { on: "2020-10-20", text: "延长办理期限告知书" },
        onDate: "2020-10-20",
      });
    expect((await ext("window", "15wd")).statusCode).toBe(403);
    expect((await ext("zwbLeader", "16wd")).statusCode).toBe(422);
    expect((await detail(s.window, J, c.id)).case.version).toBe(d.case.version);
    expect((await ext("zwbLeader", "15wd")).statusCode).toBe(200);
    expect(due(await detail(s.window, J, c.id), "joint")).toBe(wd(wd("2020-09-28", 45), 15));
  });
});

describe("the case type as the web reads it", () => {
  it("lists the fields steps compute, so that the intake form never asks them", async () => {
    const res = await t.call(s.handler, { method: "GET", url: "/api/case-types" });
    const types = res.json() as { code: string; stepFields?: string[] }[];
    const app = types.find((x) => x.code === A)!;
    expect(app.stepFields).toEqual(
      expect.arrayContaining(["legalDays", "acceptedFrom", "workingDaysUsed", "onTime"]),
    );
    // And a step-computed field given at opening is refused.
    const res2 = await t.call(s.handler, {
      method: "POST",
      url: `/api/cases/${A}`,
      payload: { fields: { ...fields(), workingDaysUsed: 0 }, onDate: "2020-09-24" },
    });
    expect(res2.statusCode, res2.body).toBe(422);
  });
});

describe("the figures of concluded matters", () => {
  it("time reduction and on-time rate come out of the recorded conclusions, set-based", async () => {
    const res = await t.call(s.office, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2020",
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = Object.fromEntries(
      (res.json().values as { id: string; value: number | null }[]).map((x) => [x.id, x.value]),
    );
    // Concluded in 2020: the application above (16 of 20 working days: 20%) and the
    // real-estate matter (3 of 30: 90%) — the mean is 55%; both within the legal limit.
    expect(v).toMatchObject({
      applications_concluded: 2,
      applications_on_time: 2,
      applications_on_time_rate: 100,
      time_reduction_rate: 55,
      joint_applications: 2,
      licensing_items: 2,
      one_trip_items: 2,
    });
    const drill = await t.call(s.office, {
      method: "GET",
      url: "/api/indicators/time_reduction_rate/drill?region=500156&year=2020",
    });
    expect(drill.statusCode, drill.body).toBe(200);
    const rows = drill.json().rows as {
      type: string;
      value: number;
      extra: Record<string, unknown>;
    }[];
    expect(
      rows
        .map((r) => [r.type, Math.round(r.value), r.extra.workingDaysUsed, r.extra.legalDays])
        .sort(),
    ).toEqual([
      ["service_application", 20, 16, 20],
      ["service_joint", 90, 3, 30],
    ]);
  });
});
