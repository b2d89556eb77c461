/**
 * Wire shapes of the indicator engine's routes (routes.ts): the response schemas Fastify
 * serializes through, the OpenAPI document's schemas, and the types the web imports
 * (web/src/wire.ts). No server-only imports here.
 */
import { z } from "zod";
import { Label, LocalDate } from "../../http/wire.ts";

export const IndicatorInfo = z
  .object({
    id: z.string(),
    module: z.string(),
    label: Label,
    unit: Label,
    decimals: z.number().int(),
    definition: Label,
    dependsOn: z.array(z.string()),
  })
  .meta({ id: "IndicatorInfo" });
export type IndicatorInfo = z.infer<typeof IndicatorInfo>;

export const IndicatorList = z
  .object({ scopeNote: Label, indicators: z.array(IndicatorInfo) })
  .meta({ id: "IndicatorList" });

const scope = {
  region: z.string(),
  regions: z.array(z.string()).describe("the regions counted (a city: with its districts)"),
  from: LocalDate,
  to: LocalDate,
  year: z.number().int(),
  unitId: z.number().int().nullable(),
  scopeNote: Label,
};
export const IndicatorScope = z.object(scope);
export type IndicatorScope = z.infer<typeof IndicatorScope>;

export const IndicatorValue = z
  .object({
    id: z.string(),
    label: Label,
    unit: Label,
    value: z.number().nullable().describe("null: a rate over nothing"),
    decimals: z.number().int(),
    definition: Label,
  })
  .meta({ id: "IndicatorValue" });
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const IndicatorValues = z
  .object({ ...scope, values: z.array(IndicatorValue) })
  .meta({ id: "IndicatorValues" });
export type IndicatorValues = z.infer<typeof IndicatorValues>;

export const DrillRow = z
  .object({
    kind: z.enum(["case", "register", "unit"]),
    regionCode: z.string(),
    id: z.number().int(),
    type: z.string(),
    title: z.string(),
    unitId: z.number().int(),
    value: z.number(),
    extra: z.record(z.string(), z.unknown()).optional(),
    link: z.string().describe("the record's page in the web"),
  })
  .meta({ id: "DrillRow" });
export type DrillRow = z.infer<typeof DrillRow>;

export const DrillAnswer = IndicatorValue.extend({
  ...scope,
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  rows: z.array(DrillRow),
}).meta({ id: "DrillAnswer" });
export type DrillAnswer = z.infer<typeof DrillAnswer>;
