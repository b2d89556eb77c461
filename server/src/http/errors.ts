import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../db/connection.ts";
import {
  DomainError,
  type ErrorCode,
  type FieldError,
  type Text,
  t,
  textOf,
} from "../kernel/errors.ts";
import { issueText } from "../kernel/issue-text.ts";
import type { ErrorEnvelope } from "./wire.ts";

/** One error envelope for every API error: `{ error: { code, message, fields? } }` (wire.ts). */
export type { ErrorEnvelope } from "./wire.ts";

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

const isText = (v: unknown): v is Text =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Text).zh === "string" &&
  typeof (v as Text).en === "string";

/** A field error in the request's language: every bilingual member picks its side. */
function localizeField(
  f: FieldError,
  lang: Lang,
): { field: string; message: string; row?: number; column?: string; reason?: string } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) out[k] = isText(v) ? v[lang] : v;
  out.message = textOf(f.message)[lang];
  return out as { field: string; message: string };
}

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
                fields: err.fields.map((f) => localizeField(f, lang)),
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
      message: issueText({
        code: v.keyword,
        message: v.message ?? "invalid",
        ...(v.params as Record<string, unknown>),
      })[lang],
    }));
    const names = [...new Set(fields.map((f) => f.field))];
    const message = t(
      `${PART_ZH[context ?? ""] ?? "提交的内容"}有 ${names.length} 处不符合要求，请按提示修改`,
      `invalid ${context ?? "input"}: ${names.join(", ")}`,
    );
    return {
      status: 400,
      body: { error: { code: "validation", message: message[lang], fields } },
    };
  }
  const fe = err as Partial<FastifyError>;
  if (fe.statusCode === 429) {
    return {
      status: 429,
      body: { error: { code: "rate_limited", message: TOO_MANY[lang] } },
    };
  }
  if (fe.statusCode === 413) {
    return {
      status: 413,
      body: { error: { code: "too_large", message: TOO_LARGE[lang] } },
    };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: { error: { code: "bad_request", message: badRequest(fe)[lang] } },
    };
  }
  if ((err as { code?: unknown }).code === "42501") {
    // PostgreSQL refused the row (row-level security, or a SECURITY DEFINER path's own
    // check): the second line of defence held where a check in code was missing.
    const m = t("无权操作该记录", "not permitted on this record");
    return { status: 403, body: { error: { code: "forbidden", message: m[lang] } } };
  }
  if (isDatabaseUnavailable(err)) {
    // The database is away (restart, dropped connection). A transaction whose
    // connection dropped before COMMIT was rolled back by PostgreSQL.
    const m = t("数据库暂时不可用，请稍后重试", "the database is unavailable; try again shortly");
    return { status: 503, body: { error: { code: "unavailable", message: m[lang] } } };
  }
  return { status: 500, body: { error: { code: "internal", message: INTERNAL[lang] } } };
}

/** Which part of the request a validation error is about. */
const PART_ZH: Record<string, string> = {
  body: "提交的内容",
  querystring: "查询条件",
  params: "地址",
  headers: "请求头",
};

const TOO_MANY = t("操作过于频繁，请稍后再试", "too many requests: try again later");
const TOO_LARGE = t("提交的内容过大（上限 2 MB）", "request body too large (at most 2 MB)");
const INTERNAL = t("服务器内部错误，请稍后再试或联系管理员", "internal error");

/** Fastify's own 4xx refusals (bad JSON, wrong content type, …), in the request's language. */
function badRequest(fe: Partial<FastifyError>): Text {
  switch (fe.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return t("不支持的内容类型", `unsupported content type: ${fe.message ?? ""}`);
    case "FST_ERR_BAD_URL":
      return t("地址无效（无法解码）", `the address does not decode: ${fe.message ?? ""}`);
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return t("内容类型为 JSON，但请求体为空", "the JSON body is empty");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case undefined:
      if (fe.statusCode === 400 && /JSON/i.test(fe.message ?? ""))
        return t("请求体不是有效的 JSON", fe.message ?? "invalid JSON body");
      return t("请求无效", fe.message ?? "bad request");
    default:
      return t("请求无效", fe.message ?? "bad request");
  }
}

/** The 404 of a path no route serves. */
export function noRoute(method: string, url: string): Text {
  return t(`没有这个地址：${method} ${url}`, `no route ${method} ${url}`);
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
