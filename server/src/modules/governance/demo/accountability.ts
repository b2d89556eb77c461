/**
 * Leadership and accountability in 2020 (report 一(二)): the committee as adjusted in
 * 2020 (head 黄宗华, deputy head 卢红, 11 member units, 4 coordination groups), the
 * leaders' duty reports, the 21 tasks of 《2020年全区法治政府建设工作要点》 (July), the
 * August inspection of 26 townships and streets and 53 departments and bodies with its 65
 * tasks and the rectifications its findings opened, and the September self-assessment of
 * 43 units against 108 indicators. Every record goes through the engines as the office
 * or the unit that owns it.
 */
import type { DemoContext } from "../../../engines/demo/index.ts";
import {
  demoUsername,
  STAFFED_DEPARTMENTS,
  WULONG_DISTRICT_BODIES,
  WULONG_TOWNSHIPS,
} from "../../directory/index.ts";
import { INSPECTION_TYPE, PLAN_TASK_TYPE } from "../plan.ts";
import {
  assessmentIndicatorRegister,
  committeeRegister,
  dutyReportRegister,
  selfAssessmentRegister,
} from "../registers/leadership.ts";
import { importEntries, importForUnits, OFFICE, plusDays } from "./util.ts";

export const ACCOUNTABILITY_SEED = {
  memberUnits: 11,
  groups: 4,
  planTasks: 21,
  inspectedTownships: 26,
  inspectedDepartments: 53,
  inspectionTasks: 65,
  selfAssessedUnits: 43,
  indicators: 108,
} as const;

const PLAN = "2020年全区法治政府建设工作要点";
const PLAN_DAY = "2020-07-10";
const INSPECTION_DAY = "2020-08-05";
const INSPECTION_END = "2020-08-31";
const ASSESSMENT_DAY = "2020-09-25";

const TASKS = [
  "深入学习贯彻习近平法治思想",
  "落实党政主要负责人履行推进法治建设第一责任人职责",
  "深化行政审批制度改革",
  "动态管理权责清单和负面清单",
  "优化法治化营商环境",
  "加强行政规范性文件备案审查",
  "开展规范性文件清理",
  "严格落实重大行政决策程序",
  "发挥法律顾问作用",
  "深化综合行政执法体制改革",
  "全面推行行政执法三项制度",
  "加强行政执法人员资格管理和培训",
  "开展行政执法案卷评查",
  "自觉接受人大监督和民主监督",
  "做好行政机关负责人出庭应诉",
  "加强审计监督",
  "健全矛盾纠纷多元化解机制",
  "加强行政复议工作",
  "落实谁执法谁普法普法责任制",
  "推进法治文化阵地建设",
  "加强政府工作人员法治教育培训",
];

const GROUPS = [
  ["legislation_group", "区人大常委会副主任"],
  ["enforcement_group", "副区长"],
  ["judicial_group", "区委政法委书记"],
  ["publicity_group", "区委宣传部部长"],
] as const;

const MEMBER_UNITS = ["qwb", "zfb", "zzb", "xcb", "zfw", "jiwei", "sfj", "gaj", "fy", "jcy", "rdb"];

export async function loadAccountability(ctx: DemoContext): Promise<string[]> {
  const { rng } = ctx;
  const notes: string[] = [];
  const units = new Map((await ctx.units({ regionCode: ctx.regionCode })).map((u) => [u.code, u]));
  const unit = (code: string) => {
    const u = units.get(code);
    if (!u) throw new Error(`the directory has no unit "${code}"`);
    return u;
  };
  const office = unit("yfzqb").id;

  // ── the committee (adjusted in 2020; one member unit of the former composition left)
  const seats: Record<string, unknown>[] = [
    { body: "committee", role: "head", name: "黄宗华", post: "区委书记", since: "2020-02-20" },
    {
      body: "committee",
      role: "deputy_head",
      name: "卢红",
      post: "区委副书记、区长",
      since: "2020-02-20",
    },
    ...MEMBER_UNITS.map((c) => ({
      body: "committee",
      role: "member_unit",
      name: unit(c).nameZh,
      unitCode: c,
      since: "2020-02-20",
    })),
    {
      body: "committee",
      role: "member_unit",
      name: "区法制办（已撤并）",
      since: "2018-12-01",
      until: "2019-12-31",
    },
    ...GROUPS.map(([body, post]) => ({
      body,
      role: "head",
      name: `${post}（组长）`,
      post,
      since: "2020-02-20",
    })),
    ...GROUPS.flatMap(([body]) =>
      rng
        .shuffle(STAFFED_DEPARTMENTS)
        .slice(0, 4)
        .map((c) => ({
          body,
          role: "member_unit",
          name: unit(c).nameZh,
          unitCode: c,
          since: "2020-02-20",
        })),
    ),
  ];
  await importEntries(ctx, committeeRegister, seats, { day: "2020-02-21", unitId: office });

  // ── duty reports (述法) of the departments' principal leaders for 2020
  const reports = STAFFED_DEPARTMENTS.map((c, i) => ({
    year: 2020,
    leader: `${unit(c).nameZh}主要负责人`,
    post: `${unit(c).nameZh}党组书记、局长`,
    unitCode: c,
    reportedOn: plusDays("2021-01-08", i % 5),
    occasion: "区委全面依法治区委员会年度述法会议",
    summary:
      "履行推进法治建设第一责任人职责情况：研究部署法治建设、会前学法、依法决策、行政执法监督。",
    evaluation: rng.pick(["excellent", "excellent", "good"]),
  }));
  await importEntries(ctx, dutyReportRegister, reports, { day: "2021-01-15", unitId: office });

  // ── the work plan's 21 tasks, each owned by its lead unit
  let completed = 0;
  const leadOf = (i: number) => STAFFED_DEPARTMENTS[i % STAFFED_DEPARTMENTS.length]!;
  const opened = await ctx.as(OFFICE, PLAN_DAY, async (w) => {
    const out = [];
    for (const [i, task] of TASKS.entries()) {
      const lead = leadOf(i);
      const supporting = rng.shuffle(STAFFED_DEPARTMENTS.filter((c) => c !== lead)).slice(0, 2);
      out.push(
        await ctx.cases.open(w, PLAN_TASK_TYPE, {
          unitId: unit(lead).id,
          fields: {
            plan: PLAN,
            taskNo: i + 1,
            task,
            leadUnit: lead,
            supportingUnits: supporting,
            deadline: i < 18 ? "2020-11-30" : "2020-12-31",
          },
        }),
      );
    }
    return out;
  });
  // Each lead unit reports progress and completes its tasks (the last is still open).
  for (const lead of new Set(TASKS.map((_, i) => leadOf(i)))) {
    completed += await ctx.as(demoUsername(lead, "case_handler"), "2020-12-20", async (w) => {
      let n = 0;
      for (const [i, task] of TASKS.entries()) {
        if (leadOf(i) !== lead) continue;
        const c = opened[i]!;
        const v = await ctx.cases.step(w, PLAN_TASK_TYPE, c.id, "report_progress", {
          version: c.version,
          onDate: "2020-09-15",
          input: { progress: 60, report: "已制定实施方案，按计划推进。" },
        });
        if (i === TASKS.length - 1) continue;
        await ctx.cases.step(w, PLAN_TASK_TYPE, c.id, "complete", {
          version: v.version,
          onDate: plusDays("2020-10-20", i * 2),
          input: { summary: `${task}已完成。`, evidence: ["工作方案", "工作总结"] },
        });
        n++;
      }
      return n;
    });
  }
  notes.push(`${TASKS.length} plan tasks (${completed} completed)`);

  // ── the August inspection: 26 townships and streets, 53 departments and bodies, 65 tasks
  const towns = WULONG_TOWNSHIPS.map((t) => t.code);
  const depts = WULONG_DISTRICT_BODIES.map((b) => b.code)
    .filter((c) => c !== "yfzqb")
    .slice(0, 53);
  const tasks = Array.from({ length: ACCOUNTABILITY_SEED.inspectionTasks }, (_, i) => ({
    task: `督查任务${i + 1}：${TASKS[i % TASKS.length]}落实情况`,
  }));
  const insp = await ctx.as(OFFICE, INSPECTION_DAY, (w) =>
    ctx.cases.open(w, INSPECTION_TYPE, {
      fields: { title: "2020年法治政府建设工作督导督查", units: [...towns, ...depts], tasks },
    }),
  );
  const findings = [
    { unitCode: towns[0]!, finding: "综合行政执法办公室案卷归档不规范", deadline: "2020-10-31" },
    { unitCode: towns[1]!, finding: "普法责任清单未及时公布", deadline: "2020-10-31" },
    { unitCode: "sthjj", finding: "重大执法决定法制审核记录不完整", deadline: "2020-10-15" },
    { unitCode: "cgj", finding: "执法全过程记录音像资料未按期归档", deadline: "2020-12-31" },
  ];
  let v = insp.version;
  for (const f of findings) {
    const next = await ctx.as(OFFICE, "2020-08-20", (w) =>
      ctx.cases.step(w, INSPECTION_TYPE, insp.id, "record_finding", {
        version: v,
        onDate: "2020-08-20",
        input: { ...f, requirement: "限期整改并报送整改情况及佐证材料" },
      }),
    );
    v = next.version;
  }
  await ctx.as(OFFICE, INSPECTION_END, (w) =>
    ctx.cases.step(w, INSPECTION_TYPE, insp.id, "conclude", {
      version: v,
      onDate: INSPECTION_END,
      input: {
        summary: "65项督查任务基本得到落实，发现问题已交办整改。",
        tasks: tasks.map((t, i) => ({ ...t, result: i % 9 === 0 ? "basically_done" : "done" })),
      },
    }),
  );
  // Three rectifications closed with evidence; the last is still open past its deadline.
  const rect = await ctx.trx
    .selectFrom("case_file")
    .select(["id", "version", "unit_id"])
    .where("region_code", "=", ctx.regionCode)
    .where("case_type", "=", "rectification")
    .orderBy("id")
    .execute();
  for (const r of rect.slice(0, 3)) {
    const code = [...units.values()].find((u) => u.id === Number(r.unit_id))!.code;
    // Townships and staffed departments each have a case handler among the demo accounts.
    const who = demoUsername(code, "case_handler");
    await ctx.as(who, "2020-10-10", (w) =>
      ctx.cases.step(w, "rectification", Number(r.id), "close_with_evidence", {
        version: Number(r.version),
        onDate: "2020-10-10",
        input: { summary: "已按要求完成整改。", evidence: ["整改报告"] },
      }),
    );
  }
  notes.push(
    `1 inspection of ${towns.length + depts.length} units, ${findings.length} rectifications`,
  );

  // ── the self-assessment: 108 indicators, 43 units accepted, one unit still pending
  const AREAS = [
    "政府职能依法全面履行",
    "依法行政制度体系完善",
    "重大行政决策科学民主合法",
    "行政执法严格规范公正文明",
    "行政权力制约和监督科学有效",
    "社会矛盾纠纷依法有效化解",
    "政府工作人员法治思维和依法行政能力",
    "法治政府建设组织领导落实到位",
  ];
  const indicators = Array.from({ length: ACCOUNTABILITY_SEED.indicators }, (_, i) => ({
    version: "2020",
    no: i + 1,
    level: 3,
    area: AREAS[Math.floor((i * AREAS.length) / ACCOUNTABILITY_SEED.indicators)]!,
    text: `示范指标第${i + 1}项`,
    evidence: rng.pick(["material", "data", "online"]),
  }));
  await importEntries(ctx, assessmentIndicatorRegister, indicators, {
    day: "2020-09-01",
    unitId: office,
  });
  const assessed = WULONG_DISTRICT_BODIES.map((b) => b.code).slice(
    0,
    ACCOUNTABILITY_SEED.selfAssessedUnits + 1,
  );
  const files = new Map<number, Record<string, unknown>[]>();
  for (const [k, code] of assessed.entries()) {
    const pending = k === assessed.length - 1;
    const rows = indicators.map((ind) => ({
      year: 2020,
      version: "2020",
      indicatorNo: ind.no,
      unitCode: code,
      assessedOn: ASSESSMENT_DAY,
      // The unit still under review scored one indicator not met: it does not count.
      met: !(pending && ind.no === 1),
      score: pending && ind.no === 1 ? 60 : 100,
      evidence: ["自查报告"],
      review: pending ? "pending" : "accepted",
    }));
    files.set(unit(code).id, rows);
  }
  const scores = await importForUnits(ctx, selfAssessmentRegister, files, "2020-09-28");
  notes.push(
    `${indicators.length} indicators, ${scores} self-assessment scores of ${assessed.length} units`,
  );
  return notes;
}
