import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * Settings: a rule that differs by region, with its national default, inherited
 * downwards, and in force from a date — a clock reads the value in force on the day it
 * started, so a change never moves a deadline already running (migration 0009).
 */
let t: TestApp;
let handler: Session;
let districtAdmin: Session;
let cityAdmin: Session;

const CODE = "examples.decision_working_days";
const URL = `/api/settings/${CODE}`;

/** Move to another day (sessions expire when idle, so everyone logs in again). */
async function day(d: string) {
  t.clock.t = new Date(`${d}T02:00:00Z`); // 10:00 in Asia/Shanghai
  handler = await t.login("handler");
  districtAdmin = await t.login("admin");
  cityAdmin = await t.login("cityadmin");
}

/** Open a licence application and accept it on `onDate` (the decision clock starts). */
async function accepted(onDate: string): Promise<number> {
  const c = await t.call(handler, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: {
      fields: { applicant: { name: "甲" }, item: "事项", category: "general" },
      onDate,
    },
  });
  expect(c.statusCode, c.body).toBe(201);
  const id = c.json().id as number;
  const a = await t.call(handler, {
    method: "POST",
    url: `/api/cases/example_permit/${id}/actions/accept`,
    payload: { version: 1, onDate },
  });
  expect(a.statusCode, a.body).toBe(200);
  return id;
}

const due = async (id: number) => {
  const r = await t.call(handler, { method: "GET", url: `/api/cases/example_permit/${id}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().deadlines[0].due as string;
};

const put = (s: Session, payload: Record<string, unknown>) =>
  t.call(s, {
    method: "PUT",
    url: URL,
    payload: { basis: "渝府办发〔2020〕1号 承诺时限", ...payload },
    headers: { "accept-language": "zh-CN" },
  });

const listed = async () =>
  (await t.call(handler, { method: "GET", url: "/api/settings" })).json()[0] as {
    value: unknown;
    setIn: string | null;
    effectiveFrom: string | null;
    localBasis: string | null;
    default: unknown;
    basis: { zh: string; en: string };
    history: { regionCode: string; effectiveFrom: string; value: unknown }[];
  };

let before: number;

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  const city = await t.unit("500000", "cq-sfj");
  await t.user("handler", unit, ["case_handler"]);
  await t.user("admin", unit, ["sys_admin"]);
  await t.user("cityadmin", city, ["sys_admin"]);
  await day("2020-06-10");
  before = await accepted("2020-06-01");
});
afterAll(async () => t.close());

describe("settings in force on a date", () => {
  it("lists the national default with its legal basis", async () => {
    const s = await listed();
    expect(s).toMatchObject({ default: 20, value: 20, setIn: null, history: [] });
    expect(s.basis.zh).toContain("《中华人民共和国行政许可法》");
    // 20 working days from 06-01 (06-25..06-27 off, 06-28 a make-up working day).
    expect(await due(before)).toBe("2020-06-30");
  });

  it("a change leaves the due date of a case opened before; a case opened after uses the new value", async () => {
    const r = await put(cityAdmin, { region: "500000", value: 10 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ effectiveFrom: "2020-06-10", value: 10 });
    expect(await due(before)).toBe("2020-06-30"); // unchanged: its clock started under 20
    const after = await accepted("2020-06-10");
    expect(await due(after)).toBe("2020-06-24"); // 10 working days from 06-10
    expect(await listed()).toMatchObject({
      value: 10,
      setIn: "500000",
      effectiveFrom: "2020-06-10",
      localBasis: "渝府办发〔2020〕1号 承诺时限",
    });
  });

  it("a value scheduled for a later day applies from that day only; a district's own value wins", async () => {
    const r = await put(districtAdmin, {
      region: "500156",
      value: 15,
      effectiveFrom: "2020-06-15",
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await listed()).value).toBe(10); // not yet in force
    // The scheduled value may still be replaced before its day.
    expect(
      (await put(districtAdmin, { region: "500156", value: 16, effectiveFrom: "2020-06-15" }))
        .statusCode,
    ).toBe(200);
    await day("2020-06-15");
    const later = await accepted("2020-06-15");
    expect(await due(later)).toBe("2020-07-08"); // 16 working days from 06-15 (06-25..27 off, 06-28 worked)
    expect(await due(before)).toBe("2020-06-30");
    const s = await listed();
    expect(s).toMatchObject({ value: 16, setIn: "500156", effectiveFrom: "2020-06-15" });
    expect(s.history.map((h) => [h.regionCode, h.effectiveFrom, h.value])).toEqual([
      ["500000", "2020-06-10", 10],
      ["500156", "2020-06-15", 16],
    ]);
    // Going back to the inherited value (null) from a day on.
    expect(
      (await put(districtAdmin, { region: "500156", value: null, effectiveFrom: "2020-06-16" }))
        .statusCode,
    ).toBe(200);
    await day("2020-06-16");
    expect(await listed()).toMatchObject({ value: 10, setIn: "500000" });
    expect(await due(later)).toBe("2020-07-08");
  });

  it("refuses a value dated in the past and a change to a value already in force", async () => {
    const past = await put(districtAdmin, {
      region: "500156",
      value: 12,
      effectiveFrom: "2020-06-01",
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.fields[0].field).toBe("effectiveFrom");
    const inForce = await put(districtAdmin, {
      region: "500156",
      value: 12,
      effectiveFrom: "2020-06-16",
    });
    expect(inForce.statusCode).toBe(409);
    // Chinese by default, English on request.
    expect(inForce.json().error.message).toContain("已经生效");
    const en = await t.call(districtAdmin, {
      method: "PUT",
      url: URL,
      headers: { "accept-language": "en" },
      payload: { region: "500156", value: 12, effectiveFrom: "2020-06-16", basis: "x" },
    });
    expect(en.json().error.message).toContain("already in force");
  });

  it("refuses a bad value naming it, no basis, a foreign region, and anyone but the system administrator", async () => {
    const bad = await put(districtAdmin, { region: "500156", value: 30 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].field).toBe("value");
    const noBasis = await t.call(districtAdmin, {
      method: "PUT",
      url: URL,
      payload: { region: "500156", value: 10, effectiveFrom: "2020-06-20" },
    });
    expect(noBasis.statusCode).toBe(400);
    expect(JSON.stringify(noBasis.json())).toContain("basis");
    expect((await put(districtAdmin, { region: "500102", value: 10 })).statusCode).toBe(404);
    expect((await put(handler, { region: "500156", value: 10 })).statusCode).toBe(403);
    // Nothing half-written: only the accepted changes are stored and audited.
    const rows = await t.db.owner.selectFrom("setting").selectAll().execute();
    expect(rows).toHaveLength(3);
    const audit = await t.db.owner
      .selectFrom("audit_event")
      .select(["action", "reason", "after"])
      .where("action", "=", "setting.put")
      .orderBy("seq")
      .execute();
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({
      reason: "渝府办发〔2020〕1号 承诺时限",
      after: { value: 10, effectiveFrom: "2020-06-10" },
    });
  });

  it("the app role can no longer delete a past value", async () => {
    const { sql } = await import("kysely");
    await expect(sql`delete from setting`.execute(t.db.app)).rejects.toThrow(/permission denied/);
  });
});
