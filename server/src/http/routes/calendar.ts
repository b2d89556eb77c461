import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { deadlineChanges } from "../../engines/case/recompute.ts";
import { addPeriod, parseLocalDate, parsePeriod, toLocalDate } from "../../kernel/time/index.ts";
import { recordAudit } from "../../platform/audit/record.ts";
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
          summary: "Load a State Council holiday notice for a year",
          body: z.record(z.string(), z.unknown()),
          response: { 200: NoticeLoaded },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const now = services.clock();
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
        return { year: notice.year, document: notice.document, changedDeadlines: changes };
      },
    );
  };
