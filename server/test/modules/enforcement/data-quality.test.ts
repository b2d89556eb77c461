import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * One case's odd data never breaks an indicator (issue 7 §3): an enforcement case whose
 * clocks cannot be computed is skipped by the overdue indicator (it answered 500 before),
 * by the warning list, and named in the rule-of-law office's data-quality list.
 */
let t: TestApp;
let office: Session;
let city: Session;
let odd: number;
let good: number;

async function seizure(started: string, title: string) {
  const unit = await t.db.owner
    .selectFrom("unit")
    .select("id")
    .where("code", "=", "scjgj")
    .executeTakeFirstOrThrow();
  const c = await t.db.owner
    .insertInto("case_file")
    .values({
      region_code: "500156",
      case_type: "administrative_compulsion",
      unit_id: unit.id,
      state: "in_force",
      title,
      fields: "{}",
      numbers: "{}",
      parent_id: null,
      opened_on: started,
      closed_on: null,
      handler_user_id: null,
      created_by: null,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const k = await t.db.owner
    .insertInto("case_clock")
    .values({
      region_code: "500156",
      case_id: c.id,
      clock: "term",
      started_on: started,
      started_at: null,
      stopped_on: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: c.id, clockId: k.id };
}

beforeAll(async () => {
  t = await testApp([enforcementModule]);
  await t.unit("500156", "scjgj");
  const sfj = await t.unit("500156", "sfj");
  const citySfj = await t.unit("500000", "sfj");
  await t.user("office", sfj, ["rule_of_law_office"]);
  await t.user("city", citySfj, ["rule_of_law_office"]);
  t.clock.t = new Date("2021-12-20T02:00:00Z");
  office = await t.login("office");
  city = await t.login("city");
  good = (await seizure("2021-03-01", "正常的扣押")).id;
  const o = await seizure("2021-03-01", "数据异常的扣押");
  odd = o.id;
  // An extension whose stored period cannot be read (data brought in from elsewhere).
  await t.db.owner
    .insertInto("case_extension")
    .values({
      region_code: "500156",
      case_id: odd,
      clock: "term",
      clock_id: o.clockId,
      period: "thirty days",
      basis: "行政强制法 第二十五条",
      approved_by: "x",
      on_date: "2021-03-20",
      approved_by_user_id: null,
      reason: null,
      notice_on: null,
      notice_text: null,
    })
    .execute();
});
afterAll(async () => t.close());

describe("a case whose clocks cannot be computed", () => {
  it("is skipped by the indicators, which count the rest", async () => {
    for (const s of [office, city]) {
      const r = await t.call(s, { method: "GET", url: "/api/indicators/values?year=2021" });
      expect(r.statusCode, r.body).toBe(200);
    }
    const drill = await t.call(office, {
      method: "GET",
      url: "/api/indicators/enforcement_overdue_cases/drill?year=2021",
    });
    expect(drill.statusCode, drill.body).toBe(200);
    const ids = drill.json().rows.map((x: { id: number }) => x.id);
    expect(ids).toContain(good);
    expect(ids).not.toContain(odd);
  });

  it("is skipped by the warning list for the district and the city, which show the rest", async () => {
    for (const s of [office, city]) {
      const r = await t.call(s, { method: "GET", url: "/api/warnings" });
      expect(r.statusCode, r.body).toBe(200);
      const ids = r.json().items.map((x: { caseId: number }) => x.caseId);
      expect(ids).toContain(good);
      expect(ids).not.toContain(odd);
    }
  });

  it("is named in the data-quality list and on its page", async () => {
    const q = await t.call(office, { method: "GET", url: "/api/data-quality" });
    expect(q.statusCode).toBe(200);
    expect(q.json()).toEqual([
      expect.objectContaining({ caseId: odd, clock: "term", title: "数据异常的扣押" }),
    ]);
    const d = await t.call(office, {
      method: "GET",
      url: `/api/cases/administrative_compulsion/${odd}`,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().clockProblems[0]).toMatchObject({ clock: "term" });
  });
});
