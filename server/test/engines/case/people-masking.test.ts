import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * Issue 8: a case's ID and phone numbers are read in full by the owning unit only; the
 * rule-of-law office, the city and participating units see them masked — the rule the
 * registers follow (engines/case/protect.ts peopleFor, register/service/rows.ts).
 */
let t: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, number> = {};
const applicant = { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" };
const masked = { name: "王小明", idNumber: "110***********002X", phone: "138****8000" };

beforeAll(async () => {
  t = await testApp([examplesModule]);
  u.market = await t.unit("500156", "scjgj");
  u.support = await t.unit("500156", "gaj");
  u.office = await t.unit("500156", "sfj");
  u.city = await t.unit("500000", "cq-sfj");
  await t.user("handler", u.market, ["case_handler"]);
  await t.user("leader", u.market, ["unit_leader"]);
  await t.user("supporter", u.support, ["case_handler"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  await t.user("cityoffice", u.city, ["rule_of_law_office"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  for (const who of ["handler", "leader", "supporter", "office", "cityoffice"]) {
    s[who] = await t.login(who);
  }
});
afterAll(async () => {
  await t?.close();
});

async function applicantAs(who: string, id: number) {
  const res = await t.call(s[who], { method: "GET", url: `/api/cases/example_permit/${id}` });
  expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
  return res.json().case.fields.applicant;
}

describe("people's ID and phone numbers in a case", () => {
  let id: number;

  it("the owning unit reads them in full", async () => {
    const res = await t.call(s.handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: {
        fields: { applicant, item: "食品经营许可", category: "market" },
        onDate: "2020-09-30",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(await applicantAs("handler", id)).toEqual(applicant);
    expect(await applicantAs("leader", id)).toEqual(applicant);
  });

  it("the district's rule-of-law office and the city see them masked", async () => {
    expect(await applicantAs("office", id)).toEqual(masked);
    expect(await applicantAs("cityoffice", id)).toEqual(masked);
  });

  it("a participating unit sees them masked, in the case and in its own step's answer", async () => {
    const accepted = await t.call(s.handler, {
      method: "POST",
      url: `/api/cases/example_permit/${id}/actions/accept`,
      payload: { version: 1 },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().fields.applicant).toEqual(applicant);
    const p = await t.call(s.handler, {
      method: "POST",
      url: `/api/cases/example_permit/${id}/participants`,
      payload: { unitId: u.support, role: "supporting" },
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(await applicantAs("supporter", id)).toEqual(masked);
    const opinion = await t.call(s.supporter, {
      method: "POST",
      url: `/api/cases/example_permit/${id}/actions/support_opinion`,
      payload: { version: 2, input: { opinion: "同意" } },
    });
    expect(opinion.statusCode, opinion.body).toBe(200);
    expect(opinion.json().fields.applicant).toEqual(masked);
    // Masking is on the way out only: the owner still reads the numbers in full.
    expect(await applicantAs("handler", id)).toEqual(applicant);
  });

  async function reveals() {
    return t.db.owner
      .selectFrom("audit_event")
      .select(["action", "reason"])
      .where("chain_key", "=", `case:${id}`)
      .where("action", "=", "case.example_permit.reveal")
      .execute();
  }

  it("the rule-of-law office reads them in full with a recorded reason, and the reading is audited", async () => {
    const url = `/api/cases/example_permit/${id}/reveal`;
    const none = await t.call(s.office, { method: "POST", url, payload: {} });
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().error.fields.map((f: { field: string }) => f.field)).toContain("reason");
    expect(await reveals()).toEqual([]);
    // A participating unit supervises nothing: refused, nothing logged.
    const participant = await t.call(s.supporter, {
      method: "POST",
      url,
      payload: { reason: "想看看" },
    });
    expect(participant.statusCode, participant.body).toBe(403);
    expect(participant.json().error.message).toMatch(/region\.oversee/);
    expect(await reveals()).toEqual([]);
    const ok = await t.call(s.office, {
      method: "POST",
      url,
      payload: { reason: "行政执法监督：核实当事人身份" },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ caseId: id, people: { applicant } });
    expect(await reveals()).toEqual([
      { action: "case.example_permit.reveal", reason: "行政执法监督：核实当事人身份" },
    ]);
    // The detail stays masked: the full reading is the reveal's alone.
    expect(await applicantAs("office", id)).toEqual(masked);
  });
});
