import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * The three administrators (GB/T 22239-2019 8.1.4.2 c, 三权分立) cannot take each
 * other's powers or a business role, directly or through an account they create
 * (issue 8: the system administrator created a rule-of-law-office account and read a
 * penalty case through it).
 */
let t: TestApp;
let sys: Session;
let sec: Session;
let aud: Session;
let unit: number;
let sysId: number;
let secId: number;

beforeAll(async () => {
  t = await testApp([examplesModule]);
  unit = await t.unit("500156", "sfj");
  sysId = await t.user("wl.sysadmin", unit, ["sys_admin"]);
  secId = await t.user("wl.secadmin", unit, ["security_admin"]);
  await t.user("wl.audadmin", unit, ["audit_admin"]);
  sys = await t.login("wl.sysadmin");
  sec = await t.login("wl.secadmin");
  aud = await t.login("wl.audadmin");
});
afterAll(async () => t.close());

const rolesOf = async (userId: number) =>
  (await t.db.owner.selectFrom("user_role").select("role").where("user_id", "=", userId).execute())
    .map((r) => r.role)
    .sort();

async function createAs(s: Session, username: string, extra: Record<string, unknown> = {}) {
  return t.call(s, {
    method: "POST",
    url: "/api/users",
    payload: { username, displayName: "新账户", unitId: unit, ...extra },
  });
}

describe("the system administrator", () => {
  it("cannot create an account with a business role", async () => {
    const r = await createAs(sys, "backdoor", { roles: ["rule_of_law_office"] });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.fields.map((f: { field: string }) => f.field)).toContain("roles");
    const made = await t.db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", "backdoor")
      .execute();
    expect(made).toEqual([]);
  });

  it("creates an account with no role and no password: it cannot log in as it or learn its password", async () => {
    const r = await createAs(sys, "newcomer");
    expect(r.statusCode, r.body).toBe(200);
    const { id } = r.json();
    expect(r.json()).toEqual({ id, activated: false });
    expect(r.body).not.toMatch(/password/i);
    expect(await rolesOf(id)).toEqual([]);
    // the old attack (issue 8): log in as the account it made — nothing opens it
    for (const password of ["", "Correct-Horse-9", "newcomer", "Qz7#kLm2vWx9"]) {
      const login = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "newcomer", password: password || "x" },
      });
      expect(login.statusCode).toBe(401);
      expect(login.json().error.message).toBe("用户名或密码错误");
    }
    // nor can it activate it (the security administrator's power) to receive a password
    const act = await t.call(sys, {
      method: "POST",
      url: `/api/users/${id}/activate`,
      payload: { roles: ["read_only"], reason: "新同事" },
    });
    expect(act.statusCode).toBe(403);
    const listed = (await t.call(sys, { method: "GET", url: "/api/users" })).json();
    const row = listed.find((u: { id: number }) => u.id === id);
    expect(row).toMatchObject({ activated: false, roles: [] });
    expect(JSON.stringify(listed)).not.toMatch(/password/i);
    const db = await t.db.owner
      .selectFrom("app_user")
      .select(["activated", "must_change_password"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(db).toEqual({ activated: false, must_change_password: false });
  });

  it("the security administrator activates it, with a reason, and alone receives the one-time password", async () => {
    const id = (await createAs(sys, "handedover")).json().id;
    const activate = (body: Record<string, unknown>) =>
      t.call(sec, { method: "POST", url: `/api/users/${id}/activate`, payload: body });
    expect((await activate({ roles: ["case_handler"] })).statusCode).toBe(400);
    expect((await activate({ roles: ["sys_admin"], reason: "x" })).statusCode).toBe(422);
    const ok = await activate({ roles: ["case_handler"], reason: "新入职执法人员" });
    expect(ok.statusCode, ok.body).toBe(200);
    const { oneTimePassword } = ok.json();
    expect(typeof oneTimePassword).toBe("string");
    expect(await rolesOf(id)).toEqual(["case_handler"]);
    expect((await activate({ roles: ["case_handler"], reason: "again" })).statusCode).toBe(409);
    const ev = await t.db.owner
      .selectFrom("audit_event")
      .select(["action", "reason", "after"])
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(id))
      .where("action", "=", "user.activate")
      .executeTakeFirstOrThrow();
    expect(ev.reason).toBe("新入职执法人员");
    expect(JSON.stringify(ev.after)).not.toContain(oneTimePassword);
    // the holder logs in with it and must change it first
    const s = await t.login("handedover", oneTimePassword);
    expect((await t.call(s, { method: "GET", url: "/api/units" })).statusCode).toBe(403);
    const changed = await t.call(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: oneTimePassword, newPassword: "Qz7#kLm2vWx9" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.call(s, { method: "GET", url: "/api/units" })).statusCode).toBe(200);
  });

  it("(the security administrator cannot activate its own account, nor change roles without a reason)", async () => {
    const self = await t.call(sec, {
      method: "POST",
      url: `/api/users/${secId}/activate`,
      payload: { roles: ["read_only"], reason: "x" },
    });
    expect(self.statusCode).toBe(403);
    const id = (await createAs(sys, "noreason")).json().id;
    const r = await t.call(sec, {
      method: "PUT",
      url: `/api/users/${id}/roles`,
      payload: { roles: ["read_only"] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].field).toBe("reason");
    expect(await rolesOf(id)).toEqual([]);
  });

  it("cannot assign roles, to itself or to an account it created", async () => {
    const id = (await createAs(sys, "puppet")).json().id;
    for (const target of [id, sysId]) {
      const r = await t.call(sys, {
        method: "PUT",
        url: `/api/users/${target}/roles`,
        payload: { roles: ["rule_of_law_office"], reason: "x" },
      });
      expect(r.statusCode).toBe(403);
    }
    expect(await rolesOf(id)).toEqual([]);
    expect(await rolesOf(sysId)).toEqual(["sys_admin"]);
  });

  it("cannot unlock accounts (the security administrator's power)", async () => {
    const r = await t.call(sys, { method: "POST", url: `/api/users/${secId}/unlock` });
    expect(r.statusCode).toBe(403);
  });
});

describe("the security administrator", () => {
  it("assigns business roles to another account; that account's sessions end", async () => {
    await t.user("clerk2", unit, ["read_only"]);
    const clerk2 = await t.login("clerk2");
    const id2 = clerk2.userId;
    const r = await t.call(sec, {
      method: "PUT",
      url: `/api/users/${id2}/roles`,
      payload: { roles: ["case_handler"], reason: "调岗" },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await rolesOf(id2)).toEqual(["case_handler"]);
    expect((await t.call(clerk2, { method: "GET", url: "/api/auth/session" })).statusCode).toBe(
      401,
    );
  });

  it("cannot assign its own roles, an administrator role, or change an administrator", async () => {
    const self = await t.call(sec, {
      method: "PUT",
      url: `/api/users/${secId}/roles`,
      payload: { roles: ["rule_of_law_office"], reason: "x" },
    });
    expect(self.statusCode).toBe(403);
    const id = (await createAs(sys, "would-be-admin")).json().id;
    const admin = await t.call(sec, {
      method: "PUT",
      url: `/api/users/${id}/roles`,
      payload: { roles: ["sys_admin"], reason: "x" },
    });
    expect(admin.statusCode).toBe(422);
    const sysBusiness = await t.call(sec, {
      method: "PUT",
      url: `/api/users/${sysId}/roles`,
      payload: { roles: ["rule_of_law_office"], reason: "x" },
    });
    expect(sysBusiness.statusCode).toBe(403);
    expect(await rolesOf(secId)).toEqual(["security_admin"]);
    expect(await rolesOf(sysId)).toEqual(["sys_admin"]);
    expect(await rolesOf(id)).toEqual([]);
  });

  it("cannot create accounts (so it cannot make itself a business account)", async () => {
    expect((await createAs(sec, "sec-own")).statusCode).toBe(403);
  });
});

describe("the audit administrator", () => {
  it("cannot create accounts, assign roles or unlock", async () => {
    expect((await createAs(aud, "aud-own")).statusCode).toBe(403);
    const r = await t.call(aud, {
      method: "PUT",
      url: `/api/users/${secId}/roles`,
      payload: { roles: ["read_only"], reason: "x" },
    });
    expect(r.statusCode).toBe(403);
    expect(
      (await t.call(aud, { method: "POST", url: `/api/users/${secId}/unlock` })).statusCode,
    ).toBe(403);
  });
});
