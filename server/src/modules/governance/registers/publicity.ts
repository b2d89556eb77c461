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
import { defineRegister } from "../../../engines/register/index.ts";
import type { Label } from "../../../kernel/labels.ts";
import { L, labelledEnum, MODULE, zCount, zDate, zText, zUnitCode } from "../common.ts";

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

export const publicityEventSchema = z.object({
  organiser: L(zUnitCode, "组织单位", "Organiser"),
  heldOn: L(zDate, "活动日期", "Held on"),
  title: L(zText(200), "活动名称", "Event"),
  campaign: labelledEnum(CAMPAIGN_LABELS, "活动类别", "Campaign"),
  audience: labelledEnum(AUDIENCE_LABELS, "受众类别", "Audience"),
  attendance: L(zCount, "参加人次", "Attendance"),
  place: L(z.string().trim().max(200).optional(), "活动地点", "Place"),
});

export const publicityEventRegister = defineRegister({
  code: "publicity_event",
  label: { zh: "普法活动", en: "Legal publicity events" },
  module: MODULE,
  schema: publicityEventSchema,
  columns: [
    { field: "organiser", kind: "text", filter: true },
    { field: "heldOn", kind: "date" },
    { field: "title", kind: "text" },
    { field: "campaign", kind: "enum", filter: true },
    { field: "audience", kind: "enum", filter: true },
    { field: "attendance", kind: "integer" },
    { field: "place", kind: "text", inList: false },
  ],
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

export const facilitySchema = z.object({
  kind: labelledEnum(FACILITY_KIND_LABELS, "类别", "Kind"),
  name: L(zText(200), "名称", "Name"),
  location: L(zText(200), "地点", "Location"),
  builtOn: L(zDate, "建成日期", "Built on"),
  closedOn: L(zDate.optional(), "撤销日期", "Closed on"),
});

export const facilityRegister = defineRegister({
  code: "legal_culture_facility",
  label: { zh: "法治文化阵地", en: "Legal-culture facilities" },
  module: MODULE,
  schema: facilitySchema,
  columns: [
    { field: "kind", kind: "enum", filter: true },
    { field: "name", kind: "text" },
    { field: "location", kind: "text" },
    { field: "builtOn", kind: "date" },
    { field: "closedOn", kind: "date", inList: false },
  ],
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

export const trainingSchema = z.object({
  kind: labelledEnum(TRAINING_KIND_LABELS, "培训类别", "Kind"),
  organiser: L(zUnitCode, "组织单位", "Organiser"),
  heldOn: L(zDate, "培训日期", "Held on"),
  title: L(zText(200), "培训内容", "Course"),
  classes: L(z.array(zText(100)).max(20).default([]), "参训班次", "Classes"),
  attendance: L(zCount, "参训人次", "Attendance"),
});

export const trainingRegister = defineRegister({
  code: "training_session",
  label: { zh: "法治培训与学法", en: "Training and law study" },
  module: MODULE,
  schema: trainingSchema,
  columns: [
    { field: "kind", kind: "enum", filter: true },
    { field: "organiser", kind: "text", filter: true },
    { field: "heldOn", kind: "date" },
    { field: "title", kind: "text" },
    { field: "classes", kind: "list", inList: false },
    { field: "attendance", kind: "integer" },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.heldOn} ${d.title}`,
});
