/**
 * The import of credit records collected at once (issue 15, seed 一(三)5: 9万余条):
 * N credit records (default 10,000 and 90,000) imported into the `credit_record`
 * register through the register engine's import (one transaction, all rows or none):
 *
 * - as .xlsx, against exceljs reading the same file (the parsing floor);
 * - as CSV (what the demo imports), against COPY of the same rows into a plain table
 *   (no checks, no keys, no search, no audit: the database's floor);
 * - at the largest size, an .xlsx with one bad row in the middle: refused, naming the
 *   row, with nothing written. The bench fails if a good file does not import every row.
 *
 *   SIZES=10000,90000 node --import tsx bench/credit-import.ts   (alone; fresh embedded
 *   PostgreSQL, or DATABASE_URL=<an empty database> for the machine's PostgreSQL)
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { loadConfig } from "../server/src/db/config.ts";
import { type Database, openDatabase } from "../server/src/db/connection.ts";
import { importCsv, importXlsx } from "../server/src/engines/register/xlsx/index.ts";
import { makeUscc } from "../server/src/kernel/codes/uscc.ts";
import { creditRegister } from "../server/src/modules/supervision/registers.ts";
import { loadActor } from "../server/src/platform/auth/sessions.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { inWork } from "../server/src/platform/work.ts";
import { writeResults } from "./results.ts";

function creditRows(n: number, prefix: string, badRow?: number): string[][] {
  const cols = creditRegister.columns.filter((c) => !["withdrawn", "repairedOn"].includes(c.field));
  const rows = [cols.map((c) => c.label.zh)];
  for (let i = 0; i < n; i++) {
    const uscc = makeUscc("91", "500156", 100_000 + (i % 30_000) * 7);
    const v: Record<string, string> = {
      uscc: i === badRow ? `${uscc.slice(0, 17)}I` : uscc,
      subjectName: `武隆区市场主体${i % 30_000}`,
      kind: i % 4 === 0 ? "行政处罚信息" : "行政许可信息",
      decisionNo: `${prefix}〔2020〕${i + 1}号`,
      decisionDate: `2020-${String(1 + (i % 12)).padStart(2, "0")}-15`,
      authority: "重庆市武隆区行政服务中心",
      content: "准予行政许可",
      severity: "一般失信",
      source: "归集导入",
    };
    rows.push(cols.map((c) => v[c.field] ?? ""));
  }
  return rows;
}

async function creditXlsx(n: number, prefix: string, badRow?: number): Promise<Buffer> {
  const filename = path.join(os.tmpdir(), `fazhi-credit-${process.pid}-${prefix}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false });
  const ws = wb.addWorksheet("信用记录");
  for (const r of creditRows(n, prefix, badRow)) ws.addRow(r).commit();
  await wb.commit();
  const file = await fs.readFile(filename);
  await fs.rm(filename, { force: true });
  return file;
}

/**
 * CPU seconds of the database's server processes (from /proc: the machine's PostgreSQL or
 * the embedded one, both local): on a shared machine, wall time measures the neighbours
 * as much as the import, CPU time measures the import.
 */
async function pgCpu(db: Database): Promise<number> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db.owner);
  let ticks = 0;
  for (const r of rows) {
    try {
      const f = (await fs.readFile(`/proc/${r.pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

/** Wall and CPU time (this process, the database's processes) of `fn`, in seconds. */
async function timed<T>(db: Database, fn: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const pg0 = await pgCpu(db);
  const t0 = performance.now();
  const value = await fn();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    value,
    wall,
    node: (cpu.user + cpu.system) / 1e6,
    pg: (await pgCpu(db)) - pg0,
  };
}

const creditCsv = (n: number, prefix: string) =>
  Buffer.from(
    `${creditRows(n, prefix)
      .map((r) => r.join(","))
      .join("\n")}\n`,
  );

const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-credit-"));
await fs.chmod(dir, 0o755);
const config = loadConfig({ ...process.env, FAZHI_DATA_DIR: dir });
const db = await openDatabase(config);
const results: Record<string, string> = {};
const sizes = (process.env.SIZES ?? "10000,90000").split(",").map(Number);
let postgres: string | undefined;
try {
  const unit = await db.owner
    .insertInto("unit")
    .values({
      region_code: "500156",
      code: "bench-credit",
      name_zh: "信用导入基准",
      name_en: "Credit import bench",
      kind: "department",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { id: userId } = await createUser(db.owner, {
    username: "bench-credit",
    displayName: "信用导入基准",
    unitId: unit.id,
    roles: ["case_handler"],
    password: "Speed-Test-2020",
  });
  const actor = (await loadActor(db.owner, userId))!;
  const now = new Date("2021-01-20T02:00:00Z");
  await sql`create table bench_credit_copy (uscc text, subject_name text, kind text,
    decision_no text, decision_date date, authority text, content text, severity text,
    source text)`.execute(db.owner);
  for (const [k, n] of sizes.entries()) {
    const prefix = `武隆${String.fromCharCode(0x7532 + k)}`;
    const file = await creditXlsx(n, prefix);
    const p0 = performance.now();
    await new ExcelJS.Workbook().xlsx.load(file as unknown as ExcelJS.Buffer);
    const parse = performance.now() - p0;
    const x = await timed(db, () =>
      inWork(db.app, actor, now, null, (w) => importXlsx(w, creditRegister, file)),
    );
    const r = x.value;
    const imp = x.wall * 1000;
    results[`credit import ${n} xlsx rows, CPU ms per row: node + PostgreSQL`] =
      `${((x.node * 1000) / n).toFixed(3)} + ${((x.pg * 1000) / n).toFixed(3)}`;
    if (r.created !== n) throw new Error(`imported ${r.created} of ${n}`);
    results[`credit import ${n} xlsx rows (${(file.length / 1e6).toFixed(1)} MB), s`] = (
      imp / 1000
    ).toFixed(2);
    results[`credit import ${n} xlsx rows / exceljs parse (floor)`] = (imp / parse).toFixed(2);
    results[`credit import ${n} xlsx rows, ms per row (goal ≤ 0.5)`] = (imp / n).toFixed(3);

    const csvPrefix = `武隆${String.fromCharCode(0x4e59 + k)}`;
    const csv = creditCsv(n, csvPrefix);
    const csvFile = path.join(dir, `credit-${n}.csv`);
    await fs.writeFile(csvFile, csv, { mode: 0o644 });
    const c0 = performance.now();
    await sql
      .raw(`copy bench_credit_copy from '${csvFile}' with (format csv, header true)`)
      .execute(db.owner);
    const copy = performance.now() - c0;
    const y = await timed(db, () =>
      inWork(db.app, actor, now, null, (w) => importCsv(w, creditRegister, csv)),
    );
    const rc = y.value;
    const csvImp = y.wall * 1000;
    results[`credit import ${n} CSV rows, CPU ms per row: node + PostgreSQL`] =
      `${((y.node * 1000) / n).toFixed(3)} + ${((y.pg * 1000) / n).toFixed(3)}`;
    if (rc.created !== n) throw new Error(`imported ${rc.created} of ${n} (CSV)`);
    results[`credit import ${n} CSV rows, s`] = (csvImp / 1000).toFixed(2);
    results[`credit import ${n} CSV rows, ms per row (goal ≤ 0.5)`] = (csvImp / n).toFixed(3);
    results[`credit import ${n} CSV rows: COPY / import`] = (copy / csvImp).toFixed(3);
  }
  const n = sizes.at(-1)!;
  const bad = await creditXlsx(n, "武隆坏", Math.floor(n / 2));
  const count = async () =>
    Number(
      (
        await db.owner
          .selectFrom("register_entry")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const b0 = performance.now();
  try {
    await inWork(db.app, actor, now, null, (w) => importXlsx(w, creditRegister, bad));
    throw new Error("the bad file imported");
  } catch (e) {
    const fields = (e as { fields?: { row: number }[] }).fields;
    results[`credit import ${n} rows, one bad: refused naming row`] = String(fields?.[0]?.row);
  }
  results[`credit import ${n} rows, one bad: refused in, s`] = (
    (performance.now() - b0) /
    1000
  ).toFixed(2);
  results[`credit import ${n} rows, one bad: entries written`] = String((await count()) - before);
  postgres = (await sql<{ v: string }>`select version() as v`.execute(db.owner)).rows[0]?.v;
} finally {
  await db.close();
  await db.embedded?.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(64)} ${v}\n`);
if (process.env.WRITE_RESULTS) await writeResults(results, postgres, true);
