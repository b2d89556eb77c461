/**
 * The register import (engines/register/xlsx) against its floors (issue 9):
 *
 * - .xlsx of 1,000 / 4,000 / 10,000 rows against exceljs reading the same file (the
 *   parsing floor; goal: the import costs ≤ 1/0.8 of it, and linear in rows);
 * - CSV of the same rows against COPY of the same file into a plain table (goal ≥ 0.5,
 *   i.e. the import ≤ 2× COPY).
 *
 * Each size imports new entries into a register that already holds the earlier sizes'
 * rows, so a cost that grows with the register shows as non-linearity.
 *
 *   node --import tsx bench/register-import.ts      (alone, on a fresh embedded PostgreSQL)
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { type FazhiConfig, loadConfig } from "../server/src/db/config.ts";
import { type Database, openDatabase } from "../server/src/db/connection.ts";
import { importCsv, importXlsx } from "../server/src/engines/register/xlsx/index.ts";
import { loadActor } from "../server/src/platform/auth/sessions.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { loadOrCreateFieldKey } from "../server/src/platform/crypto/keys.ts";
import { inWork } from "../server/src/platform/work.ts";
import { officerRegister } from "../server/test/fixtures/examples/officer.ts";
import { writeResults } from "./results.ts";

const HEADER = ["姓名", "执法证号", "身份证号", "有效期起", "有效期止"];

function idNumber(n: number): string {
  const body = `5001561990${String(1 + (Math.floor(n / 1000) % 12)).padStart(2, "0")}01${String(n % 1000).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return body + "10X98765432"[sum % 11]!;
}

function rowsOf(prefix: string, n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `人员${prefix}${i}`,
    `${prefix}${String(i).padStart(6, "0")}`,
    idNumber(i),
    "2020-01-01",
    "2025-12-31",
  ]);
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("人员");
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvOf = (rows: string[][]) => `${[HEADER, ...rows].map((r) => r.join(",")).join("\n")}\n`;

export async function benchRegisterImport(
  db: Database,
  config: FazhiConfig,
  results: Record<string, string>,
  sizes: readonly number[] = (process.env.SIZES ?? "1000,4000,10000").split(",").map(Number),
): Promise<void> {
  const unit = await db.owner
    .insertInto("unit")
    .values({
      region_code: "500156",
      code: "bench-register",
      name_zh: "台账导入基准",
      name_en: "Register import bench",
      kind: "department",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { id: userId } = await createUser(db.owner, {
    username: "bench-register",
    displayName: "台账导入基准",
    unitId: unit.id,
    roles: ["case_handler"],
    password: "Speed-Test-2020",
  });
  const actor = (await loadActor(db.owner, userId))!;
  const env = { fieldKey: await loadOrCreateFieldKey(config.keyDir) };
  const now = new Date("2020-10-20T02:00:00Z");
  await sql`create table if not exists bench_register_copy (name text, cert text, id_number text,
    valid_from date, valid_to date)`.execute(db.owner);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-register-"));
  await fs.chmod(dir, 0o755);
  const perRow: number[] = [];
  try {
    for (const [k, n] of sizes.entries()) {
      const x = String.fromCharCode(65 + k * 2); // distinct certificate numbers per run
      const file = await xlsxOf(rowsOf(x, n));
      // The floor: the median of three parses (the first one also pays for warming up).
      const parses: number[] = [];
      for (let r = 0; r < 3; r++) {
        const p0 = performance.now();
        await new ExcelJS.Workbook().xlsx.load(file as unknown as ExcelJS.Buffer);
        parses.push(performance.now() - p0);
      }
      const parse = parses.sort((a, b) => a - b)[1]!;
      const i0 = performance.now();
      await inWork(db.app, actor, now, null, (w) => importXlsx(w, officerRegister, file, {}, env));
      const imp = performance.now() - i0;
      perRow.push(imp / n);
      results[`register import ${n} xlsx rows / exceljs parse (floor)`] = (imp / parse).toFixed(2);
      results[`  register import ${n} xlsx rows: floor / import (goal ≥ 0.8)`] = (
        parse / imp
      ).toFixed(2);
      results[`register import ${n} xlsx rows, s`] = (imp / 1000).toFixed(2);

      const csv = csvOf(rowsOf(String.fromCharCode(66 + k * 2), n));
      const csvFile = path.join(dir, `register-${n}.csv`);
      await fs.writeFile(csvFile, csv, { mode: 0o644 });
      const c0 = performance.now();
      await sql
        .raw(`copy bench_register_copy from '${csvFile}' with (format csv, header true)`)
        .execute(db.owner);
      const copy = performance.now() - c0;
      const j0 = performance.now();
      await inWork(db.app, actor, now, null, (w) =>
        importCsv(w, officerRegister, Buffer.from(csv), {}, env),
      );
      const csvImp = performance.now() - j0;
      results[`register import ${n} CSV rows: COPY / import (goal ≥ 0.5)`] = (
        copy / csvImp
      ).toFixed(3);
    }
    if (perRow.length > 1) {
      results[`register import per-row cost ${sizes.at(-1)} / ${sizes[0]} (1.0 = linear)`] = (
        perRow.at(-1)! / perRow[0]!
      ).toFixed(2);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("register-import.ts")) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-"));
  await fs.chmod(dir, 0o755);
  const config = loadConfig({ ...process.env, FAZHI_DATA_DIR: dir });
  const db = await openDatabase(config);
  const results: Record<string, string> = {};
  let postgres: string | undefined;
  try {
    await benchRegisterImport(db, config, results);
    postgres = (await sql<{ v: string }>`select version() as v`.execute(db.owner)).rows[0]?.v;
  } finally {
    await db.close();
    await db.embedded?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(64)} ${v}\n`);
  await writeResults(results, postgres, true);
}
