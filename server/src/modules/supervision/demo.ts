/**
 * The supervision demo (Wulong 2020): the market regulation bureau's item list and the
 * inspection-object directory, conflicts recorded, four quarterly tasks with their
 * commit-before-reveal draws (one a joint plan with the emergency management bureau)
 * and a cancelled one, the inspection results (some transferred to enforcement cases,
 * some published late, the last quarter's partly still to publish at the demo's date);
 * credit records collected by the development and reform commission through the register
 * engine's batched import (seed 一(三)5: 9万余条 — `FAZHI_DEMO_CREDIT_RECORDS`, see
 * docs/supervision.md), red and black list entries, repairs. Everything from records.
 */
import { sql } from "kysely";
import type { DemoContext, DemoContribution } from "../../engines/demo/index.ts";
import { importCsv } from "../../engines/register/index.ts";
import { makeUscc } from "../../kernel/codes/uscc.ts";
import { addDays, type LocalDate } from "../../kernel/time/index.ts";
import { demoUsername } from "../directory/index.ts";
import type { RiskClass } from "./draw.ts";
import { seedCommitment, sm3Hex } from "./draw.ts";
import { INSPECTION_CASE, PLAN_CASE } from "./pool.ts";
import {
  avoidanceRegister,
  CREDIT_KIND_LABELS,
  creditRegister,
  itemRegister,
  objectRegister,
} from "./registers.ts";

export const SUPERVISION_DEMO_ID = "supervision";

/**
 * The number of credit records the demo imports: the seed's 9万余条 (一(三)5), in one CSV
 * file through the register engine's import (all rows or none). `FAZHI_DEMO_CREDIT_RECORDS`
 * lowers it for tests that do not need the full count (the supervision demo test).
 */
export const DEMO_CREDIT_RECORDS = 90_500;

const INDUSTRIES = ["食品经营", "餐饮服务", "药品零售", "特种设备使用", "工业产品生产"];
const RISKS: RiskClass[] = ["A", "A", "B", "B", "B", "B", "C", "C", "C", "D"];
const OBJECTS = 400;

const ITEMS = [
  [
    "SC-01",
    "scjgj",
    "食品经营者经营条件及食品安全管理制度检查",
    "《中华人民共和国食品安全法》第一百一十条",
  ],
  ["SC-02", "scjgj", "餐饮服务单位食品安全检查", "《中华人民共和国食品安全法》第一百一十条"],
  ["SC-03", "scjgj", "药品零售企业经营行为检查", "《中华人民共和国药品管理法》第九十九条"],
  ["SC-04", "scjgj", "特种设备使用单位安全管理检查", "《中华人民共和国特种设备安全法》第五十七条"],
  ["SC-05", "scjgj", "工业产品质量监督抽查", "《中华人民共和国产品质量法》第十五条"],
  ["SC-06", "scjgj", "企业公示信息检查", "《企业信息公示暂行条例》第十四条"],
  ["YJ-01", "yjj", "生产经营单位安全生产条件检查", "《中华人民共和国安全生产法》第六十五条"],
] as const;

interface Task {
  title: string;
  items: string[];
  departments: string[];
  industries?: string[];
  open: string;
  inspectionDate: string;
  inspectionEnd: string;
  cancel?: string;
}

const TASKS: Task[] = [
  {
    title: "2020年第一季度食品经营者双随机抽查",
    items: ["SC-01", "SC-02"],
    departments: ["scjgj"],
    industries: ["食品经营", "餐饮服务"],
    open: "2020-03-02",
    inspectionDate: "2020-03-16",
    inspectionEnd: "2020-04-17",
  },
  {
    title: "2020年第二季度药品和特种设备双随机抽查",
    items: ["SC-03", "SC-04"],
    departments: ["scjgj"],
    open: "2020-05-06",
    inspectionDate: "2020-05-18",
    inspectionEnd: "2020-06-19",
  },
  {
    title: "2020年部门联合双随机抽查（市场监管、应急管理）",
    items: ["SC-04", "YJ-01"],
    departments: ["scjgj", "yjj"],
    industries: ["特种设备使用", "工业产品生产"],
    open: "2020-08-03",
    inspectionDate: "2020-08-17",
    inspectionEnd: "2020-09-25",
  },
  {
    title: "2020年企业公示信息双随机抽查（重新拟定前）",
    items: ["SC-06"],
    departments: ["scjgj"],
    open: "2020-10-09",
    inspectionDate: "2020-10-26",
    inspectionEnd: "2020-11-27",
    cancel: "抽查事项调整，本任务作废后重新拟定",
  },
  {
    title: "2020年第四季度企业公示信息和产品质量双随机抽查",
    items: ["SC-05", "SC-06"],
    departments: ["scjgj"],
    open: "2020-10-19",
    inspectionDate: "2020-11-02",
    inspectionEnd: "2021-01-08",
  },
];

const d = (s: string) => s as LocalDate;

async function loadDirectory(ctx: DemoContext): Promise<string[]> {
  const { rng } = ctx;
  const handler = demoUsername("scjgj", "case_handler");
  const usccs = Array.from({ length: OBJECTS }, (_, k) =>
    makeUscc("91", "500156", 20_000 + k * 37),
  );
  await ctx.as(handler, "2020-01-06", async (w) => {
    for (const [code, unit, item, basis] of ITEMS) {
      if (unit !== "scjgj") continue;
      await ctx.registers.create(w, itemRegister, {
        data: {
          code,
          unitCode: unit,
          item,
          kind: code === "SC-04" ? "key" : "general",
          legalBasis: basis,
          subjects: "辖区内相关市场主体",
          method: "现场检查、书面检查",
          ratio: 5,
          frequency: "每年不少于1次",
        },
      });
    }
    for (let k = 0; k < usccs.length; k++) {
      await ctx.registers.create(w, objectRegister, {
        data: {
          uscc: usccs[k],
          name: `武隆区${rng.pick(["仙女山", "白马山", "芙蓉", "凤来", "巷口", "火炉"])}${rng.pick(["食品", "商贸", "餐饮", "药房", "机械", "建材"])}${rng.pick(["有限公司", "经营部", "有限责任公司"])}${k + 1}`,
          industry: INDUSTRIES[k % INDUSTRIES.length],
          address: `重庆市武隆区${rng.pick(["芙蓉街道", "凤山街道", "仙女山街道", "巷口镇", "火炉镇"])}${rng.int(1, 300)}号`,
          risk: rng.pick(RISKS),
          ...(k % 97 === 5 ? { affiliatedUnitCode: "scjgj" } : {}),
        },
      });
    }
    // Conflicts recorded before any draw (kinship).
    const officers = await w.trx
      .selectFrom("register_entry")
      .select(sql<string>`data ->> 'certificateNo'`.as("cert"))
      .where("region_code", "=", ctx.regionCode)
      .where("register", "=", "enforcement_officer")
      .where(sql<string>`data ->> 'bodyUnitCode'`, "=", "scjgj")
      .orderBy("id")
      .limit(6)
      .execute();
    for (let k = 0; k < officers.length; k++) {
      await ctx.registers.create(w, avoidanceRegister, {
        data: { certificateNo: officers[k]!.cert, uscc: usccs[k * 11]!, kind: "kinship" },
      });
    }
  });
  await ctx.as(demoUsername("yjj", "case_handler"), "2020-01-06", async (w) => {
    for (const [code, unit, item, basis] of ITEMS) {
      if (unit !== "yjj") continue;
      await ctx.registers.create(w, itemRegister, {
        data: {
          code,
          unitCode: unit,
          item,
          kind: "key",
          legalBasis: basis,
          subjects: "辖区内生产经营单位",
          method: "现场检查",
          ratio: 5,
          frequency: "每年不少于1次",
        },
      });
    }
  });
  return usccs;
}

async function runTask(ctx: DemoContext, t: Task, k: number) {
  const { rng, cases } = ctx;
  const handler = demoUsername("scjgj", "case_handler");
  const seed = sm3Hex(`${ctx.seed}:spot-check:${k}`);
  const freezeOn = addDays(d(t.open), 2);
  const drawOn = addDays(freezeOn, 3);
  const lottery = Array.from({ length: 3 }, () => rng.int(0, 9)).join(" ");
  let c = await ctx.as(handler, t.open, (w) =>
    cases.open(w, PLAN_CASE, {
      onDate: t.open,
      fields: {
        title: t.title,
        items: t.items,
        departments: t.departments,
        ...(t.industries ? { industries: t.industries } : {}),
        ratios: { A: 1, B: 3, C: 8, D: 30 },
        inspectorsPerObject: 2,
        inspectionDate: t.inspectionDate,
        inspectionEnd: t.inspectionEnd,
        publicRandomSource: `中国福利彩票3D游戏 ${drawOn} 开奖号码`,
        publicRandomDate: drawOn,
      },
    }),
  );
  c = await ctx.as(handler, freezeOn, (w) =>
    cases.step(w, PLAN_CASE, c.id, "freeze", {
      version: c.version,
      input: { seedCommitment: seedCommitment(seed) },
      onDate: freezeOn,
    }),
  );
  if (t.cancel) {
    await ctx.as(handler, addDays(freezeOn, 1), (w) =>
      cases.step(w, PLAN_CASE, c.id, "cancel", {
        version: c.version,
        input: { cancelReason: t.cancel },
        onDate: addDays(freezeOn, 1),
        reason: t.cancel,
      }),
    );
    return { drawn: 0 };
  }
  c = await ctx.as(handler, drawOn, (w) =>
    cases.step(w, PLAN_CASE, c.id, "draw", {
      version: c.version,
      input: { seed, publicRandomValue: lottery },
      onDate: drawOn,
    }),
  );
  const inspections = await ctx.db
    .selectFrom("case_file")
    .innerJoin("case_link", (j) =>
      j
        .onRef("case_link.region_code", "=", "case_file.region_code")
        .onRef("case_link.from_case_id", "=", "case_file.id"),
    )
    .select(["case_file.id", "case_file.version"])
    .where("case_file.region_code", "=", ctx.regionCode)
    .where("case_file.case_type", "=", INSPECTION_CASE)
    .where("case_link.to_case_id", "=", c.id)
    .orderBy("case_file.id")
    .execute();
  const now = "2021-01-31";
  const last = k === TASKS.length - 1;
  for (const [i, row] of inspections.entries()) {
    // Transfers open enforcement cases: only in January 2021 (the last task's late
    // inspections), so that the enforcement module's 2020 figures stay its own.
    const transfer = last && i % 6 === 1;
    const ended = transfer
      ? addDays(d("2021-01-04"), i % 4)
      : addDays(d(t.inspectionDate), rng.int(0, 20));
    if (ended > now) continue;
    const finding = transfer ? "transferred" : rng.chance(0.25) ? "corrected" : "no_problem";
    const recordOn = transfer ? ended : addDays(ended, rng.int(0, 3));
    const late = i % 17 === 3;
    const publishOn = addDays(recordOn, late ? rng.int(32, 40) : rng.int(2, 14));
    await ctx.as(handler, recordOn, async (w) => {
      const v = await cases.step(w, INSPECTION_CASE, Number(row.id), "record_result", {
        version: Number(row.version),
        input: {
          endedOn: ended,
          finding,
          summary:
            finding === "no_problem"
              ? "现场检查未发现问题"
              : finding === "corrected"
                ? "发现问题，已责令当场整改，整改到位"
                : "发现涉嫌违法行为，移交立案查处",
        },
        onDate: recordOn,
      });
      row.version = v.version;
    });
    if (publishOn > now) continue;
    await ctx.as(handler, publishOn, (w) =>
      cases.step(w, INSPECTION_CASE, Number(row.id), "publish", {
        version: Number(row.version),
        onDate: publishOn,
      }),
    );
  }
  return { drawn: inspections.length };
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The credit records as one CSV file (the register's template header), imported in one go. */
export function creditCsv(count: number, rand: () => number): Buffer {
  const cols = creditRegister.columns;
  const lines = [cols.map((c) => c.label.zh).join(",")];
  const kinds = Object.keys(CREDIT_KIND_LABELS) as (keyof typeof CREDIT_KIND_LABELS)[];
  for (let n = 0; n < count; n++) {
    const kind = rand() < 0.72 ? "licensing" : rand() < 0.9 ? "penalty" : kinds[2]!;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const date = `2020-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const subject = Math.floor(rand() * 30_000);
    const row: Record<string, string> = {
      uscc: makeUscc(subject % 5 === 0 ? "92" : "91", "500156", 20_000 + subject * 37),
      subjectName: `武隆区市场主体${subject + 1}`,
      kind: CREDIT_KIND_LABELS[kind].zh,
      decisionNo: `${kind === "licensing" ? "武隆许" : kind === "penalty" ? "武隆罚" : "武隆信"}〔2020〕${n + 1}号`,
      decisionDate: date,
      authority: kind === "penalty" ? "重庆市武隆区市场监督管理局" : "重庆市武隆区行政服务中心",
      content:
        kind === "licensing" ? "准予行政许可" : kind === "penalty" ? "警告、罚款" : "其他信用信息",
      severity: "一般失信",
      source: "归集导入",
      withdrawn: "否",
      repairedOn: "",
    };
    lines.push(cols.map((c) => csvCell(row[c.field] ?? "")).join(","));
  }
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

async function loadCredit(ctx: DemoContext, usccs: string[]) {
  const { rng, cases } = ctx;
  const env = process.env.FAZHI_DEMO_CREDIT_RECORDS;
  const count = env === undefined || env === "" ? DEMO_CREDIT_RECORDS : Number(env);
  const fgw = demoUsername("fgw", "case_handler");
  const started = Date.now();
  if (count > 0) {
    const file = creditCsv(count, () => rng.next());
    await ctx.as(fgw, "2020-12-31", (w) => importCsv(w, creditRegister, file, {}, {}));
  }
  ctx.note(`${count} credit records imported in ${Date.now() - started} ms`);

  // Two penalty records of 2020 that repairs will name (decided early enough for the 2019 rules).
  const repairable = [
    { uscc: usccs[3]!, no: "武隆市监罚字〔2020〕3号", date: "2020-02-10", severity: "general" },
    { uscc: usccs[8]!, no: "武隆市监罚字〔2020〕9号", date: "2020-03-05", severity: "general" },
    { uscc: usccs[13]!, no: "武隆市监罚字〔2020〕21号", date: "2020-09-14", severity: "general" },
  ];
  await ctx.as(fgw, "2020-10-09", async (w) => {
    for (const r of repairable) {
      await ctx.registers.create(w, creditRegister, {
        data: {
          uscc: r.uscc,
          subjectName: `检查对象${r.no}`,
          kind: "penalty",
          decisionNo: r.no,
          decisionDate: r.date,
          authority: "重庆市武隆区市场监督管理局",
          content: "罚款",
          severity: r.severity,
          source: "entered",
        },
      });
    }
  });
  const repairs: [number, string, string][] = [
    [0, "2020-11-16", "approve"],
    [1, "2020-11-20", "approve"],
    [2, "2020-11-23", "refuse"],
  ];
  for (const [i, on, action] of repairs) {
    const r = repairable[i]!;
    const c = await ctx.as(fgw, on, (w) =>
      cases.open(w, "credit_repair", {
        onDate: on,
        fields: {
          uscc: r.uscc,
          creditKind: "penalty",
          decisionNo: r.no,
          measures: "已履行行政处罚决定，缴清罚款，违法行为已纠正",
        },
      }),
    );
    const stepOn = addDays(d(on), 5);
    await ctx.as(fgw, stepOn, (w) =>
      cases.step(w, "credit_repair", c.id, action, {
        version: c.version,
        onDate: stepOn,
        ...(action === "refuse" ? { input: { reason: "最短公示期未满" } } : {}),
      }),
    );
  }

  // Lists: black (notified and heard first), red (no hearing).
  const listings: { list: "red" | "black"; k: number; on: string; end: "list" | "drop" }[] = [
    { list: "black", k: 21, on: "2020-04-13", end: "list" },
    { list: "black", k: 34, on: "2020-07-06", end: "list" },
    { list: "black", k: 55, on: "2020-09-07", end: "drop" },
    { list: "red", k: 60, on: "2020-06-01", end: "list" },
    { list: "red", k: 61, on: "2020-11-02", end: "list" },
  ];
  for (const l of listings) {
    let c = await ctx.as(fgw, l.on, (w) =>
      cases.open(w, "credit_listing", {
        onDate: l.on,
        fields: {
          uscc: usccs[l.k]!,
          subjectName: `武隆区名单主体${l.k}`,
          list: l.list,
          basisKind: l.list === "black" ? "law" : "central_policy",
          basis:
            l.list === "black"
              ? "《中华人民共和国食品安全法》第一百三十五条"
              : "国发〔2016〕33号（守信联合激励）",
          facts:
            l.list === "black"
              ? "因食品安全违法行为受到吊销许可证的行政处罚"
              : "连续三年守信记录良好",
          periodMonths: l.list === "black" ? 36 : 24,
        },
      }),
    );
    let day = d(l.on);
    if (l.list === "black") {
      day = addDays(day, 1);
      const on = day;
      c = await ctx.as(fgw, on, (w) =>
        cases.step(w, "credit_listing", c.id, "notify", {
          version: c.version,
          onDate: on,
          input: { notice: "拟将你单位列入严重失信主体名单，可在规定期限内陈述申辩" },
        }),
      );
      day = addDays(day, 14);
    }
    const on = day;
    await ctx.as(fgw, on, (w) =>
      cases.step(w, "credit_listing", c.id, l.end, {
        version: c.version,
        onDate: on,
        input: l.end === "drop" ? { reason: "陈述申辩理由成立" } : { statementReceived: false },
      }),
    );
  }
}

export const supervisionDemo: DemoContribution = {
  id: SUPERVISION_DEMO_ID,
  dependsOn: ["directory", "enforcement-registers"],
  description:
    "random inspection items, objects, 2020's tasks and their verifiable draws and results; credit records, lists and repairs",
  async load(ctx) {
    const started = Date.now();
    const usccs = await loadDirectory(ctx);
    let drawn = 0;
    for (const [k, t] of TASKS.entries()) drawn += (await runTask(ctx, t, k)).drawn;
    ctx.note(`${TASKS.length} random inspection tasks, ${drawn} objects drawn`);
    await loadCredit(ctx, usccs);
    ctx.note(`supervision demo loaded in ${Date.now() - started} ms`);
  },
};
