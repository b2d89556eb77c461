import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listSettings, putSetting } from "../../engines/settings.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { inTenantTx, requireActor, type Services } from "../context.ts";

const Region = z
  .string()
  .regex(/^[0-9]{6}$/, zt("应为六位行政区划代码", "a six-digit region code"));

/** Settings that differ by province or city: anyone may read the rules in force; the system administrator sets them. */
export const settingsRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/settings",
      {
        config: { access: "authenticated" },
        schema: {
          tags: ["settings"],
          summary:
            "Declared settings, their national defaults and the values in force for a region",
          querystring: z.object({ region: Region.optional() }),
        },
      },
      async (req) => {
        const a = requireActor(req);
        const region = req.query.region ?? a.regionCode;
        if (!a.regions.includes(region))
          throw new NotFoundError(t("没有这个地区，或不在您的管辖范围内", `no region ${region}`));
        return listSettings(services.db.app, services.registry, region);
      },
    );

    app.put(
      "/api/settings/:code",
      {
        config: { access: "system.configure" },
        schema: {
          tags: ["settings"],
          summary: "Set a region's value of a setting (null: back to the inherited value)",
          params: z.object({ code: z.string() }),
          body: z.object({ region: Region, value: z.unknown() }),
        },
      },
      async (req) => {
        await inTenantTx(services, req, (w) =>
          putSetting(
            w,
            services.registry,
            req.body.region,
            req.params.code,
            req.body.value ?? null,
          ),
        );
        return { ok: true };
      },
    );
  };
