import { Secret, type TOTP, URI } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/http/context.ts";
import { codeAt, stepOf } from "../../src/platform/auth/totp.ts";
import { TOTP_FOR_ALL } from "../../src/platform/auth/totp-setting.ts";
import { PASSWORD, type Session, TEST_TOTP_SECRET, type TestApp, testApp } from "../support/app.ts";

/**
 * The TOTP second factor (GB/T 22239-2019 8.1.4.1 d; issue 8): each wrong sequence over
 * HTTP — a code without the password, a business call from the pending session, a
 * wrong or replayed code, an administrator skipping enrolment — is refused, and a right
 * sequence rotates the session id.
 */
let t: TestApp;
let unit: number;
let sec: Session;

beforeAll(async () => {
  t = await testApp();
  unit = await t.unit("500156", "sfj");
  await t.user("wl.secadmin", unit, ["security_admin"]);
  await t.user("wl.sysadmin", unit, ["sys_admin"]);
  sec = await t.login("wl.secadmin");
});
afterAll(async () => t.close());

const idOf = async (username: string) =>
  (
    await t.db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow()
  ).id;

/** The password step alone: the pending (or enrolment) session and the answer. */
async function passwordStep(username: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return {
    res,
    s: {
      cookie: `${SESSION_COOKIE}=${cookie?.value}`,
      csrf: res.json().csrfToken as string,
      userId: 0,
    } satisfies Session,
  };
}

const submit = (s: Session | undefined, code: string) =>
  t.call(s, { method: "POST", url: "/api/auth/totp", payload: { code } });

async function failures(username: string) {
  return (
    await t.db.owner
      .selectFrom("app_user")
      .select(["failed_logins", "locked_until"])
      .where("username", "=", username)
      .executeTakeFirstOrThrow()
  ).failed_logins;
}

async function kinds(username: string) {
  const rows = await t.db.owner
    .selectFrom("security_event")
    .select(["kind", "detail"])
    .where("username", "=", username)
    .orderBy("id")
    .execute();
  return rows;
}

describe("an administrator without a factor", () => {
  it("can do nothing but enrol; enrolment shows the secret once, stores it SM4-encrypted, and rotates the session", async () => {
    const id = await t.user("wl.auditadmin", unit, ["audit_admin"]);
    await t.db.owner.deleteFrom("user_totp").where("user_id", "=", id).execute();
    const { res, s } = await passwordStep("wl.auditadmin");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().secondFactor).toBe("enrol");
    // skipping the enrolment: every route of its role is refused
    for (const url of ["/api/audit/events", "/api/security-events"]) {
      const r = await t.call(s, { method: "GET", url });
      expect(r.statusCode, url).toBe(403);
    }
    expect((await t.call(s, { method: "GET", url: "/api/auth/session" })).json().secondFactor).toBe(
      "enrol",
    );
    // a code submitted as if it were a login step is refused too
    expect((await submit(s, "123456")).statusCode).toBe(403);

    const start = await t.call(s, { method: "POST", url: "/api/auth/totp/enrolment" });
    expect(start.statusCode, start.body).toBe(200);
    const { uri, secret } = start.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    const stored = await t.db.owner
      .selectFrom("user_totp")
      .select("secret_enc")
      .where("user_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_enc).toMatch(/^sm4:v1:/);
    expect(stored.secret_enc).not.toContain(secret);

    const wrong = await t.call(s, {
      method: "POST",
      url: "/api/auth/totp/enrolment/confirm",
      payload: { code: "000000" === codeAt(secret, t.clock.now()) ? "111111" : "000000" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].field).toBe("code");

    const ok = await t.call(s, {
      method: "POST",
      url: "/api/auth/totp/enrolment/confirm",
      payload: { code: codeAt(secret, t.clock.now()) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().secondFactor).toBe("done");
    const fresh = ok.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect(`${SESSION_COOKIE}=${fresh}`).not.toBe(s.cookie);
    // the enrolment session is gone; the new one works
    expect((await t.call(s, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(401);
    const full = { cookie: `${SESSION_COOKIE}=${fresh}`, csrf: ok.json().csrfToken, userId: id };
    expect((await t.call(full, { method: "GET", url: "/api/security-events" })).statusCode).toBe(
      200,
    );
    // enrolled once: a new secret is refused until the security administrator resets it
    expect(
      (await t.call(full, { method: "POST", url: "/api/auth/totp/enrolment" })).statusCode,
    ).toBe(409);
    const audited = await t.db.owner
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audited.map((a) => a.action)).toContain("user.totp_enrol");
  });
});

describe("a login with the second factor", () => {
  it("a code without the password is refused", async () => {
    expect((await submit(undefined, codeAt(TEST_TOTP_SECRET, t.clock.now()))).statusCode).toBe(401);
  });

  it("the pending session reaches nothing but the code step, then a new session id replaces it", async () => {
    const { res, s } = await passwordStep("wl.sysadmin");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: "code", csrfToken: expect.any(String) });
    for (const [method, url] of [
      ["GET", "/api/users"],
      ["GET", "/api/auth/session"],
      ["GET", "/api/units"],
      ["POST", "/api/users"],
      ["POST", "/api/auth/totp/enrolment"],
    ] as const) {
      const r = await t.call(s, {
        method,
        url,
        ...(method === "POST"
          ? { payload: { username: "x", displayName: "x", unitId: unit } }
          : {}),
      });
      expect(r.statusCode, url).toBe(403);
    }
    const made = await t.db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", "x")
      .execute();
    expect(made).toEqual([]);
    const ok = await submit(s, t.nextCode(await idOf("wl.sysadmin")));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().roles).toEqual(["sys_admin"]);
    const fresh = `${SESSION_COOKIE}=${ok.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    expect(fresh).not.toBe(s.cookie);
    expect((await t.call(s, { method: "GET", url: "/api/users" })).statusCode).toBe(401);
    const full = { cookie: fresh, csrf: ok.json().csrfToken, userId: 0 };
    expect((await t.call(full, { method: "GET", url: "/api/users" })).statusCode).toBe(200);
    // a full session has no code step
    expect((await submit(full, t.nextCode(await idOf("wl.sysadmin")))).statusCode).toBe(403);
  });

  it("a wrong code is refused, logged and counted; a used code is refused (replay)", async () => {
    const id = await t.user("sysadmin2", unit, ["sys_admin"]);
    const { s } = await passwordStep("sysadmin2");
    const right = t.nextCode(id);
    const wrong = right === "000000" ? "000001" : "000000";
    const r = await submit(s, wrong);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.fields[0].field).toBe("code");
    expect(await failures("sysadmin2")).toBe(1);
    expect((await submit(s, right)).statusCode).toBe(200);
    expect(await failures("sysadmin2")).toBe(0);

    const again = await passwordStep("sysadmin2");
    const replay = await submit(again.s, right);
    expect(replay.statusCode).toBe(422);
    const events = await kinds("sysadmin2");
    expect(events.map((e) => e.kind)).toEqual([
      "login_password_accepted",
      "totp_failed",
      "login_succeeded",
      "login_password_accepted",
      "totp_failed",
    ]);
    expect(events.at(-1)!.detail).toMatchObject({ reason: "replayed_code" });
  });

  it("accepts a code one step early or late, not two", async () => {
    const id = await t.user("sysadmin3", unit, ["sys_admin"]);
    t.clock.advance(10 * 60_000);
    const step = stepOf(t.clock.now());
    const at = (n: number) => codeAt(TEST_TOTP_SECRET, new Date(n * 30_000));
    const early = await passwordStep("sysadmin3");
    const tooOld = at(step - 2);
    if (![at(step - 1), at(step), at(step + 1)].includes(tooOld)) {
      expect((await submit(early.s, tooOld)).statusCode).toBe(422);
    }
    expect((await submit(early.s, at(step - 1))).statusCode).toBe(200);
    const late = await passwordStep("sysadmin3");
    expect((await submit(late.s, at(step + 1))).statusCode).toBe(200);
    // step + 1 spent: nothing at or before it is accepted again
    const after = await passwordStep("sysadmin3");
    expect((await submit(after.s, at(step))).statusCode).toBe(422);
    expect(id).toBeGreaterThan(0);
  });

  it("5 wrong codes lock the account like 5 wrong passwords; a password in between resets nothing", async () => {
    const id = await t.user("sysadmin4", unit, ["sys_admin"]);
    const right = () => codeAt(TEST_TOTP_SECRET, t.clock.now());
    const wrong = () => (right() === "999999" ? "999998" : "999999");
    let p = await passwordStep("sysadmin4");
    for (let i = 0; i < 4; i++) expect((await submit(p.s, wrong())).statusCode).toBe(422);
    p = await passwordStep("sysadmin4"); // a right password does not clear the count
    expect(p.res.json().stage).toBe("code");
    const fifth = await submit(p.s, wrong());
    expect(fifth.statusCode).toBe(401);
    // the pending session ended; the right code no longer helps, nor does the password
    expect((await submit(p.s, t.nextCode(id))).statusCode).toBe(401);
    expect((await passwordStep("sysadmin4")).res.statusCode).toBe(401);
    const locked = await t.db.owner
      .selectFrom("app_user")
      .select("locked_until")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(locked.locked_until!.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect((await kinds("sysadmin4")).map((e) => e.kind)).toContain("account_locked");
  });

  it("a pending session not given its code ends after 5 minutes", async () => {
    const id = await t.user("sysadmin5", unit, ["sys_admin"]);
    const { s } = await passwordStep("sysadmin5");
    t.clock.advance(5 * 60_000 + 1000);
    expect((await submit(s, t.nextCode(id))).statusCode).toBe(401);
  });
});

describe("business accounts", () => {
  it("log in with the password alone by default; with the region's setting on, must enrol", async () => {
    await t.user("handler1", unit, ["case_handler"]);
    const before = await passwordStep("handler1");
    expect(before.res.statusCode).toBe(200);
    expect(before.res.json().secondFactor).toBe("none");
    // the district's system administrator turns the setting on (it is declared and settable)
    const sys = await t.login("wl.sysadmin");
    const put = await t.call(sys, {
      method: "PUT",
      url: `/api/settings/${TOTP_FOR_ALL}`,
      payload: { region: "500156", value: true, basis: "区政府关于加强政务系统登录安全的通知" },
    });
    expect(put.statusCode, put.body).toBe(200);
    try {
      const after = await passwordStep("handler1");
      expect(after.res.json().secondFactor).toBe("enrol");
      expect((await t.call(after.s, { method: "GET", url: "/api/units" })).statusCode).toBe(403);
      // a user may enrol with any authenticator app: the URI is standard
      const e = (await t.call(after.s, { method: "POST", url: "/api/auth/totp/enrolment" })).json();
      const app = URI.parse(e.uri) as TOTP;
      expect(app.secret.base32).toBe(Secret.fromBase32(e.secret).base32);
      expect(app.digits).toBe(6);
      expect(app.period).toBe(30);
    } finally {
      await t.db.owner.deleteFrom("setting").where("code", "=", TOTP_FOR_ALL).execute();
    }
  });
});

describe("resetting a factor", () => {
  it("only the security administrator, with a reason, for someone else; audited; the holder enrols again", async () => {
    const id = await t.user("sysadmin6", unit, ["sys_admin"]);
    const holder = await t.login("sysadmin6");
    const sys = await t.login("wl.sysadmin");
    const reset = (s: Session, target: number, body: Record<string, unknown>) =>
      t.call(s, { method: "POST", url: `/api/users/${target}/totp/reset`, payload: body });
    expect((await reset(sys, id, { reason: "手机丢失" })).statusCode).toBe(403);
    expect((await reset(holder, id, { reason: "手机丢失" })).statusCode).toBe(403);
    expect((await reset(sec, sec.userId, { reason: "手机丢失" })).statusCode).toBe(403);
    const noReason = await reset(sec, id, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe("reason");
    expect((await reset(sec, id, { reason: "  " })).statusCode).toBe(400);
    expect(
      await t.db.owner
        .selectFrom("user_totp")
        .select("user_id")
        .where("user_id", "=", id)
        .execute(),
    ).toHaveLength(1);

    const ok = await reset(sec, id, { reason: "手机丢失" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.call(holder, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(
      401,
    );
    const ev = await t.db.owner
      .selectFrom("audit_event")
      .select(["action", "reason", "actor_user_id"])
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(id))
      .where("action", "=", "user.totp_reset")
      .executeTakeFirstOrThrow();
    expect(ev).toEqual({
      action: "user.totp_reset",
      reason: "手机丢失",
      actor_user_id: sec.userId,
    });
    expect((await passwordStep("sysadmin6")).res.json().secondFactor).toBe("enrol");
    expect((await reset(sec, id, { reason: "再次" })).statusCode).toBe(409);
  });
});
