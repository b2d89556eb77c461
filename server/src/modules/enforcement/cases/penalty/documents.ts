import type { CaseDocumentDecl, NumberDecl } from "../../../../engines/case/index.ts";
import { deferralDocument } from "../deferral-documents.ts";
import { decisionDocument } from "../documents.ts";
import { noticeDocument, serviceReceipt } from "../notice-documents.ts";
import type { PenaltyCase } from "./fields.ts";
import { BEFORE_DECISION, POST_DECISION } from "./states.ts";

// ─────────────────────────────────────────────────── decision number and documents

export const PENALTY_NUMBERS: NumberDecl<PenaltyCase>[] = [
  {
    kind: "decision",
    label: { zh: "决定书文号", en: "Decision number" },
    prefix: (c) =>
      `${c.fields.documentPrefix ?? "执法"}${
        c.fields.decisionKind === "penalty"
          ? "罚"
          : c.fields.decisionKind === "transfer_judicial"
            ? "移"
            : "不罚"
      }`,
  },
];

/** Enforcement instruments (执法文书), not 公文: the "instrument" form of the renderer. */
export const PENALTY_DOCUMENTS: CaseDocumentDecl<PenaltyCase>[] = [
  {
    code: "penalty_notice",
    label: { zh: "行政处罚告知书", en: "Notice of the intended penalty" },
    states: [...BEFORE_DECISION, "hearing_requested", "hearing_scheduled", ...POST_DECISION],
    build: (c, ctx) => noticeDocument(c, ctx),
  },
  {
    code: "penalty_decision",
    label: { zh: "行政处罚决定书", en: "Penalty decision" },
    states: POST_DECISION.concat(["altered"]),
    build: (c, ctx) => decisionDocument(c, ctx),
  },
  {
    code: "service_receipt",
    label: { zh: "送达回证", en: "Service receipt" },
    states: POST_DECISION.concat(["altered"]),
    build: (c, ctx) => serviceReceipt(c, ctx),
  },
  {
    // 行政处罚法(2021) art. 66 para. 2: the approval of a deferral or a schedule, served.
    code: "payment_deferral",
    label: { zh: "暂缓（分期）缴纳罚款决定书", en: "Deferral or instalment decision" },
    states: ["served", "reminded", "court_enforcement", "executed", "closed"],
    build: (c, ctx) => deferralDocument(c, ctx),
  },
];
