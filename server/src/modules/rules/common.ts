/** What the rules module's declarations share. */
import { z } from "zod";
import { INVALID_DATE } from "../../kernel/issue-text.ts";
import { localDateProblem } from "../../kernel/time/index.ts";

export const MODULE = "rules";
export const DOCUMENT_TYPE = "normative_document";
export const FILING_REVIEW_TYPE = "normative_filing_review";

/** A civil date YYYY-MM-DD (a real calendar day). */
export const zDate = z.string().superRefine((v, ctx) => {
  if (localDateProblem(v)) ctx.addIssue({ code: "custom", message: INVALID_DATE });
});

export const zText = (max: number) => z.string().trim().min(1, "required").max(max);
