import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX_MIME } from "../../../src/engines/register/xlsx/index.ts";
import { MAX_IMPORT_ROWS } from "../../../src/engines/register/xlsx/layout.ts";
import { examplesModule } from "../../fixtures/examples/index.ts";
import type { Session, TestApp } from "../../support/app.ts";
import { registerTestApp } from "../../support/register-app.ts";
import { xlsxBomb, zipOf } from "../../support/zip-bomb.ts";

/**
 * Issue 8: a 300 KB xlsx expanding to 300 MB took 9.3 s and +600 MB of memory. The
 * import now expands the archive with a ceiling and counts rows and cells before
 * parsing, and refuses early with 422 naming the file.
 */
let t: TestApp;
let handler: Session;
const url = "/api/registers/example_officer/import";

beforeAll(async () => {
  t = await registerTestApp([examplesModule]);
  const unit = await t.unit("500156", "scjgj");
  await t.user("handler", unit, ["case_handler"]);
  handler = await t.login("handler");
});
afterAll(async () => t.close());

const post = (file: Buffer) =>
  t.call(handler, { method: "POST", url, headers: { "content-type": XLSX_MIME }, payload: file });

describe("xlsx import limits", () => {
  it("refuses a bomb that lies about its size, without expanding it all", async () => {
    const bomb = xlsxBomb(128);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const res = await post(bomb);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.fields[0].field).toBe("file");
    expect(res.json().error.message).toMatch(/MB/);
    // The ceiling is 64 MB of expanded output: far below what the bomb asks for.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    const n = await t.db.owner
      .selectFrom("register_entry")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it("refuses a sheet with more rows than an import may hold", async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 10 }, (_, i) => `<row r="${i + 1}"/>`);
    const file = zipOf([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.from(`<sheetData>${rows.join("")}</sheetData>`),
      },
    ]);
    const res = await post(file);
    expect(res.statusCode, res.body).toBe(422);
    expect(JSON.stringify(res.json())).toMatch(/行|rows/);
  });
});
