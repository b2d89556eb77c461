/**
 * The figures of report 一(四)1 and 一(三)5 (seed/figures.md), each counted from records
 * with drill-down: documents reviewed, published on the website, filed (and filed on
 * time), in force; clean-up results; the business-environment clean-up; public comments
 * received and answered.
 */
import { sql } from "kysely";
import { countComments } from "../../engines/consultation/index.ts";
import type { IndicatorDecl } from "../../engines/indicator/index.ts";
import { countCases, countEvents, countRegister } from "../../engines/indicator/index.ts";
import type { Label } from "../../kernel/labels.ts";
import { DOCUMENT_TYPE, MODULE } from "./common.ts";

const u = (zh: string, en: string): Label => ({ zh, en });
const DOCS = u("件", "documents");
const ITEMS = u("条", "items");
type Decl = Omit<IndicatorDecl, "module">;
const d = (x: Decl): IndicatorDecl => ({ module: MODULE, ...x });

const cleanup = (id: string, zh: string, en: string, results: string[]) =>
  d({
    id,
    unit: DOCS,
    label: u(zh, en),
    definition: u(
      `规范性文件清理中结果为${zh.replace("清理", "")}的文件（按清理日期计入年度）`,
      `Documents a normative-document clean-up found: ${en}`,
    ),
    ...countRegister({
      register: "cleanup_result",
      on: "cleanedOn",
      where: { campaignKind: "normative" },
      filter: (eb, j) => eb(j.text("result"), "in", results),
    }),
  });

export const indicators: IndicatorDecl[] = [
  d({
    id: "normative_docs_reviewed",
    unit: DOCS,
    label: u("合法性审核的规范性文件", "Normative documents reviewed for legality"),
    definition: u(
      "年内出具合法性审核意见的行政规范性文件（每件计一次）",
      "Normative documents given a legality review opinion in the year (each once)",
    ),
    ...countEvents({ caseType: DOCUMENT_TYPE, action: "legality_review", distinctCases: true }),
  }),
  d({
    id: "normative_docs_published",
    unit: DOCS,
    label: u("在政府网站公布的规范性文件", "Normative documents published on the website"),
    definition: u(
      "年内通过区政府门户网站公布的行政规范性文件",
      "Normative documents published on the government website in the year",
    ),
    ...countEvents({
      caseType: DOCUMENT_TYPE,
      action: "publish",
      caseWhere: { channel: "website" },
    }),
  }),
  d({
    id: "normative_docs_filed",
    unit: DOCS,
    label: u("报备的规范性文件", "Normative documents filed"),
    definition: u("年内报备的行政规范性文件", "Normative documents filed in the year"),
    ...countEvents({ caseType: DOCUMENT_TYPE, action: "file" }),
  }),
  d({
    id: "normative_docs_filed_on_time",
    unit: DOCS,
    label: u("按时报备的规范性文件", "Normative documents filed on time"),
    definition: u(
      "年内报备、且在公布之日起30日内报备的行政规范性文件（全国默认期限；地方设置见 rules.filing_days）",
      "Documents filed in the year within 30 days of publication (the national default)",
    ),
    ...countEvents({
      caseType: DOCUMENT_TYPE,
      action: "file",
      // Within 30 days of the document's publication step (imported history included).
      filter: () =>
        sql<boolean>`case_event.on_date <= (select max(p.on_date) from case_event p
          where p.region_code = case_event.region_code and p.case_id = case_event.case_id
            and p.action = 'publish') + 30`,
    }),
  }),
  d({
    id: "normative_docs_in_force",
    unit: DOCS,
    label: u("现行有效的规范性文件", "Normative documents in force"),
    definition: u(
      "年末现行有效的行政规范性文件",
      "Normative documents in force at the end of the year",
    ),
    ...countCases({
      caseType: DOCUMENT_TYPE,
      by: "open_at_end",
      states: ["published", "filed", "filing_reviewed"],
    }),
  }),
  cleanup("cleanup_valid", "清理后继续有效", "Remain valid", ["remain_valid"]),
  cleanup("cleanup_repeal_or_amend", "清理后拟废止、拟修改", "To repeal or amend", [
    "repeal",
    "amend",
  ]),
  cleanup("cleanup_repeal", "清理后拟废止", "To repeal", ["repeal"]),
  cleanup("cleanup_amend", "清理后拟修改", "To amend", ["amend"]),
  cleanup("cleanup_declared_invalid", "清理后宣布失效", "Declared invalid", ["declare_invalid"]),
  d({
    id: "business_cleanup_documents",
    unit: DOCS,
    label: u(
      "优化营商环境清理的规章、规范性文件和其他政策措施",
      "Rules and documents cleaned up for the business environment",
    ),
    definition: u(
      "优化营商环境专项清理中清理的规章、规范性文件和其他政策措施（按清理日期计入年度）",
      "Rules, normative documents and other measures examined by the business-environment clean-up",
    ),
    ...countRegister({
      register: "cleanup_result",
      on: "cleanedOn",
      where: { campaignKind: "business_environment" },
    }),
  }),
  d({
    id: "normative_comments_received",
    unit: ITEMS,
    label: u("规范性文件草案收到的公众意见", "Public comments on draft normative documents"),
    definition: u(
      "规范性文件草案公开征求意见期间收到的意见（含被屏蔽的）",
      "Comments received on draft normative documents (hidden ones too)",
    ),
    ...countComments({ caseType: DOCUMENT_TYPE }),
  }),
  d({
    id: "normative_comments_answered",
    unit: ITEMS,
    label: u("已公布答复的公众意见", "Public comments answered"),
    definition: u(
      "规范性文件草案收到的意见中已公布答复的",
      "Comments on draft normative documents whose answer is published",
    ),
    ...countComments({ caseType: DOCUMENT_TYPE, answered: true }),
  }),
];
