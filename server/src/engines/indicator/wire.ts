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

// ─────────────────────────────────────────────── dashboards (docs/dashboards.md)

export const DashboardFigure = IndicatorValue.extend({
  previous: z.number().nullable().describe("the same figure for the year before"),
}).meta({ id: "DashboardFigure" });
export type DashboardFigure = z.infer<typeof DashboardFigure>;

export const DashboardArea = z
  .object({
    area: z.string().describe("a module code"),
    label: Label,
    figures: z.array(DashboardFigure),
  })
  .meta({ id: "DashboardArea" });
export type DashboardArea = z.infer<typeof DashboardArea>;

export const DashboardRegion = z
  .object({ code: z.string(), name: Label })
  .meta({ id: "DashboardRegion" });

export const DashboardDistricts = z
  .object({
    regions: z.array(DashboardRegion).describe("the city itself, then its districts"),
    values: z
      .record(z.string(), z.array(z.number().nullable()))
      .describe("indicator id → its value per region, in the order of `regions`"),
    notGroupable: z
      .record(z.string(), Label)
      .describe("indicator id → why it cannot be shown per district"),
  })
  .meta({ id: "DashboardDistricts" });
export type DashboardDistricts = z.infer<typeof DashboardDistricts>;

export const Dashboard = z
  .object({
    ...scope,
    role: z
      .enum(["unit", "region", "city"])
      .describe("whose home: a unit's own figures, a district's, or a city's with its districts"),
    previousYear: z.number().int(),
    areas: z.array(DashboardArea),
    districts: DashboardDistricts.nullable().describe("a city: its districts side by side"),
  })
  .meta({ id: "Dashboard" });
export type Dashboard = z.infer<typeof Dashboard>;

export const ByUnitRow = z
  .object({
    unitId: z.number().int(),
    unitName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable().describe("a rate: its numerator; a change: this year"),
    denominator: z
      .number()
      .nullable()
      .describe("a rate: its denominator; a change: the year before"),
  })
  .meta({ id: "ByUnitRow" });
export type ByUnitRow = z.infer<typeof ByUnitRow>;

export const ByUnitAnswer = IndicatorValue.extend({
  ...scope,
  groupable: z.boolean(),
  kind: z.enum(["sum", "ratio", "change"]).nullable(),
  reason: Label.nullable().describe("why the figure cannot be grouped by unit"),
  rows: z.array(ByUnitRow).describe("every unit of the scope, highest value first"),
}).meta({ id: "ByUnitAnswer" });
export type ByUnitAnswer = z.infer<typeof ByUnitAnswer>;
