/**
 * HTTP routes of the register engine, for every declared register:
 *
 *   GET    /api/registers                           the registers I may read
 *   GET    /api/registers/:code/entries             list (filters, q, unitId, page, pageSize, sort)
 *   POST   /api/registers/:code/entries             create { data, unitId? }
 *   GET    /api/registers/:code/entries/:id         one entry (encrypted fields decrypted)
 *   PUT    /api/registers/:code/entries/:id         update { version, data, reason? }
 *   DELETE /api/registers/:code/entries/:id         delete (reason in the body or the query)
 *   GET    /api/registers/:code/entries/:id/versions  history from the audit trail
 *   GET    /api/registers/:code/export.xlsx         the entries (same filters as the list)
 *   POST   /api/registers/:code/import              the raw .xlsx (or CSV, text/csv) as the body
 *   GET    /api/registers/:code/import-template.csv  the CSV import's header row
 *
 * An unknown register and an entry outside the actor's scope are 404, never 403.
 */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, requireActor, type Services } from "../../http/context.ts";
import { binary } from "../../http/wire.ts";
import { NotFoundError, t, ValidationError } from "../../kernel/errors.ts";
import { loadOrCreateFieldKey } from "../../platform/crypto/keys.ts";
import { checkRegisterDecl, RESERVED_QUERY, type RegisterEnv } from "./data.ts";
import type { RegisterDecl } from "./declare.ts";
import {
  createEntry,
  deleteEntry,
  entryVersions,
  getEntry,
  type ListQuery,
  listEntries,
  MAX_PAGE_SIZE,
  readableRegisters,
  updateEntry,
} from "./service/index.ts";
import { versionRoutes } from "./versions/routes.ts";
import { Entry, EntryPage, EntryVersion, ImportResult, RegisterInfo } from "./wire.ts";
import {
  csvTemplate,
  exportXlsx,
  importCsv,
  importLimitsOf,
  importXlsx,
  MAX_IMPORT_BYTES,
  XLSX_MIME,
} from "./xlsx/index.ts";

const CSV_MIME = "text/csv";

const CodeParams = z.object({ code: z.string().max(100) });
const EntryParams = CodeParams.extend({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
const ListQuerystring = z
  .object({
    q: z.string().max(200).optional().describe("words in any text column"),
    unitId: z.coerce.number().int().positive().optional().describe("only this unit's entries"),
    page: z.coerce.number().int().min(1).max(1_000_000).optional(),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
    sort: z.string().max(100).optional().describe("a column; -column for descending"),
  })
  .catchall(z.string().max(500))
  .describe("besides these, the register's declared filter columns (GET /api/registers)");

function listQueryOf(query: Record<string, unknown>): ListQuery {
  const filters: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (!RESERVED_QUERY.has(k) && typeof v === "string") filters[k] = v;
  }
  return {
    filters,
    q: query.q as string | undefined,
    unitId: query.unitId as number | undefined,
    page: query.page as number | undefined,
    pageSize: query.pageSize as number | undefined,
    sort: query.sort as string | undefined,
  };
}

export const registerRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    for (const decl of services.registry.registers()) checkRegisterDecl(decl);
    // The body limit of the import route: the largest a declared register accepts (each
    // register's own limit is checked again on the file, xlsx/sheet.ts).
    const importBodyLimit = Math.max(
      MAX_IMPORT_BYTES,
      ...services.registry.registers().map((d) => importLimitsOf(d).bytes),
    );

    let fieldKey: Promise<Buffer> | undefined;
    const envFor = async (decl: RegisterDecl): Promise<RegisterEnv> => {
      if (!decl.encrypted?.length) return {};
      fieldKey ??= loadOrCreateFieldKey(services.config.keyDir);
      return { fieldKey: await fieldKey };
    };
    const declOf = (code: string): RegisterDecl => {
      const decl = services.registry.register(code);
      if (!decl) throw new NotFoundError(t("没有这个台账", `no register "${code}"`));
      return decl;
    };

    // The import's body: the raw workbook or CSV (here only; other routes keep JSON).
    app.addContentTypeParser(
      [XLSX_MIME, "application/octet-stream", CSV_MIME],
      { parseAs: "buffer", bodyLimit: importBodyLimit },
      (_req: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) =>
        done(null, body),
    );

    const tags = ["registers"];
    await app.register(versionRoutes(services)); // published versions of lists (versions/)

    app.get(
      "/api/registers",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "listRegisters",
          tags,
          summary: "The registers I may read, with their columns and filters",
          response: { 200: z.array(RegisterInfo) },
        },
      },
      async (req) => readableRegisters(requireActor(req), services.registry.registers()),
    );

    app.get(
      "/api/registers/:code/entries",
      {
        config: { access: "record.read" },
        schema: {
          tags,
          operationId: "listEntries",
          summary: "Entries of a register: filters (declared filter columns) as query parameters",
          params: CodeParams,
          querystring: ListQuerystring,
          response: { 200: EntryPage },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        return inTenantTx(services, req, (w) => listEntries(w, decl, listQueryOf(req.query), env));
      },
    );

    app.post(
      "/api/registers/:code/entries",
      {
        config: { access: "record.write" },
        schema: {
          tags,
          operationId: "createEntry",
          summary: "Create an entry",
          params: CodeParams,
          body: z.object({
            data: z.record(z.string(), z.unknown()),
            unitId: z.number().int().positive().optional(),
          }),
          response: { 201: Entry },
        },
      },
      async (req, reply) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        const view = await inTenantTx(services, req, (w) => createEntry(w, decl, req.body, env));
        return reply.status(201).send(view);
      },
    );

    app.get(
      "/api/registers/:code/entries/:id",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "getEntry",
          tags,
          summary: "One entry",
          params: EntryParams,
          response: { 200: Entry },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        return inTenantTx(services, req, (w) => getEntry(w, decl, req.params.id, env));
      },
    );

    app.put(
      "/api/registers/:code/entries/:id",
      {
        config: { access: "record.write" },
        schema: {
          tags,
          operationId: "updateEntry",
          summary: "Replace an entry's data (optimistic locking on version)",
          params: EntryParams,
          body: z.object({
            version: z.number().int().positive(),
            data: z.record(z.string(), z.unknown()),
            reason: z.string().max(2000).optional(),
          }),
          response: { 200: Entry },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        return inTenantTx(services, req, (w) => updateEntry(w, decl, req.params.id, req.body, env));
      },
    );

    app.delete(
      "/api/registers/:code/entries/:id",
      {
        config: { access: "record.write" },
        schema: {
          tags,
          operationId: "deleteEntry",
          summary: "Delete an entry (a reason where the register asks for one)",
          params: EntryParams,
          querystring: z.object({
            reason: z.string().max(2000).optional(),
            version: z.coerce.number().int().positive().optional(),
          }),
          body: z
            .object({
              reason: z.string().max(2000).optional(),
              version: z.number().int().positive().optional(),
            })
            .nullish(),
          response: { 204: z.undefined().describe("Deleted") },
        },
      },
      async (req, reply) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        const reason = req.body?.reason ?? req.query.reason;
        const version = req.body?.version ?? req.query.version;
        await inTenantTx(services, req, (w) =>
          deleteEntry(w, decl, req.params.id, { reason, version }, env),
        );
        return reply.status(204).send();
      },
    );

    app.get(
      "/api/registers/:code/entries/:id/versions",
      {
        config: { access: "record.read" },
        schema: {
          tags,
          operationId: "entryVersions",
          summary: "An entry's history from the audit trail: who, when, what changed",
          params: EntryParams,
          response: { 200: z.array(EntryVersion) },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        return inTenantTx(services, req, (w) => entryVersions(w, decl, req.params.id, env));
      },
    );

    app.get(
      "/api/registers/:code/export.xlsx",
      {
        config: { access: "record.read" },
        schema: {
          tags,
          operationId: "exportEntries",
          summary: "The entries as an .xlsx file (same filters as the list)",
          params: CodeParams,
          querystring: ListQuerystring,
          response: { 200: binary(XLSX_MIME, "The entries (.xlsx)") },
        },
      },
      async (req, reply) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        const file = await inTenantTx(services, req, (w) =>
          exportXlsx(w, decl, listQueryOf(req.query), env),
        );
        const day = services.clock().toISOString().slice(0, 10);
        const name = `${decl.label.zh}-${day}.xlsx`;
        return reply
          .header("content-type", XLSX_MIME)
          .header(
            "content-disposition",
            `attachment; filename="${decl.code}-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(file);
      },
    );

    app.post(
      "/api/registers/:code/import",
      {
        config: { access: "record.write" },
        bodyLimit: importBodyLimit,
        schema: {
          tags,
          operationId: "importEntries",
          summary: `Import an .xlsx file (the export's layout; body: ${XLSX_MIME}) or a CSV file (the template's header; UTF-8 or GB18030; body: text/csv); all rows or none`,
          params: CodeParams,
          querystring: z.object({
            unitId: z.coerce.number().int().positive().optional(),
            reason: z.string().max(2000).optional(),
          }),
          response: { 200: ImportResult },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        const env = await envFor(decl);
        if (!Buffer.isBuffer(req.body)) {
          throw new ValidationError(
            t("请上传 .xlsx 文件", `send the .xlsx file as the body (content type ${XLSX_MIME})`),
            [{ field: "file", message: t("未上传文件", "missing") }],
          );
        }
        const file = req.body;
        const csv = (req.headers["content-type"] ?? "").startsWith(CSV_MIME);
        return inTenantTx(services, req, (w) =>
          (csv ? importCsv : importXlsx)(w, decl, file, req.query, env),
        );
      },
    );

    app.get(
      "/api/registers/:code/import-template.csv",
      {
        config: { access: "record.read" },
        schema: {
          tags,
          operationId: "registerImportTemplate",
          summary: "The CSV import template of a register: its header row (UTF-8)",
          params: CodeParams,
          response: { 200: binary(CSV_MIME, "The header row (.csv)") },
        },
      },
      async (req, reply) => {
        const decl = declOf(req.params.code);
        return reply
          .header("content-type", `${CSV_MIME}; charset=utf-8`)
          .header(
            "content-disposition",
            `attachment; filename="${decl.code}-template.csv"; filename*=UTF-8''${encodeURIComponent(`${decl.label.zh}-导入模板.csv`)}`,
          )
          .send(csvTemplate(decl));
      },
    );
  };
