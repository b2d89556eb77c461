/**
 * 案卷评查 (case-file review): reviewers score a closed enforcement case against a
 * checklist (100 points). The review is a case of its own, linked to the reviewed case
 * by `reviews` (POST /api/cases/case_file_review/:id/links { kind: "reviews", toCaseId });
 * scoring reads the linked case and stores its body, type and year, so scores add up per
 * body and per year (indicators.ts). Basis: 行政处罚法(2021) art. 75 (评议、考核); the
 * report's 案卷评查 (seed 四, 五).
 */

import { sql } from "kysely";
import { z } from "zod";
import type { CaseTypeDecl, GuardContext } from "../../../engines/case/index.ts";
import { t } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import type { Label } from "../../../kernel/labels.ts";
import { L, MODULE } from "./common.ts";
import { COMPULSION_TYPE, INSPECTION_TYPE } from "./inspection.ts";
import { PENALTY_TYPE } from "./penalty/index.ts";
import { SIMPLIFIED_TYPE } from "./simplified.ts";

export const FILE_REVIEW_TYPE = "case_file_review";

/** The checklist: items and their maximum points (total 100). */
export const CHECKLIST: Record<string, Label & { max: number }> = {
  subject: { zh: "执法主体与人员资格", en: "Body and officers", max: 10 },
  procedure: { zh: "执法程序", en: "Procedure", max: 25 },
  factsEvidence: { zh: "事实与证据", en: "Facts and evidence", max: 25 },
  legalApplication: { zh: "法律适用", en: "Application of law", max: 15 },
  discretion: { zh: "裁量适当", en: "Discretion", max: 10 },
  documents: { zh: "文书制作", en: "Documents", max: 10 },
  archiving: { zh: "立卷归档", en: "Filing of the dossier", max: 5 },
};
const ITEMS = Object.keys(CHECKLIST);

export const GRADE_LABELS = {
  excellent: { zh: "优秀", en: "Excellent" },
  good: { zh: "良好", en: "Good" },
  pass: { zh: "合格", en: "Pass" },
  fail: { zh: "不合格", en: "Fail" },
} as const;

export const gradeOf = (total: number): keyof typeof GRADE_LABELS =>
  total >= 90 ? "excellent" : total >= 80 ? "good" : total >= 60 ? "pass" : "fail";

/** Enforcement case types whose files are reviewed. */
export const REVIEWABLE = [PENALTY_TYPE, SIMPLIFIED_TYPE, INSPECTION_TYPE, COMPULSION_TYPE];

export const FileReviewFields = z.object({
  year: L(z.number().int().min(2000).max(2100), "评查年度", "Year of the review"),
  reviewers: L(
    z
      .array(z.string().trim().min(1).max(50))
      .min(1, zt("请填写评查人员", "name the reviewers"))
      .max(10),
    "评查人员",
    "Reviewers",
  ),
});

export interface FileReviewCase extends z.infer<typeof FileReviewFields> {
  scores?: Record<string, number>;
  total?: number;
  grade?: keyof typeof GRADE_LABELS;
  reviewedCaseId?: number;
  reviewedCaseType?: string;
  reviewedUnitId?: number;
  reviewedTitle?: string;
  reviewedClosedOn?: string;
  /** What the reviewers must look at, e.g. a decision after the time limit (issue 10). */
  flags?: string[];
}

type Ctx = GuardContext<FileReviewCase>;

/** The closed enforcement case this review is linked to (`reviews`). */
async function reviewedCase(ctx: Ctx) {
  const { rows } = await sql<{
    id: number;
    case_type: string;
    unit_id: number;
    title: string;
    closed_on: string | null;
    decision_limit: { due: string; late: boolean; lateReason?: string } | null;
  }>`select c.id, c.case_type, c.unit_id, c.title, c.closed_on,
            c.fields -> 'decisionLimit' as decision_limit
       from case_link l join case_file c on c.region_code = l.region_code and c.id = l.to_case_id
      where l.region_code = ${ctx.case.regionCode} and l.from_case_id = ${ctx.case.id}
        and l.kind = 'reviews'
      order by l.created_at desc limit 1`.execute(ctx.w.trx);
  return rows[0];
}

export const fileReviewCaseType: CaseTypeDecl<FileReviewCase> = {
  code: FILE_REVIEW_TYPE,
  label: { zh: "案卷评查", en: "Case-file review" },
  module: MODULE,
  fields: FileReviewFields,
  title: (f) => `${f.year}年度案卷评查（${f.reviewers.join("、")}）`,
  states: {
    open: { label: { zh: "待评查", en: "To be reviewed" } },
    scored: { label: { zh: "已评查", en: "Scored" }, terminal: true },
  },
  initial: "open",
  transitions: [
    {
      action: "score",
      label: { zh: "评分", en: "Score" },
      from: ["open"],
      to: "scored",
      input: z.object({
        ...(Object.fromEntries(
          ITEMS.map((k) => [
            k,
            L(
              z.number().min(0, zt("不能为负数", "not negative")),
              `${CHECKLIST[k]!.zh}（满分${CHECKLIST[k]!.max}）`,
              `${CHECKLIST[k]!.en} (max ${CHECKLIST[k]!.max})`,
            ),
          ]),
        ) as Record<string, z.ZodNumber>),
        comments: L(z.string().trim().min(1, "required").max(5000), "评查意见", "Comments"),
      }),
      guards: [
        (ctx) => {
          for (const k of ITEMS) {
            const v = Number(ctx.input[k]);
            if (v > CHECKLIST[k]!.max) {
              return {
                field: k,
                message: t(`最多 ${CHECKLIST[k]!.max} 分`, `at most ${CHECKLIST[k]!.max} points`),
              };
            }
          }
          return undefined;
        },
        async (ctx) => {
          const r = await reviewedCase(ctx);
          if (!r) {
            return {
              message: t(
                "请先关联被评查的案件（已结案的行政执法案件）",
                "link the reviewed case first (a link of kind reviews to a closed enforcement case)",
              ),
            };
          }
          if (!REVIEWABLE.includes(r.case_type)) {
            return {
              message: t(
                "关联的案件不是行政执法案件",
                `case ${r.id} is not an enforcement case (${r.case_type})`,
              ),
            };
          }
          if (!r.closed_on) {
            return {
              message: t(
                "关联的案件尚未结案：只评查已结案的案卷",
                `case ${r.id} is not closed: only closed case files are reviewed`,
              ),
            };
          }
          return undefined;
        },
      ],
      derive: async (ctx) => {
        const r = await reviewedCase(ctx);
        const scores = Object.fromEntries(ITEMS.map((k) => [k, Number(ctx.input[k])]));
        const total = Object.values(scores).reduce((a, b) => a + b, 0);
        return {
          scores,
          total,
          grade: gradeOf(total),
          reviewedCaseId: r?.id,
          reviewedCaseType: r?.case_type,
          reviewedUnitId: r ? Number(r.unit_id) : undefined,
          reviewedTitle: r?.title,
          reviewedClosedOn: r?.closed_on ?? undefined,
          flags: flagsOf(r?.decision_limit ?? null),
        };
      },
    },
  ],
  links: ["reviews"],
};

/**
 * Flags for the reviewers: a penalty decided after its time limit (行政处罚法(2021)
 * art. 60), with the reason recorded at the decision.
 */
export function flagsOf(
  limit: { due: string; late: boolean; lateReason?: string } | null,
): string[] {
  if (!limit?.late) return [];
  return [
    `超过办案期限作出处罚决定（期限届满日 ${limit.due}；理由：${limit.lateReason ?? "未说明"}）`,
  ];
}
