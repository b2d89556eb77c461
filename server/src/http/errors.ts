import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../db/connection.ts";
import { DomainError, type ErrorCode, t, textOf } from "../kernel/errors.ts";

/** One error envelope for every API error: `{ error: { code, message, fields? } }`. */
export interface ErrorEnvelope {
  error: {
    code: ErrorCode | "internal" | "too_large" | "bad_request" | "unavailable";
    message: string;
    fields?: { field: string; message: string }[];
  };
}

export type Lang = "zh" | "en";

/** The language of the request's messages: Chinese unless the client prefers English. */
export function langOf(req: Pick<FastifyRequest, "headers"> | undefined): Lang {
  const h = req?.headers["accept-language"];
  const v = (Array.isArray(h) ? h[0] : h) ?? "";
  const first = v.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh";
}

export const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid_state: 409,
  rate_limited: 429,
};

function fieldName(instancePath: string, context: string | undefined): string {
  const p = instancePath.replace(/^\//, "").replaceAll("/", ".");
  return p || context || "body";
}

export function toEnvelope(
  err: unknown,
  lang: Lang = "zh",
): { status: number; body: ErrorEnvelope } {
  if (err instanceof DomainError) {
    return {
      status: STATUS[err.code],
      body: {
        error: {
          code: err.code,
          message: err.text[lang],
          ...(err.fields
            ? {
                // Extra members (an import's row, column, reason) pass through.
                fields: err.fields.map((f) => ({ ...f, message: textOf(f.message)[lang] })),
              }
            : {}),
        },
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext;
    const fields = err.validation.map((v) => ({
      field: fieldName(v.instancePath, context),
      message: v.message ?? "invalid",
    }));
    const names = [...new Set(fields.map((f) => f.field))].join(", ");
    return {
      status: 400,
      body: {
        error: { code: "validation", message: `invalid ${context ?? "input"}: ${names}`, fields },
      },
    };
  }
  const fe = err as Partial<FastifyError>;
  if (fe.statusCode === 429) {
    return {
      status: 429,
      body: { error: { code: "rate_limited", message: fe.message ?? "too many requests" } },
    };
  }
  if (fe.statusCode === 413) {
    return {
      status: 413,
      body: { error: { code: "too_large", message: "request body too large" } },
    };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: { error: { code: "bad_request", message: fe.message ?? "bad request" } },
    };
  }
  if (isDatabaseUnavailable(err)) {
    // The database is away (restart, dropped connection). A transaction whose
    // connection dropped before COMMIT was rolled back by PostgreSQL.
    const m = t("数据库暂时不可用，请稍后重试", "the database is unavailable; try again shortly");
    return { status: 503, body: { error: { code: "unavailable", message: m[lang] } } };
  }
  return { status: 500, body: { error: { code: "internal", message: "internal error" } } };
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toEnvelope(err, langOf(req));
  if (status === 503) {
    reply.header("retry-after", "5");
    req.log.warn({ err }, "database unavailable");
  } else if (status >= 500) req.log.error({ err }, "unhandled error");
  if (status >= 500 && process.env.FAZHI_DEBUG_ERRORS) console.error(err);
  return reply.status(status).send(body);
}
