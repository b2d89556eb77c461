/**
 * The services figures (seed 一(三)1), each from records through the indicator engine:
 * the catalogue (licensing items, in the centre, one-window intake, at most one trip,
 * online availability over every published item), the halls (sub-centres, windows by
 * kind), joint matters, and for concluded applications the time reduction and the
 * on-time rate — computed set-based over the facts each conclusion records (one
 * aggregate statement; no per-case loop, docs/services.md).
 */
import { sql } from "kysely";
import {
  countCases,
  countRegister,
  type DrillRow,
  type IndicatorDecl,
  type IndicatorQuery,
  jsonAccess,
  ratio,
} from "../../engines/indicator/index.ts";
import type { Label } from "../../kernel/labels.ts";
import { APPLICATION, ITEM_REGISTER, JOINT, MODULE, WINDOW_REGISTER } from "./common.ts";

const ITEMS: Label = { zh: "项", en: "items" };
const PLACES: Label = { zh: "个", en: "places" };
const CASES: Label = { zh: "件", en: "matters" };
const PERCENT: Label = { zh: "%", en: "%" };
const d = (zh: string, en: string): Label => ({ zh, en });

const listed = { validFrom: "listedOn", validTo: "delistedOn" } as const;
const open = { validFrom: "openedOn", validTo: "closedOn" } as const;

/** Concluded applications and joint matters: closed in the period with their days recorded. */
const CONCLUDED_TYPES = [APPLICATION, JOINT];
const CONCLUDED_STATES = ["delivered", "concluded"];

function concludedQuery(q: IndicatorQuery) {
  const f = jsonAccess("case_file.fields");
  const used = f.num("workingDaysUsed");
  const legal = f.num("legalDays");
  return {
    used,
    legal,
    query: q.db
      .selectFrom("case_file")
      .where("case_file.region_code", "in", q.regions)
      .where("case_file.case_type", "in", CONCLUDED_TYPES)
      .where("case_file.state", "in", CONCLUDED_STATES)
      .where("case_file.closed_on", ">=", q.from)
      .where("case_file.closed_on", "<=", q.to)
      .where(sql<boolean>`${used} is not null and ${legal} > 0`)
      .$if(q.unitId !== undefined, (qb) => qb.where("case_file.unit_id", "=", q.unitId!)),
  };
}

/** 1 − used ÷ legal per concluded matter, never below 0 (an overdue one reduces nothing). */
const share = (used: unknown, legal: unknown) =>
  sql<number>`greatest(0, 1 - ${used}::numeric / ${legal}::numeric)`;

const timeReduction: IndicatorDecl = {
  id: "time_reduction_rate",
  module: MODULE,
  unit: PERCENT,
  label: d("办理时限压缩率", "Time reduction"),
  definition: d(
    "年度内办结的办件和联办件，每件“1 − 实际办理用时 ÷ 法定办结时限”（均以工作日计，听证、检验检测、专家评审等不计时间不计入，延长期限不计入法定时限）的平均值；当场办结的计100%",
    "Over the applications and joint matters concluded in the year, the mean of 1 − working days used ÷ legal working days (time not counted under art. 45 left out; the legal limit without extensions); one concluded on the day of acceptance counts 100%",
  ),
  basis: d(
    "办件按送达（联办件按办结）日期计入所属期间",
    "a matter counts in the period in which it was closed (delivered, or concluded)",
  ),
  decimals: 1,
  reads: { caseTypes: CONCLUDED_TYPES, states: CONCLUDED_STATES },
  value: async (q) => {
    const { used, legal, query } = concludedQuery(q);
    const r = await query
      .select(sql<string | null>`avg(${share(used, legal)}) * 100`.as("v"))
      .executeTakeFirstOrThrow();
    return r.v === null ? null : Number(r.v);
  },
  drill: async (q) => {
    const { used, legal, query } = concludedQuery(q);
    const rows = await query
      .select([
        "case_file.region_code",
        "case_file.id",
        "case_file.case_type",
        "case_file.title",
        "case_file.unit_id",
        "case_file.state",
        "case_file.opened_on",
        "case_file.closed_on",
        used.as("used"),
        legal.as("legal"),
        share(used, legal).as("share"),
      ])
      .orderBy("case_file.region_code")
      .orderBy("case_file.id")
      .execute();
    return rows.map(
      (r): DrillRow => ({
        kind: "case",
        regionCode: r.region_code,
        id: Number(r.id),
        type: r.case_type,
        title: r.title,
        unitId: Number(r.unit_id),
        value: Number(r.share) * 100,
        extra: {
          state: r.state,
          openedOn: r.opened_on,
          closedOn: r.closed_on,
          workingDaysUsed: Number(r.used),
          legalDays: Number(r.legal),
        },
      }),
    );
  },
};

export const indicators: IndicatorDecl[] = [
  {
    id: "licensing_items",
    module: MODULE,
    unit: ITEMS,
    label: d("行政许可事项数", "Licensing items"),
    definition: d(
      "期末政务服务事项目录中的行政许可事项（行政许可事项清单）",
      "Licensing items in the catalogue at the end of the period",
    ),
    ...countRegister({ register: ITEM_REGISTER, stock: listed, where: { kind: "licensing" } }),
  },
  {
    id: "licensing_items_in_centre",
    module: MODULE,
    unit: ITEMS,
    label: d("进驻政务服务中心的行政许可事项数", "Licensing items handled in the centre"),
    definition: d(
      "期末目录中办理场所为政务服务中心的行政许可事项",
      "Licensing items handled in the service centre",
    ),
    ...countRegister({
      register: ITEM_REGISTER,
      stock: listed,
      where: { kind: "licensing", venue: "centre" },
    }),
  },
  {
    id: "licensing_centre_rate",
    module: MODULE,
    unit: PERCENT,
    label: d("行政许可事项进驻率", "Licensing items in the centre (rate)"),
    definition: d(
      "进驻政务服务中心的行政许可事项占行政许可事项的比例",
      "Share of licensing items handled in the centre",
    ),
    ...ratio("licensing_items_in_centre", "licensing_items"),
  },
  {
    id: "service_sub_centres",
    module: MODULE,
    unit: PLACES,
    label: d("政务服务分中心数", "Sub-centres"),
    definition: d("期末在用的政务服务分中心", "Sub-centres open at the end of the period"),
    ...countRegister({ register: WINDOW_REGISTER, stock: open, where: { kind: "sub_centre" } }),
  },
  {
    id: "domain_windows",
    module: MODULE,
    unit: PLACES,
    label: d("分领域综合窗口数", "Domain windows"),
    definition: d("期末在用的分领域综合窗口", "Domain windows open at the end of the period"),
    ...countRegister({ register: WINDOW_REGISTER, stock: open, where: { kind: "domain" } }),
  },
  {
    id: "comprehensive_windows",
    module: MODULE,
    unit: PLACES,
    label: d("无差别综合窗口数", "Undifferentiated comprehensive windows"),
    definition: d(
      "期末在用的无差别综合窗口",
      "Undifferentiated comprehensive windows open at the end of the period",
    ),
    ...countRegister({ register: WINDOW_REGISTER, stock: open, where: { kind: "comprehensive" } }),
  },
  {
    id: "one_window_items",
    module: MODULE,
    unit: ITEMS,
    label: d("“一窗受理”的行政许可事项数", "Licensing items with one-window intake"),
    definition: d("期末目录中实行一窗受理的行政许可事项", "Licensing items accepted at one window"),
    ...countRegister({
      register: ITEM_REGISTER,
      stock: listed,
      where: { kind: "licensing", oneWindow: true },
    }),
  },
  {
    id: "one_window_rate",
    module: MODULE,
    unit: PERCENT,
    label: d("“一窗受理”率", "One-window intake (rate)"),
    definition: d(
      "实行一窗受理的行政许可事项占行政许可事项的比例",
      "Share of licensing items accepted at one window",
    ),
    ...ratio("one_window_items", "licensing_items"),
  },
  {
    id: "one_trip_items",
    module: MODULE,
    unit: ITEMS,
    label: d("“最多跑一次”事项数", "Items needing at most one trip"),
    definition: d(
      "期末目录中标注“最多跑一次”的政务服务事项",
      "Service items flagged 'at most one trip'",
    ),
    ...countRegister({ register: ITEM_REGISTER, stock: listed, where: { oneTrip: true } }),
  },
  {
    id: "service_items",
    module: MODULE,
    unit: ITEMS,
    label: d("政务服务事项数", "Service items"),
    definition: d("期末目录中的全部政务服务事项", "Every item of the catalogue"),
    ...countRegister({ register: ITEM_REGISTER, stock: listed }),
  },
  {
    id: "online_items",
    module: MODULE,
    unit: ITEMS,
    label: d("可网上办理的政务服务事项数", "Service items available online"),
    definition: d(
      "期末目录中全程网办或部分网办的政务服务事项",
      "Items handled entirely or partly online",
    ),
    ...countRegister({
      register: ITEM_REGISTER,
      stock: listed,
      where: { online: ["full", "partial"] },
    }),
  },
  {
    id: "online_availability_rate",
    module: MODULE,
    unit: PERCENT,
    label: d("网上可办率", "Online availability"),
    definition: d(
      "可网上办理的政务服务事项占全部政务服务事项的比例（国办发〔2018〕45号）",
      "Share of all published service items that can be handled online",
    ),
    ...ratio("online_items", "service_items"),
  },
  {
    id: "joint_applications",
    module: MODULE,
    unit: CASES,
    label: d("“一窗受理、并行办理”事项数", "Matters handled jointly"),
    definition: d(
      "年度内一窗受理、多部门并行办理的联办件（不含不予受理、撤回）",
      "Joint matters accepted in the year (not those not accepted or withdrawn)",
    ),
    ...countCases({
      caseType: JOINT,
      by: "opened",
      states: ["processing", "parts_done", "concluded"],
    }),
  },
  {
    id: "applications_concluded",
    module: MODULE,
    unit: CASES,
    label: d("办结件数", "Matters concluded"),
    definition: d(
      "年度内办结的办件和联办件",
      "Applications and joint matters concluded in the year",
    ),
    ...countCases({
      caseType: CONCLUDED_TYPES,
      by: "closed",
      states: CONCLUDED_STATES,
      where: { onTime: [true, false] },
    }),
  },
  {
    id: "applications_on_time",
    module: MODULE,
    unit: CASES,
    label: d("按时办结件数", "Matters concluded on time"),
    definition: d(
      "年度内在法定时限（含依法延长）内办结的办件和联办件",
      "Concluded within the legal limit (as lawfully extended)",
    ),
    ...countCases({
      caseType: CONCLUDED_TYPES,
      by: "closed",
      states: CONCLUDED_STATES,
      where: { onTime: true },
    }),
  },
  {
    id: "applications_on_time_rate",
    module: MODULE,
    unit: PERCENT,
    label: d("按时办结率", "Concluded on time (rate)"),
    definition: d(
      "按时办结件数占办结件数的比例",
      "Share of concluded matters concluded within the legal limit",
    ),
    ...ratio("applications_on_time", "applications_concluded"),
  },
  timeReduction,
];
