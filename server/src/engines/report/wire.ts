/**
 * Wire shapes of the report engine's routes (routes.ts): response schemas, the OpenAPI
 * document's schemas and the types the web imports. No server-only imports here.
 */
import { z } from "zod";
import { Label } from "../../http/wire.ts";

const Block = z.object({
  kind: z.enum(["heading", "paragraph"]),
  level: z.number().int().min(1).max(4).optional(),
  text: z.string(),
});
export const ReportDraftWire = z
  .object({
    number: z.string().optional(),
    signer: z.string().optional(),
    title: z.string(),
    addressee: z.string(),
    issuer: z.string(),
    date: z.string(),
    contact: z.object({ name: z.string(), phone: z.string() }).optional(),
    printedBy: z.string().optional(),
    blocks: z.array(Block),
  })
  .meta({ id: "ReportDraft" });

const Part = z.object({
  kind: z.enum(["text", "figure"]),
  text: z.string(),
  key: z.string().optional(),
  typed: z.string().nullable().optional(),
});
export const ReportFigure = z
  .object({
    key: z.string(),
    indicator: z.string(),
    label: Label,
    unit: Label,
    value: z.number().nullable(),
    text: z.string(),
    pending: z.boolean(),
  })
  .meta({ id: "ReportFigure" });
export const ReportCheck = z
  .object({
    kind: z.enum([
      "typed_differs",
      "impossible_rate",
      "unsupported_change",
      "no_value",
      "pending",
      "unknown_placeholder",
    ]),
    key: z.string(),
    message: Label,
  })
  .meta({ id: "ReportCheck" });

export const ReportPreview = z
  .object({
    id: z.number().int(),
    region: z.string(),
    year: z.number().int(),
    template: z.string(),
    state: z.string(),
    version: z.number().int(),
    draft: ReportDraftWire,
    blocks: z.array(
      z.object({
        kind: z.enum(["heading", "paragraph"]),
        level: z.number().int().nullable(),
        parts: z.array(Part),
      }),
    ),
    figures: z.array(ReportFigure),
    checks: z.array(ReportCheck),
    sections: z
      .array(
        z.object({
          key: z
            .string()
            .describe('"head", "opening", "1", "1.3", …, "signature", "date", "contact"'),
          kind: z.enum(["head", "opening", "narrative", "signature", "date", "contact"]),
          level: z.number().int(),
          heading: z.number().int().nullable().describe("the block index of its heading"),
          paragraphs: z.array(z.number().int()).describe("the block indexes of its paragraphs"),
        }),
      )
      .describe("the draft's sections as the editor saves them (save_section)"),
    placeholders: z
      .array(z.object({ key: z.string(), label: Label }))
      .describe("the template's figures a narrative may name ({{key}}), with their labels"),
    refused: z
      .array(z.object({ action: z.string(), message: Label }))
      .describe("steps of this state the user may not take by separation of duties, with why"),
  })
  .meta({ id: "ReportPreview" });
export type ReportPreview = z.infer<typeof ReportPreview>;

export const ReportSummary = z.object({
  id: z.number().int(),
  region: z.string(),
  year: z.number().int(),
  template: z.string(),
  state: z.string(),
  title: z.string(),
});
export const PublicationSummary = z.object({
  id: z.number().int(),
  region: z.string(),
  caseId: z.number().int(),
  template: z.string(),
  year: z.number().int(),
  title: z.string(),
  fingerprint: z.string(),
  publishedOn: z.string(),
});
export const ReportList = z
  .object({ reports: z.array(ReportSummary), publications: z.array(PublicationSummary) })
  .meta({ id: "ReportList" });

export const Publication = PublicationSummary.extend({
  paragraphs: z.array(
    z.object({
      kind: z.enum(["heading", "paragraph"]),
      level: z.number().int().nullable(),
      text: z.string(),
    }),
  ),
  draft: ReportDraftWire,
  figures: z.array(ReportFigure),
  records: z.record(z.string(), z.number().int()).describe("indicator → records frozen behind it"),
}).meta({ id: "Publication" });
export type Publication = z.infer<typeof Publication>;

export const PublicationCheck = z
  .object({
    fingerprint: z.string(),
    todayFingerprint: z.string(),
    unchanged: z.boolean(),
    differences: z.array(
      z.object({
        key: z.string(),
        indicator: z.string(),
        label: Label,
        published: z.object({ value: z.number().nullable(), text: z.string() }),
        today: z.object({ value: z.number().nullable(), text: z.string() }),
        valueChanged: z.boolean(),
        recordsAdded: z.number().int(),
        recordsRemoved: z.number().int(),
      }),
    ),
  })
  .meta({ id: "PublicationCheck" });

export const RollUp = z
  .object({
    region: z.string(),
    year: z.number().int(),
    indicators: z.array(z.object({ id: z.string(), label: Label, unit: Label })),
    columns: z.array(
      z.object({
        region: z.string(),
        name: z.string(),
        values: z.record(z.string(), z.number().nullable()),
      }),
    ),
  })
  .meta({ id: "ReportRollUp" });
