import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { inTenantTx, type Services } from "../../http/context.ts";
import type { CaseDeps } from "./deps.ts";
import { WorkPage } from "./wire.ts";
import { workQueue } from "./work.ts";

/** GET /api/work: my work queue across every case type (engines/case/work.ts). */
export const workRoutes =
  (services: Services, deps: CaseDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/work",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "myWork",
          summary:
            "The open cases where I can take a step now (my duty), with the step and what is due by when",
          response: { 200: WorkPage },
        },
      },
      async (req) => inTenantTx(services, req, (w) => workQueue(deps, w)),
    );
  };
