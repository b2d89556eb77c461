import { z } from "zod";
import { zt } from "../../../../kernel/issue-text.ts";
import { L, labelledEnum, zAmount } from "../common.ts";
import {
  DECISION_KIND_LABELS,
  PENALTY_KIND_LABELS,
  type PenaltyKind,
  REVIEW_ITEM_LABELS,
  REVIEW_ITEMS,
  type ReviewItem,
} from "../labels.ts";

// ────────────────────────────────────────────────────────────────────────── inputs

const PenaltyList = z
  .array(z.enum(Object.keys(PENALTY_KIND_LABELS) as [PenaltyKind, ...PenaltyKind[]]))
  .max(11)
  .meta({
    label: { zh: "处罚种类", en: "Kinds of penalty" },
    enumLabels: PENALTY_KIND_LABELS,
  });

const reviewItemSchema = (zh: string, en: string) =>
  z
    .object({
      passed: L(z.boolean(), "是否通过", "Passed"),
      note: L(z.string().trim().max(2000).optional(), "审核意见", "Note"),
    })
    .meta({ label: { zh, en } });

export const ReviewInput = z.object({
  reviewerCertificateNo: L(
    z.string().trim().toUpperCase().min(1, "required"),
    "法制审核人员执法证号",
    "Reviewer's certificate number",
  ),
  ...(Object.fromEntries(
    REVIEW_ITEMS.map((k) => [
      k,
      reviewItemSchema(REVIEW_ITEM_LABELS[k].zh, REVIEW_ITEM_LABELS[k].en),
    ]),
  ) as Record<ReviewItem, ReturnType<typeof reviewItemSchema>>),
  opinion: L(z.string().trim().min(1, "required").max(5000), "审核意见", "Opinion"),
});

export const DecideInput = z
  .object({
    decisionKind: labelledEnum(DECISION_KIND_LABELS, "决定类型", "Decision"),
    penalties: PenaltyList.default([]),
    fineAmount: L(zAmount.default(0), "罚款金额（元）", "Fine (yuan)"),
    confiscationAmount: L(zAmount.default(0), "没收金额（元）", "Confiscated (yuan)"),
    decisionContent: L(
      z.string().trim().min(1, "required").max(5000),
      "决定内容",
      "Content of the decision",
    ),
    discretionReason: L(
      z.string().trim().max(2000).optional(),
      "偏离裁量基准的理由",
      "Reason for departing from the benchmark",
    ),
    socialImpact: L(
      z.boolean().default(false),
      "具有一定社会影响",
      "Of some social impact (art. 48)",
    ),
    withholdReason: L(
      z.string().trim().max(500).optional(),
      "不予公开的理由（涉及国家秘密、商业秘密、个人隐私等）",
      "Reason not to publish (secrets, privacy)",
    ),
    // Issue 10 part B: a decision after the time limit (decision-limit.ts).
    lateReason: L(
      z.string().trim().max(2000).optional(),
      "超过办案期限作出决定的理由",
      "Why the decision comes after the time limit",
    ),
  })
  .superRefine((d, ctx) => {
    if (d.decisionKind !== "penalty") return;
    if (d.penalties.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["penalties"],
        message: zt("请选择处罚种类", "name the penalties"),
      });
    }
    if (d.penalties.includes("fine") !== d.fineAmount > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["fineAmount"],
        message: zt(
          "选择罚款须填写金额，填写金额须选择罚款",
          "a fine needs an amount, and an amount needs the penalty 罚款",
        ),
      });
    }
  });
