/**
 * The reconsideration's documents (GB/T 9704 .docx through the case engine): the decision
 * (行政复议决定书, 2023 art. 75: it takes effect on service; 2017 art. 31 para. 2) and the
 * service record (送达回证) of the latest service (民事诉讼法 arts. 87–95 by 2023 art. 88 /
 * 2017 art. 40).
 */
import type { CaseDocumentDecl, DocumentContext } from "../../../engines/case/index.ts";
import { citeZh } from "../../../kernel/citation.ts";
import { formatChineseDate } from "../../../platform/documents/official.ts";
import {
  OUTCOME_LABELS,
  type RCase,
  type ReconsiderationCase,
  rulesOf,
  SERVED_DOCUMENT_LABELS,
  SERVICE_METHOD_LABELS,
} from "./fields.ts";

/** The reconsideration organ: the people's government of the region (2023 art. 24). */
const organ = (ctx: DocumentContext) => `${ctx.regionName}人民政府`;

function decisionDocument(c: RCase, ctx: DocumentContext) {
  const f = c.fields;
  const r = rulesOf(c);
  const outcome = f.outcome ? OUTCOME_LABELS[f.outcome].zh : "";
  return {
    issuerMark: organ(ctx),
    number: c.numbers.decision,
    title: "行政复议决定书",
    body: [
      `申请人：${f.applicant.name}${f.applicant.address ? `，住所地${f.applicant.address}` : ""}。`,
      `被申请人：${f.respondent}。`,
      `申请人不服被申请人${f.actNo ? `作出的${f.actNo}` : ""}${f.act}，于${formatChineseDate(c.openedOn)}向本机关申请行政复议，本机关依法${f.acceptedOn ? `于${formatChineseDate(f.acceptedOn)}` : ""}予以受理，适用${f.procedure === "simplified" ? "简易" : "普通"}程序审理。现已审理终结。`,
      `申请人请求：${f.request}`,
      `本机关认为：${f.reasoning ?? ""}`,
      `根据${citeZh(r.basis.outcome)}的规定，本机关决定：${outcome}。${f.decisionContent ?? ""}`,
      "申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。",
    ],
    issuer: organ(ctx),
    date: f.decidedOn ?? c.closedOn ?? ctx.today,
    seal: true,
  };
}

function serviceRecord(c: RCase, ctx: DocumentContext) {
  const s = c.fields.lastService;
  const blank = "    年  月  日";
  const doc = s ? SERVED_DOCUMENT_LABELS[s.document].zh : "";
  const no = s?.document === "decision" ? (c.numbers.decision ?? "") : "";
  const r = rulesOf(c);
  return {
    issuerMark: organ(ctx),
    title: "送达回证",
    body: [
      {
        kind: "table" as const,
        header: false,
        widths: [1, 2],
        rows: [
          [
            "案由",
            `${c.fields.applicant.name}不服${c.fields.respondent}${c.fields.act}申请行政复议`,
          ],
          ["送达文书名称及文号", `${doc} ${no}`.trim()],
          ["受送达人", s?.recipient ?? ""],
          ["送达地点", s?.address ?? ""],
          ["送达方式", s ? SERVICE_METHOD_LABELS[s.method].zh : ""],
          ["收件人签名或盖章", ""],
          ["送达日期", s ? formatChineseDate(s.servedOn) : blank],
          ["送达人", ""],
          ["备注", ""],
        ],
      },
    ],
    issuer: organ(ctx),
    date: s?.servedOn ?? ctx.today,
    seal: true,
    note: `依据：${citeZh(`${r.law === "2023" ? "行政复议法(2023) art. 88" : "行政复议法(2017) art. 40"}; 民事诉讼法 arts. 87–95`)}`,
  };
}

export const RECONSIDERATION_DOCUMENTS: CaseDocumentDecl<ReconsiderationCase>[] = [
  {
    code: "reconsideration_decision",
    label: { zh: "行政复议决定书", en: "Reconsideration decision" },
    states: ["decided"],
    build: decisionDocument,
  },
  {
    code: "service_record",
    label: { zh: "送达回证", en: "Service record" },
    states: [
      "received",
      "awaiting_materials",
      "accepted",
      "decided",
      "mediated",
      "terminated",
      "dismissed",
      "refused",
      "abandoned",
    ],
    build: serviceRecord,
  },
];
