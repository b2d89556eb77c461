import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { deadlineChanges } from "../../engines/case/recompute.ts";
import { ForbiddenError, t } from "../../kernel/errors.ts";
import { addPeriod, parseLocalDate, parsePeriod, toLocalDate } from "../../kernel/time/index.ts";
import { recordAudit } from "../../platform/audit/record.ts";
import { logSecurityEvent } from "../../platform/auth/security-log.ts";
import { forgetCalendar, legalCalendar, storeNotice } from "../../platform/calendar.ts";
import { clientIp, requireActor, type Services } from "../context.ts";
import { DueDate, NoticeLoaded } from "../wire.ts";

export const calendarRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/calendar/deadline",
      {
        config: { access: "authenticated" },
        schema: {
          operationId: "deadline",
          tags: ["calendar"],
          summary: "Due date of a legal period (the trigger day not counted)",
          querystring: z.object({
            start: z.string().describe("the trigger day, YYYY-MM-DD"),
            period: z.string().describe("e.g. 15wd (working days), 60d, 3m, 24h"),
          }),
          response: { 200: DueDate },
        },
      },
      async (req) => {
        const start = parseLocalDate(req.query.start, "start");
        const period = parsePeriod(req.query.period, "period");
        const cal = await legalCalendar(services.db.app, services.clock().getTime());
        return addPeriod(cal, start, period);
      },
    );

    app.post(
      "/api/calendar/notices",
      {
        config: { access: "system.configure" },
        schema: {
          operationId: "loadHolidayNotice",
          tags: ["calendar"],
          summary:
            "Load a State Council holiday notice for a year (the system administrator of the installation's top region)",
          body: z.record(z.string(), z.unknown()),
          response: { 200: NoticeLoaded },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const now = services.clock();
        // The holiday calendar is national (国务院办公厅 notices; 民法典 第二百零三条 on a
        // period's last day being a holiday): one calendar for every region of the
        // installation. A district's administrator configures its district; only the
        // administrator of the top of the installation's region tree (no parent region)
        // — or the operator on the server (`fazhi calendar load`) — changes it (issue 8).
        const region = await services.db.app
          .selectFrom("region")
          .select("parent_code")
          .where("code", "=", a.regionCode)
          .executeTakeFirst();
        if (!region || region.parent_code !== null) {
          await logSecurityEvent(services.db.app, now, {
            kind: "access_denied",
            userId: a.userId,
            username: a.username,
            regionCode: a.regionCode,
            ip: clientIp(req),
            detail: { method: req.method, url: req.url, access: "calendar.national" },
          });
          throw new ForbiddenError(
            t(
              "全国节假日安排只能由最高层级地区的系统管理员或在服务器上用命令行加载",
              "the national holiday calendar is loaded only by the system administrator of the top region, or on the server (fazhi calendar load)",
            ),
          );
        }
        const r = await services.db.owner.transaction().execute(async (trx) => {
          const stored = await storeNotice(trx, req.body, a.username);
          await recordAudit(
            trx,
            { actor: a, ip: clientIp(req), now },
            {
              regionCode: a.regionCode,
              action: "calendar.notice_load",
              entityType: "calendar_notice",
              entityId: stored.notice.year,
              after: stored.notice,
            },
          );
          return stored;
        });
        forgetCalendar();
        const changes = await deadlineChanges(
          services.registry,
          services.db.owner,
          r.before,
          r.after,
          toLocalDate(now),
        );
        const notice = r.notice;
        // Counts only, per region the caller administers: the administrator has no
        // business access, so no case titles or party names (issue 8).
        const byRegion = new Map<string, number>();
        for (const c of changes) {
          if (!a.regions.includes(c.regionCode)) continue;
          byRegion.set(c.regionCode, (byRegion.get(c.regionCode) ?? 0) + 1);
        }
        return {
          year: notice.year,
          document: notice.document,
          changedDeadlines: {
            total: [...byRegion.values()].reduce((x, y) => x + y, 0),
            byRegion: [...byRegion.entries()]
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([regionCode, count]) => ({ regionCode, count })),
          },
        };
      },
    );
  };
