import { z } from "zod";
import type { TransitionDecl } from "../../../../engines/case/index.ts";
import { L, labelledEnum, zAmount, zOfficers } from "../common.ts";
import { CIRCUMSTANCE_LABELS, INVESTIGATION_KIND_LABELS } from "../labels.ts";
import { FLAGS, type PenaltyCase } from "./fields.ts";
import { benchmarkOf, investigators } from "./guards.ts";
import { recusedGuard } from "./procedures.ts";

// ──────────────────────────────────────────────────────── filing and investigation

export const INVESTIGATION_STEPS: TransitionDecl<PenaltyCase>[] = [
  {
    action: "investigate",
    label: { zh: "记录调查取证", en: "Record an investigation step" },
    from: ["filed", "investigating"],
    to: "investigating",
    input: z.object({
      officers: zOfficers,
      kind: labelledEnum(INVESTIGATION_KIND_LABELS, "调查方式", "Kind of step"),
      summary: L(z.string().trim().min(1, "required").max(5000), "调查情况", "What was done"),
      recorder: L(z.string().trim().max(100).optional(), "执法记录仪编号", "Body-worn recorder"),
    }),
    guards: [investigators, recusedGuard],
  },
  {
    action: "conclude_investigation",
    label: { zh: "调查终结", en: "Conclude the investigation" },
    from: ["investigating"],
    to: "investigated",
    input: z.object({
      facts: L(z.string().trim().min(1, "required").max(10000), "违法事实", "Facts"),
      evidence: L(z.string().trim().min(1, "required").max(10000), "证据", "Evidence"),
      legalBasis: L(z.string().trim().min(1, "required").max(2000), "处罚依据", "Legal basis"),
      violationCode: L(
        z.string().trim().max(50).optional(),
        "违法行为编码（裁量基准）",
        "Violation code (benchmark)",
      ),
      circumstance: labelledEnum(CIRCUMSTANCE_LABELS, "违法情节", "Circumstance"),
      proposedFine: L(zAmount.default(0), "建议罚款金额（元）", "Proposed fine (yuan)"),
      // The flags may be revised at the end of the investigation; absent: as filed.
      ...(Object.fromEntries(
        // the label sits on the default: carried over, or the form shows the key
        Object.entries(FLAGS).map(([k, f]) => [
          k,
          f
            .unwrap()
            .optional()
            .meta(f.meta() ?? {}),
        ]),
      ) as Record<keyof typeof FLAGS, z.ZodOptional<z.ZodBoolean>>),
    }),
    setsFields: [
      "facts",
      "evidence",
      "legalBasis",
      "violationCode",
      "circumstance",
      "proposedFine",
      ...Object.keys(FLAGS),
    ],
    // The benchmark applied is stored on the case, for the decision and the review.
    derive: async (ctx) => {
      const code = String(ctx.input.violationCode ?? "").trim();
      const benchmark = code
        ? await benchmarkOf(ctx, code, String(ctx.input.circumstance))
        : undefined;
      return { benchmark: benchmark ?? null };
    },
  },
];
