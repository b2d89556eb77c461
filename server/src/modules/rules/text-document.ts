/**
 * The published normative document as an official document (GB/T 9704 .docx, and its
 * PDF through the case engine's public files): the issuing body's mark, the unified
 * number (统一编号), the title and the published text. Published on the portal beside the
 * text (优化营商环境条例 art. 64: 未经公布的不得作为行政管理依据).
 */
import type { CaseDocumentDecl, CaseView, DocumentContext } from "../../engines/case/index.ts";
import type { DocumentFields } from "./document.ts";

export const TEXT_DOCUMENT = "normative_document_text";

function build(c: CaseView<DocumentFields>, ctx: DocumentContext) {
  const f = c.fields;
  // A district-government document in the government's name; a department's in its own.
  const organ = f.issuer === "government" ? `${ctx.regionName}人民政府` : ctx.unitName;
  const number = c.numbers.document;
  return {
    issuerMark: `${organ}文件`,
    ...(number ? { number } : {}),
    title: f.title,
    body: (f.text ?? "")
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    issuer: organ,
    date: f.publishedOn ?? ctx.today,
    seal: true,
  };
}

export const textDocument: CaseDocumentDecl<DocumentFields> = {
  code: TEXT_DOCUMENT,
  label: { zh: "规范性文件正式文本", en: "The published document" },
  states: ["published", "filed", "filing_reviewed", "ended"],
  build,
};
