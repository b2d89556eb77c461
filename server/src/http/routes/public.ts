import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { zt } from "../../kernel/issue-text.ts";
import { loadOrCreateSigningKey } from "../../platform/crypto/keys.ts";
import type { Services } from "../context.ts";
import { Anchors, binary } from "../wire.ts";

/**
 * Published audit anchors (no login): anyone may keep copies, so that history cannot be
 * rewritten unseen even by whoever holds the database.
 */
export const publicRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/public/audit/anchors.json",
      {
        config: { access: "public" },
        schema: {
          operationId: "auditAnchors",
          tags: ["public"],
          summary: "Signed audit anchors of a region (SM2 over SM3), newest first",
          querystring: z.object({
            region: z
              .string()
              .regex(/^[0-9]{6}$/, zt("应为六位行政区划代码", "a six-digit region code")),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
          response: { 200: Anchors },
        },
      },
      async (req) => {
        const rows = await services.db.owner
          .selectFrom("audit_anchor")
          .select(["anchor_seq", "anchored_at", "payload", "digest", "signature"])
          .where("region_code", "=", req.query.region)
          .orderBy("anchor_seq", "desc")
          .limit(req.query.limit)
          .execute();
        return {
          region: req.query.region,
          algorithm: "SM2 signature with SM3 over the canonical JSON of the payload",
          anchors: rows.map((r) => ({
            payload: r.payload,
            digest: r.digest,
            signature: r.signature,
          })),
        };
      },
    );

    app.get(
      "/public/audit/signing-key.pem",
      {
        config: { access: "public" },
        schema: {
          operationId: "auditSigningKey",
          tags: ["public"],
          summary: "The SM2 public key that signs anchors",
          response: { 200: binary("application/x-pem-file", "The SM2 public key (PEM)") },
        },
      },
      async (_req, reply) => {
        const key = await loadOrCreateSigningKey(services.config.keyDir);
        return reply.type("application/x-pem-file").send(key.publicKeyPem);
      },
    );
  };
