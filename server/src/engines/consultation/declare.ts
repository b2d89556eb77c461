import type { BasisLike } from "../../kernel/citation.ts";
import type { Label } from "../../kernel/labels.ts";
import type { Period } from "../../kernel/time/index.ts";
import type { CaseView } from "../case/declare.ts";
import type { Settings } from "../settings.ts";

/**
 * Public comment (公开征求意见) as a case type declares it: the step that opens a draft for
 * comment on the portal (its input gives the first and last day of the period), the step
 * that closes it, and where the draft's text is. E.g. a normative document:
 *
 *   consultation: { opensOn: "open_comment", closesOn: "close_comment",
 *                   fromField: "commentFrom", toField: "commentTo", draftField: "draftText",
 *                   minPeriod: (c, s) => …, legalBasis: "…" }
 *
 * and a major decision (重大行政决策程序暂行条例 第十五条: ≥ 30 days, shorter only with a
 * recorded reason): `minPeriod: () => ({ n: 30, unit: "calendar_day" }),
 * shortPeriodReasonField: "shortPeriodReason"`.
 *
 * The engine opens the consultation when `opensOn` succeeds (one per case), refuses
 * comments outside [from, to] or after `closesOn`, keeps every comment, and gives the
 * answers, moderation, the portal page and the consolidated adoption report. The
 * opening step's guard `commentPeriodGuard(decl)` (index.ts) checks the period.
 */
export interface ConsultationDecl {
  /** The action that opens the draft for comment (its input holds the period). */
  opensOn: string;
  /** The action that closes it (no comment is taken after it, even within the period). */
  closesOn: string;
  /** Input fields of `opensOn`: the first and the last day of the comment period. */
  fromField: string;
  toField: string;
  /** The case field that holds the draft's text shown on the portal (default: none). */
  draftField?: string;
  /** The shortest period (calendar or working days, both ends counted); may read settings. */
  minPeriod?: (c: CaseView, settings: Settings) => Period;
  /** An input field of `opensOn`: a recorded reason allows a shorter period. */
  shortPeriodReasonField?: string;
  /** The basis of the period, shown with the refusal and in the docs. */
  legalBasis: BasisLike;
}

import { ANSWER_RESULTS } from "./wire.ts";

export { ANSWER_RESULTS };
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

export const ANSWER_RESULT_LABELS: Record<AnswerResult, Label> = {
  adopted: { zh: "采纳", en: "Adopted" },
  partly_adopted: { zh: "部分采纳", en: "Partly adopted" },
  not_adopted: { zh: "不予采纳", en: "Not adopted" },
  under_study: { zh: "研究中", en: "Under study" },
};
