import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, type Services } from "../../http/context.ts";
import { binary, Ok } from "../../http/wire.ts";
import { t as text, ValidationError } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { localDateProblem } from "../../kernel/time/index.ts";
import { loadOrCreateFieldKey } from "../../platform/crypto/keys.ts";
import { renderOfficialDocument } from "../../platform/documents/official.ts";
import { ANSWER_RESULT_LABELS, ANSWER_RESULTS } from "./declare.ts";
import { adoptionReport, adoptionReportDocument } from "./report.ts";
import {
  answerComment,
  commentsOf,
  consultationOfCase,
  internalComments,
  moderateComment,
  moderationTrail,
  publishAnswers,
  publishReport,
} from "./service.ts";
import { ConsultationView } from "./wire.ts";

const Params = z.object({
  type: z.string().regex(/^[a-z0-9_]+$/),
  id: z.coerce.number().int().positive(),
});
const CommentParams = Params.extend({ commentId: z.coerce.number().int().positive() });
const Day = z
  .string()
  .refine((v) => !localDateProblem(v), zt("日期格式不正确", "not a date"))
  .optional();

/**
 * The office's routes of a case's public comment (engines/consultation): read the
 * comments, moderate, answer, publish the answers, the adoption report (.docx) and its
 * publication. The case is addressed as the case engine addresses it.
 */
export const consultationRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const key = loadOrCreateFieldKey(services.config.keyDir);
    const tags = ["consultation"];
    const base = "/api/cases/:type/:id/consultation";
    const dayOf = (d: string | undefined, today: string) => {
      const day = d ?? today;
      if (day > today) {
        const m = text("日期不得晚于今天", "the date cannot be in the future");
        throw new ValidationError(m, [{ field: "onDate", message: m }]);
      }
      return day;
    };

    app.get(
      base,
      {
        config: { access: "record.read" },
        schema: {
          operationId: "getConsultation",
          tags,
          summary: "A case's public comment: every comment (hidden ones too) with its answer",
          params: Params,
          response: { 200: ConsultationView },
        },
      },
      async (req) => {
        const fieldKey = await key;
        return inTenantTx(services, req, async (w) => {
          const k = await consultationOfCase(w, req.params.type, req.params.id);
          const rows = await commentsOf(w, k);
          return {
            id: k.id,
            caseType: k.case_type,
            caseId: k.case_id,
            title: k.title,
            opensOn: k.opens_on,
            closesOn: k.closes_on,
            closedOn: k.closed_on,
            answersPublishedOn: k.answers_published_on,
            reportPublishedOn: k.report_published_on,
            comments: internalComments(w, k, rows, fieldKey),
            moderation: await moderationTrail(
              w,
              k.region_code,
              rows.map((r) => r.id),
            ),
            answerResults: ANSWER_RESULTS.map((code) => ({
              code,
              label: ANSWER_RESULT_LABELS[code],
            })),
          };
        });
      },
    );

    app.post(
      `${base}/comments/:commentId/moderation`,
      {
        config: { access: "record.write" },
        schema: {
          operationId: "moderateComment",
          tags,
          summary: "Hide or restore a public comment, with a reason (audited)",
          params: CommentParams,
          body: z.object({
            hidden: z.boolean(),
            reason: z.string().trim().min(1, zt("必填", "required")).max(500),
          }),
          response: { 200: Ok },
        },
      },
      async (req) => {
        await inTenantTx(services, req, async (w) => {
          const k = await consultationOfCase(w, req.params.type, req.params.id);
          await moderateComment(w, k, req.params.commentId, req.body);
        });
        return { ok: true };
      },
    );

    app.put(
      `${base}/comments/:commentId/answer`,
      {
        config: { access: "record.write" },
        schema: {
          operationId: "answerComment",
          tags,
          summary:
            "Draft the official answer to a comment: adopted / partly adopted / not adopted / under study (a reason unless adopted)",
          params: CommentParams,
          body: z.object({
            result: z.enum(ANSWER_RESULTS),
            reason: z.string().max(2000).optional(),
            onDate: Day,
          }),
          response: { 200: Ok },
        },
      },
      async (req) => {
        await inTenantTx(services, req, async (w) => {
          const k = await consultationOfCase(w, req.params.type, req.params.id);
          await answerComment(w, k, req.params.commentId, {
            ...req.body,
            onDate: dayOf(req.body.onDate, w.today),
          });
        });
        return { ok: true };
      },
    );

    for (const [path, operationId, summary, fn] of [
      [
        "publish-answers",
        "publishConsultationAnswers",
        "Publish every answer together (after the period)",
        publishAnswers,
      ],
      [
        "publish-report",
        "publishAdoptionReport",
        "Publish the consolidated adoption report",
        publishReport,
      ],
    ] as const) {
      app.post(
        `${base}/${path}`,
        {
          config: { access: "record.write" },
          schema: {
            operationId,
            tags,
            summary,
            params: Params,
            body: z.object({ onDate: Day }).optional(),
            response: { 200: Ok },
          },
        },
        async (req) => {
          await inTenantTx(services, req, async (w) => {
            const k = await consultationOfCase(w, req.params.type, req.params.id);
            await fn(w, k, dayOf(req.body?.onDate, w.today));
          });
          return { ok: true };
        },
      );
    }

    app.get(
      `${base}/report.docx`,
      {
        config: { access: "record.read" },
        schema: {
          operationId: "adoptionReportDocx",
          tags,
          summary: "The consolidated adoption report (意见采纳情况及理由) as .docx (GB/T 9704)",
          params: Params,
          response: {
            200: binary(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "The adoption report (.docx)",
            ),
          },
        },
      },
      async (req, reply) => {
        const doc = await inTenantTx(services, req, async (w) => {
          const k = await consultationOfCase(w, req.params.type, req.params.id);
          const unit = await w.trx
            .selectFrom("unit")
            .select(["name_zh"])
            .where("id", "=", k.unit_id)
            .executeTakeFirst();
          const report = adoptionReport(k, await commentsOf(w, k));
          return adoptionReportDocument(report, {
            name: unit?.name_zh ?? "",
            date: k.report_published_on ?? w.today,
          });
        });
        const buf = await renderOfficialDocument(doc);
        return reply
          .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent("意见采纳情况及理由.docx")}`,
          )
          .send(buf);
      },
    );
  };
