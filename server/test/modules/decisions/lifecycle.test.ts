/**
 * A major decision over HTTP, from the start to the archive: public comment (30 days),
 * a hearing with its 7 days' lead, pool experts, a third-party risk assessment filed,
 * the legality review after 7 working days by the reviewing body with an adviser's
 * opinion, the collective decision, the report to the Party committee, publication, the
 * implementation report, a post-evaluation by another assessor, and the dossier as a zip.
 * Each gate is driven the wrong way first and writes nothing: a comment period under 30
 * days without a reason, a hearing too soon, an interested expert, a review too early or
 * by the undertaking unit, a decision with steps missing or against the majority without
 * reasons or with the risk not controllable, publication before the report, and a
 * post-evaluation by the pre-decision assessor.
 */
import { strFromU8, unzipSync } from "fflate";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionsModule } from "../../../src/modules/decisions/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { testApp } from "../../support/app.ts";

let t: TestApp;
const s = {} as Record<"office" | "handler" | "leader" | "other" | "admin", Session>;
const reg = {} as Record<string, number>;
const T = "major_decision";
const P = `/api/cases/${T}`;

beforeAll(async () => {
  t = await testApp([decisionsModule]);
  const office = await t.unit("500156", "yfzqb", "committee_office");
  const fgw = await t.unit("500156", "fgw", "department");
  await t.user("office", office, ["rule_of_law_office"]);
  await t.user("handler", fgw, ["case_handler"]);
  await t.user("leader", fgw, ["unit_leader"]);
  await t.user("other", await t.unit("500156", "jtj", "department"), ["case_handler"]);
  await t.user("admin", office, ["sys_admin"]);
  t.clock.t = new Date("2020-12-15T01:00:00Z");
  for (const k of ["office", "handler", "leader", "other", "admin"] as const)
    s[k] = await t.login(k);
  const add = async (code: string, key: string, data: unknown) => {
    const res = await t.call(s.office, {
      method: "POST",
      url: `/api/registers/${code}/entries`,
      payload: { data },
    });
    expect(res.statusCode, res.body).toBe(201);
    reg[key] = res.json().id;
  };
  const expert = (name: string) => ({
    name,
    specialty: "交通规划",
    affiliation: "重庆交通大学",
    joinedOn: "2019-06-01",
  });
  await add("decision_expert", "e1", expert("周明"));
  await add("decision_expert", "e2", expert("李华"));
  await add("decision_expert", "e3", expert("陈静"));
  await add("legal_adviser", "a1", {
    name: "张律",
    kind: "legal_adviser",
    firm: "重庆某律师事务所",
    engagedFrom: "2020-01-01",
  });
  await add("risk_assessor", "r1", {
    name: "重庆社会稳定风险评估中心",
    specialty: "社会稳定风险评估",
    listedOn: "2019-01-01",
  });
  await add("risk_assessor", "r2", {
    name: "西南政策评估研究院",
    specialty: "政策评估",
    listedOn: "2019-01-01",
  });
});
afterAll(async () => t?.close());

async function writes(): Promise<number> {
  const r = await sql<{ n: number }>`select (select count(*) from case_event)::int
    + (select count(*) from audit_event)::int + (select count(*) from case_file)::int
    + (select count(*) from register_entry)::int as n`.execute(t.db.owner);
  return r.rows[0]!.n;
}

const fields = (over: Record<string, unknown> = {}) => ({
  title: "武隆区城区公共交通线网优化方案",
  matter: "public_policy",
  source: "department",
  draftSummary: "优化城区公交线路，调整票价。",
  technical: true,
  technicalReason: "涉及交通规划和客流测算，专业性较强",
  stabilityRisk: true,
  stabilityRiskReason: "票价调整涉及群众切身利益",
  ...over,
});

async function open(f = fields(), onDate = "2020-03-02") {
  const res = await t.call(s.handler, { method: "POST", url: P, payload: { fields: f, onDate } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

type C = { id: number; version: number };
async function step(who: Session, c: C, action: string, input: unknown, onDate: string) {
  return t.call(who, {
    method: "POST",
    url: `${P}/${c.id}/actions/${action}`,
    headers: { "accept-language": "zh-CN" },
    payload: { version: c.version, input, onDate },
  });
}
/** A step that must succeed; the case moves on. */
async function ok(who: Session, c: C, action: string, input: unknown, onDate: string) {
  const res = await step(who, c, action, input, onDate);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  c.version = res.json().version;
  return res.json();
}
/** A step that must be refused with nothing written. */
async function refused(
  who: Session,
  c: C,
  action: string,
  input: unknown,
  onDate: string,
  status: number,
) {
  const before = await writes();
  const res = await step(who, c, action, input, onDate);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(status);
  expect(await writes()).toBe(before);
  return res.json().error as { message: string; fields?: { field: string; message: string }[] };
}

const comment = (from: string, to: string, reason?: string) => ({
  commentFrom: from,
  commentTo: to,
  ...(reason ? { shortPeriodReason: reason } : {}),
  channel: "武隆区人民政府网站",
  howToComment: "电子邮件、信函",
});
const views = (agree: number, disagree: number) => [
  ...Array.from({ length: agree }, (_, i) => ({
    member: `委员${i + 1}`,
    position: "agree",
    opinion: "同意",
  })),
  ...Array.from({ length: disagree }, (_, i) => ({
    member: `反对者${i + 1}`,
    position: "disagree",
    opinion: "票价调整幅度过大",
  })),
];
const decision = (over: Record<string, unknown> = {}) => ({
  meeting: "区政府第111次常务会议",
  meetingKind: "executive",
  attendees: ["卢红", "委员1", "委员2", "委员3", "反对者1"],
  views: views(3, 1),
  headDecision: "adopt",
  minutes: "会议讨论了方案，反对者1认为票价调整幅度过大。",
  ...over,
});
const review = (over: Record<string, unknown> = {}) => ({
  result: "lawful",
  opinion: "符合法定权限和程序，内容合法。",
  advisers: [{ adviserId: reg.a1, opinion: "无法律障碍" }],
  ...over,
});

describe("a major decision", () => {
  it("runs its whole lifecycle, each gate refusing the wrong sequence first", async () => {
    const c = await open();

    // Art. 15: 29 days without a reason is refused, naming the reason's field.
    let e = await refused(
      s.handler,
      c,
      "open_comment",
      comment("2020-03-02", "2020-03-31"),
      "2020-03-02",
      422,
    );
    expect(e.fields?.[0]?.field).toBe("input.shortPeriodReason");
    expect(e.fields?.[0]?.message).toContain("不足30日");
    await ok(s.handler, c, "open_comment", comment("2020-03-02", "2020-04-01"), "2020-03-02");

    // Art. 16 para. 3: materials 6 days before the hearing are too late.
    const hearing = (hearingOn: string) => ({
      hearingOn,
      place: "区政府第一会议室",
      participants: ["市民代表甲", "公交公司代表"],
      listPublishedOn: "2020-03-09",
      selection: "自愿报名、随机抽取",
    });
    e = await refused(s.handler, c, "schedule_hearing", hearing("2020-03-16"), "2020-03-10", 422);
    expect(e.fields?.[0]?.field).toBe("input.hearingOn");
    await ok(s.handler, c, "schedule_hearing", hearing("2020-03-17"), "2020-03-10");
    await ok(
      s.handler,
      c,
      "hold_hearing",
      { record: "听证会记录……", signedByParticipants: true },
      "2020-03-17",
    );

    // The comment cannot close before its last day.
    await refused(
      s.handler,
      c,
      "close_comment",
      { received: 3, adoption: "采纳2条" },
      "2020-03-31",
      409,
    );
    await ok(
      s.handler,
      c,
      "close_comment",
      { received: 37, adoption: "采纳12条，部分采纳5条" },
      "2020-04-01",
    );

    // Art. 20: an expert with a direct interest is refused.
    const argue = (interest: boolean) => ({
      method: "meeting",
      experts: [
        { expertId: reg.e1, opinion: "可行", signed: true, directInterest: false },
        { expertId: reg.e2, opinion: "基本可行", signed: true, directInterest: interest },
      ],
      recused: [{ expertId: reg.e3, reason: "其亲属经营公交公司" }],
      adoption: "采纳分段实施的建议",
    });
    e = await refused(s.handler, c, "argue", argue(true), "2020-04-03", 422);
    expect(e.fields?.[0]?.field).toBe("input.experts.1.directInterest");
    await ok(s.handler, c, "argue", argue(false), "2020-04-03");

    // A collective decision now: the legality review is missing.
    e = await refused(s.leader, c, "decide", decision(), "2020-04-08", 409);
    expect(e.message).toContain("风险评估");
    expect(e.message).toContain("合法性审查");
    expect(e.message).not.toContain("专家论证");

    await ok(
      s.handler,
      c,
      "assess_risk",
      {
        assessorKind: "third_party",
        assessorId: reg.r1,
        riskPoints: "票价上涨引发投诉",
        measures: "分段调价、加强宣传",
        plan: "设立投诉热线",
        consulted: "区交通局、区信访办",
        riskLevel: "medium",
        controllable: true,
        filedWith: "区委政法委",
      },
      "2020-04-08",
    );
    await ok(
      s.handler,
      c,
      "submit_review",
      {
        legalBases: "《重庆市道路运输管理条例》",
        procedures: "已履行公众参与、专家论证、风险评估",
      },
      "2020-04-09",
    );
    // Art. 25: the undertaking unit does not review itself; art. 26: 7 working days.
    await refused(s.leader, c, "review", review(), "2020-04-20", 409);
    e = await refused(s.office, c, "review", review(), "2020-04-17", 409);
    expect(e.message).toContain("不足7个工作日");
    await ok(s.office, c, "review", review(), "2020-04-20");

    // Art. 30 para. 2: the head departs from the majority without reasons.
    e = await refused(s.leader, c, "decide", decision({ views: views(1, 3) }), "2020-04-23", 422);
    expect(e.fields?.[0]?.field).toBe("input.headReasons");
    const decided = await ok(s.leader, c, "decide", decision(), "2020-04-23");
    expect(decided.state).toBe("decided");

    // Art. 31: reported to the Party committee before publication.
    const publish = {
      documentNo: "武隆府发〔2020〕12号",
      decisionText: "自2020年6月1日起实施城区公交线网优化方案。",
      opinionsExplanation: "收到公众意见37条，采纳12条；专家建议分段实施，已采纳。",
      channels: ["武隆区人民政府网站", "武隆报"],
    };
    e = await refused(s.handler, c, "publish", publish, "2020-04-28", 409);
    expect(e.message).toContain("党委");
    await ok(s.handler, c, "report_party", { reportKind: "request", reply: "同意" }, "2020-04-24");
    const published = await ok(s.handler, c, "publish", publish, "2020-04-28");
    expect(published.state).toBe("published");
    await ok(
      s.handler,
      c,
      "report_implementation",
      { executingUnit: "jtj", report: "已按期实施" },
      "2020-06-30",
    );

    // Art. 36 para. 2: not the pre-decision assessor.
    const post = (id: number) => ({
      trigger: "many_opinions",
      evaluatorKind: "third_party",
      evaluatorId: id,
      publicViews: "问卷调查500份",
      participants: "人大代表3名、政协委员2名",
      conclusion: "基本达到预期效果",
    });
    e = await refused(s.handler, c, "post_evaluate", post(reg.r1!), "2020-11-02", 422);
    expect(e.fields?.[0]?.field).toBe("input.evaluatorId");
    await ok(s.handler, c, "post_evaluate", post(reg.r2!), "2020-11-02");

    // The dossier: every step's record, the document, an index.
    const zip = await t.call(s.office, { method: "GET", url: `${P}/${c.id}/dossier.zip` });
    expect(zip.statusCode, zip.body).toBe(200);
    expect(zip.headers["content-type"]).toContain("application/zip");
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const names = Object.keys(files);
    const index = strFromU8(files["00-目录.txt"]!);
    for (const label of [
      "公开征求意见",
      "安排听证会",
      "举行听证会",
      "结束征求意见并研究采纳",
      "专家论证",
      "风险评估",
      "送请合法性审查",
      "出具合法性审查意见",
      "集体讨论决定",
      "向党委请示报告",
      "公布决策",
      "报告执行情况",
      "决策后评估",
    ]) {
      expect(
        names.some((n) => n.includes(label)),
        label,
      ).toBe(true);
      expect(index).toContain(label);
    }
    expect(names.some((n) => n.startsWith("文书/") && n.endsWith(".docx"))).toBe(true);
    const meeting = names.find((n) => n.includes("集体讨论决定"))!;
    const text = strFromU8(files[meeting]!);
    expect(text).toContain("反对者1");
    expect(text).toContain("票价调整幅度过大");
    expect(text).toContain("不同意");
    expect(text).not.toMatch(/headDecision|views/);

    await ok(s.handler, c, "close", { summary: "决策档案已归档" }, "2020-12-01");

    // The assessment was filed; the figures come out of the records.
    const vals = await t.call(s.office, {
      method: "GET",
      url: "/api/indicators/values?region=500156&year=2020",
    });
    expect(vals.statusCode, vals.body).toBe(200);
    const v = Object.fromEntries(
      (vals.json().values as { id: string; value: number }[]).map((x) => [x.id, x.value]),
    );
    expect(v.risk_assessments_filed).toBe(1);
    expect(v.legal_advisers).toBe(1);
    expect(v.major_decisions_decided).toBe(1);
    expect(v.major_decisions_comment_30_days).toBe(1);
    expect(v.major_decisions_expert_argumentation).toBe(1);
    expect(v.major_decisions_post_evaluation).toBe(1);

    // The portal shows the published decision with its explanation of opinions.
    const portal = await t.call(undefined, {
      method: "GET",
      url: "/public/500156/sections/published_decisions",
    });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain("武隆区城区公共交通线网优化方案");
  });

  it("refuses a decision whose risk is not controllable, and accepts a short period with its reason", async () => {
    const c = await open(
      fields({
        title: "武隆区燃气价格调整",
        technical: false,
        technicalReason: "不涉及专业技术问题",
      }),
    );
    {
      const e = await refused(s.leader, c, "decide", decision(), "2020-03-02", 409);
      expect(e.message).toContain("公众参与");
      expect(e.message).toContain("风险评估");
      expect(e.message).not.toContain("专家论证");
    }
    await ok(
      s.handler,
      c,
      "open_comment",
      comment("2020-03-02", "2020-03-22", "疫情防控期间保供急需"),
      "2020-03-02",
    );
    await ok(s.handler, c, "close_comment", { received: 2, adoption: "均已采纳" }, "2020-03-23");
    await ok(
      s.handler,
      c,
      "assess_risk",
      {
        assessorKind: "unit",
        riskPoints: "涨价引发群体性上访",
        measures: "暂缓",
        plan: "应急预案",
        consulted: "区信访办",
        riskLevel: "high",
        controllable: false,
        filedWith: "区委政法委",
      },
      "2020-03-24",
    );
    await ok(
      s.handler,
      c,
      "submit_review",
      { legalBases: "《价格法》", procedures: "已公开征求意见" },
      "2020-03-25",
    );
    await ok(s.office, c, "review", review(), "2020-04-07");
    const e = await refused(s.leader, c, "decide", decision(), "2020-04-10", 409);
    expect(e.message).toContain("风险不可控");
    // The short period is recorded with its reason and does not count as 30 days.
    const d = await t.call(s.office, { method: "GET", url: `${P}/${c.id}` });
    expect(d.json().case.fields.commentDays).toBe(20);
    expect(d.json().case.fields.shortPeriodReason).toBe("疫情防控期间保供急需");
  });

  it("keeps the dossier from another unit, and asks for the standing committee's report where the district requires it", async () => {
    const c = await open(
      fields({
        title: "武隆区城区道路停车收费标准",
        technical: false,
        technicalReason: "参照市级指导价",
        stabilityRisk: false,
        stabilityRiskReason: "影响较小",
      }),
      "2020-10-30",
    );
    const before = await writes();
    const hidden = await t.call(s.other, { method: "GET", url: `${P}/${c.id}/dossier.zip` });
    expect(hidden.statusCode).toBe(404);
    expect(await writes()).toBe(before);

    await ok(s.handler, c, "open_comment", comment("2020-11-01", "2020-12-01"), "2020-10-30");
    await ok(s.handler, c, "close_comment", { received: 0, adoption: "未收到意见" }, "2020-12-01");
    await ok(
      s.handler,
      c,
      "submit_review",
      { legalBases: "《价格法》", procedures: "已公开征求意见" },
      "2020-12-02",
    );
    await ok(s.office, c, "review", review(), "2020-12-11");
    await ok(s.leader, c, "decide", decision(), "2020-12-14");
    await ok(s.handler, c, "report_party", { reportKind: "report" }, "2020-12-14");
    const put = await t.call(s.admin, {
      method: "PUT",
      url: "/api/settings/decisions.npc_report_required",
      payload: { region: "500156", value: true, basis: "区委关于重大事项向人大报告的实施意见" },
    });
    expect(put.statusCode, put.body).toBe(200);
    const publish = {
      documentNo: "武隆府发〔2020〕30号",
      decisionText: "执行新收费标准。",
      opinionsExplanation: "未收到公众意见。",
      channels: ["武隆区人民政府网站"],
    };
    const e = await refused(s.handler, c, "publish", publish, "2020-12-15", 409);
    expect(e.message).toContain("人大常委会");
    await ok(s.handler, c, "report_npc", { receipt: "已收悉" }, "2020-12-15");
    await ok(s.handler, c, "publish", publish, "2020-12-15");
  });
});
