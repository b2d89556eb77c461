/**
 * Every register of the governance module (and the meetings register it extends), the
 * same way: an entry written over HTTP, the export re-imported unchanged (a no-op), a
 * CSV in the template's headers imported as a new entry that reads back as written, and
 * a bad row refused with nothing written.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX_MIME } from "../../../src/engines/register/index.ts";
import { enforcementModule } from "../../../src/modules/enforcement/index.ts";
import { registerCsv } from "../../../src/modules/governance/demo/util.ts";
import { GOVERNANCE_REGISTERS, governanceModule } from "../../../src/modules/governance/index.ts";
import { meetingRegister, meetingsModule } from "../../../src/modules/meetings/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { registerTestApp } from "../../support/register-app.ts";

let t: TestApp;
let office: Session;

/** One entry per register, and the change that makes a second one distinct. */
const SAMPLES: Record<string, [Record<string, unknown>, Record<string, unknown>]> = {
  committee_member: [
    {
      body: "committee",
      role: "member_unit",
      name: "区司法局",
      unitCode: "sfj",
      since: "2020-02-20",
    },
    { name: "区公安局", unitCode: "gaj" },
  ],
  duty_report: [
    {
      year: 2020,
      leader: "王明华",
      post: "局长",
      unitCode: "sfj",
      reportedOn: "2021-01-08",
      occasion: "年度述法会议",
      summary: "履行第一责任人职责情况",
      evaluation: "good",
    },
    { leader: "李建国" },
  ],
  assessment_indicator: [
    {
      version: "2020",
      no: 1,
      level: 3,
      area: "政府职能依法全面履行",
      text: "网上办",
      evidence: "data",
    },
    { no: 2 },
  ],
  self_assessment: [
    {
      year: 2020,
      version: "2020",
      indicatorNo: 1,
      unitCode: "sfj",
      assessedOn: "2020-09-25",
      met: true,
      score: 100,
      evidence: ["自查报告", "台账"],
      review: "accepted",
    },
    { indicatorNo: 2, met: false, score: 60.5 },
  ],
  publicity_event: [
    {
      organiser: "sfj",
      heldOn: "2020-12-04",
      title: "宪法宣传周集中宣传",
      campaign: "constitution_week",
      audience: "youth",
      attendance: 320,
      place: "武隆中学",
    },
    { audience: "farmers" },
  ],
  legal_culture_facility: [
    { kind: "park", name: "宪法主题广场", location: "武隆区", builtOn: "2020-05-15" },
    { name: "民法典主题公园" },
  ],
  training_session: [
    {
      kind: "party_school",
      organiser: "sfj",
      heldOn: "2020-07-07",
      title: "法治课程",
      classes: ["副处级干部进修班", "科级干部进修班"],
      attendance: 106,
    },
    { kind: "internal_study", classes: [] },
  ],
  social_org_inspection: [
    {
      organisation: "武隆区老年人协会",
      orgKind: "social_group",
      year: 2019,
      inspectedOn: "2020-04-01",
      result: "qualified",
    },
    { organisation: "武隆区文化协会", result: "unqualified" },
  ],
  association_decoupling: [
    {
      association: "武隆区餐饮行业协会",
      formerAgency: "sfj",
      dueBy: "2020-12-31",
      decoupledOn: "2020-06-30",
    },
    { association: "武隆区旅游行业协会" },
  ],
  service_purchase: [
    {
      title: "居家养老服务",
      category: "basic_public",
      buyer: "sfj",
      provider: "武隆区社会服务中心",
      contractedOn: "2020-03-02",
      amount: 1_262_269.5,
    },
    { category: "social_management" },
  ],
  legal_service_point: [
    { kind: "centre", name: "武隆区公共法律服务中心", unitCode: "sfj", openedOn: "2019-06-28" },
    { kind: "workstation", name: "白马镇公共法律服务工作站" },
  ],
  relief_measure: [
    {
      measure: "rent_relief",
      beneficiary: "武隆区便民小店",
      beneficiaryKind: "micro",
      grantedBy: "sfj",
      grantedOn: "2020-04-10",
      amount: 9_145.2,
    },
    { beneficiary: "武隆区和顺小店" },
  ],
  meeting: [
    {
      body: "governance_committee",
      number: "第二次",
      date: "2020-03-04",
      chair: "黄宗华",
      attendees: [],
      studied: [{ kind: "regulation", title: "《重大行政决策程序暂行条例》", presenter: "卢红" }],
      items: [{ kind: "report", title: "《武隆区行政执法有关事项情况》汇报", ruleOfLaw: true }],
      decisions: [],
      dissent: [],
    },
    { number: "第三次" },
  ],
};

const REGISTERS = [...GOVERNANCE_REGISTERS, meetingRegister];

beforeAll(async () => {
  t = await registerTestApp([meetingsModule, enforcementModule, governanceModule]);
  const unit = await t.unit("500156", "sfj");
  await t.unit("500156", "yfzqb", "committee_office");
  await t.user("office", unit, ["rule_of_law_office"]);
  office = await t.login("office");
});
afterAll(async () => t?.close());

const count = async (code: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from register_entry where register = ${code}`.execute(t.db.owner)
  ).rows[0]!.n;

describe.each(REGISTERS.map((r) => [r.code, r] as const))("register %s", (code, decl) => {
  const [first, change] = SAMPLES[code]!;
  const base = `/api/registers/${code}`;

  it("writes an entry, exports it and re-imports the export unchanged", async () => {
    const res = await t.call(office, {
      method: "POST",
      url: `${base}/entries`,
      payload: { data: first },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toEqual(first);
    const xlsx = await t.call(office, { method: "GET", url: `${base}/export.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const again = await t.call(office, {
      method: "POST",
      url: `${base}/import`,
      headers: { "content-type": XLSX_MIME },
      payload: xlsx.rawPayload,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 1 });
  });

  it("imports a CSV in the template's headers, which reads back as written", async () => {
    const second = { ...first, ...change };
    const res = await t.call(office, {
      method: "POST",
      url: `${base}/import`,
      headers: { "content-type": "text/csv" },
      payload: registerCsv(decl, [second]),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1 });
    const list = (await t.call(office, { method: "GET", url: `${base}/entries` })).json();
    expect(list.items.map((e: { data: unknown }) => e.data)).toContainEqual(second);
  });

  it("refuses a file with a bad row, writing nothing", async () => {
    const before = await count(code);
    const bad = registerCsv(decl, [
      { ...first, ...change },
      { ...first, [decl.columns[0]!.field]: "" },
    ]);
    const res = await t.call(office, {
      method: "POST",
      url: `${base}/import`,
      headers: { "content-type": "text/csv" },
      payload: bad,
    });
    expect(res.statusCode).toBe(422);
    expect(await count(code)).toBe(before);
  });
});
