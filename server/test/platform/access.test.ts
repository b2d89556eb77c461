import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enableTenantRls, grantApp } from "../../src/db/migrations/helpers.ts";
import { withScope } from "../../src/db/scope.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

let t: TestApp;
const ids: Record<string, number> = {};
type Who = "handler" | "office" | "cityoffice" | "sysadm" | "secadm" | "audadm" | "flsys";
const s = {} as Record<Who, Session>;

beforeAll(async () => {
  t = await testApp();
  ids.sfj = await t.unit("500156", "sfj");
  ids.scjgj = await t.unit("500156", "scjgj");
  ids.fuling = await t.unit("500102", "fl-sfj");
  ids.city = await t.unit("500000", "cq-sfj");
  await t.user("handler", ids.sfj, ["case_handler"]);
  await t.user("other", ids.scjgj, ["case_handler"]);
  await t.user("office", ids.sfj, ["rule_of_law_office"]);
  await t.user("cityoffice", ids.city, ["rule_of_law_office"]);
  await t.user("sysadm", ids.sfj, ["sys_admin"]);
  await t.user("secadm", ids.sfj, ["security_admin"]);
  await t.user("audadm", ids.sfj, ["audit_admin"]);
  await t.user("flsys", ids.fuling, ["sys_admin"]);
  for (const u of [
    "handler",
    "office",
    "cityoffice",
    "sysadm",
    "secadm",
    "audadm",
    "flsys",
  ] as Who[])
    s[u] = await t.login(u);

  // A table of recorded work, declared the way engines declare theirs.
  await sql`create table test_record (
    region_code text not null references region(code),
    id bigint generated always as identity,
    unit_id bigint not null references unit(id),
    title text not null,
    primary key (region_code, id))`.execute(t.db.owner);
  await grantApp(t.db.owner, "test_record", ["select", "insert", "update", "delete"]);
  await enableTenantRls(t.db.owner, "test_record", { unitColumn: "unit_id" });
  const rows = [
    { region_code: "500156", unit_id: ids.sfj, title: "司法局的记录" },
    { region_code: "500156", unit_id: ids.scjgj, title: "市场监管局的记录" },
    { region_code: "500102", unit_id: ids.fuling, title: "涪陵的记录" },
  ];
  await sql`insert into test_record (region_code, unit_id, title)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(region_code text, unit_id bigint, title text)`.execute(
    t.db.owner,
  );
});
afterAll(async () => t.close());

async function titlesAs(scope: { regions: string[]; unitId?: number }) {
  return withScope(
    t.db.app,
    { regions: scope.regions, unitId: scope.unitId, userId: 1 },
    async (trx) => {
      // Deliberately no filter: row-level security alone decides.
      const { rows } = await sql<{
        title: string;
      }>`select title from test_record order by id`.execute(trx);
      return rows.map((r) => r.title);
    },
  );
}

describe("row-level security (the database layer alone)", () => {
  it("a unit sees only its own records, even with no filter in the query", async () => {
    expect(await titlesAs({ regions: ["500156"], unitId: ids.sfj })).toEqual(["司法局的记录"]);
  });
  it("the rule-of-law office sees its region's", async () => {
    expect(await titlesAs({ regions: ["500156"] })).toEqual(["司法局的记录", "市场监管局的记录"]);
  });
  it("a city sees its districts'", async () => {
    const a = (await t.call(s.cityoffice, { method: "GET", url: "/api/auth/session" })).json();
    expect(a.regions).toContain("500156");
    expect(a.regions).toContain("500102");
    expect(await titlesAs({ regions: a.regions })).toHaveLength(3);
  });
  it("with no scope set, nothing is visible", async () => {
    const { rows } = await sql`select * from test_record`.execute(t.db.app);
    expect(rows).toHaveLength(0);
  });
  it("refuses to write a row outside the scope", async () => {
    await expect(
      withScope(t.db.app, { regions: ["500156"], unitId: ids.sfj, userId: 1 }, (trx) =>
        sql`insert into test_record (region_code, unit_id, title) values ('500102', ${ids.fuling}, 'x')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
  it("register entries: a unit reads region-visible entries of others but cannot change or delete them", async () => {
    const ins = await t.db.owner
      .insertInto("register_entry")
      .values({
        region_code: "500156",
        register: "x",
        unit_id: ids.scjgj!,
        visibility: "region",
        data: "{}",
        created_at: new Date(),
        updated_at: new Date(),
        created_by: null,
        updated_by: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const asSfj = (q: string) =>
      withScope(t.db.app, { regions: ["500156"], unitId: ids.sfj, userId: 1 }, (trx) =>
        sql.raw(q).execute(trx),
      );
    expect((await asSfj(`select id from register_entry where id = ${ins.id}`)).rows).toHaveLength(
      1,
    );
    expect(
      Number((await asSfj(`delete from register_entry where id = ${ins.id}`)).numAffectedRows),
    ).toBe(0);
    expect(
      Number(
        (await asSfj(`update register_entry set data = '{"x":1}' where id = ${ins.id}`))
          .numAffectedRows,
      ),
    ).toBe(0);
    const still = await t.db.owner
      .selectFrom("register_entry")
      .select("data")
      .where("id", "=", ins.id)
      .executeTakeFirstOrThrow();
    expect(still.data).toEqual({});
  });

  it("the app's role is not a superuser and cannot bypass RLS or edit the audit trail", async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      select rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(t.db.app);
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    await expect(sql`delete from audit_event`.execute(t.db.app)).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe("route access (the code layer)", () => {
  it("a user without the permission gets 403, a security event, and no data written", async () => {
    const before = await t.db.owner.selectFrom("app_user").select("id").execute();
    const res = await t.call(s.handler, {
      method: "POST",
      url: "/api/users",
      payload: {
        username: "newbie",
        displayName: "新人",
        unitId: ids.sfj,
        roles: ["case_handler"],
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
    const after = await t.db.owner.selectFrom("app_user").select("id").execute();
    expect(after).toHaveLength(before.length);
    const denied = await t.db.owner
      .selectFrom("security_event")
      .selectAll()
      .where("kind", "=", "access_denied")
      .where("username", "=", "handler")
      .execute();
    expect(denied).toHaveLength(1);
  });

  it("checks access before validation: a forbidden caller learns nothing about the input", async () => {
    const res = await t.call(s.handler, {
      method: "POST",
      url: "/api/users",
      payload: { nonsense: true },
    });
    expect(res.statusCode).toBe(403);
  });

  it("without a session: 401", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/users" });
    expect(res.statusCode).toBe(401);
  });

  it("the system administrator creates accounts in its region only", async () => {
    const ok = await t.call(s.sysadm, {
      method: "POST",
      url: "/api/users",
      payload: {
        username: "newbie",
        displayName: "新人",
        unitId: ids.sfj,
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id: expect.any(Number), activated: false });
    const foreign = await t.call(s.flsys, {
      method: "POST",
      url: "/api/users",
      payload: { username: "intruder", displayName: "x", unitId: ids.sfj },
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.fields[0].field).toBe("unitId");
    const list = (await t.call(s.flsys, { method: "GET", url: "/api/users" })).json() as {
      username: string;
    }[];
    expect(list.map((u) => u.username)).toEqual(["flsys"]);
  });

  it("keeps the three administrators apart", async () => {
    // system admin cannot assign roles, read the audit trail or the security log
    expect(
      (
        await t.call(s.sysadm, {
          method: "PUT",
          url: `/api/users/${s.handler.userId}/roles`,
          payload: { roles: ["unit_leader"] },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.call(s.sysadm, { method: "GET", url: "/api/security-events" })).statusCode,
    ).toBe(403);
    expect((await t.call(s.sysadm, { method: "GET", url: "/api/audit/events" })).statusCode).toBe(
      403,
    );
    // security admin cannot create accounts or read logs
    expect(
      (await t.call(s.secadm, { method: "POST", url: "/api/users", payload: {} })).statusCode,
    ).toBe(403);
    expect((await t.call(s.secadm, { method: "GET", url: "/api/audit/events" })).statusCode).toBe(
      403,
    );
    // audit admin reads, but cannot create accounts or assign roles
    expect(
      (await t.call(s.audadm, { method: "GET", url: "/api/security-events" })).statusCode,
    ).toBe(200);
    expect(
      (await t.call(s.audadm, { method: "POST", url: "/api/users", payload: {} })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.call(s.audadm, {
          method: "PUT",
          url: `/api/users/${s.handler.userId}/roles`,
          payload: { roles: ["unit_leader"] },
        })
      ).statusCode,
    ).toBe(403);
    // no administrator holds a business permission
    expect(
      (await t.call(s.sysadm, { method: "GET", url: "/api/auth/session" })).json().permissions,
    ).not.toContain("record.read");
  });

  it("the security admin assigns business roles, never admin roles or combined ones", async () => {
    const ok = await t.call(s.secadm, {
      method: "PUT",
      url: `/api/users/${s.handler.userId}/roles`,
      payload: { roles: ["case_handler", "legal_reviewer"], reason: "调岗" },
    });
    expect(ok.statusCode).toBe(200);
    const admin = await t.call(s.secadm, {
      method: "PUT",
      url: `/api/users/${s.handler.userId}/roles`,
      payload: { roles: ["audit_admin"], reason: "调岗" },
    });
    expect(admin.statusCode).toBe(422);
    const mixed = await t.call(s.secadm, {
      method: "PUT",
      url: `/api/users/${s.handler.userId}/roles`,
      payload: { roles: ["audit_admin", "case_handler"], reason: "调岗" },
    });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().error.fields[0].field).toBe("roles");
    const self = await t.call(s.secadm, {
      method: "PUT",
      url: `/api/users/${s.secadm.userId}/roles`,
      payload: { roles: ["case_handler"], reason: "调岗" },
    });
    expect(self.statusCode).toBe(403);
    const audit = await t.db.owner
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "user.roles_change")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toEqual({ roles: ["case_handler"] });
    expect(audit[0]!.after).toEqual({ roles: ["case_handler", "legal_reviewer"] });
  });

  it("the audit admin sees only its regions' security events", async () => {
    const rows = (
      await t.call(s.audadm, { method: "GET", url: "/api/security-events?limit=500" })
    ).json().items as { regionCode: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.regionCode === null || r.regionCode === "500156")).toBe(true);
  });
});
