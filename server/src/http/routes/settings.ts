import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listSettings, putSetting } from "../../engines/settings.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { parseLocalDate, toLocalDate } from "../../kernel/time/index.ts";
import { inTenantTx, requireActor, type Services } from "../context.ts";
import { Setting, SettingPut } from "../wire.ts";

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
          operationId: "listSettings",
          tags: ["settings"],
          summary:
            "Declared settings, their national defaults and the values in force for a region",
          querystring: z.object({
            region: Region.optional(),
            /** The day whose values are shown (default: today). */
            on: z.string().optional(),
          }),
          response: { 200: z.array(Setting) },
        },
      },
      async (req) => {
        const a = requireActor(req);
        const region = req.query.region ?? a.regionCode;
        if (!a.regions.includes(region))
          throw new NotFoundError(t("没有这个地区，或不在您的管辖范围内", `no region ${region}`));
        const on =
          req.query.on === undefined
            ? toLocalDate(services.clock())
            : parseLocalDate(req.query.on, "on");
        return listSettings(services.db.app, services.registry, region, on);
      },
    );

    app.put(
      "/api/settings/:code",
      {
        config: { access: "system.configure" },
        schema: {
          operationId: "putSetting",
          tags: ["settings"],
          summary:
            "Give a region a new value of a setting from a day on (today or later; null: back to the inherited value); earlier values stay in force for the clocks that started under them",
          params: z.object({ code: z.string() }),
          body: z.object({
            region: Region,
            value: z.unknown(),
            effectiveFrom: z.string().optional(),
            basis: z
              .string()
              .trim()
              .min(1, zt("须填写本地规定的依据", "the local rule this value follows"))
              .max(1000),
          }),
          response: { 200: SettingPut },
        },
      },
      async (req) => {
        const r = await inTenantTx(services, req, (w) =>
          putSetting(w, services.registry, req.params.code, {
            region: req.body.region,
            value: req.body.value ?? null,
            basis: req.body.basis,
            ...(req.body.effectiveFrom !== undefined
              ? { effectiveFrom: req.body.effectiveFrom }
              : {}),
          }),
        );
        return { ok: true as const, ...r };
      },
    );
  };
