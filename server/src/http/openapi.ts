/**
 * The OpenAPI 3.1 document (`GET /api/openapi.json`, the page at `/api/docs`), generated
 * from the routes' zod schemas, for integrators (the provincial enforcement supervision,
 * government-service and credit platforms) who generate clients from it.
 *
 * - Every route names an `operationId` and `tags`; success bodies come from the zod
 *   schemas in the wire files (`http/wire.ts`, `engines/<engine>/wire.ts`), the same
 *   schemas Fastify serializes the answers through.
 * - Errors: the one envelope (`ErrorEnvelope`, http/errors.ts) under the statuses a
 *   route can answer, derived here from what the route declares (its `access`, whether
 *   it changes state, takes input, is rate-limited).
 * - Security: the session cookie and, on state-changing requests, the CSRF header;
 *   public routes `security: []`.
 * The document is linted with Redocly CLI (`recommended`) in test/platform/openapi.test.ts.
 */
import type { SwaggerOptions } from "@fastify/swagger";
import type { FastifySerializerCompiler } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { type Access, SESSION_COOKIE } from "./context.ts";
import { ErrorEnvelope } from "./wire.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The error responses, each the envelope with the codes it may carry. */
const ERRORS = {
  400: ["BadRequest", "The input's shape is wrong (code validation: every bad field named)"],
  401: ["Unauthenticated", "No valid session (log in: POST /api/auth/login)"],
  403: ["Forbidden", "Lacking the permission, a missing CSRF header, or a one-time password"],
  404: ["NotFound", "No such record, or none visible to me"],
  409: ["Conflict", "A stale version (conflict) or a step not open in this state (invalid_state)"],
  413: ["TooLarge", "The body is larger than the route accepts"],
  422: ["Unprocessable", "The input breaks a rule of the domain (the fields named)"],
  429: ["RateLimited", "Too many requests; try again later"],
  503: ["Unavailable", "The database is away for a moment (code unavailable); try again shortly"],
} as const;
type ErrorStatus = keyof typeof ERRORS;
const SUCCESS: Record<string, string> = { "200": "OK", "201": "Created", "204": "No content" };

interface RouteLike {
  method: string | string[];
  url: string;
  config?: { access?: Access; csrf?: boolean; rateLimit?: unknown };
  bodyLimit?: number;
}

/** The statuses other than success a route can answer, from what it declares. */
export function errorStatuses(route: RouteLike, schema: Record<string, unknown>): ErrorStatus[] {
  const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
  const access = route.config?.access;
  const writes = STATE_CHANGING.has(method);
  const input = Boolean(schema.body || schema.querystring || schema.params);
  const out = new Set<ErrorStatus>();
  if (input) out.add(400);
  if (access !== "public") {
    out.add(401);
    out.add(403);
  }
  if (route.url.includes(":") || (access !== "public" && schema.querystring)) out.add(404);
  if (writes) {
    out.add(409);
    out.add(422);
  }
  if (schema.querystring) out.add(422);
  if (writes && route.bodyLimit) out.add(413);
  if (route.config?.rateLimit) out.add(429);
  if (out.size === 0) out.add(404);
  // Every route may meet a database that is away for a moment (db/connection.ts).
  if (route.url.startsWith("/api/") && route.url !== "/api/openapi.json") out.add(503);
  return [...out].sort();
}

/** Who may call: public routes need nothing; writes need the session and the CSRF header. */
export function securityOf(route: RouteLike): Record<string, string[]>[] {
  const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
  if (route.config?.access === "public") return [];
  if (STATE_CHANGING.has(method) && route.config?.csrf !== false)
    return [{ session: [], csrf: [] }];
  return [{ session: [] }];
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteLike };

/** Per route: zod → JSON Schema, then security and the error statuses to document. */
function transform(input: TransformInput) {
  const { route, url } = input;
  // Only the API is documented (not the web's pages or the portal's HTML).
  if (!url.startsWith("/api/") && !url.startsWith("/public/"))
    return { schema: { hide: true }, url };
  const out = jsonSchemaTransform(input) as { schema: Record<string, unknown>; url: string };
  if (out.schema.hide) return out;
  const source = (input.schema ?? {}) as Record<string, unknown>;
  out.schema.security = securityOf(route);
  out.schema["x-fazhi-errors"] = errorStatuses(route, source);
  return out;
}

interface Doc {
  paths?: Record<string, Record<string, Record<string, unknown>>>;
  components?: Record<string, Record<string, unknown>>;
}

/** The whole document: components, the error responses by reference, unused schemas dropped. */
function transformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const doc = jsonSchemaTransformObject(input) as unknown as Doc;
  doc.components ??= {};
  const components = doc.components;
  components.schemas ??= {};
  const schemas = components.schemas;
  schemas.ErrorEnvelope ??= stripIds(z.toJSONSchema(ErrorEnvelope, { target: "draft-2020-12" }));
  components.responses ??= {};
  const responses = components.responses;
  for (const [name, description] of Object.values(ERRORS)) {
    responses[name] = {
      description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
    };
  }
  const usedResponses = new Set<string>();
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      const statuses = (op["x-fazhi-errors"] ?? []) as ErrorStatus[];
      delete op["x-fazhi-errors"];
      op.responses ??= {};
      const res = op.responses as Record<string, { description?: string; $ref?: string }>;
      for (const [status, r] of Object.entries(res)) {
        if (r.description === "Default Response") r.description = SUCCESS[status] ?? "Success";
      }
      for (const s of statuses) {
        const name = ERRORS[s][0];
        usedResponses.add(name);
        res[String(s)] = { $ref: `#/components/responses/${name}` };
      }
    }
  }
  for (const name of Object.keys(responses)) if (!usedResponses.has(name)) delete responses[name];
  dropUnusedSchemas(doc, schemas);
  return doc;
}

function stripIds(s: Record<string, unknown>) {
  const { $schema: _s, id: _i, ...rest } = s;
  return rest;
}

/** Both the input and the output variant of every registered schema are emitted: keep what is referenced. */
function dropUnusedSchemas(doc: Doc, schemas: Record<string, unknown>) {
  const refs = (v: unknown, acc: Set<string>) => {
    if (Array.isArray(v)) for (const x of v) refs(x, acc);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string" && x.startsWith("#/components/schemas/"))
          acc.add(x.slice("#/components/schemas/".length));
        else refs(x, acc);
      }
    }
  };
  const used = new Set<string>();
  refs({ paths: doc.paths, responses: doc.components?.responses }, used);
  let frontier = [...used];
  while (frontier.length) {
    const next = new Set<string>();
    for (const name of frontier) refs(schemas[name], next);
    frontier = [...next].filter((n) => !used.has(n));
    for (const n of frontier) used.add(n);
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

export const swaggerOptions: SwaggerOptions = {
  openapi: {
    openapi: "3.1.0",
    info: {
      title: "Fazhi API",
      description:
        "法治 — the working system of a district government's rule-of-law work. " +
        "Log in with POST /api/auth/login: the answer sets the session cookie and gives the " +
        "CSRF token, which every state-changing request sends back as the x-csrf-token header. " +
        "Messages are Chinese; send Accept-Language: en for English.",
      version: "0.1.0",
    },
    servers: [{ url: "/", description: "This server (every path starts with /api or /public)" }],
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "The session cookie set by POST /api/auth/login (HttpOnly, SameSite=Strict)",
        },
        csrf: {
          type: "apiKey",
          in: "header",
          name: "x-csrf-token",
          description: "The csrfToken of the session (login answer or GET /api/auth/session)",
        },
      },
    },
    security: [{ session: [] }],
    tags: [
      { name: "meta", description: "Health and the labels of the stable codes" },
      { name: "auth", description: "Log in and out, the session, one's password" },
      { name: "directory", description: "Regions and units" },
      { name: "accounts", description: "Accounts and roles (the administrators)" },
      { name: "audit", description: "The audit trail and the security log" },
      { name: "calendar", description: "The legal calendar (holidays, periods)" },
      { name: "settings", description: "Rules that differ by province or city" },
      { name: "cases", description: "The case engine: every declared case type" },
      { name: "registers", description: "The register engine: every declared register" },
      { name: "indicators", description: "The indicator engine: figures and their records" },
      { name: "public", description: "Published without login: anchors, public projections" },
    ],
  },
  transform: transform as never,
  transformObject: transformObject as never,
};

/**
 * Answers go through their zod schema (an allowlist: undeclared fields never leave);
 * a file answer (`content` with a media type) is a Buffer that Fastify sends as is.
 */
export const responseSerializer: FastifySerializerCompiler<unknown> = (input) => {
  const schema = input.schema as Record<string, unknown> | null;
  if (schema && typeof schema === "object" && "content" in schema && !("_zod" in schema)) {
    return (data: unknown) => JSON.stringify(data);
  }
  return (serializerCompiler as unknown as FastifySerializerCompiler<unknown>)(input);
};
