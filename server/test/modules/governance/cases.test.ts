/**
 * The governance case types over HTTP: a people's mediation from intake to a performed
 * agreement with the judicial-confirmation window computed (人民调解法 art. 33, a window
 * ending in the National Day holiday moved to the next working day); an application
 * after the window, and one for a mediation of another kind, refused with nothing
 * written; an inspection finding opening a rectification case for the inspected unit
 * that shows overdue on the warning list once its deadline passes, closed with evidence;
 * a finding for a unit the inspection did not cover refused; a plan task's deadline.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { governanceModule } from "../../../src/modules/governance/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";

let t: TestApp;
const s = {} as Record<"office" | "town" | "police" | "other", Session>;
const ids = {} as Record<"office" | "town" | "police" | "other", number>;
const P = "/api/cases";

const party = (name: string) => ({ kind: "natural_person", name, phone: "13912345678" });
const mediation = (kind = "people") => ({
  kind,
  committee: "白马镇人民调解委员会",
  mediator: "冉明华",
  category: "neighbour",
  applicant: party("张三丰"),
  respondent: party("李四光"),
  summary: "相邻通行纠纷",
  oldPetition: false,
});

beforeAll(async () => {
  // The certificate-training rate reads the enforcement officers' register.
  t = await testApp([enforcementModule, governanceModule]);
  ids.office = await t.unit("500156", "yfzqb", "committee_office");
  ids.town = await t.unit("500156", "town-baima", "township");
  ids.police = await t.unit("500156", "gaj", "department");
  ids.other = await t.unit("500156", "town-jiangkou", "township");
  await t.user("office", ids.office, ["rule_of_law_office"]);
  await t.user("town", ids.town, ["case_handler"]);
  await t.user("police", ids.police, ["case_handler"]);
  await t.user("other", ids.other, ["case_handler"]);
  await at("2020-12-01");
});

/** Move the clock to a day (09:00 in Shanghai) and log everyone in again (idle sessions end). */
async function at(day: string) {
  t.clock.t = new Date(`${day}T01:00:00Z`);
  for (const k of ["office", "town", "police", "other"] as const) s[k] = await t.login(k);
}
afterAll(async () => t?.close());

async function open(who: Session, type: string, fields: unknown, onDate: string) {
  const res = await t.call(who, {
    method: "POST",
    url: `${P}/${type}`,
    payload: { fields, onDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function step(
  who: Session,
  type: string,
  c: { id: number; version: number },
  action: string,
  input: unknown,
  onDate: string,
) {
  return t.call(who, {
    method: "POST",
    url: `${P}/${type}/${c.id}/actions/${action}`,
    payload: { version: c.version, input, onDate },
  });
}
async function detail(who: Session, type: string, id: number) {
  const res = await t.call(who, { method: "GET", url: `${P}/${type}/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function writes(): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select (select count(*) from case_event)::int + (select count(*) from audit_event)::int
    + (select count(*) from case_file)::int as n`.execute(t.db.owner);
  return r.rows[0]!.n;
}

describe("a people's mediation", () => {
  it("runs from intake to a performed agreement, with the confirmation window computed", async () => {
    let c = await open(s.town, "mediation", mediation(), "2020-09-01");
    expect(c.title).toBe("人民调解：邻里纠纷");
    let res = await step(
      s.town,
      "mediation",
      c,
      "hold_session",
      { mediators: ["冉明华"], record: "双方陈述" },
      "2020-09-03",
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    // Signed and sealed on 9-8, recorded on 9-10: the 30 days run from 9-8 (art. 29, 33).
    res = await step(
      s.town,
      "mediation",
      c,
      "reach_agreement",
      {
        agreementForm: "written",
        agreementEffectiveOn: "2020-09-08",
        agreementAmount: 12000.5,
        terms: "赔偿并恢复通行",
        performBy: "2020-10-31",
      },
      "2020-09-10",
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    const d = await detail(s.town, "mediation", c.id);
    const win = d.deadlines.find((k: { clock: string }) => k.clock === "judicial_confirmation");
    // 9-8 + 30 days = 10-8, in the National Day holiday: the window ends on 10-9.
    expect(win).toMatchObject({
      startedOn: "2020-09-08",
      startSource: "field.agreementEffectiveOn",
      due: "2020-10-09",
      state: "running",
    });
    const month = d.deadlines.find((k: { clock: string }) => k.clock === "mediation");
    expect(month).toMatchObject({
      startedOn: "2020-09-01",
      stoppedOn: "2020-09-10",
      state: "stopped",
    });

    // After the window: refused, nothing written.
    const before = await writes();
    res = await step(
      s.town,
      "mediation",
      c,
      "apply_confirmation",
      { court: "武隆区人民法院" },
      "2020-10-10",
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("2020-10-09");
    expect(await writes()).toBe(before);
    expect((await detail(s.town, "mediation", c.id)).case.version).toBe(c.version);

    // On its last day: taken, the window stops.
    res = await step(
      s.town,
      "mediation",
      c,
      "apply_confirmation",
      { court: "武隆区人民法院" },
      "2020-10-09",
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c.fields.confirmationAppliedOn).toBe("2020-10-09");
    res = await step(
      s.town,
      "mediation",
      c,
      "follow_up_performed",
      { findings: "已按协议履行" },
      "2020-11-05",
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c.state).toBe("performed");
    expect(c.fields.agreementAmount).toBe(12000.5);
    const after = await detail(s.town, "mediation", c.id);
    expect(
      after.deadlines.find((k: { clock: string }) => k.clock === "judicial_confirmation"),
    ).toMatchObject({
      stoppedOn: "2020-10-09",
      state: "stopped",
    });
  });

  it("refuses judicial confirmation for an administrative mediation, and an agreement dated before the intake", async () => {
    let c = await open(
      s.police,
      "mediation",
      { ...mediation("administrative"), committee: "区公安局治安调解室" },
      "2020-09-01",
    );
    const before = await writes();
    let res = await step(
      s.police,
      "mediation",
      c,
      "reach_agreement",
      { agreementForm: "oral", agreementEffectiveOn: "2020-08-30", terms: "互相道歉" },
      "2020-09-02",
    );
    expect(res.statusCode).toBe(422);
    expect(await writes()).toBe(before);
    res = await step(
      s.police,
      "mediation",
      c,
      "reach_agreement",
      { agreementForm: "oral", agreementEffectiveOn: "2020-09-02", terms: "互相道歉" },
      "2020-09-02",
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    const d = await detail(s.police, "mediation", c.id);
    expect(d.deadlines.map((k: { clock: string }) => k.clock)).toEqual([]);
    const mid = await writes();
    res = await step(
      s.police,
      "mediation",
      c,
      "apply_confirmation",
      { court: "武隆区人民法院" },
      "2020-09-03",
    );
    expect(res.statusCode).toBe(409);
    expect(await writes()).toBe(mid);
  });

  it("masks the parties' numbers for the rule-of-law office and keeps names out of the title", async () => {
    const c = await open(s.town, "mediation", mediation(), "2020-11-02");
    const d = await detail(s.office, "mediation", c.id);
    expect(JSON.stringify(d)).not.toContain("13912345678");
    expect(d.case.title).not.toContain("张三丰");
  });
});

describe("an inspection and its rectifications", () => {
  it("opens a rectification for the inspected unit, overdue once its deadline passes, closed with evidence", async () => {
    await at("2020-08-20");
    let insp = await open(
      s.office,
      "governance_inspection",
      {
        title: "2020年法治政府建设工作督导督查",
        units: ["town-baima", "gaj"],
        tasks: [{ task: "普法责任制落实情况" }],
      },
      "2020-08-05",
    );
    // A unit the inspection did not cover: refused, nothing written.
    const before = await writes();
    let res = await step(
      s.office,
      "governance_inspection",
      insp,
      "record_finding",
      {
        unitCode: "town-jiangkou",
        finding: "未公布普法责任清单",
        requirement: "限期公布",
        deadline: "2020-09-30",
      },
      "2020-08-20",
    );
    expect(res.statusCode).toBe(422);
    expect(await writes()).toBe(before);

    res = await step(
      s.office,
      "governance_inspection",
      insp,
      "record_finding",
      {
        unitCode: "town-baima",
        finding: "未公布普法责任清单",
        requirement: "限期公布",
        deadline: "2020-09-30",
      },
      "2020-08-20",
    );
    expect(res.statusCode, res.body).toBe(200);
    insp = res.json();
    const list = (await t.call(s.town, { method: "GET", url: `${P}/rectification` })).json();
    expect(list.items).toHaveLength(1);
    const rect = list.items[0];
    expect(rect.unitId).toBe(ids.town);
    // Found by its finding; a mediation's party never (no search fields).
    const hits = (
      await t.call(s.town, { method: "GET", url: "/api/search", query: { q: "普法责任清单" } })
    ).json().hits as { kind: string; title: string }[];
    expect(hits.some((h) => h.title.startsWith("整改：未公布普法责任清单"))).toBe(true);
    const party = (
      await t.call(s.town, { method: "GET", url: "/api/search", query: { q: "张三丰" } })
    ).json().hits as unknown[];
    expect(party).toEqual([]);

    const warnings = async (who: Session) =>
      (await t.call(who, { method: "GET", url: "/api/warnings?limit=100" })).json().items as {
        caseType: string;
        caseId: number;
        warning: string;
      }[];
    await at("2020-09-10");
    expect((await warnings(s.town)).filter((w) => w.caseType === "rectification")).toEqual([]);
    await at("2020-10-06");
    const late = (await warnings(s.town)).filter((w) => w.caseType === "rectification");
    expect(late).toEqual([expect.objectContaining({ caseId: rect.id, warning: "overdue" })]);
    // The office sees it too; another township does not.
    expect((await warnings(s.office)).some((w) => w.caseId === rect.id)).toBe(true);
    expect((await warnings(s.other)).some((w) => w.caseId === rect.id)).toBe(false);

    // Closing needs evidence.
    const r0 = (await detail(s.town, "rectification", rect.id)).case;
    const mid = await writes();
    res = await step(
      s.town,
      "rectification",
      r0,
      "close_with_evidence",
      { summary: "已公布", evidence: [] },
      "2020-10-06",
    );
    expect(res.statusCode).toBe(422);
    expect(await writes()).toBe(mid);
    res = await step(
      s.town,
      "rectification",
      r0,
      "close_with_evidence",
      { summary: "已公布", evidence: ["公布网页截图"] },
      "2020-10-06",
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe("rectified");
    expect((await warnings(s.town)).filter((w) => w.caseType === "rectification")).toEqual([]);

    res = await step(
      s.office,
      "governance_inspection",
      insp,
      "conclude",
      { summary: "基本落实", tasks: [{ task: "普法责任制落实情况", result: "basically_done" }] },
      "2020-10-06",
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().fields.tasks[0].result).toBe("basically_done");
  });
});

describe("a plan task", () => {
  it("runs to its deadline, completed with evidence", async () => {
    await at("2020-12-01");
    let c = await open(
      s.police,
      "plan_task",
      {
        plan: "2020年全区法治政府建设工作要点",
        taskNo: 7,
        task: "做好行政机关负责人出庭应诉",
        leadUnit: "gaj",
        deadline: "2020-11-30",
      },
      "2020-07-10",
    );
    const d = await detail(s.police, "plan_task", c.id);
    expect(d.deadlines[0]).toMatchObject({ due: "2020-11-30", warning: "overdue" });
    let res = await step(
      s.police,
      "plan_task",
      c,
      "complete",
      { summary: "已完成", evidence: [] },
      "2020-12-01",
    );
    expect(res.statusCode).toBe(422);
    res = await step(
      s.police,
      "plan_task",
      c,
      "complete",
      { summary: "已完成", evidence: ["出庭统计表"] },
      "2020-12-01",
    );
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c.fields).toMatchObject({ completedOn: "2020-12-01", progress: 100 });
  });
});
