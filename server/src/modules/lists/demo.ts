/**
 * The lists of Wulong 2020, through the engines as the office and the units would enter
 * them: the power list's items entered in March and published (武隆府办发〔2020〕15号, in
 * force from 1 April), adjusted in September (items added, one cancelled, one basis
 * changed) and published again (〔2020〕48号, in force from 1 October); the fee catalogue
 * published in April and adjusted in November; the negative list; the three-fixes rules
 * of the 55 district bodies and 26 townships (issued in 2019, after the institutional
 * reform); the 6 coordination meetings of 2020 (and one of 2019 that does not count); a
 * few fee and price complaints, one answered late and one report that opened a penalty
 * case.
 */
import {
  type DemoContext,
  type DemoContribution,
  type DemoStep,
  walkCase,
} from "../../engines/demo/index.ts";
import type { RegisterDecl } from "../../engines/register/index.ts";
import { publishVersion } from "../../engines/register/index.ts";
import { makeUscc } from "../../kernel/codes/uscc.ts";
import {
  DIRECTORY_DEMO_ID,
  demoUsername,
  WULONG_DISTRICT_BODIES,
  WULONG_TOWNSHIPS,
} from "../directory/index.ts";
import { COMPLAINT_TYPE, type ComplaintFields } from "./complaint.ts";
import {
  COORDINATION,
  FEES,
  FEES_CANCELLED,
  NEGATIVE,
  POWERS,
  POWERS_ADDED,
  POWERS_REBASED,
  POWERS_REMOVED,
} from "./demo-data.ts";
import {
  coordinationRegister,
  feeRegister,
  negativeRegister,
  type PowerData,
  type PowerKind,
  powerRegister,
  unitDutyRegister,
} from "./registers.ts";

export const LISTS_DEMO_ID = "lists";
export const LISTS_COMPLAINTS_DEMO_ID = "lists.complaints";

const OFFICE = demoUsername("yfzqb", "rule_of_law_office");

/** Responsibilities attached to a power of each kind (责任清单). */
const DUTIES: Record<string, string> = {
  licensing: "受理责任、审查责任、决定责任、送达责任、事后监管责任",
  penalty: "立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任",
  compulsion: "审批责任、告知责任、实施责任、事后处置责任",
  levy: "核定责任、征收责任、公开责任",
  payment: "受理责任、审核责任、给付责任、公开责任",
  inspection: "检查责任、处置责任、公开责任",
  confirmation: "受理责任、审查责任、确认责任、送达责任",
  award: "评选责任、公示责任、奖励责任",
  adjudication: "受理责任、调查责任、裁决责任、送达责任",
  other: "实施责任、监督责任",
};

async function createAll(
  ctx: DemoContext,
  day: string,
  decl: RegisterDecl,
  rows: { unit: string; data: Record<string, unknown> }[],
) {
  const ids = new Map<string, number>();
  for (const r of rows) ids.set(r.unit, await ctx.unitId(r.unit));
  return ctx.as(OFFICE, day, async (w) => {
    const out: { id: number; version: number; data: Record<string, unknown> }[] = [];
    for (const r of rows) {
      const e = await ctx.registers.create(w, decl, { data: r.data, unitId: ids.get(r.unit)! });
      out.push({ id: e.id, version: e.version, data: e.data });
    }
    return out;
  });
}

function publish(
  ctx: DemoContext,
  day: string,
  decl: RegisterDecl,
  number: string,
  inForceFrom: string,
) {
  return ctx.as(OFFICE, day, (w) =>
    publishVersion(w, decl, { number, publishedOn: day, inForceFrom }),
  );
}

async function loadLists(ctx: DemoContext) {
  // ── The power and responsibility list.
  let n = 0;
  const powerRow = (unit: string, [kind, name, basis]: [PowerKind, string, string]) => ({
    unit,
    data: {
      code: `500156-QL-${String(++n).padStart(4, "0")}`,
      name,
      kind,
      unitCode: unit,
      basis,
      responsibilities: DUTIES[kind] ?? DUTIES.other!,
    } satisfies Partial<PowerData>,
  });
  const powers = await createAll(
    ctx,
    "2020-03-10",
    powerRegister,
    Object.entries(POWERS).flatMap(([unit, items]) => items.map((p) => powerRow(unit, p))),
  );
  await publish(ctx, "2020-03-20", powerRegister, "武隆府办发〔2020〕15号", "2020-04-01");
  await createAll(
    ctx,
    "2020-09-10",
    powerRegister,
    Object.entries(POWERS_ADDED).flatMap(([unit, items]) => items.map((p) => powerRow(unit, p))),
  );
  await ctx.as(OFFICE, "2020-09-10", async (w) => {
    for (const p of powers) {
      const name = p.data.name as string;
      if (POWERS_REMOVED.includes(name)) {
        await ctx.registers.remove(w, powerRegister, p.id, { version: p.version });
      } else if (POWERS_REBASED[name]) {
        await ctx.registers.update(w, powerRegister, p.id, {
          version: p.version,
          data: { ...p.data, basis: POWERS_REBASED[name] },
        });
      }
    }
  });
  await publish(ctx, "2020-09-25", powerRegister, "武隆府办发〔2020〕48号", "2020-10-01");

  // ── The fee catalogue.
  const fees = await createAll(
    ctx,
    "2020-04-02",
    feeRegister,
    FEES.map(([item, kind, standard, basis, unit], i) => ({
      unit,
      data: {
        code: `500156-SF-${String(i + 1).padStart(3, "0")}`,
        item,
        kind,
        standard,
        basis,
        unitCode: unit,
      },
    })),
  );
  await publish(ctx, "2020-04-10", feeRegister, "武隆财发〔2020〕12号", "2020-04-10");
  await ctx.as(OFFICE, "2020-10-20", async (w) => {
    for (const f of fees) {
      if (FEES_CANCELLED.includes(f.data.item as string)) {
        await ctx.registers.remove(w, feeRegister, f.id, { version: f.version });
      }
    }
  });
  await publish(ctx, "2020-10-26", feeRegister, "武隆财发〔2020〕41号", "2020-11-01");

  // ── The negative list.
  await createAll(
    ctx,
    "2020-03-05",
    negativeRegister,
    NEGATIVE.map(([kind, sector, item, measure, unit], i) => ({
      unit,
      data: {
        code: `500156-FM-${String(i + 1).padStart(3, "0")}`,
        kind,
        sector,
        item,
        measure,
        unitCode: unit,
      },
    })),
  );
  await publish(ctx, "2020-03-12", negativeRegister, "武隆发改发〔2020〕9号", "2020-03-12");

  // ── Three-fixes rules: 55 district bodies and 26 townships, kept by the 编办 (bb).
  const duties = [
    ...WULONG_DISTRICT_BODIES.map((u, i) => ({ u, level: "district_body", i })),
    ...WULONG_TOWNSHIPS.map((u, i) => ({ u, level: "township", i })),
  ].map(({ u, level, i }) => ({
    unit: "bb",
    data: {
      unitCode: u.code,
      level,
      documentNo: `武隆委办发〔2019〕${level === "township" ? 60 + i : 1 + i}号`,
      approvedOn: level === "township" ? "2019-11-20" : `2019-0${3 + (i % 6)}-15`,
      mainDuties: [
        `贯彻执行${u.zh}职责范围内的法律法规和方针政策`,
        `依法履行${u.zh}的行政管理和公共服务职责`,
        "完成区委、区政府交办的其他任务",
      ],
      divisions:
        level === "township"
          ? ["党政办公室", "综合行政执法办公室", "社会事务办公室"]
          : ["办公室", "政策法规科", "业务科"],
      boundaries: `与相关部门的职责分工按照${u.zh}“三定”规定及区委编委有关文件执行。`,
    },
  }));
  await createAll(ctx, "2020-01-06", unitDutyRegister, duties);

  // ── Coordination meetings on duty boundaries.
  await createAll(
    ctx,
    "2020-01-06",
    coordinationRegister,
    COORDINATION.map((m) => ({ unit: "bb", data: { ...m, chair: "区委编办主任" } })),
  );
  ctx.note(
    `power list ${n} items (2 versions), fee catalogue ${FEES.length} items (2 versions), negative list ${NEGATIVE.length}, three-fixes rules ${duties.length}, coordination meetings ${COORDINATION.length}`,
  );
}

export const listsDemo: DemoContribution = {
  id: LISTS_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description:
    "power list, fee catalogue and negative list (published versions), three-fixes rules, coordination meetings",
  load: loadLists,
};

// ── Complaints about fees and prices, at the market regulation bureau.

const HANDLER = demoUsername("scjgj", "case_handler");
const LEADER = demoUsername("scjgj", "unit_leader");

/** A complaint: registered on a day, then its steps (the answer, the conclusion). */
type C = { on: string; fields: ComplaintFields; steps: DemoStep[] };

const shop = (name: string, uscc: string) => ({
  kind: "legal_person" as const,
  name,
  uscc,
  address: "重庆市武隆区芙蓉街道",
});

const COMPLAINTS: C[] = [
  {
    on: "2020-03-02",
    fields: {
      channel: "hotline_12315",
      kind: "complaint",
      subject: "price",
      registrationNo: "12315-2020-0302-001",
      respondent: shop("武隆区仙女山某酒店有限公司", makeUscc("91", "500156", 7_700_000 + 11)),
      complainant: { name: "张某", phone: "13800000001" },
      matter: "节假日客房价格未明码标价，结账时收取高于前台标示的价格。",
    },
    steps: [
      { action: "accept", on: "2020-03-06", input: { note: "已告知受理并组织调解" } },
      { action: "conclude", on: "2020-03-20", input: { outcome: "mediated" } },
    ],
  },
  {
    on: "2020-05-11",
    fields: {
      channel: "platform_12315",
      kind: "complaint",
      subject: "fee",
      registrationNo: "12315-2020-0511-004",
      respondent: shop("武隆区某物业服务有限公司", makeUscc("91", "500156", 7_700_000 + 22)),
      complainant: { name: "李某", phone: "13800000002" },
      matter: "物业公司代收水费时加收手续费。",
    },
    steps: [
      { action: "accept", on: "2020-05-15", input: {} },
      { action: "conclude", on: "2020-06-05", input: { outcome: "handled" } },
    ],
  },
  {
    on: "2020-06-29",
    fields: {
      channel: "hotline_12315",
      kind: "complaint",
      subject: "price",
      registrationNo: "12315-2020-0629-011",
      respondent: shop("武隆区某景区停车场管理有限公司", makeUscc("91", "500156", 7_700_000 + 33)),
      complainant: { name: "王某", phone: "13800000003" },
      matter: "停车场收费超过公示标准。",
    },
    // Answered on the 9th working day: late (the deadline is 7 working days).
    steps: [
      { action: "accept", on: "2020-07-10", input: { note: "逾期告知受理" } },
      { action: "conclude", on: "2020-07-24", input: { outcome: "mediation_ended" } },
    ],
  },
  {
    on: "2020-08-17",
    fields: {
      channel: "letter",
      kind: "complaint",
      subject: "fee",
      respondent: shop("武隆区某驾驶员培训有限公司", makeUscc("91", "500156", 7_700_000 + 44)),
      complainant: { name: "赵某" },
      matter: "驾校收取未公示的补考培训费。",
    },
    steps: [
      { action: "refuse", on: "2020-08-21", input: { reason: "已通过民事诉讼解决，依法不予受理" } },
    ],
  },
  {
    on: "2020-09-07",
    fields: {
      channel: "hotline_12315",
      kind: "report",
      subject: "price",
      registrationNo: "12315-2020-0907-002",
      respondent: shop("武隆区某农资经营部有限公司", makeUscc("91", "500156", 7_700_000 + 55)),
      complainant: {},
      matter: "化肥销售价格明显高于同期市场价格并捆绑收取服务费，未明码标价。",
    },
    steps: [
      {
        action: "open_case",
        on: "2020-09-22",
        by: LEADER,
        input: { cause: "不明码标价、收取未予标明的费用", violationOn: "2020-09-01" },
      },
    ],
  },
  {
    on: "2020-11-16",
    fields: {
      channel: "platform_12315",
      kind: "report",
      subject: "fee",
      respondent: shop("武隆区某燃气有限公司", makeUscc("91", "500156", 7_700_000 + 66)),
      complainant: { name: "陈某", phone: "13800000006" },
      matter: "燃气公司收取开户费。",
    },
    steps: [
      {
        action: "no_case",
        on: "2020-11-30",
        by: LEADER,
        input: { reason: "经核查，开户费已于2020年取消，当事人已退还，未发现违法行为" },
      },
    ],
  },
];

async function loadComplaints(ctx: DemoContext) {
  let opened = 0;
  for (const c of COMPLAINTS) {
    const created = await ctx.as(HANDLER, c.on, (w) =>
      ctx.cases.open(w, COMPLAINT_TYPE, { fields: c.fields, onDate: c.on }),
    );
    await walkCase(ctx, COMPLAINT_TYPE, created, HANDLER, c.steps);
    if (c.steps.some((s) => s.action === "open_case")) opened++;
  }
  ctx.note(`${COMPLAINTS.length} fee and price complaints, ${opened} opened a penalty case`);
}

export const listsComplaintsDemo: DemoContribution = {
  id: LISTS_COMPLAINTS_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description: "fee and price complaints (12315), one late, one that opened a penalty case",
  load: loadComplaints,
};
