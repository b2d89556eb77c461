import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addPeriod, parseLocalDate, parsePeriod } from "../../kernel/time/index.ts";
import { legalCalendar, storeNotice } from "../../platform/calendar.ts";
import { inTenantTx, requireActor, type Services } from "../context.ts";

export const calendarRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/calendar/deadline",
      {
        config: { access: "authenticated" },
        schema: {
          tags: ["calendar"],
          summary: "Due date of a legal period (the trigger day not counted)",
          querystring: z.object({ start: z.string(), period: z.string() }),
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
          tags: ["calendar"],
          summary: "Load a State Council holiday notice for a year",
          body: z.record(z.string(), z.unknown()),
        },
      },
      async (req) => {
        const a = requireActor(req);
        const notice = await storeNotice(services.db.owner, req.body, a.username);
        await inTenantTx(services, req, (tx) =>
          tx.audit({
            regionCode: a.regionCode,
            action: "calendar.notice_load",
            entityType: "calendar_notice",
            entityId: notice.year,
            after: notice,
          }),
        );
        return { year: notice.year, document: notice.document };
      },
    );
  };
