import type { FastifyInstance } from "fastify";
import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/db/config.ts";
import { createPool, openDatabase } from "../../../src/db/connection.ts";
import type { DB } from "../../../src/db/schema.ts";
import { ScopedPostgresDialect } from "../../../src/db/scope.ts";
import type { IndicatorDecl } from "../../../src/engines/indicator/declare.ts";
import { countCases } from "../../../src/engines/indicator/queries.ts";
import { createRegistry, type ModuleDecl } from "../../../src/engines/registry.ts";
import { buildApp } from "../../../src/http/app.ts";
import { examplesModule } from "../../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";

/**
 * Issue 9: the indicators against a read replica. With `DATABASE_READ_URL` the
 * indicators' values and their drill-down read on the replica's pool, everything else
 * (sessions, cases, writes) on the primary's. The "replica" here is a second pool of
 * the app role on the same server, whose checkouts are counted.
 */
const INDICATOR: IndicatorDecl = {
  id: "t_read_opened",
  module: "t_read",
  label: { zh: "受理的许可申请", en: "Permit applications opened" },
  unit: { zh: "件", en: "cases" },
  definition: { zh: "年内收到的许可申请", en: "Permit applications opened in the year" },
  ...countCases({ caseType: "example_permit", by: "opened" }),
};
const READ_MODULE: ModuleDecl = {
  code: "t_read",
  label: { zh: "只读副本测试", en: "Read replica test" },
  indicators: [INDICATOR],
};

let t: TestApp;
let withReplica: FastifyInstance;
let replica: Kysely<DB>;
let checkouts = 0;
let office: Session;

beforeAll(async () => {
  t = await testApp([examplesModule, READ_MODULE]);
  const unit = await t.unit("500156", "sfj", "rule_of_law_office");
  await t.user("office", unit, ["case_handler", "rule_of_law_office"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  const pool = createPool(t.config.databaseAppUrl!, 2);
  pool.on("acquire", () => {
    checkouts += 1;
  });
  replica = new Kysely<DB>({ dialect: new ScopedPostgresDialect({ pool }) });
  withReplica = await buildApp({
    db: { ...t.db, read: replica },
    config: t.config,
    clock: t.clock.now,
    registry: createRegistry([examplesModule, READ_MODULE]),
  });
  office = await t.login("office");
});
afterAll(async () => {
  await withReplica?.close();
  await replica?.destroy();
  await t.close();
});

const call = (method: "GET" | "POST", url: string, payload?: unknown) =>
  withReplica.inject({
    method,
    url,
    headers: { cookie: office.cookie, "x-csrf-token": office.csrf },
    ...(payload ? { payload } : {}),
  });

describe("DATABASE_READ_URL", () => {
  it("writes, sessions and case lists stay on the primary", async () => {
    const before = checkouts;
    const opened = await call("POST", "/api/cases/example_permit", {
      fields: { applicant: { name: "王小明" }, item: "食品经营许可", category: "market" },
      onDate: "2020-09-30",
    });
    expect(opened.statusCode).toBe(201);
    expect((await call("GET", "/api/cases/example_permit")).statusCode).toBe(200);
    expect((await call("GET", "/api/auth/session")).statusCode).toBe(200);
    expect(checkouts).toBe(before);
  });

  it("the indicators' values and drill-down read on the replica, with the primary's answer", async () => {
    const before = checkouts;
    const url = `/api/indicators/values?region=500156&year=2020&ids=${INDICATOR.id}`;
    const onReplica = await call("GET", url);
    expect(onReplica.statusCode).toBe(200);
    expect(checkouts).toBe(before + 1);
    const onPrimary = await t.call(office, { method: "GET", url });
    expect(onReplica.json()).toEqual(onPrimary.json());
    expect(onReplica.json().values[0].value).toBe(1);

    const drill = await call(
      "GET",
      `/api/indicators/${INDICATOR.id}/drill?region=500156&year=2020`,
    );
    expect(drill.statusCode).toBe(200);
    expect(drill.json().total).toBe(1);
    expect(checkouts).toBe(before + 2);
  });

  it("is read from the environment, opened by openDatabase, and refused for a superuser", async () => {
    expect(loadConfig({ DATABASE_READ_URL: "postgres://r@replica/x" }).databaseReadUrl).toBe(
      "postgres://r@replica/x",
    );
    expect(loadConfig({}).databaseReadUrl).toBeUndefined();
    const db = await openDatabase(
      { ...t.config, databaseReadUrl: t.config.databaseAppUrl },
      { migrate: false },
    );
    try {
      expect(db.read).toBeDefined();
      const rows = await db.read!.selectFrom("region").select("code").limit(1).execute();
      expect(rows.length).toBe(1);
    } finally {
      await db.close();
    }
    // Row-level security must bind the replica's reads: a superuser role is refused.
    await expect(
      openDatabase({ ...t.config, databaseReadUrl: t.config.databaseUrl }, { migrate: false }),
    ).rejects.toThrow(/superuser|bypasses/);
  });
});
