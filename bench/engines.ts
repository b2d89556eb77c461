/**
 * The engines' query paths (issue 9), as ratios against a baseline measured in the same
 * run (median of interleaved runs), and round trips per request:
 *
 *   node --import tsx bench/engines.ts [--copies N] [--keep NAME]   (DATABASE_URL: a server to create a
 *   database on; default the machine's postgres@127.0.0.1:5432), or within `npm run bench`
 *   when DATABASE_URL is set
 *
 * The demo (directory + enforcement) is loaded once; `--copies N` clones its cases N times
 * in SQL (new ids, same clocks, suspensions, extensions, participants and timelines) to
 * see how each path grows with the data. Measures:
 *
 * - warnings page / one SELECT of the same open clocks;
 * - the enforcement indicators (GET /api/indicators/values) / one SELECT of the year's clocks;
 * - a unit user's case list page / the same page and count in hand SQL under the same scope;
 * - a case page / one SELECT of the case row;
 * - round trips (queries sent to PostgreSQL) for health, list, create, step and case page.
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import Fastify from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { loadConfig } from "../server/src/db/config.ts";
import { type Database, openDatabase } from "../server/src/db/connection.ts";
import { withScope } from "../server/src/db/scope.ts";
import { DEMO_PASSWORD } from "../server/src/engines/demo/declare.ts";
import { loadDemo } from "../server/src/engines/demo/loader.ts";
import { evaluate, resolveRequest } from "../server/src/engines/indicator/engine.ts";
import { roundValue } from "../server/src/engines/indicator/values.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { ensureLawLibrary } from "../server/src/engines/search/index.ts";
import { buildApp } from "../server/src/http/app.ts";
import { directoryModule } from "../server/src/modules/directory/index.ts";
import { DISCLOSURE_TYPE } from "../server/src/modules/enforcement/cases/penalty/fields.ts";
import { enforcementModule } from "../server/src/modules/enforcement/index.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";

/** Queries sent to PostgreSQL by every pg client of this process. */
let queries = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  queries++;
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

/** Queries sent so far by this process's pg clients. */
export const queriesSent = () => queries;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median time of `fn` and of `base`, interleaved, and their ratio. */
export async function ratio(
  fn: () => Promise<unknown>,
  base: () => Promise<unknown>,
  rounds: number,
): Promise<{ ratio: number; ms: number; baseMs: number }> {
  const a: number[] = [];
  const b: number[] = [];
  await fn();
  await base();
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    await base();
    b.push(performance.now() - t0);
    t0 = performance.now();
    await fn();
    a.push(performance.now() - t0);
  }
  const ms = median(a);
  const baseMs = median(b);
  return { ratio: ms / baseMs, ms, baseMs };
}

/**
 * The engines' measures into `results`, on a database created (and dropped) on the
 * server at `serverUrl`, the demo loaded and cloned `copies` times.
 */
export async function benchEngines(
  results: Record<string, string>,
  opts: { serverUrl: string; copies: number; rounds?: number; keep?: string },
): Promise<void> {
  const { serverUrl, copies } = opts;
  const dbName = opts.keep ?? `fazhi_bench_engines_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // --keep NAME: load the demo once into NAME and keep it, so that runs of two versions
  // of the code (before and after a change) can alternate on the same data.
  const kept =
    opts.keep !== undefined &&
    (await admin.query("select 1 from pg_database where datname = $1", [dbName])).rowCount === 1;
  if (!kept) await admin.query(`create database ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const dir = path.join(os.tmpdir(), dbName);
  const config = loadConfig({ FAZHI_DATA_DIR: dir, DATABASE_URL: url.toString() });
  const db = await openDatabase(config);
  try {
    const t0 = performance.now();
    if (!kept) {
      await loadDemo(db, createRegistry([directoryModule, enforcementModule]), {
        keyDir: config.keyDir,
      });
      results["demo load, s"] = ((performance.now() - t0) / 1000).toFixed(1);
      if (copies > 0) await cloneCases(db, copies);
      await sql`analyze`.execute(db.owner);
    }
    const cases = await sql<{ n: number; open: number }>`select count(*)::int as n,
      count(*) filter (where closed_on is null)::int as open from case_file`.execute(db.owner);
    results.cases = `${cases.rows[0]!.n} (${cases.rows[0]!.open} open)`;

    if (!kept) {
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
    }
    const app = await buildApp({
      db,
      config,
      clock: () => new Date("2021-01-31T02:00:00Z"),
      registry: createRegistry([directoryModule, enforcementModule, examplesModule]),
    });
    const login = async (username: string, password: string) => {
      const r = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password },
      });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.body}`);
      return {
        cookie: `fazhi_sid=${r.cookies[0]!.value}`,
        "x-csrf-token": r.json().csrfToken as string,
      };
    };
    // The handler of the body with the most penalty cases others own too (participation).
    const busiest = await sql<{ username: string; unit_id: number }>`
    select u.username, u.unit_id from app_user u join user_role r on r.user_id = u.id
     where r.role = 'case_handler' and u.unit_id = (select unit_id from case_file
       where case_type = 'penalty_general' group by unit_id order by count(*) desc limit 1)
     limit 1`.execute(db.owner);
    const handler = await login(busiest.rows[0]!.username, DEMO_PASSWORD);
    const office = await login("wl.yfzqb.office", DEMO_PASSWORD);
    const bench = await login("bench", "Speed-Test-2020");
    const get = async (headers: Record<string, string>, u: string) => {
      const r = await app.inject({ method: "GET", url: u, headers });
      if (r.statusCode !== 200) throw new Error(`${u}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      return r;
    };
    const scoped = <T>(
      unitId: number | undefined,
      fn: (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => Promise<T>,
    ) => withScope(db.app, { regions: ["500156"], unitId, userId: undefined }, fn);
    const rounds = opts.rounds ?? 15;

    // Warnings: the first page against one SELECT of the open clocks.
    {
      const page = await get(office, "/api/warnings");
      const body = page.json();
      results["warnings: items on page / total"] = Array.isArray(body)
        ? `${body.length} (unpaged, ${page.body.length} bytes)`
        : `${body.items.length} / ${body.total} (${page.body.length} bytes)`;
      const r = await ratio(
        () => get(office, "/api/warnings"),
        () =>
          scoped(undefined, (trx) =>
            sql`select c.*, k.* from case_clock k join case_file c
                on c.region_code = k.region_code and c.id = k.case_id
               where k.stopped_on is null and c.closed_on is null`.execute(trx),
          ),
        rounds,
      );
      results["GET /api/warnings / one SELECT of open clocks"] =
        `${r.ratio.toFixed(1)} (${r.ms.toFixed(1)} ms)`;
    }

    // Indicators of a year against one SELECT of the year's clocks.
    {
      const r = await ratio(
        () => get(office, "/api/indicators/values?region=500156&year=2020"),
        () =>
          scoped(undefined, (trx) =>
            sql`select c.*, k.* from case_clock k join case_file c
                on c.region_code = k.region_code and c.id = k.case_id
               where k.started_on <= '2020-12-31' and (k.stopped_on is null or k.stopped_on >= '2020-01-01')`.execute(
              trx,
            ),
          ),
        Math.max(3, Math.floor(rounds / 3)),
      );
      results["GET /api/indicators/values / one SELECT of the year's clocks"] =
        `${r.ratio.toFixed(1)} (${r.ms.toFixed(1)} ms)`;
    }

    // The overdue figure alone, in-process (the case engine's lateClocks), against the same
    // SELECT of the year's clocks: the figure that was most of the endpoint's time.
    {
      const registry = createRegistry([directoryModule, enforcementModule]);
      const req = { region: "500156", year: 2020, indicatorIds: ["enforcement_overdue_cases"] };
      const r = await ratio(
        () => evaluate(registry, db.owner, req),
        () =>
          sql`select c.*, k.* from case_clock k join case_file c
              on c.region_code = k.region_code and c.id = k.case_id
             where k.started_on <= '2020-12-31' and (k.stopped_on is null or k.stopped_on >= '2020-01-01')`.execute(
            db.owner,
          ),
        rounds,
      );
      const value = (await evaluate(registry, db.owner, req))[0]?.value;
      results["overdue indicator in-process / one SELECT of the year's clocks"] =
        `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms; value ${value})`;
    }

    // The indicators declared with the query helpers, in-process: grouped per source (one
    // statement each, engines/indicator/batch.ts) against each helper's own statement, one
    // indicator after another (the engine before grouping). Same values, checked here.
    {
      const registry = createRegistry([directoryModule, enforcementModule]);
      const decls = registry.indicators().filter((d) => d.value && !d.dependsOn);
      const req = { region: "500156", year: 2020, indicatorIds: decls.map((d) => d.id) };
      const scope = await resolveRequest(db.owner, req);
      const oneEach = async () => {
        const out: Record<string, number | null> = {};
        for (const d of decls) out[d.id] = await d.value!({ db: db.owner, ...scope });
        return out;
      };
      const grouped = () => evaluate(registry, db.owner, req);
      const r = await ratio(grouped, oneEach, rounds);
      const own = await oneEach();
      const same = (await grouped()).every(
        (v) => v.value === roundValue(own[v.id] ?? null, v.decimals),
      );
      const q0 = queries;
      await grouped();
      const sent = queries - q0;
      results["indicators in-process: grouped / one statement each"] =
        `${r.ratio.toFixed(2)} (${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms; ${decls.length} indicators in ${sent} statements; same values: ${same})`;
    }

    // A unit user's case list page (RLS: participation) against the same page in SQL.
    {
      const unitId = busiest.rows[0]!.unit_id;
      const r = await ratio(
        () => get(handler, "/api/cases/penalty_general?page=1&pageSize=20"),
        () =>
          scoped(unitId, async (trx) => {
            await sql`select * from case_file where case_type = 'penalty_general' and unit_id = ${unitId}
                     order by id desc limit 20`.execute(trx);
            await sql`select count(*) from case_file where case_type = 'penalty_general' and unit_id = ${unitId}`.execute(
              trx,
            );
          }),
        rounds,
      );
      results["case list (unit user) / same page in SQL"] =
        `${r.ratio.toFixed(1)} (${r.ms.toFixed(1)} ms)`;
    }

    // A case page against one SELECT of the row.
    const someCase = await sql<{ id: number }>`select id from case_file
      where case_type = 'penalty_general' and closed_on is null order by id limit 1`.execute(
      db.owner,
    );
    const caseUrl = `/api/cases/penalty_general/${someCase.rows[0]!.id}`;
    {
      const r = await ratio(
        () => get(office, caseUrl),
        () =>
          scoped(undefined, (trx) =>
            sql`select * from case_file where region_code = '500156' and id = ${someCase.rows[0]!.id}`.execute(
              trx,
            ),
          ),
        rounds,
      );
      results["case page / one SELECT of the case"] =
        `${r.ratio.toFixed(1)} (${r.ms.toFixed(1)} ms)`;
    }

    // The public portal's busiest list (the penalty disclosures of a district) against a
    // bare Fastify JSON route reading the same page in one SELECT (goal ≥ 0.5 of its rate).
    {
      const bare = Fastify();
      bare.get("/bare", async () => {
        const r = await sql`select * from case_file where region_code = '500156'
          and case_type = ${DISCLOSURE_TYPE} order by id desc limit 20`.execute(db.owner);
        return { items: r.rows };
      });
      await bare.ready();
      const portalUrl = `/public/api/500156/cases/${DISCLOSURE_TYPE}?page=1`;
      const first = await app.inject({ method: "GET", url: portalUrl });
      if (first.statusCode !== 200) throw new Error(`${portalUrl}: ${first.body.slice(0, 300)}`);
      const r = await ratio(
        () => app.inject({ method: "GET", url: portalUrl }),
        () => bare.inject({ method: "GET", url: "/bare" }),
        rounds,
      );
      results["portal disclosures list: bare Fastify / portal (goal ≥ 0.5)"] =
        `${(1 / r.ratio).toFixed(2)} (${r.ms.toFixed(1)} ms; ${first.json().total} public)`;
      await bare.close();
    }

    // Chinese search over all laws and the district's public documents, against a
    // sequential scan with the same match (goal: p95 ≤ 5% of the scan's).
    {
      await ensureLawLibrary(db.owner, new Date());
      const sizes = await sql<{ a: number; d: number }>`select
        (select count(*)::int from law_article) as a, (select count(*)::int from search_doc) as d`.execute(
        db.owner,
      );
      const terms = ["行政处罚", "听证", "罚款", "营业执照", "当场"];
      const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
      const searchMs: number[] = [];
      const scanMs: number[] = [];
      for (let k = 0; k < rounds * 2; k++) {
        const q = terms[k % terms.length]!;
        let t0 = performance.now();
        await sql`select law_code, article_no from law_article where text like ${`%${q}%`}
          union all select kind, record_id from search_doc
           where region_code = '500156' and audience = 'public' and body like ${`%${q}%`}`.execute(
          db.owner,
        );
        scanMs.push(performance.now() - t0);
        t0 = performance.now();
        const res = await app.inject({
          method: "GET",
          url: `/public/api/500156/search?q=${encodeURIComponent(q)}`,
        });
        if (res.statusCode !== 200) throw new Error(`search: ${res.body.slice(0, 300)}`);
        searchMs.push(performance.now() - t0);
      }
      results["portal search p95 / sequential scan p95 (goal ≤ 0.05)"] =
        `${(p95(searchMs) / p95(scanMs)).toFixed(2)} (${p95(searchMs).toFixed(1)} ms vs ${p95(scanMs).toFixed(1)} ms; ${sizes.rows[0]!.a} articles, ${sizes.rows[0]!.d} documents)`;
    }

    // Round trips per request.
    const count = async (fn: () => Promise<unknown>) => {
      const q0 = queries;
      await fn();
      return queries - q0;
    };
    const created = await app.inject({
      method: "POST",
      url: "/api/cases/example_permit",
      headers: bench,
      payload: {
        fields: {
          applicant: { name: "甲", idNumber: "11010519491231002X" },
          item: "事项",
          category: "general",
        },
        onDate: "2021-01-29",
      },
    });
    const trips = {
      health: await count(() => app.inject({ method: "GET", url: "/api/health" })),
      list: await count(() => get(handler, "/api/cases/penalty_general?page=1")),
      create: await count(() =>
        app.inject({
          method: "POST",
          url: "/api/cases/example_permit",
          headers: bench,
          payload: {
            fields: { applicant: { name: "乙" }, item: "事项", category: "market" },
            onDate: "2021-01-29",
          },
        }),
      ),
      step: await count(async () => {
        const r = await app.inject({
          method: "POST",
          url: `/api/cases/example_permit/${created.json().id}/actions/accept`,
          headers: bench,
          payload: { version: 1, onDate: "2021-01-29" },
        });
        if (r.statusCode !== 200) throw new Error(`step: ${r.body}`);
      }),
      "case page": await count(() => get(office, caseUrl)),
    };
    results["round trips: health, list, create, step, case page"] = Object.values(trips).join(", ");
    await app.close();
  } finally {
    await db.close();
    if (opts.keep === undefined)
      await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

// Run directly: node --import tsx bench/engines.ts [--copies N]
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const results: Record<string, string> = {};
  await benchEngines(results, {
    serverUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    copies: Number(args[args.indexOf("--copies") + 1] ?? 0) || 0,
    rounds: Number(process.env.BENCH_ROUNDS ?? 15),
    keep: args.includes("--keep") ? args[args.indexOf("--keep") + 1] : undefined,
  });
  for (const [k, v] of Object.entries(results)) process.stdout.write(`${k.padEnd(62)} ${v}\n`);
}

/** Clone every case N times in SQL: new ids, same children (the demo ×N+1). */
async function cloneCases(db: Database, n: number) {
  const shift = 1_000_000;
  const tables: [string, string][] = [
    ["case_file", `'id', (t.id + k * ${shift}), 'parent_id', (t.parent_id + k * ${shift})`],
    ["case_participant", `'case_id', (t.case_id + k * ${shift})`],
    ["case_event", `'case_id', (t.case_id + k * ${shift})`],
    ["case_clock", `'case_id', (t.case_id + k * ${shift}), 'id', (t.id + k * ${shift})`],
    ["case_suspension", `'case_id', (t.case_id + k * ${shift}), 'id', (t.id + k * ${shift})`],
    [
      "case_suspension_clock",
      `'case_id', (t.case_id + k * ${shift}), 'suspension_id', (t.suspension_id + k * ${shift}), 'clock_id', (t.clock_id + k * ${shift})`,
    ],
    [
      "case_extension",
      `'case_id', (t.case_id + k * ${shift}), 'id', (t.id + k * ${shift}),
      'clock_id', (t.clock_id + k * ${shift})`,
    ],
  ];
  await db.owner.transaction().execute(async (trx) => {
    for (const [table, changes] of tables) {
      await sql
        .raw(
          `insert into ${table} overriding system value
           select (jsonb_populate_record(null::${table}, to_jsonb(t) || jsonb_build_object(${changes}))).*
             from ${table} t, generate_series(1, ${n}) k where t.${table === "case_file" ? "id" : "case_id"} < ${shift}`,
        )
        .execute(trx);
    }
  });
}
