/** What the lists module's declarations share: the module code, text and date schemas. */
import { z } from "zod";
import { L } from "../../engines/labels.ts";
import { INVALID_DATE } from "../../kernel/issue-text.ts";
import { localDateProblem } from "../../kernel/time/index.ts";

export const MODULE = "lists";

/** A civil date YYYY-MM-DD (a real calendar day). */
export const zDate = z.string().superRefine((v, ctx) => {
  if (localDateProblem(v)) ctx.addIssue({ code: "custom", message: INVALID_DATE });
});

export const zText = (max: number) => z.string().trim().min(1, "required").max(max);

export const text = (zh: string, en: string, max = 500) => L(zText(max), zh, en);
export const optText = (zh: string, en: string, max = 2000) =>
  L(z.string().trim().max(max).optional(), zh, en);

/** A directory unit's code (the web shows the unit's name: column `ref: "unit"`). */
export const zUnitCode = z.string().trim().min(1, "required").max(64);
