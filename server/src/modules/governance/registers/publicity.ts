/**
 * Legal publicity and training (report 一(八)3, 一(九)): publicity events by their
 * organiser ("who enforces explains the law", 谁执法谁普法: 关于实行国家机关"谁执法谁普法"
 * 普法责任制的意见, 中办发〔2017〕31号 [R]), legal-culture sites and parks, and training
 * sessions with their attendance (Party-school courses, internal law study).
 *
 * The certificate-training participation rate is not kept here: it reads the
 * enforcement officers' own training records (indicators.ts), never a copy.
 */
import { z } from "zod";
import {
  count,
  date,
  defineRegister,
  enumOf,
  list,
  registerFields,
  text,
} from "../../../engines/register/index.ts";
import type { Label } from "../../../kernel/labels.ts";
import { MODULE, unitCodeShown, zText } from "../common.ts";

export const AUDIENCE_LABELS = {
  officials: { zh: "干部", en: "Officials" },
  youth: { zh: "青少年", en: "Youth" },
  workers: { zh: "企业职工", en: "Workers" },
  farmers: { zh: "农民", en: "Farmers" },
  other: { zh: "其他群众", en: "Other" },
} as const satisfies Record<string, Label>;
export type Audience = keyof typeof AUDIENCE_LABELS;
export const AUDIENCES = Object.keys(AUDIENCE_LABELS) as Audience[];

export const CAMPAIGN_LABELS = {
  constitution_week: { zh: "宪法宣传周", en: "Constitution week" },
  civil_code: { zh: "民法典宣传", en: "Civil Code" },
  youth_education: { zh: "青少年法治宣传教育", en: "Youth legal education" },
  enforcement_publicity: { zh: "以案释法（谁执法谁普法）", en: "Explaining the law by cases" },
  routine: { zh: "日常普法", en: "Routine" },
} as const satisfies Record<string, Label>;

const publicityEvent = registerFields({
  organiser: unitCodeShown("组织单位", "Organiser", { filter: true }),
  heldOn: date("活动日期", "Held on"),
  title: text("活动名称", "Event", { max: 200 }),
  campaign: enumOf(CAMPAIGN_LABELS, "活动类别", "Campaign", { filter: true }),
  audience: enumOf(AUDIENCE_LABELS, "受众类别", "Audience", { filter: true }),
  attendance: count("参加人次", "Attendance"),
  place: text("活动地点", "Place", { max: 200, optional: true, inList: false }),
});

export const publicityEventRegister = defineRegister({
  code: "publicity_event",
  label: { zh: "普法活动", en: "Legal publicity events" },
  module: MODULE,
  ...publicityEvent,
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.heldOn} ${d.title}`,
  public: { fields: ["heldOn", "title", "campaign", "audience", "attendance", "place"] },
  search: { fields: ["title", "place"] },
});

export const FACILITY_KIND_LABELS = {
  site: { zh: "法治文化阵地", en: "Legal-culture site" },
  park: { zh: "法治文化主题公园广场", en: "Legal-culture park" },
} as const satisfies Record<string, Label>;

const facility = registerFields({
  kind: enumOf(FACILITY_KIND_LABELS, "类别", "Kind", { filter: true }),
  name: text("名称", "Name", { max: 200 }),
  location: text("地点", "Location", { max: 200 }),
  builtOn: date("建成日期", "Built on"),
  closedOn: date("撤销日期", "Closed on", { optional: true, inList: false }),
});

export const facilityRegister = defineRegister({
  code: "legal_culture_facility",
  label: { zh: "法治文化阵地", en: "Legal-culture facilities" },
  module: MODULE,
  ...facility,
  uniqueKeys: [{ name: "name", fields: ["name"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.name,
  public: { fields: ["kind", "name", "location", "builtOn"] },
});

export const TRAINING_KIND_LABELS = {
  party_school: { zh: "党校法治轮训", en: "Party-school rule-of-law course" },
  internal_study: { zh: "内部集中学法", en: "Internal law study" },
  other: { zh: "其他法治培训", en: "Other legal training" },
} as const satisfies Record<string, Label>;

const training = registerFields({
  kind: enumOf(TRAINING_KIND_LABELS, "培训类别", "Kind", { filter: true }),
  organiser: unitCodeShown("组织单位", "Organiser", { filter: true }),
  heldOn: date("培训日期", "Held on"),
  title: text("培训内容", "Course", { max: 200 }),
  classes: list(z.array(zText(100)).max(20).default([]), "参训班次", "Classes", {
    inList: false,
  }),
  attendance: count("参训人次", "Attendance"),
});

export const trainingRegister = defineRegister({
  code: "training_session",
  label: { zh: "法治培训与学法", en: "Training and law study" },
  module: MODULE,
  ...training,
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.heldOn} ${d.title}`,
});
