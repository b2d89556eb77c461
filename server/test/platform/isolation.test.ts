import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/engines/registry.ts";
import { buildApp } from "../../src/http/app.ts";
import { MODULES } from "../../src/modules/index.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type TestApp, testApp } from "../support/app.ts";
import { type Extras, MATRIX } from "../support/isolation-matrix.ts";
import { type Cookie, loginAs, type MatrixRun, runMatrix } from "../support/isolation-run.ts";
import {
  ROLE_INFO,
  ROLES,
  type RoleKey,
  SETS,
  seedWorld,
  type World,
} from "../support/isolation-seed.ts";
import { scanPublic } from "../support/masking-scanner.ts";

/**
 * The isolation matrix (issue 8): every route of the OpenAPI document × every role × the
 * records of the home unit, another unit and another district. No answer shows what the
 * role may not see; no write on another's records gets through. Run twice on one seeded
 * database: with the checks in code, and with them switched off (a test-only switch) so
 * that PostgreSQL's row-level security stands alone.
 */
const modules = [...MODULES, examplesModule];
let t: TestApp;
let w: World;
let x: Extras;
let rlsAlone: FastifyInstance;
const sessions = {} as Record<RoleKey, Cookie | undefined>;

beforeAll(async () => {
  t = await testApp(modules);
  w = await seedWorld(t, (u) => t.login(u));
  for (const r of ROLES) {
    sessions[r] = ROLE_INFO[r].username ? await loginAs(t, ROLE_INFO[r].username!) : undefined;
  }
  const office = sessions.office!;
  const ind = await t.app.inject({
    method: "GET",
    url: "/api/indicators",
    headers: { cookie: office.cookie },
  });
  const laws = await t.app.inject({
    method: "GET",
    url: "/api/laws",
    headers: { cookie: office.cookie },
  });
  const body = laws.json() as { code: string }[] | { laws?: { code: string }[] };
  const law = (Array.isArray(body) ? body : (body.laws ?? []))[0] ?? { code: "none" };
  x = {
    // The drill-down of the first indicators (each a query over the region's records;
    // all of them would triple the run): the case and register indicators come first.
    indicators: (ind.json().indicators as { id: string }[]).slice(0, 6).map((i) => i.id),
    law: { code: law.code, no: "1" },
  };
  rlsAlone = await buildApp(
    { db: t.db, config: t.config, clock: t.clock.now, registry: createRegistry(modules) },
    { testOnly: { routeChecks: "off" } },
  );
}, 120_000);
afterAll(async () => {
  await rlsAlone?.close();
  await t?.close();
});

function operations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe("the isolation matrix", () => {
  it("has an entry for every route of the OpenAPI document, and none for a route it lacks", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const routes = operations(doc);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  let checked: MatrixRun;
  it("with the checks in code: no role sees or changes what is not its own to see or change", async () => {
    checked = await runMatrix(t, t.app, w, x, sessions, true);
    expect(checked.problems).toEqual([]);
    // Every role went through every route, and every write was refused where it had to be.
    for (const r of ROLES) expect(checked.covered.get(r)?.size, r).toBe(Object.keys(MATRIX).length);
    expect(checked.writesRefused).toBeGreaterThan(100);
  }, 300_000);

  it("the scan can see: every sentinel showed to a role allowed to see it", () => {
    const expected = SETS.flatMap((s) =>
      Object.keys(w.sets[s].marks).map((what) => `${s}.${what}`),
    );
    expect(expected.filter((k) => !checked.seen.has(k))).toEqual([]);
  });

  it("with row-level security alone (checks in code off): nothing foreign shows, no foreign write lands", async () => {
    const run = await runMatrix(t, rlsAlone, w, x, sessions, false);
    expect(run.problems).toEqual([]);
    expect(run.requests).toBe(checked.requests);
  }, 300_000);

  it("the portal's pages (server-rendered, outside the OpenAPI document) show no party and no number", async () => {
    const parties = SETS.flatMap((k) => {
      const m = w.sets[k].marks;
      return [
        { name: m.name, idNumber: m.idNumber, phone: m.phone },
        { name: m.file, idNumber: m.officerId, phone: m.officerPhone },
      ];
    });
    const scan = await scanPublic(t.app, parties, ["/public", "/public/500156", "/public/500101"]);
    expect(scan.visited.length).toBeGreaterThan(3);
    expect(scan.leaks).toEqual([]);
  });

  it("the switch is refused outside a test run", async () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, VITEST: process.env.VITEST };
    process.env.NODE_ENV = "production";
    delete process.env.VITEST;
    try {
      await expect(
        buildApp(
          { db: t.db, config: t.config, clock: t.clock.now, registry: createRegistry(modules) },
          { testOnly: { routeChecks: "off" } },
        ),
      ).rejects.toThrow(/test-only/);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
