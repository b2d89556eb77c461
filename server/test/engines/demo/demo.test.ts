import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSummary, loadDemoIfEmpty } from "../../../src/cli/commands/demo.ts";
import type { Database } from "../../../src/db/connection.ts";
import { DEMO_PASSWORD, type DemoContribution } from "../../../src/engines/demo/declare.ts";
import { type DemoLoadResult, demoStatus, loadDemo } from "../../../src/engines/demo/loader.ts";
import { createRegistry, type ModuleDecl } from "../../../src/engines/registry.ts";
import { ROLE_CODES } from "../../../src/kernel/access.ts";
import { DEMO_ACCOUNTS, directoryModule } from "../../../src/modules/directory/index.ts";
import { ensureFirstAdmin } from "../../../src/platform/bootstrap.ts";
import { type TestApp, testApp } from "../../support/app.ts";
import { type TestDatabase, testDatabase } from "../../support/db.ts";

/** A tiny module acting as a demo user: an audit event written through ctx.as. */
const probe: DemoContribution = {
  id: "probe",
  dependsOn: ["directory"],
  async load(ctx) {
    const unitId = await ctx.unitId("yfzqb");
    await ctx.as("wl.yfzqb.office", "2020-03-04", async (w) => {
      await w.audit({
        regionCode: ctx.regionCode,
        action: "probe.write",
        entityType: "probe",
        entityId: unitId,
        after: { n: ctx.rng.int(1, 1000), today: w.today },
      });
    });
    ctx.note("one audit event as wl.yfzqb.office");
    const towns = await ctx.units({ kind: ["township", "street"] });
    const reviewers = await ctx.users({ role: "legal_reviewer" });
    const baima = await ctx.users({ unit: "town-baima" });
    ctx.note(`${towns.length} townships and streets, ${reviewers.length} legal reviewers`);
    ctx.note(`白马镇: ${baima.map((u) => `${u.username} ${u.roles.join(",")}`).join("; ")}`);
  },
};
const probeModule: ModuleDecl = {
  code: "probe",
  label: { zh: "测试", en: "Probe" },
  demo: [probe],
};
const registry = createRegistry([directoryModule, probeModule]);

async function snapshot(db: Database) {
  const units = await db.owner
    .selectFrom("unit as u")
    .leftJoin("unit as p", "p.id", "u.parent_id")
    .select(["u.region_code", "u.code", "u.name_zh", "u.name_en", "u.kind", "p.code as parent"])
    .orderBy("u.region_code")
    .orderBy("u.code")
    .execute();
  const users = await db.owner
    .selectFrom("app_user as a")
    .innerJoin("unit", "unit.id", "a.unit_id")
    .innerJoin("user_role as r", "r.user_id", "a.id")
    .select([
      "a.username",
      "a.display_name",
      "a.region_code",
      "unit.code as unit",
      "r.role",
      "a.must_change_password",
    ])
    .where("a.username", "<>", "admin")
    .orderBy("a.username")
    .execute();
  return { units, users };
}

let t: TestApp;
let other: TestDatabase;
let result: DemoLoadResult;

beforeAll(async () => {
  t = await testApp([directoryModule, probeModule]);
  other = await testDatabase();
  result = await loadDemo(t.db, registry, { seed: "test-seed", keyDir: t.config.keyDir });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await other?.drop();
});

describe("the Wulong directory", () => {
  it("has 55 district bodies and 26 townships and streets, counted by kind", async () => {
    const rows = await t.db.owner
      .selectFrom("unit")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .where("region_code", "=", "500156")
      .where("code", "<>", "system-admin")
      .groupBy("kind")
      .execute();
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    expect(byKind).toEqual({
      party_committee: 10,
      committee_office: 3,
      department: 35,
      judicial: 2,
      other: 5,
      government: 1,
      township: 24,
      street: 2,
      enforcement_team: 8,
    });
    const bodies =
      byKind.party_committee! +
      byKind.committee_office! +
      byKind.department! +
      byKind.judicial! +
      byKind.other!;
    expect(bodies).toBe(55);
    expect(byKind.township! + byKind.street!).toBe(26);
  });

  it("places the rule-of-law office in the justice bureau and the city bureau in 500000", async () => {
    const { units } = await snapshot(t.db);
    expect(units.find((u) => u.code === "yfzqb")).toMatchObject({
      region_code: "500156",
      kind: "committee_office",
      parent: "sfj",
    });
    expect(units.find((u) => u.code === "town-baima")).toMatchObject({
      name_zh: "白马镇",
      kind: "township",
      parent: "qzf",
    });
    expect(units.filter((u) => u.region_code === "500000")).toEqual([
      expect.objectContaining({ code: "sfj", name_zh: "市司法局" }),
    ]);
  });

  it("creates users for every role, none of them forced to change the demo password", async () => {
    const { users } = await snapshot(t.db);
    for (const role of ROLE_CODES) {
      expect(
        users.some((u) => u.role === role),
        role,
      ).toBe(true);
    }
    expect(new Set(users.map((u) => u.username)).size).toBe(DEMO_ACCOUNTS.length);
    expect(users.every((u) => !u.must_change_password)).toBe(true);
    expect(users.find((u) => u.username === "cq.sfj.office")).toMatchObject({
      region_code: "500000",
      unit: "sfj",
      role: "rule_of_law_office",
    });
    expect(result.users).toHaveLength(DEMO_ACCOUNTS.length);
    expect(result.password).toBe(DEMO_PASSWORD);
  });

  it("records every unit and account it creates in the audit trail", async () => {
    const rows = await t.db.owner
      .selectFrom("audit_event")
      .select(["action", (eb) => eb.fn.countAll<number>().as("n")])
      .where("action", "in", ["unit.create", "user.create"])
      .groupBy("action")
      .execute();
    const n = Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
    const units = await t.db.owner
      .selectFrom("unit")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(n["unit.create"]).toBe(Number(units.n));
    expect(n["user.create"]).toBe(DEMO_ACCOUNTS.length);
  });
});

describe("the loader", () => {
  it("runs contributions in dependency order and lets them act as a demo user", async () => {
    expect(result.contributions.map((c) => c.id)).toEqual(["directory", "probe"]);
    expect(result.contributions[1]!.notes).toEqual([
      "one audit event as wl.yfzqb.office",
      "26 townships and streets, 18 legal reviewers",
      "白马镇: wl.town-baima.handler case_handler; wl.town-baima.leader unit_leader",
    ]);
    const office = await t.db.owner
      .selectFrom("app_user")
      .select(["id", "unit_id", "display_name"])
      .where("username", "=", "wl.yfzqb.office")
      .executeTakeFirstOrThrow();
    const ev = await t.db.owner
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "probe.write")
      .executeTakeFirstOrThrow();
    expect(ev.actor_user_id).toBe(office.id);
    expect(ev.actor_unit_id).toBe(office.unit_id);
    expect(ev.actor_name).toBe(office.display_name);
    // 09:00 in Asia/Shanghai on the given day.
    expect(ev.occurred_at.toISOString()).toBe("2020-03-04T01:00:00.000Z");
    expect(ev.after).toMatchObject({ today: "2020-03-04" });
  });

  it("records the load in the audit trail and refuses a second load", async () => {
    expect(await demoStatus(t.db)).toMatchObject({
      started: true,
      finished: true,
      seed: "test-seed",
    });
    const before = await snapshot(t.db);
    await expect(loadDemo(t.db, registry, { seed: "test-seed" })).rejects.toThrow(
      /the demo is already loaded/,
    );
    expect(await loadDemoIfEmpty(t.db, registry)).toBe(false);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("names a missing dependency and a cycle, and writes nothing", async () => {
    const tdb = await testDatabase();
    try {
      const load = async () => undefined;
      const missing = createRegistry([
        directoryModule,
        {
          code: "x",
          label: { zh: "x", en: "x" },
          demo: [{ id: "cases", dependsOn: ["registers"], load }],
        },
      ]);
      await expect(loadDemo(tdb.db, missing)).rejects.toThrow(
        'demo contribution "cases" depends on "registers", which no module provides',
      );
      const cyclic = createRegistry([
        {
          code: "x",
          label: { zh: "x", en: "x" },
          demo: [
            { id: "a", dependsOn: ["b"], load },
            { id: "b", dependsOn: ["a"], load },
          ],
        },
      ]);
      await expect(loadDemo(tdb.db, cyclic)).rejects.toThrow(/a → b → a/);
      expect(await demoStatus(tdb.db)).toMatchObject({ started: false });
      const units = await tdb.db.owner.selectFrom("unit").select("id").execute();
      expect(units).toHaveLength(0);
    } finally {
      await tdb.drop();
    }
  });

  it("records a failed contribution by name, and refuses to load over it", async () => {
    const tdb = await testDatabase();
    try {
      const selfish: DemoContribution = {
        id: "selfish",
        dependsOn: ["directory"],
        async load(ctx) {
          await ctx.createUser({
            username: "wl.selfish",
            displayName: "自己",
            unit: "sfj",
            roles: ["case_handler"],
          });
          await ctx.as("wl.selfish", "2020-05-06 14:30", async () => undefined);
        },
      };
      const reg = createRegistry([
        directoryModule,
        { code: "s", label: { zh: "s", en: "s" }, demo: [selfish] },
      ]);
      await expect(loadDemo(tdb.db, reg, { keyDir: tdb.config.keyDir })).rejects.toThrow(
        /demo contribution "selfish" failed: demo user wl.selfish was created in this contribution/,
      );
      expect(await demoStatus(tdb.db)).toMatchObject({ started: true, finished: false });
      // Its own transaction was rolled back; the directory before it stays.
      const selfishUser = await tdb.db.owner
        .selectFrom("app_user")
        .select("id")
        .where("username", "=", "wl.selfish")
        .execute();
      expect(selfishUser).toHaveLength(0);
      await expect(loadDemo(tdb.db, reg)).rejects.toThrow(
        /did not finish \(demo contribution "selfish" failed/,
      );
      expect(await loadDemoIfEmpty(tdb.db, reg)).toBe(false);
    } finally {
      await tdb.drop();
    }
  });

  it("is deterministic: the same seed gives the same units, users and assignments", async () => {
    // The other database had its first start (admin and the administrators' unit).
    await ensureFirstAdmin(other.db.owner, new Date(), "500156");
    expect(
      await loadDemoIfEmpty(other.db, registry, { seed: "test-seed", keyDir: other.config.keyDir }),
    ).toBe(true);
    expect(await loadDemoIfEmpty(other.db, registry, { seed: "test-seed" })).toBe(false);
    const a = await snapshot(t.db);
    const b = await snapshot(other.db);
    expect(b.units).toEqual(a.units);
    expect(b.users).toEqual(a.users);
    const probeA = await t.db.owner
      .selectFrom("audit_event")
      .select("after")
      .where("action", "=", "probe.write")
      .executeTakeFirstOrThrow();
    const probeB = await other.db.owner
      .selectFrom("audit_event")
      .select("after")
      .where("action", "=", "probe.write")
      .executeTakeFirstOrThrow();
    expect(probeB.after).toEqual(probeA.after);
  });
});

describe("the summary `fazhi demo` prints", () => {
  it("prints in Chinese by default (issue 11): the demo password and the logins", async () => {
    const before = process.env.FAZHI_LANG;
    delete process.env.FAZHI_LANG;
    try {
      const text = await demoSummary(t.db, result);
      expect(text).toContain(`所有演示账号的密码均为 ${DEMO_PASSWORD}`);
      expect(text).toMatch(/武隆区 500156: 91/);
      expect(text).toMatch(/\s35 {2}政府部门/);
      expect(text).toContain("wl.yfzqb.office");
      expect(text).not.toContain("Demo logins");
    } finally {
      if (before !== undefined) process.env.FAZHI_LANG = before;
    }
  });

  it("lists the contributions, units, users per role and the demo logins (FAZHI_LANG=en)", async () => {
    const before = process.env.FAZHI_LANG;
    process.env.FAZHI_LANG = "en";
    const text = await demoSummary(t.db, result).finally(() => {
      if (before === undefined) delete process.env.FAZHI_LANG;
      else process.env.FAZHI_LANG = before;
    });
    if (process.env.FAZHI_PRINT_DEMO) process.stdout.write(text);
    expect(text).toContain(`password ${DEMO_PASSWORD}`);
    expect(text).toMatch(/directory — Wulong's units and the demo accounts/);
    expect(text).toMatch(/武隆区 500156: 91/);
    expect(text).toMatch(/\s35 {2}Government department/);
    expect(text).toContain("wl.yfzqb.office");
    expect(text).toContain("cq.sfj.office");
    expect(text).toContain("wl.<unit>.handler for 24 units (乡镇)");
  });
});

describe("demo logins over HTTP", () => {
  it("logs in one demo user of every role with the demo password", async () => {
    const byRole = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS)
      for (const r of a.roles) if (!byRole.has(r)) byRole.set(r, a.username);
    expect([...byRole.keys()].sort()).toEqual([...ROLE_CODES].sort());
    for (const [role, username] of byRole) {
      const s = await t.login(username, DEMO_PASSWORD);
      const res = await t.call(s, { method: "GET", url: "/api/auth/session" });
      expect(res.statusCode, username).toBe(200);
      const body = res.json();
      expect(body.roles).toEqual([role]);
      expect(body.mustChangePassword).toBe(false);
    }
    const city = await t.login("cq.sfj.office", DEMO_PASSWORD);
    const res = await t.call(city, { method: "GET", url: "/api/auth/session" });
    expect(res.json().regions).toContain("500156");
  });
});
