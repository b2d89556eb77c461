import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { declaredLabels } from "../../engines/declared-labels.ts";
import { ROLE_CODES } from "../../kernel/access.ts";
import {
  REGION_LEVEL_LABELS,
  ROLE_LABELS,
  SECURITY_EVENT_LABELS,
  UNIT_KIND_LABELS,
} from "../../kernel/labels.ts";
import type { Services } from "../context.ts";
import { Health, Labels } from "../wire.ts";

export const metaRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/health",
      {
        config: { access: "public" },
        schema: {
          operationId: "health",
          tags: ["meta"],
          summary: "Liveness and database reachability",
          response: { 200: Health },
        },
      },
      async () => {
        await sql`select 1`.execute(services.db.app);
        return { ok: true, time: services.clock().toISOString() };
      },
    );

    app.get(
      "/api/labels",
      {
        config: { access: "public" },
        schema: {
          operationId: "labels",
          tags: ["meta"],
          summary:
            "Labels (zh, en) of the stable codes: the platform's and every module's declarations (modules, case types, registers, indicators, settings)",
          response: { 200: Labels },
        },
      },
      async () => ({
        roles: Object.fromEntries(ROLE_CODES.map((r) => [r, ROLE_LABELS[r]])),
        unitKinds: UNIT_KIND_LABELS,
        regionLevels: REGION_LEVEL_LABELS,
        securityEvents: SECURITY_EVENT_LABELS,
        ...declaredLabels(services.registry),
      }),
    );
  };
