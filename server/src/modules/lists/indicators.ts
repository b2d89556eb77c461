/**
 * The figures of report 一(三)2–3 and the lists: unit duties (三定) for the district bodies
 * and the townships, the coordination meetings on duty boundaries, the power list and
 * the fee catalogue as published, and the fee and price complaints with their replies.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { caseViewOf, clockStatesOfMany } from "../../engines/case/index.ts";
import {
  countCases,
  countListVersion,
  countRegister,
  type DrillRow,
  type IndicatorDecl,
  type IndicatorQuery,
  ratio,
} from "../../engines/indicator/index.ts";
import { settingsFor } from "../../engines/settings.ts";
import type { Label } from "../../kernel/labels.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import { legalCalendar } from "../../platform/calendar.ts";
import { MODULE } from "./common.ts";
import { COMPLAINT_TYPE, complaintCaseType, complaintSettings } from "./complaint.ts";
import {
  COORDINATION_REGISTER,
  FEE_REGISTER,
  POWER_REGISTER,
  UNIT_DUTY_REGISTER,
} from "./registers.ts";

const UNITS: Label = { zh: "个", en: "units" };
const ITEMS: Label = { zh: "项", en: "items" };
const TIMES: Label = { zh: "次", en: "meetings" };
const CASES: Label = { zh: "件", en: "cases" };
const PERCENT: Label = { zh: "%", en: "%" };

/**
 * Complaints received in the period whose reply clock stopped on or before its due day
 * (the clock of the case engine, with the working-day calendar and the period in force
 * on the day of receipt). A complaint still unanswered, or answered late, does not count.
 */
async function repliedOnTime(q: IndicatorQuery): Promise<DrillRow[]> {
  let qb = q.db
    .selectFrom("case_file")
    .selectAll()
    .where("region_code", "in", q.regions)
    .where("case_type", "=", COMPLAINT_TYPE)
    .where("opened_on", ">=", q.from)
    .where("opened_on", "<=", q.to);
  if (q.unitId !== undefined) qb = qb.where("unit_id", "=", q.unitId);
  const rows = await qb.orderBy("region_code").orderBy("id").execute();
  if (rows.length === 0) return [];
  const db = q.db as Kysely<DB>;
  const calendar = await legalCalendar(db, Date.now());
  const lookup = {
    setting: (code: string) => complaintSettings.find((x) => x.code === code),
    settings: () => complaintSettings,
  };
  const byRegion = new Map<string, Awaited<ReturnType<typeof settingsFor>>>();
  const items = [];
  for (const r of rows) {
    let s = byRegion.get(r.region_code);
    if (!s) {
      s = await settingsFor(db, lookup, r.region_code, q.to as LocalDate);
      byRegion.set(r.region_code, s);
    }
    items.push({ decl: complaintCaseType, case: caseViewOf(r), settings: s });
  }
  const states = await clockStatesOfMany(q.db, items, { calendar, asOf: q.to as LocalDate });
  const out: DrillRow[] = [];
  for (const [i, { case: c }] of items.entries()) {
    const k = states[i]?.clocks.find((x) => x.clock === "reply" && !x.superseded);
    if (!k?.due || !k.stoppedOn || k.stoppedOn > k.due) continue;
    out.push({
      kind: "case",
      regionCode: c.regionCode,
      id: c.id,
      type: c.caseType,
      title: c.title,
      unitId: c.unitId,
      value: 1,
      extra: { openedOn: c.openedOn, due: k.due, repliedOn: k.stoppedOn },
    });
  }
  return out;
}

export const LIST_INDICATORS: IndicatorDecl[] = [
  {
    id: "unit_duties_district_bodies",
    module: MODULE,
    unit: UNITS,
    label: { zh: "印发“三定”规定的区级部门", en: "District bodies with three-fixes rules" },
    definition: {
      zh: "期末已印发“三定”规定（主要职责、内设机构、职责分工）的区级部门",
      en: "District bodies whose three-fixes rules (main duties, divisions, division of responsibilities) were issued by the end of the period",
    },
    ...countRegister({
      register: UNIT_DUTY_REGISTER,
      stock: { validFrom: "approvedOn" },
      where: { level: "district_body" },
    }),
  },
  {
    id: "unit_duties_townships",
    module: MODULE,
    unit: UNITS,
    label: { zh: "印发“三定”规定的乡镇（街道）", en: "Townships with three-fixes rules" },
    definition: {
      zh: "期末已印发“三定”规定的乡镇（街道）",
      en: "Townships and streets whose three-fixes rules were issued by the end of the period",
    },
    ...countRegister({
      register: UNIT_DUTY_REGISTER,
      stock: { validFrom: "approvedOn" },
      where: { level: "township" },
    }),
  },
  {
    id: "duty_coordination_meetings",
    module: MODULE,
    unit: TIMES,
    label: { zh: "职责边界协调会议", en: "Duty-boundary coordination meetings" },
    definition: {
      zh: "期间内召开的协调单位间职责边界的会议",
      en: "Meetings in the period that settled a boundary between units' duties",
    },
    ...countRegister({ register: COORDINATION_REGISTER, on: "date" }),
  },
  {
    id: "power_list_items",
    module: MODULE,
    unit: ITEMS,
    label: { zh: "权责清单事项", en: "Items of the power and responsibility list" },
    definition: {
      zh: "期末施行的权责清单版本所列事项",
      en: "Items of the version of the power and responsibility list in force at the end of the period",
    },
    ...countListVersion({ register: POWER_REGISTER }),
  },
  {
    id: "fee_items",
    module: MODULE,
    unit: ITEMS,
    label: { zh: "行政事业性收费项目", en: "Administrative fee items" },
    definition: {
      zh: "期末施行的行政事业性收费目录清单所列项目",
      en: "Items of the fee catalogue in force at the end of the period",
    },
    ...countListVersion({ register: FEE_REGISTER }),
  },
  {
    id: "complaints_received",
    module: MODULE,
    unit: CASES,
    label: { zh: "收费价格投诉举报受理登记数", en: "Fee and price complaints received" },
    definition: {
      zh: "期间内登记的收费、价格投诉举报（含12315热线和平台）",
      en: "Fee and price complaints and reports registered in the period (12315 and other channels)",
    },
    ...countCases({ caseType: COMPLAINT_TYPE, by: "opened" }),
  },
  {
    id: "complaints_replied_on_time",
    module: MODULE,
    unit: CASES,
    label: { zh: "按期答复的投诉举报", en: "Complaints replied to on time" },
    definition: {
      zh: "期间内登记、且在答复期限（投诉7个工作日、举报15个工作日）届满前答复的投诉举报",
      en: "Complaints and reports registered in the period and answered before the reply deadline ran out (7 working days for complaints, 15 for reports)",
    },
    basis: {
      zh: "按登记日期计入所属期间；期限按登记当日施行的设置和法定工作日计算",
      en: "counted in the period of registration; the deadline in working days under the settings in force that day",
    },
    decimals: 0,
    reads: { caseTypes: [COMPLAINT_TYPE] },
    drill: repliedOnTime,
  },
  {
    id: "complaints_replied_on_time_rate",
    module: MODULE,
    unit: PERCENT,
    label: { zh: "投诉举报按期答复率", en: "Complaints replied to on time (rate)" },
    definition: { zh: "按期答复数 ÷ 登记数 × 100%", en: "Replied on time ÷ received × 100%" },
    ...ratio("complaints_replied_on_time", "complaints_received"),
  },
];
