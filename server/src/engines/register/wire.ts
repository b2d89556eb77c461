/**
 * Wire shapes of the register engine's routes (routes.ts): the response schemas Fastify
 * serializes through (an allowlist of output fields), the OpenAPI document's schemas,
 * and the types the web imports (web/src/wire.ts). No server-only imports here.
 */
import { z } from "zod";
import { Instant, JsonObject, Label } from "../../http/wire.ts";

export const ColumnKind = z.enum(["text", "integer", "number", "date", "boolean", "enum", "list"]);
export type ColumnKind = z.infer<typeof ColumnKind>;

export const RegisterColumn = z
  .object({
    field: z.string(),
    label: Label,
    kind: ColumnKind,
    options: z.record(z.string(), Label).optional(),
    inList: z.boolean(),
    filter: z.boolean(),
    ref: z.enum(["unit"]).optional().describe("the values are directory units' codes"),
  })
  .meta({ id: "RegisterColumn" });
export type RegisterColumn = z.infer<typeof RegisterColumn>;

export const RegisterInfo = z
  .object({
    code: z.string(),
    label: Label,
    module: z.string(),
    visibility: z.enum(["unit", "region"]),
    columns: z.array(RegisterColumn),
    filters: z.array(z.string()),
    uniqueKeys: z.array(z.object({ name: z.string(), fields: z.array(z.string()) })),
    sensitive: z.array(z.enum(["update", "delete"])),
    isPublic: z.boolean(),
    canEdit: z.boolean(),
    versions: z
      .object({ by: z.enum(["region", "unit"]) })
      .nullable()
      .describe("published in versions (GET …/versions); null: not a published list"),
  })
  .meta({ id: "RegisterInfo" });
export type RegisterInfo = z.infer<typeof RegisterInfo>;

export const EntryData = JsonObject;
export type EntryData = z.infer<typeof EntryData>;

export const Entry = z
  .object({
    id: z.number().int(),
    register: z.string(),
    regionCode: z.string(),
    unitId: z.number().int(),
    visibility: z.enum(["unit", "region"]),
    version: z.number().int(),
    title: z.string(),
    data: EntryData,
    createdAt: Instant,
    updatedAt: Instant,
    createdBy: z.number().int().nullable(),
    updatedBy: z.number().int().nullable(),
    editable: z.boolean().describe("whether I may update or delete this entry"),
  })
  .meta({ id: "Entry" });
export type Entry = z.infer<typeof Entry>;

export const EntryPage = z
  .object({
    items: z.array(Entry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "EntryPage" });
export type EntryPage = z.infer<typeof EntryPage>;

export const EntryVersion = z
  .object({
    seq: z.number().int(),
    version: z.number().int().nullable().describe("the version after this change; null: deleted"),
    at: Instant,
    action: z.string(),
    actor: z.object({
      userId: z.number().int().nullable(),
      unitId: z.number().int().nullable(),
      name: z.string().nullable(),
    }),
    before: EntryData.nullable(),
    after: EntryData.nullable(),
    changed: z.array(z.string()),
    reason: z.string().nullable(),
  })
  .meta({ id: "EntryVersion" });
export type EntryVersion = z.infer<typeof EntryVersion>;

export const ImportResult = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;

/** Public entry: its id and the register's allowlisted public fields only. */
export const PublicEntry = z.looseObject({ id: z.number().int() }).meta({ id: "PublicEntry" });
export const PublicEntryPage = z
  .object({
    items: z.array(PublicEntry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "PublicEntryPage" });
