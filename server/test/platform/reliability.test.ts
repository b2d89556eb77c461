import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kyselyFor } from "../../src/db/connection.ts";
import { createRegistry } from "../../src/engines/registry.ts";
import { buildApp } from "../../src/http/app.ts";
import { anchorAllRegions, anchorIntervalMs } from "../../src/platform/audit/anchor.ts";
import { verifyAudit } from "../../src/platform/audit/verify.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * Issue 8, "fix first": text that cannot be stored is refused before it reaches the
 * audit chain or PostgreSQL (400 naming the field); the server survives its database
 * connections being terminated (503 while away, serving again after).
 */
let t: TestApp;
let handler: Session;
let security: Session;
let caseId: number;
let handlerId: number;

const permit = { applicant: { name: "甲公司" }, item: "事项", category: "general" };

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  handlerId = await t.user("handler", unit, ["case_handler"]);
  await t.user("secadm", unit, ["security_admin"]);
  t.clock.t = new Date("2024-03-04T02:00:00Z");
  handler = await t.login("handler");
  security = await t.login("secadm");
  const c = await t.call(handler, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: { fields: permit, onDate: "2024-03-04" },
  });
  expect(c.statusCode, c.body).toBe(201);
  caseId = c.json().id;
  const acc = await t.call(handler, {
    method: "POST",
    url: `/api/cases/example_permit/${caseId}/actions/accept`,
    payload: { version: 1, onDate: "2024-03-04" },
  });
  expect(acc.statusCode, acc.body).toBe(200);
});
afterAll(async () => t.close());

function expect400(res: { statusCode: number; body: string }, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = JSON.parse(res.body);
  expect(body.error.code).toBe("validation");
  expect(body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
}

describe("text that cannot be stored", () => {
  it("a lone surrogate in a suspension reason is refused, and the audit chain still verifies", async () => {
    const res = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${caseId}/suspend`,
      payload: { version: 2, reason: "a\ud800b", onDate: "2024-03-04" },
    });
    expect400(res, "reason");
    // Nothing was written: the case is still at version 2 and can be suspended properly.
    const ok = await t.call(handler, {
      method: "POST",
      url: `/api/cases/example_permit/${caseId}/suspend`,
      payload: { version: 2, reason: "专家评审", onDate: "2024-03-04" },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const report = await verifyAudit(t.db.owner, t.config);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("a lone surrogate in the reason of a role change is refused", async () => {
    const res = await t.call(security, {
      method: "PUT",
      url: `/api/users/${handlerId}/roles`,
      payload: { roles: ["case_handler", "read_only"], reason: "x\udc00" },
    });
    expect400(res, "reason");
    const roles = await t.db.owner
      .selectFrom("user_role")
      .select("role")
      .where("user_id", "=", handlerId)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(["case_handler"]);
    expect((await verifyAudit(t.db.owner, t.config)).ok).toBe(true);
  });

  it("NUL in the login user name (no session) is a 400, not a 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "hand\u0000ler", password: "whatever-1A" },
    });
    expect400(res, "username");
  });

  it("NUL in a case field and in the q and state filters is a 400 naming them", async () => {
    const res = await t.call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: { fields: { ...permit, item: "事\u0000项" }, onDate: "2024-03-04" },
    });
    expect400(res, "fields.item");
    expect400(
      await t.call(handler, { method: "GET", url: "/api/cases/example_permit?q=%00x" }),
      "q",
    );
    expect400(
      await t.call(handler, { method: "GET", url: "/api/cases/example_permit?state=a%00" }),
      "state",
    );
    const count = await t.db.owner
      .selectFrom("case_file")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("answers in English when asked", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en" },
      payload: { username: "a\ud800", password: "x" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].message).toMatch(/lone surrogate/);
  });

  it("text is stored in NFC", async () => {
    const res = await t.call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: { fields: { ...permit, item: "Cafe\u0301" }, onDate: "2024-03-04" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db.owner
      .selectFrom("case_file")
      .select("fields")
      .where("id", "=", res.json().id)
      .executeTakeFirstOrThrow();
    expect((row.fields as { item: string }).item).toBe("Caf\u00e9");
    expect((await verifyAudit(t.db.owner, t.config)).ok).toBe(true);
  });
});

describe("a dropped database connection", () => {
  it("does not end the server: terminated connections under load, then serving again", async () => {
    const killer = new pg.Client({ connectionString: t.url });
    await killer.connect();
    const terminate = () =>
      killer.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
    const get = () =>
      t.call(handler, { method: "GET", url: `/api/cases/example_permit/${caseId}` });
    try {
      const statuses: number[] = [];
      for (let round = 0; round < 5; round++) {
        const load = Array.from({ length: 12 }, get);
        await terminate();
        for (const r of await Promise.all(load)) statuses.push(r.statusCode);
        await terminate(); // idle connections in the pool, too
      }
      // The database is back once the terminated backends are gone (pg_terminate_backend
      // only signals them); the pool then discards its broken connections.
      for (let i = 0; i < 50; i++) {
        const { rows } = await killer.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state is not null",
        );
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // During the drops: served (a read retried on a fresh connection) or 503, never 500.
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      // Afterwards: everything serves, reads and writes.
      for (let i = 0; i < 5; i++) expect((await get()).statusCode).toBe(200);
      const w = await t.call(handler, {
        method: "POST",
        url: "/api/cases/example_permit",
        payload: { fields: permit, onDate: "2024-03-04" },
      });
      expect(w.statusCode, w.body).toBe(201);
    } finally {
      await killer.end();
    }
  });

  it("answers 503 with the envelope while the database is away", async () => {
    const away = kyselyFor("postgres://fazhi_app@127.0.0.1:1/nowhere", 2);
    const app = await buildApp({
      db: { ...t.db, app: away },
      config: t.config,
      clock: t.clock.now,
      registry: createRegistry([examplesModule]),
    });
    try {
      const res = await app.inject({
        method: "GET",
        url: "/api/cases/example_permit",
        headers: { cookie: handler.cookie },
      });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().error.code).toBe("unavailable");
      expect(res.headers["retry-after"]).toBe("5");
    } finally {
      await app.close();
      await away.destroy();
    }
  });
});

describe("anchoring", () => {
  it("writes no new anchor when nothing changed (heads compared canonically)", async () => {
    const first = await anchorAllRegions(t.db.owner, t.config, t.clock.now());
    expect(first.length).toBeGreaterThan(0);
    t.clock.advance(60_000);
    expect(await anchorAllRegions(t.db.owner, t.config, t.clock.now())).toEqual([]);
    expect((await verifyAudit(t.db.owner, t.config)).ok).toBe(true);
  });

  it("clamps FAZHI_ANCHOR_MINUTES below Node's timer limit", () => {
    expect(anchorIntervalMs(undefined)).toBe(60 * 60_000);
    expect(anchorIntervalMs("100000")).toBe(24 * 60 * 60_000);
    expect(anchorIntervalMs("100000")).toBeLessThan(2 ** 31 - 1);
    expect(anchorIntervalMs("0")).toBe(60 * 60_000);
    expect(anchorIntervalMs("abc")).toBe(60 * 60_000);
    expect(anchorIntervalMs("0.5")).toBe(60_000);
  });
});
