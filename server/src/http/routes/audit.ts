import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, requireActor, type Services } from "../context.ts";
import { AuditEvent, SecurityEvent } from "../wire.ts";

/** The audit trail and the security log, for the audit administrator. */
export const auditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/audit/events",
      {
        config: { access: "audit.read" },
        schema: {
          operationId: "listAuditEvents",
          tags: ["audit"],
          summary: "Audit events of my regions, newest first",
          querystring: z.object({
            entityType: z.string().optional(),
            entityId: z.string().optional(),
            action: z.string().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            before: z.iso.datetime().optional(),
          }),
          response: { 200: z.array(AuditEvent) },
        },
      },
      async (req) =>
        inTenantTx(services, req, async ({ trx }) => {
          let q = trx.selectFrom("audit_event").selectAll();
          const { entityType, entityId, action, limit, before } = req.query;
          if (entityType) q = q.where("entity_type", "=", entityType);
          if (entityId) q = q.where("entity_id", "=", entityId);
          if (action) q = q.where("action", "=", action);
          if (before) q = q.where("occurred_at", "<", new Date(before));
          const rows = await q
            .orderBy("occurred_at", "desc")
            .orderBy("seq", "desc")
            .limit(limit)
            .execute();
          return rows.map((e) => ({
            regionCode: e.region_code,
            chainKey: e.chain_key,
            seq: e.seq,
            occurredAt: e.occurred_at.toISOString(),
            actorUserId: e.actor_user_id,
            actorUnitId: e.actor_unit_id,
            actorName: e.actor_name,
            ip: e.ip,
            action: e.action,
            entityType: e.entity_type,
            entityId: e.entity_id,
            before: e.before,
            after: e.after,
            reason: e.reason,
            hash: e.hash,
          }));
        }),
    );

    app.get(
      "/api/security-events",
      {
        config: { access: "security_log.read" },
        schema: {
          operationId: "listSecurityEvents",
          tags: ["audit"],
          summary: "The security log of my regions, newest first",
          querystring: z.object({
            kind: z.string().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.array(SecurityEvent) },
        },
      },
      async (req) => {
        const a = requireActor(req);
        let q = services.db.app
          .selectFrom("security_event")
          .selectAll()
          .where((eb) =>
            eb.or([eb("region_code", "in", a.regions), eb("region_code", "is", null)]),
          );
        if (req.query.kind) q = q.where("kind", "=", req.query.kind);
        const rows = await q.orderBy("id", "desc").limit(req.query.limit).execute();
        return rows.map((e) => ({
          id: e.id,
          occurredAt: e.occurred_at.toISOString(),
          kind: e.kind,
          username: e.username,
          userId: e.user_id,
          regionCode: e.region_code,
          ip: e.ip,
          detail: e.detail,
        }));
      },
    );
  };
