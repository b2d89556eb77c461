/**
 * The lists (清单) and the unit duties (三定), as registers:
 *
 * - 权责清单 (power_item): every power a unit exercises, of ten kinds, with its legal
 *   basis and the responsibilities attached (中共中央办公厅、国务院办公厅《关于推行地方各级
 *   政府工作部门权力清单制度的指导意见》(中办发〔2015〕21号): 权力清单和责任清单, dynamic
 *   adjustment published). Published as versions by the region's office.
 * - 负面清单 (negative_list_entry): the market access negative list's items as they apply
 *   in the district (优化营商环境条例 art. 20: 全国统一的市场准入负面清单制度; prohibited and
 *   permitted entry). Published as versions.
 * - 行政事业性收费目录 (fee_item): item, standard, basis, collecting unit (优化营商环境条例
 *   art. 25: 目录清单管理, 清单之外一律不得收费, 并向社会公开). Adjustments published as versions.
 * - 三定 (unit_duty): each unit's main duties, internal divisions and the division of
 *   responsibilities with other units (机构编制工作条例 art. 13: 职能配置、内设机构、人员编制;
 *   the 三定规定), one entry per unit.
 * - 职责边界协调会议 (duty_coordination_meeting): meetings settling a boundary between
 *   units' duties (机构编制工作条例 art. 22: 职责分工的协调).
 */
import { z } from "zod";
import {
  date,
  defineRegister,
  enumOf,
  list,
  type RegisterDecl,
  registerFields,
  text,
} from "../../engines/register/index.ts";
import { zt } from "../../kernel/issue-text.ts";
import { MODULE, unitCode, zUnitCode } from "./common.ts";

// ────────────────────────────────────────────────────────────── 权责清单

export const POWER_KIND_LABELS = {
  licensing: { zh: "行政许可", en: "Licensing" },
  penalty: { zh: "行政处罚", en: "Penalty" },
  compulsion: { zh: "行政强制", en: "Compulsion" },
  levy: { zh: "行政征收", en: "Levy" },
  payment: { zh: "行政给付", en: "Payment" },
  inspection: { zh: "行政检查", en: "Inspection" },
  confirmation: { zh: "行政确认", en: "Confirmation" },
  award: { zh: "行政奖励", en: "Award" },
  adjudication: { zh: "行政裁决", en: "Adjudication" },
  other: { zh: "其他行政权力", en: "Other" },
} as const;
export type PowerKind = keyof typeof POWER_KIND_LABELS;

const power = registerFields({
  code: text("事项编码", "Item code", { max: 64 }),
  name: text("事项名称", "Item", { max: 300 }),
  kind: enumOf(POWER_KIND_LABELS, "权力类型", "Kind of power", { filter: true }),
  unitCode: unitCode("实施主体", "Implementing unit", { filter: true }),
  basis: text("设定依据", "Legal basis", { max: 4000, inList: false }),
  responsibilities: text("责任事项", "Responsibilities", { max: 4000, inList: false }),
  accountability: text("追责情形", "Accountability", {
    max: 2000,
    optional: true,
    inList: false,
  }),
});
export const powerSchema = power.schema;
export type PowerData = z.infer<typeof powerSchema>;

export const POWER_REGISTER = "power_item";

export const powerRegister: RegisterDecl<typeof powerSchema> = defineRegister({
  code: POWER_REGISTER,
  label: { zh: "权责清单", en: "Power and responsibility list" },
  module: MODULE,
  ...power,
  uniqueKeys: [{ name: "power_code", fields: ["code"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.name}（${d.code}）`,
  public: { fields: ["code", "name", "kind", "unitCode", "basis", "responsibilities"] },
  search: { fields: ["name", "basis", "responsibilities"] },
  versions: {},
});

// ────────────────────────────────────────────────────────────── 负面清单

export const NEGATIVE_KIND_LABELS = {
  prohibited: { zh: "禁止准入", en: "Entry prohibited" },
  permitted: { zh: "许可准入", en: "Entry by permission" },
} as const;

const negative = registerFields({
  code: text("事项编号", "Item number", { max: 64 }),
  kind: enumOf(NEGATIVE_KIND_LABELS, "类别", "Kind", { filter: true }),
  sector: text("行业领域", "Sector", { max: 200, filter: true }),
  item: text("禁止或许可事项", "Item", { max: 1000 }),
  measure: text("主要设定依据及管理措施", "Basis and measures", { max: 4000, inList: false }),
  unitCode: unitCode("主管部门", "Competent unit", { filter: true }),
});
export const negativeSchema = negative.schema;

export const negativeRegister: RegisterDecl<typeof negativeSchema> = defineRegister({
  code: "negative_list_entry",
  label: { zh: "市场准入负面清单", en: "Market access negative list" },
  module: MODULE,
  ...negative,
  uniqueKeys: [{ name: "negative_code", fields: ["code"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.code} ${d.item}`.slice(0, 120),
  public: { fields: ["code", "kind", "sector", "item", "measure", "unitCode"] },
  search: { fields: ["item", "sector", "measure"] },
  versions: {},
});

// ────────────────────────────────────────────────────────────── 行政事业性收费目录

export const FEE_KIND_LABELS = {
  administrative: { zh: "行政性收费", en: "Administrative fee" },
  public_institution: { zh: "事业性收费", en: "Public-institution fee" },
} as const;

const fee = registerFields({
  code: text("项目编码", "Item code", { max: 64 }),
  item: text("收费项目", "Fee item", { max: 300 }),
  kind: enumOf(FEE_KIND_LABELS, "收费类别", "Kind of fee", { filter: true }),
  standard: text("收费标准", "Standard", { max: 2000 }),
  basis: text("政策依据", "Basis", { max: 4000, inList: false }),
  unitCode: unitCode("执收单位", "Collecting unit", { filter: true }),
  note: text("备注", "Note", { max: 1000, optional: true, inList: false }),
});
export const feeSchema = fee.schema;
export type FeeData = z.infer<typeof feeSchema>;

export const FEE_REGISTER = "fee_item";

export const feeRegister: RegisterDecl<typeof feeSchema> = defineRegister({
  code: FEE_REGISTER,
  label: { zh: "行政事业性收费目录清单", en: "Administrative fee catalogue" },
  module: MODULE,
  ...fee,
  uniqueKeys: [{ name: "fee_code", fields: ["code"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.item}（${d.code}）`,
  public: { fields: ["code", "item", "kind", "standard", "basis", "unitCode"] },
  search: { fields: ["item", "standard", "basis"] },
  versions: {},
});

// ────────────────────────────────────────────────────────────── 三定

export const UNIT_LEVEL_LABELS = {
  district_body: { zh: "区级部门", en: "District body" },
  township: { zh: "乡镇（街道）", en: "Township or street" },
} as const;

export const UNIT_DUTY_REGISTER = "unit_duty";

const unitDuty = registerFields({
  unitCode: unitCode("单位", "Unit", { filter: true }),
  level: enumOf(UNIT_LEVEL_LABELS, "层级", "Level", { filter: true }),
  documentNo: text("三定规定文号", "Document number", { max: 100, optional: true }),
  approvedOn: date("印发日期", "Approved on"),
  mainDuties: list(
    z.array(z.string().trim().min(1).max(1000)).min(1, "required").max(60),
    "主要职责",
    "Main duties",
    { inList: false },
  ),
  divisions: list(
    z.array(z.string().trim().min(1).max(100)).max(60).default([]),
    "内设机构",
    "Internal divisions",
    { inList: false },
  ),
  boundaries: text("职责分工（与相关单位的职责边界）", "Division of responsibilities", {
    max: 4000,
    optional: true,
    inList: false,
  }),
});
export const unitDutySchema = unitDuty.schema;
export type UnitDutyData = z.infer<typeof unitDutySchema>;

export const unitDutyRegister: RegisterDecl<typeof unitDutySchema> = defineRegister({
  code: UNIT_DUTY_REGISTER,
  label: { zh: "“三定”规定（单位职责）", en: "Unit duties (three-fixes rules)" },
  module: MODULE,
  ...unitDuty,
  uniqueKeys: [{ name: "duty_unit", fields: ["unitCode"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.documentNo ?? "三定规定"}（${d.unitCode}）`,
  search: { fields: ["mainDuties", "divisions", "boundaries"] },
});

// ────────────────────────────────────────────────────────────── 职责边界协调会议

export const COORDINATION_REGISTER = "duty_coordination_meeting";

const coordination = registerFields({
  date: date("会议日期", "Date"),
  topic: text("协调事项", "Matter", { max: 300 }),
  unitCodes: list(
    z.array(zUnitCode).min(2, zt("至少两个单位", "at least two units")).max(30),
    "涉及单位",
    "Units concerned",
  ),
  chair: text("主持人", "Chair", { max: 100 }),
  outcome: text("协调结果", "Outcome", { max: 4000, inList: false }),
  documentNo: text("会议纪要文号", "Minutes number", { max: 100, optional: true, inList: false }),
});
export const coordinationSchema = coordination.schema;

export const coordinationRegister: RegisterDecl<typeof coordinationSchema> = defineRegister({
  code: COORDINATION_REGISTER,
  label: { zh: "职责边界协调会议", en: "Duty-boundary coordination meetings" },
  module: MODULE,
  ...coordination,
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.date} ${d.topic}`.slice(0, 120),
  search: { fields: ["topic", "outcome"] },
});

export const LIST_REGISTERS: RegisterDecl[] = [
  powerRegister,
  negativeRegister,
  feeRegister,
  unitDutyRegister,
  coordinationRegister,
];
