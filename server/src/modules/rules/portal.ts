/**
 * The module's portal sections (公开文件): published normative documents with their text,
 * and the clean-up campaigns' published result lists. Only allowlisted fields.
 */
import type { PortalSectionDecl } from "../../engines/portal/index.ts";
import { DOCUMENT_TYPE, MODULE } from "./common.ts";

export const portal: PortalSectionDecl[] = [
  {
    code: "normative_documents",
    module: MODULE,
    label: { zh: "行政规范性文件", en: "Normative documents" },
    stage: "documents",
    intro: {
      zh: "经公开征求意见、合法性审核、集体审议，统一登记、统一编号后公布的行政规范性文件。",
      en: "Normative documents published after comment, legality review and deliberation.",
    },
    source: { caseType: DOCUMENT_TYPE },
    order: 10,
    title: "title",
    list: ["number", "publishedOn", "status"],
    detail: ["number", "publishedOn", "effectiveFrom", "expiresOn", "status", "procedure", "text"],
    date: "publishedOn",
  },
  {
    code: "cleanup_results",
    module: MODULE,
    label: { zh: "规范性文件清理结果", en: "Clean-up results" },
    stage: "documents",
    intro: {
      zh: "规范性文件清理后继续有效、修改、废止和宣布失效的文件目录。未列入继续有效目录的文件，不得作为行政管理依据。",
      en: "The documents each clean-up found to remain valid, to amend, to repeal or invalid.",
    },
    source: { register: "cleanup_result" },
    order: 20,
    title: "documentTitle",
    list: ["documentNumber", "campaign", "result"],
    detail: ["documentNumber", "campaign", "documentKind", "result", "reason", "publishedOn"],
    date: "publishedOn",
  },
];
