/**
 * Five decisions of 2020 taken step by step through the case engine as the demo users
 * would: one complete (comment, hearing, experts, third-party risk assessment, legality
 * review, collective decision, reports, publication, implementation, post-evaluation,
 * archive — its dossier downloads whole), one published, one decided at the joint
 * meeting of 2020-08-10 the seed names, two still being prepared.
 */
import type { DemoContext } from "../../../engines/demo/index.ts";
import { demoUsername } from "../../directory/index.ts";
import { DECISION_TYPE } from "../common.ts";

export const OFFICE = demoUsername("yfzqb", "rule_of_law_office");

type Ids = Record<string, number>;

/** Entry ids by title field, read as the office sees them. */
export async function idsOf(ctx: DemoContext, register: string, field: string): Promise<Ids> {
  return ctx.as(OFFICE, "2020-12-31", async (w) => {
    const rows = await w.trx
      .selectFrom("register_entry")
      .select(["id", "data"])
      .where("register", "=", register)
      .execute();
    return Object.fromEntries(
      rows.map((r) => [String((r.data as Record<string, unknown>)[field]), Number(r.id)]),
    );
  });
}

/** An entry's id by name; the demo's own data, so a missing one is a bug in it. */
function need(ids: Ids, name: string): number {
  const id = ids[name];
  if (id === undefined) throw new Error(`demo: no register entry named ${name}`);
  return id;
}

class Decision {
  id = 0;
  version = 0;
  constructor(
    private ctx: DemoContext,
    private unit: string,
  ) {}

  async open(day: string, fields: Record<string, unknown>) {
    const c = await this.ctx.as(demoUsername(this.unit, "case_handler"), day, (w) =>
      this.ctx.cases.open(w, DECISION_TYPE, { fields, onDate: day }),
    );
    this.id = c.id;
    this.version = c.version;
    return this;
  }

  async step(
    day: string,
    action: string,
    input: Record<string, unknown>,
    who: "handler" | "leader" | "office" = "handler",
  ) {
    const user =
      who === "office"
        ? OFFICE
        : demoUsername(this.unit, who === "leader" ? "unit_leader" : "case_handler");
    const c = await this.ctx.as(user, day, (w) =>
      this.ctx.cases.step(w, DECISION_TYPE, this.id, action, {
        version: this.version,
        input,
        onDate: day,
      }),
    );
    this.version = c.version;
    return this;
  }
}

const comment = (from: string, to: string, reason?: string) => ({
  commentFrom: from,
  commentTo: to,
  ...(reason ? { shortPeriodReason: reason } : {}),
  channel: "武隆区人民政府网站“意见征集”栏目",
  howToComment: "电子邮件、信函或网站留言",
});

const views = (agree: string[], dissent: [string, string][]) => [
  ...agree.map((member) => ({ member, position: "agree", opinion: "同意该决策草案" })),
  ...dissent.map(([member, opinion]) => ({ member, position: "disagree", opinion })),
];

const MEMBERS = ["卢红", "刘明", "王建", "陈平", "杨军", "赵勇"];

export async function loadDecisions(
  ctx: DemoContext,
  experts: Ids,
  advisers: Ids,
  assessors: Ids,
): Promise<number> {
  const adviser = (name: string, opinion: string) => ({ adviserId: need(advisers, name), opinion });
  const expert = (name: string, opinion: string) => ({
    expertId: need(experts, name),
    opinion,
    signed: true,
    directInterest: false,
  });

  // ── A. Complete: the public transport network (区交通局).
  const a = await new Decision(ctx, "jtj").open("2020-04-07", {
    title: "武隆区城区公共交通线网优化方案",
    matter: "public_policy",
    catalogueItem: "2020年第1项",
    source: "department",
    draftSummary: "调整城区公交线路12条、新增3条，票价实行一票制并对老年人免费。",
    technical: true,
    technicalReason: "涉及客流测算和线网规划，专业性、技术性较强",
    stabilityRisk: true,
    stabilityRiskReason: "线路和票价调整涉及群众出行切身利益",
  });
  await a.step("2020-04-08", "open_comment", comment("2020-04-08", "2020-05-08"));
  await a.step("2020-04-20", "schedule_hearing", {
    hearingOn: "2020-04-28",
    place: "区政府第三会议室",
    participants: ["市民代表冉某", "市民代表向某", "公交公司代表", "人大代表", "政协委员"],
    listPublishedOn: "2020-04-17",
    selection: "自愿报名、随机抽取，兼顾各方代表",
  });
  await a.step("2020-04-28", "hold_hearing", {
    record: "承办单位介绍方案；参加人就票价和线路陈述意见并询问；记录经参加人确认签字。",
    signedByParticipants: true,
  });
  await a.step("2020-05-11", "close_comment", {
    received: 46,
    adoption: "收到意见46条，采纳18条（增设学校线路等），部分采纳9条，未采纳19条并说明理由。",
  });
  await a.step("2020-05-13", "argue", {
    method: "meeting",
    experts: [
      expert("周立群", "线网优化必要、可行，建议分两期实施。"),
      expert("罗晓梅", "与城市总体规划衔接，可行。"),
      expert("曾涛", "票价方案财政可承受，建议建立补贴动态调整机制。"),
    ],
    recused: [
      { expertId: need(experts, "唐明华"), reason: "其配偶在公交公司任职，存在直接利害关系" },
    ],
    adoption: "采纳分两期实施和补贴动态调整的建议。",
  });
  await a.step("2020-05-20", "assess_risk", {
    assessorKind: "third_party",
    assessorId: need(assessors, "重庆市社会稳定风险评估研究中心"),
    riskPoints: "部分线路取消引发沿线居民不满；出租车行业利益受影响。",
    measures: "保留过渡线路三个月；加强宣传解读；与出租车行业座谈。",
    plan: "设立投诉专线，出现聚集时由属地街道和公安分工处置。",
    consulted: "区公安局、区信访办、凤山街道、芙蓉街道",
    riskLevel: "medium",
    controllable: true,
    filedWith: "区委政法委",
  });
  await a.step("2020-05-25", "submit_review", {
    legalBases: "《重庆市道路运输管理条例》；《城市公共汽车和电车客运管理规定》",
    procedures: "已公开征求意见30日、召开听证会、组织专家论证和社会稳定风险评估。",
  });
  await a.step(
    "2020-06-03",
    "review",
    {
      result: "lawful",
      opinion: "决策事项属区政府法定权限，程序完备，内容符合法律法规规定。",
      advisers: [adviser("冉建国", "无法律障碍"), adviser("夏磊", "建议明确过渡期安排")],
    },
    "office",
  );
  await a.step(
    "2020-06-11",
    "decide",
    {
      meeting: "区政府第105次常务会议",
      meetingKind: "executive",
      attendees: MEMBERS,
      views: views(MEMBERS.slice(0, 5), [["赵勇", "建议暂缓取消二号线，待新线运行后再定"]]),
      headDecision: "adopt_amended",
      minutes:
        "会议听取区交通局汇报，组成人员逐一发表意见，赵勇同志持不同意见。区长卢红最后发表意见，决定修改后通过：二号线保留至新线运行三个月后。",
    },
    "leader",
  );
  await a.step("2020-06-15", "report_party", {
    reportKind: "request",
    reportNo: "武隆府文〔2020〕41号",
    reply: "区委同意",
  });
  await a.step("2020-06-18", "report_npc", {
    reportNo: "武隆府文〔2020〕43号",
    receipt: "区人大常委会办公室已收悉",
  });
  await a.step("2020-06-24", "publish", {
    documentNo: "武隆府发〔2020〕15号",
    decisionText:
      "自2020年7月1日起实施城区公共交通线网优化方案，分两期调整线路，实行一票制，65周岁以上老年人免费乘车。",
    opinionsExplanation:
      "公开征求意见收到46条，采纳18条、部分采纳9条；听证会意见已吸收；专家提出的分两期实施和补贴动态调整建议均已采纳。",
    channels: ["武隆区人民政府公报", "武隆区人民政府网站", "武隆报"],
    interpretation: "区交通局负责人接受武隆电视台访谈解读。",
  });
  await a.step("2020-09-30", "report_implementation", {
    executingUnit: "jtj",
    report: "第一期线路已于7月1日调整到位，日均客流增长12%。",
  });
  await a.step("2020-11-20", "post_evaluate", {
    trigger: "necessary",
    evaluatorKind: "third_party",
    evaluatorId: need(assessors, "西南政法大学社会风险评估研究所"),
    publicViews: "发放问卷800份，召开座谈会2次。",
    participants: "人大代表3名、政协委员2名参与评估。",
    conclusion: "基本达到预期效果，建议优化偏远片区班次。",
  });
  await a.step("2020-12-18", "close", { summary: "决策过程记录和材料已完整归档。" });

  // ── B. Published: household waste sorting (区城市管理局).
  const b = await new Decision(ctx, "cgj").open("2020-05-06", {
    title: "武隆区城区生活垃圾分类实施方案",
    matter: "public_policy",
    catalogueItem: "2020年第2项",
    source: "leadership",
    draftSummary: "城区分三年全面推行生活垃圾四分类，建设分类收运体系。",
    technical: false,
    technicalReason: "参照市级成熟方案，不涉及较强专业技术问题",
    stabilityRisk: true,
    stabilityRiskReason: "收运站点选址可能引发周边居民反对",
  });
  await b.step("2020-05-08", "open_comment", comment("2020-05-08", "2020-06-08"));
  await b.step("2020-06-09", "close_comment", {
    received: 21,
    adoption: "收到意见21条，采纳8条，部分采纳4条。",
  });
  await b.step("2020-06-10", "assess_risk", {
    assessorKind: "unit",
    riskPoints: "收运站点选址。",
    measures: "站点选址公示并听取居民意见。",
    plan: "出现信访由属地街道接访化解。",
    consulted: "区信访办、凤山街道",
    riskLevel: "low",
    controllable: true,
    filedWith: "区委政法委",
  });
  await b.step("2020-06-12", "submit_review", {
    legalBases: "《中华人民共和国固体废物污染环境防治法》；《重庆市生活垃圾管理条例》",
    procedures: "已公开征求意见31日并开展风险评估。",
  });
  await b.step(
    "2020-06-23",
    "review",
    {
      result: "lawful_with_changes",
      opinion: "建议删除对违规投放个人直接罚款的表述，改为依照条例处理。",
      advisers: [adviser("向丽芳", "罚则应与上位法一致")],
    },
    "office",
  );
  await b.step(
    "2020-07-02",
    "decide",
    {
      meeting: "区政府第108次常务会议",
      meetingKind: "executive",
      attendees: MEMBERS,
      views: views(MEMBERS, []),
      headDecision: "adopt",
      minutes: "会议一致同意按合法性审查意见修改后的方案。",
    },
    "leader",
  );
  await b.step("2020-07-06", "report_party", { reportKind: "report", reply: "区委同意" });
  await b.step("2020-07-09", "report_npc", { receipt: "区人大常委会办公室已收悉" });
  await b.step("2020-07-15", "publish", {
    documentNo: "武隆府发〔2020〕18号",
    decisionText: "城区自2020年9月起分三年全面推行生活垃圾分类。",
    opinionsExplanation: "公开征求意见收到21条，采纳8条、部分采纳4条，未采纳的已在网站说明理由。",
    channels: ["武隆区人民政府网站"],
  });

  // ── C. Decided at the joint meeting of 2020-08-10 (区规划自然资源局).
  const c = await new Decision(ctx, "ghzrzyj").open("2020-06-01", {
    title: "武隆区国土空间总体规划（2020—2035年）",
    matter: "plan",
    catalogueItem: "2020年第3项",
    source: "leadership",
    draftSummary: "划定生态保护红线、永久基本农田和城镇开发边界，确定全区空间格局。",
    technical: true,
    technicalReason: "规划编制专业性、技术性强",
    stabilityRisk: false,
    stabilityRiskReason: "不直接涉及征收搬迁，对社会稳定影响较小",
  });
  await c.step("2020-06-03", "open_comment", comment("2020-06-03", "2020-07-10"));
  await c.step("2020-07-13", "close_comment", {
    received: 63,
    adoption: "收到意见63条，采纳25条。",
  });
  await c.step("2020-07-20", "argue", {
    method: "written",
    experts: [
      expert("罗晓梅", "三线划定合理。"),
      expert("余春兰", "建议加强乌江生态廊道保护。"),
      expert("杜文斌", "旅游用地布局可行。"),
    ],
    recused: [],
    adoption: "采纳加强乌江生态廊道保护的建议。",
  });
  await c.step("2020-07-27", "submit_review", {
    legalBases: "《中华人民共和国土地管理法》；《中华人民共和国城乡规划法》",
    procedures: "已公开征求意见37日并组织专家论证。",
  });
  await c.step(
    "2020-08-05",
    "review",
    {
      result: "lawful",
      opinion: "程序和内容合法。",
      advisers: [adviser("彭勇", "无法律障碍")],
    },
    "office",
  );
  await c.step(
    "2020-08-10",
    "decide",
    {
      meeting: "区政府党组（扩大）会议暨区政府第111次常务会议",
      meetingKind: "executive",
      attendees: MEMBERS,
      views: views(MEMBERS.slice(0, 5), [["陈平", "建议城镇开发边界再适当扩大"]]),
      headDecision: "adopt",
      minutes:
        "会议专题学习《重庆市重大行政决策程序规定》后审议规划草案，陈平同志持不同意见，已如实记录。",
    },
    "leader",
  );
  await c.step("2020-08-14", "report_party", { reportKind: "request", reply: "待区委常委会审议" });

  // ── D. Being prepared: review submitted (区文化旅游委).
  const d = await new Decision(ctx, "whlyw").open("2020-09-01", {
    title: "武隆区仙女山国家森林公园旅游资源保护利用办法",
    matter: "resources",
    catalogueItem: "2020年第4项",
    source: "deputies_public",
    draftSummary: "明确核心景区保护范围、游客承载量和经营项目准入。",
    technical: true,
    technicalReason: "涉及生态承载力测算",
    stabilityRisk: true,
    stabilityRiskReason: "经营项目准入涉及现有经营户利益",
  });
  await d.step("2020-09-02", "open_comment", comment("2020-09-02", "2020-10-09"));
  await d.step("2020-10-12", "close_comment", { received: 17, adoption: "采纳6条。" });
  await d.step("2020-10-20", "argue", {
    method: "meeting",
    experts: [expert("杜文斌", "承载量测算合理。"), expert("余春兰", "建议设置生态监测点。")],
    recused: [],
    adoption: "采纳设置生态监测点的建议。",
  });

  // ── E. The item added by adjustment: a shorter comment period with its reason (区发展改革委).
  const e = await new Decision(ctx, "fgw").open("2020-11-02", {
    title: "武隆区城区机动车停放服务收费管理办法",
    matter: "public_policy",
    catalogueItem: "2020年第7项（调整增列）",
    source: "deputies_public",
    draftSummary: "城区道路停车泊位分时段差别化收费。",
    technical: false,
    technicalReason: "收费标准参照市级指导价，不涉及较强专业技术问题",
    stabilityRisk: true,
    stabilityRiskReason: "收费涉及广大车主切身利益",
  });
  await e.step(
    "2020-11-16",
    "open_comment",
    comment("2020-11-16", "2020-12-06", "年末城区停车矛盾集中，需在元旦前出台，缩短为20日"),
  );
  await e.step("2020-12-07", "close_comment", { received: 88, adoption: "正在研究。" });
  return 5;
}
