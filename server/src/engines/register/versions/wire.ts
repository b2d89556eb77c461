/**
 * Wire shapes of the published versions of a list (routes.ts): the response schemas
 * Fastify serializes through, the OpenAPI document's schemas, the web's types.
 */
import { z } from "zod";
import { Instant, JsonObject, Label } from "../../../http/wire.ts";

export const ListVersion = z
  .object({
    id: z.number().int(),
    register: z.string(),
    regionCode: z.string(),
    unitId: z.number().int().nullable().describe("null: the region's list"),
    number: z.string().describe("the publishing document's number (发文字号)"),
    publishedOn: z.string(),
    inForceFrom: z.string(),
    inForceUntil: z.string().nullable().describe("the day before the next version; null: open"),
    current: z.boolean().describe("in force today"),
    entryCount: z.number().int(),
    digest: z.string().describe("SM3 of the canonical JSON of the entries"),
    publishedAt: Instant,
    publishedBy: z.number().int().nullable(),
  })
  .meta({ id: "ListVersion" });
export type ListVersion = z.infer<typeof ListVersion>;

export const SnapshotEntry = z
  .object({ id: z.number().int(), unitId: z.number().int(), title: z.string(), data: JsonObject })
  .meta({ id: "SnapshotEntry" });
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

export const ListVersionWithEntries = ListVersion.extend({
  entries: z.array(SnapshotEntry),
}).meta({ id: "ListVersionWithEntries" });
export type ListVersionWithEntries = z.infer<typeof ListVersionWithEntries>;

export const ListVersionDiff = z
  .object({
    from: ListVersion,
    to: ListVersion.nullable().describe("null: the entries now (not yet published)"),
    added: z.array(SnapshotEntry),
    removed: z.array(SnapshotEntry),
    changed: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        before: SnapshotEntry,
        after: SnapshotEntry,
        fields: z.array(
          z.object({ field: z.string(), label: Label, before: z.unknown(), after: z.unknown() }),
        ),
      }),
    ),
    unchanged: z.number().int(),
  })
  .meta({ id: "ListVersionDiff" });
export type ListVersionDiff = z.infer<typeof ListVersionDiff>;

export const PublicListVersion = z.object({
  id: z.number().int(),
  unitId: z.number().int().nullable(),
  number: z.string(),
  publishedOn: z.string(),
  inForceFrom: z.string(),
});

export const PublicListOn = z
  .object({
    on: z.string(),
    versions: z.array(PublicListVersion),
    items: z.array(z.looseObject({ id: z.number().int() })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "PublicListOn" });
