import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, type Services } from "../../http/context.ts";
import { binary } from "../../http/wire.ts";
import type { CaseDeps } from "./deps.ts";
import { caseDossier } from "./dossier.ts";

const Params = z.object({
  type: z.string().regex(/^[a-z0-9_]+$/),
  id: z.coerce.number().int().positive(),
});

/** `GET /api/cases/:type/:id/dossier.zip`: the case's dossier (engines/case/dossier.ts). */
export const dossierRoutes =
  (services: Services, deps: CaseDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/cases/:type/:id/dossier.zip",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "caseDossier",
          summary:
            "The case's dossier: every step's record, its documents and attachments, with an index (.zip)",
          params: Params,
          response: { 200: binary("application/zip", "The dossier (.zip)") },
        },
      },
      async (req, reply) => {
        const f = await inTenantTx(services, req, (w) =>
          caseDossier(deps, w, req.params.type, req.params.id),
        );
        return reply
          .type("application/zip")
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
          )
          .send(Buffer.from(f.bytes));
      },
    );
  };
