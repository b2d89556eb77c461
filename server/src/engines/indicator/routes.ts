/**
 * The indicators over HTTP: the declared figures, their values for a region and a
 * period, and the records behind each. Queries run inside `inTenantReadTx` (on the read
 * replica when DATABASE_READ_URL is set, else on the primary), so row-level security
 * applies: a figure counts what the viewer may see (a unit's user: its own
 * unit's records; a rule-of-law office: its region's; a city office: its districts').
 * The annual report is computed as a region-scoped actor.
 */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantReadTx, requireActor, type Services } from "../../http/context.ts";
import { checksOff } from "../../kernel/access.ts";
import { zRegionCode } from "../../kernel/codes/region.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { toLocalDate, yearOf } from "../../kernel/time/index.ts";
import { dashboardRoutes } from "./dashboard-routes.ts";
import {
  drillResolved,
  evaluateResolved,
  type IndicatorRequest,
  type ResolvedRequest,
  resolveRequest,
  selectIndicators,
} from "./engine.ts";
import { checkIndicators, drillLink, fullDefinition, SCOPE_NOTE } from "./values.ts";
import { DrillAnswer, IndicatorList, IndicatorValues } from "./wire.ts";

const ScopeQuery = z.object({
  region: zRegionCode
    .optional()
    .describe("a district, or a city (with its districts); default: my region"),
  year: z.coerce
    .number()
    .int()
    .min(1000)
    .max(9999)
    .optional()
    .describe("a calendar year; default: this year (unless from/to)"),
  from: z.string().optional().describe("first day, YYYY-MM-DD (with to)"),
  to: z.string().optional().describe("last day, YYYY-MM-DD (with from)"),
  unitId: z.coerce.number().int().positive().optional().describe("only this unit's records"),
});

function scopeOut(s: ResolvedRequest) {
  return {
    region: s.region,
    regions: s.regions,
    from: s.from,
    to: s.to,
    year: s.year,
    unitId: s.unitId ?? null,
    scopeNote: SCOPE_NOTE,
  };
}

export const indicatorRoutes = (services: Services): FastifyPluginAsyncZod => {
  // A declaration error (a ratio of an undeclared indicator, a cycle) stops the start.
  checkIndicators(services.registry.indicators());

  /** The request's scope; a region outside the actor's is as absent as a region that is not. */
  const requestOf = (req: FastifyRequest, query: z.infer<typeof ScopeQuery>): IndicatorRequest => {
    const actor = requireActor(req);
    const region = query.region ?? actor.regionCode;
    if (!actor.regions.includes(region) && !checksOff(actor))
      throw new NotFoundError(t("没有这个地区，或不在您的管辖范围内", `no region ${region}`));
    const explicit = query.year !== undefined || query.from !== undefined || query.to !== undefined;
    return {
      region,
      year: explicit ? query.year : yearOf(toLocalDate(services.clock())),
      from: query.from,
      to: query.to,
      unitId: query.unitId,
    };
  };

  /** Resolve inside the transaction; never reach past the actor's regions. */
  const resolve = async (
    trx: Parameters<typeof resolveRequest>[0],
    req: FastifyRequest,
    r: IndicatorRequest,
  ) => {
    const scope = await resolveRequest(trx, r);
    const actor = requireActor(req);
    if (checksOff(actor)) return scope;
    return { ...scope, regions: scope.regions.filter((c) => actor.regions.includes(c)) };
  };

  return async (app) => {
    // The role homes and the per-unit tables (dashboard-routes.ts), on the same scoping.
    await app.register(dashboardRoutes(services, { requestOf, resolve, scopeOut }));

    app.get(
      "/api/indicators",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "listIndicators",
          tags: ["indicators"],
          summary: "The declared indicators (every figure of the report), with their definitions",
          response: { 200: IndicatorList },
        },
      },
      async () => ({
        scopeNote: SCOPE_NOTE,
        indicators: services.registry.indicators().map((d) => ({
          id: d.id,
          module: d.module,
          label: d.label,
          unit: d.unit,
          decimals: d.decimals ?? 2,
          definition: fullDefinition(d),
          dependsOn: [...(d.dependsOn ?? [])],
        })),
      }),
    );

    app.get(
      "/api/indicators/values",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "indicatorValues",
          tags: ["indicators"],
          summary: "Figures for a region, a period and optionally a unit, as I may see them",
          querystring: ScopeQuery.extend({
            ids: z.string().optional().describe("indicator ids, comma-separated; default: all"),
          }),
          response: { 200: IndicatorValues },
        },
      },
      async (req) => {
        const r = requestOf(req, req.query);
        const ids = req.query.ids
          ?.split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const decls = selectIndicators(services.registry, ids);
        return inTenantReadTx(services, req, async (tx) => {
          const scope = await resolve(tx.trx, req, r);
          const values = await evaluateResolved(services.registry, tx.trx, scope, decls);
          return { ...scopeOut(scope), values };
        });
      },
    );

    app.get(
      "/api/indicators/:id/drill",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "drillIndicator",
          tags: ["indicators"],
          summary: "The records behind a figure, with links to them",
          params: z.object({ id: z.string() }),
          querystring: ScopeQuery.extend({
            limit: z.coerce.number().int().min(1).max(5000).default(500),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: DrillAnswer },
        },
      },
      async (req) => {
        if (!services.registry.indicator(req.params.id)) {
          throw new NotFoundError(t("没有这个指标", `no indicator ${req.params.id}`));
        }
        const r = requestOf(req, req.query);
        return inTenantReadTx(services, req, async (tx) => {
          const scope = await resolve(tx.trx, req, r);
          const { value, rows } = await drillResolved(
            services.registry,
            tx.trx,
            scope,
            req.params.id,
          );
          const { offset, limit } = req.query;
          return {
            ...value,
            ...scopeOut(scope),
            total: rows.length,
            offset,
            limit,
            rows: rows
              .slice(offset, offset + limit)
              .map((row) => ({ ...row, link: drillLink(row) })),
          };
        });
      },
    );
  };
};
