import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withScope } from "../../../src/db/scope.ts";
import { type RegisterEngine, registerEngine } from "../../../src/engines/register/index.ts";
import { loadActor } from "../../../src/platform/auth/sessions.ts";
import { loadOrCreateFieldKey } from "../../../src/platform/crypto/keys.ts";
import { inWork, type WorkTx } from "../../../src/platform/work.ts";
import { examplesModule } from "../../fixtures/examples/index.ts";
import { officerRegister } from "../../fixtures/examples/officer.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { registerTestApp } from "../../support/register-app.ts";

/**
 * Issue 9: the register import reads CSV beside .xlsx (UTF-8, or GB18030 as Excel saves
 * Chinese CSV), and writes in batches — many rows in a few statements, keys, search
 * documents and audit events included — all rows or none.
 */
let t: TestApp;
let handler: Session;
const base = "/api/registers/example_officer";

beforeAll(async () => {
  t = await registerTestApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  handler = await t.login("handler");
});
afterAll(async () => t.close());

/** A valid 18-digit ID number (GB 11643 check digit) born 1990-01-01 with sequence `n`. */
function idNumber(n: number): string {
  const body = `50015619900101${String(n % 1000).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return body + "10X98765432"[sum % 11]!;
}

const HEADER = "姓名,执法证号,身份证号,有效期起,有效期止";
const row = (i: number, validTo = "2025-12-31") =>
  `人员${i},CSV${String(i).padStart(5, "0")},${idNumber(i)},2020-01-01,${validTo}`;

const postCsv = (body: Buffer | string, query = "") =>
  t.call(handler, {
    method: "POST",
    url: `${base}/import${query}`,
    headers: { "content-type": "text/csv" },
    payload: Buffer.from(body),
  });

async function counts() {
  const q = async (text: string) =>
    (await sql<{ n: number }>`${sql.raw(text)}`.execute(t.db.owner)).rows[0]!.n;
  return {
    entries: await q("select count(*)::int as n from register_entry"),
    keys: await q("select count(*)::int as n from register_key"),
    docs: await q("select count(*)::int as n from search_doc where kind = 'register'"),
    events: await q(
      "select count(*)::int as n from audit_event where action like 'register.example_officer.%'",
    ),
  };
}

describe("CSV register import", () => {
  it("serves the template: a UTF-8 header row of the Chinese labels", async () => {
    const res = await t.call(handler, { method: "GET", url: `${base}/import-template.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body).toContain("姓名,执法证号,身份证号,手机号,有效期起,有效期止,法制审核人员");
  });

  it("imports 2,500 rows in batches, with their keys, search documents and audit events", async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => row(i + 1));
    const res = await postCsv(`\ufeff${HEADER}\n${lines.join("\n")}\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 2500, created: 2500, updated: 0, unchanged: 0 });
    // One unique key and one blind index of the ID number per entry; internal and public docs.
    expect(await counts()).toEqual({ entries: 2500, keys: 5000, docs: 5000, events: 2500 });
    const found = await t.call(handler, {
      method: "GET",
      url: `${base}/entries?certificateNo=CSV02500`,
    });
    expect(found.json().items[0].data).toMatchObject({ name: "人员2500", validTo: "2025-12-31" });
  });

  it("re-imports the same rows unchanged, and changes only the changed one", async () => {
    const before = await counts();
    const lines = Array.from({ length: 2500 }, (_, i) =>
      row(i + 1, i === 1200 ? "2026-06-30" : undefined),
    );
    const res = await postCsv(`${HEADER}\n${lines.join("\n")}\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 2500, created: 0, updated: 1, unchanged: 2499 });
    expect(await counts()).toEqual({ ...before, events: before.events + 1 });
    const found = await t.call(handler, {
      method: "GET",
      url: `${base}/entries?certificateNo=CSV01201`,
    });
    expect(found.json().items[0]).toMatchObject({ version: 2, data: { validTo: "2026-06-30" } });
  });

  it("reads GB18030 (Excel's Chinese CSV)", async () => {
    const body = Buffer.from(
      "d0d5c3fb2cd6b4b7a8d6a4bac52cc9edb7ddd6a4bac52cd3d0d0a7c6dac6f02cd3d0d0a7c6dad6b90d0acdf5cee52c47423138303330312c3530303135363139393030313031373737362c323032302d30312d30312c323032352d31322d33310d0a",
      "hex",
    );
    const res = await postCsv(body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(1);
    const found = await t.call(handler, {
      method: "GET",
      url: `${base}/entries?certificateNo=GB180301`,
    });
    expect(found.json().items[0].data.name).toBe("王五");
  });

  it("one bad row among thousands: nothing written, the row and column named", async () => {
    const before = await counts();
    const lines = Array.from({ length: 1500 }, (_, i) => row(5000 + i));
    lines.push(row(6600, "2025-02-30")); // row 1502: no such day
    lines.push(row(5000)); // row 1503: the same certificate number as row 2
    const res = await postCsv(`${HEADER}\n${lines.join("\n")}\n`);
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.fields as { row: number; column: string; field: string }[];
    expect(fields.map((f) => [f.row, f.column, f.field])).toEqual([
      [1502, "有效期止", "validTo"],
      [1503, "执法证号", "certificateNo"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("a key held by another entry is refused, against the register", async () => {
    const res = await postCsv(`姓名,执法证号,身份证号,有效期起,有效期止,系统编号\n${row(1)},\n`);
    // Row 2 names certificate CSV00001, held by an entry: matched to it, unchanged.
    expect(res.json()).toMatchObject({ rows: 1, unchanged: 1 });
    const id = (
      await t.call(handler, { method: "GET", url: `${base}/entries?certificateNo=CSV00002` })
    ).json().items[0].id;
    // Entry CSV00002 given CSV00001's number: taken.
    const taken = await postCsv(
      `姓名,执法证号,身份证号,有效期起,有效期止,系统编号\n${row(1)},${id}\n`,
    );
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.fields[0]).toMatchObject({ row: 2, field: "certificateNo" });
  });
});

describe("the import's batch call (migration 0024)", () => {
  const call = (unitId: number, ids: number[], keyOf: number) =>
    withScope(t.db.app, { regions: ["500156"], unitId, userId: undefined, home: "500156" }, (trx) =>
      sql`select * from fazhi_register_index('500156', 'example_officer', ${ids}::bigint[],
          ${JSON.stringify([{ key_name: "certificateNo", key_value: '["X"]', entry_id: keyOf }])}::jsonb,
          '[]'::jsonb, now())`.execute(trx),
    );

  it("refuses another unit's entries, and keys of entries it was not given: nothing written", async () => {
    const [a, b] = (
      await sql<{ id: number; unit_id: number }>`
        select id, unit_id from register_entry where register = 'example_officer'
         order by id limit 2`.execute(t.db.owner)
    ).rows;
    const other = await t.unit("500156", "fgw");
    const before = await counts();
    await expect(call(other, [a!.id], a!.id)).rejects.toMatchObject({ code: "42501" });
    await expect(call(a!.unit_id, [a!.id], b!.id)).rejects.toMatchObject({ code: "42501" });
    expect(await counts()).toEqual(before);
  });
});

describe("createMany: many entries at once through the batch path (the demo's write)", () => {
  async function asHandler<T>(fn: (w: WorkTx, engine: RegisterEngine) => Promise<T>): Promise<T> {
    const u = await t.db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", "handler")
      .executeTakeFirstOrThrow();
    const actor = (await loadActor(t.db.owner, u.id))!;
    const engine = registerEngine({ fieldKey: await loadOrCreateFieldKey(t.config.keyDir) });
    return inWork(t.db.app, actor, new Date("2021-01-31T01:00:00Z"), null, (w) => fn(w, engine));
  }
  const entry = (i: number) => ({
    name: `批量${i}`,
    certificateNo: `MANY${String(i).padStart(5, "0")}`,
    idNumber: idNumber(500 + i),
    validFrom: "2020-01-01",
    validTo: "2025-12-31",
  });

  it("writes every entry with its keys, search documents and audit events", async () => {
    const before = await counts();
    const n = await asHandler((w, e) =>
      e.createMany(w, officerRegister, { data: [1, 2, 3].map(entry) }),
    );
    expect(n).toBe(3);
    const after = await counts();
    expect(after.entries - before.entries).toBe(3);
    expect(after.events - before.events).toBe(3);
    expect(after.keys).toBeGreaterThan(before.keys);
    expect(after.docs).toBeGreaterThan(before.docs);
  });

  it("refuses the whole list for one bad entry, a key repeated in the list or a key taken: nothing written", async () => {
    const before = await counts();
    await expect(
      asHandler((w, e) =>
        e.createMany(w, officerRegister, { data: [entry(10), { ...entry(11), validFrom: "x" }] }),
      ),
    ).rejects.toMatchObject({ text: { zh: expect.stringMatching(/^第 2 条/) } });
    await expect(
      asHandler((w, e) => e.createMany(w, officerRegister, { data: [entry(12), entry(12)] })),
    ).rejects.toMatchObject({
      code: "validation",
      text: { zh: expect.stringMatching(/^第 2 条/) },
    });
    await expect(
      asHandler((w, e) => e.createMany(w, officerRegister, { data: [entry(13), entry(1)] })),
    ).rejects.toMatchObject({
      code: "validation",
      text: { zh: expect.stringMatching(/^第 2 条/) },
    });
    expect(await counts()).toEqual(before);
  });
});
