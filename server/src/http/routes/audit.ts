import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { SECURITY_EVENT_LABELS } from "../../kernel/labels.ts";
import { addDays, type LocalDate, startOfLocalDay, toLocalDate } from "../../kernel/time/index.ts";
import { attachmentName, tableXlsx, XLSX_MIME } from "../../platform/files/table-xlsx.ts";
import { inTenantTx, requireActor, type Services } from "../context.ts";
import { AuditEventPage, AuditFilterOptions, binary, SecurityEventPage } from "../wire.ts";
import { auditChanges } from "./audit-changes.ts";
import { auditActionLabel, auditActionOptions } from "./audit-labels.ts";

/** Events per page by default; an export takes every matching event up to EXPORT_MAX. */
const PAGE = 50;
const EXPORT_MAX = 100_000;

const Day = z.iso.date();

/** The audit trail's filters (the list and its export). */
const AuditFilter = z.object({
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  action: z
    .string()
    .optional()
    .describe("an action code, or its prefix up to a dot (case.penalty_general)"),
  actorUserId: z.coerce.number().int().optional(),
  actor: z.string().max(50).optional().describe("part of the actor's name"),
  unitId: z.coerce.number().int().optional().describe("the actor's unit"),
  from: Day.optional().describe("first day (Asia/Shanghai)"),
  to: Day.optional().describe("last day (Asia/Shanghai)"),
});
const Paging = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(PAGE),
});
const SecurityFilter = z.object({
  kind: z.string().optional(),
  username: z.string().max(100).optional().describe("part of the user name"),
  from: Day.optional(),
  to: Day.optional(),
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The dates of a filter as instants: [from 00:00, the day after `to` 00:00). */
function dayRange(from?: string, to?: string): { since?: Date; until?: Date } {
  return {
    ...(from ? { since: startOfLocalDay(from as LocalDate) } : {}),
    ...(to ? { until: startOfLocalDay(addDays(to as LocalDate, 1)) } : {}),
  };
}

const shanghai = (d: Date) =>
  `${toLocalDate(d)} ${new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(d)}`;

function sendXlsx(reply: FastifyReply, file: Buffer, ascii: string, zh: string, day: string) {
  return reply
    .header("content-type", XLSX_MIME)
    .header("content-disposition", attachmentName(`${ascii}-${day}.xlsx`, `${zh}-${day}.xlsx`))
    .send(file);
}

/** The audit trail and the security log, for the audit administrator. */
export const auditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const label = (action: string) => auditActionLabel(services.registry, action);

    const auditQuery = (trx: Kysely<DB>, f: z.infer<typeof AuditFilter>) => {
      let q = trx.selectFrom("audit_event");
      if (f.entityType) q = q.where("entity_type", "=", f.entityType);
      if (f.entityId) q = q.where("entity_id", "=", f.entityId);
      if (f.action) {
        const action = f.action;
        q = q.where((eb) =>
          eb.or([eb("action", "=", action), eb("action", "like", `${escapeLike(action)}.%`)]),
        );
      }
      if (f.actorUserId) q = q.where("actor_user_id", "=", f.actorUserId);
      if (f.actor) q = q.where("actor_name", "ilike", `%${escapeLike(f.actor.trim())}%`);
      if (f.unitId) q = q.where("actor_unit_id", "=", f.unitId);
      const { since, until } = dayRange(f.from, f.to);
      if (since) q = q.where("occurred_at", ">=", since);
      if (until) q = q.where("occurred_at", "<", until);
      return q;
    };

    app.get(
      "/api/audit/events",
      {
        config: { access: "audit.read" },
        schema: {
          operationId: "listAuditEvents",
          tags: ["audit"],
          summary: "Audit events of my regions, newest first, a page at a time",
          querystring: AuditFilter.extend(Paging.shape),
          response: { 200: AuditEventPage },
        },
      },
      async (req) =>
        inTenantTx(services, req, async ({ trx }) => {
          const q = auditQuery(trx, req.query);
          const [{ n }] = (await q.select((eb) => eb.fn.countAll<string>().as("n")).execute()) as [
            { n: string },
          ];
          const rows = await q
            .selectAll()
            .orderBy("occurred_at", "desc")
            .orderBy("seq", "desc")
            .offset(req.query.offset)
            .limit(req.query.limit)
            .execute();
          return {
            total: Number(n),
            items: rows.map((e) => ({
              regionCode: e.region_code,
              chainKey: e.chain_key,
              seq: e.seq,
              occurredAt: e.occurred_at.toISOString(),
              actorUserId: e.actor_user_id,
              actorUnitId: e.actor_unit_id,
              actorName: e.actor_name,
              ip: e.ip,
              action: e.action,
              actionLabel: label(e.action),
              changes: auditChanges(services.registry, e.action, e.before, e.after),
              entityType: e.entity_type,
              entityId: e.entity_id,
              before: e.before,
              after: e.after,
              reason: e.reason,
              hash: e.hash,
            })),
          };
        }),
    );

    app.get(
      "/api/audit/actions",
      {
        config: { access: "audit.read" },
        schema: {
          operationId: "listAuditActions",
          tags: ["audit"],
          summary: "The actions the audit trail may be filtered by, labelled",
          response: { 200: AuditFilterOptions },
        },
      },
      async () => auditActionOptions(services.registry),
    );

    app.get(
      "/api/audit/events/export.xlsx",
      {
        config: { access: "audit.read" },
        schema: {
          operationId: "exportAuditEvents",
          tags: ["audit"],
          summary: "The audit events matching the filters as an .xlsx file",
          querystring: AuditFilter,
          response: { 200: binary(XLSX_MIME, "The audit events (.xlsx)") },
        },
      },
      async (req, reply) => {
        const rows = await inTenantTx(services, req, ({ trx }) =>
          auditQuery(trx, req.query)
            .selectAll()
            .orderBy("occurred_at", "desc")
            .orderBy("seq", "desc")
            .limit(EXPORT_MAX)
            .execute(),
        );
        const file = await tableXlsx(
          "审计记录",
          [
            { header: "时间", width: 20, value: (e) => shanghai(e.occurred_at) },
            { header: "操作人", value: (e) => e.actor_name ?? "系统" },
            { header: "操作", width: 36, value: (e) => label(e.action).zh },
            { header: "对象", value: (e) => e.entity_type },
            { header: "对象编号", value: (e) => e.entity_id },
            { header: "理由", width: 30, value: (e) => e.reason },
            { header: "IP 地址", value: (e) => e.ip },
            {
              header: "变更内容",
              width: 60,
              value: (e) =>
                auditChanges(services.registry, e.action, e.before, e.after)
                  .map(
                    (c) =>
                      `${c.label.zh}：${c.before?.zh ?? "（空）"} → ${c.after?.zh ?? "（空）"}`,
                  )
                  .join("\n"),
            },
            {
              header: "修改前",
              width: 40,
              value: (e) => (e.before ? JSON.stringify(e.before) : ""),
            },
            { header: "修改后", width: 40, value: (e) => (e.after ? JSON.stringify(e.after) : "") },
            { header: "哈希", width: 30, value: (e) => `${e.chain_key} #${e.seq} ${e.hash}` },
          ],
          rows,
        );
        return sendXlsx(reply, file, "audit", "审计记录", toLocalDate(services.clock()));
      },
    );

    const securityQuery = (a: { regions: string[] }, f: z.infer<typeof SecurityFilter>) => {
      let q = services.db.app
        .selectFrom("security_event")
        .where((eb) => eb.or([eb("region_code", "in", a.regions), eb("region_code", "is", null)]));
      if (f.kind) q = q.where("kind", "=", f.kind);
      if (f.username) q = q.where("username", "ilike", `%${escapeLike(f.username.trim())}%`);
      const { since, until } = dayRange(f.from, f.to);
      if (since) q = q.where("occurred_at", ">=", since);
      if (until) q = q.where("occurred_at", "<", until);
      return q;
    };

    app.get(
      "/api/security-events",
      {
        config: { access: "security_log.read" },
        schema: {
          operationId: "listSecurityEvents",
          tags: ["audit"],
          summary: "The security log of my regions, newest first, a page at a time",
          querystring: SecurityFilter.extend(Paging.shape),
          response: { 200: SecurityEventPage },
        },
      },
      async (req) => {
        const q = securityQuery(requireActor(req), req.query);
        const [{ n }] = (await q.select((eb) => eb.fn.countAll<string>().as("n")).execute()) as [
          { n: string },
        ];
        const rows = await q
          .selectAll()
          .orderBy("id", "desc")
          .offset(req.query.offset)
          .limit(req.query.limit)
          .execute();
        return {
          total: Number(n),
          items: rows.map((e) => ({
            id: e.id,
            occurredAt: e.occurred_at.toISOString(),
            kind: e.kind,
            username: e.username,
            userId: e.user_id,
            regionCode: e.region_code,
            ip: e.ip,
            detail: e.detail,
          })),
        };
      },
    );

    app.get(
      "/api/security-events/export.xlsx",
      {
        config: { access: "security_log.read" },
        schema: {
          operationId: "exportSecurityEvents",
          tags: ["audit"],
          summary: "The security events matching the filters as an .xlsx file",
          querystring: SecurityFilter,
          response: { 200: binary(XLSX_MIME, "The security events (.xlsx)") },
        },
      },
      async (req, reply) => {
        const rows = await securityQuery(requireActor(req), req.query)
          .selectAll()
          .orderBy("id", "desc")
          .limit(EXPORT_MAX)
          .execute();
        const kinds = SECURITY_EVENT_LABELS;
        const file = await tableXlsx(
          "安全日志",
          [
            { header: "时间", width: 20, value: (e) => shanghai(e.occurred_at) },
            { header: "事件", width: 20, value: (e) => kinds[e.kind]?.zh ?? e.kind },
            { header: "用户名", value: (e) => e.username },
            { header: "IP 地址", value: (e) => e.ip },
            { header: "详情", width: 50, value: (e) => (e.detail ? JSON.stringify(e.detail) : "") },
          ],
          rows,
        );
        return sendXlsx(reply, file, "security-log", "安全日志", toLocalDate(services.clock()));
      },
    );
  };
