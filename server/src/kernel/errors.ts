/**
 * The small set of domain errors. The HTTP layer maps each code to one status and
 * one JSON envelope `{ error: { code, message, fields? } }`.
 */
export type ErrorCode =
  | "validation"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "invalid_state"
  | "rate_limited";

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fields?: FieldError[]) {
    super("validation", message, fields);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "not found") {
    super("not_found", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "forbidden") {
    super("forbidden", message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "not logged in") {
    super("unauthenticated", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}

export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super("invalid_state", message);
  }
}
