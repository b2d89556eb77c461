/**
 * Social governance and relief (report 一(三)5, 一(三)6): social organisations' annual
 * inspection (社会团体登记管理条例 art. 28; 民办非企业单位登记管理暂行条例 art. 23 [R]:
 * 年度检查), trade associations' decoupling from government (行业协会商会与行政机关脱钩
 * 总体方案, 中办发〔2015〕39号 [R]), government purchases of services (政府购买服务管理办法,
 * 财政部令第102号 [R]), public legal service points, and relief measures with their
 * beneficiaries and amounts. Organisations and enterprises are not people: nothing here
 * is masked, and none of it is public.
 */
import { z } from "zod";
import { defineRegister } from "../../../engines/register/index.ts";
import type { Label } from "../../../kernel/labels.ts";
import { L, labelledEnum, MODULE, zDate, zText, zUnitCode, zYuan } from "../common.ts";

export const INSPECTION_RESULT_LABELS = {
  qualified: { zh: "合格", en: "Qualified" },
  basically_qualified: { zh: "基本合格", en: "Basically qualified" },
  unqualified: { zh: "不合格", en: "Unqualified" },
} as const satisfies Record<string, Label>;

export const socialOrgInspectionSchema = z.object({
  organisation: L(zText(200), "社会组织名称", "Organisation"),
  orgKind: labelledEnum(
    {
      social_group: { zh: "社会团体", en: "Social group" },
      private_non_enterprise: { zh: "民办非企业单位", en: "Private non-enterprise unit" },
      foundation: { zh: "基金会", en: "Foundation" },
    },
    "组织类型",
    "Kind",
  ),
  year: L(z.number().int().min(2000).max(2100), "年检年度", "Year inspected"),
  inspectedOn: L(zDate, "年检日期", "Inspected on"),
  result: labelledEnum(INSPECTION_RESULT_LABELS, "年检结论", "Result"),
});

export const socialOrgInspectionRegister = defineRegister({
  code: "social_org_inspection",
  label: { zh: "社会组织年检", en: "Social organisations' annual inspection" },
  module: MODULE,
  schema: socialOrgInspectionSchema,
  columns: [
    { field: "organisation", kind: "text" },
    { field: "orgKind", kind: "enum", filter: true },
    { field: "year", kind: "integer", filter: true },
    { field: "inspectedOn", kind: "date" },
    { field: "result", kind: "enum", filter: true },
  ],
  uniqueKeys: [{ name: "org_year", fields: ["organisation", "year"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年度年检：${d.organisation}`,
});

export const decouplingSchema = z.object({
  association: L(zText(200), "行业协会商会名称", "Association"),
  formerAgency: L(zUnitCode, "原主管单位", "Agency it was attached to"),
  dueBy: L(zDate, "应完成脱钩日期", "Due by"),
  decoupledOn: L(zDate.optional(), "完成脱钩日期", "Decoupled on"),
});

export const decouplingRegister = defineRegister({
  code: "association_decoupling",
  label: { zh: "行业协会商会脱钩", en: "Associations' decoupling" },
  module: MODULE,
  schema: decouplingSchema,
  columns: [
    { field: "association", kind: "text" },
    { field: "formerAgency", kind: "text", filter: true },
    { field: "dueBy", kind: "date" },
    { field: "decoupledOn", kind: "date" },
  ],
  uniqueKeys: [{ name: "association", fields: ["association"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.association,
});

export const PURCHASE_CATEGORY_LABELS = {
  basic_public: { zh: "基本公共服务", en: "Basic public service" },
  social_management: { zh: "社会管理性服务", en: "Social-management service" },
  other: { zh: "其他服务", en: "Other" },
} as const satisfies Record<string, Label>;

export const purchaseSchema = z.object({
  title: L(zText(200), "购买服务项目", "Service bought"),
  category: labelledEnum(PURCHASE_CATEGORY_LABELS, "服务类别", "Category"),
  buyer: L(zUnitCode, "购买主体", "Buyer"),
  provider: L(zText(200), "承接主体", "Provider"),
  contractedOn: L(zDate, "合同签订日期", "Contracted on"),
  amount: L(zYuan, "合同金额（元）", "Amount (yuan)"),
});

export const purchaseRegister = defineRegister({
  code: "service_purchase",
  label: { zh: "政府购买服务", en: "Government purchases of services" },
  module: MODULE,
  schema: purchaseSchema,
  columns: [
    { field: "title", kind: "text" },
    { field: "category", kind: "enum", filter: true },
    { field: "buyer", kind: "text", filter: true },
    { field: "provider", kind: "text" },
    { field: "contractedOn", kind: "date" },
    { field: "amount", kind: "number" },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.title,
});

export const SERVICE_POINT_LABELS = {
  centre: { zh: "公共法律服务中心", en: "Public legal service centre" },
  workstation: { zh: "公共法律服务工作站", en: "Public legal service workstation" },
} as const satisfies Record<string, Label>;

export const servicePointSchema = z.object({
  kind: labelledEnum(SERVICE_POINT_LABELS, "类别", "Kind"),
  name: L(zText(200), "名称", "Name"),
  unitCode: L(zUnitCode, "所在区域（单位）", "Where (unit)"),
  openedOn: L(zDate, "建成日期", "Opened on"),
  closedOn: L(zDate.optional(), "撤销日期", "Closed on"),
});

export const servicePointRegister = defineRegister({
  code: "legal_service_point",
  label: { zh: "公共法律服务阵地", en: "Public legal service points" },
  module: MODULE,
  schema: servicePointSchema,
  columns: [
    { field: "kind", kind: "enum", filter: true },
    { field: "name", kind: "text" },
    { field: "unitCode", kind: "text", filter: true },
    { field: "openedOn", kind: "date" },
    { field: "closedOn", kind: "date", inList: false },
  ],
  uniqueKeys: [{ name: "name", fields: ["name"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.name,
  public: { fields: ["kind", "name", "openedOn"] },
});

export const RELIEF_MEASURE_LABELS = {
  job_stabilising_refund: { zh: "援企稳岗返还", en: "Job-stabilising refund" },
  rent_relief: { zh: "减免房租", en: "Rent relief" },
} as const satisfies Record<string, Label>;

export const reliefSchema = z.object({
  measure: labelledEnum(RELIEF_MEASURE_LABELS, "惠企措施", "Measure"),
  beneficiary: L(zText(200), "受惠主体", "Beneficiary"),
  beneficiaryKind: labelledEnum(
    {
      sme: { zh: "中小企业", en: "SME" },
      micro: { zh: "小微企业", en: "Micro or small enterprise" },
      individual_business: { zh: "个体工商户", en: "Individual business" },
    },
    "主体类型",
    "Kind of beneficiary",
  ),
  grantedBy: L(zUnitCode, "落实单位", "Granted by"),
  grantedOn: L(zDate, "兑现日期", "Granted on"),
  amount: L(zYuan, "金额（元）", "Amount (yuan)"),
});

export const reliefRegister = defineRegister({
  code: "relief_measure",
  label: { zh: "惠企纾困措施", en: "Relief measures" },
  module: MODULE,
  schema: reliefSchema,
  columns: [
    { field: "measure", kind: "enum", filter: true },
    { field: "beneficiary", kind: "text" },
    { field: "beneficiaryKind", kind: "enum", filter: true },
    { field: "grantedBy", kind: "text", filter: true },
    { field: "grantedOn", kind: "date" },
    { field: "amount", kind: "number" },
  ],
  uniqueKeys: [{ name: "measure_beneficiary", fields: ["measure", "beneficiary", "grantedOn"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${RELIEF_MEASURE_LABELS[d.measure]?.zh ?? d.measure}：${d.beneficiary}`,
});
