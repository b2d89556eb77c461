/**
 * The registers of major administrative decisions (重大行政决策程序暂行条例):
 * - the yearly decision catalogue (决策事项目录, art. 3 para. 3): one entry per item, with
 *   the day the Party committee agreed and the publication; an adjustment adds an item
 *   (its own agreement day and reason) or strikes one (the day and reason) — the entry's
 *   versions (the register engine's history from the audit trail) keep every change;
 * - the expert pool (决策咨询论证专家库, arts. 20–21: a district may keep its own);
 * - legal advisers and public lawyers (法律顾问、公职律师, art. 28);
 * - third-party assessors (第三方评估机构推介目录, arts. 23 and 36);
 * - risk assessments filed (社会稳定风险评估备案, art. 22): key projects and decisions,
 *   including the assessments the decision cases file themselves.
 */
import { z } from "zod";
import { defineRegister } from "../../engines/register/index.ts";
import { zt } from "../../kernel/issue-text.ts";
import {
  ASSESSOR_KIND_LABELS,
  L,
  labelledEnum,
  MATTER_LABELS,
  MODULE,
  RISK_LEVEL_LABELS,
  zDate,
  zText,
  zUnitCode,
} from "./common.ts";

export const CATALOGUE = "decision_catalogue";
export const EXPERTS = "decision_expert";
export const ADVISERS = "legal_adviser";
export const ASSESSORS = "risk_assessor";
export const FILINGS = "risk_assessment_filing";

const REQUIRED_WITH = (what: string, en: string) => zt(`${what}时必须填写`, `required ${en}`);

export const catalogueSchema = z
  .object({
    year: L(z.number().int().min(2000).max(2100), "目录年度", "Year"),
    itemNo: L(z.number().int().min(1).max(999), "序号", "Item number"),
    title: L(zText(300), "决策事项", "Decision matter"),
    matter: labelledEnum(MATTER_LABELS, "事项类别", "Kind of matter"),
    undertakingUnit: L(zUnitCode, "决策承办单位", "Undertaking unit"),
    listedOn: L(zDate, "党委同意日期", "Agreed by the Party committee on"),
    publishedOn: L(zDate.optional(), "向社会公布日期", "Published on"),
    publishedAt: L(z.string().trim().max(300).optional(), "公布途径", "Published at"),
    adjusted: L(z.boolean().optional(), "调整增列", "Added by adjustment"),
    removedOn: L(zDate.optional(), "调整移出日期", "Removed on"),
    adjustmentReason: L(
      z.string().trim().max(1000).optional(),
      "调整理由",
      "Reason for adjustment",
    ),
  })
  .superRefine(
    (d, ctx) => {
      if ((d.adjusted || d.removedOn) && !d.adjustmentReason?.trim()) {
        ctx.addIssue({
          code: "custom",
          path: ["adjustmentReason"],
          message: REQUIRED_WITH("调整目录", "when the catalogue is adjusted"),
        });
      }
      if (d.publishedAt && !d.publishedOn) {
        ctx.addIssue({
          code: "custom",
          path: ["publishedOn"],
          message: REQUIRED_WITH("填写公布途径", "with the place of publication"),
        });
      }
      if (typeof d.publishedOn === "string" && typeof d.listedOn === "string") {
        if (d.publishedOn < d.listedOn) {
          ctx.addIssue({
            code: "custom",
            path: ["publishedOn"],
            message: zt(
              "目录须经党委同意后才能向社会公布（《重大行政决策程序暂行条例》第三条第三款）",
              "the catalogue is published only after the Party committee agreed (art. 3 para. 3)",
            ),
          });
        }
      }
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );

export const catalogueRegister = defineRegister({
  code: CATALOGUE,
  label: { zh: "重大行政决策事项目录", en: "Decision catalogue" },
  module: MODULE,
  schema: catalogueSchema,
  columns: [
    { field: "year", kind: "integer", filter: true },
    { field: "itemNo", kind: "integer" },
    { field: "title", kind: "text" },
    { field: "matter", kind: "enum", filter: true },
    { field: "undertakingUnit", kind: "text", ref: "unit", filter: true },
    { field: "listedOn", kind: "date" },
    { field: "publishedOn", kind: "date" },
    { field: "publishedAt", kind: "text", inList: false },
    { field: "adjusted", kind: "boolean", inList: false },
    { field: "removedOn", kind: "date" },
    { field: "adjustmentReason", kind: "text", inList: false },
  ],
  uniqueKeys: [{ name: "year_item", fields: ["year", "itemNo"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.year}年第${d.itemNo}项：${d.title}`,
  public: {
    fields: [
      "year",
      "itemNo",
      "title",
      "matter",
      "undertakingUnit",
      "listedOn",
      "publishedOn",
      "removedOn",
    ],
    where: (d) => Boolean(d.publishedOn),
  },
  search: { fields: ["title"] },
  sensitive: ["delete"],
});

export const expertSchema = z.object({
  name: L(zText(50), "姓名", "Name"),
  specialty: L(zText(100), "专业领域", "Field"),
  title: L(z.string().trim().max(50).optional(), "职称", "Professional title"),
  affiliation: L(zText(200), "工作单位", "Affiliation"),
  joinedOn: L(zDate, "入库日期", "In the pool since"),
  leftOn: L(zDate.optional(), "出库日期", "Left the pool on"),
});

export const expertRegister = defineRegister({
  code: EXPERTS,
  label: { zh: "决策咨询论证专家库", en: "Expert pool" },
  module: MODULE,
  schema: expertSchema,
  columns: [
    { field: "name", kind: "text" },
    { field: "specialty", kind: "text", filter: true },
    { field: "title", kind: "text" },
    { field: "affiliation", kind: "text" },
    { field: "joinedOn", kind: "date" },
    { field: "leftOn", kind: "date" },
  ],
  uniqueKeys: [{ name: "name_affiliation", fields: ["name", "affiliation"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) => `${d.name}（${d.affiliation}）`,
  people: [{ field: "name", role: "expert" }],
  search: { fields: ["name", "specialty", "affiliation"] },
});

export const adviserSchema = z.object({
  name: L(zText(50), "姓名", "Name"),
  kind: labelledEnum(
    {
      legal_adviser: { zh: "法律顾问", en: "Legal adviser" },
      public_lawyer: { zh: "公职律师", en: "Public lawyer" },
    },
    "类别",
    "Kind",
  ),
  firm: L(zText(200), "所在律师事务所或单位", "Firm or unit"),
  engagedFrom: L(zDate, "聘任起始日期", "Engaged from"),
  engagedTo: L(zDate.optional(), "聘任截止日期", "Engaged until"),
});

export const adviserRegister = defineRegister({
  code: ADVISERS,
  label: { zh: "法律顾问和公职律师", en: "Legal advisers and public lawyers" },
  module: MODULE,
  schema: adviserSchema,
  columns: [
    { field: "name", kind: "text" },
    { field: "kind", kind: "enum", filter: true },
    { field: "firm", kind: "text" },
    { field: "engagedFrom", kind: "date" },
    { field: "engagedTo", kind: "date" },
  ],
  uniqueKeys: [{ name: "name_from", fields: ["name", "engagedFrom"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) => `${d.name}（${d.firm}）`,
  people: [{ field: "name", role: "official" }],
});

export const assessorSchema = z.object({
  name: L(zText(200), "机构名称", "Name"),
  specialty: L(zText(200), "评估领域", "Field"),
  listedOn: L(zDate, "列入推介目录日期", "Listed on"),
  delistedOn: L(zDate.optional(), "移出日期", "Delisted on"),
});

export const assessorRegister = defineRegister({
  code: ASSESSORS,
  label: { zh: "第三方评估机构推介目录", en: "Third-party assessors" },
  module: MODULE,
  schema: assessorSchema,
  columns: [
    { field: "name", kind: "text" },
    { field: "specialty", kind: "text" },
    { field: "listedOn", kind: "date" },
    { field: "delistedOn", kind: "date" },
  ],
  uniqueKeys: [{ name: "name", fields: ["name"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) => d.name,
  public: { fields: ["name", "specialty", "listedOn"], where: (d) => !d.delistedOn },
});

export const filingSchema = z.object({
  subject: L(zText(300), "评估事项", "Matter assessed"),
  kind: labelledEnum(
    {
      key_project: { zh: "重点项目", en: "Key project" },
      major_decision: { zh: "重大行政决策", en: "Major decision" },
    },
    "事项类型",
    "Kind",
  ),
  assessorKind: labelledEnum(ASSESSOR_KIND_LABELS, "评估主体", "Assessed by"),
  assessorName: L(zText(200), "评估单位", "Assessor"),
  riskLevel: labelledEnum(RISK_LEVEL_LABELS, "风险等级", "Risk level"),
  controllable: L(z.boolean(), "风险可控", "Risk controllable"),
  assessedOn: L(zDate, "评估报告日期", "Report dated"),
  filedOn: L(zDate, "备案日期", "Filed on"),
  filedWith: L(zText(100), "备案机关", "Filed with"),
  caseId: L(z.number().int().positive().optional(), "决策案件编号", "Decision case"),
});

export const filingRegister = defineRegister({
  code: FILINGS,
  label: { zh: "社会稳定风险评估备案", en: "Risk assessments filed" },
  module: MODULE,
  schema: filingSchema,
  columns: [
    { field: "subject", kind: "text" },
    { field: "kind", kind: "enum", filter: true },
    { field: "assessorKind", kind: "enum", inList: false },
    { field: "assessorName", kind: "text" },
    { field: "riskLevel", kind: "enum", filter: true },
    { field: "controllable", kind: "boolean" },
    { field: "assessedOn", kind: "date", inList: false },
    { field: "filedOn", kind: "date" },
    { field: "filedWith", kind: "text", inList: false },
    { field: "caseId", kind: "integer", inList: false },
  ],
  uniqueKeys: [{ name: "subject_assessed", fields: ["subject", "assessedOn"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.subject}（${d.filedOn}）`,
  search: { fields: ["subject", "assessorName"] },
});

export const REGISTERS = [
  catalogueRegister,
  expertRegister,
  adviserRegister,
  assessorRegister,
  filingRegister,
];
