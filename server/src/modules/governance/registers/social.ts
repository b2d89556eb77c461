/**
 * Social governance and relief (report 一(三)5, 一(三)6): social organisations' annual
 * inspection (社会团体登记管理条例 art. 28; 民办非企业单位登记管理暂行条例 art. 23 [R]:
 * 年度检查), trade associations' decoupling from government (行业协会商会与行政机关脱钩
 * 总体方案, 中办发〔2015〕39号 [R]), government purchases of services (政府购买服务管理办法,
 * 财政部令第102号 [R]), public legal service points, and relief measures with their
 * beneficiaries and amounts. Organisations and enterprises are not people: nothing here
 * is masked, and none of it is public.
 */
import {
  date,
  defineRegister,
  enumOf,
  registerFields,
  text,
  year,
  yuan,
} from "../../../engines/register/index.ts";
import type { Label } from "../../../kernel/labels.ts";
import { MODULE, unitCodeShown } from "../common.ts";

export const INSPECTION_RESULT_LABELS = {
  qualified: { zh: "合格", en: "Qualified" },
  basically_qualified: { zh: "基本合格", en: "Basically qualified" },
  unqualified: { zh: "不合格", en: "Unqualified" },
} as const satisfies Record<string, Label>;

const socialOrgInspection = registerFields({
  organisation: text("社会组织名称", "Organisation", { max: 200 }),
  orgKind: enumOf(
    {
      social_group: { zh: "社会团体", en: "Social group" },
      private_non_enterprise: { zh: "民办非企业单位", en: "Private non-enterprise unit" },
      foundation: { zh: "基金会", en: "Foundation" },
    },
    "组织类型",
    "Kind",
    { filter: true },
  ),
  year: year("年检年度", "Year inspected", { filter: true }),
  inspectedOn: date("年检日期", "Inspected on"),
  result: enumOf(INSPECTION_RESULT_LABELS, "年检结论", "Result", { filter: true }),
});

export const socialOrgInspectionRegister = defineRegister({
  code: "social_org_inspection",
  label: { zh: "社会组织年检", en: "Social organisations' annual inspection" },
  module: MODULE,
  ...socialOrgInspection,
  uniqueKeys: [{ name: "org_year", fields: ["organisation", "year"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年度年检：${d.organisation}`,
});

const decoupling = registerFields({
  association: text("行业协会商会名称", "Association", { max: 200 }),
  formerAgency: unitCodeShown("原主管单位", "Agency it was attached to", { filter: true }),
  dueBy: date("应完成脱钩日期", "Due by"),
  decoupledOn: date("完成脱钩日期", "Decoupled on", { optional: true }),
});

export const decouplingRegister = defineRegister({
  code: "association_decoupling",
  label: { zh: "行业协会商会脱钩", en: "Associations' decoupling" },
  module: MODULE,
  ...decoupling,
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

const purchase = registerFields({
  title: text("购买服务项目", "Service bought", { max: 200 }),
  category: enumOf(PURCHASE_CATEGORY_LABELS, "服务类别", "Category", { filter: true }),
  buyer: unitCodeShown("购买主体", "Buyer", { filter: true }),
  provider: text("承接主体", "Provider", { max: 200 }),
  contractedOn: date("合同签订日期", "Contracted on"),
  amount: yuan("合同金额（元）", "Amount (yuan)"),
});

export const purchaseRegister = defineRegister({
  code: "service_purchase",
  label: { zh: "政府购买服务", en: "Government purchases of services" },
  module: MODULE,
  ...purchase,
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.title,
});

export const SERVICE_POINT_LABELS = {
  centre: { zh: "公共法律服务中心", en: "Public legal service centre" },
  workstation: { zh: "公共法律服务工作站", en: "Public legal service workstation" },
} as const satisfies Record<string, Label>;

const servicePoint = registerFields({
  kind: enumOf(SERVICE_POINT_LABELS, "类别", "Kind", { filter: true }),
  name: text("名称", "Name", { max: 200 }),
  unitCode: unitCodeShown("所在区域（单位）", "Where (unit)", { filter: true }),
  openedOn: date("建成日期", "Opened on"),
  closedOn: date("撤销日期", "Closed on", { optional: true, inList: false }),
});

export const servicePointRegister = defineRegister({
  code: "legal_service_point",
  label: { zh: "公共法律服务阵地", en: "Public legal service points" },
  module: MODULE,
  ...servicePoint,
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

const relief = registerFields({
  measure: enumOf(RELIEF_MEASURE_LABELS, "惠企措施", "Measure", { filter: true }),
  beneficiary: text("受惠主体", "Beneficiary", { max: 200 }),
  beneficiaryKind: enumOf(
    {
      sme: { zh: "中小企业", en: "SME" },
      micro: { zh: "小微企业", en: "Micro or small enterprise" },
      individual_business: { zh: "个体工商户", en: "Individual business" },
    },
    "主体类型",
    "Kind of beneficiary",
    { filter: true },
  ),
  grantedBy: unitCodeShown("落实单位", "Granted by", { filter: true }),
  grantedOn: date("兑现日期", "Granted on"),
  amount: yuan("金额（元）", "Amount (yuan)"),
});

export const reliefRegister = defineRegister({
  code: "relief_measure",
  label: { zh: "惠企纾困措施", en: "Relief measures" },
  module: MODULE,
  ...relief,
  uniqueKeys: [{ name: "measure_beneficiary", fields: ["measure", "beneficiary", "grantedOn"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${RELIEF_MEASURE_LABELS[d.measure]?.zh ?? d.measure}：${d.beneficiary}`,
});
