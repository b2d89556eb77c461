import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../../src/db/scope.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * Row-level security alone (issue 8): each probe runs as `fazhi_app` with the settings
 * the app sets (db/scope.ts) and no filter of its own, the way a route with a missing
 * check would. Another unit's case must stay out of reach.
 */
let t: TestApp;
const u: Record<string, number> = {};
let market: { id: number };
let mine: { id: number };

const applicant = { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" };
async function open(s: Session) {
  const res = await t.call(s, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: {
      fields: { applicant, item: "食品经营许可", category: "market" },
      onDate: "2020-10-09",
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

/** As the other unit (unit scope in Wulong), row-level security alone deciding. */
function asOther<T>(fn: (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => Promise<T>) {
  return withScope(t.db.app, { regions: ["500156"], unitId: u.other, userId: 1 }, fn);
}
const run = (q: string) => (trx: Parameters<Parameters<typeof withScope>[2]>[0]) =>
  sql.raw(q).execute(trx);

/** A transaction as the app role with only the settings given (no withScope). */
async function rawScope(settings: Record<string, string>, q: string) {
  return t.db.app.transaction().execute(async (trx) => {
    for (const [k, v] of Object.entries(settings))
      await sql`select set_config(${k}, ${v}, true)`.execute(trx);
    return (await sql.raw(q).execute(trx)).rows;
  });
}

beforeAll(async () => {
  t = await testApp([examplesModule]);
  u.market = await t.unit("500156", "scjgj");
  u.other = await t.unit("500156", "jtj");
  await t.user("handler", u.market, ["case_handler"]);
  await t.user("other", u.other, ["case_handler"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  market = await open(await t.login("handler"));
  mine = await open(await t.login("other"));
  const acc = await t.call(await t.login("handler"), {
    method: "POST",
    url: `/api/cases/example_permit/${market.id}/actions/accept`,
    payload: { version: 1, onDate: "2020-10-10" },
  });
  expect(acc.statusCode, acc.body).toBe(200);
});
afterAll(async () => t.close());

describe("row-level security closes the side doors into another unit's case", () => {
  it("a unit cannot make itself a participant of another unit's case (and so read it)", async () => {
    await expect(
      asOther(
        run(`insert into case_participant (region_code, case_id, unit_id, role)
             values ('500156', ${market.id}, ${u.other}, 'supporting')`),
      ),
    ).rejects.toThrow(/row-level security/);
    const seen = await asOther(run(`select id from case_file where id = ${market.id}`));
    expect(seen.rows).toHaveLength(0);
    // Its own case it may still open to a participant (the owner adds participants).
    await asOther(
      run(`insert into case_participant (region_code, case_id, unit_id, role)
           values ('500156', ${mine.id}, ${u.market}, 'supporting')`),
    );
  });

  it("a unit cannot link its case to another unit's, so linked reads and clocks stay shut", async () => {
    await expect(
      asOther(
        run(`insert into case_link (region_code, from_case_id, kind, to_case_id, to_region_code, created_at)
             values ('500156', ${mine.id}, 'related', ${market.id}, '500156', now())`),
      ),
    ).rejects.toThrow(/row-level security/);
    const linked = await asOther(run(`select * from fazhi_linked_cases('500156', ${mine.id})`));
    expect(linked.rows).toHaveLength(0);
    await expect(
      asOther(
        run(`select fazhi_linked_clock('500156', ${mine.id}, '500156', ${market.id}, 'decision',
             '2020-10-12', false, false)`),
      ),
    ).rejects.toThrow(/not linked/);
    const clock = await sql<{ stopped_on: unknown }>`select stopped_on from case_clock
      where region_code = '500156' and case_id = ${market.id}`.execute(t.db.owner);
    expect(clock.rows.length).toBeGreaterThan(0);
    expect(clock.rows.every((r) => r.stopped_on === null)).toBe(true);
  });

  it("an unset or empty fazhi.unit means nothing, not region-wide; '*' is region-wide", async () => {
    const q = "select id from case_file order by id";
    expect(await rawScope({ "fazhi.regions": "500156" }, q)).toHaveLength(0);
    expect(await rawScope({ "fazhi.regions": "500156", "fazhi.unit": "" }, q)).toHaveLength(0);
    expect(await rawScope({ "fazhi.regions": "500156", "fazhi.unit": "*" }, q)).toHaveLength(2);
    // And through withScope, as the app sets it for region scope.
    const region = await withScope(
      t.db.app,
      { regions: ["500156"], unitId: undefined, userId: 1 },
      run(q),
    );
    expect(region.rows).toHaveLength(2);
  });

  it("fazhi_case_unit() answers nothing without a scope, nor for a region out of scope", async () => {
    const q = `select fazhi_case_unit('500156', ${market.id}) as u`;
    expect((await sql.raw<{ u: unknown }>(q).execute(t.db.app)).rows[0]!.u).toBeNull();
    expect((await rawScope({ "fazhi.regions": "500101", "fazhi.unit": "*" }, q))[0]).toEqual({
      u: null,
    });
    const inScope = (await rawScope({ "fazhi.regions": "500156", "fazhi.unit": "*" }, q))[0] as {
      u: string | number;
    };
    expect(Number(inScope.u)).toBe(u.market);
  });

  it("an attachment with no case is its unit's, not the whole region's", async () => {
    await sql`insert into attachment (region_code, case_id, unit_id, sm3, name, mime, size, uploaded_at)
      values ('500156', null, ${u.market}, 'x', '草稿.pdf', 'application/pdf', 1, now())`.execute(
      t.db.owner,
    );
    const q = "select name from attachment where case_id is null";
    expect((await asOther(run(q))).rows).toHaveLength(0);
    const own = await withScope(
      t.db.app,
      { regions: ["500156"], unitId: u.market, userId: 1 },
      run(q),
    );
    expect(own.rows).toHaveLength(1);
    await expect(
      asOther(
        run(`insert into attachment (region_code, case_id, unit_id, sm3, name, mime, size, uploaded_at)
             values ('500156', null, ${u.market}, 'x', 'forged.pdf', 'application/pdf', 1, now())`),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("audit events: a unit reads its own and those of what it may see, and writes in its own name only", async () => {
    const q = `select action from audit_event where entity_type = 'case' and entity_id = '${market.id}'`;
    expect((await asOther(run(q))).rows).toHaveLength(0);
    const own = await withScope(
      t.db.app,
      { regions: ["500156"], unitId: u.market, userId: 1 },
      run(q),
    );
    expect(own.rows.length).toBeGreaterThan(0);
    const office = await withScope(
      t.db.app,
      { regions: ["500156"], unitId: undefined, userId: 1 },
      run(q),
    );
    expect(office.rows).toHaveLength(own.rows.length);
    await expect(
      asOther(
        run(`insert into audit_event (region_code, chain_key, seq, occurred_at, actor_unit_id, action,
               entity_type, entity_id, prev_hash, hash)
             values ('500156', 'forged', 1, now(), ${u.market}, 'case.x.y', 'case', '${market.id}', '', '')`),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
