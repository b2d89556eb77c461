import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, requireActor, type Services } from "../../http/context.ts";
import { can } from "../../kernel/access.ts";
import { LINK_LABELS } from "../../kernel/labels.ts";
import { attachFile, readAttachment, requireBody } from "./attachments.ts";
import type { CaseDeps } from "./deps.ts";
import { caseDocument } from "./documents.ts";
import { caseImportRoutes } from "./import/routes.ts";
import { extendCase, resumeCase, suspendCase } from "./ops.ts";
import { caseDetail, listCases, warningList } from "./query.ts";
import { addParticipant, linkCase, openSubCase } from "./relations.ts";
import { createCase, transition } from "./service.ts";

const TypeParams = z.object({ type: z.string().regex(/^[a-z0-9_]+$/) });
const CaseParams = TypeParams.extend({ id: z.coerce.number().int().positive() });
const ActionParams = CaseParams.extend({ action: z.string().regex(/^[a-z0-9_]+$/) });
const AnyBody = z.record(z.string(), z.unknown());

/** The case engine over HTTP: the same routes for every declared case type. */
export const caseRoutes =
  (services: Services, deps: CaseDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const work = <T>(
      req: Parameters<typeof inTenantTx>[1],
      fn: Parameters<typeof inTenantTx<T>>[2],
    ) => inTenantTx(services, req, fn);

    app.get(
      "/api/case-types",
      {
        config: { access: "record.read" },
        schema: { tags: ["cases"], summary: "The declared case types" },
      },
      async (req) => {
        const a = requireActor(req);
        return deps.registry.caseTypes().map((d) => ({
          code: d.code,
          label: d.label,
          module: d.module,
          states: d.states,
          initial: d.initial,
          fields: z.toJSONSchema(d.fields, { unrepresentable: "any" }),
          transitions: d.transitions.map((t) => ({
            action: t.action,
            label: t.label,
            from: t.from,
            to: t.to,
            sensitive: t.sensitive === true,
            allowed: can(a, t.permission ?? "record.write"),
            input: t.input ? z.toJSONSchema(t.input, { unrepresentable: "any" }) : null,
          })),
          clocks: (d.clocks ?? []).map((k) => ({
            code: k.code,
            label: k.label,
            legalBasis: k.legalBasis,
          })),
          links: d.links ?? [],
          participantRoles: d.participantRoles ?? {},
          suspendable: Boolean(d.suspension),
          extensions: (d.extensions ?? []).map((e) => ({
            clock: e.clock,
            max: e.max,
            legalBasis: e.legalBasis,
          })),
          subCases: d.subCases ?? null,
          documents: (d.documents ?? []).map((x) => ({
            code: x.code,
            label: x.label,
            states: x.states,
          })),
          numbers: (d.numbers ?? []).map((n) => ({ kind: n.kind, label: n.label })),
          linkLabels: Object.fromEntries(
            (d.links ?? []).map((k) => [k, LINK_LABELS[k] ?? { zh: k, en: k }]),
          ),
        }));
      },
    );

    app.get(
      "/api/cases/:type",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          summary: "List cases of a type",
          params: TypeParams,
          querystring: AnyBody,
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
          summary: "Open a case: { fields, onDate?, unitId? }",
          params: TypeParams,
          body: AnyBody,
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
          summary: "A case with its timeline, deadlines, links and the actions open to me",
          params: CaseParams,
        },
      },
      async (req) => work(req, (w) => caseDetail(deps, w, req.params.type, req.params.id)),
    );

    app.post(
      "/api/cases/:type/:id/actions/:action",
      {
        config: { access: "record.write" },
        schema: {
          tags: ["cases"],
          summary: "Take a step: { version, input?, onDate?, reason? } (409 on a stale version)",
          params: ActionParams,
          body: AnyBody,
        },
      },
      async (req) =>
        work(req, (w) =>
          transition(deps, w, req.params.type, req.params.id, req.params.action, req.body),
        ),
    );

    const op = (path: string, summary: string, fn: typeof suspendCase) =>
      app.post(
        `/api/cases/:type/:id/${path}`,
        {
          config: { access: "record.write" },
          schema: { tags: ["cases"], summary, params: CaseParams, body: AnyBody },
        },
        async (req) => {
          await work(req, (w) => fn(deps, w, req.params.type, req.params.id, req.body));
          return { ok: true };
        },
      );
    op("suspend", "Suspend the clocks: { version, reason, clock?, onDate? }", suspendCase);
    op("resume", "Resume: { version, onDate? }", resumeCase);
    op(
      "extend",
      "Extend a clock with approval: { version, clock, period, approvedBy, reason }",
      extendCase,
    );
    op("links", "Link to another case: { kind, toCaseId }", linkCase);
    op("participants", "Add a participating unit: { unitId, role }", addParticipant);

    app.post(
      "/api/cases/:type/:id/sub-cases",
      {
        config: { access: "record.write" },
        schema: {
          tags: ["cases"],
          summary: "Open a sub-case for a unit: { unitId, fields }",
          params: CaseParams,
          body: AnyBody,
        },
      },
      async (req, reply) => {
        const c = await work(req, (w) =>
          openSubCase(deps, w, req.params.type, req.params.id, req.body),
        );
        return reply.status(201).send(c);
      },
    );

    // Files: the raw bytes as the body (any content type; the bytes are checked).
    app.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: 52 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    app.post(
      "/api/cases/:type/:id/attachments",
      {
        config: { access: "record.write" },
        bodyLimit: 52 * 1024 * 1024,
        schema: {
          tags: ["cases"],
          summary: "Attach a file (raw body); evidence needs device, officer and capturedAt",
          params: CaseParams,
          querystring: AnyBody,
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
    app.get(
      "/api/cases/:type/:id/attachments/:attachmentId",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          summary: "Download a file (its hash re-checked)",
          params: CaseParams.extend({ attachmentId: z.coerce.number().int() }),
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
          summary: "Generate a declared official document of the case (.docx, GB/T 9704)",
          params: CaseParams.extend({ code: z.string().regex(/^[a-z0-9_]+$/) }),
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

    app.get(
      "/api/warnings",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          summary: "Deadlines due soon or overdue, across every case type",
          querystring: z.object({
            unitId: z.coerce.number().int().optional(),
            mine: z.enum(["true", "false"]).optional(),
            level: z.enum(["due_soon", "overdue"]).optional(),
          }),
        },
      },
      async (req) =>
        work(req, (w) =>
          warningList(deps, w, {
            ...(req.query.unitId ? { unitId: req.query.unitId } : {}),
            ...(req.query.mine === "true" ? { handlerUserId: w.actor.userId } : {}),
            ...(req.query.level ? { level: req.query.level } : {}),
          }),
        ),
    );
  };
