/**
 * Filing review (备案审查) of a normative document: the body it is filed with opens a
 * review case in its own region and links it to the document (`reviews`, across units
 * and, for a district-government document, from the city above: the engines'
 * cross-region links), and its conclusion comes back to the document as its
 * `filing_feedback` step. A district-government document is filed with the city
 * government (the city's rule-of-law office, in 重庆市司法局) and the district people's
 * congress standing committee (a receipt recorded on the `file` step); a department's
 * with the district government (the district's rule-of-law office). 国办发〔2018〕37号
 * (备案监督: 有件必备、有备必审、有错必纠); 监督法 (2024) arts. 39–40.
 */
import { z } from "zod";
import type { CaseTypeDecl } from "../../engines/case/index.ts";
import { L, labelledEnum } from "../../engines/labels.ts";
import { DOCUMENT_TYPE, FILING_REVIEW_TYPE, MODULE, zText } from "./common.ts";

const RESULT = {
  no_problem: { zh: "未发现问题", en: "No problem found" },
  correction_required: { zh: "责令纠正", en: "Correction required" },
};

export const filingReviewCaseType: CaseTypeDecl<{
  documentTitle: string;
  documentNumber: string;
  filedBy: string;
}> = {
  code: FILING_REVIEW_TYPE,
  label: { zh: "规范性文件备案审查", en: "Filing review of a normative document" },
  module: MODULE,
  fields: z.object({
    documentTitle: L(zText(200), "文件名称", "Document"),
    documentNumber: L(zText(50), "发文字号", "Document number"),
    filedBy: L(zText(100), "报备机关", "Filed by"),
  }),
  title: (f) => `${f.documentNumber} ${f.documentTitle}`.slice(0, 120),
  states: {
    received: { label: { zh: "已接收", en: "Received" } },
    concluded: { label: { zh: "审查完毕", en: "Concluded" }, terminal: true },
  },
  initial: "received",
  transitions: [
    {
      action: "conclude",
      label: { zh: "出具审查意见", en: "Conclude" },
      from: ["received"],
      to: "concluded",
      input: z.object({
        result: labelledEnum(RESULT, "审查结论", "Conclusion"),
        opinion: L(zText(2000), "审查意见", "Opinion"),
      }),
      guards: [
        async (ctx) =>
          (await ctx.linked("reviews")).some((l) => l.direction === "out")
            ? undefined
            : {
                message: {
                  zh: "请先关联报备的规范性文件",
                  en: "link the filed document first",
                },
              },
      ],
      followUps: [
        {
          link: "reviews",
          action: "filing_feedback",
          input: (ctx) => ({ result: ctx.input.result, opinion: ctx.input.opinion }),
        },
      ],
    },
  ],
  links: [
    {
      code: "reviews",
      label: { zh: "审查的规范性文件", en: "The document reviewed" },
      jurisdiction: {
        units: ["sfj", "yfzqb"],
        sameRegion: true,
        parentRegion: true,
        legalBasis: {
          cites: [{ law: "监督法", article: 39 }],
          docs: ["国办发〔2018〕37号"],
          note: "国办发〔2018〕37号; 监督法 art. 39",
        },
      },
      targets: [DOCUMENT_TYPE],
    },
  ],
};
