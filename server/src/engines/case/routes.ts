import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, requireActor, type Services } from "../../http/context.ts";
import { binary, Ok } from "../../http/wire.ts";
import { can } from "../../kernel/access.ts";
import { basisText } from "../../kernel/citation.ts";
import { attachmentName, XLSX_MIME } from "../../platform/files/table-xlsx.ts";
import { attachFile, readAttachment, requireBody } from "./attachments.ts";
import type { CaseDeps } from "./deps.ts";
import { caseDocument } from "./documents.ts";
import { dossierRoutes } from "./dossier-routes.ts";
import { extendCase } from "./extend.ts";
import { caseImportRoutes } from "./import/routes.ts";
import { linkCase, linkKinds } from "./links.ts";
import { resumeCase, suspendCase } from "./ops.ts";
import { caseDetail, dataQuality, listCases } from "./query.ts";
import { addParticipant, openSubCase } from "./relations.ts";
import { revealPeople } from "./reveal.ts";
import { createCase, transition } from "./service.ts";
import { DEFAULT_LIMIT, MAX_LIMIT, warningList, warningPage } from "./warnings.ts";
import { warningsXlsx } from "./warnings-xlsx.ts";
import {
  AttachmentQuery,
  AttachmentStored,
  CaseDetail,
  CaseListQuery,
  CasePage,
  CaseType,
  CaseView,
  ClockProblem,
  RevealedPeople,
  WarningPage,
} from "./wire.ts";
import { workRoutes } from "./work-routes.ts";

const TypeParams = z.object({ type: z.string().regex(/^[a-z0-9_]+$/) });
const CaseParams = TypeParams.extend({ id: z.coerce.number().int().positive() });
const ActionParams = CaseParams.extend({ action: z.string().regex(/^[a-z0-9_]+$/) });
const AnyBody = z.record(z.string(), z.unknown());

/** The case engine over HTTP: the same routes for every declared case type. */
export const caseRoutes =
  (services: Services, caseDeps: CaseDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // A case whose clocks cannot be computed is named in the server log.
    const deps: CaseDeps = {
      ...caseDeps,
      log:
        caseDeps.log ??
        ((p) =>
          app.log.warn(
            { dataQuality: p },
            `case ${p.regionCode}/${p.caseId} (${p.caseType}): clock ${p.clock} cannot be computed; skipped`,
          )),
    };
    const work = <T>(
      req: Parameters<typeof inTenantTx>[1],
      fn: Parameters<typeof inTenantTx<T>>[2],
    ) => inTenantTx(services, req, fn);
    await app.register(workRoutes(services, deps));

    app.get(
      "/api/case-types",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "listCaseTypes",
          tags: ["cases"],
          summary: "The declared case types",
          response: { 200: z.array(CaseType) },
        },
      },
      async (req) => {
        const a = requireActor(req);
        return deps.registry.caseTypes().map((d) => ({
          code: d.code,
          label: d.label,
          module: d.module,
          states: d.states,
          initial: d.initial,
          fields: z.toJSONSchema(d.fields, { unrepresentable: "any" }) as Record<string, unknown>,
          derived: d.derived
            ? (z.toJSONSchema(d.derived, { unrepresentable: "any" }) as Record<string, unknown>)
            : null,
          stepFields: [...(d.stepFields ?? [])],
          transitions: d.transitions.map((t) => ({
            action: t.action,
            label: t.label,
            from: t.from,
            to: t.to,
            sensitive: t.sensitive === true,
            allowed: can(a, t.permission ?? "record.write"),
            allowedWhileSuspended: t.allowedWhileSuspended === true,
            input: t.input
              ? (z.toJSONSchema(t.input, { unrepresentable: "any" }) as Record<string, unknown>)
              : null,
          })),
          clocks: (d.clocks ?? []).map((k) => ({
            code: k.code,
            label: k.label,
            legalBasis: basisText(k.legalBasis),
            restartable: k.restartable === true,
            suspendable:
              d.suspension !== undefined &&
              (d.suspension.clocks === "all" || d.suspension.clocks.includes(k.code)),
          })),
          links: linkKinds(d).map((k) => k.code),
          linkKinds: linkKinds(d).map((k) => ({
            code: k.code,
            label: k.label,
            acrossUnits: Boolean(k.jurisdiction),
            legalBasis: k.jurisdiction ? basisText(k.jurisdiction.legalBasis) : null,
            allowed: can(a, k.jurisdiction?.permission ?? "record.write"),
          })),
          participantRoles: d.participantRoles ?? {},
          suspendable: Boolean(d.suspension),
          suspension: d.suspension
            ? {
                clocks:
                  d.suspension.clocks === "all"
                    ? (d.clocks ?? []).map((k) => k.code)
                    : d.suspension.clocks,
                legalBasis: basisText(d.suspension.legalBasis),
              }
            : null,
          extensions: (d.extensions ?? []).map((e) => ({
            clock: e.clock,
            max: e.max,
            maxCount: e.maxCount ?? 1,
            maxTotal: e.maxTotal ?? null,
            legalBasis: basisText(e.legalBasis),
            permission: e.permission ?? "unit.lead",
            allowed: can(a, e.permission ?? "unit.lead"),
          })),
          subCases: d.subCases ?? null,
          documents: (d.documents ?? []).map((x) => ({
            code: x.code,
            label: x.label,
            states: x.states,
          })),
          numbers: (d.numbers ?? []).map((n) => ({ kind: n.kind, label: n.label })),
          dossier: d.dossier
            ? { label: d.dossier.label, legalBasis: basisText(d.dossier.legalBasis) }
            : null,
          consultation: Boolean(d.consultation),
          linkLabels: Object.fromEntries(linkKinds(d).map((k) => [k.code, k.label])),
        }));
      },
    );

    app.get(
      "/api/cases/:type",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "listCases",
          summary: "List cases of a type",
          params: TypeParams,
          querystring: CaseListQuery,
          response: { 200: CasePage },
        },
      },
      async (req) => work(req, (w) => listCases(deps, w, req.params.type, req.query)),
    );

    app.post(
      "/api/cases/:type",
      {
        config: { access: "record.write" },
        schema: {
          tags: ["cases"],
          operationId: "openCase",
          summary: "Open a case: { fields, onDate?, unitId? }",
          params: TypeParams,
          body: AnyBody,
          response: { 201: CaseView },
        },
      },
      async (req, reply) => {
        const c = await work(req, (w) => createCase(deps, w, req.params.type, req.body));
        return reply.status(201).send(c);
      },
    );

    app.get(
      "/api/cases/:type/:id",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "getCase",
          summary: "A case with its timeline, deadlines, links and the actions open to me",
          params: CaseParams,
          response: { 200: CaseDetail },
        },
      },
      async (req) => work(req, (w) => caseDetail(deps, w, req.params.type, req.params.id)),
    );

    app.post(
      "/api/cases/:type/:id/reveal",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "revealCasePeople",
          summary:
            "The case's ID and phone numbers in full, for the rule-of-law office with a recorded reason: { reason } (audited)",
          params: CaseParams,
          body: AnyBody,
          response: { 200: RevealedPeople },
        },
      },
      async (req) =>
        work(req, (w) => revealPeople(deps, w, req.params.type, req.params.id, req.body)),
    );

    app.post(
      "/api/cases/:type/:id/actions/:action",
      {
        config: { access: "record.write" },
        schema: {
          tags: ["cases"],
          operationId: "takeStep",
          summary: "Take a step: { version, input?, onDate?, reason? } (409 on a stale version)",
          params: ActionParams,
          body: AnyBody,
          response: { 200: CaseView },
        },
      },
      async (req) =>
        work(req, (w) =>
          transition(deps, w, req.params.type, req.params.id, req.params.action, req.body),
        ),
    );

    const op = (path: string, operationId: string, summary: string, fn: typeof suspendCase) =>
      app.post(
        `/api/cases/:type/:id/${path}`,
        {
          config: { access: "record.write" },
          schema: {
            operationId,
            tags: ["cases"],
            summary,
            params: CaseParams,
            body: AnyBody,
            response: { 200: Ok },
          },
        },
        async (req) => {
          await work(req, (w) => fn(deps, w, req.params.type, req.params.id, req.body));
          return { ok: true };
        },
      );
    op(
      "suspend",
      "suspendCase",
      "Suspend named suspendable clocks (default: all running ones): { version, reason, clocks?, onDate? }",
      suspendCase,
    );
    op("resume", "resumeCase", "Resume: { version, onDate? }", resumeCase);
    op(
      "extend",
      "extendClock",
      "Extend a clock, approved by the caller (declared permission): { version, clock, period, reason, notice: { on, text }, onDate? }",
      extendCase,
    );
    op("links", "linkCase", "Link to another case: { kind, toCaseId }", linkCase);
    op(
      "participants",
      "addParticipant",
      "Add a participating unit: { unitId, role }",
      addParticipant,
    );

    app.post(
      "/api/cases/:type/:id/sub-cases",
      {
        config: { access: "record.write" },
        schema: {
          tags: ["cases"],
          operationId: "openSubCase",
          summary: "Open a sub-case for a unit: { unitId, fields }",
          params: CaseParams,
          body: AnyBody,
          response: { 201: CaseView },
        },
      },
      async (req, reply) => {
        const c = await work(req, (w) =>
          openSubCase(deps, w, req.params.type, req.params.id, req.body),
        );
        return reply.status(201).send(c);
      },
    );

    // Files: the raw bytes as the body (any content type; the bytes are checked), in a
    // context of their own: the other case routes take JSON only (415 otherwise) and
    // keep the 2 MB body limit.
    await app.register(async (plain) => {
      const files = plain.withTypeProvider<ZodTypeProvider>();
      files.addContentTypeParser(
        "*",
        { parseAs: "buffer", bodyLimit: 52 * 1024 * 1024 },
        (_req, body, done) => done(null, body),
      );
      files.post(
        "/api/cases/:type/:id/attachments",
        {
          config: { access: "record.write" },
          bodyLimit: 52 * 1024 * 1024,
          schema: {
            tags: ["cases"],
            operationId: "attachFile",
            summary: "Attach a file (raw body); evidence needs device, officer and capturedAt",
            params: CaseParams,
            querystring: AttachmentQuery,
            response: { 201: AttachmentStored },
          },
        },
        async (req, reply) => {
          const bytes = requireBody(req.body);
          const a = await work(req, (w) =>
            attachFile(
              deps,
              w,
              req.params.type,
              req.params.id,
              req.query,
              bytes,
              req.headers["content-type"] ?? "",
            ),
          );
          return reply.status(201).send(a);
        },
      );
    });
    app.get(
      "/api/cases/:type/:id/attachments/:attachmentId",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "downloadAttachment",
          summary: "Download a file (its hash re-checked)",
          params: CaseParams.extend({ attachmentId: z.coerce.number().int() }),
          response: {
            200: binary("application/octet-stream", "The file's bytes (its own media type)"),
          },
        },
      },
      async (req, reply) => {
        const f = await work(req, (w) =>
          readAttachment(deps, w, req.params.type, req.params.id, req.params.attachmentId),
        );
        return reply
          .type(f.mime)
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
          )
          .send(f.bytes);
      },
    );

    app.get(
      "/api/cases/:type/:id/documents/:code",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "caseDocument",
          summary: "Generate a declared official document of the case (.docx, GB/T 9704)",
          params: CaseParams.extend({ code: z.string().regex(/^[a-z0-9_]+$/) }),
          response: {
            200: binary(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "The document (.docx)",
            ),
          },
        },
      },
      async (req, reply) => {
        const f = await work(req, (w) =>
          caseDocument(deps, w, req.params.type, req.params.id, req.params.code),
        );
        return reply
          .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
          )
          .send(f.bytes);
      },
    );

    await app.register(caseImportRoutes(services, deps));
    await app.register(dossierRoutes(services, deps));

    app.get(
      "/api/data-quality",
      {
        config: { access: "region.oversee" },
        schema: {
          tags: ["cases"],
          operationId: "dataQuality",
          summary:
            "Cases whose clocks cannot be computed from the stored data (skipped by lists and indicators)",
          response: { 200: z.array(ClockProblem) },
        },
      },
      async (req) => work(req, (w) => dataQuality(deps, w)),
    );

    app.get(
      "/api/warnings",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "listWarnings",
          summary: "Deadlines due soon or overdue, across every case type",
          querystring: z.object({
            unitId: z.coerce.number().int().optional(),
            mine: z.enum(["true", "false"]).optional(),
            level: z.enum(["due_soon", "overdue"]).optional(),
            limit: z.coerce
              .number()
              .int()
              .min(1)
              .max(MAX_LIMIT)
              .optional()
              .describe(`warnings per page (default ${DEFAULT_LIMIT})`),
            cursor: z.string().max(500).optional().describe("the nextCursor of the page before"),
          }),
          response: { 200: WarningPage },
        },
      },
      async (req) =>
        work(req, (w) =>
          warningPage(deps, w, {
            ...(req.query.unitId ? { unitId: req.query.unitId } : {}),
            ...(req.query.mine === "true" ? { handlerUserId: w.actor.userId } : {}),
            ...(req.query.level ? { level: req.query.level } : {}),
            ...(req.query.limit ? { limit: req.query.limit } : {}),
            ...(req.query.cursor !== undefined ? { cursor: req.query.cursor } : {}),
          }),
        ),
    );

    app.get(
      "/api/warnings/export.xlsx",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "exportWarnings",
          summary: "The warning list (same filters) as an .xlsx file",
          querystring: z.object({
            unitId: z.coerce.number().int().optional(),
            mine: z.enum(["true", "false"]).optional(),
            level: z.enum(["due_soon", "overdue"]).optional(),
          }),
          response: { 200: binary(XLSX_MIME, "The warnings (.xlsx)") },
        },
      },
      async (req, reply) => {
        const { file, day } = await work(req, async (w) => {
          const list = await warningList(deps, w, {
            ...(req.query.unitId ? { unitId: req.query.unitId } : {}),
            ...(req.query.mine === "true" ? { handlerUserId: w.actor.userId } : {}),
            ...(req.query.level ? { level: req.query.level } : {}),
          });
          return { file: await warningsXlsx(w, list), day: w.today };
        });
        return reply
          .header("content-type", XLSX_MIME)
          .header(
            "content-disposition",
            attachmentName(`warnings-${day}.xlsx`, `期限预警-${day}.xlsx`),
          )
          .send(file);
      },
    );
  };
