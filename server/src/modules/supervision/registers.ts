/**
 * 一单两库 (one list, two pools) and credit records:
 * - 随机抽查事项清单: the items each unit may inspect at random, with basis, subjects,
 *   method, ratio and frequency (市场监管总局 2019 通知: 一般检查事项 / 重点检查事项);
 * - 检查对象名录库: the subjects that may be drawn, by unified social credit code
 *   (GB 32100-2015, check character included; a bad code is refused naming the bad
 *   character's position), with industry, address and credit risk class;
 * - 执法检查人员名录库: not a register of its own — drawn from the enforcement officers
 *   register (`enforcement_officer`) on the inspection date (certificate valid that day);
 * - 回避关系: recorded kinship and other conflicts between an inspector and an object;
 * - 信用记录: 双公示 records (licensing and penalty decisions as credit information) and
 *   imported ones, with their severity; withdrawn and repaired records stay (off public view).
 */
import { z } from "zod";
import { defineRegister, type RegisterDecl } from "../../engines/register/index.ts";
import { zUscc } from "../../kernel/codes/uscc.ts";
import { L, labelledEnum, MODULE, zDate, zRisk, zSeverity, zUnitCode } from "./common.ts";

const text = (zh: string, en: string, max = 500) =>
  L(z.string().trim().min(1, "required").max(max), zh, en);
const optText = (zh: string, en: string, max = 500) =>
  L(z.string().trim().max(max).optional(), zh, en);

export const ITEM_KIND_LABELS = {
  general: { zh: "一般检查事项", en: "General item" },
  key: { zh: "重点检查事项", en: "Key item" },
} as const;

export const itemSchema = z.object({
  code: L(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/),
    "事项编码",
    "Item code",
  ),
  unitCode: L(zUnitCode, "实施单位", "Unit"),
  item: text("抽查事项", "Item"),
  kind: labelledEnum(ITEM_KIND_LABELS, "事项类别", "Kind"),
  legalBasis: text("抽查依据", "Legal basis", 2000),
  subjects: text("抽查主体（对象范围）", "Subjects inspected"),
  method: text("抽查方式", "Method"),
  ratio: L(z.number().min(0).max(100), "抽查比例（%）", "Ratio (%)"),
  frequency: text("抽查频次", "Frequency", 100),
});
export type ItemData = z.infer<typeof itemSchema>;

export const itemRegister: RegisterDecl<typeof itemSchema> = defineRegister({
  code: "spot_check_item",
  label: { zh: "随机抽查事项清单", en: "Random inspection items" },
  module: MODULE,
  schema: itemSchema,
  columns: [
    { field: "code", kind: "text" },
    { field: "unitCode", kind: "text", filter: true },
    { field: "item", kind: "text" },
    { field: "kind", kind: "enum", filter: true },
    { field: "legalBasis", kind: "text", inList: false },
    { field: "subjects", kind: "text", inList: false },
    { field: "method", kind: "text", inList: false },
    { field: "ratio", kind: "number" },
    { field: "frequency", kind: "text" },
  ],
  uniqueKeys: [{ name: "item_code", fields: ["code"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.item}（${d.code}）`,
  public: { fields: ["code", "unitCode", "item", "kind", "legalBasis", "method", "ratio"] },
  search: { fields: ["item", "legalBasis"] },
});

export const objectSchema = z.object({
  uscc: L(zUscc, "统一社会信用代码", "Unified social credit code"),
  name: text("名称", "Name", 200),
  industry: text("行业", "Industry", 100),
  address: text("住所", "Address", 300),
  risk: zRisk,
  /** Units (codes) whose inspectors may not inspect it (e.g. the object is under that unit). */
  affiliatedUnitCode: L(zUnitCode.optional(), "隶属或关联单位", "Affiliated unit"),
  /** Inspected before the platform: the last day (for the "inspected in the last N months" exclusion). */
  lastInspectedOn: L(zDate.optional(), "最近一次被检查日期", "Last inspected on"),
});
export type ObjectData = z.infer<typeof objectSchema>;

export const objectRegister: RegisterDecl<typeof objectSchema> = defineRegister({
  code: "inspection_object",
  label: { zh: "检查对象名录库", en: "Inspection objects" },
  module: MODULE,
  schema: objectSchema,
  columns: [
    { field: "uscc", kind: "text", filter: true },
    { field: "name", kind: "text" },
    { field: "industry", kind: "text", filter: true },
    { field: "address", kind: "text", inList: false },
    { field: "risk", kind: "enum", filter: true },
    { field: "affiliatedUnitCode", kind: "text", inList: false },
    { field: "lastInspectedOn", kind: "date" },
  ],
  uniqueKeys: [{ name: "uscc", fields: ["uscc"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.name}（${d.uscc}）`,
  search: { fields: ["name", "uscc", "industry"] },
});

const AVOIDANCE_LABELS = {
  kinship: { zh: "近亲属关系", en: "Kinship" },
  interest: { zh: "其他利害关系", en: "Other interest" },
} as const;

export const avoidanceSchema = z.object({
  certificateNo: L(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{6,20}$/),
    "执法证号",
    "Certificate number",
  ),
  uscc: L(zUscc, "检查对象统一社会信用代码", "Object's credit code"),
  kind: labelledEnum(AVOIDANCE_LABELS, "回避事由", "Ground"),
  note: optText("说明", "Note"),
});
export type AvoidanceData = z.infer<typeof avoidanceSchema>;

export const avoidanceRegister: RegisterDecl<typeof avoidanceSchema> = defineRegister({
  code: "inspector_avoidance",
  label: { zh: "检查人员回避关系", en: "Inspector conflicts" },
  module: MODULE,
  schema: avoidanceSchema,
  columns: [
    { field: "certificateNo", kind: "text", filter: true },
    { field: "uscc", kind: "text", filter: true },
    { field: "kind", kind: "enum" },
    { field: "note", kind: "text", inList: false },
  ],
  uniqueKeys: [{ name: "pair", fields: ["certificateNo", "uscc"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.certificateNo} — ${d.uscc}`,
});

export const CREDIT_KIND_LABELS = {
  licensing: { zh: "行政许可信息", en: "Licensing decision" },
  penalty: { zh: "行政处罚信息", en: "Penalty decision" },
  other: { zh: "其他信用信息", en: "Other credit information" },
} as const;

const CREDIT_SOURCE_LABELS = {
  decision: { zh: "随决定自动生成", en: "From a decision" },
  imported: { zh: "归集导入", en: "Imported" },
  entered: { zh: "手工录入", en: "Entered" },
} as const;

export const creditSchema = z.object({
  uscc: L(zUscc, "统一社会信用代码", "Unified social credit code"),
  subjectName: text("主体名称", "Subject", 200),
  kind: labelledEnum(CREDIT_KIND_LABELS, "信息类别", "Kind"),
  decisionNo: text("决定文书号", "Decision number", 100),
  decisionDate: L(zDate, "决定日期", "Decision date"),
  authority: text("决定机关", "Authority", 200),
  content: text("内容摘要", "Summary", 2000),
  severity: zSeverity.default("general"),
  source: labelledEnum(CREDIT_SOURCE_LABELS, "来源", "Source").default("imported"),
  /** Withdrawn with its decision (变更、撤销、确认违法或无效). */
  withdrawn: L(z.boolean().default(false), "已撤回", "Withdrawn"),
  /** Repaired (信用修复): off public view, the record kept. */
  repairedOn: L(zDate.optional(), "信用修复日期", "Repaired on"),
});
export type CreditData = z.infer<typeof creditSchema>;

export const creditRegister: RegisterDecl<typeof creditSchema> = defineRegister({
  code: "credit_record",
  label: { zh: "信用记录", en: "Credit records" },
  module: MODULE,
  schema: creditSchema,
  columns: [
    { field: "uscc", kind: "text", filter: true },
    { field: "subjectName", kind: "text" },
    { field: "kind", kind: "enum", filter: true },
    { field: "decisionNo", kind: "text" },
    { field: "decisionDate", kind: "date" },
    { field: "authority", kind: "text", inList: false },
    { field: "content", kind: "text", inList: false },
    { field: "severity", kind: "enum", filter: true },
    { field: "source", kind: "enum", filter: true },
    { field: "withdrawn", kind: "boolean", filter: true },
    { field: "repairedOn", kind: "date" },
  ],
  uniqueKeys: [{ name: "decision", fields: ["kind", "decisionNo"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.subjectName}：${d.decisionNo}`,
  // 双公示 on the portal while neither withdrawn nor repaired (国办发〔2020〕49号; the record stays).
  public: {
    fields: ["uscc", "subjectName", "kind", "decisionNo", "decisionDate", "authority", "content"],
    where: (d) => !d.withdrawn && !d.repairedOn,
  },
  sensitive: ["delete", "update"],
  search: { fields: ["subjectName", "uscc", "decisionNo"] },
  // 90,000+ records collected at once (seed 一(三)5): one file, all rows or none.
  importRows: 120_000,
});

export const registers: RegisterDecl[] = [
  itemRegister,
  objectRegister,
  avoidanceRegister,
  creditRegister,
];
