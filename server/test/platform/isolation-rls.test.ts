import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DataScope, withScope } from "../../src/db/scope.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { type TestApp, testApp } from "../support/app.ts";

/**
 * Row-level security, second round (issue 8, migration 0010): each probe runs as
 * `fazhi_app` with the settings the app sets (db/scope.ts) and no check of its own, the
 * way a route with a missing check would. Register keys and number sequences are scoped;
 * a supervising region writes nothing of a district's except through the declared path;
 * the audit trail is read by scope.
 */
let t: TestApp;
const u: Record<string, number> = {};
let caseId: number;
let entryId: number;

const WULONG = "500156";
const WANZHOU = "500101";
const CITY = "500000";
const scopes: Record<string, DataScope> = {};
type Trx = Parameters<Parameters<typeof withScope>[2]>[0];
const as = <T>(who: string, fn: (trx: Trx) => Promise<T>) => withScope(t.db.app, scopes[who]!, fn);
const q = (text: string) => async (trx: Trx) => (await sql.raw(text).execute(trx)).rows;

beforeAll(async () => {
  t = await testApp([examplesModule]);
  u.market = await t.unit(WULONG, "scjgj");
  u.other = await t.unit(WULONG, "jtj");
  u.office = await t.unit(WULONG, "sfj");
  u.wanzhou = await t.unit(WANZHOU, "wz-sfj");
  u.city = await t.unit(CITY, "cq-sfj");
  await t.user("handler", u.market, ["case_handler"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  const s = await t.login("handler");
  const opened = await t.call(s, {
    method: "POST",
    url: "/api/cases/example_permit",
    payload: {
      fields: {
        applicant: { name: "王小明", idNumber: "11010519491231002X", phone: "13800138000" },
        item: "食品经营许可",
        category: "market",
      },
      onDate: "2020-10-09",
    },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = opened.json().id;
  const accepted = await t.call(s, {
    method: "POST",
    url: `/api/cases/example_permit/${caseId}/actions/accept`,
    payload: { version: 1, onDate: "2020-10-10" },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const entry = await t.call(s, {
    method: "POST",
    url: "/api/registers/example_officer/entries",
    payload: {
      data: {
        name: "李四",
        certificateNo: "50015600001",
        idNumber: "11010519491231002X",
        phone: "13800138000",
        validFrom: "2020-01-01",
        validTo: "2025-12-31",
      },
    },
  });
  expect(entry.statusCode, entry.body).toBe(201);
  entryId = entry.json().id;
  const unit = (id: number, region: string) => ({
    regions: [region],
    unitId: id,
    userId: 1,
    home: region,
  });
  scopes.market = unit(u.market!, WULONG);
  scopes.other = unit(u.other!, WULONG);
  scopes.office = { regions: [WULONG], unitId: undefined, userId: 1, home: WULONG };
  scopes.wanzhou = { regions: [WANZHOU], unitId: undefined, userId: 1, home: WANZHOU };
  scopes.city = { regions: [CITY, WULONG, WANZHOU], unitId: undefined, userId: 1, home: CITY };
  scopes.nohome = { regions: [WULONG], unitId: undefined, userId: 1 };
});
afterAll(async () => t.close());

describe("register keys", () => {
  const keys = q(
    "select key_name from register_key where register = 'example_officer' order by key_name",
  );
  it("another unit reads an entry's unique key with the entry, never its blind indexes", async () => {
    const own = (await as("market", keys)).map((r) => (r as { key_name: string }).key_name);
    expect(own.some((k) => k.startsWith("bi:"))).toBe(true);
    expect(own).toContain("certificate");
    const other = (await as("other", keys)).map((r) => (r as { key_name: string }).key_name);
    expect(other).toEqual(["certificate"]);
    expect(await as("wanzhou", keys)).toEqual([]);
  });

  it("no unit writes or deletes a key of another unit's entry", async () => {
    await expect(
      as(
        "other",
        q(`insert into register_key (region_code, register, key_name, key_value, entry_id)
           values ('${WULONG}', 'example_officer', 'forged', 'x', ${entryId})`),
      ),
    ).rejects.toThrow(/row-level security/);
    await as("other", q(`delete from register_key where entry_id = ${entryId}`));
    const left =
      await sql`select count(*)::int as n from register_key where entry_id = ${entryId}`.execute(
        t.db.owner,
      );
    expect((left.rows[0] as { n: number }).n).toBeGreaterThan(1);
  });
});

describe("number sequences", () => {
  it("the app role neither reads nor sets a sequence; it draws the next number only", async () => {
    await expect(as("other", q("select * from number_sequence"))).rejects.toThrow(
      /permission denied/,
    );
    await expect(as("other", q("update number_sequence set last = 0"))).rejects.toThrow(
      /permission denied/,
    );
    const before = await sql<{ last: number }>`select last from number_sequence
      where region_code = ${WULONG} and kind = 'acceptance'`.execute(t.db.owner);
    const n = await as(
      "market",
      q(`select fazhi_next_number('${WULONG}', '武隆许受', 'acceptance', 2020) as n`),
    );
    expect((n[0] as { n: number }).n).toBe(before.rows[0]!.last + 1);
  });

  it("no number of a region out of scope, nor of a district for the supervising city", async () => {
    for (const [who, region] of [
      ["market", WANZHOU],
      ["city", WULONG],
      ["nohome", WULONG],
    ] as const) {
      await expect(
        as(who, q(`select fazhi_next_number('${region}', 'p', 'k', 2020)`)),
        `${who} in ${region}`,
      ).rejects.toThrow(/no numbers/);
    }
    await expect(
      as("city", q(`select fazhi_raise_number('${WULONG}', 1, '[]'::jsonb)`)),
    ).rejects.toThrow(/not one of yours/);
  });
});

describe("a supervising region writes no business row of a district", () => {
  const snapshot = async () =>
    (
      await sql`select version, title, state from case_file where id = ${caseId}`.execute(
        t.db.owner,
      )
    ).rows[0];

  it("the city reads the Wulong case, and cannot update it, add to its timeline or its people", async () => {
    const before = await snapshot();
    expect(await as("city", q(`select id from case_file where id = ${caseId}`))).toHaveLength(1);
    await expect(
      as(
        "city",
        q(`update case_file set title = 'forged', version = version + 1 where id = ${caseId}`),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as(
        "city",
        q(`insert into case_event (region_code, case_id, seq, kind, action, on_date, at)
           values ('${WULONG}', ${caseId}, 99, 'transition', 'forged', '2020-10-20', now())`),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as(
        "city",
        q(`insert into case_participant (region_code, case_id, unit_id, role)
           values ('${WULONG}', ${caseId}, ${u.city}, 'supporting')`),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as(
        "city",
        q(`insert into case_file (region_code, case_type, unit_id, state, title, opened_on, created_at, updated_at)
           values ('${WULONG}', 'example_permit', ${u.market}, 'received', 'forged', '2020-10-20', now(), now())`),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await as("city", q(`delete from case_clock where case_id = ${caseId} returning 1`)),
    ).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("nor a register entry of a district unit", async () => {
    await expect(
      as("city", q(`update register_entry set version = version + 1 where id = ${entryId}`)),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as(
        "city",
        q(`insert into register_entry (region_code, register, unit_id, visibility, data, created_at, updated_at)
           values ('${WULONG}', 'example_officer', ${u.market}, 'region', '{}', now(), now())`),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await as("city", q(`delete from register_entry where id = ${entryId} returning 1`)),
    ).toEqual([]);
    // A region scope without its own region set writes nothing either.
    await expect(
      as("nohome", q(`update register_entry set version = version + 1 where id = ${entryId}`)),
    ).rejects.toThrow(/row-level security/);
  });

  it("the district's own office writes there; the city only through fazhi_supervise, one case", async () => {
    await as("office", q(`update case_file set updated_at = now() where id = ${caseId}`));
    await as("city", async (trx) => {
      await sql`select fazhi_supervise(${WULONG}, ${caseId})`.execute(trx);
      await sql`update case_file set updated_at = now() where id = ${caseId}`.execute(trx);
    });
    // Not for a case of its own region, not from unit scope, not for a case out of sight.
    await expect(as("city", q(`select fazhi_supervise('${CITY}', ${caseId})`))).rejects.toThrow(
      /not one you supervise/,
    );
    await expect(as("other", q(`select fazhi_supervise('${WULONG}', ${caseId})`))).rejects.toThrow(
      /not one you supervise/,
    );
    await expect(
      as("wanzhou", q(`select fazhi_supervise('${WULONG}', ${caseId})`)),
    ).rejects.toThrow(/not one you supervise/);
  });
});

describe("the audit trail", () => {
  const events = (trx: Trx) =>
    q(`select action from audit_event where entity_type = 'case' and entity_id = '${caseId}'`)(trx);
  it("is read by the owning unit, its region's office and the city, not by another unit or district", async () => {
    const own = await as("market", events);
    expect(own.length).toBeGreaterThan(0);
    expect(await as("office", events)).toHaveLength(own.length);
    expect(await as("city", events)).toHaveLength(own.length);
    expect(await as("other", events)).toEqual([]);
    expect(await as("wanzhou", events)).toEqual([]);
  });

  it("is written in the caller's regions only", async () => {
    await expect(
      as(
        "wanzhou",
        q(`insert into audit_event (region_code, chain_key, seq, occurred_at, action, entity_type,
             entity_id, prev_hash, hash)
           values ('${WULONG}', 'forged', 1, now(), 'case.x.y', 'case', '${caseId}', '', '')`),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
