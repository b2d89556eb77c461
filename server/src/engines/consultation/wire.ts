/** The consultation engine's answers (zod schemas the routes serialize through; the web's types). */
import { z } from "zod";
/** The official answer to a comment (a reason required unless adopted). */
export const ANSWER_RESULTS = ["adopted", "partly_adopted", "not_adopted", "under_study"] as const;

export const ConsultationView = z
  .object({
    id: z.number(),
    caseType: z.string(),
    caseId: z.number(),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    closedOn: z.string().nullable(),
    answersPublishedOn: z.string().nullable(),
    reportPublishedOn: z.string().nullable(),
    comments: z.array(
      z.object({
        id: z.number(),
        submitted_at: z.string(),
        submitted_on: z.string(),
        topic: z.string(),
        body: z.string(),
        author_name: z.string().nullable(),
        contact: z.string().nullable(),
        hidden: z.boolean(),
        hidden_reason: z.string().nullable(),
        answer_result: z.enum(ANSWER_RESULTS).nullable(),
        answer_reason: z.string().nullable(),
        answered_on: z.string().nullable(),
        answer_published: z.boolean(),
      }),
    ),
    moderation: z
      .array(
        z.object({
          commentId: z.number(),
          hidden: z.boolean(),
          reason: z.string(),
          by: z.string(),
          at: z.string(),
        }),
      )
      .describe("the moderation trail (hide / restore with the reason), oldest first"),
    answerResults: z
      .array(
        z.object({
          code: z.enum(ANSWER_RESULTS),
          label: z.object({ zh: z.string(), en: z.string() }),
        }),
      )
      .describe("the answers' results with their labels (a reason is required unless adopted)"),
  })
  .meta({ id: "Consultation" });
export type ConsultationView = z.infer<typeof ConsultationView>;
