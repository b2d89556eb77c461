import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { zUscc } from "../../kernel/codes/uscc.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { inTenantReadTx, requireActor, type Services } from "../context.ts";

/**
 * The credit check for clerks (issue 15): before a licence, a purchase of services or a
 * commendation, the subject's list entries in force today (red and black lists, with their
 * basis and period) and how many public credit records (双公示) it has. Answered by the
 * module that declares `credit.check` (supervision, `ModuleDecl.answers`); the HTTP side
 * never imports a module. Permission record.read, in the caller's own region.
 */
export const CreditCheckAnswer = z
  .object({
    uscc: z.string(),
    onDate: z.string(),
    lists: z.array(
      z.object({
        list: z.enum(["red", "black"]),
        basis: z.string(),
        validFrom: z.string(),
        validTo: z.string(),
      }),
    ),
    records: z.number().int(),
  })
  .describe("a subject's credit on a day: its list entries in force and its public records");

type CreditCheck = z.infer<typeof CreditCheckAnswer>;

export const creditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/credit/check",
      {
        config: { access: "record.read" },
        schema: {
          operationId: "creditCheck",
          tags: ["credit"],
          summary:
            "A subject's list entries in force today and its public credit records, by its unified social credit code",
          querystring: z.object({ uscc: zUscc.describe("the unified social credit code") }),
          response: { 200: CreditCheckAnswer },
        },
      },
      async (req) => {
        const decl = services.registry.answer("credit.check");
        if (!decl) {
          throw new NotFoundError(
            t("未启用信用模块，无法核查信用", "no module answers the credit check"),
          );
        }
        const actor = requireActor(req);
        return inTenantReadTx(services, req, async (w) => {
          const answer = (await decl.answer(w, {
            regionCode: actor.regionCode,
            onDate: w.today,
            input: { uscc: req.query.uscc },
          })) as CreditCheck;
          return answer;
        });
      },
    );
  };
