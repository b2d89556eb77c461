/**
 * HTTP routes of published list versions, for every register declaring `versions`:
 *
 *   GET  /api/registers/:code/versions               the versions (newest first)
 *   POST /api/registers/:code/versions               publish { number, publishedOn, inForceFrom, unitId? }
 *   GET  /api/registers/:code/versions/:id           one version with its entries
 *   GET  /api/registers/:code/versions/:id/diff?to=  the change list to another version (or "current")
 *   GET  /public/api/:region/lists/:code?on=         the list in force on a day (public projection)
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, type Services } from "../../../http/context.ts";
import { NotFoundError, t } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import { isLocalDate, toLocalDate } from "../../../kernel/time/index.ts";
import type { RegisterDecl } from "../declare.ts";
import { publicListOn } from "./public.ts";
import { PublishInput, publishVersion } from "./publish.ts";
import { diffVersions, getVersion, listVersions } from "./read.ts";
import { ListVersion, ListVersionDiff, ListVersionWithEntries, PublicListOn } from "./wire.ts";

const CodeParams = z.object({ code: z.string().max(100) });
const IdParams = CodeParams.extend({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export const zOnDay = z
  .string()
  .refine((s) => isLocalDate(s), zt("应为有效日期（年-月-日）", "a valid date YYYY-MM-DD"));

export const versionRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["registers"];
    const declOf = (code: string): RegisterDecl => {
      const decl = services.registry.register(code);
      if (!decl?.versions)
        throw new NotFoundError(t("没有这个按版本发布的清单", `no published list "${code}"`));
      return decl;
    };

    app.get(
      "/api/registers/:code/versions",
      {
        config: { access: "record.read" },
        schema: {
          tags,
          operationId: "listListVersions",
          summary: "The published versions of a list, newest first",
          params: CodeParams,
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.array(ListVersion) },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        return inTenantTx(services, req, (w) =>
          listVersions(w, decl, { unitId: req.query.unitId }),
        );
      },
    );

    app.post(
      "/api/registers/:code/versions",
      {
        config: { access: "record.write" },
        schema: {
          tags,
          operationId: "publishListVersion",
          summary: "Publish the list's current entries as a new version",
          params: CodeParams,
          body: PublishInput,
          response: { 201: ListVersion },
        },
      },
      async (req, reply) => {
        const decl = declOf(req.params.code);
        const v = await inTenantTx(services, req, (w) => publishVersion(w, decl, req.body));
        return reply.status(201).send(v);
      },
    );

    app.get(
      "/api/registers/:code/versions/:id",
      {
        config: { access: "record.read" },
        schema: {
          tags,
          operationId: "getListVersion",
          summary: "One published version with its entries",
          params: IdParams,
          response: { 200: ListVersionWithEntries },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        return inTenantTx(services, req, (w) => getVersion(w, decl, req.params.id));
      },
    );

    app.get(
      "/api/registers/:code/versions/:id/diff",
      {
        config: { access: "record.read" },
        schema: {
          tags,
          operationId: "diffListVersions",
          summary: "The change list from this version to another (or to the entries now)",
          params: IdParams,
          querystring: z.object({
            to: z
              .union([z.literal("current"), z.coerce.number().int().positive()])
              .default("current"),
          }),
          response: { 200: ListVersionDiff },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        return inTenantTx(services, req, (w) => diffVersions(w, decl, req.params.id, req.query.to));
      },
    );

    app.get(
      "/public/api/:region/lists/:code",
      {
        config: { access: "public" },
        schema: {
          operationId: "publicListOn",
          tags: ["public"],
          summary: "A published list as in force on a day (default: today)",
          params: z.object({
            region: z
              .string()
              .regex(/^[0-9]{6}$/, zt("应为六位行政区划代码", "a six-digit region code")),
            code: z.string().regex(/^[a-z0-9_]+$/),
          }),
          querystring: z.object({
            on: zOnDay.optional(),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
          }),
          response: { 200: PublicListOn },
        },
      },
      async (req) => {
        const decl = declOf(req.params.code);
        const on = req.query.on ?? toLocalDate(services.clock());
        return publicListOn(services.db.app, decl, req.params.region, on, {
          page: req.query.page,
          pageSize: 20,
        });
      },
    );
  };
