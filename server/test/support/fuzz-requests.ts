import fc from "fast-check";
import {
  bodyFor as bodyValue,
  dateLike,
  hostileValue,
  type Schema,
  valueFor,
} from "./fuzz-values.ts";

/**
 * Requests for the fuzz suite, generated from the OpenAPI document: for each operation
 * its path parameters, query string and body come from the documented JSON schemas. Where
 * the document says only "an object" (the case engine's step bodies are checked by the
 * case type at run time), the body comes from the case type's own schemas (fields, step
 * input — `GET /api/case-types`), the register's columns (`GET /api/registers`), or the
 * shape named below. Known ids and codes are tried most of the time so that requests get
 * past "not found" into validation and the handlers.
 */
export interface FuzzRequest {
  role: string;
  operationId: string;
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface Operation {
  operationId: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface CaseTypeInfo {
  code: string;
  fields: Schema;
  states: Record<string, unknown>;
  transitions: { action: string; input: Schema | null }[];
  clocks: { code: string }[];
  linkKinds: { code: string }[];
  participantRoles: Record<string, unknown>;
  documents: { code: string }[];
}
export interface RegisterInfo {
  code: string;
  columns: { field: string; kind: string; options?: Record<string, unknown> }[];
}

/** Known values, filled as the run goes (new cases, entries, users…). */
export interface Pools {
  regions: string[];
  units: number[];
  users: number[];
  cases: { id: number; type: string }[];
  entries: number[];
  attachments: number[];
  settings: string[];
  laws: string[];
  indicators: string[];
  caseTypes: CaseTypeInfo[];
  registers: RegisterInfo[];
  /** The current version of a record ("case:12", "entry:3"), as last answered. */
  versions: Map<string, number>;
}

/** An element of a pool as it is when the value is generated (pools grow during the run). */
const from = <T>(list: () => readonly T[], fallback: T) =>
  fc.nat().map((i) => {
    const l = list();
    return l.length ? l[i % l.length]! : fallback;
  });
/** One of the values (never empty: "x" when there are none). */
const pick = (xs: readonly unknown[]) => fc.constantFrom(...(xs.length ? xs : ["x"]));
const orHostile = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 9, arbitrary: a as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: hostileValue },
  );

const columnSchema = (kind: string, options?: Record<string, unknown>): Schema => {
  switch (kind) {
    case "integer":
      return { type: "integer", minimum: 0, maximum: 1000 };
    case "number":
      return { type: "number" };
    case "date":
      return { type: "string", format: "date" };
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { enum: Object.keys(options ?? {}) };
    case "list":
      return { type: "array", items: { type: "string" } };
    default:
      return { type: "string", maxLength: 100 };
  }
};

export function requestArbitrary(doc: OpenApiDoc, pools: Pools, roles: string[]) {
  const casesOf = (type: string | undefined) => {
    const own = pools.cases.filter((c) => c.type === type).map((c) => c.id);
    return own.length ? own : pools.cases.map((c) => c.id);
  };
  const resolve = (ref: string) => doc.components.schemas[ref.split("/").pop()!];
  const shared = {
    version: fc.integer({ min: 1, max: 6 }),
    unitId: from(() => pools.units, 1),
    handlerUserId: from(() => pools.users, 1),
    toCaseId: from(() => pools.cases.map((c) => c.id), 1),
    onDate: dateLike,
    on: dateLike,
    period: fc.constantFrom("20wd", "10d", "1m", "3wd", "0d", "-5d", "99999y", "x"),
    reason: fc.constantFrom("专家评审需要时间", "依法需要", "复核"),
    year: fc.integer({ min: 2019, max: 2021 }),
    region: from(() => pools.regions, "500156"),
  };
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

  // The arbitrary of one operation for one case type and register, built once.
  const built = new Map<string, fc.Arbitrary<Omit<FuzzRequest, "role">>>();
  const forOperation = (
    { path, method, op }: (typeof ops)[number],
    caseType: CaseTypeInfo | undefined,
    register: RegisterInfo | undefined,
  ) => {
    const key = [
      op.operationId,
      path.includes("{type}") ? caseType?.code : "",
      path.includes("/registers/") ? register?.code : "",
    ].join("|");
    const a = built.get(key) ?? operationArbitrary(path, method, op, caseType, register);
    built.set(key, a);
    return a;
  };
  return fc
    .tuple(
      // The engines' writes weigh more: that is where the deepest handlers are.
      fc.oneof(
        ...ops.map((o) => ({
          weight: o.method !== "GET" && /^\/api\/(cases|registers)\//.test(o.path) ? 4 : 1,
          arbitrary: fc.constant(o),
        })),
      ),
      fc.constantFrom(...roles),
      from<CaseTypeInfo | undefined>(() => pools.caseTypes, undefined),
      from<RegisterInfo | undefined>(() => pools.registers, undefined),
    )
    .chain(([o, role, caseType, register]) =>
      forOperation(o, caseType, register).map((r): FuzzRequest => ({ role, ...r })),
    );

  function operationArbitrary(
    path: string,
    method: string,
    op: Operation,
    caseType: CaseTypeInfo | undefined,
    register: RegisterInfo | undefined,
  ): fc.Arbitrary<Omit<FuzzRequest, "role">> {
    const pools1: Record<string, fc.Arbitrary<unknown>> = {
      ...shared,
      clock: pick(caseType?.clocks.map((c) => c.code) ?? []),
      clocks: fc.array(pick(caseType?.clocks.map((c) => c.code) ?? []), { maxLength: 2 }),
      kind: pick(caseType?.linkKinds.map((k) => k.code) ?? []),
      role: pick(Object.keys(caseType?.participantRoles ?? {})),
    };
    const opts = { resolve, pools: pools1 };
    const isRegister = path.startsWith("/api/registers/") || path.includes("/registers/");
    const pathValue = (name: string, schema?: Schema): fc.Arbitrary<unknown> => {
      const known: Record<string, fc.Arbitrary<unknown>> = {
        type: fc.constant(caseType?.code ?? "example_permit"),
        action: pick(caseType?.transitions.map((t) => t.action) ?? []),
        attachmentId: from(() => pools.attachments, 1),
        region: shared.region,
        no: fc.integer({ min: 1, max: 120 }),
        id:
          op.operationId === "drillIndicator"
            ? from(() => pools.indicators, "x")
            : path.startsWith("/api/users")
              ? from(() => pools.users, 1)
              : isRegister
                ? from(() => pools.entries, 1)
                : from(() => casesOf(caseType?.code), 1),
        code:
          op.operationId === "putSetting"
            ? from(() => pools.settings, "x")
            : op.operationId === "getLawArticle"
              ? from(() => pools.laws, "x")
              : op.operationId === "caseDocument"
                ? pick(caseType?.documents.map((d) => d.code) ?? [])
                : fc.constant(register?.code ?? "x"),
      };
      return known[name] ? orHostile(known[name]) : valueFor(schema, opts, name);
    };
    const params = (op.parameters ?? []).filter((p) => p.in === "path");
    const query = (op.parameters ?? []).filter((p) => p.in === "query");
    const queryValue = (name: string, schema?: Schema) => {
      if (name === "state" && caseType) return orHostile(pick(Object.keys(caseType.states)));
      if (name === "ids") return orHostile(from(() => pools.indicators, "x"));
      if (name === "kind" && op.operationId === "listSecurityEvents")
        return orHostile(fc.constantFrom("login_failed", "access_denied"));
      return valueFor(schema, opts, name);
    };
    const pathArb = fc.tuple(...params.map((p) => pathValue(p.name, p.schema)));
    const queryArb = fc.tuple(
      ...query.map((p) =>
        fc.option(queryValue(p.name, p.schema), { freq: p.required ? 10 : 2, nil: undefined }),
      ),
    );
    const bodyArb = bodyFor(op, caseType, register, opts);
    const idAt = params.findIndex((p) => p.name === "id");
    return fc.tuple(pathArb, queryArb, bodyArb).map(([pv, qv, generated]) => {
      // A small expected version (the pool's 1–6) becomes the record's current one, so
      // that steps and edits get past the optimistic check into their own validation.
      const body = withCurrentVersion(
        generated,
        pools.versions.get(`${isRegister ? "entry" : "case"}:${String(pv[idAt])}`),
      );
      let url = path;
      params.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encodePath(asText(pv[i])));
      });
      const qs = new URLSearchParams();
      query.forEach((p, i) => {
        const v = qv[i];
        if (v === undefined) return;
        if (Array.isArray(v)) for (const x of v) qs.append(p.name, asText(x));
        else qs.append(p.name, asText(v));
      });
      const q = qs.toString();
      return {
        operationId: op.operationId,
        method,
        url: q ? `${url}?${q}` : url,
        ...(body as { payload?: unknown; headers?: Record<string, string> }),
      };
    });
  }
}

function withCurrentVersion<B extends { payload?: unknown; headers?: Record<string, string> }>(
  body: B,
  current: number | undefined,
): B {
  if (current === undefined || typeof body.payload !== "string") return body;
  if (body.headers?.["content-type"] !== "application/json") return body;
  const v = JSON.parse(body.payload) as unknown;
  if (!v || typeof v !== "object" || Array.isArray(v)) return body;
  const version = (v as { version?: unknown }).version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1 || version > 6)
    return body;
  return { ...body, payload: JSON.stringify({ ...v, version: current }) };
}

/** Percent-encoded; a lone surrogate goes as its (invalid) CESU-8 bytes. */
const LONE = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;
const encodePath = (v: string) =>
  v
    .split(LONE)
    .map((part, i) => (i % 2 ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");
const asText = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/** The body of an operation: raw bytes for uploads and imports, JSON otherwise. */
function bodyFor(
  op: Operation,
  caseType: CaseTypeInfo | undefined,
  register: RegisterInfo | undefined,
  opts: Parameters<typeof valueFor>[1],
): fc.Arbitrary<{ payload?: unknown; headers?: Record<string, string> }> {
  // JSON, encoded here (a bare string given to inject would go as raw text).
  const json = (schema: Schema) =>
    bodyValue(schema, opts).map((v) => ({
      payload: JSON.stringify(v),
      headers: { "content-type": "application/json" },
    }));
  const fields = caseType?.fields ?? {};
  const str: Schema = { type: "string" };
  const ver: Schema = { type: "integer", minimum: 1 };
  const date: Schema = { type: "string", format: "date" };
  const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
    type: "object",
    properties,
    required,
  });
  switch (op.operationId) {
    case "attachFile":
    case "importCases":
    case "importEntries":
      return fc
        .tuple(
          fc.oneof(
            fc.constant(Buffer.from("%PDF-1.4\n%fazhi\n")),
            fc.constant(Buffer.from("<html><script>alert(1)</script></html>")),
            fc.constant(Buffer.from("PK\u0003\u0004garbage")),
            fc.uint8Array({ maxLength: 256 }).map((a) => Buffer.from(a)),
          ),
          fc.constantFrom(
            "application/pdf",
            "text/plain",
            "image/jpeg",
            "application/octet-stream",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          ),
        )
        .map(([payload, type]) => ({ payload, headers: { "content-type": type } }));
    case "openCase":
      return json(obj({ fields, onDate: date, unitId: ver, handlerUserId: ver }, ["fields"]));
    case "openSubCase":
      return json(obj({ fields, onDate: date, unitId: ver }, ["unitId", "fields"]));
    case "takeStep": {
      const inputs =
        caseType?.transitions.map((t) => t.input).filter((s): s is Schema => !!s) ?? [];
      const input: Schema = inputs.length ? { anyOf: inputs } : { type: "object" };
      return json(obj({ version: ver, input, onDate: date, reason: str }, ["version"]));
    }
    case "suspendCase":
      return json(
        obj(
          {
            version: ver,
            clocks: { type: "array", items: str },
            clock: str,
            reason: str,
            onDate: date,
          },
          ["version", "reason"],
        ),
      );
    case "resumeCase":
      return json(obj({ version: ver, onDate: date }, ["version"]));
    case "extendClock":
      return json(
        obj(
          {
            version: ver,
            clock: str,
            period: str,
            reason: str,
            notice: obj({ on: date, text: str }, ["on", "text"]),
            onDate: date,
          },
          ["version", "clock", "period", "reason", "notice"],
        ),
      );
    case "linkCase":
      return json(obj({ kind: str, toCaseId: ver }, ["kind", "toCaseId"]));
    case "addParticipant":
      return json(obj({ unitId: ver, role: str }, ["unitId", "role"]));
    case "revealCasePeople":
      return json(obj({ reason: str }, ["reason"]));
    case "loadHolidayNotice":
      return json(
        obj(
          {
            year: { type: "integer", minimum: 1949, maximum: 9999 },
            document: str,
            verified: { type: "boolean" },
            off: { type: "array", items: date },
            workdays: { type: "array", items: date },
          },
          ["year", "document", "verified", "off", "workdays"],
        ),
      );
    case "createEntry":
    case "updateEntry": {
      const data = obj(
        Object.fromEntries(
          (register?.columns ?? []).map((c) => [c.field, columnSchema(c.kind, c.options)]),
        ),
      );
      const props: Record<string, Schema> = { data, unitId: ver, version: ver, reason: str };
      return json(obj(props, op.operationId === "createEntry" ? ["data"] : ["version", "data"]));
    }
    default: {
      const schema = op.requestBody?.content["application/json"]?.schema;
      if (!schema) return fc.constant({});
      return json(schema);
    }
  }
}
