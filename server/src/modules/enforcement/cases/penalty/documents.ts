import type { CaseDocumentDecl, NumberDecl } from "../../../../engines/case/index.ts";
import { decisionDocument, serviceReceipt } from "../documents.ts";
import { type PenaltyCase, rulesOf } from "./fields.ts";
import { POST_DECISION } from "./states.ts";

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

export const PENALTY_DOCUMENTS: CaseDocumentDecl<PenaltyCase>[] = [
  {
    code: "penalty_decision",
    label: { zh: "行政处罚决定书", en: "Penalty decision" },
    states: POST_DECISION.concat(["altered"]),
    build: (c, ctx) => decisionDocument(c, ctx, rulesOf(c)),
  },
  {
    code: "service_receipt",
    label: { zh: "送达回证", en: "Service receipt" },
    states: POST_DECISION.concat(["altered"]),
    build: (c, ctx) => serviceReceipt(c, ctx),
  },
];
