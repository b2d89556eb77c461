/**
 * The 2020 registers of legal publicity, training and social governance (report 一(三)5,
 * 一(三)6, 一(八)3, 一(九)), generated entry by entry and imported per owning unit through
 * the register engine's batched import: 1,838 publicity events (690 for officials with
 * 30,000+ attendances, 84 for youth with 20,000+, 242 for workers with 14,000, 633 for
 * farmers with 63,000, the rest for others, 130,000+ in all), 2 legal-culture sites and 4
 * parks, the Party-school course of 7 July (100+) and internal law study (8,000+), 194
 * social organisations inspected (185 qualified — the nearest to the report's 95.2%),
 * 39 associations decoupled, 13 basic public services bought for ¥16,409,500 and one
 * social-management service for ¥5,800,000, 1 public legal service centre and 26
 * workstations, job-stabilising refunds to 48 SMEs (¥6,482,000) and rent relief for 270
 * small businesses (¥2,469,100). Entries of 2019 are generated too and do not count.
 */
import type { DemoContext } from "../../../engines/demo/index.ts";
import type { RegisterDecl } from "../../../engines/register/index.ts";
import { STAFFED_DEPARTMENTS, WULONG_TOWNSHIPS } from "../../directory/index.ts";
import {
  facilityRegister,
  publicityEventRegister,
  trainingRegister,
} from "../registers/publicity.ts";
import {
  decouplingRegister,
  purchaseRegister,
  reliefRegister,
  servicePointRegister,
  socialOrgInspectionRegister,
} from "../registers/social.ts";
import { dayBetween, importEntries, importForUnits, split } from "./util.ts";

export const REGISTER_SEED = {
  publicity: {
    officials: { events: 690, attendance: 30_418 },
    youth: { events: 84, attendance: 20_236 },
    workers: { events: 242, attendance: 14_000 },
    farmers: { events: 633, attendance: 63_000 },
    other: { events: 189, attendance: 3_107 },
  },
  publicityEvents: 1838,
  publicityAttendance: 130_761,
  sites: 2,
  parks: 4,
  partySchool: 106,
  internalStudy: 8_214,
  orgsInspected: 194,
  orgsQualified: 185,
  associations: 39,
  basicPublic: { count: 13, amount: 16_409_500 },
  socialManagement: { count: 1, amount: 5_800_000 },
  centres: 1,
  workstations: 26,
  jobRefund: { count: 48, amount: 6_482_000 },
  rentRelief: { count: 270, amount: 2_469_100 },
} as const;

const YEAR_FROM = "2020-01-03";
const YEAR_TO = "2020-12-28";

const CAMPAIGN_BY_AUDIENCE: Record<string, string[]> = {
  officials: ["constitution_week", "civil_code", "routine"],
  youth: ["youth_education", "constitution_week"],
  workers: ["civil_code", "enforcement_publicity", "routine"],
  farmers: ["civil_code", "enforcement_publicity", "routine"],
  other: ["constitution_week", "routine"],
};

/** Group rows by their owning unit and import each group as that unit's file. */
async function importByUnit(
  ctx: DemoContext,
  decl: RegisterDecl,
  rows: { unit: string; data: Record<string, unknown> }[],
  day: string,
): Promise<number> {
  const files = new Map<number, Record<string, unknown>[]>();
  for (const r of rows) {
    const id = await ctx.unitId(r.unit);
    files.set(id, [...(files.get(id) ?? []), r.data]);
  }
  return importForUnits(ctx, decl, files, day);
}

export async function loadRegisters(ctx: DemoContext): Promise<string[]> {
  const { rng } = ctx;
  const S = REGISTER_SEED;
  const towns = WULONG_TOWNSHIPS.map((t) => t.code);
  const townName = new Map(WULONG_TOWNSHIPS.map((t) => [t.code, t.zh]));
  const organisers = ["sfj", ...STAFFED_DEPARTMENTS.slice(0, 10), ...towns];
  const notes: string[] = [];

  // ── publicity events: who enforces explains the law
  const events: { unit: string; data: Record<string, unknown> }[] = [];
  for (const [audience, t] of Object.entries(S.publicity)) {
    const att = split(t.attendance, t.events, rng, 5);
    for (let i = 0; i < t.events; i++) {
      const unit =
        audience === "officials" ? rng.pick(["sfj", ...STAFFED_DEPARTMENTS]) : rng.pick(organisers);
      events.push({
        unit,
        data: {
          organiser: unit,
          heldOn: dayBetween(rng, YEAR_FROM, YEAR_TO),
          title: `${audience === "youth" ? "法治进校园" : "法律知识"}宣讲活动`,
          campaign: rng.pick(CAMPAIGN_BY_AUDIENCE[audience]!),
          audience,
          attendance: att[i],
          place: townName.get(unit) ?? "区行政中心",
        },
      });
    }
  }
  for (let i = 0; i < 40; i++) {
    const unit = rng.pick(organisers);
    events.push({
      unit,
      data: {
        organiser: unit,
        heldOn: dayBetween(rng, "2019-03-01", "2019-12-20"),
        title: "法律知识宣讲活动",
        campaign: "routine",
        audience: rng.pick(["farmers", "workers"]),
        attendance: rng.int(20, 120),
      },
    });
  }
  notes.push(
    `${await importByUnit(ctx, publicityEventRegister, events, "2020-12-30")} publicity events`,
  );

  // ── facilities
  const facilities = [
    ...["仙女山法治文化阵地", "白马山法治文化阵地"].map((name, i) => ({ kind: "site", name, i })),
    ...["芙蓉江法治文化公园", "宪法主题广场", "民法典主题公园", "清廉法治文化广场"].map(
      (name, i) => ({
        kind: "park",
        name,
        i,
      }),
    ),
  ].map((f) => ({
    kind: f.kind,
    name: f.name,
    location: "武隆区",
    builtOn: `2020-0${3 + f.i}-15`,
  }));
  await importEntries(
    ctx,
    facilityRegister,
    [
      ...facilities,
      {
        kind: "park",
        name: "原法治宣传长廊（已拆除）",
        location: "武隆区",
        builtOn: "2015-06-01",
        closedOn: "2019-08-31",
      },
    ],
    { day: "2020-12-30", unitId: await ctx.unitId("sfj") },
  );

  // ── training: the Party school's course of 7 July, internal law study
  await importEntries(
    ctx,
    trainingRegister,
    [
      {
        kind: "party_school",
        organiser: "dx",
        heldOn: "2020-07-07",
        title: "党校法治轮训：法治课程",
        classes: ["副处级干部进修班", "中青年干部培训班", "科级干部进修班"],
        attendance: S.partySchool,
      },
    ],
    { day: "2020-07-08", unitId: await ctx.unitId("dx") },
  );
  const studyUnits = ["sfj", ...STAFFED_DEPARTMENTS, ...towns];
  const studyAtt = split(S.internalStudy, studyUnits.length * 4, rng, 20);
  const studies = studyUnits.flatMap((unit, k) =>
    [0, 1, 2, 3].map((q) => ({
      unit,
      data: {
        kind: "internal_study",
        organiser: unit,
        heldOn: dayBetween(
          rng,
          `2020-${String(q * 3 + 1).padStart(2, "0")}-05`,
          `2020-${String(q * 3 + 3).padStart(2, "0")}-25`,
        ),
        title: rng.pick(["民法典专题学法", "行政处罚法专题学法", "习近平法治思想专题学习"]),
        attendance: studyAtt[k * 4 + q],
      },
    })),
  );
  notes.push(
    `${await importByUnit(ctx, trainingRegister, studies, "2020-12-30")} internal law-study sessions`,
  );

  // ── social organisations' annual inspection
  const kinds = ["social_group", "private_non_enterprise", "foundation"];
  const inspections = Array.from({ length: S.orgsInspected }, (_, i) => ({
    organisation: `武隆区${["老年人", "个体劳动者", "青少年", "文化", "体育", "慈善", "农业技术", "旅游"][i % 8]}协会（${i + 1}）`,
    orgKind: kinds[i % 11 === 0 ? 1 : i % 29 === 0 ? 2 : 0],
    year: 2019,
    inspectedOn: dayBetween(rng, "2020-03-01", "2020-06-30"),
    result:
      i < S.orgsQualified
        ? "qualified"
        : i < S.orgsQualified + 6
          ? "basically_qualified"
          : "unqualified",
  }));
  await importEntries(ctx, socialOrgInspectionRegister, inspections, {
    day: "2020-07-01",
    unitId: await ctx.unitId("mzj"),
  });
  await importEntries(
    ctx,
    decouplingRegister,
    Array.from({ length: S.associations }, (_, i) => ({
      association: `武隆区${["餐饮", "建筑", "旅游", "物流", "电商", "茶叶", "药材", "商贸"][i % 8]}行业协会（${i + 1}）`,
      formerAgency: STAFFED_DEPARTMENTS[i % STAFFED_DEPARTMENTS.length],
      dueBy: "2020-12-31",
      decoupledOn: dayBetween(rng, "2020-04-01", "2020-11-30"),
    })),
    { day: "2020-12-15", unitId: await ctx.unitId("mzj") },
  );

  // ── government purchases of services
  const pub = split(S.basicPublic.amount / 100, S.basicPublic.count, rng, 1000).map((a) => a * 100);
  await importEntries(
    ctx,
    purchaseRegister,
    [
      ...pub.map((amount, i) => ({
        title: `${
          [
            "居家养老服务",
            "社区矫正社会工作服务",
            "农村公路养护",
            "公共文化服务",
            "基层医疗卫生服务",
          ][i % 5]
        }（${i + 1}）`,
        category: "basic_public",
        buyer: "czj",
        provider: `武隆区社会服务中心${i + 1}`,
        contractedOn: dayBetween(rng, "2020-02-01", "2020-11-30"),
        amount,
      })),
      {
        title: "网格化社会治理服务",
        category: "social_management",
        buyer: "czj",
        provider: "武隆区社会治理服务中心",
        contractedOn: "2020-05-20",
        amount: S.socialManagement.amount,
      },
    ],
    { day: "2020-12-20", unitId: await ctx.unitId("czj") },
  );

  // ── public legal service points
  await importEntries(
    ctx,
    servicePointRegister,
    [
      { kind: "centre", name: "武隆区公共法律服务中心", unitCode: "sfj", openedOn: "2019-06-28" },
      ...towns.map((t, i) => ({
        kind: "workstation",
        name: `${townName.get(t)}公共法律服务工作站`,
        unitCode: t,
        openedOn: dayBetween(
          rng,
          i < 20 ? "2019-01-05" : "2020-02-01",
          i < 20 ? "2019-12-20" : "2020-10-30",
        ),
      })),
    ],
    { day: "2020-12-20", unitId: await ctx.unitId("sfj") },
  );

  // ── relief measures
  const refunds = split(S.jobRefund.amount / 100, S.jobRefund.count, rng, 100).map((a) => a * 100);
  const rents = split(S.rentRelief.amount / 100, S.rentRelief.count, rng, 10).map((a) => a * 100);
  await importEntries(
    ctx,
    reliefRegister,
    [
      ...refunds.map((amount, i) => ({
        measure: "job_stabilising_refund",
        beneficiary: `重庆市武隆区${rng.pick(["仙女山", "白马", "江口", "火炉"])}商贸有限公司（${i + 1}）`,
        beneficiaryKind: "sme",
        grantedBy: "rlsbj",
        grantedOn: dayBetween(rng, "2020-03-10", "2020-09-30"),
        amount,
      })),
    ],
    { day: "2020-10-10", unitId: await ctx.unitId("rlsbj") },
  );
  await importEntries(
    ctx,
    reliefRegister,
    rents.map((amount, i) => ({
      measure: "rent_relief",
      beneficiary: `武隆区${rng.pick(["便民", "兴旺", "和顺", "吉祥"])}${i % 3 === 0 ? "个体工商户" : "小店"}（${i + 1}）`,
      beneficiaryKind: i % 3 === 0 ? "individual_business" : "micro",
      grantedBy: "gzw",
      grantedOn: dayBetween(rng, "2020-03-01", "2020-08-31"),
      amount,
    })),
    { day: "2020-10-10", unitId: await ctx.unitId("gzw") },
  );
  notes.push("facilities, training, social organisations, purchases, service points, relief");
  return notes;
}
