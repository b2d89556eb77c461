/**
 * The role homes and the per-unit comparison tables over HTTP (docs/dashboards.md):
 * `GET /api/dashboard`, `GET /api/indicators/:id/by-unit` and its `.xlsx`. Registered
 * by routes.ts, whose scope rules they share: a region outside the actor's is 404, and
 * queries run in `inTenantReadTx` (row-level security). On top of that, a unit's user
 * (scope "unit") sees its own unit's figures only: the unit filter is set to its unit,
 * and asking for another unit is answered 404, as a unit that is not there.
 */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantReadTx, requireActor, type Services } from "../../http/context.ts";
import { binary } from "../../http/wire.ts";
import { zRegionCode } from "../../kernel/codes/region.ts";
import { ConflictError, NotFoundError, t } from "../../kernel/errors.ts";
import { attachmentName, XLSX_MIME } from "../../platform/files/table-xlsx.ts";
import type { WorkTx } from "../../platform/work.ts";
import { byUnitRows, byUnitXlsx } from "./by-unit-table.ts";
import { checkDashboard, dashboardFigures, districtFigures } from "./dashboard.ts";
import { evaluateResolved, type IndicatorRequest, type ResolvedRequest } from "./engine.ts";
import { ByUnitAnswer, Dashboard } from "./wire.ts";

/** What routes.ts lends: its request scoping (region, period, the actor's regions). */
export interface ScopeHelpers {
  requestOf(
    req: FastifyRequest,
    query: { region?: string; year?: number; from?: string; to?: string; unitId?: number },
  ): IndicatorRequest;
  resolve(trx: WorkTx["trx"], req: FastifyRequest, r: IndicatorRequest): Promise<ResolvedRequest>;
  scopeOut(
    s: ResolvedRequest,
  ): Omit<z.infer<typeof Dashboard>, "role" | "previousYear" | "areas" | "districts">;
}

const YearQuery = z.object({
  region: zRegionCode
    .optional()
    .describe("a district, or a city (with its districts); default: my region"),
  year: z.coerce
    .number()
    .int()
    .min(1000)
    .max(9999)
    .optional()
    .describe("a calendar year; default: this year"),
});

/** A unit's user: its own unit, whatever it asked; another unit is not there. */
function ownUnit(req: FastifyRequest, unitId: number | undefined): number | undefined {
  const actor = requireActor(req);
  if (actor.scope !== "unit") return unitId;
  if (unitId !== undefined && unitId !== actor.unitId) {
    throw new NotFoundError(t("该地区没有这个单位", `no unit ${unitId}`));
  }
  return actor.unitId;
}

export const dashboardRoutes =
  (services: Services, h: ScopeHelpers): FastifyPluginAsyncZod =>
  async (app) => {
    checkDashboard(services.registry);

    app.get(
      "/api/dashboard",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "dashboard",
          tags: ["indicators"],
          summary:
            "My home's figures: my scope's indicators by area, this year and the year before (a city: per district too)",
          querystring: YearQuery,
          response: { 200: Dashboard },
        },
      },
      async (req) => {
        const r = h.requestOf(req, req.query);
        r.unitId = ownUnit(req, undefined);
        return inTenantReadTx(services, req, async (tx) => {
          const scope = await h.resolve(tx.trx, req, r);
          const areas = await dashboardFigures(services.registry, tx.trx, scope);
          const city = scope.unitId === undefined && scope.regions.length > 1;
          return {
            ...h.scopeOut(scope),
            role: scope.unitId !== undefined ? "unit" : city ? "city" : "region",
            previousYear: scope.year - 1,
            areas,
            districts: city ? await districtFigures(services.registry, tx.trx, scope) : null,
          } as const;
        });
      },
    );

    const ByUnitQuery = YearQuery.extend({
      unitId: z.coerce.number().int().positive().optional().describe("only this unit"),
    });
    const table = async (
      req: FastifyRequest<{ Params: { id: string } }>,
      q: z.infer<typeof ByUnitQuery>,
    ) => {
      const decl = services.registry.indicator(req.params.id);
      if (!decl) throw new NotFoundError(t("没有这个指标", `no indicator ${req.params.id}`));
      const r = h.requestOf(req, q);
      r.unitId = ownUnit(req, q.unitId);
      return inTenantReadTx(services, req, async (tx) => {
        const scope = await h.resolve(tx.trx, req, r);
        const [value] = await evaluateResolved(services.registry, tx.trx, scope, [decl]);
        const rows = await byUnitRows(services.registry, tx.trx, scope, decl);
        return { decl, scope, value: value!, ...rows };
      });
    };

    app.get(
      "/api/indicators/:id/by-unit",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "indicatorByUnit",
          tags: ["indicators"],
          summary:
            "A figure per unit of the region (which unit is late, which is on time), as I may see it",
          params: z.object({ id: z.string() }),
          querystring: ByUnitQuery,
          response: { 200: ByUnitAnswer },
        },
      },
      async (req) => {
        const x = await table(req, req.query);
        return {
          ...x.value,
          ...h.scopeOut(x.scope),
          groupable: x.groupable,
          kind: x.kind,
          reason: x.reason,
          rows: x.rows,
        };
      },
    );

    app.get(
      "/api/indicators/:id/by-unit.xlsx",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "exportIndicatorByUnit",
          tags: ["indicators"],
          summary: "The per-unit table of a figure as an .xlsx file",
          params: z.object({ id: z.string() }),
          querystring: ByUnitQuery,
          response: { 200: binary(XLSX_MIME, "The figure per unit (.xlsx)") },
        },
      },
      async (req, reply) => {
        const x = await table(req, req.query);
        if (!x.groupable) throw new ConflictError(x.reason!);
        const file = await byUnitXlsx(services.registry, x.decl, x.scope, x.kind!, x.rows);
        return reply
          .header("content-type", XLSX_MIME)
          .header(
            "content-disposition",
            attachmentName(
              `by-unit-${x.decl.id}-${x.scope.year}.xlsx`,
              `${x.decl.label.zh}-分单位-${x.scope.year}.xlsx`,
            ),
          )
          .send(file);
      },
    );
  };
