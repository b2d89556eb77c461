/**
 * Wire shapes of the platform's own routes (auth, directory, accounts, audit, calendar,
 * settings, meta, the published anchors) and of what every route shares (labels, the
 * error envelope). These zod schemas are the routes' `response` schemas: Fastify
 * serializes every answer through them (fields not named here never leave the server),
 * the OpenAPI document is generated from them, and the web imports their inferred
 * types (web/src/wire.ts). Keep this file free of server-only imports: the web's
 * type check reads it.
 */
import { z } from "zod";

/** A label: Chinese first, English beside. */
export const Label = z.object({ zh: z.string(), en: z.string() }).meta({ id: "Label" });
export type Label = z.infer<typeof Label>;

/** A civil date, `YYYY-MM-DD` (Asia/Shanghai). */
export const LocalDate = z.string().meta({ format: "date" });
/** An instant, ISO 8601 in UTC. */
export const Instant = z.string().meta({ format: "date-time" });
/** Any JSON value the server stores and echoes (audit before/after, event data). */
export const Json = z.unknown();
/** A JSON object with open keys (declared fields, register data). */
export const JsonObject = z.record(z.string(), z.unknown());

/** The answer of an action that returns nothing else. */
export const Ok = z.object({ ok: z.boolean() }).meta({ id: "Ok" });

/** One error envelope for every API error (http/errors.ts). */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.enum([
        "validation",
        "not_found",
        "forbidden",
        "unauthenticated",
        "conflict",
        "invalid_state",
        "rate_limited",
        "internal",
        "too_large",
        "unavailable",
        "bad_request",
      ]),
      message: z.string().describe("Chinese by default; English with Accept-Language: en"),
      fields: z
        .array(
          z.object({
            field: z.string(),
            message: z.string(),
            row: z.number().int().optional().describe("imports: the row of the file"),
            column: z.string().optional().describe("imports: the column's heading"),
            reason: z.string().optional(),
          }),
        )
        .optional()
        .describe("every bad field at once (400 shape, 422 domain)"),
    }),
  })
  .meta({ id: "ErrorEnvelope" });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** A calendar answer rests on a year whose holiday notice is not loaded (kernel/time). */
const Provisional = {
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
};

// ---------------------------------------------------------------- auth

export const SessionInfo = z
  .object({
    user: z.object({
      id: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      regionCode: z.string(),
      unitId: z.number().int(),
    }),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    scope: z.enum(["unit", "region"]),
    regions: z.array(z.string()),
    csrfToken: z.string().describe("send it back as the x-csrf-token header on writes"),
    mustChangePassword: z.boolean().optional(),
    secondFactor: z
      .enum(["enrol", "done", "none"])
      .describe(
        "enrol: the account must enrol a TOTP factor before anything else; done: logged in with it; none: not required",
      ),
  })
  .meta({ id: "SessionInfo" });
export type SessionInfo = z.infer<typeof SessionInfo>;

/** The password was right; the session can only submit the TOTP code (202). */
export const PendingLogin = z
  .object({
    stage: z.literal("code"),
    csrfToken: z.string().describe("send it back as the x-csrf-token header with the code"),
  })
  .meta({ id: "PendingLogin" });
export type PendingLogin = z.infer<typeof PendingLogin>;

/** A new TOTP secret, shown once. */
export const TotpEnrolment = z
  .object({
    uri: z.string().describe("otpauth://totp/… URI (for a QR code)"),
    secret: z.string().describe("the same secret in base32, to type into an app"),
  })
  .meta({ id: "TotpEnrolment" });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

// ---------------------------------------------------------------- directory and accounts

export const Region = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    parentCode: z.string().nullable(),
    level: z.string(),
  })
  .meta({ id: "Region" });
export type Region = z.infer<typeof Region>;

export const Unit = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.string(),
    parentId: z.number().int().nullable(),
  })
  .meta({ id: "Unit" });
export type Unit = z.infer<typeof Unit>;

export const UserOut = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    regionCode: z.string(),
    unitId: z.number().int(),
    roles: z.array(z.string()),
    disabled: z.boolean(),
    lockedUntil: Instant.nullable(),
    activated: z
      .boolean()
      .describe("false: created by the system administrator, awaiting the security administrator"),
    secondFactor: z.boolean().describe("has a confirmed TOTP factor"),
  })
  .meta({ id: "User" });
export type UserOut = z.infer<typeof UserOut>;

export const CreatedUser = z
  .object({
    id: z.number().int(),
    activated: z
      .literal(false)
      .describe("no password yet: the security administrator activates the account"),
  })
  .meta({ id: "CreatedUser" });

export const ActivatedUser = z
  .object({
    id: z.number().int(),
    oneTimePassword: z
      .string()
      .describe("shown once, to hand to the holder; it must be changed at first login"),
  })
  .meta({ id: "ActivatedUser" });
export type ActivatedUser = z.infer<typeof ActivatedUser>;

// ---------------------------------------------------------------- audit

export const AuditEvent = z
  .object({
    regionCode: z.string(),
    chainKey: z.string(),
    seq: z.number().int(),
    occurredAt: Instant,
    actorUserId: z.number().int().nullable(),
    actorUnitId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    actionLabel: Label.describe("what the action means, in the office's words"),
    changes: z
      .array(
        z.object({
          field: z.string(),
          label: Label,
          before: Label.nullable(),
          after: Label.nullable(),
        }),
      )
      .describe("the fields changed, labelled, values in words"),
    entityType: z.string(),
    entityId: z.string(),
    before: Json,
    after: Json,
    reason: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const SecurityEvent = z
  .object({
    id: z.number().int(),
    occurredAt: Instant,
    kind: z.string(),
    username: z.string().nullable(),
    userId: z.number().int().nullable(),
    regionCode: z.string().nullable(),
    ip: z.string().nullable(),
    detail: Json,
  })
  .meta({ id: "SecurityEvent" });
export type SecurityEvent = z.infer<typeof SecurityEvent>;

export const AuditEventPage = z
  .object({
    items: z.array(AuditEvent).describe("this page, newest first"),
    total: z.number().int().describe("events matching the filters, on every page"),
  })
  .meta({ id: "AuditEventPage" });
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const SecurityEventPage = z
  .object({
    items: z.array(SecurityEvent).describe("this page, newest first"),
    total: z.number().int().describe("events matching the filters, on every page"),
  })
  .meta({ id: "SecurityEventPage" });
export type SecurityEventPage = z.infer<typeof SecurityEventPage>;

export const AuditFilterOptions = z
  .array(z.object({ value: z.string(), label: Label }))
  .meta({ id: "AuditFilterOptions" });

export const Anchors = z
  .object({
    region: z.string(),
    algorithm: z.string(),
    anchors: z.array(z.object({ payload: Json, digest: z.string(), signature: z.string() })),
  })
  .meta({ id: "Anchors" });

// ---------------------------------------------------------------- calendar and settings

export const DueDate = z.object({ due: LocalDate, ...Provisional }).meta({ id: "DueDate" });
export type DueDate = z.infer<typeof DueDate>;

export const DeadlineChange = z
  .object({
    regionCode: z.string(),
    caseId: z.number().int(),
    caseType: z.string(),
    title: z.string(),
    clock: z.string(),
    before: LocalDate.nullable(),
    after: LocalDate.nullable(),
  })
  .meta({ id: "DeadlineChange" });

export const NoticeLoaded = z
  .object({
    year: z.number().int(),
    document: z.string(),
    changedDeadlines: z
      .object({
        total: z.number().int(),
        byRegion: z.array(z.object({ regionCode: z.string(), count: z.number().int() })),
      })
      .describe("how many provisional deadlines moved, per region the caller may see"),
  })
  .meta({ id: "NoticeLoaded" });

export const Setting = z
  .object({
    code: z.string(),
    label: Label,
    module: z.string(),
    basis: Label.describe("the default's legal basis: Chinese form (《…》第…条) and English"),
    basisNote: z.string().describe("how the default was chosen and what varies (for the office)"),
    default: Json,
    value: Json,
    setIn: z.string().nullable().describe("the region whose value is in force; null: default"),
    schema: Json.describe("the value's JSON Schema (for the settings page's form)"),
    effectiveFrom: LocalDate.nullable().describe("since when the value in force applies"),
    localBasis: z.string().nullable().describe("the local rule the region's value follows"),
    history: z
      .array(
        z.object({
          regionCode: z.string(),
          effectiveFrom: LocalDate,
          value: Json.describe("null: from this day the region inherits again"),
          basis: z.string().nullable(),
          updatedBy: z.number().int().nullable(),
          updatedAt: Instant,
        }),
      )
      .describe("every value of this region and its ancestors, oldest first"),
  })
  .meta({ id: "Setting" });
export type Setting = z.infer<typeof Setting>;

/** A new value of a setting, as recorded: in force in the region from its day on. */
export const SettingPut = z
  .object({
    ok: z.literal(true),
    code: z.string(),
    region: z.string(),
    effectiveFrom: LocalDate,
    value: Json.describe("null: from this day the region inherits again"),
  })
  .meta({ id: "SettingPut" });

// ---------------------------------------------------------------- meta

export const Health = z.object({ ok: z.boolean(), time: Instant }).meta({ id: "Health" });

export const Labels = z
  .object({
    roles: z.record(z.string(), Label.optional()),
    unitKinds: z.record(z.string(), Label),
    regionLevels: z.record(z.string(), Label),
    securityEvents: z.record(z.string(), Label),
  })
  .catchall(z.unknown())
  .meta({ id: "Labels" });
export type Labels = z.infer<typeof Labels>;

/** Binary answers (files): documented, never serialized (a Buffer is sent as is). */
export const binary = (mime: string, description: string) => ({
  description,
  content: { [mime]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
});
