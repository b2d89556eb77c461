/**
 * The module's registers:
 * - 清理结果 (cleanup_result): one entry per document a clean-up campaign examined, with
 *   its result (继续有效 / 修改 / 废止 / 宣布失效) and the reason; a campaign over the
 *   district government's normative documents (国办发〔2018〕37号: regular clean-up) or a
 *   special campaign for the business environment over rules, normative documents and
 *   other policy measures (优化营商环境条例 art. 65 [R]). Published once the campaign's
 *   list is published (`publishedOn`): a document not on the 继续有效 list may no longer
 *   be used as a basis.
 * - 其他文件 (other_document): documents that are not normative documents — rules of
 *   procedure, work schemes, measures (规则、方案、办法; 国办发〔2018〕115号 excludes them
 *   from legality review: 内部管理规范、工作方案…) — so they can be cited and counted.
 */
import { z } from "zod";
import { L, labelledEnum } from "../../engines/labels.ts";
import { defineRegister } from "../../engines/register/index.ts";
import { MODULE, zDate, zText } from "./common.ts";
import { CLEANUP_RESULTS } from "./document.ts";

export const CAMPAIGN_KINDS = {
  normative: { zh: "规范性文件清理", en: "Normative documents" },
  business_environment: { zh: "优化营商环境专项清理", en: "Business environment" },
};
export const CLEANED_KINDS = {
  rule: { zh: "规章", en: "Rule" },
  normative: { zh: "行政规范性文件", en: "Normative document" },
  policy: { zh: "其他政策措施", en: "Other policy measure" },
};

export const cleanupResultSchema = z.object({
  campaign: L(zText(200), "清理活动", "Campaign"),
  campaignKind: labelledEnum(CAMPAIGN_KINDS, "清理类别", "Kind of campaign"),
  documentNumber: L(zText(60), "发文字号", "Document number"),
  documentTitle: L(zText(200), "文件名称", "Document"),
  documentKind: labelledEnum(CLEANED_KINDS, "文件类别", "Kind of document"),
  result: labelledEnum(CLEANUP_RESULTS, "清理结果", "Result"),
  reason: L(zText(1000), "理由", "Reason"),
  cleanedOn: L(zDate, "清理日期", "Cleaned on"),
  publishedOn: L(zDate.optional(), "清理结果公布日期", "Results published on"),
});

export const cleanupResultRegister = defineRegister({
  code: "cleanup_result",
  label: { zh: "规范性文件清理结果", en: "Clean-up results" },
  module: MODULE,
  schema: cleanupResultSchema,
  columns: [
    { field: "campaign", kind: "text", filter: true },
    { field: "campaignKind", kind: "enum", filter: true },
    { field: "documentNumber", kind: "text" },
    { field: "documentTitle", kind: "text" },
    { field: "documentKind", kind: "enum", filter: true },
    { field: "result", kind: "enum", filter: true },
    { field: "reason", kind: "text", inList: false },
    { field: "cleanedOn", kind: "date" },
    { field: "publishedOn", kind: "date" },
  ],
  uniqueKeys: [{ name: "campaign_document", fields: ["campaign", "documentNumber"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => `${d.documentNumber} ${d.documentTitle}`,
  public: {
    fields: [
      "campaign",
      "documentNumber",
      "documentTitle",
      "documentKind",
      "result",
      "reason",
      "publishedOn",
    ],
    where: (d) => Boolean(d.publishedOn),
  },
  search: { fields: ["documentTitle", "campaign"] },
});

export const OTHER_KINDS = {
  rules: { zh: "规则", en: "Rules of procedure" },
  scheme: { zh: "方案", en: "Work scheme" },
  measures: { zh: "办法", en: "Measures" },
  other: { zh: "其他", en: "Other" },
};

export const otherDocumentSchema = z.object({
  title: L(zText(200), "文件名称", "Title"),
  issuer: L(zText(100), "制发机关", "Issuer"),
  number: L(z.string().trim().max(60).optional(), "文号", "Number"),
  issuedOn: L(zDate, "印发日期", "Issued on"),
  kind: labelledEnum(OTHER_KINDS, "文件类别", "Kind"),
});

export const otherDocumentRegister = defineRegister({
  code: "other_document",
  label: { zh: "其他文件（规则、方案、办法）", en: "Other documents (rules, schemes, measures)" },
  module: MODULE,
  schema: otherDocumentSchema,
  columns: [
    { field: "title", kind: "text" },
    { field: "issuer", kind: "text", filter: true },
    { field: "number", kind: "text" },
    { field: "issuedOn", kind: "date" },
    { field: "kind", kind: "enum", filter: true },
  ],
  uniqueKeys: [{ name: "title_issued", fields: ["title", "issuedOn"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => (d.number ? `${d.title}（${d.number}）` : d.title),
  search: { fields: ["title", "issuer", "number"] },
});
