import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/** Settings: a rule that differs by region, with its national default, inherited downwards. */
let t: TestApp;
let handler: Session;
let districtAdmin: Session;
let cityAdmin: Session;
let caseId: number;

const due = async () =>
  (await t.call(handler, { method: "GET", url: `/api/cases/example_permit/${caseId}` })).json()
    .deadlines[0].due as string;

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  const city = await t.unit("500000", "cq-sfj");
  await t.user("handler", unit, ["case_handler"]);
  await t.user("admin", unit, ["sys_admin"]);
  await t.user("cityadmin", city, ["sys_admin"]);
  t.clock.t = new Date("2020-06-10T02:00:00Z");
  handler = await t.login("handler");
  districtAdmin = await t.login("admin");
  cityAdmin = await t.login("cityadmin");
  const c = (
    await t.call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: {
        fields: { applicant: { name: "甲" }, item: "事项", category: "general" },
        onDate: "2020-06-01",
      },
    })
  ).json();
  caseId = c.id;
  await t.call(handler, {
    method: "POST",
    url: `/api/cases/example_permit/${caseId}/actions/accept`,
    payload: { version: 1, onDate: "2020-06-01" },
  });
});
afterAll(async () => t.close());

describe("settings", () => {
  it("lists the national default with its basis", async () => {
    const list = (await t.call(handler, { method: "GET", url: "/api/settings" })).json();
    expect(list).toEqual([
      expect.objectContaining({
        code: "examples.decision_working_days",
        default: 20,
        value: 20,
        setIn: null,
      }),
    ]);
    expect(await due()).toBe("2020-06-30"); // 20 working days (06-25..06-27 off, 06-28 a make-up day)
  });

  it("a city's value applies to its districts; a district's own value wins; null goes back", async () => {
    const r = await t.call(cityAdmin, {
      method: "PUT",
      url: "/api/settings/examples.decision_working_days",
      payload: { region: "500000", value: 10 },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await due()).toBe("2020-06-15");
    await t.call(districtAdmin, {
      method: "PUT",
      url: "/api/settings/examples.decision_working_days",
      payload: { region: "500156", value: 15 },
    });
    expect(await due()).toBe("2020-06-22");
    const list = (await t.call(handler, { method: "GET", url: "/api/settings" })).json();
    expect(list[0]).toMatchObject({ value: 15, setIn: "500156" });
    await t.call(districtAdmin, {
      method: "PUT",
      url: "/api/settings/examples.decision_working_days",
      payload: { region: "500156", value: null },
    });
    expect(await due()).toBe("2020-06-15");
  });

  it("refuses a bad value naming it, a foreign region, and anyone but the system administrator", async () => {
    const bad = await t.call(districtAdmin, {
      method: "PUT",
      url: "/api/settings/examples.decision_working_days",
      payload: { region: "500156", value: 30 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe("value");
    expect(
      (
        await t.call(districtAdmin, {
          method: "PUT",
          url: "/api/settings/examples.decision_working_days",
          payload: { region: "500102", value: 10 },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.call(handler, {
          method: "PUT",
          url: "/api/settings/examples.decision_working_days",
          payload: { region: "500156", value: 10 },
        })
      ).statusCode,
    ).toBe(403);
    const audit = await t.db.owner
      .selectFrom("audit_event")
      .select("action")
      .where("action", "=", "setting.put")
      .execute();
    expect(audit).toHaveLength(3);
  });
});
