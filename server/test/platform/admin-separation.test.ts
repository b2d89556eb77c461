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

  it("creates an account with no role: logging in as it reads no case", async () => {
    const r = await createAs(sys, "newcomer");
    expect(r.statusCode, r.body).toBe(200);
    const { id, oneTimePassword } = r.json();
    expect(await rolesOf(id)).toEqual([]);
    const s = await t.login("newcomer", oneTimePassword);
    const changed = await t.call(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: oneTimePassword, newPassword: "Qz7#kLm2vWx9" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = await t.login("newcomer", "Qz7#kLm2vWx9");
    for (const url of ["/api/cases/example_permit", "/api/warnings", "/api/users"]) {
      expect((await t.call(again, { method: "GET", url })).statusCode, url).toBe(403);
    }
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
