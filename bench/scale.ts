/**
 * The issue's table at a scale (issue 9), on generated data, as ratios against a baseline
 * measured in the same run (medians of interleaved runs), each printed with its goal:
 *
 *   npm run bench -- --scale district|city|province [--rounds 9]
 *   node --import tsx bench/scale.ts --scale district            (the same, alone)
 *
 * The data: the database `fazhi_scale_<scale>` on DATABASE_URL's server (default the
 * machine's postgres@127.0.0.1:5432), filled by the generator (`bench/data.ts`, run as a
 * child process with `--modules enforcement,registers`, what the table always measured;
 * resumable, so a database already filled is reused in seconds), keys in
 * `$TMPDIR/fazhi-scale-<scale>`; plus 100,000 public search documents in Wulong (500156,
 * `bench/search-docs.ts`). Measured for the first district (500101, `--region`):
 *
 * - a unit user's case list page and count / a bare Fastify route reading the same in SQL
 *   (rate, goal ≥ 0.5);
 * - opening a case, and its numbered step (`accept`: numbered, clocked, audited), over
 *   HTTP / one INSERT in a transaction (rate, goal ≥ 0.4; the worked example's permit
 *   type, by a handler of a bench unit in the district);
 * - the enforcement indicators in-process (every declared one, as the engine evaluates
 *   them) / one SELECT of the year's clocks with their cases (goal ≤ 1.3×);
 * - `GET /api/indicators/values` / a bare Fastify route running that SELECT (goal ≤ 1.5×);
 * - `GET /api/warnings` / one SELECT of the open clocks (goal ≤ 2×);
 * - the complete annual report (every figure of the template, the report engine's
 *   `composeReport`) / the same statements sent by hand as one script (goal ≤ 1.3×);
 * - Chinese search over all laws and 100,000 documents / a sequential scan with the same
 *   match (p95, goal ≤ 0.05).
 *
 * Results are merged into bench/results.json under `scale <scale>: …`.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Fastify from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { withScope } from "../server/src/db/scope.ts";
import { evaluate } from "../server/src/engines/indicator/engine.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { composeReport } from "../server/src/engines/report/compose.ts";
import { ensureLawLibrary } from "../server/src/engines/search/index.ts";
import { buildApp } from "../server/src/http/app.ts";
import { SIMPLIFIED_TYPE } from "../server/src/modules/enforcement/cases/simplified.ts";
import { MODULES } from "../server/src/modules/index.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";
import { ratio } from "./engines.ts";
import { writeResults } from "./results.ts";
import { ensureSearchDocs } from "./search-docs.ts";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DOCS_REGION = "500156";
const DOCS = 100_000;
const YEAR = 2016; // the generator's year of cases

/** Run the generator for the scale (resumable: a filled database is reused). */
function generate(scale: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "bench/data.ts",
        "--scale",
        scale,
        // What this table has always measured (comparable with earlier runs): the other
        // modules' data is `npm run bench:data` alone.
        "--modules",
        "enforcement,registers",
        "--out",
        path.join(os.tmpdir(), `fazhi-scale-${scale}.json`),
      ],
      { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] },
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`generator: exit ${code}`)),
    );
  });
}

export async function benchScale(
  results: Record<string, string>,
  opts: {
    scale: string;
    serverUrl: string;
    region?: string;
    rounds?: number;
    seed?: string;
    noSearch?: boolean;
  },
): Promise<void> {
  const { scale } = opts;
  const region = opts.region ?? "500101";
  const rounds = opts.rounds ?? 9;
  const seed = opts.seed ?? "1";
  const key = (k: string) => `scale ${scale}: ${k}`;
  const dbName = `fazhi_scale_${scale}`;
  const admin = new pg.Client({ connectionString: opts.serverUrl });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [dbName]);
  if (exists.rowCount === 0) await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(opts.serverUrl);
  url.pathname = `/${dbName}`;
  const dataDir = path.join(os.tmpdir(), `fazhi-scale-${scale}`);
  const env = { ...process.env, DATABASE_URL: url.toString(), FAZHI_DATA_DIR: dataDir };
  const g0 = performance.now();
  await generate(scale, env);
  results[key("generate or reuse the data, s")] = ((performance.now() - g0) / 1000).toFixed(1);

  const config = loadConfig({ FAZHI_DATA_DIR: dataDir, DATABASE_URL: url.toString() });
  const db = await openDatabase(config);
  try {
    await ensureLawLibrary(db.owner, new Date());
    const d0 = performance.now();
    await ensureSearchDocs(db, DOCS_REGION, DOCS);
    results[key(`100,000 search documents: add or reuse, s`)] = (
      (performance.now() - d0) /
      1000
    ).toFixed(1);
    const size = await sql<{ cases: number; regions: number; here: number }>`select
      count(*)::int as cases, count(distinct region_code)::int as regions,
      count(*) filter (where region_code = ${region})::int as here from case_file
      where case_type not in ('bench_document', 'example_permit')`.execute(db.owner);
    const s = size.rows[0]!;
    results[key("cases in database / regions / in the district")] =
      `${s.cases} / ${s.regions} / ${s.here}`;

    const registry = createRegistry([...MODULES, examplesModule]);
    const app = await buildApp({
      db,
      config,
      clock: () => new Date("2021-01-31T02:00:00Z"),
      registry,
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: `gen-${region}-leader`, password: `Gen-${seed}-Data-2020` },
    });
    if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
    const headers = {
      cookie: `fazhi_sid=${login.cookies[0]!.value}`,
      "x-csrf-token": login.json().csrfToken as string,
    };
    const unitId = (
      await db.owner
        .selectFrom("app_user")
        .select("unit_id")
        .where("username", "=", `gen-${region}-leader`)
        .executeTakeFirstOrThrow()
    ).unit_id;
    const get = async (u: string) => {
      const r = await app.inject({ method: "GET", url: u, headers });
      if (r.statusCode !== 200) throw new Error(`${u}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      return r;
    };
    const scoped = <T>(
      unit: number | undefined,
      fn: (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => Promise<T>,
    ) => withScope(db.app, { regions: [region], unitId: unit, userId: undefined }, fn);
    const clocksOfYear = sql`select c.*, k.* from case_clock k join case_file c
        on c.region_code = k.region_code and c.id = k.case_id
       where c.region_code = ${region}
         and k.started_on <= ${`${YEAR}-12-31`} and (k.stopped_on is null or k.stopped_on >= ${`${YEAR}-01-01`})`;

    // A bare Fastify for the baselines over HTTP (same process, same pools).
    const bare = Fastify();
    bare.get("/list", async () =>
      scoped(unitId, async (trx) => {
        const page = await sql`select * from case_file where case_type = ${SIMPLIFIED_TYPE}
          and unit_id = ${unitId} order by id desc limit 20`.execute(trx);
        const n = await sql`select count(*) from case_file where case_type = ${SIMPLIFIED_TYPE}
          and unit_id = ${unitId}`.execute(trx);
        return { items: page.rows, total: n.rows[0] };
      }),
    );
    bare.get("/clocks", async () => ({
      rows: (await scoped(undefined, (trx) => clocksOfYear.execute(trx))).rows.length,
    }));
    await bare.ready();

    {
      const r = await ratio(
        () => get(`/api/cases/${SIMPLIFIED_TYPE}?page=1&pageSize=20`),
        () => bare.inject({ method: "GET", url: "/list" }),
        rounds,
      );
      results[key("case list (unit user): bare Fastify's rate / the app's (goal ≥ 0.5)")] =
        `${(1 / r.ratio).toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms)`;
    }
    {
      const ids = registry
        .indicators()
        .filter((d) => d.module.startsWith("enforcement"))
        .map((d) => d.id);
      const req = { region, year: YEAR, indicatorIds: ids };
      const r = await ratio(
        () => evaluate(registry, db.owner, req),
        () => clocksOfYear.execute(db.owner),
        rounds,
      );
      results[
        key("enforcement indicators in-process / one SELECT of the year's clocks (goal ≤ 1.3)")
      ] =
        `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms; ${ids.length} indicators)`;
    }
    {
      // The enforcement figures (the baseline reads their clocks); every module's figures
      // (181) as a second line.
      const ids = registry
        .indicators()
        .filter((d) => d.module.startsWith("enforcement"))
        .map((d) => d.id);
      const u = `/api/indicators/values?region=${region}&year=${YEAR}&ids=${ids.join(",")}`;
      const r = await ratio(
        () => get(u),
        () => bare.inject({ method: "GET", url: "/clocks" }),
        rounds,
      );
      const n = (await get(u)).json().values.length;
      results[key("GET /api/indicators/values / bare HTTP of the year's clocks (goal ≤ 1.5)")] =
        `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms; ${n} indicators)`;
      const all = `/api/indicators/values?region=${region}&year=${YEAR}`;
      const a = await ratio(
        () => get(all),
        () => bare.inject({ method: "GET", url: "/clocks" }),
        rounds,
      );
      results[key("  the same, every module's figures / bare HTTP of the year's clocks")] =
        `${a.ratio.toFixed(2)} (${a.ms.toFixed(1)} ms; ${(await get(all)).json().values.length} indicators)`;
    }
    {
      const r = await ratio(
        () => get("/api/warnings"),
        () =>
          scoped(undefined, (trx) =>
            sql`select c.*, k.* from case_clock k join case_file c
                on c.region_code = k.region_code and c.id = k.case_id
               where k.stopped_on is null and c.closed_on is null`.execute(trx),
          ),
        rounds,
      );
      const open = (await get("/api/warnings")).json().total;
      results[key("GET /api/warnings / one SELECT of the open clocks (goal ≤ 2)")] =
        `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms; ${open} warnings)`;
    }
    await writeMeasures(results, key, { db, app, region, rounds });
    await reportMeasure(results, key, { db, url: url.toString(), registry, region, rounds });
    if (!opts.noSearch) await searchMeasure(results, key, { db, app, rounds });
    await bare.close();
    await app.close();
    const version = (await sql<{ v: string }>`select version() as v`.execute(db.owner)).rows[0]?.v;
    results[key("PostgreSQL")] = String(version).split(" on ")[0]!;
  } finally {
    await db.close();
  }
}

type Db = Awaited<ReturnType<typeof openDatabase>>;

/**
 * Opening a case and its numbered step over HTTP, against one INSERT in a transaction
 * (the issue's baseline for the write paths), as rates.
 */
async function writeMeasures(
  results: Record<string, string>,
  key: (k: string) => string,
  p: { db: Db; app: Awaited<ReturnType<typeof buildApp>>; region: string; rounds: number },
) {
  const username = `bench-write-${p.region}`;
  const known = await p.db.owner
    .selectFrom("app_user")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirst();
  if (!known) {
    const unit = await p.db.owner
      .insertInto("unit")
      .values({
        region_code: p.region,
        code: "bench-write",
        name_zh: "写入基准",
        name_en: "Write bench",
        kind: "department",
        parent_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await createUser(p.db.owner, {
      username,
      displayName: "写入基准",
      unitId: unit.id,
      roles: ["case_handler"],
      password: "Speed-Test-2020",
    });
  }
  const login = await p.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "Speed-Test-2020" },
  });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.body}`);
  const headers = {
    cookie: `fazhi_sid=${login.cookies[0]!.value}`,
    "x-csrf-token": login.json().csrfToken as string,
  };
  await sql`create table if not exists bench_insert (id bigserial primary key, region_code text,
    title text, fields jsonb, opened_on date)`.execute(p.db.owner);
  const insertOne = () =>
    p.db.owner.transaction().execute((trx) =>
      sql`insert into bench_insert (region_code, title, fields, opened_on)
        values (${p.region}, '事项', ${JSON.stringify({ applicant: { name: "甲" } })}, '2021-01-29')`.execute(
        trx,
      ),
    );
  const opened: number[] = [];
  const open = async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/cases/example_permit",
      headers,
      payload: {
        fields: { applicant: { name: "甲" }, item: "事项", category: "general" },
        onDate: "2021-01-29",
      },
    });
    if (r.statusCode !== 200 && r.statusCode !== 201) throw new Error(`open: ${r.body}`);
    opened.push(r.json().id as number);
  };
  const rounds = Math.max(15, p.rounds * 3);
  const o = await ratio(open, insertOne, rounds);
  results[key("open a case: one INSERT's rate / the app's (goal ≥ 0.4)")] =
    `${(1 / o.ratio).toFixed(3)} (${o.ms.toFixed(1)} ms vs ${o.baseMs.toFixed(1)} ms)`;
  let next = 0;
  const step = async () => {
    const id = opened[next++];
    if (id === undefined) throw new Error("no case left to accept");
    const r = await p.app.inject({
      method: "POST",
      url: `/api/cases/example_permit/${id}/actions/accept`,
      headers,
      payload: { version: 1, onDate: "2021-01-29" },
    });
    if (r.statusCode !== 200) throw new Error(`accept: ${r.body}`);
  };
  const s = await ratio(step, insertOne, Math.min(rounds, opened.length - 1));
  results[key("a numbered step (accept): one INSERT's rate / the app's (goal ≥ 0.4)")] =
    `${(1 / s.ratio).toFixed(3)} (${s.ms.toFixed(1)} ms vs ${s.baseMs.toFixed(1)} ms)`;
}

/**
 * The complete annual report: the template's default draft composed with every figure
 * (the report engine), against the statements that composition sends, captured and sent
 * again by hand as one script (one round trip, no engine around it).
 */
async function reportMeasure(
  results: Record<string, string>,
  key: (k: string) => string,
  p: {
    db: Db;
    url: string;
    registry: ReturnType<typeof createRegistry>;
    region: string;
    rounds: number;
  },
) {
  const template = p.registry.reports()[0];
  if (!template) return;
  const draft = template.draft({ regionName: "区", year: YEAR });
  const compose = () =>
    composeReport(p.registry, p.db.owner, { region: p.region, year: YEAR, template, draft });
  // Capture the statements (with their parameters inlined as literals) of one composition.
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(this: pg.Client, ...args: unknown[]) {
    const q = args[0] as { text?: string; values?: unknown[] } | string;
    const text = typeof q === "string" ? q : q.text;
    const values = (typeof q === "string" ? args[1] : q.values) as unknown[] | undefined;
    if (text) sent.push(inline(text, values ?? []));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  let composed: Awaited<ReturnType<typeof compose>>;
  try {
    composed = await compose();
  } finally {
    pg.Client.prototype.query = original;
  }
  const script = sent.filter((s) => /^\s*(select|with)\b/i.test(s)).join(";\n");
  const client = new pg.Client({ connectionString: p.url });
  await client.connect();
  try {
    const r = await ratio(compose, () => client.query(script), Math.max(15, p.rounds * 2));
    results[
      key("annual report (every figure) / its statements as one hand-sent script (goal ≤ 1.3)")
    ] =
      `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms; ${composed.figures.length} figures, ${sent.length} statements)`;
  } finally {
    await client.end();
  }
}

/** A statement with its parameters as SQL literals (for the hand-sent script). */
function inline(text: string, values: unknown[]): string {
  const lit = (v: unknown): string => {
    if (v === null || v === undefined) return "null";
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    if (typeof v === "boolean") return v ? "true" : "false";
    if (v instanceof Date) return `'${v.toISOString()}'`;
    if (Array.isArray(v))
      return `'{${v.map((x) => `"${String(x).replace(/["\\]/g, "\\$&")}"`).join(",")}}'`;
    const s = typeof v === "object" ? JSON.stringify(v) : String(v);
    return `'${s.replace(/'/g, "''")}'`;
  };
  return text.replace(/\$(\d+)/g, (_, n) => lit(values[Number(n) - 1]));
}

/** Chinese search over all laws and the 100,000 documents, against a sequential scan. */
async function searchMeasure(
  results: Record<string, string>,
  key: (k: string) => string,
  p: { db: Db; app: Awaited<ReturnType<typeof buildApp>>; rounds: number },
) {
  const sizes = await sql<{ a: number; d: number }>`select
    (select count(*)::int from law_article) as a,
    (select count(*)::int from search_doc where region_code = ${DOCS_REGION} and audience = 'public') as d`.execute(
    p.db.owner,
  );
  const terms = ["行政处罚", "听证", "罚款", "营业执照", "当场", "扬尘", "告知承诺"];
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
  const searchMs: number[] = [];
  const scanMs: number[] = [];
  for (let k = 0; k < Math.max(20, p.rounds * 3); k++) {
    const q = terms[k % terms.length]!;
    let t0 = performance.now();
    await sql`select law_code, article_no from law_article where text like ${`%${q}%`}
      union all select kind, record_id from search_doc
       where region_code = ${DOCS_REGION} and audience = 'public' and body like ${`%${q}%`}`.execute(
      p.db.owner,
    );
    scanMs.push(performance.now() - t0);
    t0 = performance.now();
    const res = await p.app.inject({
      method: "GET",
      url: `/public/api/${DOCS_REGION}/search?q=${encodeURIComponent(q)}`,
    });
    if (res.statusCode !== 200) throw new Error(`search: ${res.body.slice(0, 300)}`);
    searchMs.push(performance.now() - t0);
  }
  results[key("search p95 / sequential scan p95 (goal ≤ 0.05)")] =
    `${(p95(searchMs) / p95(scanMs)).toFixed(3)} (${p95(searchMs).toFixed(1)} ms vs ${p95(scanMs).toFixed(1)} ms; ${sizes.rows[0]!.a} articles, ${sizes.rows[0]!.d} documents)`;
}

// Run directly: node --import tsx bench/scale.ts --scale district
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values: args } = parseArgs({
    options: {
      scale: { type: "string", default: "district" },
      region: { type: "string", default: "500101" },
      rounds: { type: "string", default: "9" },
      "no-search": { type: "boolean", default: false },
    },
  });
  const results: Record<string, string> = {};
  await benchScale(results, {
    scale: String(args.scale),
    serverUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    region: String(args.region),
    rounds: Number(args.rounds),
    noSearch: args["no-search"] === true,
  });
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(90)} ${v}\n`);
  await writeResults(results, undefined, true);
}
