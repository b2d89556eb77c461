/**
 * Audit supervision (审计监督, 审计法 arts. 18–20; 审计法实施条例): the audits of the
 * district's units (kind, audited unit, findings, rectification, report publication), the
 * register of first-level budget units (一级预算单位) whose budget execution must be audited
 * (审计法 art. 18: 本级各部门（含直属单位）预算的执行情况), and the audit rules issued.
 * Coverage = first-level budget units with a budget-execution audit in the year ÷ units in
 * the register.
 */
import { z } from "zod";
import type { RegisterDecl } from "../../engines/register/index.ts";
import type { Label } from "../../kernel/labels.ts";
import { MODULE, zDate, zText } from "./common.ts";

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

export const auditSchema = z.object({
  kind: z.enum(Object.keys(AUDIT_KIND_LABELS) as [keyof typeof AUDIT_KIND_LABELS]),
  auditedUnitCode: zUnitCode,
  auditedUnit: zText(100),
  year: z.number().int().min(2000).max(2100),
  startedOn: zDate,
  reportOn: zDate.optional(),
  findings: z.number().int().min(0).max(10000).default(0),
  rectified: z.number().int().min(0).max(10000).default(0),
  reportPublished: z.boolean().default(false),
});

export const auditRegister: RegisterDecl<typeof auditSchema> = {
  code: "state_audit",
  label: { zh: "审计项目", en: "Audits" },
  module: MODULE,
  schema: auditSchema,
  columns: [
    {
      field: "kind",
      label: { zh: "审计类型", en: "Kind" },
      kind: "enum",
      options: AUDIT_KIND_LABELS,
      filter: true,
    },
    {
      field: "auditedUnitCode",
      label: { zh: "被审计单位代码", en: "Audited unit code" },
      kind: "text",
      filter: true,
    },
    { field: "auditedUnit", label: { zh: "被审计单位", en: "Audited unit" }, kind: "text" },
    { field: "year", label: { zh: "审计年度", en: "Year" }, kind: "number", filter: true },
    { field: "startedOn", label: { zh: "进点日期", en: "Started on" }, kind: "date" },
    { field: "reportOn", label: { zh: "审计报告日期", en: "Report on" }, kind: "date" },
    { field: "findings", label: { zh: "发现问题（个）", en: "Findings" }, kind: "number" },
    { field: "rectified", label: { zh: "已整改（个）", en: "Rectified" }, kind: "number" },
    {
      field: "reportPublished",
      label: { zh: "审计结果已公告", en: "Report published" },
      kind: "boolean",
    },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年${d.auditedUnit}${AUDIT_KIND_LABELS[d.kind]?.zh ?? d.kind}`,
};

export const budgetUnitSchema = z.object({
  unitCode: zUnitCode,
  name: zText(100),
  listedFrom: zDate,
  listedUntil: zDate.optional(),
});

export const budgetUnitRegister: RegisterDecl<typeof budgetUnitSchema> = {
  code: "budget_unit",
  label: { zh: "一级预算单位", en: "First-level budget units" },
  module: MODULE,
  schema: budgetUnitSchema,
  columns: [
    { field: "unitCode", label: { zh: "单位代码", en: "Unit code" }, kind: "text", filter: true },
    { field: "name", label: { zh: "单位名称", en: "Name" }, kind: "text" },
    { field: "listedFrom", label: { zh: "列入日期", en: "Listed from" }, kind: "date" },
    { field: "listedUntil", label: { zh: "撤销日期", en: "Listed until" }, kind: "date" },
  ],
  uniqueKeys: [{ name: "unit", fields: ["unitCode"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.name,
};

export const auditRuleSchema = z.object({
  title: zText(200),
  documentNo: zText(100),
  issuedOn: zDate,
});

export const auditRuleRegister: RegisterDecl<typeof auditRuleSchema> = {
  code: "audit_rule",
  label: { zh: "审计制度", en: "Audit rules" },
  module: MODULE,
  schema: auditRuleSchema,
  columns: [
    { field: "title", label: { zh: "制度名称", en: "Title" }, kind: "text", filter: true },
    { field: "documentNo", label: { zh: "文号", en: "Document number" }, kind: "text" },
    { field: "issuedOn", label: { zh: "印发日期", en: "Issued on" }, kind: "date" },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.title,
};
