import { z } from "zod";
import type { TransitionDecl } from "../../../../engines/case/index.ts";
import { basisEn, basisZh } from "../../../../kernel/citation.ts";
import { t } from "../../../../kernel/errors.ts";
import { L, labelledEnum } from "../common.ts";
import { ALTERATION_LABELS, ALTERING_AUTHORITY_LABELS } from "../labels.ts";
import { type PenaltyCase, rulesOf } from "./fields.ts";
import { POST_DECISION } from "./states.ts";

// ─────────────────────────────────────────────────── closing, alteration, dropping

export const ENDING_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "close",
    label: { zh: "结案", en: "Close the case" },
    from: ["served", "executed", "court_enforcement"],
    to: "closed",
    input: z.object({
      summary: L(z.string().trim().max(2000).optional(), "结案说明", "Summary"),
    }),
    guards: [
      (ctx) => {
        const fine = Number(ctx.case.fields.fineAmount ?? 0);
        if (ctx.case.state === "served" && fine > 0) {
          const basis = rulesOf(ctx.case).payment.basis;
          return {
            message: t(
              `罚款 ${fine} 元尚未缴纳：请登记缴纳，或催告当事人后申请人民法院强制执行${basisZh(basis)}`,
              `the fine of ${fine} yuan is unpaid: record the payment, or remind the party and apply to the court${basisEn(basis)}`,
            ),
          };
        }
        return undefined;
      },
    ],
  },
  {
    action: "alter_decision",
    occasional: true,
    label: {
      zh: "决定被变更、撤销或确认违法、无效",
      en: "The decision is changed, revoked, or confirmed illegal or invalid",
    },
    from: POST_DECISION,
    to: "altered",
    sensitive: true,
    // A reconsideration body's decision (行政复议法(2023) 第六十三条、第六十四条) may take
    // this step on the penalty case through its `reviews` link.
    viaLink: ["reviews"],
    input: z.object({
      ground: labelledEnum(ALTERATION_LABELS, "情形", "What happened"),
      authority: labelledEnum(ALTERING_AUTHORITY_LABELS, "依据", "By"),
      documentNo: L(z.string().trim().min(1, "required").max(100), "文书文号", "Document number"),
      reason: L(z.string().trim().min(1, "required").max(2000), "理由", "Reason"),
    }),
    // The publication record is taken off the portal at once, or never published (issue 10
    // fault 2; 行政处罚法(2021) art. 48 para. 2); its withdrawal clock measures recording
    // the withdrawal notice with its reason.
    followUps: [
      { link: "follows", direction: "in", action: "take_down" },
      {
        link: "follows",
        direction: "in",
        action: "not_publish",
        input: (ctx) => ({
          notPublishedReason: `处罚决定已被${ALTERATION_LABELS[ctx.input.ground as keyof typeof ALTERATION_LABELS].zh}（${ctx.input.documentNo}），不予公开`,
        }),
      },
    ],
    derive: (ctx) => ({
      alteration: {
        onDate: ctx.onDate,
        ground: ctx.input.ground,
        authority: ctx.input.authority,
        documentNo: ctx.input.documentNo,
        reason: ctx.input.reason,
      },
    }),
  },
  {
    action: "drop",
    occasional: true,
    label: { zh: "撤销立案", en: "Drop the case" },
    from: ["filed", "investigating", "investigated"],
    to: "dropped",
    sensitive: true,
  },
];
