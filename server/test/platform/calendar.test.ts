import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * Past the last loaded notice a deadline is provisional; loading the year's notice (an
 * administrator's action, a data file) makes it final and lists the deadlines that moved.
 */
let t: TestApp;
let handler: Session;
let admin: Session;
let districtAdmin: Session;
let caseId: number;

// A made-up 2027 notice for the test (the real one is not published yet): New Year 01-01..01-04,
// Spring Festival 02-05..02-13 with make-up days 02-14 (Sun) and 02-20 (Sat).
const notice2027 = {
  year: 2027,
  document: "测试通知〔2026〕1号",
  verified: false,
  off: [
    "2027-01-01",
    "2027-01-02",
    "2027-01-03",
    "2027-01-04",
    "2027-02-05",
    "2027-02-06",
    "2027-02-07",
    "2027-02-08",
    "2027-02-09",
    "2027-02-10",
    "2027-02-11",
    "2027-02-12",
    "2027-02-13",
  ],
  workdays: ["2027-02-14", "2027-02-20"],
};

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  await t.user("wl.sysadm", unit, ["sys_admin"]);
  // The calendar is national: only the administrator of the top region loads it.
  await t.user("sysadm", await t.unit("500000", "cq.sfj"), ["sys_admin"]);
  t.clock.t = new Date("2026-12-28T02:00:00Z");
  handler = await t.login("handler");
  admin = await t.login("sysadm");
  districtAdmin = await t.login("wl.sysadm");
  const c = (
    await t.call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: {
        fields: { applicant: { name: "甲" }, item: "事项", category: "general" },
        onDate: "2026-12-28",
      },
    })
  ).json();
  caseId = c.id;
  await t.call(handler, {
    method: "POST",
    url: `/api/cases/example_permit/${caseId}/actions/accept`,
    payload: { version: 1, onDate: "2026-12-28" },
  });
});
afterAll(async () => t.close());

describe("provisional deadlines", () => {
  it("are marked provisional past the last loaded notice, naming the year", async () => {
    const d = (
      await t.call(handler, { method: "GET", url: `/api/cases/example_permit/${caseId}` })
    ).json();
    expect(d.deadlines[0].provisional).toBe(true);
    expect(d.deadlines[0].provisionalYears).toEqual([2027]);
    const q = (
      await t.call(handler, {
        method: "GET",
        url: "/api/calendar/deadline?start=2026-12-30&period=3wd",
      })
    ).json();
    expect(q.provisional).toBe(true);
  });

  it("only the top region's system administrator loads a notice; a bad notice names the field", async () => {
    expect(
      (await t.call(handler, { method: "POST", url: "/api/calendar/notices", payload: notice2027 }))
        .statusCode,
    ).toBe(403);
    // A district's administrator does not rewrite every region's calendar (issue 8).
    const district = await t.call(districtAdmin, {
      method: "POST",
      url: "/api/calendar/notices",
      payload: notice2027,
    });
    expect(district.statusCode, district.body).toBe(403);
    expect(await t.db.owner.selectFrom("calendar_notice").select("year").execute()).toEqual([]);
    const bad = await t.call(admin, {
      method: "POST",
      url: "/api/calendar/notices",
      payload: { ...notice2027, off: ["2027-02-30"] },
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().error.fields)).toMatch(/off/);
  });

  it("loading the notice makes them final and lists what moved", async () => {
    const before = (
      await t.call(handler, { method: "GET", url: `/api/cases/example_permit/${caseId}` })
    ).json().deadlines[0].due;
    const r = await t.call(admin, {
      method: "POST",
      url: "/api/calendar/notices",
      payload: notice2027,
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.year).toBe(2027);
    const d = (
      await t.call(handler, { method: "GET", url: `/api/cases/example_permit/${caseId}` })
    ).json().deadlines[0];
    expect(d.provisional).toBe(false);
    expect(d.due).not.toBe(before);
    // Counts per region, never case titles or parties (the administrator has no business access).
    expect(body.changedDeadlines).toEqual({
      total: 1,
      byRegion: [{ regionCode: "500156", count: 1 }],
    });
    expect(r.body).not.toMatch(/甲|事项/);
    const audit = await t.db.owner
      .selectFrom("audit_event")
      .select("action")
      .where("action", "=", "calendar.notice_load")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("a bundled year is replaced only by a named notice verified against the published text", async () => {
    const bundled2025 = {
      year: 2025,
      document: "伪造通知",
      verified: false,
      off: ["2025-01-01"],
      workdays: [],
    };
    const r = await t.call(admin, {
      method: "POST",
      url: "/api/calendar/notices",
      payload: bundled2025,
    });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error.fields[0].field).toBe("verified");
    expect(
      await t.db.owner
        .selectFrom("calendar_notice")
        .select("year")
        .where("year", "=", 2025)
        .execute(),
    ).toEqual([]);
  });
});
