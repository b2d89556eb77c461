import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { inTenantTx, type Services } from "../../http/context.ts";
import { Label, LocalDate } from "../../http/wire.ts";
import type { CaseDeps } from "./deps.ts";
import { Deadline } from "./wire.ts";
import { WORK_LIMIT, workQueue } from "./work.ts";

export const WorkItem = z
  .object({
    caseType: z.string(),
    caseTypeLabel: Label,
    caseId: z.number().int(),
    regionCode: z.string(),
    unitId: z.number().int(),
    title: z.string(),
    state: z.string(),
    stateLabel: Label,
    openedOn: LocalDate,
    suspended: z.boolean(),
    steps: z
      .array(z.object({ action: z.string(), label: Label, sensitive: z.boolean() }))
      .describe("the steps that are my work now (guards are checked when tried)"),
    due: Deadline.pick({
      clock: true,
      label: true,
      legalBasis: true,
      due: true,
      warning: true,
      remaining: true,
      remainingUnit: true,
    })
      .nullable()
      .describe("the running time limit due first"),
  })
  .meta({ id: "WorkItem" });

export const WorkPage = z
  .object({
    items: z.array(WorkItem).describe(`soonest due first, at most ${WORK_LIMIT}`),
    total: z.number().int(),
    counts: z.object({
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      dueToday: z.number().int(),
    }),
    byUnit: z
      .array(
        z.object({
          unitId: z.number().int(),
          overdue: z.number().int(),
          dueSoon: z.number().int(),
        }),
      )
      .nullable()
      .describe("for the rule-of-law office: time limits overdue and due soon by unit"),
  })
  .meta({ id: "WorkPage" });

/** GET /api/work: my work queue across every case type (engines/case/work.ts). */
export const workRoutes =
  (services: Services, deps: CaseDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/work",
      {
        config: { access: "record.read" },
        schema: {
          tags: ["cases"],
          operationId: "myWork",
          summary:
            "The open cases where I can take a step now (my duty), with the step and what is due by when",
          response: { 200: WorkPage },
        },
      },
      async (req) => inTenantTx(services, req, (w) => workQueue(deps, w)),
    );
  };
