/**
 * Benchmarks, as ratios against this machine's own baseline measured in the same run
 * (the machines are shared and noisy: absolute times mean little, ratios travel).
 *
 *   npm run bench
 *
 * 1. Legal time: addPeriod over random dates and periods, against the same number of
 *    plain civil-date additions (addDays) — what the calendar's rules cost.
 * 2. The case engine over HTTP (in process, on a fresh embedded PostgreSQL): opening a
 *    case and taking a step, against GET /api/health (one round trip to the database) —
 *    what a step's checks, numbering, clocks and audit cost in round trips.
 * 3. Memory: heap growth while listing 1,000 cases 20 times.
 * 4. Importing history: 10,000 and 100,000 cases against COPY of the same CSV, and the
 *    complete demo's load time (bench/case-import.ts).
 * 5. The engines' query paths against hand SQL, and round trips per request
 *    (bench/engines.ts; with DATABASE_URL).
 * 6. The register import: xlsx against exceljs's parse, CSV against COPY, at 1k/4k/10k
 *    rows (bench/register-import.ts).
 *
 *   npm run bench -- --scale district|city|province
 *
 * instead measures the issue's table at that scale on generated data (bench/scale.ts:
 * generates the data or reuses it, then each figure as a ratio with its goal).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { buildApp } from "../server/src/http/app.ts";
import {
  addDays,
  addPeriod,
  bundledNotices,
  LegalCalendar,
  type LocalDate,
} from "../server/src/kernel/time/index.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";
import { benchCaseImport } from "./case-import.ts";
import { benchEngines } from "./engines.ts";
import { benchRegisterImport } from "./register-import.ts";
import { writeResults } from "./results.ts";
import { benchScale } from "./scale.ts";
import { benchStartup } from "./startup.ts";

function time(fn: () => void, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return performance.now() - t0;
}
async function timeAsync(fn: () => Promise<unknown>, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return performance.now() - t0;
}

const results: Record<string, string> = {};
let postgres: string | undefined;

// npm run bench -- --scale district|city|province: the table at that scale, then stop.
const scaleAt = process.argv.indexOf("--scale");
if (scaleAt >= 0) {
  const scale = process.argv[scaleAt + 1] ?? "";
  if (!["district", "city", "province"].includes(scale)) {
    process.stderr.write(`--scale is district, city or province, not "${scale}"\n`);
    process.exit(2);
  }
  const t0 = performance.now();
  await benchScale(results, {
    scale,
    serverUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  });
  results[`scale ${scale}: whole run, s`] = ((performance.now() - t0) / 1000).toFixed(0);
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(90)} ${v}\n`);
  await writeResults(results, undefined, true);
  process.exit(0);
}

// 1. Legal time
{
  const cal = new LegalCalendar(bundledNotices());
  const starts: LocalDate[] = Array.from({ length: 1000 }, (_, i) =>
    addDays("2019-01-01" as LocalDate, (i * 7) % 2500),
  );
  const n = 50_000;
  const base = time(() => addDays(starts[n % 1000]!, 15), n);
  const wd = time(
    () => addPeriod(cal, starts[Math.floor(Math.random() * 1000)]!, { n: 15, unit: "working_day" }),
    n,
  );
  const m = time(
    () => addPeriod(cal, starts[Math.floor(Math.random() * 1000)]!, { n: 3, unit: "month" }),
    n,
  );
  results["addPeriod 15wd / addDays"] = (wd / base).toFixed(1);
  results["addPeriod 3m / addDays"] = (m / base).toFixed(1);
  results["addPeriod 15wd, µs per call"] = ((wd / n) * 1000).toFixed(2);
}

// 2 and 3. The case engine over HTTP
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-"));
await fs.chmod(dir, 0o755);
const config = loadConfig({ FAZHI_DATA_DIR: dir });
const db = await openDatabase(config);
try {
  const unit = await db.owner
    .insertInto("unit")
    .values({
      region_code: "500156",
      code: "bench",
      name_zh: "基准",
      name_en: "Bench",
      kind: "department",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await createUser(db.owner, {
    username: "bench",
    displayName: "基准",
    unitId: unit.id,
    roles: ["case_handler"],
    password: "Speed-Test-2020",
  });
  const app = await buildApp({
    db,
    config,
    clock: () => new Date("2020-10-20T02:00:00Z"),
    registry: createRegistry([examplesModule]),
  });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "bench", password: "Speed-Test-2020" },
  });
  const headers = {
    cookie: `fazhi_sid=${login.cookies[0]!.value}`,
    "x-csrf-token": login.json().csrfToken,
  };
  const n = 300;
  const health = await timeAsync(() => app.inject({ method: "GET", url: "/api/health" }), n);
  const create = await timeAsync(
    () =>
      app.inject({
        method: "POST",
        url: "/api/cases/example_permit",
        headers,
        payload: {
          fields: {
            applicant: { name: "甲", idNumber: "11010519491231002X" },
            item: "事项",
            category: "general",
          },
          onDate: "2020-10-12",
        },
      }),
    n,
  );
  const ids = (
    await app.inject({ method: "GET", url: "/api/cases/example_permit?pageSize=200", headers })
  )
    .json()
    .items.map((x: { id: number }) => x.id);
  let k = 0;
  const step = await timeAsync(
    () =>
      app.inject({
        method: "POST",
        url: `/api/cases/example_permit/${ids[k++ % ids.length]}/actions/accept`,
        headers,
        payload: { version: 1, onDate: "2020-10-12" },
      }),
    Math.min(n, ids.length),
  );
  results["open a case / GET health"] = (create / health).toFixed(1);
  results["take a step (numbered, clocked, audited) / GET health"] = (
    step /
    Math.min(n, ids.length) /
    (health / n)
  ).toFixed(1);
  results["open a case, ms"] = (create / n).toFixed(2);

  for (let i = 0; i < 700; i++) {
    await app.inject({
      method: "POST",
      url: "/api/cases/example_permit",
      headers,
      payload: {
        fields: { applicant: { name: "乙" }, item: "事项", category: "market" },
        onDate: "2020-10-12",
      },
    });
  }
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20; i++)
    await app.inject({ method: "GET", url: "/api/cases/example_permit?pageSize=200", headers });
  globalThis.gc?.();
  results["heap growth listing 20 × 200 cases, MB"] = (
    (process.memoryUsage().heapUsed - heap0) /
    1e6
  ).toFixed(1);
  await app.close();
  await benchCaseImport(db, config, results);
  await benchRegisterImport(db, config, results);
  postgres = String(
    (await sql<{ v: string }>`select version() as v`.execute(db.owner)).rows[0]?.v ?? "",
  );
} finally {
  await db.close();
  await db.embedded?.stop();
  await fs.rm(dir, { recursive: true, force: true });
}

// 5. The engines' query paths (bench/engines.ts): warnings, indicators, a unit user's
//    case list under row-level security, a case page, round trips per request — on a
//    PostgreSQL server given as DATABASE_URL (a database is created there and dropped).
if (process.env.DATABASE_URL) {
  await benchEngines(results, { serverUrl: process.env.DATABASE_URL, copies: 0 });
}

for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(58)} ${v}\n`);
await benchStartup(results);
await writeResults(results, postgres);
for (const [k, v] of Object.entries(results).slice(-5))
  process.stdout.write(`${k.padEnd(58)} ${v}\n`);
