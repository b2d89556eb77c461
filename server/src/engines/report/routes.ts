/**
 * The report engine over HTTP: a report's live preview with its checks, publishing
 * (freeze, then the case's `publish` step), the published reports (both versions, the
 * frozen figures), the "would differ today" check, .docx, and a city's roll-up of its
 * districts' figures. Other steps of a report's lifecycle (save_section, edit, secrecy
 * review) are the case engine's routes (`/api/cases/annual_report/:id/actions/:action`).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantReadTx, inTenantTx, requireActor, type Services } from "../../http/context.ts";
import { binary } from "../../http/wire.ts";
import { checksOff } from "../../kernel/access.ts";
import { zRegionCode } from "../../kernel/codes/region.ts";
import { NotFoundError, t, textOf } from "../../kernel/errors.ts";
import { toLocalDate, yearOf } from "../../kernel/time/index.ts";
import { type CaseDeps, type CaseView, caseEngine, separatedSteps } from "../case/index.ts";
import { type ReportVersion, renderReportDocx, reportDocument } from "./document.ts";
import { draftSections } from "./sections.ts";
import {
  checkPublication,
  listPublications,
  loadPublication,
  previewReport,
  publishReport,
  rollUp,
} from "./service.ts";
import { Publication, PublicationCheck, ReportList, ReportPreview, RollUp } from "./wire.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const Id = z.object({ id: z.coerce.number().int().positive() });
const PubParams = z.object({ region: zRegionCode, id: z.coerce.number().int().positive() });

export const reportRoutes = (services: Services, deps: CaseDeps): FastifyPluginAsyncZod => {
  const { registry } = services;
  const cases = caseEngine(deps);

  const regionName = async (db: Parameters<typeof listPublications>[0], code: string) =>
    (await db.selectFrom("region").select("name_zh").where("code", "=", code).executeTakeFirst())
      ?.name_zh ?? code;

  return async (app) => {
    app.get(
      "/api/reports",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "listReports",
          tags: ["reports"],
          summary: "Reports I may see (drafts and under review) and the published ones",
          response: { 200: ReportList },
        },
      },
      async (req) =>
        inTenantReadTx(services, req, async (w) => {
          const codes = registry.reports().map((r) => r.code);
          const rows = codes.length
            ? await w.trx
                .selectFrom("case_file")
                .select(["id", "region_code", "case_type", "state", "title", "fields"])
                .where("case_type", "in", codes)
                .orderBy("id", "desc")
                .execute()
            : [];
          const pubs = await listPublications(w.trx);
          return {
            reports: rows.map((r) => ({
              id: r.id,
              region: r.region_code,
              year: (r.fields as { year: number }).year,
              template: r.case_type,
              state: r.state,
              title: r.title,
            })),
            publications: pubs.map((p) => ({
              id: p.id,
              region: p.region_code,
              caseId: p.case_id,
              template: p.template,
              year: p.year,
              title: p.title,
              fingerprint: p.fingerprint,
              publishedOn: dateText(p.published_on),
            })),
          };
        }),
    );

    app.get(
      "/api/reports/:id/preview",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "previewReport",
          tags: ["reports"],
          summary:
            "A report with its figures computed now (each linking to its records) and the writer's checks",
          params: Id,
          response: { 200: ReportPreview },
        },
      },
      async (req) =>
        inTenantReadTx(services, req, async (w) => {
          const c = await previewReport(registry, w.trx, req.params.id);
          const decl = registry.caseType(c.view.caseType);
          const refused = decl
            ? await separatedSteps(w.trx, decl, c.view as unknown as CaseView, w.actor.userId)
            : [];
          return {
            id: c.view.id,
            region: c.region,
            year: c.year,
            template: c.template,
            state: c.view.state,
            version: c.view.version,
            draft: c.draft,
            blocks: c.blocks,
            figures: c.figures,
            checks: c.checks,
            sections: draftSections(c.draft),
            placeholders: Object.entries(registry.report(c.template)?.figures ?? {}).map(
              ([key, f]) => ({
                key,
                label: registry.indicator(f.indicator)?.label ?? { zh: key, en: key },
              }),
            ),
            refused: refused.map((r) => ({ action: r.action, message: textOf(r.message) })),
          };
        }),
    );

    app.get(
      "/api/reports/:id/report.docx",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "reportDraftDocx",
          tags: ["reports"],
          summary: "The draft as an official document (.docx, GB/T 9704), figures as of now",
          params: Id,
          querystring: z.object({ version: z.enum(["upward", "public"]).default("upward") }),
          response: { 200: binary(DOCX, "The report (.docx)") },
        },
      },
      async (req, reply) => {
        const bytes = await inTenantReadTx(services, req, async (w) => {
          const c = await previewReport(registry, w.trx, req.params.id);
          const template = registry.report(c.template)!;
          const paragraphs = c.blocks.map((b) => ({
            kind: b.kind,
            level: b.level,
            text: b.parts.map((p) => p.text).join(""),
          }));
          return renderReportDocx(
            reportDocument(
              template,
              await regionName(w.trx, c.region),
              c.draft,
              paragraphs,
              req.query.version,
            ),
          );
        });
        return reply
          .type(DOCX)
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent("年度报告（草稿）.docx")}`,
          )
          .send(bytes);
      },
    );

    app.post(
      "/api/reports/:id/publish",
      {
        config: { access: "region.oversee" },
        schema: {
          operationId: "publishReport",
          tags: ["reports"],
          summary:
            "Publish: freeze figures, records and fingerprint, submit upward and put the public version on the portal",
          params: Id,
          body: z.object({ version: z.number().int().positive(), onDate: z.string().optional() }),
          response: { 201: Publication },
        },
      },
      async (req, reply) => {
        const row = await inTenantTx(services, req, (w) =>
          publishReport(registry, cases, w, req.params.id, req.body),
        );
        return reply.code(201).send(publicationOut(row, "upward"));
      },
    );

    app.get(
      "/api/reports/published/:region/:id",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "publishedReport",
          tags: ["reports"],
          summary: "A published report as frozen (the version submitted upward, or the public one)",
          params: PubParams,
          querystring: z.object({ version: z.enum(["upward", "public"]).default("upward") }),
          response: { 200: Publication },
        },
      },
      async (req) =>
        inTenantReadTx(services, req, async (w) =>
          publicationOut(
            await loadPublication(w.trx, req.params.region, req.params.id),
            req.query.version,
          ),
        ),
    );

    app.get(
      "/api/reports/published/:region/:id/check",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "checkPublishedReport",
          tags: ["reports"],
          summary: "Which published figures would differ today (the publication never changes)",
          params: PubParams,
          response: { 200: PublicationCheck },
        },
      },
      async (req) =>
        inTenantReadTx(services, req, async (w) => {
          const c = await checkPublication(registry, w.trx, req.params.region, req.params.id);
          return { ...c, unchanged: c.fingerprint === c.todayFingerprint };
        }),
    );

    app.get(
      "/api/reports/published/:region/:id/report.docx",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "publishedReportDocx",
          tags: ["reports"],
          summary: "A published report as an official document (.docx, GB/T 9704)",
          params: PubParams,
          querystring: z.object({ version: z.enum(["upward", "public"]).default("upward") }),
          response: { 200: binary(DOCX, "The report (.docx)") },
        },
      },
      async (req, reply) => {
        const bytes = await inTenantReadTx(services, req, async (w) => {
          const p = await loadPublication(w.trx, req.params.region, req.params.id);
          const template = registry.report(p.template);
          if (!template)
            throw new NotFoundError(t("报告模板已不存在", `no template ${p.template}`));
          const body = req.query.version === "public" ? p.public_body : p.upward;
          return renderReportDocx(
            reportDocument(
              template,
              await regionName(w.trx, p.region_code),
              body.draft,
              body.paragraphs,
              req.query.version,
            ),
          );
        });
        return reply
          .type(DOCX)
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent("年度报告.docx")}`,
          )
          .send(bytes);
      },
    );

    app.get(
      "/api/reports/rollup",
      {
        config: { access: "region.oversee" },
        schema: {
          operationId: "reportRollUp",
          tags: ["reports"],
          summary:
            "A city's districts' report figures side by side, with the city's own (records together)",
          querystring: z.object({
            region: zRegionCode.optional(),
            year: z.coerce.number().int().min(1000).max(9999).optional(),
            template: z.string().default("annual_report"),
          }),
          response: { 200: RollUp },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const region = req.query.region ?? actor.regionCode;
        if (!actor.regions.includes(region) && !checksOff(actor))
          throw new NotFoundError(t("没有这个地区，或不在您的管辖范围内", `no region ${region}`));
        const template = registry.report(req.query.template);
        if (!template)
          throw new NotFoundError(t("没有这个报告模板", `no template ${req.query.template}`));
        const year = req.query.year ?? yearOf(toLocalDate(services.clock())) - 1;
        return inTenantReadTx(services, req, async (w) => {
          const r = await rollUp(registry, w.trx, { region, year, template });
          return {
            region,
            year,
            indicators: r.indicators.map((id) => {
              const d = registry.indicator(id)!;
              return { id, label: d.label, unit: d.unit };
            }),
            columns: r.columns,
          };
        });
      },
    );
  };
};

function publicationOut(
  p: Awaited<ReturnType<typeof loadPublication>>,
  version: ReportVersion,
): z.infer<typeof Publication> {
  const body = version === "public" ? p.public_body : p.upward;
  return {
    id: Number(p.id),
    region: p.region_code,
    caseId: Number(p.case_id),
    template: p.template,
    year: p.year,
    title: p.title,
    fingerprint: p.fingerprint,
    publishedOn: dateText(p.published_on),
    paragraphs: body.paragraphs,
    draft: body.draft as z.infer<typeof Publication>["draft"],
    figures: p.figures,
    records: Object.fromEntries(Object.entries(p.drill).map(([k, v]) => [k, v.length])),
  };
}

/** A date column as YYYY-MM-DD (whether the driver gives a string or a Date). */
function dateText(v: unknown): string {
  return v instanceof Date ? toLocalDate(v) : String(v).slice(0, 10);
}
