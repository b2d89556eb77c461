import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XLSX_MIME } from "../../../src/engines/register/index.ts";
import { makeUscc } from "../../../src/kernel/codes/uscc.ts";
import { creditCheck, supervisionModule } from "../../../src/modules/supervision/index.ts";
import { creditRegister } from "../../../src/modules/supervision/registers.ts";
import { handler, ok, open, refused, step, t, useEnforcementApp } from "../enforcement/support.ts";

/**
 * Credit over HTTP (issue 15): the import of credit records from xlsx is all or nothing
 * and names the bad row; black-listing only after notice and the time to state one's
 * case (国办发〔2020〕49号); repair only after the minimum publication period, taking the
 * record off public view and keeping it; the credit check.
 */
useEnforcementApp([supervisionModule]);

const subject = (k: number) => makeUscc("91", "500156", 70_000 + k * 7);

async function creditWorkbook(rows: number, badRow?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(creditRegister.label.zh);
  const cols = creditRegister.columns.filter((c) => !["withdrawn", "repairedOn"].includes(c.field));
  ws.addRow(cols.map((c) => c.label.zh));
  for (let i = 0; i < rows; i++) {
    const v: Record<string, string> = {
      uscc: i === badRow ? `${subject(i).slice(0, 8)}I${subject(i).slice(9)}` : subject(i),
      subjectName: `测试主体${i}`,
      kind: "行政许可信息",
      decisionNo: `武隆许〔2021〕${i + 1}号`,
      decisionDate: "2021-02-01",
      authority: "重庆市武隆区行政服务中心",
      content: "准予行政许可",
      severity: "一般失信",
      source: "归集导入",
    };
    ws.addRow(cols.map((c) => v[c.field] ?? ""));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function records() {
  const r = await t.db.owner
    .selectFrom("register_entry")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("register", "=", "credit_record")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const importFile = (file: Buffer) =>
  t.call(handler, {
    method: "POST",
    url: "/api/registers/credit_record/import",
    headers: { "content-type": XLSX_MIME, "accept-language": "en" },
    payload: file,
  });

describe("credit records import", () => {
  it("a file with one bad row imports nothing and names that row; the good file imports", async () => {
    const before = await records();
    const bad = await importFile(await creditWorkbook(400, 250));
    expect(bad.statusCode, bad.body).toBe(422);
    const err = bad.json().error;
    // Row 1 holds the labels: the 251st record is on row 252.
    expect(err.fields).toEqual([
      expect.objectContaining({
        row: 252,
        field: "uscc",
        message: expect.stringMatching(/character 9/),
      }),
    ]);
    expect(await records()).toBe(before);
    const good = await importFile(await creditWorkbook(400));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ rows: 400, created: 400 });
    expect(await records()).toBe(before + 400);
  });
});

const listing = (list: "black" | "red", k: number) => ({
  uscc: subject(k),
  subjectName: `名单主体${k}`,
  list,
  basisKind: "law",
  basis: "《中华人民共和国食品安全法》第一百三十五条",
  facts: "因食品安全违法行为被吊销许可证",
  periodMonths: 36,
});

describe("credit lists", () => {
  it("black-lists only after notice and the time to state its case", async () => {
    const c = await open(handler, "credit_listing", listing("black", 1), "2021-03-01");
    await refused(
      handler,
      "credit_listing",
      c.id,
      "list",
      { statementReceived: false },
      "2021-03-01",
      409,
      /notified and heard before black-listing/,
    );
    await ok(
      await step(
        handler,
        "credit_listing",
        c.id,
        "notify",
        { notice: "拟列入严重失信主体名单" },
        "2021-03-02",
      ),
    );
    // 5 working days from Tuesday 2021-03-02: until Tuesday 2021-03-09.
    await refused(
      handler,
      "credit_listing",
      c.id,
      "list",
      { statementReceived: false },
      "2021-03-09",
      409,
      /may state its case until 2021-03-09/,
    );
    await refused(
      handler,
      "credit_listing",
      c.id,
      "list",
      { statementReceived: true },
      "2021-03-10",
      422,
      /how the statement was handled/,
      "input.statementHandling",
    );
    const listed = await ok(
      await step(
        handler,
        "credit_listing",
        c.id,
        "list",
        { statementReceived: false },
        "2021-03-10",
      ),
    );
    expect(listed.fields).toMatchObject({ validFrom: "2021-03-10", validTo: "2024-03-10" });

    const red = await open(handler, "credit_listing", listing("red", 2), "2021-03-01");
    await ok(
      await step(
        handler,
        "credit_listing",
        red.id,
        "list",
        { statementReceived: false },
        "2021-03-01",
      ),
    );

    const check = await creditCheck(
      { trx: t.db.owner } as never,
      "500156",
      subject(1),
      "2021-04-01",
    );
    expect(check.lists).toEqual([
      expect.objectContaining({ list: "black", validTo: "2024-03-10" }),
    ]);
    const before = await creditCheck(
      { trx: t.db.owner } as never,
      "500156",
      subject(1),
      "2021-03-09",
    );
    expect(before.lists).toEqual([]);
  });
});

describe("credit repair", () => {
  it("only after the minimum publication period; the record leaves public view and stays", async () => {
    const uscc = subject(9);
    const res = await t.call(handler, {
      method: "POST",
      url: "/api/registers/credit_record/entries",
      payload: {
        data: {
          uscc,
          subjectName: "修复测试公司",
          kind: "penalty",
          decisionNo: "武隆市监罚〔2021〕5号",
          decisionDate: "2021-01-10",
          authority: "重庆市武隆区市场监督管理局",
          content: "罚款",
          severity: "general",
          source: "entered",
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const entryId = res.json().id;
    const c = await open(
      handler,
      "credit_repair",
      {
        uscc,
        creditKind: "penalty",
        decisionNo: "武隆市监罚〔2021〕5号",
        measures: "已缴清罚款并整改",
      },
      "2021-03-01",
    );
    await refused(
      handler,
      "credit_repair",
      c.id,
      "approve",
      {},
      "2021-04-09",
      409,
      /minimum publication period \(3 months, 发改办财金〔2019〕527号\) runs until 2021-04-10/,
    );
    await ok(await step(handler, "credit_repair", c.id, "approve", {}, "2021-04-12"));
    const entry = await t.call(handler, {
      method: "GET",
      url: `/api/registers/credit_record/entries/${entryId}`,
    });
    expect(entry.json().data.repairedOn).toBe("2021-04-12");
    const pub = await t.app.inject({
      method: "GET",
      url: `/public/api/500156/registers/credit_record?pageSize=100&q=${encodeURIComponent("修复测试公司")}`,
    });
    expect(pub.body).not.toContain("修复测试公司");
  });
});
