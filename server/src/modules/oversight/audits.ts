/**
 * Audit supervision (审计监督, 审计法 arts. 18–20; 审计法实施条例): the audits of the
 * district's units (kind, audited unit, findings, rectification, report publication), the
 * register of first-level budget units (一级预算单位) whose budget execution must be audited
 * (审计法 art. 18: 本级各部门（含直属单位）预算的执行情况), and the audit rules issued.
 * Coverage = first-level budget units with a budget-execution audit in the year ÷ units in
 * the register.
 */
import { z } from "zod";
import {
  date,
  defineRegister,
  enumOf,
  field,
  fieldOf,
  type RegisterDecl,
  registerFields,
  text,
} from "../../engines/register/index.ts";
import type { Label } from "../../kernel/labels.ts";
import { MODULE } from "./common.ts";

export const AUDIT_KIND_LABELS = {
  budget_execution: { zh: "预算执行审计", en: "Budget execution" },
  project: { zh: "投资项目审计", en: "Project" },
  special: { zh: "专项审计", en: "Special" },
  economic_responsibility: { zh: "经济责任审计", en: "Economic responsibility" },
} as const satisfies Record<string, Label>;

const zUnitCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/);
/** A unit's code, shown and exchanged as the code (no `ref: "unit"`). */
const unitCodeShown = fieldOf(zUnitCode, "text");
const howMany = (zh: string, en: string) =>
  field(z.number().int().min(0).max(10000).default(0), zh, en, "number");

const audit = registerFields({
  kind: enumOf(AUDIT_KIND_LABELS, "审计类型", "Kind", { filter: true }),
  auditedUnitCode: unitCodeShown("被审计单位代码", "Audited unit code", { filter: true }),
  auditedUnit: text("被审计单位", "Audited unit", { max: 100 }),
  year: field(z.number().int().min(2000).max(2100), "审计年度", "Year", "number", {
    filter: true,
  }),
  startedOn: date("进点日期", "Started on"),
  reportOn: date("审计报告日期", "Report on", { optional: true }),
  findings: howMany("发现问题（个）", "Findings"),
  rectified: howMany("已整改（个）", "Rectified"),
  reportPublished: field(
    z.boolean().default(false),
    "审计结果已公告",
    "Report published",
    "boolean",
  ),
});
export const auditSchema = audit.schema;

export const auditRegister: RegisterDecl<typeof auditSchema> = defineRegister({
  code: "state_audit",
  label: { zh: "审计项目", en: "Audits" },
  module: MODULE,
  ...audit,
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年${d.auditedUnit}${AUDIT_KIND_LABELS[d.kind]?.zh ?? d.kind}`,
});

const budgetUnit = registerFields({
  unitCode: unitCodeShown("单位代码", "Unit code", { filter: true }),
  name: text("单位名称", "Name", { max: 100 }),
  listedFrom: date("列入日期", "Listed from"),
  listedUntil: date("撤销日期", "Listed until", { optional: true }),
});
export const budgetUnitSchema = budgetUnit.schema;

export const budgetUnitRegister: RegisterDecl<typeof budgetUnitSchema> = defineRegister({
  code: "budget_unit",
  label: { zh: "一级预算单位", en: "First-level budget units" },
  module: MODULE,
  ...budgetUnit,
  uniqueKeys: [{ name: "unit", fields: ["unitCode"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.name,
});

const auditRule = registerFields({
  title: text("制度名称", "Title", { max: 200, filter: true }),
  documentNo: text("文号", "Document number", { max: 100 }),
  issuedOn: date("印发日期", "Issued on"),
});
export const auditRuleSchema = auditRule.schema;

export const auditRuleRegister: RegisterDecl<typeof auditRuleSchema> = defineRegister({
  code: "audit_rule",
  label: { zh: "审计制度", en: "Audit rules" },
  module: MODULE,
  ...auditRule,
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.title,
});
