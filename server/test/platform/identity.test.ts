import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/http/context.ts";
import { MAX_FAILED_PER_ADDRESS } from "../../src/platform/auth/login.ts";
import { ABSOLUTE_LIFETIME_MS, tokenHash } from "../../src/platform/auth/sessions.ts";
import { type TestApp, testApp } from "../support/app.ts";

/**
 * Issue 8, identity ("lower"): a password change ends the other sessions; sessions end
 * 12 h after login however active; the policy refuses common patterns and the current
 * password; failed logins are slowed by source address; every response carries the
 * security headers and API responses are not cached.
 */
let t: TestApp;
let unit: number;

beforeAll(async () => {
  t = await testApp();
  unit = await t.unit("500156", "sfj");
  await t.user("wangwu", unit, ["case_handler"]);
  await t.user("zhaoliu", unit, ["case_handler"]);
});
afterAll(async () => t.close());

const session = (s: { cookie: string; csrf: string }) =>
  t.call(s as never, { method: "GET", url: "/api/auth/session" });

describe("sessions and passwords", () => {
  it("refuses Password12 and the current password, naming newPassword", async () => {
    const s = await t.login("wangwu");
    for (const newPassword of ["Password12", "Correct-Horse-9"]) {
      const r = await t.call(s, {
        method: "POST",
        url: "/api/auth/password",
        payload: { currentPassword: "Correct-Horse-9", newPassword },
      });
      expect(r.statusCode, newPassword).toBe(422);
      expect(r.json().error.fields[0].field).toBe("newPassword");
    }
  });

  it("a password change ends the account's other sessions, not this one", async () => {
    const a = await t.login("wangwu");
    const b = await t.login("wangwu");
    const r = await t.call(a, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "Correct-Horse-9", newPassword: "Fresh-Lantern-47" },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await session(a)).statusCode).toBe(200);
    expect((await session(b)).statusCode).toBe(401);
  });

  it("a session ends 12 hours after login even when active", async () => {
    const s = await t.login("zhaoliu");
    const start = t.clock.t;
    for (let spent = 0; spent + 20 * 60_000 < ABSOLUTE_LIFETIME_MS; spent += 20 * 60_000) {
      t.clock.advance(20 * 60_000);
      expect((await session(s)).statusCode).toBe(200);
    }
    t.clock.t = new Date(start.getTime() + ABSOLUTE_LIFETIME_MS + 1000);
    expect((await session(s)).statusCode).toBe(401);
  });
});

describe("session identifiers", () => {
  it("a login never keeps the cookie it was sent with (no fixation), and logout ends the session on the server", async () => {
    const planted = await t.login("zhaoliu");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zhaoliu", password: "Correct-Horse-9" },
      headers: { cookie: planted.cookie },
    });
    expect(res.statusCode).toBe(200);
    const fresh = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect(`${SESSION_COOKIE}=${fresh}`).not.toBe(planted.cookie);
    const mine = { cookie: `${SESSION_COOKIE}=${fresh}`, csrf: res.json().csrfToken, userId: 0 };
    expect((await session(mine)).statusCode).toBe(200);

    // Logout deletes the row: the same cookie replayed later (say, copied before the
    // logout) is refused, and nothing of it is left in the session table.
    const out = await t.call(mine, { method: "POST", url: "/api/auth/logout" });
    expect(out.statusCode).toBe(200);
    expect((await session(mine)).statusCode).toBe(401);
    const rows = await t.db.owner
      .selectFrom("session")
      .select("token_hash")
      .where("token_hash", "=", tokenHash(fresh))
      .execute();
    expect(rows).toEqual([]);
  });
});

describe("failed logins by source address", () => {
  it(`after ${MAX_FAILED_PER_ADDRESS} failures from one address, it is refused for every name`, async () => {
    const from = { remoteAddress: "203.0.113.9" };
    for (let i = 0; i < MAX_FAILED_PER_ADDRESS; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: `probe${i}`, password: "Wrong-Pass-1" },
        ...from,
      });
      expect(r.statusCode).toBe(401);
    }
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zhaoliu", password: "Correct-Horse-9" },
      ...from,
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("rate_limited");
    // Another address is not affected.
    const other = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zhaoliu", password: "Correct-Horse-9" },
      remoteAddress: "198.51.100.7",
    });
    expect(other.statusCode).toBe(200);
  });
});

describe("security headers", () => {
  it("every response: CSP without inline script, no framing, nosniff, referrer policy; API not cached", async () => {
    const s = await t.login("zhaoliu");
    for (const url of ["/api/auth/session", "/public", "/api/openapi.json", "/no-such-page"]) {
      const r = await t.call(s, { method: "GET", url });
      const csp = String(r.headers["content-security-policy"]);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["referrer-policy"]).toBe("same-origin");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      if (url.startsWith("/api/")) expect(r.headers["cache-control"], url).toBe("no-store");
    }
  });
});
