/**
 * Wire shapes of the case engine's routes (routes.ts): the response schemas Fastify
 * serializes through (an allowlist of output fields), the OpenAPI document's schemas,
 * and the types the web imports (web/src/wire.ts). No server-only imports here.
 */
import { z } from "zod";
import { Instant, JsonObject, Label, LocalDate } from "../../http/wire.ts";

const JsonSchemaObject = JsonObject.describe("a JSON Schema (draft 2020-12)");

export const TransitionInfo = z
  .object({
    action: z.string(),
    label: Label,
    from: z.array(z.string()).readonly(),
    to: z.string(),
    sensitive: z.boolean(),
    allowed: z.boolean().describe("whether my permissions allow the step (guards aside)"),
    allowedWhileSuspended: z
      .boolean()
      .describe("the step may be taken while the case is suspended"),
    input: JsonSchemaObject.nullable(),
  })
  .meta({ id: "TransitionInfo" });
export type TransitionInfo = z.infer<typeof TransitionInfo>;

export const CaseType = z
  .object({
    code: z.string(),
    label: Label,
    module: z.string(),
    states: z.record(z.string(), z.object({ label: Label, terminal: z.boolean().optional() })),
    initial: z.string(),
    fields: JsonSchemaObject,
    derived: JsonSchemaObject.nullable().describe(
      "labels of the fields steps compute (a JSON Schema), or null",
    ),
    stepFields: z
      .array(z.string())
      .optional()
      .describe("fields the steps compute: never given when a case is opened"),
    transitions: z.array(TransitionInfo),
    clocks: z.array(
      z.object({
        code: z.string(),
        label: Label,
        legalBasis: z.string(),
        restartable: z.boolean().optional(),
        suspendable: z.boolean().optional(),
      }),
    ),
    links: z.array(z.string()).readonly(),
    linkKinds: z
      .array(
        z.object({
          code: z.string(),
          label: Label,
          acrossUnits: z.boolean(),
          legalBasis: z.string().nullable(),
          allowed: z.boolean(),
        }),
      )
      .optional()
      .describe("link kinds with their labels; across units: a reviewing body with jurisdiction"),
    participantRoles: z.record(z.string(), Label),
    suspendable: z.boolean(),
    suspension: z
      .object({ clocks: z.array(z.string()).readonly(), legalBasis: z.string() })
      .nullable()
      .optional()
      .describe("the clocks a suspension may stop, with the legal basis"),
    extensions: z.array(
      z.object({
        clock: z.string(),
        max: z.object({ n: z.number(), unit: z.string() }),
        maxCount: z.number().int().optional().describe("how many extensions at most"),
        maxTotal: z
          .object({ n: z.number(), unit: z.string() })
          .nullable()
          .optional()
          .describe("how long all extensions together"),
        legalBasis: z.string(),
        permission: z.string().optional().describe("who approves (default unit.lead)"),
        allowed: z.boolean().optional().describe("whether I hold that permission"),
      }),
    ),
    subCases: z.object({ caseType: z.string(), onAllClosed: z.string().optional() }).nullable(),
    documents: z.array(
      z.object({ code: z.string(), label: Label, states: z.array(z.string()).readonly() }),
    ),
    numbers: z.array(z.object({ kind: z.string(), label: Label })),
    dossier: z
      .object({ label: Label, legalBasis: z.string() })
      .nullable()
      .optional()
      .describe("the case's dossier export (GET …/dossier.zip), if the type declares one"),
    consultation: z
      .boolean()
      .optional()
      .describe("the type opens a public comment (GET …/consultation: the office's handling)"),
    linkLabels: z.record(z.string(), Label),
  })
  .meta({ id: "CaseType" });
export type CaseType = z.infer<typeof CaseType>;

export const CaseRow = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    unitId: z.number().int(),
    state: z.string(),
    stateLabel: Label,
    title: z.string(),
    numbers: z.record(z.string(), z.string()),
    openedOn: LocalDate,
    closedOn: LocalDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "CaseRow" });
export type CaseRow = z.infer<typeof CaseRow>;

export const CasePage = z
  .object({
    items: z.array(CaseRow),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "CasePage" });
export type CasePage = z.infer<typeof CasePage>;

/** List filters (the case list's query string). */
export const CaseListQuery = z.object({
  state: z.string().optional().describe("a state code"),
  unitId: z.coerce.number().int().optional().describe("only this unit's cases"),
  q: z.string().max(100).optional().describe("words in the title or a number"),
  openedFrom: LocalDate.optional().describe("opened on or after, YYYY-MM-DD"),
  openedTo: LocalDate.optional().describe("opened on or before, YYYY-MM-DD"),
  open: z.enum(["true", "false"]).optional().describe("true: open cases; false: closed ones"),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

export const CaseView = z
  .object({
    regionCode: z.string(),
    id: z.number().int(),
    caseType: z.string(),
    unitId: z.number().int(),
    state: z.string(),
    title: z.string(),
    fields: JsonObject,
    numbers: z.record(z.string(), z.string()),
    parentId: z.number().int().nullable(),
    version: z.number().int(),
    openedOn: LocalDate,
    closedOn: LocalDate.nullable(),
    handlerUserId: z.number().int().nullable(),
  })
  .meta({ id: "Case" });
export type CaseView = z.infer<typeof CaseView>;

export const Deadline = z
  .object({
    clock: z.string(),
    label: Label,
    legalBasis: z.string(),
    period: z.string(),
    instance: z.number().int().optional().describe("1, 2, …: a restartable clock's instance"),
    startedOn: LocalDate,
    startSource: z
      .string()
      .optional()
      .describe("where the start date came from: step, input.<name>, field.<name>"),
    dueAt: z
      .string()
      .optional()
      .describe("a period in hours started at a known moment: the exact end (ISO 8601)"),
    extensions: z
      .array(z.object({ period: z.string(), onDate: LocalDate, approvedBy: z.string() }))
      .optional(),
    superseded: z.boolean().optional(),
    stoppedOn: LocalDate.nullable(),
    due: LocalDate.nullable(),
    state: z.enum(["running", "suspended", "stopped"]),
    warning: z.enum(["normal", "due_soon", "overdue"]),
    remaining: z.number().optional(),
    remainingUnit: z.string().optional(),
    provisional: z.boolean(),
    provisionalYears: z.array(z.number().int()),
  })
  .meta({ id: "Deadline" });
export type Deadline = z.infer<typeof Deadline>;
export type WarningLevel = Deadline["warning"];

export const TimelineEvent = z
  .object({
    seq: z.number().int(),
    kind: z.string(),
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    onDate: LocalDate,
    at: Instant,
    actorName: z.string().nullable(),
    data: z.unknown(),
    reason: z.string().nullable(),
  })
  .meta({ id: "TimelineEvent" });
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const AttachmentInfo = z
  .object({
    id: z.number().int(),
    name: z.string(),
    mime: z.string(),
    size: z.number().int(),
    sm3: z.string(),
    meta: z.unknown(),
    uploadedAt: Instant,
  })
  .meta({ id: "Attachment" });
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const CaseDetail = z
  .object({
    case: CaseView,
    stateLabel: Label,
    timeline: z.array(TimelineEvent),
    deadlines: z.array(Deadline),
    clockHistory: z.array(Deadline).optional().describe("earlier instances of restartable clocks"),
    clockProblems: z
      .array(z.object({ clock: z.string(), message: z.string() }))
      .optional()
      .describe("clocks that cannot be computed from the stored data"),
    suspended: z
      .object({
        from: LocalDate,
        clock: z.string().nullable(),
        clocks: z.array(z.string()).optional(),
        reason: z.string(),
      })
      .nullable(),
    links: z.array(
      z.object({
        direction: z.enum(["out", "in"]),
        kind: z.string(),
        kindLabel: Label.optional(),
        caseId: z.number().int(),
        caseType: z.string(),
        title: z.string(),
        state: z.string(),
        stateLabel: Label.optional(),
      }),
    ),
    reviews: z
      .array(
        z.object({
          kind: z.string(),
          kindLabel: Label,
          caseType: z.string(),
          caseTypeLabel: Label,
          state: z.string(),
          stateLabel: Label,
          concluded: z.boolean(),
          unitId: z.number().int(),
          unitName: z.string().nullable(),
          openedOn: LocalDate,
          closedOn: LocalDate.nullable(),
        }),
      )
      .optional()
      .describe("reviews of this case by another unit's cases: kind, type and state only"),
    reviewing: z
      .array(
        z.object({
          kind: z.string(),
          kindLabel: Label,
          caseId: z.number().int(),
          caseType: z.string(),
          caseTypeLabel: Label,
          state: z.string(),
          stateLabel: Label,
          closedOn: LocalDate.nullable(),
          fields: JsonObject,
        }),
      )
      .optional()
      .describe("another unit's cases this one reviews: their state and the declared fields"),
    participants: z.array(z.object({ unitId: z.number().int(), role: z.string() })),
    subCases: z.array(
      z.object({
        id: z.number().int(),
        unitId: z.number().int(),
        state: z.string(),
        title: z.string(),
      }),
    ),
    attachments: z.array(AttachmentInfo),
    actions: z
      .array(
        z.object({
          action: z.string(),
          label: Label,
          sensitive: z.boolean(),
          to: z.string(),
          duty: z.boolean().describe("the step is my work (not only allowed to me)"),
        }),
      )
      .describe("the steps I may try now (guards are checked when tried)"),
    next: z
      .array(z.object({ action: z.string(), label: Label, by: z.array(Label) }))
      .describe("the steps that may come next in this state and the roles whose work they are"),
    mine: z.object({ owner: z.boolean(), participantRoles: z.array(z.string()) }),
  })
  .meta({ id: "CaseDetail" });
export type CaseDetail = z.infer<typeof CaseDetail>;

export const Warning = Deadline.extend({
  caseId: z.number().int(),
  caseType: z.string(),
  caseTypeLabel: Label,
  title: z.string(),
  unitId: z.number().int(),
  handlerUserId: z.number().int().nullable(),
  handlerName: z.string().nullable().describe("the case handler responsible"),
  daysOverdue: z.number().int().describe("calendar days past the due date (0 when not overdue)"),
}).meta({ id: "Warning" });
export type Warning = z.infer<typeof Warning>;

export const WarningPage = z
  .object({
    items: z.array(Warning).describe("this page, most urgent first (due date, then case)"),
    total: z.number().int().describe("warnings matching the filter, on every page"),
    counts: z
      .object({ overdue: z.number().int(), dueSoon: z.number().int() })
      .describe("overdue and due-soon warnings for the unit and handler filters (level ignored)"),
    nextCursor: z
      .string()
      .nullable()
      .describe("give as `cursor` for the next page; null on the last page"),
  })
  .meta({ id: "WarningPage" });
export type WarningPage = z.infer<typeof WarningPage>;

/** The file's metadata (query string of the upload); checked by the engine (422 naming the field). */
export const AttachmentQuery = z.object({
  name: z.string().optional().describe("the file's name (required)"),
  kind: z.string().optional().describe("evidence | document (default) | other"),
  device: z.string().optional().describe("evidence: the recording device"),
  officer: z.string().optional().describe("evidence: the officer who recorded it"),
  capturedAt: z.string().optional().describe("evidence: when it was recorded (ISO 8601)"),
  note: z.string().optional(),
});

/** An uploaded file as stored (hash, size) with its chain-of-custody metadata. */
export const AttachmentStored = z
  .object({
    id: z.number().int(),
    name: z.string(),
    mime: z.string(),
    size: z.number().int(),
    sm3: z.string(),
    kind: z.string(),
    device: z.string().nullable(),
    officer: z.string().nullable(),
    capturedAt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "AttachmentStored" });

/** Public projection of a case: its id and the declared public fields only. */
export const PublicCase = z.looseObject({ id: z.number().int() }).meta({ id: "PublicCase" });
export const PublicCasePage = z
  .object({
    items: z.array(PublicCase),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "PublicCasePage" });

/** What an import of historical cases wrote (engines/case/import). */
export const ImportSummary = z
  .object({
    batch: z.number().int().describe("the import batch the cases are marked with"),
    sm3: z.string().describe("the SM3 hash of the file"),
    format: z.enum(["csv", "xlsx"]),
    rows: z.number().int(),
    byState: z.record(z.string(), z.number().int()),
    sequences: z
      .array(
        z.object({
          prefix: z.string(),
          kind: z.string(),
          year: z.number().int(),
          last: z.number().int(),
        }),
      )
      .describe("number sequences moved forward so that new cases continue after the history"),
  })
  .meta({ id: "ImportSummary" });

/** A case whose clock cannot be computed from the stored data (GET /api/data-quality). */
export const ClockProblem = z
  .object({
    regionCode: z.string(),
    caseId: z.number().int(),
    caseType: z.string(),
    title: z.string(),
    unitId: z.number().int(),
    clock: z.string(),
    message: z.string(),
  })
  .meta({ id: "ClockProblem" });

export const RevealedPeople = z
  .object({
    caseId: z.number().int(),
    people: z
      .record(z.string(), z.unknown())
      .describe("the case's people fields, ID and phone numbers in full"),
  })
  .meta({ id: "RevealedPeople" });

/** My work queue (GET /api/work, engines/case/work.ts). */
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
    items: z.array(WorkItem).describe("soonest due first, at most 200"),
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
export type WorkPage = z.infer<typeof WorkPage>;
export type WorkItem = z.infer<typeof WorkItem>;
