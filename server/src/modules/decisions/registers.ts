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
import {
  bool,
  defineRegister,
  enumOf,
  field,
  fieldOf,
  registerFields,
  text,
  unitCode,
  year,
} from "../../engines/register/index.ts";
import { zt } from "../../kernel/issue-text.ts";
import { ASSESSOR_KIND_LABELS, MATTER_LABELS, MODULE, RISK_LEVEL_LABELS, zDate } from "./common.ts";

export const CATALOGUE = "decision_catalogue";
export const EXPERTS = "decision_expert";
export const ADVISERS = "legal_adviser";
export const ASSESSORS = "risk_assessor";
export const FILINGS = "risk_assessment_filing";

/** The module's date (`format: date` in its JSON Schema). */
const date = fieldOf(zDate, "date");

const REQUIRED_WITH = (what: string, en: string) => zt(`${what}时必须填写`, `required ${en}`);

const catalogue = registerFields({
  year: year("目录年度", "Year", { filter: true }),
  itemNo: field(z.number().int().min(1).max(999), "序号", "Item number", "integer"),
  title: text("决策事项", "Decision matter", { max: 300 }),
  matter: enumOf(MATTER_LABELS, "事项类别", "Kind of matter", { filter: true }),
  undertakingUnit: unitCode("决策承办单位", "Undertaking unit", { filter: true }),
  listedOn: date("党委同意日期", "Agreed by the Party committee on"),
  publishedOn: date("向社会公布日期", "Published on", { optional: true }),
  publishedAt: text("公布途径", "Published at", { max: 300, optional: true, inList: false }),
  adjusted: bool("调整增列", "Added by adjustment", { optional: true, inList: false }),
  removedOn: date("调整移出日期", "Removed on", { optional: true }),
  adjustmentReason: text("调整理由", "Reason for adjustment", {
    max: 1000,
    optional: true,
    inList: false,
  }),
});

export const catalogueSchema = catalogue.schema.superRefine(
  (d, ctx) => {
    // Runs even when other fields are invalid (every error at once): a reason that is not
    // a text is zod's own issue already; an absent or blank one is this check's.
    const reason: unknown = d.adjustmentReason;
    const noReason = reason === undefined || (typeof reason === "string" && !reason.trim());
    if ((d.adjusted || d.removedOn) && noReason) {
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
  columns: catalogue.columns,
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

const expert = registerFields({
  name: text("姓名", "Name", { max: 50 }),
  specialty: text("专业领域", "Field", { max: 100, filter: true }),
  title: text("职称", "Professional title", { max: 50, optional: true }),
  affiliation: text("工作单位", "Affiliation", { max: 200 }),
  joinedOn: date("入库日期", "In the pool since"),
  leftOn: date("出库日期", "Left the pool on", { optional: true }),
});
export const expertSchema = expert.schema;

export const expertRegister = defineRegister({
  code: EXPERTS,
  label: { zh: "决策咨询论证专家库", en: "Expert pool" },
  module: MODULE,
  ...expert,
  uniqueKeys: [{ name: "name_affiliation", fields: ["name", "affiliation"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) => `${d.name}（${d.affiliation}）`,
  people: [{ field: "name", role: "expert" }],
  search: { fields: ["name", "specialty", "affiliation"] },
});

const adviser = registerFields({
  name: text("姓名", "Name", { max: 50 }),
  kind: enumOf(
    {
      legal_adviser: { zh: "法律顾问", en: "Legal adviser" },
      public_lawyer: { zh: "公职律师", en: "Public lawyer" },
    },
    "类别",
    "Kind",
    { filter: true },
  ),
  firm: text("所在律师事务所或单位", "Firm or unit", { max: 200 }),
  engagedFrom: date("聘任起始日期", "Engaged from"),
  engagedTo: date("聘任截止日期", "Engaged until", { optional: true }),
});
export const adviserSchema = adviser.schema;

export const adviserRegister = defineRegister({
  code: ADVISERS,
  label: { zh: "法律顾问和公职律师", en: "Legal advisers and public lawyers" },
  module: MODULE,
  ...adviser,
  uniqueKeys: [{ name: "name_from", fields: ["name", "engagedFrom"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) => `${d.name}（${d.firm}）`,
  people: [{ field: "name", role: "official" }],
});

const assessor = registerFields({
  name: text("机构名称", "Name", { max: 200 }),
  specialty: text("评估领域", "Field", { max: 200 }),
  listedOn: date("列入推介目录日期", "Listed on"),
  delistedOn: date("移出日期", "Delisted on", { optional: true }),
});
export const assessorSchema = assessor.schema;

export const assessorRegister = defineRegister({
  code: ASSESSORS,
  label: { zh: "第三方评估机构推介目录", en: "Third-party assessors" },
  module: MODULE,
  ...assessor,
  uniqueKeys: [{ name: "name", fields: ["name"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "region" },
  title: (d) => d.name,
  public: { fields: ["name", "specialty", "listedOn"], where: (d) => !d.delistedOn },
});

const filing = registerFields({
  subject: text("评估事项", "Matter assessed", { max: 300 }),
  kind: enumOf(
    {
      key_project: { zh: "重点项目", en: "Key project" },
      major_decision: { zh: "重大行政决策", en: "Major decision" },
    },
    "事项类型",
    "Kind",
    { filter: true },
  ),
  assessorKind: enumOf(ASSESSOR_KIND_LABELS, "评估主体", "Assessed by", { inList: false }),
  assessorName: text("评估单位", "Assessor", { max: 200 }),
  riskLevel: enumOf(RISK_LEVEL_LABELS, "风险等级", "Risk level", { filter: true }),
  controllable: bool("风险可控", "Risk controllable"),
  assessedOn: date("评估报告日期", "Report dated", { inList: false }),
  filedOn: date("备案日期", "Filed on"),
  filedWith: text("备案机关", "Filed with", { max: 100, inList: false }),
  caseId: field(
    z.number().int().positive().optional(),
    "决策案件编号",
    "Decision case",
    "integer",
    { inList: false },
  ),
});
export const filingSchema = filing.schema;

export const filingRegister = defineRegister({
  code: FILINGS,
  label: { zh: "社会稳定风险评估备案", en: "Risk assessments filed" },
  module: MODULE,
  ...filing,
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
