/**
 * The API client. Same-origin fetch with the session cookie; every state-changing
 * request carries the CSRF token from the login response or GET /api/auth/session;
 * errors come back as ApiError carrying the server's envelope.
 */

export interface FieldError {
  field: string;
  message: string;
  /** An import's bad cell: the sheet row, the column's header and why. */
  row?: number;
  column?: string;
  reason?: string;
}

export interface ErrorEnvelope {
  error: { code: string; message: string; fields?: FieldError[] };
}

export class ApiError extends Error {
  readonly status: number;
  readonly envelope: ErrorEnvelope;

  constructor(status: number, envelope: ErrorEnvelope) {
    super(envelope.error.message);
    this.name = "ApiError";
    this.status = status;
    this.envelope = envelope;
  }

  get code(): string {
    return this.envelope.error.code;
  }

  get fields(): FieldError[] {
    return this.envelope.error.fields ?? [];
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let csrfToken: string | undefined;
/** The UI's language: sent as Accept-Language so that the server answers in it. */
let language: "zh" | "en" = "zh";

/** Set by the i18n provider whenever the UI language changes. */
export function setRequestLanguage(lang: "zh" | "en"): void {
  language = lang;
}

const ACCEPT_LANGUAGE = { zh: "zh-CN,zh;q=0.9", en: "en" } as const;

/** Messages of the client itself (the server's come in the requested language). */
const CLIENT_TEXT = {
  network: { zh: "无法连接服务器，请检查网络后重试", en: "cannot reach the server" },
  http: { zh: "服务器返回错误", en: "the server answered with an error" },
} as const;
let onUnauthenticated: (() => void) | undefined;
/** Bumped whenever the session changes, so a late 401 from an old session is ignored. */
let sessionEpoch = 0;

export function setCsrfToken(token: string | undefined): void {
  if (token !== csrfToken) sessionEpoch++;
  csrfToken = token;
}

/** Called on any 401 (except from the login call itself): the app goes to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** `/api/x` plus the query string of the defined, non-empty params. */
export function withQuery(path: string, params?: QueryParams): string {
  if (!params) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const env = body as Partial<ErrorEnvelope> | undefined;
  if (env?.error && typeof env.error.message === "string") {
    return new ApiError(res.status, env as ErrorEnvelope);
  }
  return new ApiError(res.status, {
    error: {
      code: `http_${res.status}`,
      message: `${CLIENT_TEXT.http[language]}（${res.status}）`,
    },
  });
}

export interface RequestOptions {
  params?: QueryParams;
  body?: unknown;
  /** A raw body (a file) sent as it is, with this content type, instead of JSON. */
  raw?: { body: Blob; contentType: string };
  /** Do not call the 401 handler (login and the initial session probe). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}) {
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": ACCEPT_LANGUAGE[language],
  };
  if (opts.raw) headers["content-type"] = opts.raw.contentType;
  else if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (STATE_CHANGING.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  const epoch = sessionEpoch;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.params), {
      method,
      headers,
      credentials: "same-origin",
      body: opts.raw
        ? opts.raw.body
        : opts.body === undefined
          ? undefined
          : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, { error: { code: "network", message: CLIENT_TEXT.network[language] } });
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !opts.quiet401 && epoch === sessionEpoch) onUnauthenticated?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams, signal?: AbortSignal) =>
    request<T>("GET", path, { params, signal }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, { body: body ?? {} }),
  delete: <T>(path: string, body?: unknown) => request<T>("DELETE", path, { body }),
  /** POST a file as the raw body (e.g. an .xlsx import). */
  upload: <T>(path: string, file: Blob, contentType: string, params?: QueryParams) =>
    request<T>("POST", path, { raw: { body: file, contentType }, params }),
};

/** The file name a content-disposition header names (filename* first), or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** GET a file with the session and hand it to the browser as a download. */
export async function download(path: string, params: QueryParams, fallbackName: string) {
  const res = await fetch(withQuery(path, params), {
    credentials: "same-origin",
    headers: { "accept-language": ACCEPT_LANGUAGE[language] },
  });
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401) onUnauthenticated?.();
    throw err;
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileNameOf(res.headers.get("content-disposition"), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- shapes of the platform's API: the server's wire schemas (see wire.ts) ----

import type {
  AuditEvent,
  DueDate as DeadlineAnswer,
  Label,
  Region,
  SecurityEvent,
  SessionInfo,
  Unit,
  UserOut as UserRow,
  Labels as WireLabels,
} from "./wire.ts";

export type {
  AuditEvent,
  DeadlineAnswer,
  Label,
  Region,
  SecurityEvent,
  SessionInfo,
  Unit,
  UserRow,
};

export type LabelTable = Record<string, Label>;

/** The label tables of /api/labels (the server may add groups). */
export type Labels = WireLabels & Record<string, LabelTable>;
