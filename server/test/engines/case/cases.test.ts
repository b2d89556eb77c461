import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPeriod, bundledNotices, LegalCalendar } from "../../../src/kernel/time/index.ts";
import { examplesModule } from "../../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * The case engine over HTTP, proven on the worked example case types
 * (src/modules/examples): numbering, timeline, clocks and warnings, optimistic locking,
 * guards, lead times, sensitive steps, suspension and extension, links, participation,
 * sub-cases, isolation between units, encryption of ID numbers at rest.
 */
let t: TestApp;
const u: Record<string, number> = {};
let handler: Session;
let reviewer: Session;
let leader: Session;
let other: Session;
let supporter: Session;
let office: Session;
const cal = new LegalCalendar(bundledNotices());

const applicant = { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" };

async function open(s: Session, fields: Record<string, unknown> = {}, onDate = "2020-09-30") {
  const res = await t.call(s, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: { fields: { applicant, item: "食品经营许可", category: "market", ...fields }, onDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

async function act(
  s: Session,
  id: number,
  action: string,
  body: Record<string, unknown>,
  type = "example_permit",
) {
  return t.call(s, {
    method: "POST",
    url: `/api/cases/${type}/${id}/actions/${action}`,
    payload: body,
  });
}

async function detail(s: Session, id: number, type = "example_permit") {
  const res = await t.call(s, { method: "GET", url: `/api/cases/${type}/${id}` });
  return { status: res.statusCode, body: res.json() };
}

beforeAll(async () => {
  t = await testApp([examplesModule]);
  u.market = await t.unit("500156", "scjgj");
  u.other = await t.unit("500156", "jtj");
  u.support = await t.unit("500156", "gaj");
  u.office = await t.unit("500156", "sfj");
  await t.user("handler", u.market, ["case_handler"]);
  await t.user("reviewer", u.market, ["legal_reviewer"]);
  await t.user("leader", u.market, ["unit_leader"]);
  await t.user("other", u.other, ["case_handler"]);
  await t.user("supporter", u.support, ["case_handler"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  handler = await t.login("handler");
  reviewer = await t.login("reviewer");
  leader = await t.login("leader");
  other = await t.login("other");
  supporter = await t.login("supporter");
  office = await t.login("office");
});
afterAll(async () => t.close());

describe("a case from intake to decision", () => {
  it("opens, accepts with a number, runs its clock, decides with a second number, shows the timeline", async () => {
    const c = await open(handler);
    expect(c.state).toBe("received");
    const a = await act(handler, c.id, "accept", { version: 1, onDate: "2020-09-30" });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().fields.applicant.phone).toBe(applicant.phone); // the step's answer shows the case as GET does
    expect(a.json().numbers.acceptance).toMatch(/^武隆许受〔2020〕\d+号$/);
    const d1 = await detail(handler, c.id);
    const clock = d1.body.deadlines.find((k: { clock: string }) => k.clock === "decision");
    // 20 working days from 2020-09-30 across the National Day holiday (10-01..10-08 off, 10-10 a make-up day)
    expect(clock.due).toBe(
      addPeriod(cal, "2020-09-30" as never, { n: 20, unit: "working_day" }).due,
    );
    expect(clock.due).toBe("2020-11-04");
    expect(clock.legalBasis).toMatch(/行政许可法/);
    expect(d1.body.actions.map((x: { action: string }) => x.action)).toContain("decide");

    const r = await act(reviewer, c.id, "review", {
      version: 2,
      input: { reviewPassed: true },
      onDate: "2020-10-12",
    });
    expect(r.statusCode, r.body).toBe(200);
    const dec = await act(handler, c.id, "decide", {
      version: 3,
      input: { decisionSummary: "准予许可" },
      onDate: "2020-10-15",
    });
    expect(dec.statusCode, dec.body).toBe(200);
    expect(dec.json().numbers.decision).toMatch(/^武隆市监许〔2020〕1号$/);
    const d2 = await detail(handler, c.id);
    expect(d2.body.case.state).toBe("decided");
    expect(d2.body.case.closedOn).toBe("2020-10-15");
    expect(d2.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      "create",
      "accept",
      "review",
      "decide",
    ]);
    expect(d2.body.deadlines[0].state).toBe("stopped");
    expect(d2.body.actions.map((x: { action: string }) => x.action)).toEqual([]); // handler cannot revoke

    const doc = await t.call(handler, {
      method: "GET",
      url: `/api/cases/example_permit/${c.id}/documents/decision`,
    });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers["content-type"]).toMatch(/wordprocessingml/);
    const { readZipEntry } = await import("../../../src/platform/files/zip.ts");
    const xml = readZipEntry(doc.rawPayload, "word/document.xml")!.toString("utf8");
    expect(xml).toContain("武隆市监许〔2020〕1号");
    expect(xml).toContain("准予行政许可决定书");
    expect(xml).toContain("王小明");
  });

  it("a document exists only in its declared states", async () => {
    const c = await open(handler);
    const r = await t.call(handler, {
      method: "GET",
      url: `/api/cases/example_permit/${c.id}/documents/decision`,
    });
    expect(r.statusCode).toBe(409);
    expect(
      (
        await t.call(handler, {
          method: "GET",
          url: `/api/cases/example_permit/${c.id}/documents/nope`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("separate issuers keep separate, gapless sequences; concurrent steps never duplicate a number", async () => {
    const cases = await Promise.all(Array.from({ length: 8 }, () => open(handler)));
    const results = await Promise.all(
      cases.map((c) => act(handler, c.id, "accept", { version: 1 })),
    );
    const nums = results.map((r) => r.json().numbers.acceptance as string);
    expect(new Set(nums).size).toBe(8);
    const seqs = (
      await t.db.owner
        .selectFrom("number_sequence")
        .selectAll()
        .where("kind", "=", "acceptance")
        .execute()
    )[0]!;
    const all = (
      await t.db.owner
        .selectFrom("case_file")
        .select("numbers")
        .where("case_type", "=", "example_permit")
        .execute()
    )
      .map((r) => (r.numbers as { acceptance?: string }).acceptance)
      .filter(Boolean)
      .map((n) => Number(n!.match(/〕(\d+)号/)![1]))
      .sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: seqs.last }, (_, i) => i + 1));
    const general = await open(handler, { category: "general" });
    await act(handler, general.id, "accept", { version: 1 });
    await act(reviewer, general.id, "review", { version: 2, input: { reviewPassed: true } });
    const g = await act(handler, general.id, "decide", {
      version: 3,
      input: { decisionSummary: "准予" },
    });
    expect(g.json().numbers.decision).toBe("武隆府许〔2020〕1号");
  });

  it("a numbered step that fails at commit, after its number was taken, leaves no gap", async () => {
    const [a, b] = [await open(handler), await open(handler)];
    const last = async () =>
      (
        await t.db.owner
          .selectFrom("number_sequence")
          .select("last")
          .where("kind", "=", "acceptance")
          .executeTakeFirst()
      )?.last ?? 0;
    const before = await last();
    // A check at commit refuses case a's timeline: the step rolls back after numbering.
    await sql`create function plans_refuse() returns trigger language plpgsql as $$
        begin raise exception 'refused at commit'; end $$`.execute(t.db.owner);
    await sql
      .raw(`create constraint trigger plans_refuse after insert on case_event
        deferrable initially deferred for each row when (new.case_id = ${a.id})
        execute function plans_refuse()`)
      .execute(t.db.owner);
    try {
      const r = await act(handler, a.id, "accept", { version: 1 });
      expect(r.statusCode).toBe(500);
    } finally {
      await sql`drop trigger plans_refuse on case_event`.execute(t.db.owner);
      await sql`drop function plans_refuse()`.execute(t.db.owner);
    }
    expect(await last()).toBe(before);
    const ok = await act(handler, b.id, "accept", { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(Number(ok.json().numbers.acceptance.match(/〕(\d+)号/)[1])).toBe(before + 1);
    expect(await last()).toBe(before + 1);
  });

  it("two concurrent transitions: exactly one succeeds, the other gets 409", async () => {
    const c = await open(handler);
    const [x, y] = await Promise.all([
      act(handler, c.id, "accept", { version: 1 }),
      act(handler, c.id, "reject", { version: 1, reason: "材料不全" }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const stale = await act(handler, c.id, "accept", { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
  });
});

describe("case types", () => {
  it("describe themselves for generic pages: states, steps, number and link labels", async () => {
    const types = (await t.call(handler, { method: "GET", url: "/api/case-types" })).json() as {
      code: string;
      numbers: { kind: string; label: { zh: string } }[];
      linkLabels: Record<string, { zh: string }>;
      fields: { properties: Record<string, { label?: { zh: string } }> };
    }[];
    const permit = types.find((x) => x.code === "example_permit")!;
    expect(permit.numbers.map((n) => n.label.zh)).toEqual(["受理号", "决定书文号"]);
    expect(permit.linkLabels.reviews?.zh).toBe("复查");
    expect(permit.fields.properties.item?.label?.zh).toBe("许可事项");
  });
});

describe("refusals write nothing", () => {
  async function snapshot(id: number) {
    const row = await t.db.owner
      .selectFrom("case_file")
      .select(["version", "state"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const events = await t.db.owner
      .selectFrom("case_event")
      .select("seq")
      .where("case_id", "=", id)
      .execute();
    const audit = await t.db.owner
      .selectFrom("audit_event")
      .select("seq")
      .where("chain_key", "=", `case:${id}`)
      .execute();
    return { ...row, events: events.length, audit: audit.length };
  }

  it("a step from the wrong state is 409 invalid_state", async () => {
    const c = await open(handler);
    const before = await snapshot(c.id);
    const r = await act(handler, c.id, "decide", { version: 1, input: { decisionSummary: "x" } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe("invalid_state");
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("a guard refuses a decision without a passed review, with a clear message", async () => {
    const c = await open(handler);
    await act(handler, c.id, "accept", { version: 1 });
    const before = await snapshot(c.id);
    const r = await act(handler, c.id, "decide", {
      version: 2,
      input: { decisionSummary: "准予" },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/passed review/);
    expect(await snapshot(c.id)).toEqual(before);
    const seq = await t.db.owner
      .selectFrom("number_sequence")
      .select("last")
      .where("prefix", "=", "武隆市监许")
      .executeTakeFirst();
    expect(seq?.last).toBe(1); // the refused step allocated no decision number
  });

  it("a hearing less than 7 working days ahead is refused naming the field", async () => {
    const c = await open(handler, {}, "2020-09-28");
    await act(handler, c.id, "accept", { version: 1, onDate: "2020-09-28" });
    const r = await act(handler, c.id, "schedule_hearing", {
      version: 2,
      input: { hearingDate: "2020-10-09" },
      onDate: "2020-09-29",
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.fields[0].field).toBe("input.hearingDate");
    // 7 working days after 2020-09-29: 09-30, 10-09, 10-10 (make-up), 10-12, 13, 14, 15
    expect(r.json().error.message).toMatch(/2020-10-15/);
    const ok = await act(handler, c.id, "schedule_hearing", {
      version: 2,
      input: { hearingDate: "2020-10-15" },
      onDate: "2020-09-29",
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("a sensitive step needs a reason", async () => {
    const c = await open(handler);
    const r = await act(handler, c.id, "reject", { version: 1 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.fields[0].field).toBe("reason");
    const ok = await act(handler, c.id, "reject", { version: 1, reason: "不属于本机关职权范围" });
    expect(ok.statusCode).toBe(200);
    const ev = await t.db.owner
      .selectFrom("audit_event")
      .selectAll()
      .where("chain_key", "=", `case:${c.id}`)
      .where("action", "=", "case.example_permit.reject")
      .executeTakeFirstOrThrow();
    expect(ev.reason).toBe("不属于本机关职权范围");
  });

  it("bad fields are named all at once", async () => {
    const r = await t.call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: { fields: { applicant: { name: "" }, category: "nope" } },
    });
    expect(r.statusCode).toBe(422);
    const fields = r
      .json()
      .error.fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(["fields.applicant.name", "fields.category", "fields.item"]);
  });

  it("fields that a step sets cannot be given when opening (no skipping the review)", async () => {
    const r = await t.call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: {
        fields: {
          applicant,
          item: "x",
          category: "general",
          reviewPassed: true,
          decisionSummary: "准予",
        },
      },
    });
    expect(r.statusCode).toBe(422);
    expect(
      r
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["fields.decisionSummary", "fields.reviewPassed"]);
  });

  it("a step cannot be dated in the future or before the previous step", async () => {
    const c = await open(handler, {}, "2020-10-01");
    expect(
      (await act(handler, c.id, "accept", { version: 1, onDate: "2021-01-01" })).json().error
        .fields[0].field,
    ).toBe("onDate");
    expect(
      (await act(handler, c.id, "accept", { version: 1, onDate: "2020-09-01" })).statusCode,
    ).toBe(422);
  });
});

describe("clocks: suspension, extension, warnings", () => {
  it("suspension stops the clock; resuming runs the rest on; an extension needs the leader", async () => {
    const c = await open(handler, {}, "2020-09-01");
    await act(handler, c.id, "accept", { version: 1, onDate: "2020-09-01" });
    const due0 = (await detail(handler, c.id)).body.deadlines[0].due;
    expect(due0).toBe("2020-09-28"); // Sunday 2020-09-27 was a make-up working day
    const s = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/suspend`,
      payload: { version: 2, reason: "专家评审", onDate: "2020-09-10" },
    });
    expect(s.statusCode, s.body).toBe(200);
    const during = (await detail(handler, c.id)).body;
    expect(during.deadlines[0].state).toBe("suspended");
    expect(during.suspended.reason).toBe("专家评审");
    expect(during.actions).toEqual([]);
    const r = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/resume`,
      payload: { version: 3, onDate: "2020-09-17" },
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = (await detail(handler, c.id)).body.deadlines[0];
    // 7 working days used (09-02..09-10), 13 left, counted after 09-17
    expect(after.due).toBe(
      addPeriod(cal, "2020-09-17" as never, { n: 13, unit: "working_day" }).due,
    );
    const denied = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/extend`,
      payload: {
        version: 4,
        clock: "decision",
        period: "10wd",
        reason: "情况复杂",
        notice: { on: "2020-09-30", text: "延长许可期限告知书" },
        onDate: "2020-09-30",
      },
    });
    expect(denied.statusCode).toBe(403);
    const tooLong = await t.call(leader, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/extend`,
      payload: {
        version: 4,
        clock: "decision",
        period: "15wd",
        reason: "情况复杂",
        notice: { on: "2020-09-30", text: "延长许可期限告知书" },
        onDate: "2020-09-30",
      },
    });
    expect(tooLong.statusCode).toBe(422);
    const ext = await t.call(leader, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/extend`,
      payload: {
        version: 4,
        clock: "decision",
        period: "10wd",
        reason: "情况复杂",
        notice: { on: "2020-09-30", text: "延长许可期限告知书" },
        onDate: "2020-09-30",
      },
    });
    expect(ext.statusCode, ext.body).toBe(200);
    const extended = (await detail(handler, c.id)).body.deadlines[0];
    expect(extended.due).toBe(addPeriod(cal, after.due, { n: 10, unit: "working_day" }).due);
  });

  it("the warning list shows cases due soon and overdue, across case types, per unit and person", async () => {
    const soon = await open(handler, { item: "即将到期" }, "2020-09-21");
    await act(handler, soon.id, "accept", { version: 1, onDate: "2020-09-21" }); // due 2020-10-23
    const late = await open(handler, { item: "已经超期" }, "2020-08-03");
    await act(handler, late.id, "accept", { version: 1, onDate: "2020-08-03" }); // due 2020-08-28
    const page = (await t.call(handler, { method: "GET", url: "/api/warnings" })).json() as {
      items: { caseId: number; warning: string; due: string }[];
      total: number;
      counts: { overdue: number; dueSoon: number };
      nextCursor: string | null;
    };
    const w = page.items;
    expect(page.total).toBe(w.length);
    expect(page.nextCursor).toBeNull();
    expect(page.counts.overdue + page.counts.dueSoon).toBe(w.length);
    expect(w.find((x) => x.caseId === soon.id)?.warning).toBe("due_soon");
    expect(w.find((x) => x.caseId === late.id)?.warning).toBe("overdue");
    const overdueOnly = (
      await t.call(handler, { method: "GET", url: "/api/warnings?level=overdue&mine=true" })
    ).json().items as { warning: string }[];
    expect(overdueOnly.every((x) => x.warning === "overdue")).toBe(true);
    expect((await t.call(other, { method: "GET", url: "/api/warnings" })).json().items).toEqual([]);
    const officeView = (
      await t.call(office, { method: "GET", url: `/api/warnings?unitId=${u.market}` })
    ).json().items as unknown[];
    expect(officeView.length).toBe(w.length);
  });

  it("the warning list pages on the server: one warning a page walks the whole list in order", async () => {
    for (const [item, on] of [
      ["页一", "2020-08-03"],
      ["页二", "2020-08-10"],
      ["页三", "2020-09-21"],
    ] as const) {
      const c = await open(handler, { item }, on);
      await act(handler, c.id, "accept", { version: 1, onDate: on });
    }
    const all = (await t.call(handler, { method: "GET", url: "/api/warnings" })).json();
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const walked: unknown[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const url: string = `/api/warnings?limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const r = await t.call(handler, { method: "GET", url });
      expect(r.statusCode, r.body).toBe(200);
      const p = r.json();
      expect(p.items.length).toBe(1);
      expect(p.total).toBe(all.total);
      walked.push(...p.items);
      cursor = p.nextCursor;
      if (!cursor) break;
    }
    expect(walked).toEqual(all.items);
    const dues = all.items.map((x: { due: string }) => x.due);
    expect(dues).toEqual([...dues].sort());
    const bad = await t.call(handler, { method: "GET", url: "/api/warnings?cursor=garbage" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe("query.cursor");
    const tooMany = await t.call(handler, { method: "GET", url: "/api/warnings?limit=100000" });
    expect(tooMany.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooMany.statusCode).toBeLessThan(500);
  });
});

describe("isolation, participation, links, sub-cases", () => {
  it("another unit gets 404 through every engine route", async () => {
    const c = await open(handler);
    const base = `/api/cases/example_permit/${c.id}`;
    const calls = [
      { method: "GET" as const, url: base },
      { method: "POST" as const, url: `${base}/actions/accept`, payload: { version: 1 } },
      { method: "POST" as const, url: `${base}/suspend`, payload: { version: 1, reason: "x" } },
      { method: "POST" as const, url: `${base}/resume`, payload: { version: 1 } },
      {
        method: "POST" as const,
        url: `${base}/extend`,
        payload: { version: 1, clock: "decision", period: "1wd", approvedBy: "x", reason: "x" },
      },
      {
        method: "POST" as const,
        url: `${base}/links`,
        payload: { kind: "reviews", toCaseId: c.id },
      },
      {
        method: "POST" as const,
        url: `${base}/participants`,
        payload: { unitId: u.other, role: "supporting" },
      },
    ];
    for (const call of calls) {
      const r = await t.call(other, call);
      expect(r.statusCode, `${call.method} ${call.url}: ${r.body}`).toBe(404);
    }
    const list = (await t.call(other, { method: "GET", url: "/api/cases/example_permit" })).json();
    expect(list.items.find((x: { id: number }) => x.id === c.id)).toBeUndefined();
    expect((await detail(office, c.id)).status).toBe(200); // the rule-of-law office sees its region
  });

  it("a participating unit sees the case and acts on its own part only", async () => {
    const c = await open(handler);
    await act(handler, c.id, "accept", { version: 1 });
    expect((await detail(supporter, c.id)).status).toBe(404);
    const p = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/participants`,
      payload: { unitId: u.support, role: "supporting" },
    });
    expect(p.statusCode, p.body).toBe(200);
    const seen = await detail(supporter, c.id);
    expect(seen.status).toBe(200);
    expect(seen.body.actions.map((x: { action: string }) => x.action)).toEqual(["support_opinion"]);
    expect((await act(supporter, c.id, "reject", { version: 2, reason: "x" })).statusCode).toBe(
      403,
    );
    const ok = await act(supporter, c.id, "support_opinion", {
      version: 2,
      input: { opinion: "同意" },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (await act(handler, c.id, "support_opinion", { version: 3, input: { opinion: "x" } }))
        .statusCode,
    ).toBe(403);
  });

  it("links show on both sides, and a linked case's step starts this case's clock", async () => {
    const permit = await open(handler);
    const review = (
      await t.call(handler, {
        method: "POST",
        url: "/api/cases/example_review",
        payload: { fields: { grounds: "对许可决定不服" }, onDate: "2020-10-09" },
      })
    ).json();
    const l = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_review/${review.id}/links`,
      payload: { kind: "reviews", toCaseId: permit.id },
    });
    expect(l.statusCode, l.body).toBe(200);
    const bad = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_review/${review.id}/links`,
      payload: { kind: "amends", toCaseId: permit.id },
    });
    expect(bad.statusCode).toBe(422);
    expect((await detail(handler, review.id, "example_review")).body.links[0]).toMatchObject({
      direction: "out",
      kind: "reviews",
      caseId: permit.id,
    });
    expect((await detail(handler, permit.id)).body.links[0]).toMatchObject({
      direction: "in",
      kind: "reviews",
      caseId: review.id,
    });
    const acc = await act(
      handler,
      review.id,
      "accept",
      { version: 1, onDate: "2020-10-09" },
      "example_review",
    );
    expect(acc.statusCode, acc.body).toBe(200);
    const pd = (await detail(handler, permit.id)).body;
    const respond = pd.deadlines.find((k: { clock: string }) => k.clock === "respond");
    expect(respond, JSON.stringify(pd.deadlines)).toBeDefined();
    expect(respond.startedOn).toBe("2020-10-09");
    expect(respond.due).toBe("2020-10-22"); // Saturday 10-10 was a make-up working day
    expect(
      (await act(handler, review.id, "decide", { version: 2 }, "example_review")).statusCode,
    ).toBe(200);
    expect(
      (await detail(handler, permit.id)).body.deadlines.find(
        (k: { clock: string }) => k.clock === "respond",
      ).state,
    ).toBe("stopped");
  });

  it("a step on a linked case of another unit starts this case's clock, though that unit cannot see this case", async () => {
    const permit = await open(handler);
    const review = (
      await t.call(other, {
        method: "POST",
        url: "/api/cases/example_review",
        payload: { fields: { grounds: "跨单位复核" }, onDate: "2020-10-09" },
      })
    ).json();
    // `other` cannot see the permit, so the rule-of-law office (region scope) records the link.
    const l = await t.call(office, {
      method: "POST",
      url: `/api/cases/example_review/${review.id}/links`,
      payload: { kind: "reviews", toCaseId: permit.id },
    });
    expect(l.statusCode, l.body).toBe(200);
    expect((await detail(other, permit.id)).status).toBe(404);
    const acc = await act(
      other,
      review.id,
      "accept",
      { version: 1, onDate: "2020-10-09" },
      "example_review",
    );
    expect(acc.statusCode, acc.body).toBe(200);
    const respond = (await detail(handler, permit.id)).body.deadlines.find(
      (k: { clock: string }) => k.clock === "respond",
    );
    expect(respond?.startedOn).toBe("2020-10-09");
  });

  it("the database refuses writes for cases the actor cannot see, even with the engine bypassed", async () => {
    const { withScope } = await import("../../../src/db/scope.ts");
    const { sql } = await import("kysely");
    const c = await open(handler);
    const asOther = (q: string) =>
      withScope(t.db.app, { regions: ["500156"], unitId: u.other, userId: 1 }, (trx) =>
        sql.raw(q).execute(trx),
      );
    await expect(
      asOther(
        `insert into case_event (region_code, case_id, seq, kind, action, on_date, at) values ('500156', ${c.id}, 99, 'x', 'x', '2020-10-01', now())`,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asOther(
        `insert into case_clock (region_code, case_id, clock, started_on) values ('500156', ${c.id}, 'x', '2020-10-01')`,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asOther(
        `insert into case_file (region_code, case_type, unit_id, state, title, opened_on, created_at, updated_at) values ('500156', 'example_permit', ${u.market}, 'received', 'x', '2020-10-01', now(), now())`,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asOther(
        `select fazhi_linked_clock('500156', ${c.id}, '500156', ${c.id}, 'decision', '2020-10-01', true, false)`,
      ),
    ).rejects.toThrow(/not linked/);
  });

  it("sub-cases: several units in parallel; the parent concludes when all have", async () => {
    const parent = (
      await t.call(handler, {
        method: "POST",
        url: "/api/cases/example_joint",
        payload: { fields: { subject: "联合检查" } },
      })
    ).json();
    expect(parent.id).toBeGreaterThan(0);
    const a = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_joint/${parent.id}/sub-cases`,
      payload: { unitId: u.other, fields: { task: "交通部分" } },
    });
    expect(a.statusCode, a.body).toBe(201);
    const b = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_joint/${parent.id}/sub-cases`,
      payload: { unitId: u.support, fields: { task: "治安部分" } },
    });
    const pa = a.json();
    const pb = b.json();
    expect((await detail(other, pa.id, "example_joint_part")).status).toBe(200);
    expect((await detail(other, pb.id, "example_joint_part")).status).toBe(404);
    expect((await detail(other, parent.id, "example_joint")).status).toBe(200);
    expect(
      (await act(other, pa.id, "finish", { version: 1 }, "example_joint_part")).statusCode,
    ).toBe(200);
    expect((await detail(handler, parent.id, "example_joint")).body.case.state).toBe("open");
    expect(
      (await act(supporter, pb.id, "finish", { version: 1 }, "example_joint_part")).statusCode,
    ).toBe(200);
    const done = (await detail(handler, parent.id, "example_joint")).body;
    expect(done.case.state).toBe("concluded");
    expect(done.subCases).toHaveLength(2);
  });
});

describe("personal data", () => {
  it("keeps ID and phone numbers encrypted at rest and shows them to those who may see the case", async () => {
    const c = await open(handler);
    const raw = await t.db.owner
      .selectFrom("case_file")
      .select("fields")
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(raw.fields);
    expect(text).not.toContain(applicant.idNumber);
    expect(text).not.toContain(applicant.phone);
    expect(text).toContain("王小明");
    const auditText = JSON.stringify(
      await t.db.owner
        .selectFrom("audit_event")
        .select(["after"])
        .where("chain_key", "=", `case:${c.id}`)
        .execute(),
    );
    expect(auditText).not.toContain(applicant.idNumber);
    const d = await detail(handler, c.id);
    expect(d.body.case.fields.applicant.idNumber).toBe(applicant.idNumber);
  });
});

describe("attachments and the chain of custody", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const upload = (s: Session, id: number, query: string, body: Buffer, type = "application/pdf") =>
    t.call(s, {
      method: "POST",
      url: `/api/cases/example_permit/${id}/attachments?${query}`,
      payload: body,
      headers: { "content-type": type },
    });

  it("evidence must name its device, officer and capture time", async () => {
    const c = await open(handler);
    const r = await upload(handler, c.id, "name=现场照片.pdf&kind=evidence", pdf);
    expect(r.statusCode).toBe(422);
    expect(
      r
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(["capturedAt", "device", "officer"]);
  });

  it("refuses a file whose bytes are not what its name says", async () => {
    const c = await open(handler);
    const r = await upload(handler, c.id, "name=fake.pdf", Buffer.from("MZ not a pdf"));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.fields[0].field).toBe("file");
  });

  it("stores by SM3, shows custody in the timeline, and re-checks the hash on every read", async () => {
    const c = await open(handler);
    const q = new URLSearchParams({
      name: "执法记录仪视频截图.pdf",
      kind: "evidence",
      device: "DSJ-0042",
      officer: "张三 50156001",
      capturedAt: "2020-10-19T10:30:00+08:00",
    });
    const r = await upload(handler, c.id, q.toString(), pdf);
    expect(r.statusCode, r.body).toBe(201);
    const a = r.json();
    expect(a.sm3).toMatch(/^[0-9a-f]{64}$/);
    const got = await t.call(handler, {
      method: "GET",
      url: `/api/cases/example_permit/${c.id}/attachments/${a.id}`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    const d = (await detail(handler, c.id)).body;
    expect(d.attachments[0]).toMatchObject({ name: "执法记录仪视频截图.pdf", sm3: a.sm3 });
    const custody = d.timeline.filter(
      (e: { kind: string }) => e.kind === "attach" || e.kind === "custody",
    );
    expect(custody.map((e: { action: string }) => e.action)).toEqual(["attach", "download"]);
    expect(custody[0].data).toMatchObject({
      device: "DSJ-0042",
      officer: "张三 50156001",
      sm3: a.sm3,
    });
    expect(
      (
        await t.call(other, {
          method: "GET",
          url: `/api/cases/example_permit/${c.id}/attachments/${a.id}`,
        })
      ).statusCode,
    ).toBe(404);
    // Alter the stored file behind the system's back.
    const { LocalFileStore } = await import("../../../src/platform/files/store.ts");
    const fs = await import("node:fs/promises");
    const path = new LocalFileStore(t.config.fileDir).pathOf(a.sm3);
    await fs.chmod(path, 0o600);
    await fs.writeFile(path, Buffer.from("%PDF-1.4 tampered"));
    const bad = await t.call(handler, {
      method: "GET",
      url: `/api/cases/example_permit/${c.id}/attachments/${a.id}`,
      headers: { "accept-language": "zh-CN" },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.message).toMatch(/已在系统之外被改动/);
  });
});
