import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULES } from "../../src/modules/index.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * The OpenAPI document is usable for client generation (issue 7 §9): it lints clean
 * with a maintained third-party linter (Redocly CLI 2.x, `recommended` rules, the few
 * exceptions with their reasons in server/redocly.yaml), and real answers of the API
 * match what it documents — every response of a representative run is validated with
 * ajv against the schema the document gives for its operation and status.
 */
type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; schema?: Json }[];
  responses: Record<string, Json>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> } & Json;
  servers?: { url: string }[];
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// CommonJS modules: their default export is also `module.exports.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

let t: TestApp;
let doc: Doc;
const u: Record<string, number> = {};

beforeAll(async () => {
  t = await testApp([...MODULES, examplesModule]);
  doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  u.market = await t.unit("500156", "scjgj");
  u.office = await t.unit("500156", "sfj");
  await t.user("handler", u.market, ["case_handler"]);
  await t.user("leader", u.market, ["unit_leader"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  await t.user("sys", u.office, ["sys_admin"]);
});
afterAll(async () => t?.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

describe("the OpenAPI document", () => {
  it("lints with Redocly CLI (recommended rules): no errors, no warnings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fazhi-openapi-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(doc));
      const cli = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
      const run = await promisify(execFile)(
        process.execPath,
        [cli, "lint", file, "--config", join(here, "../../redocly.yaml"), "--format", "json"],
        {
          cwd: dir,
          // Offline and deterministic: no telemetry, no update check.
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: "off",
            REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
            CI: "true",
          },
          maxBuffer: 32 * 1024 * 1024,
        },
      ).catch((e: { stdout?: string; stderr?: string }) => e);
      const out = JSON.parse(String(run.stdout)) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
      };
      const problems = out.problems.map(
        (p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`,
      );
      expect(problems).toEqual([]);
      expect(out.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("names every operation and documents its success body and its error envelope", () => {
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(op.operationId!), `${where}: operationId ${op.operationId} twice`).toBe(false);
      ids.add(op.operationId!);
      expect(op.tags?.length, where).toBeGreaterThan(0);
      const ok = Object.entries(op.responses).filter(([s]) => s.startsWith("2"));
      expect(ok.length, where).toBe(1);
      const [status, res] = ok[0]!;
      if (status !== "204") expect(res.content, `${where}: no success body`).toBeTruthy();
      const errors = Object.entries(op.responses).filter(([s]) => /^[45]/.test(s));
      expect(errors.length, `${where}: no error responses`).toBeGreaterThan(0);
      for (const [, e] of errors) expect(e.$ref).toMatch(/^#\/components\/responses\//);
    }
    for (const r of Object.values(doc.components.responses)) {
      expect(r).toMatchObject({
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
      });
    }
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it("declares the session cookie and the CSRF header; public routes need neither, writes need both", () => {
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: "apiKey", in: "cookie", name: "fazhi_sid" }),
      csrf: expect.objectContaining({ type: "apiKey", in: "header", name: "x-csrf-token" }),
    });
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      if (path.startsWith("/public/") || ["login", "health", "labels"].includes(op.operationId!)) {
        expect(op.security, where).toEqual([]);
      } else if (method === "get") {
        expect(op.security, where).toEqual([{ session: [] }]);
      } else {
        expect(op.security, where).toEqual([{ session: [], csrf: [] }]);
      }
      expect(op.responses["401"] !== undefined, where).toBe(op.security!.length > 0);
    }
  });

  it("documents query strings as named parameters (not a record schema)", () => {
    for (const { path, method, op } of operations()) {
      for (const p of op.parameters ?? []) {
        const where = `${method.toUpperCase()} ${path} ${p.in} ${p.name}`;
        expect(p.schema?.type, where).not.toBe("object");
        expect(p.schema && "propertyNames" in p.schema, where).toBe(false);
      }
    }
    const names = (id: string) =>
      operations()
        .find((o) => o.op.operationId === id)
        ?.op.parameters?.filter((p) => p.in === "query")
        .map((p) => p.name);
    expect(names("listCases")).toEqual(
      expect.arrayContaining(["state", "unitId", "q", "open", "page", "pageSize"]),
    );
    expect(names("attachFile")).toEqual(
      expect.arrayContaining(["name", "kind", "device", "officer", "capturedAt"]),
    );
  });
});

describe("real answers match the document", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("binary", true);
  const covered = new Map<string, Set<number>>();

  /** The documented operation of a request, by method and path template. */
  function operationOf(method: string, url: string): Operation {
    const path = url.split("?")[0]!;
    for (const [template, item] of Object.entries(doc.paths)) {
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+").replace(/\./g, "\\.")}$`);
      const op = item[method.toLowerCase()];
      if (re.test(path) && op) return op;
    }
    throw new Error(`${method} ${path} is not in the document`);
  }

  /** Validate one answer against the schema documented for its operation and status. */
  function conforms(method: string, url: string, res: LightMyRequestResponse) {
    const op = operationOf(method, url);
    const where = `${method} ${url} → ${res.statusCode}`;
    let documented = op.responses[String(res.statusCode)] as Json | undefined;
    expect(documented, `${where}: status not documented`).toBeTruthy();
    const ref = documented!.$ref as string | undefined;
    if (ref) documented = doc.components.responses[ref.split("/").pop()!];
    const ids = covered.get(op.operationId!) ?? new Set<number>();
    ids.add(res.statusCode);
    covered.set(op.operationId!, ids);
    const content = documented!.content as Record<string, { schema: Json }> | undefined;
    if (!content) {
      expect(res.body, `${where}: undocumented body`).toBe("");
      return;
    }
    const json = content["application/json"];
    const type = String(res.headers["content-type"] ?? "");
    if (!json) {
      expect(type.startsWith("application/json"), `${where}: ${type}`).toBe(false);
      return;
    }
    expect(type, where).toMatch(/^application\/json/);
    const validate = ajv.compile({ ...json.schema, components: doc.components });
    const ok = validate(res.json());
    expect(ok ? [] : validate.errors, where).toEqual([]);
  }

  async function call(s: Session | undefined, opts: InjectOptions) {
    const res = await t.call(s, opts);
    conforms(String(opts.method ?? "GET"), String(opts.url), res);
    return res;
  }
  const get = (s: Session | undefined, url: string) => call(s, { method: "GET", url });

  it("a representative run: auth, directory, settings, cases, warnings, registers, indicators, portal", async () => {
    t.clock.t = new Date("2020-10-09T02:00:00Z");
    let handler = await t.login("handler");
    let leader = await t.login("leader");
    let office = await t.login("office");
    const sys = await t.login("sys");
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "handler", password: "Correct-Horse-9" },
    });
    conforms("POST", "/api/auth/login", login);
    conforms(
      "POST",
      "/api/auth/login",
      await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "handler" },
      }),
    );

    await get(undefined, "/api/health");
    await get(undefined, "/api/labels");
    await get(handler, "/api/auth/session");
    await get(undefined, "/api/auth/session"); // 401
    await get(handler, "/api/regions");
    await get(handler, "/api/units");
    await get(sys, "/api/users");
    await get(handler, "/api/users"); // 403
    await get(handler, "/api/settings");
    const settings = (await get(handler, "/api/settings")).json() as { code: string }[];
    expect(settings.length).toBeGreaterThan(0);
    await call(sys, {
      method: "PUT",
      url: `/api/settings/${settings[0]!.code}`,
      payload: { region: "500156", value: null, basis: "恢复国家默认值" },
    });
    await get(handler, "/api/calendar/deadline?start=2020-09-30&period=20wd");
    await get(handler, "/api/calendar/deadline?start=2020-09-31&period=20wd"); // 422

    // Cases: the worked example permit, opened, listed, read, stepped, warned about.
    await get(handler, "/api/case-types");
    const opened = await call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: {
        fields: {
          applicant: { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" },
          item: "食品经营许可",
          category: "market",
        },
        onDate: "2020-09-30",
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    const step = await call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${id}/actions/accept`,
      payload: { version: 1, onDate: "2020-09-30" },
    });
    expect(step.statusCode, step.body).toBe(200);
    await call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${id}/actions/accept`,
      payload: { version: 1, onDate: "2020-09-30" },
    }); // 409 stale version
    await call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${id}/attachments?name=${encodeURIComponent("申请书.pdf")}`,
      payload: Buffer.from("%PDF-1.4\n%fazhi\n"),
      headers: { "content-type": "application/pdf" },
    });
    await get(handler, "/api/cases/example_permit?page=1&pageSize=5&open=true&q=食品");
    const detail = await get(handler, `/api/cases/example_permit/${id}`);
    expect(detail.json().deadlines.length).toBeGreaterThan(0);
    await get(handler, "/api/cases/example_permit/999999"); // 404
    await get(handler, "/api/cases/example_permit/abc"); // 400
    t.clock.t = new Date("2020-11-20T02:00:00Z"); // sessions idle out: log in again
    handler = await t.login("handler");
    leader = await t.login("leader");
    office = await t.login("office");
    const warnings = await get(handler, "/api/warnings");
    expect(warnings.json().items.length).toBeGreaterThan(0);
    await get(office, "/api/warnings?level=overdue");

    // Registers: the example officer register (encrypted, public fields).
    await get(handler, "/api/registers");
    const created = await call(handler, {
      method: "POST",
      url: "/api/registers/example_officer/entries",
      payload: {
        data: {
          name: "李四",
          certificateNo: "50015600001",
          idNumber: "11010519491231002X",
          phone: "13800138000",
          validFrom: "2020-01-01",
          validTo: "2025-12-31",
          legalReviewer: true,
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json() as { id: number; version: number };
    await get(handler, "/api/registers/example_officer/entries?legalReviewer=true");
    await get(handler, `/api/registers/example_officer/entries/${entry.id}`);
    await call(handler, {
      method: "PUT",
      url: `/api/registers/example_officer/entries/${entry.id}`,
      payload: { version: entry.version, data: { name: "李四" } },
    }); // 422: the data misses required fields
    await get(handler, `/api/registers/example_officer/entries/${entry.id}/versions`);

    // Indicators: the figures of the report and the records behind one.
    const list = await get(office, "/api/indicators");
    await get(office, "/api/indicators/values?year=2020");
    const first = (list.json().indicators as { id: string }[])[0]!.id;
    await get(office, `/api/indicators/${encodeURIComponent(first)}/drill?year=2020&limit=5`);
    await get(office, "/api/indicators/values?region=110101"); // 404

    // Public JSON of the portal, and the published anchors (no login).
    await get(undefined, "/public/api/500156/cases/example_permit");
    await get(undefined, "/public/api/500156/registers/example_officer");
    await get(undefined, "/public/audit/anchors.json?region=500156");

    // A write without the CSRF header is refused with the envelope.
    const noCsrf = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: `fazhi_sid=${leader.cookie.split("=")[1]}` },
    });
    conforms("POST", "/api/auth/logout", noCsrf);
    expect(noCsrf.statusCode).toBe(403);
    await call(leader, { method: "POST", url: "/api/auth/logout" });

    const need: Record<string, number[]> = {
      login: [200, 400],
      getSession: [200, 401],
      listUsers: [200, 403],
      listSettings: [200],
      putSetting: [200],
      deadline: [200, 422],
      listCaseTypes: [200],
      openCase: [201],
      takeStep: [200, 409],
      attachFile: [201],
      listCases: [200],
      getCase: [200, 404, 400],
      listWarnings: [200],
      listRegisters: [200],
      createEntry: [201],
      listEntries: [200],
      getEntry: [200],
      updateEntry: [422],
      entryVersions: [200],
      listIndicators: [200],
      indicatorValues: [200, 404],
      drillIndicator: [200],
      publicCases: [200],
      publicEntries: [200],
      auditAnchors: [200],
      logout: [200, 403],
    };
    for (const [op, statuses] of Object.entries(need)) {
      expect([...(covered.get(op) ?? [])].sort(), op).toEqual(expect.arrayContaining(statuses));
    }
  }, 120_000);
});
