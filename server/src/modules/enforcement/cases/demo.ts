/**
 * The enforcement cases' demo: a year of Wulong's enforcement (2020, under the 2017 text
 * of the penalty law) and part of 2019 for the year-on-year figures — general- and
 * simplified-procedure penalties, inspections, seizures, publications and case-file
 * reviews — generated from the demo seed and taken step by step through the case
 * engine as the demo users of the bodies, on the steps' own dates, in date order (so
 * decision numbers run in date order and the audit trail reads like a year of work).
 *
 * Officers, reviewers, catalogues and benchmarks are the registers' (part A's demo):
 * read here from the register, never typed in. Names of people and companies are
 * invented; ID numbers and USCCs are valid codes (demoIdCards, demoUsccs).
 *
 * Among them: major cases with hearings, legality reviews and collective discussions,
 * decisions outside the benchmark with their reasons, late payments with surcharges,
 * reminders and a court application, decisions published on time, late and not yet
 * (overdue on the warning list), one publication withdrawn after the decision was
 * revoked on reconsideration, and cases still open at the demo's date.
 */

import type { CaseDeps } from "../../../engines/case/deps.ts";
import { extendCase } from "../../../engines/case/ops.ts";
import { linkCase } from "../../../engines/case/relations.ts";
import { createCase, transition } from "../../../engines/case/service.ts";
import type { DemoContext, DemoContribution, DemoRandom } from "../../../engines/demo/declare.ts";
import { demoIdCards, makeIdCard } from "../../../kernel/codes/id-card.ts";
import { demoUsccs } from "../../../kernel/codes/uscc.ts";
import {
  addDays,
  addPeriod,
  bundledNotices,
  compareLocalDate,
  fromEpochDay,
  LegalCalendar,
  type LocalDate,
  toEpochDay,
} from "../../../kernel/time/index.ts";
import { legalCalendar } from "../../../platform/calendar.ts";
import type { WorkTx } from "../../../platform/work.ts";
import { inventName } from "../../directory/accounts.ts";
import { DIRECTORY_DEMO_ID, demoUsername } from "../../directory/index.ts";
import { ENFORCEMENT_REGISTERS_DEMO_ID } from "../registers/demo.ts";
import type { Category } from "./common.ts";
import { FILE_REVIEW_TYPE } from "./file-review.ts";
import { COMPULSION_TYPE, INSPECTION_TYPE } from "./inspection.ts";
import type { PenaltyKind } from "./labels.ts";
import { DISCLOSURE_TYPE, PENALTY_TYPE } from "./penalty.ts";
import { SIMPLIFIED_TYPE } from "./simplified.ts";

export const ENFORCEMENT_CASES_DEMO_ID = "enforcement.cases";

/** The last day the demo takes steps on (the demo's "now" is Sunday 2021-01-31). */
const END = "2021-01-29" as LocalDate;
const cal = new LegalCalendar(bundledNotices());

// ──────────────────────────────────────────────────────────────────────────── profiles

interface Violation {
  /** A benchmark's violation code in the registers, if the body has one. */
  code?: string;
  cause: string;
  facts: string;
  legalBasis: string;
  /** Fine range when there is no benchmark. */
  fine?: [number, number];
  /** Chance the party is an organisation. */
  org: number;
  extra?: PenaltyKind[];
}

interface Profile {
  unit: string;
  category: Category;
  general: Record<number, number>;
  simplified: Record<number, number>;
  inspections: number;
  seizures: number;
  violations: Violation[];
  onSpot: { cause: string; legalBasis: string; org: number; warning: number }[];
  inspectionMatters: string[];
  /** 具有一定社会影响: the chance a decision is so judged (outside market regulation). */
  socialImpact: number;
}

const PROFILES: Profile[] = [
  {
    unit: "scjgj",
    category: "market_regulation",
    general: { 2019: 12, 2020: 18 },
    simplified: { 2020: 6 },
    inspections: 14,
    seizures: 3,
    socialImpact: 1,
    violations: [
      {
        code: "SCJG-JG-001",
        cause: "不执行明码标价规定",
        facts: "当事人经营场所销售的商品未按规定标明价格",
        legalBasis: "《中华人民共和国价格法》第十三条、第四十二条",
        org: 0.6,
        extra: ["warning"],
      },
      {
        code: "SCJG-JG-001",
        cause: "不执行明码标价规定",
        facts: "当事人提供的服务项目未公示收费标准",
        legalBasis: "《中华人民共和国价格法》第十三条、第四十二条",
        org: 0.5,
      },
      {
        code: "SCJG-SP-001",
        cause: "经营不符合食品安全标准的食品",
        facts: "当事人经营的食品经抽样检验，菌落总数不符合食品安全标准",
        legalBasis: "《中华人民共和国食品安全法》第一百二十四条第一款",
        org: 0.7,
        extra: ["confiscation"],
      },
      {
        code: "SCJG-SP-002",
        cause: "未取得食品经营许可从事食品经营活动",
        facts: "当事人未取得食品经营许可证，在其经营场所从事餐饮服务",
        legalBasis: "《中华人民共和国食品安全法》第一百二十二条第一款",
        org: 0.3,
        extra: ["confiscation"],
      },
      {
        cause: "发布虚假广告",
        facts: "当事人在其微信公众号发布的广告中含有虚假内容",
        legalBasis: "《中华人民共和国广告法》第五十五条第一款",
        fine: [10_000, 60_000],
        org: 0.9,
      },
    ],
    onSpot: [
      {
        cause: "未按规定公示营业执照",
        legalBasis: "《无证无照经营查处办法》、《个体工商户条例》",
        org: 0.3,
        warning: 0.8,
      },
    ],
    inspectionMatters: ["食品经营许可事项检查", "明码标价检查", "特种设备使用安全检查"],
  },
  {
    unit: "sthjj",
    category: "ecology_environment",
    general: { 2019: 5, 2020: 8 },
    simplified: {},
    inspections: 8,
    seizures: 2,
    socialImpact: 0.7,
    violations: [
      {
        code: "STHJ-DQ-001",
        cause: "超过大气污染物排放标准排放大气污染物",
        facts: "当事人锅炉废气排放口二氧化硫排放浓度超过排放标准",
        legalBasis: "《中华人民共和国大气污染防治法》第十八条、第九十九条第（二）项",
        org: 1,
      },
      {
        code: "STHJ-S-001",
        cause: "超过水污染物排放标准排放水污染物",
        facts: "当事人废水总排口化学需氧量浓度超过排放标准",
        legalBasis: "《中华人民共和国水污染防治法》第十条、第八十三条第（二）项",
        org: 1,
      },
      {
        cause: "未依法进行环境影响评价擅自开工建设",
        facts: "当事人建设项目环境影响报告表未经批准即开工建设",
        legalBasis: "《中华人民共和国环境影响评价法》第三十一条第一款",
        fine: [20_000, 80_000],
        org: 1,
      },
    ],
    onSpot: [],
    inspectionMatters: ["排污许可证执行情况检查", "污染防治设施运行检查"],
  },
  {
    unit: "jtj",
    category: "transport",
    general: { 2019: 10, 2020: 14 },
    simplified: { 2020: 12 },
    inspections: 0,
    seizures: 0,
    socialImpact: 0.3,
    violations: [
      {
        code: "JTYS-DY-001",
        cause: "未取得道路运输经营许可擅自从事道路旅客运输经营",
        facts: "当事人驾驶小型客车，未取得道路运输经营许可，有偿搭载乘客",
        legalBasis: "《中华人民共和国道路运输条例》第六十三条",
        org: 0.1,
      },
      {
        code: "JTYS-GL-001",
        cause: "车辆超限运输未经许可擅自行驶公路",
        facts: "当事人驾驶的货车车货总质量超过规定限值，未办理超限运输许可",
        legalBasis: "《公路安全保护条例》第三十五条、第六十四条",
        org: 0.5,
      },
    ],
    onSpot: [
      {
        cause: "未随车携带道路运输证",
        legalBasis: "《中华人民共和国道路运输条例》第六十八条",
        org: 0.2,
        warning: 0.3,
      },
    ],
    inspectionMatters: [],
  },
  {
    unit: "cgj",
    category: "urban_management",
    general: { 2019: 8, 2020: 12 },
    simplified: { 2020: 16 },
    inspections: 6,
    seizures: 0,
    socialImpact: 0.4,
    violations: [
      {
        code: "CG-JZLJ-001",
        cause: "随意倾倒建筑垃圾",
        facts: "当事人运输建筑垃圾途中随意倾倒于道路旁",
        legalBasis: "《城市建筑垃圾管理规定》第十五条、第二十六条",
        org: 0.9,
      },
      {
        code: "CG-DL-001",
        cause: "未按批准的位置、面积、期限占用城市道路",
        facts: "当事人超出批准的范围占用城市道路堆放建筑材料",
        legalBasis: "《城市道路管理条例》第四十二条第（六）项",
        org: 0.5,
      },
    ],
    onSpot: [
      {
        cause: "占道经营",
        legalBasis: "《城市市容和环境卫生管理条例》第十四条、第三十六条",
        org: 0.05,
        warning: 0.5,
      },
    ],
    inspectionMatters: ["户外广告设置检查", "建筑垃圾运输检查"],
  },
  {
    unit: "yjj",
    category: "emergency",
    general: { 2019: 2, 2020: 3 },
    simplified: {},
    inspections: 6,
    seizures: 0,
    socialImpact: 0.5,
    violations: [
      {
        cause: "未按规定对从业人员进行安全生产教育和培训",
        facts: "当事人未对新进从业人员进行安全生产教育和培训即安排上岗作业",
        legalBasis: "《中华人民共和国安全生产法》（2014修正）第九十四条第（三）项",
        fine: [10_000, 50_000],
        org: 1,
      },
    ],
    onSpot: [],
    inspectionMatters: ["安全生产执法检查"],
  },
  {
    unit: "lyj",
    category: "other",
    general: { 2019: 1, 2020: 3 },
    simplified: {},
    inspections: 0,
    seizures: 0,
    socialImpact: 0.3,
    violations: [
      {
        cause: "滥伐林木",
        facts: "当事人未取得林木采伐许可证，采伐其承包林地内林木",
        legalBasis: "《中华人民共和国森林法》（2019修订）第七十六条第二款",
        fine: [3_000, 20_000],
        org: 0,
      },
    ],
    onSpot: [],
    inspectionMatters: [],
  },
  {
    unit: "ghzrzyj",
    category: "natural_resources",
    general: { 2019: 1, 2020: 2 },
    simplified: {},
    inspections: 0,
    seizures: 0,
    socialImpact: 0.5,
    violations: [
      {
        cause: "非法占用土地",
        facts: "当事人未经批准占用集体土地建设厂房",
        legalBasis: "《中华人民共和国土地管理法》第七十七条",
        fine: [20_000, 90_000],
        org: 0.6,
      },
    ],
    onSpot: [],
    inspectionMatters: [],
  },
];

const TOWNS = [
  "巷口镇",
  "凤山街道",
  "芙蓉街道",
  "仙女山街道",
  "白马镇",
  "江口镇",
  "火炉镇",
  "长坝镇",
  "羊角街道",
  "鸭江镇",
];
const ROADS = ["芙蓉路", "建设路", "滨江路", "乌江路", "仙女路", "白马路", "新华路", "工业园路"];
const FIRM_PLACE = ["乌江", "仙女", "芙蓉", "白马", "天坑", "龙水", "懒坝", "桐梓", "江口", "黄柏"];
const FIRM_TRADE = [
  "食品",
  "商贸",
  "运输",
  "建筑工程",
  "农业开发",
  "餐饮管理",
  "旅游开发",
  "建材",
  "环保科技",
  "物流",
];

// ──────────────────────────────────────────────────────────────────── date helpers

const wd = (d: LocalDate, n: number): LocalDate =>
  n <= 0 ? d : addPeriod(cal, d, { n, unit: "working_day" }).due;
const cd = (d: LocalDate, n: number): LocalDate =>
  n <= 0 ? d : addPeriod(cal, d, { n, unit: "calendar_day" }).due;
const max = (a: LocalDate, b: LocalDate) => (compareLocalDate(a, b) >= 0 ? a : b);

/** A working day between two dates, uniformly. */
function workingDayBetween(rng: DemoRandom, from: string, to: string): LocalDate {
  for (;;) {
    const d = fromEpochDay(rng.int(toEpochDay(from as LocalDate), toEpochDay(to as LocalDate)));
    if (cal.isWorkingDay(d)) return d;
  }
}

// ─────────────────────────────────────────────────────────────────────── the plan

interface Handle {
  type: string;
  id: number;
  version: number;
}

/** One step on a date as a user; steps of one case keep their order. */
interface PlannedStep {
  date: LocalDate;
  user: string;
  order: number;
  run(w: WorkTx): Promise<void>;
}

interface Officer {
  name: string;
  cert: string;
  body: string;
  from: string;
  to: string;
  reviewer: boolean;
  qualified: boolean;
}

interface Registers {
  officers: Officer[];
  /** `${body}:${violationCode}:${circumstance}` → [min, max]. */
  benchmarks: Map<string, [number, number]>;
  /** The lowest fine making a decision major, per body. */
  thresholds: Map<string, number>;
}

async function readRegisters(ctx: DemoContext): Promise<Registers> {
  const rows = await ctx.trx
    .selectFrom("register_entry")
    .select(["register", "data"])
    .where("region_code", "=", ctx.regionCode)
    .where("register", "in", [
      "enforcement_officer",
      "discretion_benchmark",
      "major_decision_catalogue",
    ])
    .orderBy("id")
    .execute();
  const officers: Officer[] = [];
  const benchmarks = new Map<string, [number, number]>();
  const thresholds = new Map<string, number>();
  for (const r of rows) {
    const d = r.data as Record<string, unknown>;
    if (r.register === "enforcement_officer") {
      officers.push({
        name: String(d.name),
        cert: String(d.certificateNo),
        body: String(d.bodyUnitCode),
        from: String(d.certificateValidFrom),
        to: String(d.certificateValidTo),
        reviewer: d.legalReviewer === true,
        qualified: d.legalQualification === true,
      });
    } else if (r.register === "discretion_benchmark") {
      benchmarks.set(`${d.bodyUnitCode}:${d.violationCode}:${d.circumstance}`, [
        Number(d.fineMin),
        Number(d.fineMax),
      ]);
    } else {
      const fine = ((d.criteria ?? []) as { kind: string; amount?: number }[]).find(
        (c) => c.kind === "fine_at_least",
      );
      if (fine?.amount !== undefined) thresholds.set(String(d.bodyUnitCode), fine.amount);
    }
  }
  if (officers.length === 0) {
    throw new Error(
      `no enforcement officers in the register: the "${ENFORCEMENT_REGISTERS_DEMO_ID}" contribution loads them`,
    );
  }
  return { officers, benchmarks, thresholds };
}

/** The register bodies acting for a unit: the unit and its comprehensive enforcement team. */
const TEAM_OF: Record<string, string> = {
  scjgj: "team-scjg",
  sthjj: "team-sthj",
  jtj: "team-jtys",
  cgj: "team-cg",
  ghzrzyj: "team-ghzy",
};
const bodiesOf = (unit: string) => [unit, ...(TEAM_OF[unit] ? [TEAM_OF[unit]] : [])];

export const casesDemo: DemoContribution = {
  id: ENFORCEMENT_CASES_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID, ENFORCEMENT_REGISTERS_DEMO_ID],
  description:
    "penalty cases (general and simplified procedure), inspections, seizures, publications and case-file reviews of 2019–2020",
  async load(ctx) {
    const started = Date.now();
    const { rng } = ctx;
    const deps: CaseDeps = {
      registry: ctx.registry,
      calendar: (db) => legalCalendar(db, Date.now()),
      fieldKey: await ctx.fieldKey(),
      files: {
        put: () => Promise.reject(new Error("the demo attaches no files")),
        get: () => Promise.reject(new Error("the demo attaches no files")),
        has: async () => false,
      },
    };
    const reg = await readRegisters(ctx);
    const plan: PlannedStep[] = [];
    let order = 0;
    const at = (date: LocalDate, user: string, run: (w: WorkTx) => Promise<void>) =>
      plan.push({ date, user, order: order++, run });

    const open = (h: Handle, user: string, date: LocalDate, fields: Record<string, unknown>) =>
      at(date, user, async (w) => {
        const c = await createCase(deps, w, h.type, { fields, onDate: date });
        h.id = c.id;
        h.version = c.version;
      });
    const act = (
      h: Handle,
      user: string,
      date: LocalDate,
      action: string,
      input: Record<string, unknown> = {},
      reason?: string,
    ) =>
      at(date, user, async (w) => {
        const next = await transition(deps, w, h.type, h.id, action, {
          version: h.version,
          input,
          onDate: date,
          ...(reason ? { reason } : {}),
        });
        h.version = next.version;
      });

    // ── people and firms
    // Private parties never share a name with an official shown in public (officers, accounts).
    const names = new Set<string>(reg.officers.map((o) => o.name));
    for (const u of await ctx.users()) names.add(u.displayName);
    const idCards = demoIdCards(rng.int(1, 2 ** 30), 400, {
      regions: ["500156", "500156", "500156", "500102", "500101"],
      fromYear: 1955,
      toYear: 1999,
    });
    const usccs = demoUsccs(rng.int(1, 2 ** 30), 300, {
      kinds: ["91", "91", "91", "92"],
      regions: ["500156"],
    });
    const firms = new Set<string>();
    let idIdx = 0;
    let usccIdx = 0;
    const address = () => `重庆市武隆区${rng.pick(TOWNS)}${rng.pick(ROADS)}${rng.int(1, 299)}号`;
    const mobile = () =>
      `1${rng.pick([3, 5, 7, 8, 9])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`;
    // A party's name is never part of (or contains) an officer's, who are shown in public.
    const officerNames = reg.officers.map((o) => o.name);
    const partyName = (): string => {
      for (;;) {
        const n = inventName(rng, names);
        if (!officerNames.some((o) => o.includes(n) || n.includes(o))) return n;
      }
    };
    const personParty = () => ({
      kind: "natural_person",
      name: partyName(),
      idNumber: idCards[idIdx++ % idCards.length]!,
      ...(rng.chance(0.7) ? { phone: mobile() } : {}),
      address: address(),
    });
    const minorParty = () => ({
      kind: "natural_person",
      name: partyName(),
      idNumber: makeIdCard("500156", "2004-02-17", rng.int(0, 498), "male"),
      address: address(),
      minor: true,
    });
    const firmParty = () => {
      let name: string;
      do {
        name = `重庆市武隆区${rng.pick(FIRM_PLACE)}${rng.pick(FIRM_TRADE)}有限公司`;
      } while (firms.has(name) && firms.size < FIRM_PLACE.length * FIRM_TRADE.length);
      firms.add(name);
      return {
        kind: "legal_person",
        name,
        uscc: usccs[usccIdx++ % usccs.length]!,
        legalRepresentative: inventName(rng, names),
        address: address(),
      };
    };

    // ── officers valid on a day
    const pickOfficers = (unit: string, date: LocalDate, n = 2): string[] => {
      const bodies = bodiesOf(unit);
      const pool = reg.officers.filter(
        (o) => bodies.includes(o.body) && o.from <= date && date <= o.to && !o.reviewer,
      );
      if (pool.length < n) {
        throw new Error(`fewer than ${n} officers of ${bodies.join("/")} are valid on ${date}`);
      }
      return rng
        .shuffle(pool)
        .slice(0, n)
        .map((o) => o.cert);
    };
    const pickReviewer = (unit: string, date: LocalDate): string => {
      const bodies = bodiesOf(unit);
      const pool = reg.officers.filter(
        (o) =>
          bodies.includes(o.body) && o.reviewer && o.qualified && o.from <= date && date <= o.to,
      );
      if (pool.length === 0) {
        throw new Error(`no qualified legal reviewer of ${bodies.join("/")} is valid on ${date}`);
      }
      return rng.pick(pool).cert;
    };
    const benchmarkOf = (unit: string, code: string, circumstance: string) => {
      for (const b of bodiesOf(unit)) {
        const r = reg.benchmarks.get(`${b}:${code}:${circumstance}`);
        if (r) return r;
      }
      return undefined;
    };
    const thresholdOf = (unit: string) => {
      for (const b of bodiesOf(unit)) {
        const r = reg.thresholds.get(b);
        if (r !== undefined) return r;
      }
      return Number.POSITIVE_INFINITY;
    };

    const stats = {
      general: 0,
      simplified: 0,
      inspections: 0,
      seizures: 0,
      hearings: 0,
      reviews: 0,
      majors: 0,
      publishedLate: 0,
      unpublished: 0,
      court: 0,
      fileReviews: 0,
    };
    const stalls = { unserved: 0, unpaid: 0 };
    const unpublished: Handle[] = [];
    const closedGeneral: { h: Handle; closedOn: LocalDate; unit: string }[] = [];
    const published: {
      d: Handle;
      p: Handle;
      unit: string;
      decidedOn: LocalDate;
      lastStep: LocalDate;
    }[] = [];

    // ── a general-procedure case
    const generalCase = (
      p: Profile,
      filedOn: LocalDate,
      opts: { inspection?: Handle; minor?: boolean } = {},
    ) => {
      const inspection = opts.inspection;
      const handler = demoUsername(p.unit, "case_handler");
      const leader = demoUsername(p.unit, "unit_leader");
      const reviewerUser = demoUsername(p.unit, "legal_reviewer");
      const v = rng.pick(p.violations);
      const party = opts.minor ? minorParty() : rng.chance(v.org) ? firmParty() : personParty();
      const org = party.kind !== "natural_person";
      const r = rng.next();
      const circumstance = r < 0.25 ? "minor" : r < 0.85 ? "general" : "serious";
      const range = v.code ? benchmarkOf(p.unit, v.code, circumstance) : undefined;
      const [lo, hi] = range ?? v.fine ?? [1000, 10_000];
      const outside = range !== undefined && rng.chance(0.06);
      const round = (n: number) => Math.max(0, Math.round(n / 100) * 100);
      let fine = outside ? round(lo * 0.8) : round(lo + rng.next() * (hi - lo));
      const noPenalty = !opts.minor && rng.chance(0.06);
      const warningOnly =
        opts.minor === true ||
        (!noPenalty && (v.extra?.includes("warning") ?? false) && circumstance === "minor");
      if (noPenalty || warningOnly) fine = 0;
      const penalties: PenaltyKind[] = noPenalty
        ? []
        : warningOnly
          ? ["warning"]
          : [
              "fine",
              ...(v.extra?.filter((k) => k !== "warning") ?? []).filter(() => rng.chance(0.5)),
            ];
      const confiscation = penalties.includes("confiscation") ? round(rng.int(500, 8000)) : 0;
      const major = fine >= thresholdOf(p.unit);
      const hearingRight = fine >= (org ? 50_000 : 5_000);
      const complex = major && rng.chance(0.8);
      const publicInterest = p.category === "ecology_environment" && rng.chance(0.3);
      const h: Handle = { type: PENALTY_TYPE, id: 0, version: 0 };
      stats.general += 1;
      if (major || publicInterest) stats.majors += 1;

      open(h, handler, filedOn, {
        party,
        cause: v.cause,
        category: p.category,
        source: inspection
          ? "inspection"
          : rng.pick(["inspection", "complaint", "complaint", "referral", "other"]),
        majorPublicInterest: publicInterest,
      });
      if (inspection) {
        at(filedOn, handler, async (w) => {
          await linkCase(deps, w, PENALTY_TYPE, h.id, {
            kind: "opened_from",
            toCaseId: inspection.id,
          });
        });
      }
      let d = wd(filedOn, rng.int(1, 3));
      act(h, handler, d, "investigate", {
        officers: pickOfficers(p.unit, d),
        kind: rng.pick(["site_inspection", "inquiry", "documents"]),
        summary: `对当事人${v.cause}的情况进行${rng.pick(["现场检查", "询问调查", "调取相关书证"])}，制作笔录`,
        recorder: `JLY${rng.int(2016, 2020)}${String(rng.int(1, 935)).padStart(5, "0")}`,
      });
      if (rng.chance(0.5)) {
        d = wd(d, rng.int(2, 6));
        act(h, handler, d, "investigate", {
          officers: pickOfficers(p.unit, d),
          kind: rng.pick(["inquiry", "sampling", "documents"]),
          summary: "询问当事人并制作询问笔录，收集相关证据",
        });
      }
      const conclude = (on: LocalDate) =>
        act(h, handler, on, "conclude_investigation", {
          facts: `经查，${v.facts}。`,
          evidence: "现场检查笔录、询问笔录、现场照片及执法记录仪视频、当事人身份（主体资格）证明",
          legalBasis: v.legalBasis,
          ...(v.code ? { violationCode: v.code } : {}),
          circumstance,
          proposedFine: fine,
          complexOrMajorViolation: complex,
          majorPublicInterest: publicInterest,
        });
      d = wd(d, rng.int(3, 15));
      conclude(d);
      const adopted = rng.chance(0.12) && fine > 0;
      const intended = adopted ? round(fine * 1.2) : fine;
      const notify = (on: LocalDate) =>
        act(h, handler, on, "notify", {
          intendedPenalty: penalties.length ? penalties.join("、") : "不予行政处罚",
          intendedFine: intended,
          hearingRight,
        });
      d = wd(d, rng.int(1, 3));
      notify(d);
      let notice = d;
      // Rights: a hearing, a statement, or a waiver; else the window runs out.
      let heard = false;
      const rr = rng.next();
      if (hearingRight && rr < 0.4) {
        const requestOn = cd(notice, 1);
        act(h, handler, requestOn, "request_hearing", { note: "当事人书面要求举行听证" });
        const scheduleOn = wd(requestOn, rng.int(1, 2));
        const hearingDate = wd(cd(scheduleOn, 7), rng.int(0, 3));
        act(h, handler, scheduleOn, "schedule_hearing", {
          hearingDate,
          hearingPlace: `${p.unit === "scjgj" ? "区市场监管局" : "本机关"}听证室`,
          hearingChair: inventName(rng, names),
          publicHearing: true,
        });
        act(h, handler, hearingDate, "hold_hearing", {
          partyAttended: rng.chance(0.9),
          record: "调查人员提出违法事实、证据和处罚建议，当事人进行申辩和质证",
          partySigned: true,
        });
        heard = true;
        stats.hearings += 1;
        d = hearingDate;
      } else if (rr < 0.55 || adopted) {
        d = wd(notice, 1);
        act(h, handler, d, "record_statement", {
          statement: "当事人陈述系初次违法，已积极整改，请求从轻处罚",
          adopted,
          reply: adopted
            ? "经复核，当事人陈述的从轻情节属实，予以采纳"
            : "经复核，当事人陈述的理由不能成立，不予采纳",
        });
      } else if (rr < 0.65) {
        act(h, handler, notice, "waive_rights", {
          statementWaived: true,
          hearingWaived: hearingRight,
          signedBy:
            party.kind === "natural_person"
              ? party.name
              : "legalRepresentative" in party
                ? party.legalRepresentative
                : party.name,
        });
      }
      // The 2017 text: the hearing window is 3 calendar days after the notice.
      d = max(wd(cd(notice, 3), 1), wd(d, 1));
      // Every decision is reviewed under the 2017 text; a few reviews fail first.
      if (rng.chance(0.05)) {
        act(h, reviewerUser, d, "legal_review", {
          reviewerCertificateNo: pickReviewer(p.unit, d),
          ...reviewItems(true),
          opinion: "证据不足，建议补充调查",
        });
        stats.reviews += 1;
        d = wd(d, 1);
        act(h, handler, d, "supplement_investigation", {
          reason: "法制审核意见：补充当事人进货查验记录",
        });
        d = wd(d, rng.int(3, 8));
        conclude(d);
        d = wd(d, 1);
        notify(d);
        notice = d;
        d = wd(cd(notice, 3), 1);
        heard = false;
      }
      act(h, reviewerUser, d, "legal_review", {
        reviewerCertificateNo: pickReviewer(p.unit, d),
        ...reviewItems(false),
        opinion: heard
          ? "经听证，事实清楚，证据确凿，同意处罚意见"
          : "事实清楚，证据确凿，程序合法，裁量适当，同意",
      });
      stats.reviews += 1;
      if (complex) {
        d = wd(d, rng.int(1, 3));
        act(h, leader, d, "collective_discussion", {
          participants: ["局长", "分管副局长", "法制机构负责人", "办案机构负责人"].map(
            (role) => `${role}${inventName(rng, names)}`,
          ),
          conclusion: "同意法制审核意见，按拟处罚意见作出决定",
        });
      }
      d = wd(d, rng.int(1, 3));
      const decidedOn = d;
      const socialImpact = rng.chance(p.socialImpact);
      act(h, leader, decidedOn, "decide", {
        decisionKind: noPenalty ? "no_penalty_minor" : "penalty",
        penalties,
        fineAmount: fine,
        confiscationAmount: confiscation,
        decisionContent: noPenalty
          ? "当事人违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚"
          : `${warningOnly ? "给予警告" : `罚款人民币${fine}元`}${confiscation ? `，没收违法所得人民币${confiscation}元` : ""}`,
        ...(range && !noPenalty && (fine < lo || fine > hi)
          ? {
              discretionReason: opts.minor
                ? "当事人系已满十四周岁不满十八周岁的未成年人，依法从轻、减轻处罚，给予警告"
                : "当事人主动消除违法行为危害后果，依法从轻处罚，在裁量基准下限以下确定罚款数额",
            }
          : {}),
        socialImpact,
      });
      // The publication record, if the decision opened one.
      const disclosure: Handle = { type: DISCLOSURE_TYPE, id: 0, version: 0 };
      at(decidedOn, leader, async (w) => {
        const link = await w.trx
          .selectFrom("case_link")
          .innerJoin("case_file", (j) =>
            j
              .onRef("case_file.region_code", "=", "case_link.region_code")
              .onRef("case_file.id", "=", "case_link.from_case_id"),
          )
          .select(["case_file.id", "case_file.version"])
          .where("case_link.to_case_id", "=", h.id)
          .where("case_link.kind", "=", "follows")
          .executeTakeFirst();
        if (link) {
          disclosure.id = link.id;
          disclosure.version = link.version;
        }
      });
      // Published within the limit (20 working days in market regulation, else 7), some late.
      const limit = p.category === "market_regulation" ? 20 : 7;
      const pr = rng.next();
      const publishOn =
        pr < 0.88
          ? wd(decidedOn, rng.int(1, limit - 1))
          : pr < 0.96
            ? wd(decidedOn, limit + rng.int(2, 10))
            : undefined;
      if (publishOn) {
        at(publishOn, handler, async (w) => {
          if (!disclosure.id) return;
          const next = await transition(deps, w, DISCLOSURE_TYPE, disclosure.id, "publish", {
            version: disclosure.version,
            input: {
              channel: p.category === "market_regulation" ? "credit_system" : "government_portal",
            },
            onDate: publishOn,
          });
          disclosure.version = next.version;
          if (!next.fields.publishedOnTime) stats.publishedLate += 1;
        });
      } else {
        unpublished.push(disclosure);
      }
      // Service, on the spot or within days (a few late).
      // A few cases stall, to show on the warning list at the demo's date: a decision not
      // yet served, fines unpaid past their due date.
      const late2020 =
        compareLocalDate(filedOn, "2020-10-12" as LocalDate) >= 0 &&
        compareLocalDate(filedOn, "2020-11-30" as LocalDate) <= 0;
      if (late2020 && stalls.unserved < 1 && fine > 0) {
        stalls.unserved += 1;
        return;
      }
      const unpaid = late2020 && stalls.unpaid < 2 && fine > 0;
      if (unpaid) stalls.unpaid += 1;
      const servedOn = rng.chance(0.3)
        ? decidedOn
        : wd(decidedOn, rng.chance(0.05) ? rng.int(8, 12) : rng.int(1, 5));
      act(h, handler, servedOn, "serve", {
        serviceMethod:
          servedOn === decidedOn ? "on_spot" : rng.pick(["direct", "direct", "mail", "left"]),
        servedTo:
          party.kind === "natural_person"
            ? party.name
            : "legalRepresentative" in party
              ? party.legalRepresentative
              : party.name,
      });
      if (unpaid) return;
      let last = servedOn;
      let courtApplied = false;
      if (fine > 0) {
        const payDue = cd(servedOn, 15);
        const pay = rng.next();
        const payment = (on: LocalDate, surcharge: number) =>
          act(h, handler, on, "record_payment", {
            amountPaid: fine,
            surchargePaid: surcharge,
            collector: rng.pick([
              "重庆农村商业银行武隆支行",
              "中国建设银行武隆支行",
              "中国工商银行武隆支行",
            ]),
            receiptNo: `FS${decidedOn.replaceAll("-", "")}${String(rng.int(1, 9999)).padStart(4, "0")}`,
          });
        const surchargeFor = (on: LocalDate) => {
          const days = Math.max(0, toEpochDay(on) - toEpochDay(payDue));
          return Math.min(fine, Math.round(fine * 0.03 * days * 100) / 100);
        };
        // At least one case of 2020 goes to the court (served early enough for it).
        const forceCourt =
          stats.court === 0 &&
          compareLocalDate(servedOn, "2020-01-06" as LocalDate) >= 0 &&
          compareLocalDate(servedOn, "2020-05-29" as LocalDate) <= 0;
        if (!forceCourt && pay < 0.8) {
          last = cd(servedOn, rng.int(1, 14));
          if (compareLocalDate(last, payDue) > 0) last = payDue;
          payment(last, 0);
        } else if (!forceCourt && pay < 0.9) {
          last = addDays(payDue, rng.int(2, 20));
          payment(last, surchargeFor(last));
        } else if (
          !forceCourt &&
          (compareLocalDate(servedOn, "2020-06-01" as LocalDate) > 0 || pay < 0.96)
        ) {
          const remindOn = wd(payDue, rng.int(3, 8));
          act(h, handler, remindOn, "remind", {
            reminderNo: `催〔${remindOn.slice(0, 4)}〕${rng.int(1, 60)}号`,
          });
          last = wd(remindOn, rng.int(5, 15));
          payment(last, surchargeFor(last));
        } else {
          const remindOn = wd(payDue, rng.int(3, 8));
          act(h, handler, remindOn, "remind", {
            reminderNo: `催〔${remindOn.slice(0, 4)}〕${rng.int(1, 60)}号`,
          });
          const applyOn = wd(
            max(wd(remindOn, 10), addPeriod(cal, servedOn, { n: 6, unit: "month" }).due),
            rng.int(1, 10),
          );
          act(h, handler, applyOn, "apply_court", { court: "重庆市武隆区人民法院" });
          stats.court += 1;
          courtApplied = true;
          last = applyOn;
        }
      }
      // A case with the court stays open until the court's enforcement ends.
      if (!courtApplied) {
        const closeOn = wd(last, rng.int(1, 5));
        act(h, handler, closeOn, "close", { summary: "处罚决定已执行完毕，予以结案" });
        if (compareLocalDate(closeOn, "2020-11-30" as LocalDate) <= 0)
          closedGeneral.push({ h, closedOn: closeOn, unit: p.unit });
        if (publishOn && p.category === "market_regulation") {
          published.push({
            d: disclosure,
            p: h,
            unit: p.unit,
            decidedOn,
            lastStep: max(closeOn, publishOn),
          });
        }
      }
    };

    // ── a simplified-procedure case
    const simplifiedCase = (p: Profile, on: LocalDate) => {
      const handler = demoUsername(p.unit, "case_handler");
      const s = rng.pick(p.onSpot);
      const party = rng.chance(s.org) ? firmParty() : personParty();
      const warning = rng.chance(s.warning);
      const limit = party.kind === "natural_person" ? 50 : 1000;
      const fine = warning
        ? 0
        : party.kind === "natural_person"
          ? rng.pick([20, 30, 50])
          : rng.pick([200, 500, 1000].filter((x) => x <= limit));
      const h: Handle = { type: SIMPLIFIED_TYPE, id: 0, version: 0 };
      stats.simplified += 1;
      open(h, handler, on, {
        party,
        category: p.category,
        place: `武隆区${rng.pick(TOWNS)}${rng.pick(ROADS)}`,
        facts: `当事人${s.cause}，执法人员当场查实`,
        legalBasis: s.legalBasis,
        penaltyKind: warning ? "warning" : "fine",
        fineAmount: fine,
      });
      act(h, handler, on, "decide_on_spot", {
        officers: pickOfficers(p.unit, on),
        collectedOnSpot: fine > 0 && fine <= 20 && rng.chance(0.5),
      });
      const filed = wd(on, rng.int(1, 2));
      act(h, handler, filed, "file_with_body", { note: "当场处罚决定书报所属行政机关备案" });
      act(h, handler, wd(filed, rng.int(1, 8)), "close", {
        paid: fine > 0,
        ...(fine > 0 ? { receiptNo: `JK${on.replaceAll("-", "")}${rng.int(100, 999)}` } : {}),
      });
    };

    // ── an inspection (some lead to a penalty case)
    const inspection = (p: Profile, on: LocalDate, leadsToCase: boolean) => {
      const handler = demoUsername(p.unit, "case_handler");
      const h: Handle = { type: INSPECTION_TYPE, id: 0, version: 0 };
      stats.inspections += 1;
      open(h, handler, on, {
        party: rng.chance(0.8) ? firmParty() : personParty(),
        category: p.category,
        kind: rng.pick(["routine", "random", "random", "complaint", "special"]),
        matter: rng.pick(p.inspectionMatters),
        legalBasis: "有关法律、法规规定的监督检查职责",
      });
      const inspectedOn = wd(on, rng.int(0, 5));
      const problem = leadsToCase || rng.chance(0.4);
      act(h, handler, inspectedOn, "inspect", {
        officers: pickOfficers(p.unit, inspectedOn),
        place: "当事人经营场所",
        findings: problem ? "发现存在违法违规问题，已制作现场检查笔录" : "未发现违法违规问题",
        problemFound: problem,
        recorder: `JLY2020${String(rng.int(1, 935)).padStart(5, "0")}`,
      });
      if (leadsToCase) {
        const filedOn = wd(inspectedOn, rng.int(1, 3));
        act(h, handler, filedOn, "conclude", {
          result: "case_filed",
          note: "发现违法行为，已立案查处",
        });
        generalCase(p, filedOn, { inspection: h });
      } else if (problem) {
        const deadline = cd(inspectedOn, rng.int(10, 30));
        act(h, handler, inspectedOn, "order_rectification", {
          rectificationDeadline: deadline,
          requirements: "限期整改存在的问题",
        });
        act(h, handler, wd(deadline, rng.int(1, 5)), "conclude", { result: "rectified" });
      } else {
        act(h, handler, inspectedOn, "conclude", { result: "no_problem" });
      }
    };

    // ── a seal-up or seizure
    const seizure = (p: Profile, on: LocalDate, extend: boolean, inForce = false) => {
      const handler = demoUsername(p.unit, "case_handler");
      const leader = demoUsername(p.unit, "unit_leader");
      const h: Handle = { type: COMPULSION_TYPE, id: 0, version: 0 };
      stats.seizures += 1;
      const market = p.category === "market_regulation";
      open(h, handler, on, {
        party: firmParty(),
        category: p.category,
        measure: market ? "seizure" : "seal_up",
        items: market
          ? ["涉嫌不符合食品安全标准的食品一批", "相关原料"]
          : ["涉嫌超标排放的生产设备一套"],
        place: "当事人经营场所",
        reason: market
          ? "涉嫌经营不符合食品安全标准的食品，防止转移"
          : "涉嫌通过逃避监管的方式排放污染物",
        legalBasis: market
          ? "《中华人民共和国食品安全法》第一百一十条第（四）项"
          : "《中华人民共和国环境保护法》第二十五条",
      });
      act(h, handler, on, "impose", {
        officers: pickOfficers(p.unit, on),
        approvedBy: `局长${inventName(rng, names)}`,
        listHandedOver: true,
      });
      let end = cd(on, rng.int(10, 25));
      if (extend) {
        const extendOn = cd(on, 25);
        at(extendOn, leader, async (w) => {
          await extendCase(deps, w, COMPULSION_TYPE, h.id, {
            version: h.version,
            clock: "term",
            period: "30d",
            approvedBy: `局长${inventName(rng, names)}`,
            reason: "检验结果尚未出具，情况复杂",
            onDate: extendOn,
          });
          h.version += 1;
        });
        end = cd(on, 45);
      }
      if (inForce) return;
      act(h, handler, end, "decide_handling", {
        handling: rng.pick(["confiscated", "released", "destroyed"]),
        note: "依法作出处理决定",
      });
    };

    // ── the year plans
    for (const year of [2019, 2020]) {
      const from = year === 2019 ? "2019-01-07" : "2020-01-06";
      for (const p of PROFILES) {
        const n = p.general[year] ?? 0;
        const fromInspection = year === 2020 && p.inspections > 0 ? Math.min(2, n) : 0;
        for (let i = fromInspection; i < n; i++) {
          const minorCase = year === 2020 && p.unit === "cgj" && i === n - 1;
          generalCase(p, workingDayBetween(rng, from, `${year}-12-24`), { minor: minorCase });
        }
        for (let i = 0; i < (p.simplified[year] ?? 0); i++) {
          simplifiedCase(p, workingDayBetween(rng, from, `${year}-12-28`));
        }
        if (year === 2020) {
          for (let i = 0; i < p.inspections; i++) {
            inspection(p, workingDayBetween(rng, from, "2020-12-18"), i < fromInspection);
          }
          for (let i = 0; i < p.seizures; i++) {
            seizure(p, workingDayBetween(rng, "2020-03-02", "2020-11-20"), i === 0);
          }
          // One still in force at the demo's date, its term due soon.
          if (p.unit === "scjgj") seizure(p, "2021-01-04" as LocalDate, false, true);
        }
      }
    }

    // ── run in date order (each case's steps keep their order), up to the demo's date
    plan.sort((a, b) => compareLocalDate(a.date, b.date) || a.order - b.order);
    let steps = 0;
    const due = plan.filter((s) => compareLocalDate(s.date, END) <= 0);
    for (let i = 0; i < due.length; ) {
      // Consecutive steps of one user on one day: one unit of work.
      let j = i + 1;
      while (j < due.length && due[j]!.user === due[i]!.user && due[j]!.date === due[i]!.date) j++;
      const batch = due.slice(i, j);
      await ctx.as(batch[0]!.user, batch[0]!.date, async (w) => {
        for (const s of batch) await s.run(w);
      });
      steps += batch.length;
      i = j;
    }

    stats.unpublished = unpublished.filter((d) => d.id).length;

    // ── one publication withdrawn: a decision of 2020 revoked on reconsideration
    const in2020 = published.filter(
      (x) => x.d.id && compareLocalDate(x.decidedOn, "2020-01-01" as LocalDate) >= 0,
    );
    const early = in2020.filter((x) => compareLocalDate(x.lastStep, "2020-10-15" as LocalDate) < 0);
    const w0 = early.length
      ? early
      : in2020.filter((x) => compareLocalDate(x.lastStep, "2020-12-10" as LocalDate) < 0);
    if (w0.length === 0) throw new Error("no published decision of 2020 to withdraw");
    {
      const x = rng.pick(w0);
      const alterOn = wd(x.lastStep, 25);
      await ctx.as(demoUsername(x.unit, "case_handler"), alterOn, async (w) => {
        const next = await transition(deps, w, PENALTY_TYPE, x.p.id, "alter_decision", {
          version: x.p.version,
          input: {
            ground: "revoked",
            authority: "reconsideration",
            documentNo: `武隆府复〔2020〕${rng.int(10, 40)}号`,
            reason: "主要事实不清、证据不足",
          },
          onDate: alterOn,
          reason: "区人民政府行政复议决定撤销该处罚决定",
        });
        x.p.version = next.version;
      });
      const withdrawOn = wd(alterOn, 2);
      await ctx.as(demoUsername(x.unit, "case_handler"), withdrawOn, async (w) => {
        await transition(deps, w, DISCLOSURE_TYPE, x.d.id, "withdraw", {
          version: x.d.version,
          input: {
            withdrawalGround: "revoked",
            withdrawalReason: "该行政处罚决定已被区人民政府行政复议决定撤销，依法撤回公示",
          },
          onDate: withdrawOn,
          reason: "决定被撤销",
        });
      });
      steps += 2;
    }

    // ── case-file reviews by the rule-of-law office in December
    const office = demoUsername("yfzqb", "rule_of_law_office");
    const reviewers = [inventName(rng, names), inventName(rng, names), inventName(rng, names)];
    for (const x of rng.shuffle(closedGeneral).slice(0, 16)) {
      const on = workingDayBetween(rng, "2020-12-07", "2020-12-18");
      await ctx.as(office, on, async (w) => {
        const r = await createCase(deps, w, FILE_REVIEW_TYPE, {
          fields: { year: 2020, reviewers: rng.shuffle(reviewers).slice(0, 2) },
          onDate: on,
        });
        await linkCase(deps, w, FILE_REVIEW_TYPE, r.id, { kind: "reviews", toCaseId: x.h.id });
        const quality = 0.72 + rng.next() * 0.27;
        const score = (m: number) =>
          Math.min(m, Math.max(0, Math.round(m * (quality + (rng.next() - 0.5) * 0.1))));
        await transition(deps, w, FILE_REVIEW_TYPE, r.id, "score", {
          version: r.version,
          input: {
            subject: score(10),
            procedure: score(25),
            factsEvidence: score(25),
            legalApplication: score(15),
            discretion: score(10),
            documents: score(10),
            archiving: score(5),
            comments: quality > 0.9 ? "案卷规范，程序完备" : "文书制作和归档存在瑕疵，已反馈整改",
          },
          onDate: on,
        });
      });
      stats.fileReviews += 1;
      steps += 3;
    }

    ctx.note(
      `${stats.general} general-procedure penalty cases (${stats.majors} major, ${stats.hearings} hearings, ${stats.reviews} legality reviews, ${stats.court} court applications), ${stats.simplified} on-the-spot penalties, ${stats.inspections} inspections, ${stats.seizures} seizures, ${stats.fileReviews} case-file reviews`,
    );
    ctx.note(
      `publications: ${stats.publishedLate} published late, ${stats.unpublished} not published by the demo's date, 1 withdrawn after its decision was revoked`,
    );
    ctx.note(`${steps} steps through the case engine in ${Date.now() - started} ms`);
  },
};

/** The review's six items, all passed, or the facts-and-evidence item failed. */
function reviewItems(failFacts: boolean) {
  return {
    competence: { passed: true },
    procedure: { passed: true },
    factsEvidence: failFacts ? { passed: false, note: "证据不足以证明违法事实" } : { passed: true },
    legalBasis: { passed: true },
    discretion: { passed: true },
    documents: { passed: true },
  };
}
