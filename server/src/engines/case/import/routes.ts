import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, type Services } from "../../../http/context.ts";
import { binary } from "../../../http/wire.ts";
import { t, ValidationError } from "../../../kernel/errors.ts";
import type { CaseDeps } from "../deps.ts";
import { caseTypeOf } from "../service.ts";
import { ImportSummary } from "../wire.ts";
import { CSV_MIME, XLSX_MIME } from "./read.ts";
import { importCases } from "./service.ts";
import { importTemplate } from "./template.ts";

/** Largest import file over HTTP (a CSV of some 200,000 rows); the CLI has no limit. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

const TypeParams = z.object({ type: z.string().regex(/^[a-z0-9_]+$/) });

/**
 * Importing history over HTTP (registered by the case routes, which read raw bodies):
 *   POST /api/cases/:type/import                the CSV or .xlsx file as the raw body
 *   GET  /api/cases/:type/import-template.xlsx  the columns, headed in Chinese
 */
export const caseImportRoutes =
  (services: Services, deps: CaseDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The file as the raw body: CSV or .xlsx (the bytes decide which); other types 415.
    app.addContentTypeParser(
      [XLSX_MIME, CSV_MIME, "text/plain", "application/vnd.ms-excel", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: MAX_IMPORT_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.post(
      "/api/cases/:type/import",
      {
        config: { access: "record.import" },
        bodyLimit: MAX_IMPORT_FILE_BYTES,
        schema: {
          tags: ["cases"],
          operationId: "importCases",
          summary: `Import historical cases of a type from CSV or .xlsx (raw body, ${XLSX_MIME} or text/csv); all rows or none`,
          params: TypeParams,
          querystring: z.object({
            unitId: z.coerce.number().int().positive().optional(),
            fileName: z.string().max(255).optional(),
          }),
          response: { 201: ImportSummary },
        },
      },
      async (req, reply) => {
        caseTypeOf(deps, req.params.type);
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          throw new ValidationError(
            t("请以请求体发送 CSV 或 .xlsx 文件", "send the CSV or .xlsx file as the body"),
            [{ field: "file", message: t("缺少文件", "missing") }],
          );
        }
        const file = req.body;
        const summary = await inTenantTx(services, req, (w) =>
          importCases(deps, w, req.params.type, file, {
            ...req.query,
            format: req.headers["content-type"] ?? "",
          }),
        );
        return reply.status(201).send(summary);
      },
    );

    app.get(
      "/api/cases/:type/import-template.xlsx",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "caseImportTemplate",
          summary: "The import template of a case type (Chinese headers from the declaration)",
          params: TypeParams,
          response: { 200: binary(XLSX_MIME, "the import template (.xlsx)") },
        },
      },
      async (req, reply) => {
        const decl = caseTypeOf(deps, req.params.type);
        const bytes = await importTemplate(decl);
        return reply
          .type(XLSX_MIME)
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(`${decl.label.zh}-导入模板.xlsx`)}`,
          )
          .send(bytes);
      },
    );
  };
