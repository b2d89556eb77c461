/**
 * Importing history (engines/case/import) against COPY of the same CSV into a plain
 * table — the floor for getting those rows into PostgreSQL at all — at 10,000 and
 * 100,000 rows (linear if the per-row ratio holds), and the complete demo's load time
 * with its contributions (the demo loads its volume through the import).
 *
 * Alone, on a PostgreSQL server (a database is created there and dropped; default the
 * machine's postgres@127.0.0.1:5432), at 10k/50k/100k rows, without the demo:
 *
 *   node --import tsx bench/case-import.ts [--sizes 10000,50000,100000] [--demo]
 *
 * `--demo` then loads the complete demo (all modules) into the same database and prints
 * each contribution's time.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { type FazhiConfig, loadConfig } from "../server/src/db/config.ts";
import { type Database, openDatabase } from "../server/src/db/connection.ts";
import { caseDeps } from "../server/src/engines/case/deps.ts";
import { importCases } from "../server/src/engines/case/import/index.ts";
import { loadDemo } from "../server/src/engines/demo/loader.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { MODULES } from "../server/src/modules/index.ts";
import { loadActor } from "../server/src/platform/auth/sessions.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { inWork } from "../server/src/platform/work.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";
import { writeResults } from "./results.ts";

const HEADER =
  "_state,_opened,step.accept,step.decide,number.acceptance,number.decision,applicant.name,item,category,decisionSummary";

function historyCsv(n: number, year: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(year, 0, 2 + (i % 300)));
    const day = (k: number) => new Date(d.getTime() + k * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      `decided,${day(0)},${day(2)},${day(12)},武隆许受〔${year}〕${i + 1}号,武隆府许〔${year}〕${i + 1}号,申请人${i},食品经营许可${i},general,准予许可`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export async function benchCaseImport(
  db: Database,
  config: FazhiConfig,
  results: Record<string, string>,
  sizes: readonly number[] = [10_000, 100_000],
  opts: { demo?: boolean } = {},
): Promise<void> {
  const unit = await db.owner
    .insertInto("unit")
    .values({
      region_code: "500156",
      code: "bench-import",
      name_zh: "导入基准",
      name_en: "Import bench",
      kind: "department",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { id: userId } = await createUser(db.owner, {
    username: "bench-import",
    displayName: "导入基准",
    unitId: unit.id,
    roles: ["unit_leader"],
    password: "Speed-Test-2020",
  });
  const actor = (await loadActor(db.owner, userId))!;
  const registry = createRegistry([examplesModule]);
  const deps = await caseDeps({ registry, config, clock: () => new Date() });
  await sql`create table bench_import_copy (state text, opened date, accepted date, decided date,
    acceptance text, decision text, name text, item text, category text, summary text)`.execute(
    db.owner,
  );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-import-"));
  await fs.chmod(dir, 0o755);
  try {
    let year = 2000;
    const perRow: number[] = [];
    for (const n of sizes) {
      year++;
      const csv = historyCsv(n, year);
      const file = path.join(dir, `history-${n}.csv`);
      await fs.writeFile(file, csv, { mode: 0o644 });
      // The floor: COPY of the same file into a plain table (no checks, no index).
      const c0 = performance.now();
      await sql
        .raw(`copy bench_import_copy from '${file}' with (format csv, header true)`)
        .execute(db.owner);
      const copy = performance.now() - c0;
      const i0 = performance.now();
      const bytes = Buffer.from(csv, "utf8");
      await inWork(db.app, actor, new Date("2020-10-20T02:00:00Z"), null, (w) =>
        importCases(deps, w, "example_permit", bytes, { fileName: `history-${n}.csv` }),
      );
      const imp = performance.now() - i0;
      perRow.push(imp / n);
      results[`import ${n} historical cases / COPY of the same CSV`] = (imp / copy).toFixed(1);
      results[`import ${n} historical cases, s (rows/s)`] =
        `${(imp / 1000).toFixed(1)} (${Math.round(n / (imp / 1000))})`;
    }
    for (let k = 1; k < perRow.length; k++) {
      results[`import per-row cost ${sizes[k]} / ${sizes[0]} (1.0 = linear)`] = (
        perRow[k]! / perRow[0]!
      ).toFixed(2);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }

  if (opts.demo === false) return;
  // The complete demo (all modules), with a line per contribution.
  const d0 = performance.now();
  const demo = await loadDemo(db, createRegistry(MODULES), { keyDir: config.keyDir });
  results["fazhi demo (all modules), s"] = ((performance.now() - d0) / 1000).toFixed(1);
  for (const c of demo.contributions) {
    results[`  demo ${c.id}, s`] = (c.ms / 1000).toFixed(1);
  }
}

// Run directly: the import alone at 10k/50k/100k rows on DATABASE_URL's server.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10000,50000,100000" },
      demo: { type: "boolean", default: false },
    },
  });
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `fazhi_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = loadConfig({
    FAZHI_DATA_DIR: path.join(os.tmpdir(), name),
    DATABASE_URL: url.toString(),
  });
  const db = await openDatabase(config);
  const results: Record<string, string> = {};
  try {
    const sizes = String(values.sizes).split(",").map(Number);
    await benchCaseImport(db, config, results, sizes, { demo: values.demo === true });
    const version = (await sql<{ v: string }>`select version() as v`.execute(db.owner)).rows[0]?.v;
    for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(58)} ${v}\n`);
    await writeResults(results, version, true);
  } finally {
    await db.close();
    await admin.query(`drop database ${name}`);
    await admin.end();
  }
}
