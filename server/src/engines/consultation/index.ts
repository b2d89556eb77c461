/**
 * The consultation engine's front door (public comment on drafts, docs/consultation.md):
 * the declaration a case type carries (`consultation`), the guard its opening step adds
 * (`commentPeriodGuard`), the answer labels, and the settings. Modules import this file
 * only.
 */
export {
  ANSWER_RESULT_LABELS,
  ANSWER_RESULTS,
  type AnswerResult,
  type ConsultationDecl,
} from "./declare.ts";
export { countComments } from "./indicators.ts";
export { commentPeriodGuard } from "./period.ts";
/** The office's actions and the public path, for the demo and for modules' own effects. */
export { submitComment } from "./public.ts";
export {
  answerComment,
  consultationOfCase,
  moderateComment,
  publishAnswers,
  publishReport,
} from "./service.ts";
export { SETTING_REAL_NAME } from "./settings.ts";
