import http from "node:http";
import net from "node:net";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kyselyFor } from "../../src/db/connection.ts";
import type { DB } from "../../src/db/schema.ts";
import { createRegistry } from "../../src/engines/registry.ts";
import { buildApp } from "../../src/http/app.ts";
import { anchorAllRegions } from "../../src/platform/audit/anchor.ts";
import { verifyAudit } from "../../src/platform/audit/verify.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { PASSWORD, type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * Issue 9, beyond one machine: app instances keep no state of their own. Two instances
 * (each with its own connection pools, listening on its own port) share one PostgreSQL:
 * a session made on one works on the other, numbers issued concurrently on both stay
 * unique and gapless, and two anchorers at once do not collide. Behind one port (a
 * round-robin TCP balancer in front of both, as nginx or Node's cluster would be), a
 * user's consecutive requests land on both instances and nothing notices.
 */
let t: TestApp;
let second: FastifyInstance;
let secondOwner: Kysely<DB>;
let secondApp: Kysely<DB>;
let handler: Session;
const base: string[] = [];

beforeAll(async () => {
  t = await testApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  secondOwner = kyselyFor(t.config.databaseUrl!, 4);
  secondApp = kyselyFor(t.config.databaseAppUrl!, 8);
  second = await buildApp({
    db: { owner: secondOwner, app: secondApp, embedded: undefined, close: async () => {} },
    config: t.config,
    clock: t.clock.now,
    registry: createRegistry([examplesModule]),
  });
  for (const app of [t.app, second]) {
    base.push(await app.listen({ port: 0, host: "127.0.0.1" }));
  }
  handler = await t.login("handler");
});
afterAll(async () => {
  await second?.close();
  await secondApp?.destroy();
  await secondOwner?.destroy();
  await t.close();
});

/** A request over HTTP to instance `i` (0 or 1) with the session's cookie and CSRF token. */
async function call(i: number, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base[i]}${path}`, {
    method,
    headers: {
      cookie: handler.cookie,
      "x-csrf-token": handler.csrf,
      "accept-language": "en",
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const applicant = { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" };

describe("two app instances on one database", () => {
  it("a session made on one instance works on the other", async () => {
    const me0 = await call(0, "GET", "/api/auth/session");
    const me1 = await call(1, "GET", "/api/auth/session");
    expect(me0.status).toBe(200);
    expect(me1.status).toBe(200);
    expect(me1.body).toEqual(me0.body);
    // Logged out on the second: gone on the first too.
    const out = await fetch(`${base[1]}/api/auth/logout`, {
      method: "POST",
      headers: { cookie: handler.cookie, "x-csrf-token": handler.csrf },
    });
    expect(out.status).toBeLessThan(300);
    expect((await call(0, "GET", "/api/auth/session")).status).toBe(401);
    handler = await t.login("handler");
  });

  it("numbers issued concurrently on both stay unique and gapless", async () => {
    const open = (i: number) =>
      call(i, "POST", "/api/cases/example_permit", {
        fields: { applicant, item: "食品经营许可", category: "market" },
        onDate: "2020-09-30",
      });
    const cases = await Promise.all(Array.from({ length: 12 }, (_, k) => open(k % 2)));
    for (const c of cases) expect(c.status).toBe(201);
    const steps = await Promise.all(
      cases.map((c, k) =>
        call(k % 2, "POST", `/api/cases/example_permit/${c.body.id}/actions/accept`, {
          version: 1,
        }),
      ),
    );
    for (const s of steps) expect(s.status).toBe(200);
    const seqs = steps
      .map((s) => (s.body.numbers as { acceptance: string }).acceptance)
      .map((n) => Number(n.match(/〕(\d+)号/)![1]))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("two anchorers at once do not collide, and the trail verifies", async () => {
    // Several rounds, each after a new event: without a lock both took the same number.
    for (let round = 0; round < 5; round++) {
      const opened = await call(round % 2, "POST", "/api/cases/example_permit", {
        fields: { applicant, item: "食品经营许可", category: "market" },
        onDate: "2020-09-30",
      });
      expect(opened.status).toBe(201);
      const now = t.clock.now();
      const results = await Promise.allSettled([
        anchorAllRegions(t.db.owner, t.config, now),
        anchorAllRegions(secondOwner, t.config, now),
      ]);
      for (const r of results) expect(r.status).toBe("fulfilled");
    }
    const anchors = await t.db.owner
      .selectFrom("audit_anchor")
      .select(["region_code", "anchor_seq"])
      .orderBy("region_code")
      .orderBy("anchor_seq")
      .execute();
    expect(anchors.length).toBeGreaterThan(0);
    const keys = anchors.map((a) => `${a.region_code}:${a.anchor_seq}`);
    expect(new Set(keys).size).toBe(keys.length);
    const report = await verifyAudit(t.db.owner, t.config);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("behind one port (round-robin), a user's requests alternate instances unnoticed", async () => {
    const ports = base.map((b) => Number(new URL(b).port));
    const served = [0, 0];
    let next = 0;
    const balancer = net.createServer((client) => {
      const i = next++ % 2;
      served[i] = (served[i] ?? 0) + 1;
      const upstream = net.connect(ports[i]!, "127.0.0.1");
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", end);
      upstream.on("error", end);
    });
    await new Promise<void>((r) => balancer.listen(0, "127.0.0.1", r));
    const port = (balancer.address() as net.AddressInfo).port;
    /** One request on a connection of its own (no keep-alive), so the balancer alternates. */
    const request = (method: string, path: string, body?: unknown, cookie = handler.cookie) =>
      new Promise<{ status: number; body: Record<string, unknown>; setCookie: string[] }>(
        (resolve, reject) => {
          const data = body ? JSON.stringify(body) : undefined;
          const req = http.request(
            {
              host: "127.0.0.1",
              port,
              method,
              path,
              agent: false,
              headers: {
                cookie,
                "x-csrf-token": handler.csrf,
                ...(data ? { "content-type": "application/json" } : {}),
              },
            },
            (res) => {
              let text = "";
              res.on("data", (c) => {
                text += c;
              });
              res.on("end", () =>
                resolve({
                  status: res.statusCode ?? 0,
                  body: text ? JSON.parse(text) : {},
                  setCookie: res.headers["set-cookie"] ?? [],
                }),
              );
            },
          );
          req.on("error", reject);
          req.end(data);
        },
      );
    try {
      // Log in through the port, then use the session on the next requests (other instance).
      const login = await request(
        "POST",
        "/api/auth/login",
        { username: "handler", password: PASSWORD },
        "",
      );
      expect(login.status).toBe(200);
      const cookie = login.setCookie.map((c) => c.split(";")[0]).join("; ");
      handler = { ...handler, cookie, csrf: login.body.csrfToken as string };
      for (let k = 0; k < 4; k++) {
        expect((await request("GET", "/api/auth/session")).status).toBe(200);
      }
      // Concurrent openings and numbered steps through the one port.
      const opened = await Promise.all(
        Array.from({ length: 10 }, () =>
          request("POST", "/api/cases/example_permit", {
            fields: { applicant, item: "食品经营许可", category: "market" },
            onDate: "2020-09-30",
          }),
        ),
      );
      for (const c of opened) expect(c.status).toBe(201);
      const steps = await Promise.all(
        opened.map((c) =>
          request("POST", `/api/cases/example_permit/${c.body.id}/actions/accept`, { version: 1 }),
        ),
      );
      for (const s of steps) expect(s.status).toBe(200);
      const seqs = steps
        .map((s) => (s.body.numbers as { acceptance: string }).acceptance)
        .map((n) => Number(n.match(/〕(\d+)号/)![1]))
        .sort((a, b) => a - b);
      // Acceptance numbers continue the year's sequence without a gap or a repeat.
      expect(new Set(seqs).size).toBe(10);
      expect((seqs.at(-1) ?? 0) - (seqs[0] ?? 0)).toBe(9);
      expect(served[0]).toBeGreaterThan(5);
      expect(served[1]).toBeGreaterThan(5);
      // Both instances wrote audit events concurrently: the hash chains still verify.
      expect((await verifyAudit(t.db.owner, t.config)).ok).toBe(true);
    } finally {
      await new Promise((r) => balancer.close(r));
    }
  });
});
