/**
 * The decision's documents (GB/T 9704 .docx through the case engine): the published
 * decision with the explanation of how the public's and experts' opinions were adopted
 * (重大行政决策程序暂行条例 art. 32).
 */
import type { CaseDocumentDecl, CaseView, DocumentContext } from "../../engines/case/index.ts";
import { formatChineseDate } from "../../platform/documents/official.ts";
import type { DecisionFields } from "./gates.ts";

function publication(c: CaseView<DecisionFields>, ctx: DocumentContext) {
  const f = c.fields;
  const organ = `${ctx.regionName}人民政府`;
  return {
    issuerMark: organ,
    ...(f.documentNo ? { number: f.documentNo } : {}),
    title: `关于${f.title}的决定`,
    body: [
      f.decisionText ?? "",
      "一、公众意见、专家论证意见采纳情况",
      f.opinionsExplanation ?? "",
      `本决策草案于${f.commentFrom ? formatChineseDate(f.commentFrom) : ""}至${f.commentTo ? formatChineseDate(f.commentTo) : ""}向社会公开征求意见，经${f.meeting ?? "政府常务会议"}集体讨论决定。`,
    ],
    issuer: organ,
    date: f.publishedOn ?? ctx.today,
    seal: true,
  };
}

export const decisionDocuments: CaseDocumentDecl<DecisionFields>[] = [
  {
    code: "decision_publication",
    label: { zh: "重大行政决策公布文本", en: "The published decision" },
    states: ["published", "closed"],
    build: publication,
  },
];
