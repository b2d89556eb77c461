import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../../src/platform/audit/verify.ts";
import { examplesModule } from "../../fixtures/examples/index.ts";
import { type Session, type TestApp, testApp } from "../../support/app.ts";
import { csvOf, history, historyRow, LABELS, sm3Hex } from "./import-support.ts";

/**
 * Importing history (engines/case/import) over HTTP: 10,000 historical cases in one
 * CSV — numbers, steps, clocks, the audit chain — and the same file with one bad row
 * (7,312) importing nothing and naming that row and column.
 */
let t: TestApp;
const u: Record<string, number> = {};
let leader: Session;
let handler: Session;
let otherLeader: Session;
let office: Session;

const URL = "/api/cases/example_permit/import";

async function upload(s: Session, file: Buffer, opts: { query?: string; lang?: string } = {}) {
  return t.call(s, {
    method: "POST",
    url: `${URL}${opts.query ?? ""}`,
    headers: { "content-type": "text/csv", "accept-language": opts.lang ?? "zh-CN" },
    payload: file,
  });
}

async function caseCount() {
  const r = await t.db.owner
    .selectFrom("case_file")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await testApp([examplesModule]);
  u.market = await t.unit("500156", "scjgj");
  u.other = await t.unit("500156", "jtj");
  u.office = await t.unit("500156", "sfj");
  await t.user("leader", u.market, ["unit_leader"]);
  await t.user("handler", u.market, ["case_handler"]);
  await t.user("other", u.other, ["unit_leader"]);
  await t.user("office", u.office, ["rule_of_law_office"]);
  t.clock.t = new Date("2020-10-20T02:00:00Z");
  leader = await t.login("leader");
  handler = await t.login("handler");
  otherLeader = await t.login("other");
  office = await t.login("office");
});
afterAll(async () => t.close());

describe("10,000 historical cases", () => {
  const file = csvOf(history(10_000));

  it("one bad row (7,312) imports nothing and names that row and column", async () => {
    const bad = csvOf(
      history(10_000, 2019, (i, r) => {
        if (i === 7310) r.category = "未知类别"; // the header is row 1: row 7,312
      }),
    );
    const before = await caseCount();
    const res = await upload(leader, bad);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body.error.message).toBe("文件中有 1 行有误，未导入任何办件");
    expect(body.error.fields).toHaveLength(1);
    expect(body.error.fields[0].field).toBe("rows.7312.category");
    expect(body.error.fields[0].message).toMatch(/^第 7312 行「类别」：“未知类别”不是可选值之一/);
    expect(await caseCount()).toBe(before);
    const batches = await t.db.owner.selectFrom("case_import").selectAll().execute();
    expect(batches).toHaveLength(0);
  }, 180_000);

  it("answers in English when asked", async () => {
    const bad = csvOf(
      history(5, 2019, (i, r) => {
        if (i === 1) r.category = "未知类别";
      }),
    );
    const en = await upload(leader, bad, { lang: "en" });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.message).toBe("1 row(s) of the file have errors; nothing was imported");
    expect(en.json().error.fields[0].message).toMatch(/^row 3, Category: "未知类别" is not one of/);
  });

  it("imports all rows in one transaction, marked with the file's SM3 hash", async () => {
    const res = await upload(leader, file, { query: "?fileName=history-2019.csv" });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s.rows).toBe(10_000);
    expect(s.byState).toEqual({ decided: 7000, accepted: 1000, received: 1000, rejected: 1000 });
    expect(s.sm3).toBe(sm3Hex(file));
    const batch = await t.db.owner.selectFrom("case_import").selectAll().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ sm3: sm3Hex(file), rows: 10_000, file_format: "csv" });
    const marked = await t.db.owner
      .selectFrom("case_file")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("import_batch", "=", batch.id)
      .executeTakeFirstOrThrow();
    expect(Number(marked.n)).toBe(10_000);
  }, 180_000);

  it("an imported case has its steps, numbers and clock outcome", async () => {
    const row = await t.db.owner
      .selectFrom("case_file")
      .select(["id", "version"])
      .where("import_row", "=", 2) // the file's first case: decided
      .executeTakeFirstOrThrow();
    const res = await t.call(leader, { method: "GET", url: `/api/cases/example_permit/${row.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const first = historyRow(0);
    expect(d.case.state).toBe("decided");
    expect(d.case.closedOn).toBe(first["step.decide"]);
    expect(d.case.numbers).toEqual({
      acceptance: "武隆许受〔2019〕1号",
      decision: "武隆市监许〔2019〕1号",
    });
    expect(d.case.fields.decisionSummary).toBe("准予许可");
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual([
      "create",
      "accept",
      "decide",
    ]);
    expect(row.version).toBe(3);
    const clock = await t.db.owner
      .selectFrom("case_clock")
      .selectAll()
      .where("case_id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(clock).toMatchObject({
      clock: "decision",
      started_on: first["step.accept"],
      stopped_on: first["step.decide"],
    });

    const running = await t.db.owner
      .selectFrom("case_file")
      .innerJoin("case_clock", (j) => j.onRef("case_clock.case_id", "=", "case_file.id"))
      .select(["case_clock.stopped_on", "case_file.state"])
      .where("import_row", "=", 9) // i = 7: accepted, its clock still running
      .executeTakeFirstOrThrow();
    expect(running).toEqual({ stopped_on: null, state: "accepted" });
  });

  it("numbers imported advance the sequences: a new case continues after the history", async () => {
    const open = await t.call(leader, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: {
        fields: { applicant: { name: "新申请人" }, item: "新许可", category: "market" },
        onDate: "2019-12-30",
      },
    });
    expect(open.statusCode, open.body).toBe(201);
    const c = open.json();
    const acc = await t.call(leader, {
      method: "POST",
      url: `/api/cases/example_permit/${c.id}/actions/accept`,
      payload: { version: c.version, onDate: "2019-12-30" },
    });
    expect(acc.statusCode, acc.body).toBe(200);
    // The highest acceptance number imported for 2019 is 9998 (i = 9,997; 9,998 and 9,999
    // were never accepted).
    expect(acc.json().numbers.acceptance).toBe("武隆许受〔2019〕9999号");
  });

  it("the audit trail has one import event per case and still verifies", async () => {
    const events = await t.db.owner
      .selectFrom("audit_event")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("action", "=", "case.example_permit.import")
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(10_000);
    const one = await t.db.owner
      .selectFrom("audit_event")
      .select(["after", "seq", "actor_name"])
      .where("action", "=", "case.example_permit.import")
      .where(
        "entity_id",
        "=",
        String(
          (
            await t.db.owner
              .selectFrom("case_file")
              .select("id")
              .where("import_row", "=", 2)
              .executeTakeFirstOrThrow()
          ).id,
        ),
      )
      .executeTakeFirstOrThrow();
    expect(one.seq).toBe(1);
    expect((one.after as { imported: { sm3: string } }).imported.sm3).toBe(sm3Hex(file));
    const file2 = await t.db.owner
      .selectFrom("audit_event")
      .select("after")
      .where("action", "=", "case.example_permit.import_file")
      .executeTakeFirstOrThrow();
    expect(file2.after).toMatchObject({ rows: 10_000, sm3: sm3Hex(file), format: "csv" });
    const r = await verifyAudit(t.db.owner, t.config);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  }, 180_000);

  it("the same file again is refused (409), naming the earlier batch", async () => {
    const res = await upload(leader, file);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(
      /^该文件（SM3 [0-9a-f]{12}…）已于 .* 导入（批次 \d+）$/,
    );
  });

  it("another unit sees none of the imported cases", async () => {
    const res = await t.call(otherLeader, { method: "GET", url: "/api/cases/example_permit" });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });
});

describe("who may import", () => {
  const small = (n: number, year: number) => csvOf(history(n, year));

  it("a case handler (record.write without record.import) is refused", async () => {
    const res = await upload(handler, small(3, 2015));
    expect(res.statusCode).toBe(403);
  });

  it("a unit imports its own history only", async () => {
    const res = await upload(otherLeader, small(3, 2015), { query: `?unitId=${u.market}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe("单位只能导入本单位的历史办件");
    // A unit-code column naming another unit (the header in Chinese).
    const lines = csvOf(history(2, 2015), LABELS).toString().trimEnd().split("\n");
    const withUnit = [`办理单位编码,${lines[0]}`, ...lines.slice(1).map((l) => `scjgj,${l}`)];
    const res2 = await upload(otherLeader, Buffer.from(withUnit.join("\n")));
    expect(res2.statusCode, res2.body).toBe(422);
    expect(res2.json().error.fields[0].field).toBe("rows.2._unit");
  });

  it("the rule-of-law office imports for a unit of its region", async () => {
    const res = await upload(office, small(3, 2016), { query: `?unitId=${u.other}` });
    expect(res.statusCode, res.body).toBe(201);
    const mine = await t.call(otherLeader, { method: "GET", url: "/api/cases/example_permit" });
    expect(mine.json().total).toBe(3);
  });
});

describe("each row is checked against the declaration", () => {
  it("names every bad row and column at once, and writes nothing", async () => {
    const rows = history(12, 2017, (i, r) => {
      if (i === 0) r._state = "received"; // the steps (accept, decide) lead to decided
      if (i === 1) r["step.decide"] = "2016-12-01"; // before the opening
      if (i === 2) r["step.accept"] = "2021-03-01"; // in the future (today is 2020-10-20)
      if (i === 3) r["number.acceptance"] = "武隆许受〔2017〕5号"; // the same as row 6 (i = 4)
      if (i === 5) r["number.decision"] = "武隆市监许〔2016〕6号"; // not the year of the decision
      if (i === 6) r["step.reject"] = r["step.accept"]; // reject after accept, then decide: no
      if (i === 9) r.decisionSummary = "准予许可"; // a rejected case: the decide step is not taken
      if (i === 11) r["applicant.name"] = ""; // required
    });
    const before = await caseCount();
    const res = await upload(leader, csvOf(rows));
    expect(res.statusCode, res.body).toBe(422);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual([
      "rows.2._state",
      "rows.3.step.decide",
      "rows.4.step.accept",
      "rows.6.number.acceptance",
      "rows.7.number.decision",
      "rows.8.step.decide",
      "rows.11.decisionSummary",
      "rows.13.applicant.name",
    ]);
    const byField = Object.fromEntries(
      res.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(byField["rows.2._state"]).toBe(
      "第 2 行「当前状态」：所填步骤使办件处于“已决定”，而非“已收件”",
    );
    expect(byField["rows.6.number.acceptance"]).toBe("第 6 行「受理号」：与第 5 行的编号重复");
    expect(byField["rows.13.applicant.name"]).toBe("第 13 行「申请人·姓名或名称」：必填");
    expect(await caseCount()).toBe(before);
  });

  it("a number held by an existing case is refused", async () => {
    const first = await upload(leader, csvOf(history(3, 2013)));
    expect(first.statusCode, first.body).toBe(201);
    const rows = history(3, 2013).map((r, i) => ({
      ...r,
      "number.acceptance": r["number.acceptance"] && `武隆许受〔2013〕${i + 101}号`,
      "number.decision": r["number.decision"].replace(
        /〕(\d+)号/,
        (_, n) => `〕${Number(n) + 100}号`,
      ),
    }));
    rows[1]!["number.acceptance"] = "武隆许受〔2013〕3号"; // the first file's third case
    const res = await upload(leader, csvOf(rows));
    expect(res.statusCode, res.body).toBe(422);
    expect(
      res.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    ).toEqual([
      ["rows.3.number.acceptance", "第 3 行「受理号」：编号“武隆许受〔2013〕3号”已被已有办件使用"],
    ]);
  });

  it("an .xlsx file in the template's layout imports (Chinese headers, hidden key row)", async () => {
    const tpl = await t.call(leader, {
      method: "GET",
      url: "/api/cases/example_permit/import-template.xlsx",
    });
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const labels = (ws.getRow(1).values as string[]).slice(1);
    const keys = (ws.getRow(2).values as string[]).slice(1);
    expect(labels.slice(0, 4)).toEqual([
      "办理单位编码",
      "当前状态",
      "收案（立案）日期",
      "受理日期",
    ]);
    expect(labels).toContain("申请人·姓名或名称");
    expect(labels).toContain("决定内容");
    for (const r of history(4, 2014)) {
      ws.addRow(
        keys.map((k) => {
          const v = (r as Record<string, string>)[k] ?? "";
          return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;
        }),
      );
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.call(leader, {
      method: "POST",
      url: URL,
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: file,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 4, format: "xlsx" });
  });
});
