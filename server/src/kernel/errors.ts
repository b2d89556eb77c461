/**
 * The small set of domain errors. The HTTP layer maps each code to one status and
 * one JSON envelope `{ error: { code, message, fields? } }`.
 *
 * Messages a user can meet are bilingual: a `Text` ({ zh, en }) — Chinese is the
 * default, English is chosen by the request's `Accept-Language` (http/errors.ts). A
 * plain string is still accepted while call sites are converted; it is shown as it is
 * in both languages. `Error.message` holds the English text (for logs).
 */
export type ErrorCode =
  | "validation"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "invalid_state"
  | "rate_limited";

/** A message in both languages, Chinese first. */
export interface Text {
  zh: string;
  en: string;
}

/** A message: bilingual, or (legacy) one string shown as it is. */
export type Message = string | Text;

export function textOf(m: Message): Text {
  return typeof m === "string" ? { zh: m, en: m } : m;
}

/** Build a bilingual message: `t("无此案件", "no such case")`. */
export function t(zh: string, en: string): Text {
  return { zh, en };
}

export interface FieldError {
  field: string;
  message: Message;
}

export class DomainError extends Error {
  readonly text: Text;
  constructor(
    readonly code: ErrorCode,
    message: Message,
    readonly fields?: FieldError[],
  ) {
    const text = textOf(message);
    super(text.en);
    this.text = text;
    this.name = "DomainError";
  }
}

export class ValidationError extends DomainError {
  constructor(message: Message, fields?: FieldError[]) {
    super("validation", message, fields);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: Message = t("未找到", "not found")) {
    super("not_found", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: Message = t("无权进行此操作", "forbidden")) {
    super("forbidden", message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message: Message = t("未登录或会话已过期", "not logged in")) {
    super("unauthenticated", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: Message) {
    super("conflict", message);
  }
}

export class InvalidStateError extends DomainError {
  constructor(message: Message) {
    super("invalid_state", message);
  }
}
