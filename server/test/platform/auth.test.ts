import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, type TestApp, testApp } from "../support/app.ts";

let t: TestApp;
let unit: number;

beforeAll(async () => {
  t = await testApp();
  unit = await t.unit("500156", "sfj");
  await t.user("zhang", unit, ["case_handler"]);
  await t.user("lisi", unit, ["case_handler"]);
  await t.user("wang", unit, ["case_handler"]);
});
afterAll(async () => t.close());

async function securityKinds(username: string) {
  const rows = await t.db.owner
    .selectFrom("security_event")
    .select("kind")
    .where("username", "=", username)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.kind);
}

describe("login", () => {
  it("logs in with argon2id and sets an HttpOnly SameSite=Strict cookie", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zhang", password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const body = res.json();
    expect(body.roles).toEqual(["case_handler"]);
    expect(body.scope).toBe("unit");
    const hash = await t.db.owner
      .selectFrom("app_user")
      .select("password_hash")
      .where("username", "=", "zhang")
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a wrong password with 401, one envelope, and a security event", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zhang", password: "wrong-password-1A" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: "unauthenticated", message: "用户名或密码错误" },
    });
    expect(await securityKinds("zhang")).toContain("login_failed");
  });

  it("answers an unknown user like a wrong password and logs it", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody", password: "x" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe("用户名或密码错误");
    expect(await securityKinds("nobody")).toEqual(["login_failed"]);
  });

  it("locks the account for 15 minutes after 5 failed logins", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "lisi", password: `bad-${i}-Password` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "lisi", password: PASSWORD },
    });
    expect(locked.statusCode).toBe(401);
    // The same answer as a wrong password or an unknown name: nothing tells a prober
    // which accounts exist or are locked (the security log records the lockout).
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody-here", password: PASSWORD },
    });
    expect(locked.json()).toEqual(unknown.json());
    expect(await securityKinds("lisi")).toContain("account_locked");
    expect(await securityKinds("lisi")).toContain("login_refused_locked");
    t.clock.advance(14 * 60_000);
    const still = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "lisi", password: PASSWORD },
    });
    expect(still.statusCode).toBe(401);
    t.clock.advance(61_000);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "lisi", password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
  });

  it("ends a session idle for more than 30 minutes", async () => {
    const s = await t.login("wang");
    t.clock.advance(29 * 60_000);
    expect((await t.call(s, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(200);
    t.clock.advance(29 * 60_000); // active 29 min ago: still alive
    expect((await t.call(s, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await t.call(s, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(401);
    const expired = await t.db.owner
      .selectFrom("security_event")
      .select("kind")
      .where("kind", "=", "session_expired")
      .execute();
    expect(expired.length).toBeGreaterThan(0);
  });

  it("logs out", async () => {
    const s = await t.login("zhang");
    expect((await t.call(s, { method: "POST", url: "/api/auth/logout" })).statusCode).toBe(200);
    expect((await t.call(s, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(401);
  });
});

describe("CSRF", () => {
  it("refuses a state-changing request without the CSRF header and logs it", async () => {
    const s = await t.login("zhang");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/请刷新页面后重试/);
    expect(await securityKinds("zhang")).toContain("csrf_rejected");
    // still logged in: nothing happened
    expect((await t.call(s, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(200);
  });
});

describe("passwords", () => {
  it("enforces the password rules, naming the field", async () => {
    const s = await t.login("zhang");
    const res = await t.call(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: PASSWORD, newPassword: "short" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain("newPassword");
    const same = await t.call(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: PASSWORD, newPassword: "zhang-Zhang-123" },
      headers: { "accept-language": "zh-CN" },
    });
    expect(same.statusCode).toBe(422);
    expect(JSON.stringify(same.json())).toMatch(/用户名/);
  });

  it("changes the password with the current one and audits it", async () => {
    const s = await t.login("zhang");
    const wrong = await t.call(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "nope", newPassword: "New-Password-2020" },
    });
    expect(wrong.statusCode).toBe(422);
    const ok = await t.call(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: PASSWORD, newPassword: "New-Password-2020" },
    });
    expect(ok.statusCode).toBe(200);
    await t.login("zhang", "New-Password-2020");
    const ev = await t.db.owner
      .selectFrom("audit_event")
      .select("action")
      .where("action", "=", "user.password_change")
      .execute();
    expect(ev).toHaveLength(1);
  });
});
